// Cross-field rules of MODEL.md §6 and the limits that protect the user's machine.
// Every message names the field and says how to stay within the rule.
import type { RefinementCtx } from 'zod';
import { totalTrialUnits, distinctValueCostKinds, equalTrialCosts } from './shape';
import { buildPopulation } from '../population/kinds';
import { decide } from '../regimes/decision';
import { optimalItems, PART_A, PART_H } from '../regimes/optimalItems';
import { positive } from '../numeric';
import type { Scenario, ScenarioObjectOutput } from './schema';
import type { LeverList } from '../levers';

export const LIMITS = {
  /** Above this many defendants a run would not fit in memory. */
  maxDefendants: 10_000_000,
  /** Knapsacks with mixed trial costs: J · (B′ + 1) cells at most. */
  maxKnapsackCells: 50_000_000,
  /** forcedSpend's dynamic programme: N · (B′ + 1) cells at most. */
  maxForcedSpendCells: 50_000_000,
  /** forcedSpend with several runs: runs · N · (B′ + 1) cells at most. */
  maxForcedSpendRunCells: 500_000_000,
  /** Total defendant-runs. */
  maxDefendantRuns: 200_000_000,
  /** Above this many defendants the per-defendant rows are left out of results. */
  maxDefendantRows: 100_000,
} as const;

/** The scenario as the object schema returns it, before the default ranking is applied. */
type ShapeForRules = ScenarioObjectOutput;
type GroupForRules = ShapeForRules['groups'][number];

const fmt = (n: number) => n.toLocaleString('en-US');

type IssueFn = (path: (string | number)[], message: string, input?: unknown) => void;

/** The cross-field rules: the core's, and each lever's own rule on a group, in registry order. */
export function checkScenario(s: ShapeForRules, ctx: RefinementCtx, levers: LeverList): void {
  const issue: IssueFn = (path, message, input) =>
    ctx.addIssue({ code: 'custom', path, message, input });

  const p = s.prosecutor;
  const docket = p.regime === 'docket';
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
  if (p.budget === undefined && !docket) return; // reported by ProsecutorSchema
  if (docket && s.docket === undefined) {
    issue(
      ['docket'],
      'is required under the docket regime: give at least { "capacity": trial units per week }',
    );
    return;
  }
  const budget = p.budget ?? 0;
  if (!wellFormed || !Number.isInteger(budget) || budget < 0) return;
  let n = 0;
  s.groups.forEach((g, i) => {
    n += g.count;
    for (const l of levers) l.checkGroup?.(g, i, issue);
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

  const ranking = p.ranking ?? (p.regime === 'priority' ? 'optimal' : 'arrival');
  if (docket && s.runs > 1) {
    issue(
      ['runs'],
      `must be 1 under the docket (its order is the calendar, not a ranking), got ${s.runs}`,
      s.runs,
    );
  } else if (s.runs > 1 && ranking !== 'random') {
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
  const W = s.docket?.weeks;
  if (docket && Number.isInteger(W) && W! >= 1) checkWeeks(s.groups, W!, issue);

  const equal = equalTrialCosts(s.groups);
  if (p.regime === 'lottery' && !equal) {
    issue(
      ['groups'],
      'lottery needs equal trial costs (trialCost) in every group with defendants',
    );
  }
  if (s.runs * n > LIMITS.maxDefendantRuns) {
    issue(
      ['runs'],
      `limit: runs × defendants must be at most ${fmt(LIMITS.maxDefendantRuns)}, got ${fmt(s.runs)} × ${fmt(n)}; lower the runs`,
      s.runs,
    );
  }
  // The docket has no knapsack and no dynamic programme: none of the limits below applies.
  if (docket) return;

  const bPrime = Math.min(budget, totalTrialUnits(s.groups));
  if (!equal) {
    const d = distinctValueCostKinds(s.groups);
    const cells = d * (bPrime + 1);
    if (cells > LIMITS.maxKnapsackCells) {
      issue(
        ['prosecutor', 'budget'],
        `limit: with mixed trial costs the knapsack needs kinds × (budget + 1) ≤ ${fmt(LIMITS.maxKnapsackCells)}, got ${fmt(d)} × ${fmt(bPrime + 1)} = ${fmt(cells)}; lower the budget, merge groups, or use equal trial costs`,
        budget,
      );
    }
  }
  if (p.regime === 'priority' && ranking === 'optimal') {
    const items = optimalKnapsackItems(s as unknown as Scenario, budget);
    const cells = items.distinct * (bPrime + 1);
    if (!items.equalCosts && cells > LIMITS.maxKnapsackCells) {
      issue(
        ['prosecutor', 'ranking'],
        `limit: with mixed trial costs the optimal ranking's knapsack needs kinds × (budget + 1) ≤ ${fmt(LIMITS.maxKnapsackCells)} (kinds: distinct (value, cost) pairs among her items), got ${fmt(items.distinct)} × ${fmt(bPrime + 1)} = ${fmt(cells)}; lower the budget, merge groups, use equal trial costs, or use the arrival or byValue ranking`,
        'optimal',
      );
    }
  }
  if (p.regime === 'forcedSpend') {
    const cells = n * (bPrime + 1);
    if (cells > LIMITS.maxForcedSpendCells) {
      issue(
        ['prosecutor', 'budget'],
        `limit: forcedSpend needs defendants × (budget + 1) ≤ ${fmt(LIMITS.maxForcedSpendCells)}, got ${fmt(n)} × ${fmt(bPrime + 1)} = ${fmt(cells)}; lower the budget or the counts`,
        budget,
      );
    } else if (s.runs > 1 && s.runs * cells > LIMITS.maxForcedSpendRunCells) {
      issue(
        ['runs'],
        `limit: forcedSpend with several runs needs runs × defendants × (budget + 1) ≤ ${fmt(LIMITS.maxForcedSpendRunCells)}, got ${fmt(s.runs)} × ${fmt(n)} × ${fmt(bPrime + 1)} = ${fmt(s.runs * cells)}; lower the runs, the budget or the counts`,
        s.runs,
      );
    }
  }
}

/**
 * The optimal ranking's own knapsack items by her beliefs (MODEL.md §6): (w − P, c) for the
 * inducible worth > 1e-9 and (w, c) for the triable hard core. How many distinct pairs, and
 * whether their costs are all equal.
 */
export function optimalKnapsackItems(s: Scenario, budget: number): { distinct: number; equalCosts: boolean } {
  const pop = buildPopulation({ ...s, prosecutor: { ...s.prosecutor, budget } });
  const dec = decide(pop.kinds);
  const { part, itemValue } = optimalItems(pop, dec, budget);
  const k = pop.kinds;
  const seen = new Set<string>();
  let cost = -1;
  let equalCosts = true;
  for (let i = 0; i < k.size; i++) {
    const item = (part[i] === PART_A && positive(itemValue[i])) || part[i] === PART_H;
    if (!item) continue;
    seen.add(`${itemValue[i]}|${k.c[i]}`);
    if (cost === -1) cost = k.c[i];
    else if (cost !== k.c[i]) equalCosts = false;
  }
  return { distinct: seen.size, equalCosts };
}

/** Under the docket, a group with members arrives in weeks f ≤ l ≤ W − 1. */
function checkWeeks(groups: readonly GroupForRules[], W: number, issue: IssueFn) {
  groups.forEach((g, i) => {
    if (g.count === 0) return;
    const f = g.firstWeek ?? 0;
    const l = g.lastWeek ?? W - 1;
    if (f > W - 1) {
      issue(
        ['groups', i, 'firstWeek'],
        `must be a week of the docket, 0..${W - 1} (docket.weeks = ${W}), got ${f}; lower it or raise docket.weeks`,
        f,
      );
    } else if (l > W - 1) {
      issue(
        ['groups', i, 'lastWeek'],
        `must be a week of the docket, 0..${W - 1} (docket.weeks = ${W}), got ${l}; lower it, leave it empty (the last week), or raise docket.weeks`,
        g.lastWeek,
      );
    } else if (f > l) {
      issue(
        ['groups', i, 'lastWeek'],
        `must be at least firstWeek (${f}), got ${l}`,
        g.lastWeek,
      );
    }
  });
}

function checkPermutation(list: number[], n: number, issue: IssueFn) {
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
