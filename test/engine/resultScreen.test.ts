// resultScreen (src/engine/api.ts): the Result tab's one question answers exactly what the
// separate calls answer — solve, kinds, and ladder or thresholdCounts when the result omits them.
import { describe, expect, it } from 'vitest';
import * as api from '../../src/engine/api';
import { PRESETS } from '../../src/presets';

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
