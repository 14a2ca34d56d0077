// How the first screen labels and formats the totals. Pure (the end-to-end test imports it to
// check that the numbers on screen are the engine's).
import type { Totals } from '../engine';

export type TotalKey = keyof Totals;

export interface TotalField {
  key: TotalKey;
  label: string;
  /** Unit after the number; empty when the value says it all. */
  unit: string;
  help: string;
}

const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const decimal = new Intl.NumberFormat('en-US', { maximumFractionDigits: 3 });
const ratio = new Intl.NumberFormat('en-US', {
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
});

/** A count or an amount: thousands separators, at most 3 decimals, no "-0". */
export function formatNumber(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  const s = Number.isInteger(x) ? integer.format(x) : decimal.format(x);
  return s === '-0' ? '0' : s;
}

export const TOTAL_FIELDS: readonly TotalField[] = [
  { key: 'defendants', label: 'Defendants', unit: 'people', help: 'Everyone in the scenario.' },
  { key: 'pleas', label: 'Pleas', unit: 'people', help: 'Defendants who took the offer.' },
  { key: 'trials', label: 'Trials', unit: 'people', help: 'Defendants the prosecutor tried.' },
  {
    key: 'free',
    label: 'Free',
    unit: 'people',
    help: 'Refused, and never tried: the budget ran out or a trial was not worth it.',
  },
  {
    key: 'take',
    label: 'Take',
    unit: 'years',
    help: 'Punishment extracted: plea sentences plus expected trial sentences.',
  },
  {
    key: 'noPleaTake',
    label: 'Take without pleas',
    unit: 'years',
    help: 'What her trials alone could extract from the same defendants.',
  },
  {
    key: 'takeRatio',
    label: 'Take ÷ no-plea take',
    unit: '×',
    help: 'How many times more plea bargaining extracts than trials alone.',
  },
  { key: 'budgetUsed', label: 'Budget used', unit: 'trial units', help: 'Trial capacity spent.' },
  {
    key: 'fundPaid',
    label: 'Strike fund paid',
    unit: 'years',
    help: 'Stipends and insurance paid out.',
  },
  {
    key: 'stopRank',
    label: 'Stop rank',
    unit: '',
    help: 'The first rank whose defendant is not threatened: where the unraveling stops.',
  },
  {
    key: 'threatenedCount',
    label: 'Threatened',
    unit: 'people',
    help: 'Defendants facing a credible threat of trial.',
  },
  {
    key: 'strikeSucceeds',
    label: 'Strike succeeds',
    unit: '',
    help: 'Plea bargaining extracts no more than her trials alone could.',
  },
];

/** The text shown for one total (the unit is shown apart). */
export function formatTotal(key: TotalKey, totals: Totals): string {
  const v = totals[key];
  switch (key) {
    case 'strikeSucceeds':
      return v ? 'Yes' : 'No';
    case 'takeRatio':
      return v === null ? 'n/a' : ratio.format(v as number);
    case 'stopRank':
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

export const REGIME_LABELS: Record<string, string> = {
  noPlea: 'No plea bargaining (noPlea)',
  lottery: 'Simultaneous offers (lottery)',
  priority: 'Divide and conquer (priority)',
  forcedSpend: 'The speedy-trial clock (forcedSpend)',
  docket: 'Weekly docket (docket)',
};

/**
 * Every named option of the scenario in plain words first, its code name beside it
 * ("Divide and conquer (priority)"): the editor's menus and the results use these.
 */
export const OPTION_WORDS: Record<string, string> = {
  ...REGIME_LABELS,
  optimal: 'Her best order (optimal)',
  arrival: 'Order of arrival (arrival)',
  byValue: 'Most valuable cases first (byValue)',
  random: 'A random order (random)',
  tailored: 'Tailored to each defendant (tailored)',
  uniform: 'One offer for all (uniform)',
  erosion: 'A strike that starts with everyone (erosion)',
  cascade: 'Built up from those who refuse anyway (cascade)',
};

/** An option in words, or the name itself when it has none. */
export function optionWords(name: string): string {
  return OPTION_WORDS[name] ?? name;
}
