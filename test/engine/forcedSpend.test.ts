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
import { forcedSpendResume, forgetForcedSpendResumeMemo } from './naive/forcedSpendResume';
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

// Long runs of identical ranks (arrival order), funds, pledges; and random rankings with mixed costs.
const LONG_RUNS = scenarioArb({ maxGroups: 4, maxCount: 30, regime: 'forcedSpend', ranking: 'arrival', fixedOffers: true, maxBudget: 150 });
const RANDOM_MIXED = scenarioArb({ maxGroups: 4, maxCount: 8, regime: 'forcedSpend', ranking: 'random', fixedOffers: true, maxBudget: 60 });

// A forcedSpend input at a budget (the ranking drawn as the solver draws it, run 0).
function forcedSpendInput(s: Scenario, budget: number) {
  const prep = prepare(s, true);
  const ranking = buildRanking(prep.pop, s.prosecutor.ranking as 'arrival', s.seed, 0);
  return { pop: prep.pop, dec: prep.dec, kindOf: prep.kindOf!, ranking, budget };
}

// Two solves' totals and per-defendant detail are the same doubles (Object.is: −0 and NaN count).
function expectBitIdentical(a: { t: object; d: ReturnType<typeof newDetail> }, b: { t: object; d: ReturnType<typeof newDetail> }) {
  const ta = a.t as Record<string, unknown>;
  const tb = b.t as Record<string, unknown>;
  expect(Object.keys(ta).sort()).toEqual(Object.keys(tb).sort());
  for (const key of Object.keys(ta)) {
    const x = ta[key];
    const y = tb[key];
    if (typeof x === 'number') expect(Object.is(x, y), `${key}: ${x} vs ${String(y)}`).toBe(true);
    else expect(x).toEqual(y);
  }
  for (const key of Object.keys(a.d) as (keyof typeof a.d)[]) {
    const x = a.d[key] as ArrayLike<number>;
    const y = b.d[key] as ArrayLike<number>;
    expect(x.length).toBe(y.length);
    for (let i = 0; i < x.length; i++) if (!Object.is(x[i], y[i])) expect([key, i, x[i]]).toEqual([key, i, y[i]]);
  }
}

// Crespo's city (under the clock) with its groups' sizes, values and costs drawn anew: hundreds of
// defendants with trial values like 0.7 × 3 (inexact in binary), where V's pieces merge lines that
// agree to 1e-12, and where a pass over a wider range used to round differently; budgets drawn as
// thousandths of its trial units, up to just past them.
const CRESPO_CLOCK = JSON.parse(
  readFileSync(new URL('../../src/presets/crespo-city-clock.scenario.json', import.meta.url), 'utf8'),
) as { groups: object[]; prosecutor: object };
function cityArb(o: { maxCost: number; rankings?: string[]; minPoints: number; maxPoints: number }) {
  const group = fc.record({
    count: fc.integer({ min: 1, max: 200 }),
    convictionProbability: fc.constantFrom(0.6, 0.7, 0.35, 0.45, 0.9, 0.15, 0.55, 0.33),
    trialSentence: fc.constantFrom(20, 3, 1.5, 7, 0.7, 12, 2.2),
    trialCost: fc.integer({ min: 1, max: o.maxCost }),
    pledgedShare: fc.constantFrom(0, 0, 0.05, 0.25, 0.5),
    neverPleadsShare: fc.constantFrom(0, 0, 0.1, 0.4),
  });
  return fc
    .record({
      groups: fc.tuple(...CRESPO_CLOCK.groups.map(() => group)),
      ranking: o.rankings ? fc.constantFrom(...o.rankings) : fc.constant(null),
      at: fc.array(fc.integer({ min: 0, max: 1010 }), { minLength: o.minPoints, maxLength: o.maxPoints }),
    })
    .map((r) => {
      const s = ScenarioSchema.parse({
        ...CRESPO_CLOCK,
        groups: CRESPO_CLOCK.groups.map((g, i) => ({ ...g, ...r.groups[i] })),
        prosecutor: { ...CRESPO_CLOCK.prosecutor, ...(r.ranking ? { ranking: r.ranking } : {}), budget: 0 },
      });
      const units = r.groups.reduce((a, g) => a + g.count * g.trialCost, 0);
      return { s, bs: r.at.map((x) => Math.floor((x * units) / 1000)) };
    });
}

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

// The backward pass is kept for the next solve with the same ranks, believed kinds and range
// 0..B′ (B′ = min(B, trial units)): that solve repeats only the forward pass; any other budget
// computes its own pass (a pass over another range can differ in the last bits). Every budget of
// a sweep, in any order and with repeats, still equals the full table at that budget.
describe('forcedSpend reuses its backward pass for the same range', () => {
  const sweep = (s: Scenario, budgets: number[]) => {
    let lastBp = -1;
    for (const budget of budgets) {
      const before = forcedSpendMemoStats();
      expectSame({ ...s, prosecutor: { ...s.prosecutor, budget } });
      const after = forcedSpendMemoStats();
      const Bp = Math.min(budget, prepare(s, true).pop.totalUnits);
      // expectSame solves once: a hit exactly when the range is the last solve's.
      expect([after.hits - before.hits, after.misses - before.misses]).toEqual(Bp === lastBp ? [1, 0] : [0, 1]);
      lastBp = Bp;
    }
  };
  const budgets = (max: number) => fc.array(fc.integer({ min: 0, max }), { minLength: 1, maxLength: 8 });

  it('on random scenarios (mixed costs, random rankings, funds): every budget of a sweep equals the table', () => {
    const before = forcedSpendMemoStats().hits;
    forgetForcedSpendMemo();
    fc.assert(
      fc.property(
        scenarioArb({ maxGroups: 4, maxCount: 6, regime: 'forcedSpend', ranking: 'random', fixedOffers: true, maxBudget: 40 }),
        budgets(45),
        (s, bs) => sweep(s, bs),
      ),
      { numRuns: 300 },
    );
    // The kept pass was really used (repeated budgets, and budgets past the trial units).
    expect(forcedSpendMemoStats().hits - before).toBeGreaterThan(30);
   }, 60_000);

  it('on offers within and just beyond the tolerance of the trial value', () => {
    forgetForcedSpendMemo();
    fc.assert(fc.property(nearTie, budgets(30), (s, bs) => sweep(s, bs)), { numRuns: 300 });
   }, 60_000);

  it("on Crespo's city: a sweep computes the pass at each new range (past 7,000 units the range is the same) and equals cold solves", () => {
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
    // 9,000 solves over 0..7,000 as 7,000 did; every other budget changes the range.
    expect(after.misses - before.misses).toBe(list.length - 1);
    expect(after.hits - before.hits).toBe(1);
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
  const expectBits = (input: ReturnType<typeof inputOf>, warm = false) => {
    const d1 = newDetail(input.pop.N);
    const d2 = newDetail(input.pop.N);
    if (!warm) forgetForcedSpendMemo();
    const fast = forcedSpend(input, d1);
    const prev = forcedSpendPrevious(input, d2);
    expect(fast.plannedTake).toBe(prev.plannedTake);
    expect(fast).toEqual(prev);
    expect(d1).toEqual(d2);
  };
  // A cold solve at each budget, then the same budgets as a sweep in one process.
  const sweepBits = (s: Scenario, budgets: number[]) => {
    for (const b of budgets) expectBits(inputOf(s, b));
    forgetForcedSpendMemo();
    for (const b of budgets) expectBits(inputOf(s, b), true);
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
        LONG_RUNS,
        budgets(160),
        (s, bs) => sweepBits(s, bs),
      ),
      { numRuns: 300 },
    );
   }, 60_000);

  it('on random rankings and mixed costs', () => {
    fc.assert(
      fc.property(
        RANDOM_MIXED,
        budgets(70),
        (s, bs) => sweepBits(s, bs),
      ),
      { numRuns: 300 },
    );
   }, 60_000);

  it('on offers within and just beyond the tolerance of the trial value, in long runs', () => {
    fc.assert(fc.property(longRuns, budgets(120), (s, bs) => sweepBits(s, bs)), { numRuns: 300 });
   }, 60_000);

  it("on Crespo's city under the clock at budgets 0, 1, 450, 2,000, 3,726, 7,000, cold and in a sweep", () => {
    const input = JSON.parse(
      readFileSync(new URL('../../src/presets/crespo-city-clock.scenario.json', import.meta.url), 'utf8'),
    ) as { prosecutor: { budget: number } };
    const s = ScenarioSchema.parse(input);
    sweepBits(s, [0, 1, 450, 2000, 3726, 7000]);
  }, 60_000);
});

// The kept backward pass must not change any answer: a solve gives the same bits whatever was
// solved before in the process (the app's worker keeps the pass; `npm run solve` starts fresh).
describe('forcedSpend gives every solve the fresh answer, whatever was solved before', () => {
  const inputOf = forcedSpendInput;
  const solveAt = (s: Scenario, budget: number) => {
    const input = inputOf(s, budget);
    const d = newDetail(input.pop.N);
    const t = forcedSpend(input, d);
    return { t, d };
  };
  const expectIdentical = expectBitIdentical;
  // Each budget of the sequence solved in a warm process (after the ones before it) and fresh.
  const sequence = (s: Scenario, budgets: number[]) => {
    forgetForcedSpendMemo();
    const warm = budgets.map((b) => solveAt(s, b));
    budgets.forEach((b, i) => {
      forgetForcedSpendMemo();
      expectIdentical(warm[i], solveAt(s, b));
    });
  };
  const budgets = (max: number) => fc.array(fc.integer({ min: 0, max }), { minLength: 2, maxLength: 8 });

  it('on random scenarios with long runs (arrival order), funds, pledges and random budgets', () => {
    fc.assert(
      fc.property(
        LONG_RUNS,
        budgets(160),
        (s, bs) => sequence(s, bs),
      ),
      { numRuns: 400 },
    );
  }, 60_000);

  it('on random rankings and mixed costs', () => {
    fc.assert(
      fc.property(
        RANDOM_MIXED,
        budgets(70),
        (s, bs) => sequence(s, bs),
      ),
      { numRuns: 400 },
    );
  }, 60_000);

  it('on offers within and just beyond the tolerance of the trial value', () => {
    fc.assert(fc.property(nearTie, budgets(30), (s, bs) => sequence(s, bs)), { numRuns: 400 });
  }, 60_000);

  // Crespo's city drawn anew (cityArb), trial costs 1–3.
  const city = cityArb({ maxCost: 3, minPoints: 2, maxPoints: 6 });

  it('on cities of hundreds of defendants with inexact trial values, at budgets up to past their trial units', () => {
    fc.assert(fc.property(city, ({ s, bs }) => sequence(s, bs)), { numRuns: 60 });
  }, 120_000);
});

// The lean backward pass (one array for the value functions, V(t) built over V(t+2), integer
// counts) against the pass it replaced, kept verbatim in test/engine/naive/forcedSpendResume.ts:
// every number of the totals, plannedTake and the rows the same double (Object.is), cold and in
// a sweep, on random scenarios, near-tolerance offers, long runs, mixed costs and cities of
// hundreds of defendants (whose value functions outgrow the buffers' first capacity).
describe('forcedSpend equals the resume pass it replaced, number for number', () => {
  const inputOf = forcedSpendInput;
  const expectObjectIs = (input: ReturnType<typeof inputOf>, warm: boolean) => {
    const d1 = newDetail(input.pop.N);
    const d2 = newDetail(input.pop.N);
    if (!warm) forgetForcedSpendMemo();
    forgetForcedSpendResumeMemo();
    expectBitIdentical({ t: forcedSpend(input, d1), d: d1 }, { t: forcedSpendResume(input, d2), d: d2 });
  };
  // Each budget cold, then the same budgets as a sweep (the engine keeping its pass).
  const sweep = (s: Scenario, bs: number[]) => {
    for (const b of bs) expectObjectIs(inputOf(s, b), false);
    forgetForcedSpendMemo();
    for (const b of bs) expectObjectIs(inputOf(s, b), true);
  };
  const budgets = (max: number) => fc.array(fc.integer({ min: 0, max }), { minLength: 1, maxLength: 5 });

  it('on random scenarios with long runs of identical ranks (arrival order), funds, pledges and random budgets', () => {
    fc.assert(
      fc.property(
        LONG_RUNS,
        budgets(160),
        (s, bs) => sweep(s, bs),
      ),
      { numRuns: 300 },
    );
  }, 60_000);

  it('on random rankings and mixed costs', () => {
    fc.assert(
      fc.property(
        RANDOM_MIXED,
        budgets(70),
        (s, bs) => sweep(s, bs),
      ),
      { numRuns: 300 },
    );
  }, 60_000);

  it('on offers within and just beyond the tolerance of the trial value, alone and in long runs', () => {
    fc.assert(fc.property(nearTie, budgets(30), (s, bs) => sweep(s, bs)), { numRuns: 300 });
    const longRuns = nearTie.chain((s) =>
      fc.integer({ min: 1, max: 6 }).map((times) =>
        ScenarioSchema.parse({ ...s, groups: s.groups.map((g) => ({ ...g, count: g.count * times })) }),
      ),
    );
    fc.assert(fc.property(longRuns, budgets(120), (s, bs) => sweep(s, bs)), { numRuns: 300 });
  }, 60_000);

  // Crespo's city with its groups' sizes, values and costs drawn anew (as above): hundreds of
  // defendants, inexact trial values, mixed costs, many pieces.
  const city = cityArb({ maxCost: 5, rankings: ['arrival', 'random', 'byValue'], minPoints: 1, maxPoints: 4 });

  it('on cities of hundreds of defendants with inexact trial values and mixed costs, at budgets up to past their trial units', () => {
    fc.assert(fc.property(city, ({ s, bs }) => sweep(s, bs)), { numRuns: 40 });
  }, 120_000);

  it("on Crespo's city under the clock at budgets 0, 1, 2, 450, 2,000, 3,726, 6,999, 7,000 and 9,000", () => {
    const s = ScenarioSchema.parse(
      JSON.parse(readFileSync(new URL('../../src/presets/crespo-city-clock.scenario.json', import.meta.url), 'utf8')),
    );
    sweep(s, [0, 1, 2, 450, 2000, 3726, 6999, 7000, 9000]);
  }, 60_000);
});

// What a budget sweep and a phase diagram over the budget do: one scenario solved at budget after
// budget — steps up and down by a unit or two, repeats, jumps, and budgets past the trial units.
// Every solve of the walk is the same doubles (Object.is) as the same solve with the kept state
// forgotten (forgetForcedSpendMemo: a fresh process, as `npm run solve`).
describe('forcedSpend along a walk over the budget equals each solve made fresh', () => {
  const walkArb = (max: number) =>
    fc
      .record({
        start: fc.integer({ min: 0, max }),
        steps: fc.array(
          fc.oneof(
            fc.constant(0),
            fc.integer({ min: -2, max: 2 }),
            fc.integer({ min: -max, max }),
            fc.constant(max * 4),
          ),
          { minLength: 1, maxLength: 10 },
        ),
      })
      .map(({ start, steps }) => {
        const bs = [start];
        for (const d of steps) bs.push(d === max * 4 ? d : Math.min(max + 5, Math.max(0, bs[bs.length - 1] + d)));
        return bs;
      });
  const walk = (s: Scenario, bs: number[]) => {
    forgetForcedSpendMemo();
    const warm = bs.map((b) => {
      const input = forcedSpendInput(s, b);
      const d = newDetail(input.pop.N);
      return { t: forcedSpend(input, d), d };
    });
    bs.forEach((b, i) => {
      forgetForcedSpendMemo();
      const input = forcedSpendInput(s, b);
      const d = newDetail(input.pop.N);
      expectBitIdentical(warm[i], { t: forcedSpend(input, d), d });
    });
  };

  it('on random scenarios with long runs (arrival order), funds and pledges', () => {
    fc.assert(fc.property(LONG_RUNS, walkArb(160), (s, bs) => walk(s, bs)), { numRuns: 300 });
  }, 60_000);

  it('on random rankings and mixed costs', () => {
    fc.assert(fc.property(RANDOM_MIXED, walkArb(70), (s, bs) => walk(s, bs)), { numRuns: 300 });
  }, 60_000);

  it('on offers within and just beyond the tolerance of the trial value', () => {
    fc.assert(fc.property(nearTie, walkArb(30), (s, bs) => walk(s, bs)), { numRuns: 300 });
  }, 60_000);

  // Cities of hundreds of defendants with inexact trial values, where a pass over another range
  // differs in the last bits (a walk there tells a kept pass reused too widely from a fresh one).
  const cityWalk = cityArb({ maxCost: 3, rankings: ['arrival', 'random'], minPoints: 1, maxPoints: 1 }).chain(({ s }) => {
    const units = prepare(s, true).pop.totalUnits;
    return walkArb(units).map((bs) => ({ s, bs }));
  });

  it('on cities of hundreds of defendants, up to past their trial units', () => {
    fc.assert(fc.property(cityWalk, ({ s, bs }) => walk(s, bs)), { numRuns: 40 });
  }, 120_000);
});
