// The docket's clock (MODEL.md §4.5): arrival weeks and the docket order.
//   Group g's member j (0-based) arrives in week α = f_g + floor(j·W_g/N_g), W_g = l_g − f_g + 1.
//   Within a week the groups are interleaved evenly: the r-th of the n_{g,x} members of group g
//   arriving in week x has the key (2r+1)/(2·n_{g,x}); keys compare as exact fractions (integer
//   cross-multiplication: every product is below 2·10^7 · 10^7 < 2^53), ties by group index.
import { intDiv } from '../numeric';
import { ceilDiv } from './spread';

export interface WeekSpan {
  /** Members of the group (N_g). */
  count: number;
  /** 0-based arrival index of its first member. */
  first: number;
  /** f_g and l_g (resolved: l = W − 1 when the file says null). */
  firstWeek: number;
  lastWeek: number;
}

/** α of member j of a group. */
export function arrivalWeekOf(g: WeekSpan, j: number): number {
  const Wg = g.lastWeek - g.firstWeek + 1;
  return g.firstWeek + intDiv(j * Wg, g.count);
}

/** The members of a group arriving in week x: [lo, hi) (empty outside f..l). */
export function membersInWeek(g: WeekSpan, x: number): [number, number] {
  if (g.count === 0 || x < g.firstWeek || x > g.lastWeek) return [0, 0];
  const Wg = g.lastWeek - g.firstWeek + 1;
  const y = x - g.firstWeek;
  return [ceilDiv(y * g.count, Wg), ceilDiv((y + 1) * g.count, Wg)];
}

export interface DocketOrder {
  /** Docket position t (0-based) → arrival index (0-based). */
  order: Int32Array;
  /** Positions of week x's arrivals are weekStart[x] .. weekStart[x + 1] − 1 (length W + 1). */
  weekStart: Float64Array;
}

/** The docket order of all defendants (weeks 0..W − 1). */
export function docketOrder(groups: readonly WeekSpan[], weeks: number): DocketOrder {
  let N = 0;
  for (const g of groups) N += g.count;
  const order = new Int32Array(N);
  const weekStart = new Float64Array(weeks + 1);
  // Slots of the groups active in one week, in group order (so slot order breaks ties).
  const base = new Float64Array(groups.length);
  const size = new Float64Array(groups.length);
  const next = new Float64Array(groups.length);
  const heap = new Int32Array(groups.length);
  // a before b: (2r_a+1)/(2n_a) < (2r_b+1)/(2n_b), ties by slot (group) index.
  const before = (a: number, b: number) => {
    const l = (2 * next[a] + 1) * size[b];
    const r = (2 * next[b] + 1) * size[a];
    return l < r || (l === r && a < b);
  };
  let t = 0;
  for (let x = 0; x < weeks; x++) {
    weekStart[x] = t;
    let slots = 0;
    for (const g of groups) {
      if (g.count === 0 || x < g.firstWeek || x > g.lastWeek) continue;
      const Wg = g.lastWeek - g.firstWeek + 1;
      const y = x - g.firstWeek;
      const lo = ceilDiv(y * g.count, Wg);
      const hi = ceilDiv((y + 1) * g.count, Wg);
      if (hi <= lo) continue;
      base[slots] = g.first + lo;
      size[slots] = hi - lo;
      next[slots] = 0;
      slots++;
    }
    if (slots === 1) {
      for (let j = 0; j < size[0]; j++) order[t++] = base[0] + j;
      continue;
    }
    if (slots === 2) {
      // Two groups: a plain merge, (2a+1)/(2n0) vs (2b+1)/(2n1), ties to the first group.
      const n0 = size[0];
      const n1 = size[1];
      let a = 0;
      let b = 0;
      while (a < n0 && b < n1) {
        if ((2 * a + 1) * n1 <= (2 * b + 1) * n0) order[t++] = base[0] + a++;
        else order[t++] = base[1] + b++;
      }
      while (a < n0) order[t++] = base[0] + a++;
      while (b < n1) order[t++] = base[1] + b++;
      continue;
    }
    // k-way merge with a binary heap of slots keyed by their next member's key.
    let h = 0;
    const siftUp = (i: number) => {
      while (i > 0) {
        const p = (i - 1) >> 1;
        if (!before(heap[i], heap[p])) break;
        const tmp = heap[i];
        heap[i] = heap[p];
        heap[p] = tmp;
        i = p;
      }
    };
    const siftDown = (i: number) => {
      for (;;) {
        const l = 2 * i + 1;
        if (l >= h) return;
        let m = l;
        if (l + 1 < h && before(heap[l + 1], heap[l])) m = l + 1;
        if (!before(heap[m], heap[i])) return;
        const tmp = heap[i];
        heap[i] = heap[m];
        heap[m] = tmp;
        i = m;
      }
    };
    for (let s = 0; s < slots; s++) {
      heap[h++] = s;
      siftUp(h - 1);
    }
    while (h > 0) {
      const s = heap[0];
      order[t++] = base[s] + next[s];
      next[s]++;
      if (next[s] >= size[s]) {
        heap[0] = heap[--h];
      }
      siftDown(0);
    }
  }
  weekStart[weeks] = t;
  return { order, weekStart };
}
