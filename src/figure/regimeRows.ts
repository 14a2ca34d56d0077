// The regime comparison's rows the chart draws (the solved regimes), shared by the Regimes tab
// and `npm run figure` (kept apart from sources.ts so the tab does not load every chart).
import type { RegimeRow as EngineRegimeRow } from '../engine';
import type { RegimeRow } from '../charts/regimes/data';

/** The engine's regime rows the chart can draw (solved ones), and the messages of the others. */
export function drawnRegimeRows(rows: readonly EngineRegimeRow[]): { drawn: RegimeRow[]; failed: { regime: string; message: string }[] } {
  const drawn = rows
    .filter((r) => r.ok && r.take !== null && r.pleas !== null && r.trials !== null && r.free !== null)
    .map((r) => ({ regime: r.regime, take: r.take!, pleas: r.pleas!, trials: r.trials!, free: r.free!, takeRatio: r.takeRatio }));
  const failed = rows.filter((r) => !r.ok).map((r) => ({ regime: r.regime, message: r.message ?? 'not solved' }));
  return { drawn, failed };
}

