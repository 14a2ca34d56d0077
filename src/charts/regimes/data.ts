// Regime comparison: the same defendants under noPlea, lottery, priority and forcedSpend.
import { columnLabel } from '../../engine';
import type { TableData } from '../common/table';
import { fmt } from '../common/fields';

export interface RegimeRow {
  regime: string;
  take: number;
  pleas: number;
  trials: number;
  free: number;
  takeRatio: number | null;
}

export interface RegimeStack {
  regime: string;
  key: 'plea' | 'tried' | 'free';
  y0: number;
  y1: number;
  count: number;
}

export interface RegimeView {
  rows: RegimeRow[];
  /** The noPlea take (the baseline line), or null without a noPlea row. */
  noPleaTake: number | null;
  stacks: RegimeStack[];
  maxTotal: number;
}

export const REGIME_ORDER = ['noPlea', 'lottery', 'priority', 'forcedSpend', 'docket'];
export const REGIME_LABEL: Record<string, string> = {
  noPlea: 'no plea',
  lottery: 'lottery',
  priority: 'priority',
  forcedSpend: 'forced spend',
  docket: 'weekly docket',
};

export function regimeLabel(r: string): string {
  return REGIME_LABEL[r] ?? r;
}

export function regimeView(input: readonly RegimeRow[]): RegimeView {
  const rank = (r: string) => {
    const i = REGIME_ORDER.indexOf(r);
    return i < 0 ? REGIME_ORDER.length : i;
  };
  const rows = [...input].sort((a, b) => rank(a.regime) - rank(b.regime));
  const base = rows.find((r) => r.regime === 'noPlea');
  const stacks: RegimeStack[] = [];
  let maxTotal = 0;
  for (const r of rows) {
    let acc = 0;
    for (const [key, count] of [
      ['plea', r.pleas],
      ['tried', r.trials],
      ['free', r.free],
    ] as const) {
      stacks.push({ regime: r.regime, key, y0: acc, y1: acc + count, count });
      acc += count;
    }
    maxTotal = Math.max(maxTotal, acc);
  }
  return { rows, noPleaTake: base ? base.take : null, stacks, maxTotal };
}

export function regimesTitle(): string {
  return "Regime comparison: the prosecutor's take and the defendants' outcomes under each regime";
}

export function describeRegimes(v: RegimeView): string {
  const parts = v.rows.map(
    (r) =>
      `${regimeLabel(r.regime)}: take ${fmt(r.take)} years${r.takeRatio !== null && r.regime !== 'noPlea' ? ` (${fmt(r.takeRatio)}× no plea)` : ''}, ${fmt(r.pleas)} pleas, ${fmt(r.trials)} trials, ${fmt(r.free)} free.`,
  );
  if (v.noPleaTake !== null) parts.push(`The line marks the no-plea take, ${fmt(v.noPleaTake)} years: at or below it the strike succeeds.`);
  return parts.join(' ');
}

export function regimesTable(v: RegimeView): TableData {
  return {
    caption: 'Outcomes by regime',
    columns: [
      { key: 'regime', label: 'Regime' },
      { key: 'take', label: columnLabel('take'), numeric: true },
      { key: 'takeRatio', label: columnLabel('takeRatio'), numeric: true },
      { key: 'pleas', label: columnLabel('pleas'), numeric: true },
      { key: 'trials', label: columnLabel('trials'), numeric: true },
      { key: 'free', label: columnLabel('free'), numeric: true },
    ],
    rows: v.rows.map((r) => ({ regime: regimeLabel(r.regime), take: r.take, takeRatio: r.takeRatio, pleas: r.pleas, trials: r.trials, free: r.free })),
  };
}
