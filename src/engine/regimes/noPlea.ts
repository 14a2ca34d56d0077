// noPlea (MODEL.md §4.1): no plea bargaining, the baseline. She tries the subset with the
// greatest Σ w_i within B (0/1 knapsack, ties as the optimal ranking's); everyone else goes free.
// Its take is also every regime's `noPleaTake`.
import type { Population } from '../population/kinds';
import { solveKnapsackOverKinds, type KnapsackPlan } from './knapsackItems';

export type NoPleaPlan = KnapsackPlan;

export function planNoPlea(pop: Population, budget: number, kindOf?: Int32Array): NoPleaPlan {
  return solveKnapsackOverKinds(pop, pop.kinds.w, () => true, budget, kindOf);
}
