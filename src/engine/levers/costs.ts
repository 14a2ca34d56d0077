// The defendant's own costs that act like levers (MODEL.md §2): the collateral cost K of any
// conviction, and the cost d of refusing (pretrial detention), which buys "time-served" pleas.
import type { LeverMeta } from './meta';

export const collateralMeta: LeverMeta = {
  id: 'collateral',
  label: 'Collateral cost of conviction (K)',
  help: 'Paid on any conviction, plea or trial: it makes a plea worth less to the defendant.',
  parameters: ['groups[].collateralCost'],
  citation: 'Crespo, Part I: deportation, lost housing or licence follow any conviction',
};

export const refusalCostMeta: LeverMeta = {
  id: 'refusalCost',
  label: 'Cost of refusing (d)',
  help: 'Paid by every refuser, tried or not: pretrial detention makes time-served pleas.',
  parameters: ['groups[].refusalCost'],
  citation: 'Crespo, Part I: pretrial detention coerces pleas in misdemeanor courts',
};

/** e = p·(S + K): what a certain trial costs the defendant beyond d. */
export function trialCost(p: number, S: number, K: number): number {
  return p * (S + K);
}

/** w = p·S: the prosecutor's expected gain from trying him. */
export function trialValue(p: number, S: number): number {
  return p * S;
}
