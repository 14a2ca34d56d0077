// Cross-field rules of MODEL.md §6 and the limits that protect the user's machine.
// Every message names the field and says how to stay within the rule.
import type { RefinementCtx } from 'zod';
import { totalTrialUnits, distinctValueCostKinds, equalTrialCosts } from './shape';

export const LIMITS = {
  /** Above this many defendants a run would not fit in memory. */
  maxDefendants: 10_000_000,
  /** Knapsacks with mixed trial costs: D · (B′ + 1) cells at most. */
  maxKnapsackCells: 50_000_000,
  /** forcedSpend's dynamic programme: N · (B′ + 1) cells at most. */
  maxForcedSpendCells: 50_000_000,
  /** Total defendant-runs. */
  maxDefendantRuns: 200_000_000,
  /** Above this many defendants the per-defendant rows are left out of results. */
  maxDefendantRows: 100_000,
} as const;

interface ShapeForRules {
  runs: number;
  groups: {
    count: number;
    convictionProbability: number;
    trialSentence: number;
    trialCost: number;
    pledgedShare: number;
    neverPleadsShare: number;
    offer: number | null;
  }[];
  prosecutor: {
    budget: number;
    regime: 'noPlea' | 'lottery' | 'priority' | 'forcedSpend';
    ranking?: 'optimal' | 'arrival' | 'byValue' | 'random' | number[] | undefined;
    offers: 'tailored' | 'uniform';
    uniformOffer: number | null;
  };
}

const fmt = (n: number) => n.toLocaleString('en-US');

export function checkScenario(s: ShapeForRules, ctx: RefinementCtx): void {
  const issue = (path: (string | number)[], message: string, input?: unknown) =>
    ctx.addIssue({ code: 'custom', path, message, input });

  // Field errors come first: the rules below assume well-formed counts and numbers.
  const wellFormed = s.groups.every(
    (g) =>
      Number.isInteger(g.count) &&
      g.count >= 0 &&
      Number.isInteger(g.trialCost) &&
      g.trialCost >= 1 &&
      Number.isFinite(g.convictionProbability) &&
      Number.isFinite(g.trialSentence),
  );
  if (!wellFormed || !Number.isInteger(s.prosecutor.budget) || s.prosecutor.budget < 0) return;
  let n = 0;
  s.groups.forEach((g, i) => {
    n += g.count;
    if (g.pledgedShare + g.neverPleadsShare > 1 + 1e-9) {
      issue(
        ['groups', i, 'neverPleadsShare'],
        `pledgedShare + neverPleadsShare must be at most 1, got ${g.pledgedShare} + ${g.neverPleadsShare}`,
        g.neverPleadsShare,
      );
    }
  });
  if (n < 1) {
    issue(['groups'], 'must hold at least one defendant in all (every count is 0)');
    return;
  }
  if (n > LIMITS.maxDefendants) {
    issue(
      ['groups'],
      `limit: at most ${fmt(LIMITS.maxDefendants)} defendants in all (a larger run would not fit in memory), got ${fmt(n)}; lower the counts`,
    );
    return;
  }

  const p = s.prosecutor;
  const ranking = p.ranking ?? (p.regime === 'priority' ? 'optimal' : 'arrival');
  if (s.runs > 1 && ranking !== 'random') {
    issue(['runs'], `must be 1 unless the ranking is random, got ${s.runs}`, s.runs);
  }
  if (p.regime === 'forcedSpend' && ranking === 'optimal') {
    issue(
      ['prosecutor', 'ranking'],
      'optimal is not a forcedSpend order: use arrival, byValue, random or an explicit list',
      'optimal',
    );
  }
  if (p.offers === 'uniform' && p.uniformOffer === null) {
    const allSet = s.groups.every((g) => g.count === 0 || g.offer !== null);
    if (!allSet) {
      issue(
        ['prosecutor', 'uniformOffer'],
        'is required with uniform offers (or set every group’s offer)',
        null,
      );
    }
  }
  if (Array.isArray(ranking)) checkPermutation(ranking, n, issue);

  const equal = equalTrialCosts(s.groups);
  if (p.regime === 'lottery' && !equal) {
    issue(
      ['groups'],
      'lottery needs equal trial costs (trialCost) in every group with defendants',
    );
  }
  const bPrime = Math.min(p.budget, totalTrialUnits(s.groups));
  if (!equal) {
    const d = distinctValueCostKinds(s.groups);
    const cells = d * (bPrime + 1);
    if (cells > LIMITS.maxKnapsackCells) {
      issue(
        ['prosecutor', 'budget'],
        `limit: with mixed trial costs the knapsack needs kinds × (budget + 1) ≤ ${fmt(LIMITS.maxKnapsackCells)}, got ${fmt(d)} × ${fmt(bPrime + 1)} = ${fmt(cells)}; lower the budget, merge groups, or use equal trial costs`,
        p.budget,
      );
    }
  }
  if (p.regime === 'forcedSpend') {
    const cells = n * (bPrime + 1);
    if (cells > LIMITS.maxForcedSpendCells) {
      issue(
        ['prosecutor', 'budget'],
        `limit: forcedSpend needs defendants × (budget + 1) ≤ ${fmt(LIMITS.maxForcedSpendCells)}, got ${fmt(n)} × ${fmt(bPrime + 1)} = ${fmt(cells)}; lower the budget or the counts`,
        p.budget,
      );
    }
  }
  if (s.runs * n > LIMITS.maxDefendantRuns) {
    issue(
      ['runs'],
      `limit: runs × defendants must be at most ${fmt(LIMITS.maxDefendantRuns)}, got ${fmt(s.runs)} × ${fmt(n)}; lower the runs`,
      s.runs,
    );
  }
}

function checkPermutation(
  list: number[],
  n: number,
  issue: (path: (string | number)[], message: string, input?: unknown) => void,
) {
  if (list.length !== n) {
    issue(
      ['prosecutor', 'ranking'],
      `must list each defendant 1..${n} exactly once: got ${list.length} entries`,
    );
    return;
  }
  const seen = new Uint8Array(n + 1);
  for (let t = 0; t < list.length; t++) {
    const v = list[t];
    if (v < 1 || v > n) {
      issue(['prosecutor', 'ranking', t], `must be a defendant number from 1 to ${n}, got ${v}`, v);
      return;
    }
    if (seen[v]) {
      issue(['prosecutor', 'ranking', t], `defendant ${v} is listed twice`, v);
      return;
    }
    seen[v] = 1;
  }
}
