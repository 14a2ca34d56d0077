// Rankings (MODEL.md §4): the order in which she targets defendants (priority) or in which cases
// reach the clock (forcedSpend). A ranking is an Int32Array of 0-based defendant indices, rank
// order. The `optimal` ranking is hers and lives in optimal.ts.
import type { Population } from '../population/kinds';
import { cachedRandomRanking } from '../random';

export function arrivalRanking(N: number): Int32Array {
  const r = new Int32Array(N);
  for (let i = 0; i < N; i++) r[i] = i;
  return r;
}

/** Groups sorted by w = p·S descending (exact doubles), ties in arrival order. */
export function groupsByValue(pop: Population): number[] {
  const k = pop.kinds;
  const wOf = (g: number) => {
    const kind = pop.groups[g].kind.find((x) => x >= 0);
    return kind === undefined ? 0 : k.w[kind];
  };
  const idx = pop.groups.filter((g) => g.count > 0).map((g) => g.index);
  const w = new Map(idx.map((g) => [g, wOf(g)] as const));
  return idx.sort((a, b) => w.get(b)! - w.get(a)! || a - b);
}

/** byValue: w descending, ties in arrival order (w is the same within a group). */
export function byValueRanking(pop: Population): Int32Array {
  const r = new Int32Array(pop.N);
  let t = 0;
  for (const g of groupsByValue(pop)) {
    const { first, count } = pop.groups[g];
    for (let j = 0; j < count; j++) r[t++] = first + j;
  }
  return r;
}

/** An explicit list of 1-based arrival numbers (validated to be a permutation). */
export function explicitRanking(list: readonly number[]): Int32Array {
  const r = new Int32Array(list.length);
  for (let t = 0; t < list.length; t++) r[t] = list[t] - 1;
  return r;
}

export type NonOptimalRanking = 'arrival' | 'byValue' | 'random' | number[];

/** The ranking of run `run` (only random rankings depend on the run). */
export function buildRanking(
  pop: Population,
  ranking: NonOptimalRanking,
  seed: number,
  run: number,
): Int32Array {
  if (ranking === 'arrival') return arrivalRanking(pop.N);
  if (ranking === 'byValue') return byValueRanking(pop);
  if (ranking === 'random') return cachedRandomRanking(pop.N, seed, run);
  return explicitRanking(ranking);
}
