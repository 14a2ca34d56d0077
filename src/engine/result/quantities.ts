// One table of the result's quantities (MODEL.md §6's totals and the outcomes sweeps plot): each
// one's label, its longer title for axes and sentences, its unit, a line of help and how its value
// is written. The totals, the charts, the exports, Compare A/B and the sweeps all read it, so a
// quantity is named the same everywhere. (The CSV and JSON of `npm run solve` name them by key:
// that contract does not read this table.)
import type { Totals } from './types';

export type TotalKey = keyof Totals;
export type QuantityKey = TotalKey | 'shareFree' | 'takePerDefendant' | 'crashWeek';

export type QuantityFormat = 'count' | 'amount' | 'ratio' | 'rank' | 'yesNo' | 'share' | 'week';

export interface Quantity {
  key: QuantityKey;
  /** Short label: a total's card, a table column ("Take"). */
  label: string;
  /** Longer title: an axis, a legend, a sentence ("Prosecutor's take Π"). */
  title: string;
  /** Unit after the number; empty when the value says it all. */
  unit: string;
  /** The unit when a sweep or phase diagram plots it over runs, when it differs. */
  overRunsUnit?: string;
  help: string;
  format: QuantityFormat;
}

const q = (x: Quantity): Quantity => x;

export const QUANTITIES: Readonly<Record<QuantityKey, Quantity>> = {
  defendants: q({
    key: 'defendants',
    label: 'Defendants',
    title: 'Defendants',
    unit: 'people',
    help: 'Everyone in the scenario.',
    format: 'count',
  }),
  pleas: q({
    key: 'pleas',
    label: 'Pleas',
    title: 'Pleas',
    unit: 'people',
    help: 'Defendants who took the offer.',
    format: 'count',
  }),
  trials: q({
    key: 'trials',
    label: 'Trials',
    title: 'Trials',
    unit: 'people',
    help: 'Defendants the prosecutor tried.',
    format: 'count',
  }),
  free: q({
    key: 'free',
    label: 'Free',
    title: 'Free',
    unit: 'people',
    help: 'Refused, and never tried: the budget ran out or a trial was not worth it.',
    format: 'count',
  }),
  take: q({
    key: 'take',
    label: 'Take',
    title: "Prosecutor's take Π",
    unit: 'years',
    help: 'Punishment extracted: plea sentences plus expected trial sentences.',
    format: 'amount',
  }),
  noPleaTake: q({
    key: 'noPleaTake',
    label: 'Take without pleas',
    title: 'Take without pleas',
    unit: 'years',
    help: 'What her trials alone could extract from the same defendants.',
    format: 'amount',
  }),
  takeRatio: q({
    key: 'takeRatio',
    label: 'Take / no-plea take',
    title: 'Take / no-plea take',
    unit: '×',
    help: 'How many times more plea bargaining extracts than trials alone.',
    format: 'ratio',
  }),
  budgetUsed: q({
    key: 'budgetUsed',
    label: 'Budget used',
    title: 'Budget used',
    unit: 'trial units',
    help: 'Trial capacity spent.',
    format: 'amount',
  }),
  fundPaid: q({
    key: 'fundPaid',
    label: 'Strike fund paid',
    title: 'Strike fund paid',
    unit: 'years',
    help: 'Stipends and insurance paid out.',
    format: 'amount',
  }),
  stopRank: q({
    key: 'stopRank',
    label: 'Stop rank t*',
    title: 'Stop rank t*',
    unit: '',
    overRunsUnit: 'rank',
    help: 'The first rank whose defendant is not threatened: where the unraveling stops.',
    format: 'rank',
  }),
  threatenedCount: q({
    key: 'threatenedCount',
    label: 'Threatened',
    title: 'Threatened',
    unit: 'people',
    help: 'Defendants facing a credible threat of trial.',
    format: 'count',
  }),
  strikeSucceeds: q({
    key: 'strikeSucceeds',
    label: 'Strike succeeds',
    title: 'Strike succeeds',
    unit: '',
    overRunsUnit: 'share of runs',
    help: 'Plea bargaining extracts no more than her trials alone could.',
    format: 'yesNo',
  }),
  shareFree: q({
    key: 'shareFree',
    label: 'Share free',
    title: 'Share who go free',
    unit: 'share',
    help: 'Free defendants as a share of all.',
    format: 'share',
  }),
  takePerDefendant: q({
    key: 'takePerDefendant',
    label: 'Take per defendant',
    title: 'Take per defendant',
    unit: 'years',
    help: 'Her take divided by the number of defendants.',
    format: 'amount',
  }),
  crashWeek: q({
    key: 'crashWeek',
    label: 'Crash week',
    title: 'Crash week (docket)',
    unit: 'week',
    help: 'Docket: the first week the court cannot try every case it must.',
    format: 'week',
  }),
};

/** The totals in the order the Totals panel, Compare A/B and the totals export show them. */
export const TOTAL_KEYS: readonly TotalKey[] = [
  'defendants',
  'pleas',
  'trials',
  'free',
  'take',
  'noPleaTake',
  'takeRatio',
  'budgetUsed',
  'fundPaid',
  'stopRank',
  'threatenedCount',
  'strikeSucceeds',
];

/** "Take (years)": a table column's heading, the unit beside the label unless it is a count or a ratio. */
export function columnLabel(key: QuantityKey): string {
  const x = QUANTITIES[key];
  return x.unit && x.unit !== 'people' && x.unit !== '×' ? `${x.label} (${x.unit})` : x.label;
}

const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const decimal = new Intl.NumberFormat('en-US', { maximumFractionDigits: 3 });
const ratio = new Intl.NumberFormat('en-US', {
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
});

/**
 * An integer as `integer.format` writes it (en-US: "-1,234,567"), without a call into Intl for
 * each: a chart's table, ticks and tooltips, the totals and the status quo format a few hundred
 * numbers at every step of a dragged lever (issue 12). For |x| < 1e15 (exact, no exponent);
 * -0 goes to Intl ("-0").
 */
function formatInteger(x: number): string {
  if (!Number.isInteger(x) || Object.is(x, -0) || !(Math.abs(x) < 1e15)) return integer.format(x);
  const digits = String(Math.abs(x));
  let out = digits.length <= 3 ? digits : '';
  if (!out) {
    const head = digits.length % 3 || 3;
    out = digits.slice(0, head);
    for (let i = head; i < digits.length; i += 3) out += `,${digits.slice(i, i + 3)}`;
  }
  return x < 0 ? `-${out}` : out;
}

/** A count or an amount: thousands separators, at most 3 decimals, no "-0". */
export function formatNumber(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  const s = Number.isInteger(x) ? formatInteger(x) : decimal.format(x);
  return s === '-0' ? '0' : s;
}

/**
 * A model quantity in a chart's label or description (axis ticks, tooltips, the data table): at
 * most 4 significant digits, no trailing zeros, thousands grouped; '–' for none, ∞ for infinity.
 */
export function formatShort(x: number | null | undefined): string {
  if (x === null || x === undefined || Number.isNaN(x)) return '–';
  if (!Number.isFinite(x)) return x > 0 ? '∞' : '−∞';
  if (Number.isInteger(x) && Math.abs(x) < 1e15) return formatInteger(x);
  const a = Math.abs(x);
  if (a >= 1e4) return formatInteger(Math.round(x));
  const r = Number(x.toPrecision(4));
  // 1,231 like 18,466: thousands are grouped whatever the precision.
  return a >= 1000 ? formatInteger(r) : r.toString();
}

/** A model quantity in the why panel's sentences: at most 4 decimals, no float noise, no "-0". */
export function formatDetail(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  const r = Number(x.toFixed(4));
  return String(Object.is(r, -0) ? 0 : r);
}

/** The text shown for one total (the unit is shown apart). */
export function formatTotal(key: TotalKey, totals: Totals): string {
  const v = totals[key];
  switch (QUANTITIES[key].format) {
    case 'yesNo':
      return v ? 'Yes' : 'No';
    case 'ratio':
      return v === null ? 'n/a' : ratio.format(v as number);
    case 'rank':
      return v === null ? 'none' : `#${formatNumber(v as number)}`;
    default:
      return v === null ? '—' : formatNumber(v as number);
  }
}

/** A note under a value where the bare value needs one (null ratio, null stop rank). */
export function totalNote(key: TotalKey, totals: Totals, regime: string): string | null {
  if (key === 'takeRatio' && totals.takeRatio === null) return 'no take without pleas';
  if (key === 'stopRank' && totals.stopRank !== null) return 'first rank not threatened';
  if (key === 'stopRank' && totals.stopRank === null) {
    return regime === 'priority' || regime === 'forcedSpend'
      ? 'every rank threatened'
      : 'no ranking in this regime';
  }
  return null;
}
