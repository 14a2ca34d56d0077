// forcedSpend's value function as linear pieces (src/engine/regimes/forcedSpend.ts) against the
// full table over (rank, budget) it replaced (test/engine/naive/forcedSpendDP.ts): the same
// decision in every cell on the path, so the same rows and totals, on random scenarios with equal
// and mixed trial costs, ties, values near the 1e-9 tolerance and near 1, and budgets far past
// the trial units.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ScenarioSchema, type Scenario } from '../../src/engine/scenario/schema';
import { prepare } from '../../src/engine/solve';
import { buildRanking } from '../../src/engine/regimes/ranking';
import { forcedSpend, forcedSpendMemoStats, forgetForcedSpendMemo } from '../../src/engine/regimes/forcedSpend';
import { newDetail } from '../../src/engine/regimes/priority';
import { tieEq } from '../../src/engine/numeric';
import { forcedSpendDP } from './naive/forcedSpendDP';
import { forcedSpendPrevious } from './naive/forcedSpendPieces';
import { scenarioArb } from './arbitraries';

function both(s: Scenario, run = 0) {
  const prep = prepare(s, true);
  const ranking = buildRanking(prep.pop, s.prosecutor.ranking as 'arrival', s.seed, run);
  const input = { pop: prep.pop, dec: prep.dec, kindOf: prep.kindOf!, ranking, budget: s.prosecutor.budget! };
  const d1 = newDetail(prep.pop.N);
  const d2 = newDetail(prep.pop.N);
  return { fast: forcedSpend(input, d1), naive: forcedSpendDP(input, d2), d1, d2 };
}

function expectSame(s: Scenario) {
  const { fast, naive, d1, d2 } = both(s);
  const { plannedTake: p1, ...t1 } = fast;
  const { plannedTake: p2, ...t2 } = naive;
  expect(t1).toEqual(t2);
  expect(tieEq(p1, p2)).toBe(true);
  expect(d1).toEqual(d2);
}

// Offers a hair's breadth from the trial value w = p·S (inside and just outside 1e-9), and
// values around 1, where the tolerance's max(1, |a|, |b|) changes its argument.
const nearTie = fc
  .record({
    groups: fc.array(
      fc.record({
        count: fc.integer({ min: 1, max: 6 }),
        p: fc.constantFrom(0.5, 0.1, 0.3, 1),
        S: fc.constantFrom(1, 2, 10, 0.5, 3),
        c: fc.integer({ min: 1, max: 3 }),
        rel: fc.constantFrom(0, 1, -1, 0.5, -0.5, 0.99, -0.99, 1.01, -1.01, 2, -2, 1e-3),
        never: fc.constantFrom(0, 0, 0.5),
      }),
      { minLength: 1, maxLength: 4 },
    ),
    budget: fc.integer({ min: 0, max: 25 }),
  })
  .map((r) =>
    ScenarioSchema.parse({
      schemaVersion: 1,
      seed: 3,
      groups: r.groups.map((g) => {
        const w = g.p * g.S;
        return {
          count: g.count,
          convictionProbability: g.p,
          trialSentence: g.S,
          trialCost: g.c,
          neverPleadsShare: g.never,
          offer: Math.max(0, w * (1 + g.rel * 1e-9)),
        };
      }),
      prosecutor: { budget: r.budget, regime: 'forcedSpend', ranking: 'arrival', offers: 'tailored' },
    }),
  );

describe('forcedSpend by linear pieces equals the full table', () => {
  it('on random scenarios: mixed costs 1–3, fixed and tailored offers, secret and public pledges', () => {
    fc.assert(
      fc.property(
        scenarioArb({ maxGroups: 4, maxCount: 6, regime: 'forcedSpend', ranking: 'random', fixedOffers: true, maxBudget: 40 }),
        (s) => expectSame(s),
      ),
      { numRuns: 600 },
    );
  });

  it('on equal costs and budgets up to and past the trial units', () => {
    fc.assert(
      fc.property(
        scenarioArb({ maxGroups: 3, maxCount: 12, regime: 'forcedSpend', ranking: 'arrival', equalCosts: true, maxBudget: 50 }),
        (s) => expectSame(s),
      ),
      { numRuns: 400 },
    );
  });

  it('on offers within and just beyond the tolerance of the trial value', () => {
    fc.assert(fc.property(nearTie, (s) => expectSame(s)), { numRuns: 600 });
  });

  it("on Crespo's city under the clock at budgets 0, 1, 2, 100 (checked cell by cell), 450, 1,000 and past its 7,000 trial units", () => {
    const input = JSON.parse(
      readFileSync(new URL('../../src/presets/crespo-city-clock.scenario.json', import.meta.url), 'utf8'),
    ) as { prosecutor: { budget: number } };
    const takes: number[] = [];
    for (const budget of [0, 1, 2, 100, 450, 1000, 9000]) {
      const s = ScenarioSchema.parse({ ...input, prosecutor: { ...input.prosecutor, budget } });
      if (budget <= 100) expectSame(s);
      takes.push(both(s).fast.take);
    }
    // The chain store: each unit of budget makes one never-pleader (w = 12) credible to try;
    // 450 units buy 450 such trials and nothing more.
    expect(takes.slice(0, 5)).toEqual([0, 12, 24, 1200, 5400]);
    expect(takes[5]).toBeCloseTo(7710, 6);
    expect(takes[6]).toBeCloseTo(19155, 6);
  }, 60_000);
});

// The backward pass is kept for the next solve with the same ranks and believed kinds (a budget
// sweep): each later budget up to the pass's B′ repeats only the forward pass. Every budget of a
// sweep, in any order and with repeats, still equals the full table at that budget.
describe('forcedSpend reuses its backward pass across budgets', () => {
  const sweep = (s: Scenario, budgets: number[]) => {
    for (const budget of budgets) expectSame({ ...s, prosecutor: { ...s.prosecutor, budget } });
  };
  const budgets = (max: number) => fc.array(fc.integer({ min: 0, max }), { minLength: 1, maxLength: 8 });

  it('on random scenarios (mixed costs, random rankings, funds): every budget of a sweep equals the table', () => {
    const before = forcedSpendMemoStats().hits;
    fc.assert(
      fc.property(
        scenarioArb({ maxGroups: 4, maxCount: 6, regime: 'forcedSpend', ranking: 'random', fixedOffers: true, maxBudget: 40 }),
        budgets(45),
        (s, bs) => sweep(s, bs),
      ),
      { numRuns: 300 },
    );
    // The kept pass was really used (most sweeps keep their ranks and kinds from budget to budget).
    expect(forcedSpendMemoStats().hits - before).toBeGreaterThan(300);
  });

  it('on offers within and just beyond the tolerance of the trial value', () => {
    fc.assert(fc.property(nearTie, budgets(30), (s, bs) => sweep(s, bs)), { numRuns: 300 });
  });

  it("on Crespo's city: a sweep computes the pass twice (its first budget, then all of 0..7,000) and equals cold solves", () => {
    const input = JSON.parse(
      readFileSync(new URL('../../src/presets/crespo-city-clock.scenario.json', import.meta.url), 'utf8'),
    ) as { prosecutor: { budget: number } };
    const at = (budget: number) => ScenarioSchema.parse({ ...input, prosecutor: { ...input.prosecutor, budget } });
    const solve = (budget: number) => {
      const s = at(budget);
      const prep = prepare(s, true);
      const ranking = buildRanking(prep.pop, 'arrival', s.seed, 0);
      const d = newDetail(prep.pop.N);
      const t = forcedSpend({ pop: prep.pop, dec: prep.dec, kindOf: prep.kindOf!, ranking, budget }, d);
      return { t, d };
    };
    const list = [0, 1, 2, 100, 449, 450, 451, 1000, 3500, 6999, 7000, 9000, 450, 0];
    const cold = list.map((b) => {
      forgetForcedSpendMemo();
      return solve(b);
    });
    forgetForcedSpendMemo();
    const before = forcedSpendMemoStats();
    const warm = list.map(solve);
    const after = forcedSpendMemoStats();
    expect(after.misses - before.misses).toBe(2);
    expect(after.hits - before.hits).toBe(list.length - 2);
    for (let i = 0; i < list.length; i++) {
      expect(warm[i].t).toEqual(cold[i].t);
      expect(warm[i].d).toEqual(cold[i].d);
    }
    expect(warm.map((x) => x.t.take).slice(0, 4)).toEqual([0, 12, 24, 1200]);
    expect(warm[5].t.take).toBe(5400);
    // Budgets up to 100 cell by cell against the full table, after the sweep (warm).
    for (const b of [0, 1, 2, 100]) expectSame(at(b));
  }, 60_000);
});

// The backward pass was rewritten for the cold first solve (W7): one function with its state in
// locals, and a rank whose kind equals the previous rank's restarts from the first budget where
// its V(t+1) differs from the V(t+2) the previous rank read (the cells below it, and so the pieces
// and decision runs there, are the previous rank's). The previous algorithm
// (test/engine/naive/forcedSpendPieces.ts) is the reference bit for bit: the same pieces, so the same
// plannedTake to the last bit, and the same rows and totals.
describe('forcedSpend equals the previous pieces algorithm bit for bit', () => {
  const inputOf = (s: Scenario, budget = s.prosecutor.budget!) => {
    const prep = prepare(s, true);
    const ranking = buildRanking(prep.pop, s.prosecutor.ranking as 'arrival', s.seed, 0);
    return { pop: prep.pop, dec: prep.dec, kindOf: prep.kindOf!, ranking, budget };
  };
  const expectBits = (input: ReturnType<typeof inputOf>, solveBp?: number) => {
    const d1 = newDetail(input.pop.N);
    const d2 = newDetail(input.pop.N);
    if (solveBp === undefined) forgetForcedSpendMemo();
    const fast = forcedSpend(input, d1);
    const prev = forcedSpendPrevious(input, d2, solveBp);
    expect(fast.plannedTake).toBe(prev.plannedTake);
    expect(fast).toEqual(prev);
    expect(d1).toEqual(d2);
  };
  // A cold solve at each budget, then a sweep: the second budget of the same ranks covers 0..Σ c.
  const sweepBits = (s: Scenario, budgets: number[]) => {
    for (const b of budgets) expectBits(inputOf(s, b));
    forgetForcedSpendMemo();
    const first = inputOf(s, budgets[0]);
    forcedSpend(first);
    for (const b of budgets.slice(1)) {
      const input = inputOf(s, b);
      const wide = Math.min(b, input.pop.totalUnits) > Math.min(budgets[0], input.pop.totalUnits);
      if (wide) {
        expectBits(input, input.pop.totalUnits);
        return;
      }
    }
  };
  const budgets = (max: number) => fc.array(fc.integer({ min: 0, max }), { minLength: 1, maxLength: 4 });
  // Long runs of identical ranks: arrival order over groups of up to 30.
  const longRuns = nearTie.chain((s) =>
    fc.integer({ min: 1, max: 6 }).map((times) =>
      ScenarioSchema.parse({
        ...s,
        groups: s.groups.map((g) => ({ ...g, count: g.count * times })),
      }),
    ),
  );

  it('on random scenarios with long runs of identical ranks (arrival order), funds, pledges and random budgets', () => {
    fc.assert(
      fc.property(
        scenarioArb({ maxGroups: 4, maxCount: 30, regime: 'forcedSpend', ranking: 'arrival', fixedOffers: true, maxBudget: 150 }),
        budgets(160),
        (s, bs) => sweepBits(s, bs),
      ),
      { numRuns: 300 },
    );
  });

  it('on random rankings and mixed costs', () => {
    fc.assert(
      fc.property(
        scenarioArb({ maxGroups: 4, maxCount: 8, regime: 'forcedSpend', ranking: 'random', fixedOffers: true, maxBudget: 60 }),
        budgets(70),
        (s, bs) => sweepBits(s, bs),
      ),
      { numRuns: 300 },
    );
  });

  it('on offers within and just beyond the tolerance of the trial value, in long runs', () => {
    fc.assert(fc.property(longRuns, budgets(120), (s, bs) => sweepBits(s, bs)), { numRuns: 300 });
  });

  it("on Crespo's city under the clock at budgets 0, 1, 450, 2,000, 3,726, 7,000, cold and in a sweep", () => {
    const input = JSON.parse(
      readFileSync(new URL('../../src/presets/crespo-city-clock.scenario.json', import.meta.url), 'utf8'),
    ) as { prosecutor: { budget: number } };
    const s = ScenarioSchema.parse(input);
    sweepBits(s, [0, 1, 450, 2000, 3726, 7000]);
  }, 60_000);
});
