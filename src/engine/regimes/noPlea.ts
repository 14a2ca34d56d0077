// noPlea (MODEL.md §4.1): no plea bargaining, the baseline. She tries the subset with the
// greatest Σ w_i within B (0/1 knapsack, ties as the optimal ranking's); everyone else goes free.
// Its take is also every regime's `noPleaTake`.
import { positive } from '../numeric';
import type { Population } from '../population/kinds';
import { knapsack, type KnapsackKinds, type KnapsackSolution } from './knapsack';
import { firstArrivals } from './optimal';

export interface NoPleaPlan {
  /** Per population kind: its knapsack kind (−1 when worth nothing). */
  knapsackKind: Int32Array;
  items: KnapsackKinds;
  solution: KnapsackSolution;
}

export function planNoPlea(pop: Population, budget: number, kindOf?: Int32Array): NoPleaPlan {
  const k = pop.kinds;
  const n = k.size;
  const first = firstArrivals(pop);
  const order = Array.from({ length: n }, (_, i) => i)
    .filter((i) => positive(k.w[i]) && k.c[i] <= budget)
    .sort((a, b) => first[a] - first[b]);
  const knapsackKind = new Int32Array(n).fill(-1);
  const keyToKind = new Map<string, number>();
  const value: number[] = [];
  const cost: number[] = [];
  const count: number[] = [];
  for (const i of order) {
    const key = `${k.w[i]}|${k.c[i]}`;
    let kk = keyToKind.get(key);
    if (kk === undefined) {
      kk = value.length;
      keyToKind.set(key, kk);
      value.push(k.w[i]);
      cost.push(k.c[i]);
      count.push(0);
    }
    knapsackKind[i] = kk;
    count[kk] += k.count[i];
  }
  const items: KnapsackKinds = {
    size: value.length,
    value: Float64Array.from(value),
    cost: Float64Array.from(cost),
    count: Float64Array.from(count),
  };
  let arrival: Int32Array | undefined;
  if (kindOf) {
    let m = 0;
    for (let t = 0; t < kindOf.length; t++) if (knapsackKind[kindOf[t]] >= 0) m++;
    arrival = new Int32Array(m);
    m = 0;
    for (let t = 0; t < kindOf.length; t++) {
      const kk = knapsackKind[kindOf[t]];
      if (kk >= 0) arrival[m++] = kk;
    }
  }
  return { knapsackKind, items, solution: knapsack(items, budget, arrival) };
}

/** Per defendant: tried (the earliest members of each chosen knapsack kind). */
export function noPleaTried(plan: NoPleaPlan, kindOf: Int32Array): Uint8Array {
  const used = new Float64Array(plan.items.size);
  const tried = new Uint8Array(kindOf.length);
  for (let i = 0; i < kindOf.length; i++) {
    const kk = plan.knapsackKind[kindOf[i]];
    if (kk >= 0 && used[kk] < plan.solution.take[kk]) {
      used[kk]++;
      tried[i] = 1;
    }
  }
  return tried;
}
