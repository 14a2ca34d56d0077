// Builds a figure in Node (or a test) from a scenario and the view's settings: the engine runs
// in-process through the same batch code the app's worker pool runs, and the chart source comes
// from sources.ts. Used by `npm run figure` and by the CLI/app identity tests.
import { engineApi as api } from '../engine/compute';
import type { Scenario } from '../engine';
import type { DefendantRow, DistributionKey } from '../engine';
import { DISTRIBUTION_KEYS } from '../engine';
import type { KindInfo } from '../engine';
import type { OutcomeKey } from '../engine';
import { DEFAULT_CRITERION, defendantCount } from '../engine';
import { runPhase, runSweep, type BatchPool } from '../client/batch';
import { rowsFor } from '../client/limits';
import { MAX_RANKS } from '../charts/ladder/data';
import { gridValues, sweepFields, PHASE_OUTCOMES, SWEEP_OUTCOMES } from '../components/analysis/model';
import {
  distributionSource,
  drawnRegimeRows,
  ladderSource,
  phaseSource,
  regimesSource,
  compareSource,
  docketSource,
  schellingSource,
  sweepSides,
  sweepSource,
  thresholdSource,
  FIGURE_CHARTS,
  type FigureChart,
} from './sources';
import type { FigureSource } from './render';
import { compareSettings, phaseSettings, sweepSettings, type PhaseSpecText, type SweepSpecText } from './settings';
import { scenarioIdentity } from './meta';

export interface FigureRequest {
  chart: string;
  sweep?: SweepSpecText;
  phase?: PhaseSpecText;
  outcome?: string;
  /** Schelling: the defendant whose choice is drawn (default: defendant 1, as the app). */
  defendant?: number;
  /** Compare A/B (the compare chart, or both curves of a sweep): the pinned scenario A (the scenario itself is B). */
  pinned?: Scenario;
}

export class FigureError extends Error {}

/** A pool that runs the engine in this process (one "worker"). */
export const inProcessPool: BatchPool = {
  size: 1,
  run: (method: string, args: unknown[], opts?: { onProgress?: (p: number) => void }) => {
    const fn = (api as unknown as Record<string, (...a: unknown[]) => unknown>)[method];
    return Promise.resolve(fn(...args, ...(opts?.onProgress ? [opts.onProgress] : [])));
  },
} as unknown as BatchPool;

function kindOf(row: DefendantRow, kinds: readonly KindInfo[] | null): KindInfo | null {
  return kinds?.find((k) => k.group === row.group && k.pledged === row.pledged && k.never === row.never && k.covered === row.covered) ?? null;
}

export async function buildFigure(scenario: Scenario, req: FigureRequest): Promise<FigureSource> {
  if (!(FIGURE_CHARTS as readonly string[]).includes(req.chart)) {
    throw new FigureError(`--chart: unknown chart “${req.chart}”; one of ${FIGURE_CHARTS.join(', ')}`);
  }
  const chart = req.chart as FigureChart;
  if (req.pinned && chart !== 'compare' && chart !== 'sweep') {
    throw new FigureError(`--compare: scenarios A and B are drawn together by --chart compare and --chart sweep, not by --chart ${chart}`);
  }
  const regime = scenario.prosecutor.regime;
  const solve = () => {
    const r = api.solve(scenario, { rows: rowsFor(defendantCount(scenario.groups)) });
    if (!r.ok) throw new FigureError(r.errors.map((e) => e.text).join('\n'));
    return r.value;
  };
  const kinds = () => {
    const k = api.kinds(scenario);
    return k.ok ? k.value : null;
  };
  switch (chart) {
    case 'ladder': {
      if (regime !== 'priority' && regime !== 'forcedSpend') throw new FigureError(`--chart ladder: the ladder is drawn for the priority and forcedSpend regimes; this scenario's regime is ${regime}`);
      const result = solve();
      const binned = result.defendants ? null : api.ladder(scenario, MAX_RANKS);
      const bins = binned ? (binned.ok ? binned.value : []) : undefined;
      return ladderSource({ rows: result.defendants, bins, scenario, kinds: kinds() ?? undefined, stopRank: result.totals.stopRank, regime: result.regime });
    }
    case 'threshold':
    case 'schelling': {
      const result = solve();
      if (!result.lottery) throw new FigureError(`--chart ${chart}: drawn for the lottery regime; this scenario's regime is ${regime}`);
      const N = result.totals.defendants;
      if (chart === 'threshold') {
        const counts = result.lottery.thresholds ? undefined : api.thresholdCounts(scenario);
        return thresholdSource(result.lottery, N, counts && counts.ok ? counts.value.counts : undefined);
      }
      const id = req.defendant ?? 1;
      const rows = result.defendants ?? (api.defendant(scenario, id) as { ok: true; value: { row: DefendantRow } | null }).value?.row;
      const row = Array.isArray(rows) ? rows[id - 1] : rows;
      if (!row) throw new FigureError(`--defendant: no defendant ${id} (the scenario has ${N})`);
      const kind = kindOf(row, kinds());
      if (!kind || row.offer === null) throw new FigureError(`--chart schelling: defendant ${id} gets no offer`);
      return { ...schellingSource({ kind, offer: row.offer, k: result.lottery.k, N }), settings: req.defendant ? { defendant: id } : undefined };
    }
    case 'distribution': {
      const field = (req.outcome ?? 'take') as DistributionKey;
      if (!(DISTRIBUTION_KEYS as readonly string[]).includes(field)) throw new FigureError(`--outcome: one of ${DISTRIBUTION_KEYS.join(', ')} for the distribution`);
      return { ...distributionSource(solve(), field), settings: { outcome: field } };
    }
    case 'regimes':
      return regimesSource(drawnRegimeRows(api.compareRegimes(scenario)).drawn);
    case 'sweep': {
      if (!req.sweep) throw new FigureError('--chart sweep needs --sweep FIELD=FROM:TO:STEPS');
      const outcome = (req.outcome ?? 'takeRatio') as OutcomeKey;
      if (!SWEEP_OUTCOMES.some((o) => o.key === outcome)) throw new FigureError(`--outcome: one of ${SWEEP_OUTCOMES.map((o) => o.key).join(', ')} for a sweep`);
      const f = sweepFields(scenario).find((x) => x.path === req.sweep!.field);
      if (!f) throw new FigureError(`--sweep: “${req.sweep.field}” is not a field that can be swept; for example ${sweepFields(scenario).slice(0, 4).map((x) => x.path).join(', ')}`);
      const xs = gridValues(req.sweep.from, req.sweep.to, req.sweep.steps, f.integer);
      const out = await runSweep(inProcessPool, scenario, f.path, xs, { criterion: DEFAULT_CRITERION });
      // Compare A/B: the pinned scenario A is swept over the same values (as the Sweep tab does).
      const pinnedOut = req.pinned ? await runSweep(inProcessPool, req.pinned, f.path, xs, { criterion: DEFAULT_CRITERION }) : null;
      const { a, b } = sweepSides(out, pinnedOut);
      if (a.points.length === 0) throw new FigureError(`--sweep: no point of the range is a valid scenario (${out.skipped[0]?.message ?? ''})`);
      const pinnedHash = b && req.pinned ? (scenarioIdentity(req.pinned)?.sha256 ?? '') : undefined;
      return { ...sweepSource(outcome, a, b), settings: sweepSettings(req.sweep, outcome, pinnedHash) };
    }
    case 'phase': {
      if (!req.phase) throw new FigureError('--chart phase needs --phase x=FIELD:FROM:TO,y=FIELD:FROM:TO[,res=32]');
      const outcome = (req.outcome ?? 'takeRatio') as OutcomeKey;
      if (!PHASE_OUTCOMES.some((o) => o.key === outcome)) throw new FigureError(`--outcome: one of ${PHASE_OUTCOMES.map((o) => o.key).join(', ')} for a phase diagram`);
      const fields = sweepFields(scenario);
      const xf = fields.find((x) => x.path === req.phase!.x.field);
      const yf = fields.find((x) => x.path === req.phase!.y.field);
      if (!xf) throw new FigureError(`--phase: x field “${req.phase.x.field}” cannot be swept`);
      if (!yf) throw new FigureError(`--phase: y field “${req.phase.y.field}” cannot be swept`);
      const p = req.phase;
      const xs = gridValues(p.x.from, p.x.to, p.res - 1, xf.integer);
      const ys = gridValues(p.y.from, p.y.to, p.res - 1, yf.integer);
      const phase = await runPhase(inProcessPool, scenario, { xField: xf.path, xs, yField: yf.path, ys, outcome }, { criterion: DEFAULT_CRITERION });
      return { ...phaseSource(phase, 8), settings: phaseSettings(p, outcome) };
    }
    case 'docket': {
      const result = solve();
      if (!result.docket) throw new FigureError(`--chart docket: drawn for scenarios with a weekly docket (prosecutor.docket); this scenario has none`);
      return docketSource(result.docket);
    }
    case 'compare': {
      if (!req.pinned) throw new FigureError('--chart compare needs two scenarios: A.json --compare B.json (or B.json --pinned A.json)');
      const a = api.solve(req.pinned, { rows: 'never' });
      if (!a.ok) throw new FigureError(a.errors.map((e) => `--pinned: ${e.text}`).join('\n'));
      const b = api.solve(scenario, { rows: 'never' });
      if (!b.ok) throw new FigureError(b.errors.map((e) => e.text).join('\n'));
      const id = scenarioIdentity(req.pinned);
      return {
        ...compareSource(
          { label: 'A', title: req.pinned.title ?? 'Untitled scenario', totals: a.value.totals },
          { label: 'B', title: scenario.title ?? 'Untitled scenario', totals: b.value.totals },
        ),
        settings: compareSettings(id?.sha256 ?? ''),
      };
    }
  }
}
