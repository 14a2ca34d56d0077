// The prosecutor's optimal ranking (MODEL.md §4, priority), with withheld offers.
// With P_i the plea she can get from a threatened defendant (by what she knows), split the
// defendants into the inducible A, the hard core H and the untriable U; choose the set X to try
// by a knapsack over A ∪ H (item worth w_i for H, w_i − P_i for A, only when > 1e-9); rank
// A \ X, then X (offers withheld), then H \ X, then U, arrival order within each part.
// Π = Σ_A P_i + knapsack value + Σ_U time-served pleas.
import type { Population } from '../population/kinds';
import type { Decisions } from './decision';
import { optimalItems, PART_A, PART_H, PART_U } from './optimalItems';
import type { KnapsackKinds, KnapsackSolution } from './knapsack';
import { solveKnapsackOverKinds } from './knapsackItems';
import type { WorkHooks } from '../work';

export { optimalItems, PART_A, PART_H, PART_U };

export interface OptimalPlan {
  /** Per population kind: PART_A, PART_H or PART_U. */
  part: Uint8Array;
  /** Per population kind: the plea she expects from a threatened member of A. */
  P: Float64Array;
  /** Per population kind: its knapsack kind, −1 when not an item. */
  knapsackKind: Int32Array;
  items: KnapsackKinds;
  solution: KnapsackSolution;
  plannedTake: number;
}

export function planOptimal(
  pop: Population,
  dec: Decisions,
  budget: number,
  kindOf?: Int32Array,
  hooks?: WorkHooks,
): OptimalPlan {
  const k = pop.kinds;
  const n = k.size;
  const { part, P, itemValue } = optimalItems(pop, dec, budget);

  const { knapsackKind, items, solution } = solveKnapsackOverKinds(
    pop,
    itemValue,
    (i) => part[i] !== PART_U,
    budget,
    kindOf,
    hooks,
  );

  let sumA = 0;
  let timeServed = 0;
  for (let i = 0; i < n; i++) {
    if (part[i] === PART_A) sumA += k.count[i] * P[i];
    else if (part[i] === PART_U && dec.bPlead0[i] === 1) timeServed += k.count[i] * dec.offer0[i];
  }
  return {
    part,
    P,
    knapsackKind,
    items,
    solution,
    plannedTake: sumA + solution.value + timeServed,
  };
}

/**
 * Per defendant: the optimal ranking and who is in X (offers withheld). X takes each knapsack
 * kind's earliest members.
 */
export function optimalOrder(
  plan: OptimalPlan,
  kindOf: Int32Array,
): { ranking: Int32Array; withheld: Uint8Array } {
  const N = kindOf.length;
  const used = new Float64Array(plan.items.size);
  const cat = new Uint8Array(N); // 0: A\X, 1: X, 2: H\X, 3: U
  const withheld = new Uint8Array(N);
  const sizes = [0, 0, 0, 0];
  for (let i = 0; i < N; i++) {
    const k = kindOf[i];
    const kk = plan.knapsackKind[k];
    let c: number;
    if (kk >= 0 && used[kk] < plan.solution.take[kk]) {
      used[kk]++;
      c = 1;
      // A withheld offer only where she would have had a plea (members of A).
      withheld[i] = plan.part[k] === PART_A ? 1 : 0;
    } else if (plan.part[k] === PART_A) c = 0;
    else if (plan.part[k] === PART_H) c = 2;
    else c = 3;
    cat[i] = c;
    sizes[c]++;
  }
  const start = [0, sizes[0], sizes[0] + sizes[1], sizes[0] + sizes[1] + sizes[2]];
  const ranking = new Int32Array(N);
  for (let i = 0; i < N; i++) ranking[start[cat[i]]++] = i;
  return { ranking, withheld };
}
