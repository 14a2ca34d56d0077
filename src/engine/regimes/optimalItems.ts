// The optimal ranking's parts (MODEL.md §4, priority): the inducible A, the hard core H and the
// untriable U by what she believes, with P_i and each knapsack item's value. Apart from the
// knapsack (optimal.ts) because validation counts these items too (scenario/rules.ts), and the
// page validates without loading the solver.
import { positive } from '../numeric';
import type { Population } from '../population/kinds';
import type { Decisions } from './decision';
import { maxAcceptable } from './decision';

export const PART_A = 0;
export const PART_H = 1;
export const PART_U = 2;

/**
 * The parts A, H, U by what she believes, with P_i and each item's value (w − P for A, w for H).
 * Also what validation counts for the knapsack limit (scenario/rules.ts).
 */
export function optimalItems(
  pop: Population,
  dec: Decisions,
  budget: number,
): { part: Uint8Array; P: Float64Array; itemValue: Float64Array } {
  const k = pop.kinds;
  const n = k.size;
  const part = new Uint8Array(n);
  const P = new Float64Array(n);
  const itemValue = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    if (k.c[i] > budget) {
      part[i] = PART_U;
      continue;
    }
    const tailored = Number.isNaN(k.fixedOffer[i]);
    const p = tailored ? maxAcceptable(k.d[i], 1, k.eHatB[i], k.K[i], k.Lb[i]) : k.fixedOffer[i];
    const inducible = tailored ? k.never[i] === 0 && positive(p) : dec.bPlead1[i] === 1;
    if (inducible) {
      part[i] = PART_A;
      P[i] = p;
      itemValue[i] = k.w[i] - p;
    } else {
      part[i] = PART_H;
      itemValue[i] = k.w[i];
    }
  }
  return { part, P, itemValue };
}
