// Who are "the earliest m members" of a merged kind, counted per population kind without
// listing defendants: groups in arrival order, and inside a group a binary search over the
// member position using the O(1) prefix counts of the spread-evenly layout.
import type { Population } from './kinds';
import { prefixCounts } from './kinds';

/**
 * `mergedOf[k]` maps each population kind to a merged kind (−1: none); `take[m]` says how many
 * of merged kind m to take, earliest first. Returns how many are taken from each population kind.
 */
export function allocateEarliest(
  pop: Population,
  mergedOf: Int32Array,
  take: Float64Array,
): Float64Array {
  const left = Float64Array.from(take);
  const out = new Float64Array(pop.kinds.size);
  for (const g of pop.groups) {
    if (g.count === 0) continue;
    // merged kinds present in this group, with their subs
    const subsOf = new Map<number, number[]>();
    for (let sub = 0; sub < 4; sub++) {
      const k = g.kind[sub];
      if (k < 0 || mergedOf[k] < 0) continue;
      const m = mergedOf[k];
      const list = subsOf.get(m);
      if (list) list.push(sub);
      else subsOf.set(m, [sub]);
    }
    for (const [m, subs] of subsOf) {
      if (left[m] <= 0) continue;
      let total = 0;
      for (const sub of subs) total += pop.kinds.count[g.kind[sub]];
      if (left[m] >= total) {
        for (const sub of subs) out[g.kind[sub]] += pop.kinds.count[g.kind[sub]];
        left[m] -= total;
        continue;
      }
      const want = left[m];
      const inUnion = (j: number) => {
        const pc = prefixCounts(g, j);
        let s = 0;
        for (const sub of subs) s += pc[sub];
        return s;
      };
      let lo = 0;
      let hi = g.count;
      while (lo < hi) {
        const mid = Math.floor((lo + hi) / 2);
        if (inUnion(mid) >= want) hi = mid;
        else lo = mid + 1;
      }
      const pc = prefixCounts(g, lo);
      for (const sub of subs) out[g.kind[sub]] += pc[sub];
      left[m] = 0;
    }
  }
  return out;
}
