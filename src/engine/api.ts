// What the workers (and the command-line runner, and the tests) call. Plain data in and out;
// bad input comes back as messages, never as a thrown error (comlink loses error details).
// A trailing `onProgress` argument, when a function takes one, is a callback (comlink proxy).
import {
  parseScenario,
  readScenarioFile as readFile,
  type ScenarioFileRead,
  type ValidationMessage,
} from './scenario/parse';
import type { Scenario } from './scenario/schema';
import type { DefendantRow, Result } from './result/types';
import { solveScenario, solveWithFirstPass, type SolveOptions } from './solve';
import { buildPopulation, describeKinds, type KindInfo } from './population/kinds';
import { sweep as sweepPoints, phaseCells as phase, type ProgressFn } from './sweep/sweep';
import { binsOfPass, ladderBins } from './views/ladder';
import { ledger as ledgerFrames, type Ledger } from './sweep/ledger';
import { payoffTable, type PayoffTable } from './sweep/payoff';
import { budgetLeftAt } from './result/budget';
import { explainFrom, type DefendantExplanation } from './explain';
import { solveLottery } from './regimes/lottery';
import { firstArrivals } from './population/arrivals';
import { compareRegimes as compare, type RegimeRow } from './views/compare';
import type { LadderBin, OutcomeKey, SuccessCriterion, SweepResult } from './sweep/types';
import { statusQuoOf, type StatusQuoComparison } from './sweep/statusQuo';

export type { Scenario, ScenarioInput } from './scenario/schema';
export type { Result } from './result/types';
export type { ValidationMessage, ScenarioFileRead } from './scenario/parse';
export type { SolveOptions } from './solve';
export type { KindInfo } from './population/kinds';
export type {
  DefendantExplanation,
  DefendantNumbers,
  ExplainContext,
  Counterfactual,
  PremiumPart,
  Choice,
} from './explain';
export type { RegimeRow } from './views/compare';
export type { StatusQuoComparison, Figures as StatusQuoFigures } from './sweep/statusQuo';
export type * from './sweep/types';
export type { Ledger, LedgerFrame, LedgerPart } from './sweep/ledger';
export type { PayoffTable, PayoffCell } from './sweep/payoff';

export type Checked<T> = { ok: true; value: T } | { ok: false; errors: ValidationMessage[] };

/** Validate a scenario (any JSON value), applying defaults. */
export function validate(input: unknown): Checked<Scenario> {
  const r = parseScenario(input);
  return r.ok ? { ok: true, value: r.scenario } : { ok: false, errors: r.errors };
}

/** Validate and solve. */
export function solve(
  input: unknown,
  options: Omit<SolveOptions, 'onProgress'> = {},
  onProgress?: ProgressFn,
): Checked<Result> {
  const r = parseScenario(input);
  if (!r.ok) return { ok: false, errors: r.errors };
  return { ok: true, value: solveScenario(r.scenario, { ...options, onProgress }) };
}

/** The kinds of defendant with their costs (for the "why" panel and the Schelling view). */
export function kinds(input: unknown): Checked<KindInfo[]> {
  const r = parseScenario(input);
  if (!r.ok) return { ok: false, errors: r.errors };
  return { ok: true, value: describeKinds(buildPopulation(r.scenario)) };
}

/** A 1-D lever sweep. */
export function sweep(
  input: unknown,
  field: string,
  values: number[],
  criterion?: SuccessCriterion | null,
  onProgress?: ProgressFn,
): SweepResult & { skipped: { x: number; message: string }[] } {
  return sweepPoints(input, field, values, criterion, onProgress);
}

/** Phase-diagram cells (the client splits a grid into batches). */
export function phaseCells(
  input: unknown,
  xField: string,
  yField: string,
  cells: [number, number][],
  outcome: OutcomeKey,
  criterion?: SuccessCriterion | null,
  onProgress?: ProgressFn,
): { values: (number | null)[]; success: number[] } {
  return phase(input, xField, yField, cells, outcome, criterion, onProgress);
}

/** The unraveling ladder in at most `maxBins` bins (priority, forcedSpend). */
export function ladder(input: unknown, maxBins: number): Checked<LadderBin[]> {
  const r = parseScenario(input);
  if (!r.ok) return { ok: false, errors: r.errors };
  return { ok: true, value: ladderBins(r.scenario, maxBins) };
}

/**
 * The prosecutor's pass frame by frame (priority, forcedSpend): one frame per rank, or bins of
 * ranks when N > maxFrames, with the running totals, budget and fund (the classroom's player).
 */
export function ledger(input: unknown, maxFrames: number): Checked<Ledger> {
  const r = parseScenario(input);
  if (!r.ok) return { ok: false, errors: r.errors };
  return { ok: true, value: ledgerFrames(r.scenario, maxFrames) };
}

/** Two co-defendants under the lottery: the years each expects by his choice and the other's. */
export function payoffs(input: unknown): Checked<PayoffTable | null> {
  const r = parseScenario(input);
  if (!r.ok) return { ok: false, errors: r.errors };
  return { ok: true, value: payoffTable(r.scenario) };
}

/** The lottery's thresholds as {threshold, count} (null: never refuses), for any N. */
export interface ThresholdCounts {
  k: number;
  counts: { threshold: number | null; count: number }[];
}

function thresholdCountsOf(scenario: Scenario): ThresholdCounts {
  if (scenario.prosecutor.regime !== 'lottery') return { k: 0, counts: [] };
  const pop = buildPopulation(scenario);
  const lot = solveLottery(pop, scenario.prosecutor.budget ?? 0, firstArrivals(pop));
  const byT = new Map<number, number>();
  for (let i = 0; i < pop.kinds.size; i++)
    byT.set(lot.tau[i], (byT.get(lot.tau[i]) ?? 0) + pop.kinds.count[i]);
  const counts = [...byT.entries()]
    .sort((a, b) => (a[0] < 0 ? Infinity : a[0]) - (b[0] < 0 ? Infinity : b[0]))
    .map(([t, count]) => ({ threshold: t < 0 ? null : t, count }));
  return { k: lot.k, counts };
}

/** Lottery thresholds as {threshold, count} (null: never refuses), for any N. */
export function thresholdCounts(input: unknown): Checked<ThresholdCounts> {
  const r = parseScenario(input);
  if (!r.ok) return { ok: false, errors: r.errors };
  return { ok: true, value: thresholdCountsOf(r.scenario) };
}

/** Everything the Result tab draws for one scenario (resultScreen). */
export interface ResultScreen {
  result: Result;
  /** The kinds of defendant (why panel, Schelling view). */
  kinds: KindInfo[];
  /** The ladder in at most `bins` bins when the result leaves its rows out (priority, forcedSpend). */
  bins: LadderBin[] | null;
  /** The lottery's threshold counts when the result leaves its thresholds out. */
  thresholds: ThresholdCounts | null;
}

/**
 * resultScreen(scenario, {rows, bins, leaveRowsOut}): what the Result tab needs, in one job — the
 * result (solved with `rows`, progress reported), the kinds, and, when the result omits them, the
 * ladder's bins (at most `bins`) or the lottery's threshold counts. `leaveRowsOut`: solve as
 * asked (the same totals, to the last bit) but send no rows — the ladder's bins instead (a
 * dragged lever's answer: the screen draws the ladder in bins above a few hundred ranks).
 */
export function resultScreen(
  input: unknown,
  options: { rows?: SolveOptions['rows']; bins: number; leaveRowsOut?: boolean },
  onProgress?: ProgressFn,
): Checked<ResultScreen> {
  const r = parseScenario(input);
  if (!r.ok) return { ok: false, errors: r.errors };
  const scenario = r.scenario;
  // A moving lever's question (rows left out) on a ladder: the solve's own pass gives the bins,
  // not a second pass, and no rows are built to be dropped (issue 12, a dragged lever).
  const withPass = options.leaveRowsOut ? solveWithFirstPass(scenario, { rows: options.rows, onProgress }) : null;
  if (withPass) {
    return {
      ok: true,
      value: {
        result: withPass.result,
        kinds: describeKinds(buildPopulation(scenario)),
        bins: binsOfPass(scenario, options.bins, withPass.first),
        thresholds: null,
      },
    };
  }
  const solved = solveScenario(scenario, { rows: options.rows, onProgress });
  let result = solved;
  if (options.leaveRowsOut && solved.defendants) {
    const { defendants: _rows, ...rest } = solved;
    result = rest;
  }
  const needBins =
    !result.defendants && (result.regime === 'priority' || result.regime === 'forcedSpend');
  const needThresholds = result.lottery !== undefined && !result.lottery.thresholds;
  return {
    ok: true,
    value: {
      result,
      kinds: describeKinds(buildPopulation(scenario)),
      bins: needBins ? ladderBins(scenario, options.bins) : null,
      thresholds: needThresholds ? thresholdCountsOf(scenario) : null,
    },
  };
}

/**
 * The last scenario asked about, parsed and solved with every row, and its kinds, keyed by its
 * content: a follow-up question about the same scenario (another defendant, his explanation)
 * does not parse or solve again. One entry: a worker answers for the scenario on screen.
 */
interface Prepared {
  key: string;
  scenario: Scenario;
  result: Result;
  kinds: KindInfo[];
}
let lastPrepared: Prepared | null = null;
const KEEP_ROWS_UP_TO = 1_000_000;
/** How many times a scenario was prepared (parsed and solved) for a follow-up question; tests read it. */
export const preparedCount = { value: 0 };

/** The content key of an input: JSON, with what JSON would blur (NaN, ±Infinity, undefined) kept apart. */
function contentKey(input: unknown): string {
  return JSON.stringify(input, (_k, v: unknown) =>
    v === undefined
      ? '\u0000undefined'
      : typeof v === 'number' && !Number.isFinite(v)
        ? `\u0000${v}`
        : v,
  );
}

function preparedFor(input: unknown): Checked<Prepared> {
  const key = contentKey(input);
  if (lastPrepared && lastPrepared.key === key) return { ok: true, value: lastPrepared };
  const r = parseScenario(input);
  if (!r.ok) return { ok: false, errors: r.errors };
  preparedCount.value++;
  const prepared: Prepared = {
    key,
    scenario: r.scenario,
    result: solveScenario(r.scenario, { rows: 'always' }),
    kinds: describeKinds(buildPopulation(r.scenario)),
  };
  // A very large scenario's rows are not kept between questions (they would hold the memory).
  lastPrepared = prepared.result.totals.defendants <= KEEP_ROWS_UP_TO ? prepared : null;
  return { ok: true, value: prepared };
}

/**
 * One defendant's row (1-based id) and the prosecutor's budget left at his turn, for the "why"
 * panel when the result on screen leaves its rows out (large scenarios).
 */
export function defendant(
  input: unknown,
  id: number,
): Checked<{ row: DefendantRow; budgetLeft: number | null } | null> {
  const p = preparedFor(input);
  if (!p.ok) return p;
  const rows = p.value.result.defendants ?? [];
  const row = rows[id - 1];
  if (!row) return { ok: true, value: null };
  return { ok: true, value: { row, budgetLeft: budgetLeftAt(rows, p.value.scenario, row) } };
}

/**
 * explain(scenario, id): the numbers behind one defendant's choice — both costs, the offer, π,
 * the budget left at his turn, each lever part and what he would have done without it, his
 * lottery threshold — for the why panel (which only words them). Null: no such defendant.
 */
export function explain(input: unknown, id: number): Checked<DefendantExplanation | null> {
  const p = preparedFor(input);
  if (!p.ok) return p;
  const { scenario, result, kinds: k } = p.value;
  return { ok: true, value: explainFrom(scenario, result, k, id) };
}

/**
 * The status quo beside a result: the same scenario with no pledges, no sanction and no fund,
 * and what organizing changed (pleas, free, take; the crash week under the docket).
 */
export function statusQuo(input: unknown): Checked<StatusQuoComparison> {
  return statusQuoOf(input);
}

/** The same defendants under noPlea, lottery, priority and forcedSpend. */
export function compareRegimes(input: unknown): RegimeRow[] {
  return compare(input);
}

/**
 * A scenario file's bytes read as the page's file opener reads them (UTF-8 check, text, parse),
 * in the worker: a large file costs the page nothing but receiving the answer.
 */
export function readScenarioFile(bytes: Uint8Array): ScenarioFileRead {
  return readFile(bytes);
}
