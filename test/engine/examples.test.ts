// MODEL.md §7: every worked example, with exact figures, through both the per-defendant and the
// per-kind paths (rows 'always' and 'never').
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ScenarioSchema } from '../../src/engine/scenario/schema';
import { solveScenario } from '../../src/engine/solve';

const dir = fileURLToPath(new URL('../fixtures/examples/', import.meta.url));
const names = readdirSync(dir)
  .filter((f) => f.endsWith('.scenario.json'))
  .map((f) => f.replace('.scenario.json', ''))
  .sort();

function close(got: unknown, want: unknown) {
  if (typeof want === 'number' && typeof got === 'number') {
    expect(Math.abs(got - want)).toBeLessThanOrEqual(1e-6 * Math.max(1, Math.abs(want)));
  } else expect(got).toEqual(want);
}

describe('MODEL §7 worked examples (test/fixtures/examples)', () => {
  it('finds every example file', () => {
    expect(names.length).toBeGreaterThanOrEqual(22);
  });
  for (const name of names) {
    for (const rows of ['always', 'never'] as const) {
      it(`${name} (rows: ${rows})`, () => {
        const s = ScenarioSchema.parse(JSON.parse(readFileSync(`${dir}${name}.scenario.json`, 'utf8')));
        const want = JSON.parse(readFileSync(`${dir}${name}.expected.json`, 'utf8'));
        const r = solveScenario(s, { rows });
        expect(r.regime).toBe(want.regime);
        for (const [k, v] of Object.entries(want.totals)) close((r.totals as never)[k], v);
        if (want.docket) {
          expect(r.docket).toBeDefined();
          for (const [k, v] of Object.entries(want.docket)) {
            if (k === 'byWeek') continue;
            close((r.docket as never)[k], v);
          }
          expect(r.docket!.byWeek.length).toBe(want.docket.byWeek.length);
          r.docket!.byWeek.forEach((w, i) => {
            for (const [k, v] of Object.entries(want.docket.byWeek[i])) close((w as never)[k], v);
          });
        }
        if (want.lottery) {
          const { equilibria, ...rest } = want.lottery;
          for (const [k, v] of Object.entries(rest)) close((r.lottery as never)[k], v);
          expect(r.lottery!.equilibria.map((e) => e.size)).toEqual(equilibria.map((e: { size: number }) => e.size));
          r.lottery!.equilibria.forEach((e, i) => {
            for (const key of ['take', 'trials', 'free'] as const) close(e[key], equilibria[i][key]);
          });
        }
      });
    }
  }
});

const base = (over: Record<string, unknown>, prosecutor: Record<string, unknown>) =>
  ScenarioSchema.parse({
    schemaVersion: 1,
    groups: [{ count: 3, convictionProbability: 0.5, trialSentence: 10, ...over }],
    prosecutor: { budget: 1, ...prosecutor },
  });

describe('E1: lottery with a uniform offer, N = 3, B = 1', () => {
  const lottery = (s: number) =>
    solveScenario(base({}, { regime: 'lottery', offers: 'uniform', uniformOffer: s }));
  it('s = 1: only "all plead"', () => {
    expect(lottery(1).lottery!.equilibria.map((e) => e.size)).toEqual([0]);
  });
  it('s = 5/3: only "all plead" — the tie accepts', () => {
    const r = lottery(5 / 3);
    expect(r.lottery!.equilibria.map((e) => e.size)).toEqual([0]);
    expect(r.lottery!.thresholds).toEqual([3, 3, 3]);
    expect(r.totals.take).toBeCloseTo(5, 12);
  });
  it('s = 2.5: both "all plead" and "all refuse"', () => {
    expect(lottery(2.5).lottery!.equilibria.map((e) => e.size)).toEqual([0, 3]);
  });
  it('s = 6: only "all refuse"', () => {
    expect(lottery(6).lottery!.equilibria.map((e) => e.size)).toEqual([3]);
  });
  it('takes: all plead at 5 → 15, all refuse → 5, strike-proof offer 5/3, noPlea 5', () => {
    const r = lottery(5);
    expect(r.lottery!.equilibria.find((e) => e.size === 0)!.take).toBe(15);
    expect(r.lottery!.equilibria.find((e) => e.size === 3)!.take).toBe(5);
    expect(r.lottery!.strikeProofOffer).toBeCloseTo(5 / 3, 14);
    expect(r.totals.noPleaTake).toBe(5);
  });
  it('a just-higher offer than 5/3 lets the strike stand', () => {
    const r = lottery(5 / 3 + 1e-6);
    expect(r.lottery!.equilibria.map((e) => e.size)).toEqual([0, 3]);
  });
});

describe('E2: divide and conquer', () => {
  it('everyone pleads at 5; take 15; take/noPlea = 3; no stop rank', () => {
    const r = solveScenario(base({}, { regime: 'priority', ranking: 'arrival' }));
    expect(r.totals).toMatchObject({ pleas: 3, trials: 0, take: 15, noPleaTake: 5, takeRatio: 3, stopRank: null, budgetUsed: 0 });
    expect(r.defendants!.map((d) => d.offer)).toEqual([5, 5, 5]);
  });
});

describe('E9: hard core and budget exhaustion', () => {
  const e9 = (prosecutor: Record<string, unknown>) =>
    solveScenario(
      ScenarioSchema.parse({
        schemaVersion: 1,
        groups: [
          { count: 2, convictionProbability: 0.5, trialSentence: 10, neverPleadsShare: 1 },
          { count: 3, convictionProbability: 0.5, trialSentence: 10 },
        ],
        prosecutor: { budget: 2, ...prosecutor },
      }),
    );
  it('optimal ranking is (3, 4, 5, 1, 2) with take 25', () => {
    const r = e9({ regime: 'priority', ranking: 'optimal' });
    const order = [...r.defendants!].sort((a, b) => a.rank! - b.rank!).map((d) => d.id);
    expect(order).toEqual([3, 4, 5, 1, 2]);
    expect(r.totals.take).toBe(25);
    expect(r.plan!.plannedTake).toBe(25);
  });
  it('arrival ranking: the unraveling stops at rank 3', () => {
    const r = e9({ regime: 'priority', ranking: 'arrival' });
    expect(r.totals).toMatchObject({ take: 10, stopRank: 3, trials: 2, free: 3 });
    expect(r.defendants!.map((d) => d.outcome)).toEqual(['tried', 'tried', 'free', 'free', 'free']);
  });
  it('forcedSpend in arrival order: 1 tried, 2 dismissed, 3 free, 4 and 5 plead', () => {
    const r = e9({ regime: 'forcedSpend', ranking: 'arrival' });
    expect(r.defendants!.map((d) => d.outcome)).toEqual(['tried', 'free', 'free', 'plea', 'plea']);
    expect(r.totals.take).toBe(15);
  });
  it('forcedSpend in order (3, 4, 5, 1, 2): take 20', () => {
    expect(e9({ regime: 'forcedSpend', ranking: [3, 4, 5, 1, 2] }).totals.take).toBe(20);
  });
});

describe('E10: forcedSpend with N = 10', () => {
  for (const [B, take] of [[1, 10], [2, 20], [3, 30]] as const) {
    it(`B = ${B}: only the last ${2 * B} plead, take ${take}`, () => {
      const s = ScenarioSchema.parse({
        schemaVersion: 1,
        groups: [{ count: 10, convictionProbability: 0.5, trialSentence: 10 }],
        prosecutor: { budget: B, regime: 'forcedSpend' },
      });
      const r = solveScenario(s);
      const pleaded = r.defendants!.filter((d) => d.outcome === 'plea').map((d) => d.id);
      expect(pleaded).toEqual(Array.from({ length: 2 * B }, (_, i) => 11 - 2 * B + i));
      expect(r.totals.take).toBe(take);
    });
  }
});

describe('a random ranking in a regime that ignores rankings', () => {
  it('still reports the distribution of its (identical) runs', () => {
    const s = ScenarioSchema.parse({
      schemaVersion: 1,
      runs: 4,
      groups: [{ count: 3, convictionProbability: 0.5, trialSentence: 10 }],
      prosecutor: { budget: 1, regime: 'noPlea', ranking: 'random' },
    });
    const d = solveScenario(s).distribution!;
    expect(d.take).toEqual({ mean: 5, p5: 5, p50: 5, p95: 5, nullCount: 0, histogram: [{ lo: 5, hi: 5, count: 4 }] });
    expect(d.stopRank.nullCount).toBe(4);
  });
});
