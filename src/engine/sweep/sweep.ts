// Lever sweeps and phase diagrams: the same scenario solved at many values of one or two fields.
// Every point is an ordinary scenario (same seed), so a point gives the same numbers whichever
// worker computes it, and the client can split a grid across workers freely.
import type { ValidationMessage } from '../scenario/parse';
import { createDraftChecker, type DraftChecker } from '../scenario/incremental';
import { solveScenario } from '../solve';
import type { Result } from '../result/types';
import { setPath } from './fieldPath';
import { gridValues } from './grid';
import type { OutcomeKey, OutcomeValue, SuccessCriterion, SweepPoint, SweepResult } from './types';
import { DEFAULT_CRITERION, OUTCOME_KEYS } from './types';
import { meetsCriterion } from './criterion';

export type ProgressFn = (fraction: number) => void;

const fromDist = (r: Result, key: 'take' | 'takeRatio' | 'pleas' | 'trials' | 'free' | 'stopRank') => {
  const d = r.distribution?.[key];
  const value = r.totals[key];
  return d
    ? { value, mean: d.mean, p5: d.p5, p95: d.p95 }
    : { value, mean: value, p5: value, p95: value };
};

const scaled = (v: OutcomeValue, by: number): OutcomeValue => {
  const f = (x: number | null) => (x === null ? null : x / by);
  return { value: f(v.value), mean: f(v.mean), p5: f(v.p5), p95: f(v.p95) };
};

/** The docket's crash week (null outside the docket, or when everyone is threatened). */
const docketWeek = (x: number | null): OutcomeValue => ({ value: x, mean: x, p5: x, p95: x });

/** Every plottable outcome of one result. */
export function outcomesOf(r: Result): Record<OutcomeKey, OutcomeValue> {
  const N = r.totals.defendants;
  const free = fromDist(r, 'free');
  const take = fromDist(r, 'take');
  const ok = r.totals.strikeSucceeds ? 1 : 0;
  return {
    shareFree: scaled(free, N),
    take,
    takeRatio: fromDist(r, 'takeRatio'),
    pleas: fromDist(r, 'pleas'),
    trials: fromDist(r, 'trials'),
    free,
    stopRank: fromDist(r, 'stopRank'),
    takePerDefendant: scaled(take, N),
    strikeSucceeds: { value: ok, mean: ok, p5: ok, p95: ok },
    crashWeek: docketWeek(r.docket?.crashWeek ?? null),
  };
}

/** Comlink appends a progress callback after the given arguments: accept it in either place. */
function split(
  criterion: SuccessCriterion | ProgressFn | null | undefined,
  onProgress: ProgressFn | undefined,
): [SuccessCriterion, ProgressFn | undefined] {
  if (typeof criterion === 'function') return [DEFAULT_CRITERION, criterion];
  return [criterion ?? DEFAULT_CRITERION, onProgress];
}

export interface PointResult {
  ok: boolean;
  outcomes?: Record<OutcomeKey, OutcomeValue>;
  errors?: ValidationMessage[];
}

/**
 * Solve the scenario with each `field` set to its `x` (totals only). A batch of points passes
 * one `checker` (scenario/incremental.ts): the same answer as `parseScenario` on each point, but
 * a group whose one changed field was seen before is not validated again.
 */
export function solveAt(
  input: unknown,
  fields: readonly [string, number][],
  checker: DraftChecker = createDraftChecker(),
): PointResult {
  let s = input;
  for (const [field, x] of fields) s = setPath(s, field, x);
  const parsed = checker.check(s);
  if (!parsed.ok) return { ok: false, errors: parsed.errors };
  return { ok: true, outcomes: outcomesOf(solveScenario(parsed.scenario, { rows: 'never', plotOnly: true })) };
}

/**
 * The checker every sweep and phase-diagram batch in this realm (a worker) passes its points
 * through: the next batch of the same scenario finds its groups and the rest of its fields
 * already checked (a batch comes as a new copy of the scenario), and V8 sees one checker's
 * functions at its call sites, not a new closure each batch (a new call target deoptimized
 * solveAt and recompiled the batch loop on every worker). Its answers are parseScenario's
 * whatever it checked before (scenario/incremental.ts).
 */
let shared: DraftChecker | null = null;
const batchChecker = (): DraftChecker => (shared ??= createDraftChecker());

/** Evenly spaced values from lo to hi (integers when `integer`, deduplicated): grid.ts's gridValues. */
export const sweepValues = gridValues;

/** A 1-D sweep: invalid points are left out and their first message reported. */
export function sweep(
  input: unknown,
  field: string,
  values: readonly number[],
  criterionArg?: SuccessCriterion | ProgressFn | null,
  progressArg?: ProgressFn,
): SweepResult & { skipped: { x: number; message: string }[] } {
  const [criterion, onProgress] = split(criterionArg, progressArg);
  const points: SweepPoint[] = [];
  const skipped: { x: number; message: string }[] = [];
  let random = false;
  const checker = batchChecker();
  values.forEach((x, i) => {
    const r = solveAt(input, [[field, x]], checker);
    if (r.ok && r.outcomes) {
      points.push({ x, outcomes: r.outcomes });
      const t = r.outcomes.take;
      if (t.p5 !== t.p95) random = true;
    } else skipped.push({ x, message: r.errors?.[0]?.text ?? 'invalid' });
    onProgress?.((i + 1) / values.length);
  });
  const success = points.find((p) => meetsCriterion(p.outcomes, criterion) === 1);
  return { field, points, random, successAt: success ? success.x : null, skipped };
}

/** Phase-diagram cells: values of `outcome` and strike success at each (x, y). */
export function phaseCells(
  input: unknown,
  xField: string,
  yField: string,
  cells: readonly [number, number][],
  outcome: OutcomeKey,
  criterionArg?: SuccessCriterion | ProgressFn | null,
  progressArg?: ProgressFn,
): { values: (number | null)[]; success: number[] } {
  const [criterion, onProgress] = split(criterionArg, progressArg);
  const values: (number | null)[] = [];
  const success: number[] = [];
  const checker = batchChecker();
  for (let i = 0; i < cells.length; i++) {
    const r = solveAt(
      input,
      [
        [xField, cells[i][0]],
        [yField, cells[i][1]],
      ],
      checker,
    );
    if (r.ok && r.outcomes) {
      const v = r.outcomes[outcome];
      values.push(v.mean ?? v.value);
      success.push(meetsCriterion(r.outcomes, criterion));
    } else {
      values.push(null);
      success.push(-1);
    }
    if (onProgress && (i % 16 === 15 || i === cells.length - 1)) onProgress((i + 1) / cells.length);
  }
  return { values, success };
}

export { OUTCOME_KEYS, meetsCriterion };
