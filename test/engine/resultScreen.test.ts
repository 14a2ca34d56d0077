// resultScreen (src/engine/api.ts): the Result tab's one question answers exactly what the
// separate calls answer — solve, kinds, and ladder or thresholdCounts when the result omits them.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as api from '../../src/engine/api';
import { PRESETS } from '../../src/presets';
import { scenarioArb } from './arbitraries';

const ok = <T>(c: api.Checked<T>): T => {
  if (!c.ok) throw new Error(JSON.stringify(c.errors));
  return c.value;
};

describe('resultScreen', () => {
  for (const rows of ['auto', 'never'] as const)
    it(`equals solve + kinds + ladder / thresholdCounts for every preset (rows '${rows}')`, () => {
      let withBins = 0;
      let withThresholds = 0;
      for (const p of PRESETS) {
        const screen = ok(api.resultScreen(p.scenario, { rows, bins: 40 }));
        const result = ok(api.solve(p.scenario, { rows }));
        expect(screen.result).toEqual(result);
        expect(screen.kinds).toEqual(ok(api.kinds(p.scenario)));
        const needBins =
          !result.defendants && (result.regime === 'priority' || result.regime === 'forcedSpend');
        expect(screen.bins).toEqual(needBins ? ok(api.ladder(p.scenario, 40)) : null);
        const needThr = result.lottery !== undefined && !result.lottery.thresholds;
        expect(screen.thresholds).toEqual(needThr ? ok(api.thresholdCounts(p.scenario)) : null);
        if (screen.bins) {
          withBins++;
          expect(screen.bins.length).toBeLessThanOrEqual(40);
        }
        if (screen.thresholds) withThresholds++;
      }
      if (rows === 'never') {
        expect(withBins).toBeGreaterThan(0);
        expect(withThresholds).toBeGreaterThan(0);
      } else {
        expect(withBins).toBe(0);
      }
    });

  // A moving lever's question (leaveRowsOut) on a ladder takes the bins from the solve's own pass
  // (no second pass, no rows built to be dropped): the answer is the separate calls' to the bit.
  it('leaving the rows out answers solve without its rows + kinds + ladder, on random scenarios', () => {
    const arb = fc
      .record({
        s: fc.oneof(
          ...(['optimal', 'arrival', 'byValue', 'random'] as const).flatMap((ranking) =>
            // (optimal is not a forcedSpend order)
            (ranking === 'optimal' ? (['priority'] as const) : (['priority', 'forcedSpend'] as const)).map((regime) =>
              scenarioArb({ regime, ranking, maxGroups: 4, maxCount: 6, maxBudget: 12 }),
            ),
          ),
        ),
        runs: fc.integer({ min: 1, max: 4 }),
        bins: fc.integer({ min: 1, max: 12 }),
      })
      .map(({ s, runs, bins }) => ({ s: s.prosecutor.ranking === 'random' ? { ...s, runs } : s, bins }));
    fc.assert(
      fc.property(arb, ({ s, bins }) => {
        const screen = ok(api.resultScreen(s, { rows: 'auto', bins, leaveRowsOut: true }));
        const { defendants, ...rest } = ok(api.solve(s, { rows: 'auto' }));
        expect(defendants).toBeDefined();
        expect(screen.result).toEqual(rest);
        expect(JSON.stringify(screen.result)).toBe(JSON.stringify(rest));
        expect(screen.kinds).toEqual(ok(api.kinds(s)));
        expect(screen.bins).toEqual(ok(api.ladder(s, bins)));
        expect(screen.thresholds).toBeNull();
      }),
      { numRuns: 300 },
    );
  });

  it('reports progress through its last argument, as solve does', () => {
    // forcedSpend's table reports its progress within the one run.
    const p = PRESETS.find((x) => x.id === 'crespo-city-clock')!;
    const a: number[] = [];
    const b: number[] = [];
    api.resultScreen(p.scenario, { bins: 400 }, (f) => a.push(f));
    api.solve(p.scenario, {}, (f) => b.push(f));
    expect(a).toHaveLength(99);
    expect(a).toEqual(b);
  });

  it('answers an invalid scenario with the messages validate gives', () => {
    const bad = { groups: [{ count: -1 }] };
    const r = api.resultScreen(bad, { bins: 400 });
    expect(r).toEqual(api.validate(bad));
    expect(r.ok).toBe(false);
  });
});
