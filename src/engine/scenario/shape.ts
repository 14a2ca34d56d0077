// Small facts about a scenario's groups that validation and the engine both need.
import { trialValue } from '../levers/costs';

interface GroupLike {
  count: number;
  convictionProbability: number;
  trialSentence: number;
  trialCost: number;
}

/** Σ count. */
export function defendantCount(groups: readonly { count: number }[]): number {
  let n = 0;
  for (const g of groups) n += g.count;
  return n;
}

/** Σ c_i over all defendants. */
export function totalTrialUnits(groups: readonly GroupLike[]): number {
  let u = 0;
  for (const g of groups) u += g.count * g.trialCost;
  return u;
}

/** True when every group with members has the same trial cost. */
export function equalTrialCosts(groups: readonly GroupLike[]): boolean {
  let c = -1;
  for (const g of groups) {
    if (g.count === 0) continue;
    if (c === -1) c = g.trialCost;
    else if (g.trialCost !== c) return false;
  }
  return true;
}

/** D: the number of distinct (w = p·S, c) kinds among groups with members. */
export function distinctValueCostKinds(groups: readonly GroupLike[]): number {
  const seen = new Set<string>();
  for (const g of groups) {
    if (g.count === 0) continue;
    seen.add(`${trialValue(g.convictionProbability, g.trialSentence)}|${g.trialCost}`);
  }
  return seen.size;
}

/**
 * The prosecutor's budget B. Only the docket may leave it out (its capacity is weekly and B is
 * not used there); read through here so an absent budget is 0 everywhere.
 */
export function budgetOf(s: { prosecutor: { budget?: number | undefined } }): number {
  return s.prosecutor.budget ?? 0;
}
