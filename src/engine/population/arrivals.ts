// Where each kind of defendant first arrives (0-based arrival index of its first member),
// found by binary search over the O(1) prefix counts of its group (one sub-kind's count a step:
// no tuple a step, where a phase diagram's cells call this thousands of times).
import type { Population } from './kinds';
import { prefixCount } from './kinds';

/** 0-based arrival index of each population kind's first member. */
export function firstArrivals(pop: Population): Float64Array {
  const out = new Float64Array(pop.kinds.size);
  for (const g of pop.groups) {
    for (let sub = 0; sub < 4; sub++) {
      const k = g.kind[sub];
      if (k < 0) continue;
      // least j with prefixCounts(j + 1)[sub] ≥ 1
      let lo = 0;
      let hi = g.count - 1;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (prefixCount(g, mid + 1, sub) >= 1) hi = mid;
        else lo = mid + 1;
      }
      out[k] = g.first + lo;
    }
  }
  return out;
}
