// Figure sources built from engine answers, without React: what `npm run figure` draws, built
// exactly as the app's chart hosts build them (same view functions, same draw functions), so
// the two give the same SVG bytes. One entry per chart name; a new chart (e.g. the docket chart)
// registers here and in its host's ChartFrame className (`hc-<name>`).
import type { Scenario } from '../engine';
import type { DefendantRow, DistributionKey, LotteryResult, Result } from '../engine';
import type { KindInfo, ThresholdInput } from '../engine';
import type { LadderBin, OutcomeKey, PhaseResult, SweepResult } from '../engine';
import { drawLadder } from '../charts/ladder/draw';
import { ladderFromRows, ladderTable, ladderView } from '../charts/ladder/data';
import { drawSchelling, drawThreshold } from '../charts/threshold/draw';
import { schellingData, schellingTable, thresholdData, thresholdTable } from '../charts/threshold/data';
import { drawDistribution } from '../charts/distribution/draw';
import { distributionTable, distributionView } from '../charts/distribution/data';
import { drawRegimes } from '../charts/regimes/draw';
import { regimeView, regimesTable, type RegimeRow } from '../charts/regimes/data';
import { drawSweep } from '../charts/sweep/draw';
import { sweepTable, sweepView } from '../charts/sweep/data';
export { sweepSides } from '../charts/sweep/data';
import { drawPhase } from '../charts/phase/draw';
import { phaseTable, phaseView } from '../charts/phase/data';
import { drawCompare } from '../charts/compare/draw';
import { compareTable, compareView, type CompareSide } from '../charts/compare/data';
import { drawDocket } from '../charts/docket/draw';
import { docketTable, docketView, type DocketInput } from '../charts/docket/data';
import type { FigureSource } from './render';
export { drawnRegimeRows } from './regimeRows';

/** Every chart that can be exported, by name. */
export const FIGURE_CHARTS = ['ladder', 'threshold', 'schelling', 'distribution', 'regimes', 'sweep', 'phase', 'compare', 'docket'] as const;
export type FigureChart = (typeof FIGURE_CHARTS)[number];

export function ladderSource(args: {
  rows?: readonly DefendantRow[];
  bins?: readonly LadderBin[];
  scenario: Scenario;
  kinds?: readonly KindInfo[];
  stopRank: number | null;
  regime?: string;
}): FigureSource {
  const view = ladderView({
    rows: args.rows ? ladderFromRows(args.rows, args.scenario, args.kinds) : undefined,
    bins: args.bins,
    budget: args.scenario.prosecutor.budget ?? 0,
    fund: args.scenario.levers.strikeFund.fund,
    stopRank: args.stopRank,
    regime: args.regime,
  });
  return { kind: 'ladder', draw: (svg, s) => drawLadder(svg, view, s), table: ladderTable(view) };
}

export function thresholdSource(lottery: LotteryResult, N: number, compressed?: ThresholdInput): FigureSource {
  const data = thresholdData(lottery, N, compressed);
  return { kind: 'threshold', draw: (svg, s) => drawThreshold(svg, data, s), table: thresholdTable(data) };
}

export function schellingSource(args: { kind: KindInfo; offer: number; k: number; N: number; maxM?: number }): FigureSource {
  const data = schellingData(args);
  return { kind: 'schelling', draw: (svg, s) => drawSchelling(svg, data, s), table: schellingTable(data) };
}

export function distributionSource(result: Result, field: DistributionKey): FigureSource {
  if (!result.distribution) throw new Error('This scenario has no distribution over runs (its ranking is not random).');
  const view = distributionView(result.distribution[field], field);
  return { kind: 'distribution', draw: (svg, s) => drawDistribution(svg, view, s), table: distributionTable(view) };
}

export function regimesSource(rows: readonly RegimeRow[]): FigureSource {
  const view = regimeView(rows);
  return { kind: 'regimes', draw: (svg, s) => drawRegimes(svg, view, s), table: regimesTable(view) };
}

/** A sweep's field path as the chart labels it (`groups[*].x` → `groups[].x`). */
export const chartFieldPath = (path: string): string => path.replace('[*]', '[]');
const chartable = <T extends SweepResult>(r: T): T => ({ ...r, field: chartFieldPath(r.field) });

export function sweepSource(outcome: OutcomeKey, a: SweepResult, b?: SweepResult | null): FigureSource {
  const view = sweepView(outcome, chartable(a), b ? chartable(b) : b);
  return { kind: 'sweep', draw: (svg, s) => drawSweep(svg, view, s), table: sweepTable(view) };
}

export function phaseSource(phase: PhaseResult, contours = 8): FigureSource {
  const view = phaseView({ ...phase, xField: chartFieldPath(phase.xField), yField: chartFieldPath(phase.yField) }, contours);
  return { kind: 'phase', draw: (svg, s) => drawPhase(svg, view, s), table: phaseTable(view) };
}

export function compareSource(a: CompareSide, b: CompareSide): FigureSource {
  const view = compareView(a, b);
  return { kind: 'compare', draw: (svg, s) => drawCompare(svg, view, s), table: compareTable(view) };
}

/**
 * The weekly docket, whole: every week of the calendar (the final frame; a figure never shows a
 * step of an animation). The click handler of the app's host only lists a week's defendants.
 */
export function docketSource(docket: DocketInput): FigureSource {
  const view = docketView(docket);
  return { kind: 'docket', draw: (svg, s) => drawDocket(svg, view, s), table: docketTable(docket) };
}
