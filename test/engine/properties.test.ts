// Properties on small random instances, against a naive per-defendant reference
// (test/engine/reference.ts) that shares no code with the engine.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { solveScenario } from '../../src/engine/solve';
import { ScenarioSchema } from '../../src/engine/scenario/schema';
import { knapsack } from '../../src/engine/regimes/knapsack';
import { scenarioArb } from './arbitraries';
import {
  bruteForceBestTake,
  bruteForceNoPlea,
  enumerateLotteryEquilibria,
  expand,
  pass,
  tie,
} from './reference';

const closeTo = (a: number, b: number) => tie(a, b) || Math.abs(a - b) <= 1e-9;

describe('optimal ranking', () => {
  it("her take equals the best take over every ranking and every set of withheld offers", () => {
    fc.assert(
      fc.property(scenarioArb({ maxGroups: 3, maxCount: 2, secret: false, fixedOffers: true }), (s) => {
        const defs = expand(s);
        fc.pre(defs.length <= 5);
        const r = solveScenario(s, { rows: 'always' });
        const best = bruteForceBestTake(defs, s.prosecutor.budget!);
        expect(closeTo(r.totals.take, best)).toBe(true);
        expect(closeTo(r.plan!.plannedTake, best)).toBe(true);
      }),
      { numRuns: 250 },
    );
  });
  it('the engine pass equals the reference pass on the ranking it reports', () => {
    fc.assert(
      fc.property(scenarioArb({ maxGroups: 3, maxCount: 4 }), (s) => {
        const r = solveScenario(s, { rows: 'always' });
        const rows = r.defendants!;
        const ranking = [...rows].sort((a, b) => a.rank! - b.rank!).map((d) => d.id);
        const withheld = new Set(rows.filter((d) => d.withheld).map((d) => d.id));
        const ref = pass(expand(s), ranking, withheld, s.prosecutor.budget!);
        expect(closeTo(r.totals.take, ref.take)).toBe(true);
        expect(r.totals).toMatchObject({ pleas: ref.pleas, trials: ref.trials, free: ref.free, stopRank: ref.stopRank, threatenedCount: ref.threatened, budgetUsed: ref.budgetUsed });
      }),
      { numRuns: 300 },
    );
  });
});

describe('noPlea', () => {
  it('takes the best Σ w within the budget', () => {
    fc.assert(
      fc.property(scenarioArb({ maxGroups: 3, maxCount: 3, regime: 'noPlea', maxBudget: 6 }), (s) => {
        const defs = expand(s);
        fc.pre(defs.length <= 10);
        const r = solveScenario(s);
        expect(closeTo(r.totals.take, bruteForceNoPlea(defs, s.prosecutor.budget!))).toBe(true);
        expect(r.totals.noPleaTake).toBe(r.totals.take);
      }),
      { numRuns: 200 },
    );
  });
});

describe('lottery', () => {
  it('equilibria equal those found by enumerating every set of refusers', () => {
    fc.assert(
      fc.property(
        scenarioArb({ maxGroups: 3, maxCount: 3, regime: 'lottery', equalCosts: true, fixedOffers: true, maxBudget: 3 }),
        (s) => {
          const defs = expand(s);
          fc.pre(defs.length <= 9);
          const r = solveScenario(s);
          const sizes = enumerateLotteryEquilibria(defs, s.prosecutor.budget!);
          expect(r.lottery!.equilibria.map((e) => e.size)).toEqual(sizes);
          expect(sizes).toContain(r.lottery!.erosionPoint);
          expect(sizes).toContain(r.lottery!.cascadePoint);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('per-kind pass (totals only) equals the per-defendant pass', () => {
  for (const ranking of ['optimal', 'arrival', 'byValue'] as const) {
    it(`ranking ${ranking}`, () => {
      fc.assert(
        fc.property(scenarioArb({ maxGroups: 4, maxCount: 40, ranking, maxBudget: 30 }), (s) => {
          const full = solveScenario(s, { rows: 'always' });
          const agg = solveScenario(s, { rows: 'never' });
          const { take, fundPaid, takeRatio, ...rest } = agg.totals;
          const { take: t2, fundPaid: f2, takeRatio: r2, ...rest2 } = full.totals;
          expect(rest).toEqual(rest2);
          expect(takeRatio === null ? r2 === null : r2 !== null && closeTo(takeRatio, r2)).toBe(true);
          expect(closeTo(take, t2)).toBe(true);
          expect(closeTo(fundPaid, f2)).toBe(true);
          expect(closeTo(agg.plan!.plannedTake, full.plan!.plannedTake)).toBe(true);
          expect(agg.plan!.withheldCount).toBe(full.plan!.withheldCount);
        }),
        { numRuns: 200 },
      );
    });
  }
});

describe('knapsack', () => {
  const kindsArb = fc.array(
    fc.record({ value: fc.constantFrom(0, 1, 2, 2.5, 3, 5, 1e-10), cost: fc.integer({ min: 1, max: 4 }), count: fc.integer({ min: 0, max: 3 }) }),
    { minLength: 1, maxLength: 4 },
  );
  it('all three solvers reach the brute-force value, units and items', () => {
    fc.assert(
      fc.property(kindsArb, fc.integer({ min: 0, max: 9 }), fc.boolean(), (ks, B, withArrival) => {
        const items = {
          size: ks.length,
          value: Float64Array.from(ks.map((k) => k.value)),
          cost: Float64Array.from(ks.map((k) => k.cost)),
          count: Float64Array.from(ks.map((k) => k.count)),
        };
        const arrival = Int32Array.from(ks.flatMap((k, i) => Array(k.count).fill(i)));
        const sol = knapsack(items, B, withArrival ? arrival : undefined);
        // brute force over multiplicities
        let best = { v: 0, u: 0, n: 0 };
        const rec = (i: number, v: number, u: number, n: number) => {
          if (u > B) return;
          if (i === ks.length) {
            const better = v > best.v + 1e-9 * Math.max(1, v) || (tie(v, best.v) && (u < best.u || (u === best.u && n < best.n)));
            if (better) best = { v, u, n };
            return;
          }
          const worth = ks[i].value > 1e-9 ? ks[i].count : 0;
          for (let m = 0; m <= worth; m++) rec(i + 1, v + m * ks[i].value, u + m * ks[i].cost, n + m);
        };
        rec(0, 0, 0, 0);
        expect(tie(sol.value, best.v)).toBe(true);
        expect(sol.units).toBe(best.u);
        expect(sol.items).toBe(best.n);
      }),
      { numRuns: 500 },
    );
  });
});

describe('seeds and plain data', () => {
  const random = (seed: number, runs: number) =>
    ScenarioSchema.parse({
      schemaVersion: 1,
      seed,
      runs,
      groups: [
        { count: 30, convictionProbability: 0.6, trialSentence: 8, neverPleadsShare: 0.2, pledgedShare: 0.3 },
        { count: 20, convictionProbability: 0.4, trialSentence: 12, trialCost: 2 },
      ],
      prosecutor: { budget: 9, regime: 'priority', ranking: 'random' },
      levers: { pledge: { penalty: 3 } },
    });
  it('the same scenario and seed give identical results', () => {
    expect(solveScenario(random(7, 40))).toEqual(solveScenario(random(7, 40)));
  });
  it('another seed gives another ranking', () => {
    const a = solveScenario(random(7, 1)).defendants!.map((d) => d.rank);
    const b = solveScenario(random(8, 1)).defendants!.map((d) => d.rank);
    expect(a).not.toEqual(b);
  });
  it('run j does not depend on how many runs there are', () => {
    const few = solveScenario(random(3, 5)).distribution!;
    const many = solveScenario(random(3, 5)).distribution!;
    expect(few).toEqual(many);
    expect(solveScenario(random(3, 1)).totals).toEqual(solveScenario(random(3, 50)).totals);
  });
  it('a random ranking reports a distribution over runs', () => {
    const d = solveScenario(random(11, 200)).distribution!;
    expect(d.take.nullCount).toBe(0);
    expect(d.take.p5!).toBeLessThanOrEqual(d.take.p50!);
    expect(d.take.p50!).toBeLessThanOrEqual(d.take.p95!);
    expect(d.take.histogram.reduce((a, b) => a + b.count, 0)).toBe(200);
  });
  it('results survive structuredClone', () => {
    fc.assert(
      fc.property(scenarioArb({ maxCount: 5 }), (s) => {
        const r = solveScenario(s);
        expect(structuredClone(r)).toEqual(r);
        expect(JSON.parse(JSON.stringify(r))).toEqual(r);
      }),
      { numRuns: 50 },
    );
  });
});

import { prepare } from '../../src/engine/solve';
import { newDetail, priorityPass, priorityPassLazy } from '../../src/engine/regimes/priority';
import { LazyShuffle, randomRanking } from '../../src/engine/random';

describe('random runs drawn lazily', () => {
  it('stop early and still equal the full pass on the full shuffle', () => {
    fc.assert(
      fc.property(scenarioArb({ maxGroups: 4, maxCount: 30, ranking: 'random', maxBudget: 12 }), fc.integer({ min: 0, max: 50 }), (s0, run) => {
        // Budgets up to 12 and, half the time, large enough to threaten everyone whatever the order.
        const s = run % 2 === 1 ? { ...s0, prosecutor: { ...s0.prosecutor, budget: s0.prosecutor.budget! * 40 } } : s0;
        const prep = prepare(s, true);
        const kindOf = prep.kindOf!;
        const full = priorityPass({ pop: prep.pop, dec: prep.dec, kindOf, ranking: randomRanking(prep.pop.N, s.seed, run), budget: s.prosecutor.budget! });
        const perm = new Int32Array(prep.pop.N);
        const shuffle = new LazyShuffle(perm, s.seed, run);
        const lazy = priorityPassLazy(prep.pop, prep.dec, kindOf, s.prosecutor.budget!, { perm, shuffle }, new Float64Array(prep.pop.kinds.size));
        // The same pass over a ranking drawn in full beforehand (the memoized rankings).
        const drawn = priorityPassLazy(prep.pop, prep.dec, kindOf, s.prosecutor.budget!, { perm: randomRanking(prep.pop.N, s.seed, run), shuffle: null }, new Float64Array(prep.pop.kinds.size));
        const { take: t2, fundPaid: f2, ...rest2 } = full;
        for (const pass of [lazy, drawn]) {
          const { take, fundPaid, ...rest } = pass;
          expect(rest).toEqual(rest2);
          expect(closeTo(take, t2)).toBe(true);
          expect(closeTo(fundPaid, f2)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('the totals-only pass (int32 lanes, four ranks a step while the budget covers four trials)', () => {
  it('equals the per-defendant pass, and the Float64 loop (a fractional budget) gives the same totals', () => {
    fc.assert(
      fc.property(scenarioArb({ maxGroups: 4, maxCount: 30, ranking: 'random', maxBudget: 60 }), fc.integer({ min: 0, max: 50 }), (s, run) => {
        const prep = prepare(s, true);
        const B = s.prosecutor.budget!;
        const input = { pop: prep.pop, dec: prep.dec, kindOf: prep.kindOf!, ranking: randomRanking(prep.pop.N, s.seed, run), budget: B };
        const totals = priorityPass(input);
        // Rank by rank, every outcome counted as it comes (the rows' pass).
        const reference = priorityPass(input, newDetail(prep.pop.N));
        // Integer costs: B + ½ threatens exactly whom B does and leaves ½ more, through the Float64 loop.
        const fractional = priorityPass({ ...input, budget: B + 0.5 });
        for (const pass of [totals, fractional]) {
          const { take, fundPaid, ...rest } = pass;
          const { take: t2, fundPaid: f2, ...rest2 } = reference;
          expect(rest).toEqual(rest2);
          expect(closeTo(take, t2)).toBe(true);
          expect(closeTo(fundPaid, f2)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('strike-proof offer', () => {
  it('at the offer only the hard core refuses; just above it a larger strike holds', () => {
    fc.assert(
      fc.property(
        scenarioArb({ maxGroups: 3, maxCount: 4, regime: 'lottery', equalCosts: true, maxBudget: 3 }),
        (s) => {
          const sp = solveScenario(s, { rows: 'never' }).lottery!.strikeProofOffer;
          fc.pre(sp !== null && sp < 1e5);
          const at = (offer: number) =>
            solveScenario(
              ScenarioSchema.parse({
                ...s,
                groups: s.groups.map((g) => ({ ...g, offer: null })),
                prosecutor: { ...s.prosecutor, offers: 'uniform', uniformOffer: offer },
              }),
              { rows: 'always' },
            );
          const r = at(sp!);
          const h = r.lottery!.equilibria.map((e) => e.size);
          expect(h).toHaveLength(1);
          const above = at(sp! * (1 + 1e-6) + 1e-7).lottery!.equilibria.map((e) => e.size);
          expect(Math.max(...above)).toBeGreaterThan(h[0]);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('critical mass', () => {
  it('is the fewest committed defendants (beyond τ = 0) whose cascade reaches everyone, by enumeration', () => {
    fc.assert(
      fc.property(
        scenarioArb({ maxGroups: 3, maxCount: 3, regime: 'lottery', equalCosts: true, fixedOffers: true, maxBudget: 3 }),
        (s) => {
          const r = solveScenario(s, { rows: 'always' });
          const tau = r.lottery!.thresholds!.map((t) => (t === null ? Infinity : t));
          const N = tau.length;
          fc.pre(N <= 9);
          const cascadeAll = (committed: number) => {
            const on = tau.map((t, i) => t === 0 || (committed & (1 << i)) !== 0);
            for (let changed = true; changed; ) {
              changed = false;
              const refusing = on.filter(Boolean).length;
              on.forEach((v, i) => {
                if (!v && tau[i] <= refusing) {
                  on[i] = true;
                  changed = true;
                }
              });
            }
            return on.every(Boolean);
          };
          let best = Infinity;
          for (let mask = 0; mask < 1 << N; mask++) {
            let c = 0;
            let ok = true;
            for (let i = 0; i < N; i++) if (mask & (1 << i)) { if (tau[i] === 0) ok = false; c++; }
            if (ok && c < best && cascadeAll(mask)) best = c;
          }
          expect(r.lottery!.criticalMass).toBe(best);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('every regime', () => {
  const regimes = ['noPlea', 'lottery', 'priority', 'forcedSpend'] as const;
  for (const regime of regimes) {
    it(`${regime}: totals add up, are finite, and rows agree with them`, () => {
      fc.assert(
        fc.property(
          scenarioArb({ maxGroups: 4, maxCount: 12, regime, equalCosts: regime === 'lottery', fixedOffers: true, maxBudget: 10, ranking: regime === 'priority' ? undefined : 'arrival' }),
          (s) => {
            const r = solveScenario(s, { rows: 'always' });
            const t = r.totals;
            expect(t.pleas + t.trials + t.free).toBe(t.defendants);
            for (const v of Object.values(t)) if (typeof v === 'number') expect(Number.isFinite(v)).toBe(true);
            expect(t.budgetUsed).toBeLessThanOrEqual(s.prosecutor.budget!);
            expect(t.take).toBeGreaterThanOrEqual(-1e-9);
            const rows = r.defendants!;
            expect(rows).toHaveLength(t.defendants);
            const count = (o: string) => rows.filter((d) => d.outcome === o).length;
            if (regime === 'lottery') {
              expect(count('refuse')).toBe(t.trials + t.free);
              expect(count('plea')).toBe(t.pleas);
            } else {
              expect([count('plea'), count('tried'), count('free')]).toEqual([t.pleas, t.trials, t.free]);
              expect(rows.filter((d) => d.threatened).length).toBe(t.threatenedCount);
            }
            for (const d of rows) if (d.offer !== null) expect(d.offer).toBeGreaterThan(1e-9);
            expect(JSON.parse(JSON.stringify(r))).toEqual(r);
          },
        ),
        { numRuns: 200 },
      );
    });
  }
});

import { forcedSpendRef } from './reference';

describe('forcedSpend', () => {
  it('equals a memoized recursion written straight from MODEL §4.4 (public and secret pledges)', () => {
    fc.assert(
      fc.property(
        scenarioArb({ maxGroups: 4, maxCount: 4, regime: 'forcedSpend', ranking: 'byValue', fixedOffers: true, maxBudget: 6 }),
        (s) => {
          const r = solveScenario(s, { rows: 'always' });
          const order = [...r.defendants!].sort((a, b) => a.rank! - b.rank!).map((d) => d.id);
          const ref = forcedSpendRef(expand(s), order, s.prosecutor.budget!);
          expect(closeTo(r.totals.take, ref.take)).toBe(true);
          expect(closeTo(r.plan!.plannedTake, ref.planned)).toBe(true);
          expect(r.totals).toMatchObject({ pleas: ref.pleas, trials: ref.trials, free: ref.free, stopRank: ref.stopRank, threatenedCount: ref.threatened, budgetUsed: ref.budgetUsed });
        },
      ),
      { numRuns: 400 },
    );
  });
});

describe('optimal ranking with secret pledges', () => {
  it('her planned take is the best take over every ranking and withheld set, on her beliefs', () => {
    fc.assert(
      fc.property(scenarioArb({ maxGroups: 3, maxCount: 2, secret: true, fixedOffers: true }), (s) => {
        const believed = expand(s).map((d) => ({ ...d, L: d.Lb, eHat: d.eHatB }));
        fc.pre(believed.length <= 5);
        const r = solveScenario(s, { rows: 'always' });
        expect(closeTo(r.plan!.plannedTake, bruteForceBestTake(believed, s.prosecutor.budget!))).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});
