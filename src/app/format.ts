// How the first screen labels and formats the totals: the engine's table of result quantities
// (engine/result/quantities.ts) in the panel's order. Pure (the end-to-end test imports it to
// check that the numbers on screen are the engine's).
import {
  QUANTITIES,
  TOTAL_KEYS,
  formatNumber,
  formatTotal,
  totalNote,
  type TotalKey,
} from '../engine';

export { formatNumber, formatTotal, totalNote, type TotalKey };

export interface TotalField {
  key: TotalKey;
  label: string;
  /** Unit after the number; empty when the value says it all. */
  unit: string;
  help: string;
}

export const TOTAL_FIELDS: readonly TotalField[] = TOTAL_KEYS.map((key) => {
  const { label, unit, help } = QUANTITIES[key];
  return { key, label, unit, help };
});

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
