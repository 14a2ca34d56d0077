// Population kinds → knapsack kinds: kinds whose items are worth the same and cost the same are
// one knapsack kind (ordered by their first member's arrival), then solved by knapsack.ts.
// Shared by noPlea (items worth w) and the optimal ranking (w, or w − P for the inducible).
import type { WorkHooks } from '../work';
import { positive } from '../numeric';
import type { Population } from '../population/kinds';
import { firstArrivals } from '../population/arrivals';
import { knapsack, type KnapsackKinds, type KnapsackSolution } from './knapsack';

export interface KnapsackPlan {
  /** Per population kind: its knapsack kind, −1 when not an item. */
  knapsackKind: Int32Array;
  items: KnapsackKinds;
  solution: KnapsackSolution;
}

/**
 * Solve the knapsack whose items are the members of the population kinds with `isItem(i)`,
 * each worth `value[i]`. With `kindOf` (small instances) the exact lexicographic solver runs.
 */
export function solveKnapsackOverKinds(
  pop: Population,
  value: Float64Array,
  isItem: (i: number) => boolean,
  budget: number,
  kindOf?: Int32Array,
  hooks?: WorkHooks,
): KnapsackPlan {
  const k = pop.kinds;
  const first = firstArrivals(pop);
  const order = Array.from({ length: k.size }, (_, i) => i)
    .filter((i) => isItem(i) && positive(value[i]) && k.c[i] <= budget)
    .sort((a, b) => first[a] - first[b]);
  const knapsackKind = new Int32Array(k.size).fill(-1);
  const keyToKind = new Map<string, number>();
  const values: number[] = [];
  const cost: number[] = [];
  const count: number[] = [];
  for (const i of order) {
    const key = `${value[i]}|${k.c[i]}`;
    let kk = keyToKind.get(key);
    if (kk === undefined) {
      kk = values.length;
      keyToKind.set(key, kk);
      values.push(value[i]);
      cost.push(k.c[i]);
      count.push(0);
    }
    knapsackKind[i] = kk;
    count[kk] += k.count[i];
  }
  const items: KnapsackKinds = {
    size: values.length,
    value: Float64Array.from(values),
    cost: Float64Array.from(cost),
    count: Float64Array.from(count),
  };
  let arrival: Int32Array | undefined;
  if (kindOf) {
    // The knapsack kind of every item, in arrival order.
    let m = 0;
    for (let t = 0; t < kindOf.length; t++) if (knapsackKind[kindOf[t]] >= 0) m++;
    arrival = new Int32Array(m);
    m = 0;
    for (let t = 0; t < kindOf.length; t++) {
      const kk = knapsackKind[kindOf[t]];
      if (kk >= 0) arrival[m++] = kk;
    }
  }
  return { knapsackKind, items, solution: knapsack(items, budget, arrival, hooks) };
}

/** Per defendant: whether he is among the earliest members of his knapsack kind that are taken. */
export function takenDefendants(plan: KnapsackPlan, kindOf: Int32Array): Uint8Array {
  const used = new Float64Array(plan.items.size);
  const taken = new Uint8Array(kindOf.length);
  for (let i = 0; i < kindOf.length; i++) {
    const kk = plan.knapsackKind[kindOf[i]];
    if (kk >= 0 && used[kk] < plan.solution.take[kk]) {
      used[kk]++;
      taken[i] = 1;
    }
  }
  return taken;
}
