// The one pass core (src/engine/regimes/tally.ts): each regime's pass walked step by step with
// exact numbers worked by hand from MODEL.md, the fund's ledger included, and every path that
// counts a pass (per defendant, per kind, lazy random, the all-threatened shortcut, the ledger
// and the ladder) giving the same totals through the one Tally.
import fs from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ScenarioSchema, type Scenario } from '../../src/engine/scenario/schema';
import { parseScenario } from '../../src/engine/scenario/parse';
import { prepare, solveScenario } from '../../src/engine/solve';
import { ledger } from '../../src/engine/sweep/ledger';
import { ladderBins } from '../../src/engine/views/ladder';
import { Tally } from '../../src/engine/regimes/tally';
import { priorityPass, priorityPassLazy } from '../../src/engine/regimes/priority';
import { aggregatePriority } from '../../src/engine/regimes/priorityKinds';
import { arrivalRanking } from '../../src/engine/regimes/ranking';
import { fundPayout } from '../../src/engine/levers/strikeFund';
import { scenarioArb } from './arbitraries';

// Four alike defendants (p = 0.5, S = 10: w = e = 5), the 1st and 3rd pledged (F = 10), a fund
// Φ = 100 with stipend T = 1 and insurance I = 2. Both pledgers are covered (M = B, and
// 100 ≥ 2·1 + 2·2), so their premium is L = 10 + 1 and ê = 5 − 2 = 3: no positive plea.
const walk = (regime: 'priority' | 'forcedSpend', budget: number): Scenario =>
  ScenarioSchema.parse({
    schemaVersion: 1,
    groups: [{ count: 4, convictionProbability: 0.5, trialSentence: 10, pledgedShare: 0.5 }],
    prosecutor: { budget, regime, ranking: 'arrival' },
    levers: { pledge: { penalty: 10, secret: false }, strikeFund: { fund: 100, stipend: 1, insurance: 2 } },
  });

const step = (s: Scenario) =>
  ledger(s, 100).frames.map((f) => ({
    d: f.defendant,
    outcome: f.parts[0].outcome,
    threatened: f.parts[0].threatened,
    take: f.take,
    budget: f.budgetLeft,
    fund: f.fundLeft,
    stop: f.stopRank,
  }));

describe('one pass, step by step', () => {
  it('priority, arrival, B = 2: tried (fund pays T + I), plea at 5, tried, then the budget is gone', () => {
    const s = walk('priority', 2);
    expect(step(s)).toEqual([
      { d: 1, outcome: 'tried', threatened: true, take: 5, budget: 1, fund: 97, stop: null },
      { d: 2, outcome: 'plea', threatened: true, take: 10, budget: 1, fund: 97, stop: null },
      { d: 3, outcome: 'tried', threatened: true, take: 15, budget: 0, fund: 94, stop: null },
      { d: 4, outcome: 'free', threatened: false, take: 15, budget: 0, fund: 94, stop: 4 },
    ]);
    const r = solveScenario(s, { rows: 'always' });
    expect(r.totals).toMatchObject({ pleas: 1, trials: 2, free: 1, take: 15, budgetUsed: 2, fundPaid: 6, stopRank: 4, threatenedCount: 3 });
    expect(r.defendants!.map((d) => d.covered)).toEqual([true, false, true, false]);
  });

  it('forcedSpend, arrival, B = 1: the chain store lets the first pledger go (stipend only) and saves the unit for the 3rd', () => {
    // V(4, ·) = [0, 5], V(3, ·) = [0, 5], V(2, ·) = [0, 10]: at rank 1 with b = 1, trying gives
    // 5 + V(2, 0) = 5 < V(2, 1) = 10, not credible; rank 3 with b = 1: 5 + 0 ≥ V(4, 1) = 5, a tie: tried.
    const s = walk('forcedSpend', 1);
    expect(step(s)).toEqual([
      { d: 1, outcome: 'free', threatened: false, take: 0, budget: 1, fund: 99, stop: 1 },
      { d: 2, outcome: 'plea', threatened: true, take: 5, budget: 1, fund: 99, stop: 1 },
      { d: 3, outcome: 'tried', threatened: true, take: 10, budget: 0, fund: 96, stop: 1 },
      { d: 4, outcome: 'free', threatened: false, take: 10, budget: 0, fund: 96, stop: 1 },
    ]);
    const r = solveScenario(s, { rows: 'never' });
    expect(r.totals).toMatchObject({ pleas: 1, trials: 1, free: 2, take: 10, budgetUsed: 1, fundPaid: 4, stopRank: 1, threatenedCount: 2 });
    expect(r.plan!.plannedTake).toBe(10);
  });

  it('docket (MODEL E11 b): booked in week 0, a plea, booked in week 1, no date left: stop rank 4 in week 0', () => {
    const text = fs.readFileSync(new URL('../fixtures/examples/E11b_docket_half_pledged.scenario.json', import.meta.url), 'utf8');
    const parsed = parseScenario(JSON.parse(text));
    if (!parsed.ok) throw new Error('E11b');
    const r = solveScenario(parsed.scenario, { rows: 'always' });
    const byRank = [...r.defendants!].sort((a, b) => a.rank! - b.rank!);
    expect(byRank.map((d) => [d.outcome, d.trialWeek ?? null])).toEqual([
      ['tried', 0], ['plea', null], ['tried', 1], ['free', null],
      ['tried', 2], ['free', null], ['free', null], ['free', null],
      ['tried', 3], ['free', null], ['free', null], ['free', null],
    ]);
    // The same rows counted one by one through the Tally give the result's totals.
    const prep = prepare(parsed.scenario, true);
    const tally = new Tally(prep.pop);
    for (const d of byRank) {
      const kind = prep.kindOf![d.id - 1];
      tally.threat(d.rank!, d.threatened);
      if (d.outcome === 'plea') tally.plea(d.offer!);
      else if (d.outcome === 'tried') tally.tried(kind);
      else tally.freed(kind);
    }
    expect(tally.totals()).toMatchObject({ pleas: 1, trials: 4, free: 7, take: 25, budgetUsed: 4, stopRank: 4, threatenedCount: 5 });
    expect(r.totals).toMatchObject({ pleas: 1, trials: 4, free: 7, take: 25, budgetUsed: 4, stopRank: 4, threatenedCount: 5 });
  });
});

describe('the Tally', () => {
  it('counts n defendants at a time as n single steps, and asks the fund rule for what it pays', () => {
    const pop = prepare(walk('priority', 2), true).pop;
    const once = new Tally(pop);
    const steps = new Tally(pop);
    const pledged = pop.kinds.covered.indexOf(1); // the pledged, covered kind
    expect(pledged).toBeGreaterThanOrEqual(0);
    once.tried(pledged, 3);
    once.freed(pledged, 2);
    once.plea(2.5, 4);
    for (let i = 0; i < 3; i++) steps.tried(pledged);
    for (let i = 0; i < 2; i++) steps.freed(pledged);
    for (let i = 0; i < 4; i++) steps.plea(2.5);
    expect(once.totals()).toEqual(steps.totals());
    expect(once.totals()).toMatchObject({ pleas: 4, trials: 3, free: 2, take: 25, budgetUsed: 3, fundPaid: 3 * 3 + 2 * 1 });
    expect(once.fundPaid()).toBe(fundPayout(3, 2, 1, 2));
  });

  it('reused for the same population it starts from zero again; for another it declines', () => {
    const pop = prepare(walk('priority', 2), true).pop;
    const used = new Tally(pop);
    used.threat(1, true);
    used.threat(2, false);
    used.tried(pop.kinds.covered.indexOf(1), 2);
    used.plea(2.5, 3);
    used.withheldCount = 4;
    expect(used.reuseFor(pop)).toBe(used);
    expect(used.totals()).toEqual(new Tally(pop).totals());
    expect(used.stopRank).toBeNull();
    expect(used.reuseFor(prepare(walk('priority', 2), true).pop)).toBeNull();
    expect(used.reuseFor({ ...pop, stipend: pop.stipend + 1 })).toBeNull();
  });

  it('per defendant, per kind, lazy and the ladder agree on every total (random scenarios, fund included)', () => {
    fc.assert(
      fc.property(scenarioArb({ maxGroups: 3, maxCount: 5, regime: 'priority', ranking: 'arrival', maxBudget: 8 }), (s) => {
        const prep = prepare(s, true);
        const B = s.prosecutor.budget!;
        const input = { pop: prep.pop, dec: prep.dec, kindOf: prep.kindOf!, ranking: arrivalRanking(prep.pop.N), budget: B };
        const perDefendant = priorityPass(input);
        const perKind = aggregatePriority(prep, 'arrival').pass;
        const lazy = priorityPassLazy(prep.pop, prep.dec, prep.kindOf!, B, { perm: arrivalRanking(prep.pop.N), shuffle: null }, new Float64Array(prep.pop.kinds.size));
        const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a));
        for (const other of [perKind, lazy]) {
          expect({ ...other, take: 0, fundPaid: 0 }).toEqual({ ...perDefendant, take: 0, fundPaid: 0 });
          expect(close(other.take, perDefendant.take)).toBe(true);
          expect(close(other.fundPaid, perDefendant.fundPaid)).toBe(true);
        }
        const bins = ladderBins(s, 3);
        const last = bins[bins.length - 1];
        expect(last.budgetAfter).toBe(B - perDefendant.budgetUsed);
        expect(close(last.fundAfter, s.levers.strikeFund.fund - perDefendant.fundPaid)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
