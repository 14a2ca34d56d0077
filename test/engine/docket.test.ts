// The docket (MODEL.md §4.5) against a NAIVE calendar written here with explicit week arrays:
// the pass, the noPlea greedy calendar, the week-by-week table and the rows, on random small
// scenarios (mixed costs, never-pleaders, public and secret pledges, detention, fixed offers,
// funds). Also: the fund's worst case is never insolvent in any regime, and one pass walked
// step by step (E11b).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ScenarioSchema, type Scenario } from '../../src/engine/scenario/schema';
import { solveScenario } from '../../src/engine/solve';
import { buildPopulation } from '../../src/engine/population/kinds';
import { expand, refCovered, refFundTrials, type Def } from './reference';
import { scenarioArb } from './arbitraries';

const EPS = 1e-9;
const tie = (a: number, b: number) => Math.abs(a - b) <= EPS * Math.max(1, Math.abs(a), Math.abs(b));
const leq = (a: number, b: number) => a <= b || tie(a, b);

const half = (max: number) => fc.integer({ min: 0, max: max * 2 }).map((x) => x / 2);

/** Random small docket scenarios, valid by construction. */
function docketArb(o: { fixedOffers?: boolean } = {}): fc.Arbitrary<Scenario> {
  return fc
    .record({
      weeks: fc.integer({ min: 1, max: 4 }),
      capacity: fc.integer({ min: 0, max: 4 }),
      deadline: fc.integer({ min: 0, max: 3 }),
      groups: fc.array(
        fc.record({
          count: fc.integer({ min: 0, max: 5 }),
          convictionProbability: fc.constantFrom(0, 0.25, 0.5, 1, 0.3),
          trialSentence: fc.constantFrom(0, 2, 5, 10, 7),
          collateralCost: fc.oneof(fc.constant(0), half(2)),
          refusalCost: fc.oneof(fc.constant(0), half(1)),
          trialCost: fc.integer({ min: 1, max: 3 }),
          pledgedShare: fc.constantFrom(0, 0.5, 1, 0.34),
          neverPleadsShare: fc.constantFrom(0, 0, 0.25, 0.5),
          pledgePenalty: fc.oneof(fc.constant(null), half(6)),
          offer: o.fixedOffers ? fc.oneof(fc.constant(null), half(6)) : fc.constant(null),
          detentionPerWeek: fc.constantFrom(0, 0, 0.5, 1, 0.1),
          f: fc.integer({ min: 0, max: 3 }),
          span: fc.option(fc.integer({ min: 0, max: 3 })),
        }),
        { minLength: 1, maxLength: 3 },
      ),
      equal: fc.boolean(),
      penalty: half(6),
      secret: fc.boolean(),
      observed: fc.constantFrom(1, 0.5),
      sanction: fc.oneof(fc.constant(0), half(2)),
      fund: fc.constantFrom(0, 3, 10, 100),
      stipend: fc.constantFrom(0, 1, 2.5),
      insurance: fc.constantFrom(0, 1, 4),
      uniform: o.fixedOffers ? fc.oneof(fc.constant(null), half(6)) : fc.constant(null),
    })
    .map((r) => {
      const W = r.weeks;
      const groups = r.groups.map(({ f, span, ...g }) => {
        const first = Math.min(f, W - 1);
        return {
          ...g,
          trialCost: r.equal ? 1 : g.trialCost,
          neverPleadsShare: Math.min(g.neverPleadsShare, 1 - g.pledgedShare),
          firstWeek: first,
          lastWeek: span === null ? null : Math.min(W - 1, first + span),
        };
      });
      if (groups.every((g) => g.count === 0)) groups[0].count = 1;
      return ScenarioSchema.parse({
        schemaVersion: 1,
        groups,
        prosecutor: {
          regime: 'docket',
          offers: r.uniform !== null ? 'uniform' : 'tailored',
          uniformOffer: r.uniform,
        },
        levers: {
          pledge: { penalty: r.penalty, secret: r.secret },
          visibility: { observed: r.observed, sanction: r.sanction },
          strikeFund: { fund: r.fund, stipend: r.stipend, insurance: r.insurance },
        },
        docket: { weeks: W, capacity: r.capacity, deadline: r.deadline },
      });
    });
}

interface Naive {
  order: number[]; // ids in docket order
  alpha: number[]; // by id − 1
  outcome: string[];
  offer: (number | null)[];
  threatened: boolean[];
  trialWeek: (number | null)[];
  rank: number[];
  covered: boolean[];
  totals: {
    pleas: number;
    trials: number;
    free: number;
    take: number;
    budgetUsed: number;
    fundPaid: number;
    stopRank: number | null;
    threatenedCount: number;
    noPleaTake: number;
  };
  crashWeek: number | null;
  byWeek: { week: number; arrivals: number; pleas: number; tried: number; free: number; trialsHeld: number; unitsUsed: number; backlog: number }[];
}

/** Everything from MODEL §4.5, the slow and obvious way. */
function naiveDocket(s: Scenario): Naive {
  const { weeks: W, capacity: kappa, deadline: D } = s.docket!;
  // Arrival weeks and the docket order.
  const entries: { id: number; alpha: number; r: number; n: number; g: number }[] = [];
  let id = 0;
  s.groups.forEach((g, gi) => {
    const f = g.firstWeek ?? 0;
    const l = g.lastWeek ?? W - 1;
    const Wg = l - f + 1;
    const weekOf: number[] = [];
    for (let j = 0; j < g.count; j++) weekOf.push(f + Math.floor((j * Wg) / g.count));
    for (let j = 0; j < g.count; j++) {
      const x = weekOf[j];
      const r = weekOf.slice(0, j).filter((y) => y === x).length;
      const n = weekOf.filter((y) => y === x).length;
      entries.push({ id: ++id, alpha: x, r, n, g: gi });
    }
  });
  entries.sort((a, b) => {
    if (a.alpha !== b.alpha) return a.alpha - b.alpha;
    const l = (2 * a.r + 1) * b.n;
    const rr = (2 * b.r + 1) * a.n;
    if (l !== rr) return l - rr;
    return a.g - b.g;
  });
  const order = entries.map((e) => e.id);
  const N = order.length;
  const alpha = new Array<number>(N);
  for (const e of entries) alpha[e.id - 1] = e.alpha;
  const defs: Def[] = expand(s, order);
  const delta = (d: Def) => s.groups[d.group].detentionPerWeek ?? 0;

  const span = W + D;
  const room: number[] = new Array(span).fill(kappa);
  const out: Naive = {
    order,
    alpha,
    outcome: new Array(N),
    offer: new Array(N),
    threatened: new Array(N),
    trialWeek: new Array(N).fill(null),
    rank: new Array(N),
    covered: defs.map((d) => d.covered),
    totals: { pleas: 0, trials: 0, free: 0, take: 0, budgetUsed: 0, fundPaid: 0, stopRank: null, threatenedCount: 0, noPleaTake: 0 },
    crashWeek: null,
    byWeek: Array.from({ length: span }, (_, week) => ({ week, arrivals: 0, pleas: 0, tried: 0, free: 0, trialsHeld: 0, unitsUsed: 0, backlog: 0 })),
  };
  const T = s.levers.strikeFund.stipend;
  const I = s.levers.strikeFund.insurance;
  order.forEach((who, t) => {
    const d = defs[who - 1];
    const a0 = alpha[who - 1];
    let x = -1;
    for (let y = a0; y <= a0 + D; y++) {
      if (room[y] >= d.c) {
        x = y;
        break;
      }
    }
    const threatened = x >= 0;
    const pi = threatened ? 1 : 0;
    const wait = threatened ? x - a0 : D;
    const dw = d.d + delta(d) * wait;
    const s_ = d.fixed ?? dw + pi * d.eHatB - d.K - d.Lb;
    const pleads = !d.never && s_ > EPS && leq(s_ + d.K + d.L, dw + pi * d.eHat);
    out.rank[who - 1] = t + 1;
    out.offer[who - 1] = s_ > EPS ? s_ : null;
    out.threatened[who - 1] = threatened;
    out.byWeek[a0].arrivals++;
    if (threatened) out.totals.threatenedCount++;
    else if (out.totals.stopRank === null) {
      out.totals.stopRank = t + 1;
      out.crashWeek = a0;
    }
    if (pleads) {
      out.outcome[who - 1] = 'plea';
      out.totals.pleas++;
      out.totals.take += s_;
      out.byWeek[a0].pleas++;
    } else if (threatened) {
      out.outcome[who - 1] = 'tried';
      room[x] -= d.c;
      out.trialWeek[who - 1] = x;
      out.totals.trials++;
      out.totals.take += d.w;
      out.totals.budgetUsed += d.c;
      out.byWeek[a0].tried++;
      out.byWeek[x].trialsHeld++;
      out.byWeek[x].unitsUsed += d.c;
      for (let y = a0; y < x; y++) out.byWeek[y].backlog += d.c;
      if (d.covered) out.totals.fundPaid += T + I;
    } else {
      out.outcome[who - 1] = 'free';
      out.totals.free++;
      out.byWeek[a0].free++;
      if (d.covered) out.totals.fundPaid += T;
    }
  });
  // The greedy calendar: byValue (w desc, ties in docket order), earliest week with room.
  const byValue = order.slice().sort((a, b) => {
    const wa = defs[a - 1].w;
    const wb = defs[b - 1].w;
    if (wa !== wb) return wb - wa;
    return order.indexOf(a) - order.indexOf(b);
  });
  const room2: number[] = new Array(span).fill(kappa);
  for (const who of byValue) {
    const d = defs[who - 1];
    const a0 = alpha[who - 1];
    for (let y = a0; y <= a0 + D; y++) {
      if (room2[y] >= d.c) {
        room2[y] -= d.c;
        out.totals.noPleaTake += d.w;
        break;
      }
    }
  }
  return out;
}

function compare(s: Scenario) {
  const want = naiveDocket(s);
  const r = solveScenario(s, { rows: 'always' });
  const t = r.totals;
  const w = want.totals;
  expect([t.pleas, t.trials, t.free, t.budgetUsed, t.stopRank, t.threatenedCount]).toEqual([
    w.pleas, w.trials, w.free, w.budgetUsed, w.stopRank, w.threatenedCount,
  ]);
  expect(tie(t.take, w.take)).toBe(true);
  expect(tie(t.fundPaid, w.fundPaid)).toBe(true);
  expect(tie(t.noPleaTake, w.noPleaTake)).toBe(true);
  expect(r.docket!.crashWeek).toBe(want.crashWeek);
  expect(r.docket!.byWeek).toEqual(want.byWeek);
  const rows = r.defendants!;
  expect(rows.map((x) => x.outcome)).toEqual(want.outcome);
  expect(rows.map((x) => x.rank)).toEqual(want.rank);
  expect(rows.map((x) => x.threatened)).toEqual(want.threatened);
  expect(rows.map((x) => x.arrivalWeek)).toEqual(want.alpha);
  expect(rows.map((x) => x.trialWeek)).toEqual(want.trialWeek);
  expect(rows.map((x) => x.covered)).toEqual(want.covered);
  rows.forEach((x, i) => {
    const o = want.offer[i];
    if (o === null) expect(x.offer).toBeNull();
    else expect(tie(x.offer!, o)).toBe(true);
    expect(x.withheld).toBe(false);
    expect(x.trialProbability).toBeNull();
  });
  // The totals-only path (no rows) gives the same figures.
  const lean = solveScenario(s, { rows: 'never' });
  expect(lean.totals).toEqual(r.totals);
  expect(lean.docket).toEqual(r.docket);
  expect(lean.defendants).toBeUndefined();
}

describe('the docket pass against a naive calendar (explicit week arrays)', () => {
  it('tailored offers: public and secret pledges, detention, mixed costs, funds', () => {
    fc.assert(fc.property(docketArb(), compare), { numRuns: 400 });
  });
  it('fixed offers (uniform and per group)', () => {
    fc.assert(fc.property(docketArb({ fixedOffers: true }), compare), { numRuns: 300 });
  });
  it('every tried defendant is booked within his window, and no week is over capacity', () => {
    fc.assert(
      fc.property(docketArb(), (s) => {
        const r = solveScenario(s, { rows: 'always' });
        const { capacity, deadline } = s.docket!;
        for (const d of r.defendants!) {
          if (d.outcome === 'tried') {
            expect(d.trialWeek!).toBeGreaterThanOrEqual(d.arrivalWeek!);
            expect(d.trialWeek!).toBeLessThanOrEqual(d.arrivalWeek! + deadline);
          } else expect(d.trialWeek).toBeNull();
        }
        for (const w of r.docket!.byWeek) expect(w.unitsUsed).toBeLessThanOrEqual(capacity);
        expect(r.docket!.byWeek.reduce((a, w) => a + w.unitsUsed, 0)).toBe(r.totals.budgetUsed);
        expect(r.docket!.byWeek.reduce((a, w) => a + w.arrivals, 0)).toBe(r.totals.defendants);
        expect(r.docket!.byWeek.at(-1)!.backlog).toBe(0);
      }),
      { numRuns: 200 },
    );
  });
});

describe('the docket order (MODEL §4.5 example)', () => {
  it('2 members of group 0 and 3 of group 1 in one week: g1, g0, g1, g0, g1', () => {
    const s = ScenarioSchema.parse({
      schemaVersion: 1,
      groups: [
        { count: 2, convictionProbability: 0.5, trialSentence: 10 },
        { count: 3, convictionProbability: 0.5, trialSentence: 10 },
      ],
      prosecutor: { regime: 'docket' },
      docket: { weeks: 1, capacity: 0, deadline: 0 },
    });
    const rows = solveScenario(s, { rows: 'always' }).defendants!;
    const byRank = [...rows].sort((a, b) => a.rank! - b.rank!).map((d) => d.group);
    expect(byRank).toEqual([1, 0, 1, 0, 1]);
  });
});

describe('E11b walked step by step', () => {
  const s = ScenarioSchema.parse({
    schemaVersion: 1,
    groups: [{ count: 12, convictionProbability: 0.5, trialSentence: 10, pledgedShare: 0.5 }],
    prosecutor: { regime: 'docket' },
    levers: { pledge: { penalty: 10 } },
    docket: { weeks: 3, capacity: 1, deadline: 1 },
  });
  const r = solveScenario(s, { rows: 'always' });
  const rows = r.defendants!;
  it('pledgers are the 1st and 3rd of each week', () => {
    expect(rows.filter((d) => d.pledged).map((d) => d.id)).toEqual([1, 3, 5, 7, 9, 11]);
  });
  it('week 0: pledger booked in week 0; ordinary pleads (week 1 free); pledger takes week 1; ordinary finds no date', () => {
    expect(rows.slice(0, 4).map((d) => [d.outcome, d.trialWeek, d.threatened, d.offer])).toEqual([
      ['tried', 0, true, null],
      ['plea', null, true, 5],
      ['tried', 1, true, null],
      ['free', null, false, null],
    ]);
    expect(r.totals.stopRank).toBe(4);
    expect(r.docket!.crashWeek).toBe(0);
  });
  it('then one pledger a week is booked (weeks 2 and 3) and all others go free', () => {
    expect(rows.slice(4).map((d) => [d.outcome, d.trialWeek])).toEqual([
      ['tried', 2], ['free', null], ['free', null], ['free', null],
      ['tried', 3], ['free', null], ['free', null], ['free', null],
    ]);
    expect(r.totals).toMatchObject({ pleas: 1, trials: 4, free: 7, take: 25, noPleaTake: 20, threatenedCount: 5 });
  });
});

describe("the fund's worst case is never insolvent (MODEL §3), in every regime", () => {
  const check = (s: Scenario) => {
    const pop = buildPopulation(s);
    const { fund, stipend: T, insurance: I } = s.levers.strikeFund;
    const n = pop.coveredTotal;
    const M = pop.fundTrials;
    const worst = (k: number) => k * T + Math.min(k, M) * I;
    expect(M).toBe(refFundTrials(s, expand(s)));
    if (T + I === 0 || fund === 0) expect(n).toBe(0);
    else {
      expect(leq(worst(n), fund)).toBe(true);
      if (n < pop.pledgedTotal) expect(leq(worst(n + 1), fund)).toBe(false);
      expect(n).toBe(refCovered(pop.pledgedTotal, fund, T, I, M));
    }
    // What the fund actually pays never exceeds the worst case.
    if (s.prosecutor.regime !== 'lottery') {
      const r = solveScenario(s, { rows: 'never' });
      expect(leq(r.totals.fundPaid, worst(n))).toBe(true);
    }
  };
  for (const regime of ['noPlea', 'lottery', 'priority', 'forcedSpend'] as const) {
    it(regime, () => {
      fc.assert(
        fc.property(
          scenarioArb({ regime, equalCosts: regime === 'lottery', ranking: regime === 'forcedSpend' ? 'arrival' : undefined }),
          check,
        ),
        { numRuns: 200 },
      );
    });
  }
  it('docket', () => {
    fc.assert(fc.property(docketArb(), check), { numRuns: 200 });
  });
  it('E12: M = 1, so a fund of 5 insures all ten (floor(Φ/I) = 1 would leave nine to plead)', () => {
    const s = ScenarioSchema.parse({
      schemaVersion: 1,
      groups: [{ count: 10, convictionProbability: 0.5, trialSentence: 10, pledgedShare: 1 }],
      prosecutor: { budget: 1, regime: 'priority', ranking: 'optimal' },
      levers: { strikeFund: { fund: 5, insurance: 5 } },
    });
    expect(buildPopulation(s).coveredTotal).toBe(10);
    expect(solveScenario(s).totals).toMatchObject({ take: 5, noPleaTake: 5, strikeSucceeds: true, trials: 1, free: 9, fundPaid: 5 });
  });
});
