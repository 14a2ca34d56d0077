// The difference B − A of two results' totals, as a person reads it: a signed number, a word,
// and a direction (for color). Pure.
import type { Totals } from '../../engine';
import { formatNumber, formatTotal, type TotalKey } from '../../app/format';
import { tieEq } from '../../engine';

export type Direction = 'up' | 'down' | 'same' | 'changed' | 'na';

export interface TotalDiff {
  key: TotalKey;
  /** The visible difference, e.g. `+12`, `−3.5`, `no change`, `No → Yes`. */
  text: string;
  /** In words, for screen readers and the color-blind: `12 more`, `3.5 fewer`. */
  words: string;
  direction: Direction;
  /** The numeric difference when both sides are numbers. */
  delta: number | null;
  /** For the defendants (the strike's side): better, worse, or neither. Shown as color AND words. */
  tone: 'better' | 'worse' | 'neutral';
}

/**
 * +1: more is better for the defendants; −1: more is worse; 0: neither. Her take is not judged:
 * it can fall while pledgers are tried instead of freed (secret pledges), so Compare A/B judges a
 * change by what happens to people (people.ts), not by the take.
 */
const POLARITY: Partial<Record<TotalKey, 1 | -1>> = {
  pleas: -1,
  threatenedCount: -1,
  free: 1,
  strikeSucceeds: 1,
};

function toneOf(key: TotalKey, d: number): TotalDiff['tone'] {
  const p = POLARITY[key];
  if (!p || d === 0) return 'neutral';
  return d * p > 0 ? 'better' : 'worse';
}

const MINUS = '\u2212';

function signed(d: number, key: TotalKey): string {
  const abs = key === 'takeRatio' ? Math.abs(d).toFixed(2) : formatNumber(Math.abs(d));
  return `${d > 0 ? '+' : MINUS}${abs}`;
}

/** B − A for one total. Differences within the engine's tolerance (tieEq) count as none. */
export function diffTotal(key: TotalKey, a: Totals, b: Totals): TotalDiff {
  const va = a[key];
  const vb = b[key];
  if (typeof va === 'boolean' || typeof vb === 'boolean') {
    if (va === vb)
      return {
        key,
        text: 'no change',
        words: 'no change',
        direction: 'same',
        delta: null,
        tone: 'neutral',
      };
    const text = `${formatTotal(key, a)} → ${formatTotal(key, b)}`;
    return {
      key,
      text,
      words: `changed from ${formatTotal(key, a)} to ${formatTotal(key, b)}`,
      direction: 'changed',
      delta: null,
      tone: toneOf(key, vb ? 1 : -1),
    };
  }
  if (va === null || vb === null) {
    if (va === vb)
      return {
        key,
        text: 'no change',
        words: 'no change',
        direction: 'same',
        delta: null,
        tone: 'neutral',
      };
    const text = `${formatTotal(key, a)} → ${formatTotal(key, b)}`;
    return {
      key,
      text,
      words: `changed from ${formatTotal(key, a)} to ${formatTotal(key, b)}`,
      direction: 'na',
      delta: null,
      tone: 'neutral',
    };
  }
  const d = vb - va;
  if (tieEq(va, vb)) {
    return {
      key,
      text: 'no change',
      words: 'no change',
      direction: 'same',
      delta: 0,
      tone: 'neutral',
    };
  }
  const text = signed(d, key);
  const abs = key === 'takeRatio' ? Math.abs(d).toFixed(2) : formatNumber(Math.abs(d));
  const tone = toneOf(key, d);
  const verdict =
    tone === 'better'
      ? ', better for the defendants'
      : tone === 'worse'
        ? ', worse for the defendants'
        : '';
  return {
    key,
    text,
    words: `${abs} ${d > 0 ? 'more' : 'less'} in B${verdict}`,
    direction: d > 0 ? 'up' : 'down',
    delta: d,
    tone,
  };
}
