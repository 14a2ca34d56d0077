// The ledger the classroom's player shows, frame by frame: the worked examples by hand, and for
// random scenarios against a naive reference built from the result's rows.
import fs from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ledger } from '../../src/engine/sweep/ledger';
import { ledger as ledgerApi } from '../../src/engine/api';
import { parseScenario } from '../../src/engine/scenario/parse';
import { ScenarioSchema, type Scenario } from '../../src/engine/scenario/schema';
import { solveScenario } from '../../src/engine/solve';
import { PRESETS } from '../../src/presets';
import { scenarioArb } from './arbitraries';

const example = (name: string): Scenario => {
  const text = fs.readFileSync(new URL(`../fixtures/examples/${name}.scenario.json`, import.meta.url), 'utf8');
  const r = parseScenario(JSON.parse(text));
  if (!r.ok) throw new Error(name);
  return r.scenario;
};

const pick = <T extends object, K extends keyof T>(o: T, keys: K[]) =>
  Object.fromEntries(keys.map((k) => [k, o[k]])) as Pick<T, K>;

describe('ledger (the player’s frames)', () => {
  it('E2: three pleas at 5, the budget untouched, no stop rank', () => {
    const l = ledger(example('E2_priority_arrival'), 100);
    expect(l.perFrame).toBe(1);
    expect(l.frames.map((f) => pick(f, ['rankLo', 'defendant', 'pleas', 'take', 'budgetLeft', 'stopRank']))).toEqual([
      { rankLo: 1, defendant: 1, pleas: 1, take: 5, budgetLeft: 1, stopRank: null },
      { rankLo: 2, defendant: 2, pleas: 2, take: 10, budgetLeft: 1, stopRank: null },
      { rankLo: 3, defendant: 3, pleas: 3, take: 15, budgetLeft: 1, stopRank: null },
    ]);
    expect(l.frames[0].parts).toEqual([
      { group: 0, sub: 'plain', outcome: 'plea', threatened: true, offer: 5, count: 1, firstId: 1 },
    ]);
  });

  it('E9 arrival: the hard core spends the budget, the stop line appears at rank 3', () => {
    const l = ledger(example('E9_priority_arrival'), 100);
    expect(
      l.frames.map((f) => pick(f, ['defendant', 'trials', 'free', 'take', 'budgetBefore', 'budgetLeft', 'stopRank'])),
    ).toEqual([
      { defendant: 1, trials: 1, free: 0, take: 5, budgetBefore: 2, budgetLeft: 1, stopRank: null },
      { defendant: 2, trials: 2, free: 0, take: 10, budgetBefore: 1, budgetLeft: 0, stopRank: null },
      { defendant: 3, trials: 2, free: 1, take: 10, budgetBefore: 0, budgetLeft: 0, stopRank: 3 },
      { defendant: 4, trials: 2, free: 2, take: 10, budgetBefore: 0, budgetLeft: 0, stopRank: 3 },
      { defendant: 5, trials: 2, free: 3, take: 10, budgetBefore: 0, budgetLeft: 0, stopRank: 3 },
    ]);
  });

  it("Crespo's city in arrival order, in 70 bins of 100: the last frame is the result", () => {
    const p = PRESETS.find((x) => x.id === 'crespo-city-arrival')!;
    const s = ScenarioSchema.parse(p.scenario);
    const l = ledger(s, 70);
    const r = solveScenario(s);
    expect(l.perFrame).toBe(100);
    expect(l.frames).toHaveLength(70);
    const last = l.frames.at(-1)!;
    expect(last.rankHi).toBe(7000);
    expect(pick(last, ['pleas', 'trials', 'free', 'stopRank', 'threatened'])).toEqual({
      pleas: r.totals.pleas,
      trials: r.totals.trials,
      free: r.totals.free,
      stopRank: 3562,
      threatened: r.totals.threatenedCount,
    });
    expect(last.take).toBe(r.totals.take);
    // The stop line appears in the bin of ranks 3,501–3,600 and not before.
    expect(l.frames.findIndex((f) => f.stopRank !== null)).toBe(35);
    // A bin's parts add up to its defendants.
    for (const f of l.frames) expect(f.parts.reduce((a, x) => a + x.count, 0)).toBe(f.rankHi - f.rankLo + 1);
  });

  it('the api validates its input', () => {
    const bad = ledgerApi({ schemaVersion: 1 }, 10);
    expect(bad.ok).toBe(false);
  });

  it('matches a naive running sum over the result’s rows (priority and forcedSpend)', () => {
    for (const regime of ['priority', 'forcedSpend'] as const) {
      fc.assert(
        fc.property(
          scenarioArb({ regime, ranking: regime === 'priority' ? 'optimal' : 'arrival' }),
          fc.integer({ min: 1, max: 12 }),
          (s, maxFrames) => {
            const r = solveScenario(s, { rows: 'always' });
            const rows = [...(r.defendants ?? [])].sort((a, b) => a.rank! - b.rank!);
            const l = ledger(s, maxFrames);
            const w = (g: number) => s.groups[g].convictionProbability * s.groups[g].trialSentence;
            const c = (g: number) => s.groups[g].trialCost;
            const { stipend: T, insurance: I } = s.levers.strikeFund;
            let take = 0;
            let budget = s.prosecutor.budget ?? 0;
            let fund = s.levers.strikeFund.fund;
            let stop: number | null = null;
            let fi = 0;
            rows.forEach((row, t) => {
              if (row.outcome === 'plea') take += row.offer!;
              else if (row.outcome === 'tried') {
                take += w(row.group);
                budget -= c(row.group);
              }
              if (row.covered && row.outcome !== 'plea') fund -= T + (row.outcome === 'tried' ? I : 0);
              if (!row.threatened && stop === null) stop = t + 1;
              const f = l.frames[fi];
              if (f.rankHi === t + 1) {
                expect(f.take).toBeCloseTo(take, 9);
                expect(f.budgetLeft).toBe(budget);
                expect(f.fundLeft).toBeCloseTo(fund, 9);
                expect(f.stopRank).toBe(stop);
                fi++;
              }
            });
            expect(fi).toBe(l.frames.length);
            if (rows.length > 0) {
              const last = l.frames.at(-1)!;
              expect(last.take).toBe(r.totals.take);
              expect(last.pleas).toBe(r.totals.pleas);
              expect(last.stopRank).toBe(r.totals.stopRank);
              expect(s.levers.strikeFund.fund - last.fundLeft).toBeCloseTo(r.totals.fundPaid, 9);
            }
          },
        ),
        { numRuns: 150 },
      );
    }
  });
});

import { payoffTable } from '../../src/engine/sweep/payoff';
import { setPath } from '../../src/engine/sweep/fieldPath';

describe('payoff table (two co-defendants)', () => {
  it('offer 3, one trial: plead 3 either way; refuse 5 alone, 2.5 together; two equilibria', () => {
    let doc: unknown = PRESETS.find((p) => p.id === 'bgb-lottery')!.scenario;
    for (const [k, v] of Object.entries({
      'groups[0].count': 2,
      'prosecutor.budget': 1,
      'prosecutor.offers': 'uniform',
      'prosecutor.uniformOffer': 3,
    }))
      doc = setPath(doc, k, v);
    const t = payoffTable(ScenarioSchema.parse(doc))!;
    expect(t.offer).toBe(3);
    expect(t.k).toBe(1);
    expect(t.cells).toEqual([
      { mine: 'plead', other: 'plead', years: 3, best: true },
      { mine: 'plead', other: 'refuse', years: 3, best: false },
      { mine: 'refuse', other: 'plead', years: 5, best: false },
      { mine: 'refuse', other: 'refuse', years: 2.5, best: true },
    ]);
    expect(t.equilibria).toEqual([0, 2]);
    expect(payoffTable(example('E2_priority_arrival'))).toBeNull();
  });
});
