// Compare A/B as a chart: the pinned scenario A and the current scenario B side by side — the
// prosecutor's take and the defendants' outcomes — drawn with the regime comparison's bars.
import { columnLabel } from '../../engine';
import type { Totals } from '../../engine';
import type { TableData } from '../common/table';
import { fmt } from '../common/fields';
import { regimeView, type RegimeView } from '../regimes/data';

export interface CompareSide {
  label: 'A' | 'B';
  title: string;
  totals: Pick<Totals, 'take' | 'pleas' | 'trials' | 'free' | 'takeRatio' | 'noPleaTake'>;
}

export interface CompareView {
  sides: CompareSide[];
  bars: RegimeView;
}

/** The bars' names: A (pinned) and B (current); the axis title says which is which. */
export const sideName = (s: CompareSide): string => s.label;

export function compareView(a: CompareSide, b: CompareSide): CompareView {
  const sides = [a, b];
  return {
    sides,
    bars: regimeView(sides.map((s) => ({ regime: sideName(s), take: s.totals.take, pleas: s.totals.pleas, trials: s.totals.trials, free: s.totals.free, takeRatio: s.totals.takeRatio }))),
  };
}

export function compareTitle(v: CompareView): string {
  return `Compare A/B: ${v.sides.map((s) => `${s.label} “${s.title}”`).join(' and ')}`;
}

export function describeCompare(v: CompareView): string {
  return v.sides
    .map((s) => `${sideName(s)}: take ${fmt(s.totals.take)} years (no-plea take ${fmt(s.totals.noPleaTake)}), ${fmt(s.totals.pleas)} pleas, ${fmt(s.totals.trials)} trials, ${fmt(s.totals.free)} free.`)
    .join(' ');
}

export function compareTable(v: CompareView): TableData {
  return {
    caption: 'Totals of A and B',
    columns: [
      { key: 'side', label: 'Scenario' },
      { key: 'title', label: 'Title' },
      { key: 'take', label: columnLabel('take'), numeric: true },
      { key: 'noPleaTake', label: columnLabel('noPleaTake'), numeric: true },
      { key: 'takeRatio', label: columnLabel('takeRatio'), numeric: true },
      { key: 'pleas', label: columnLabel('pleas'), numeric: true },
      { key: 'trials', label: columnLabel('trials'), numeric: true },
      { key: 'free', label: columnLabel('free'), numeric: true },
    ],
    rows: v.sides.map((s) => ({ side: s.label, title: s.title, take: s.totals.take, noPleaTake: s.totals.noPleaTake, takeRatio: s.totals.takeRatio, pleas: s.totals.pleas, trials: s.totals.trials, free: s.totals.free })),
  };
}
