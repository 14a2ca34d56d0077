// Crespo's city on a weekly docket (docs/presets.md): the status quo, a 5% pledge all year, and the
// same pledgers as one wave in week 26. The figures in the docs, checked against the engine, and
// the chart's reading of them (crash week, recovery week).
import { describe, expect, it } from 'vitest';
import { presetById } from '../../src/presets';
import { parseScenario } from '../../src/engine/scenario/parse';
import { solveScenario } from '../../src/engine/solve';
import { statusQuoWarnings } from '../../src/engine/statusQuoWarnings';
import { withoutOrganizing } from '../../src/engine/sweep/statusQuo';
import { docketView, recoveryWeek } from '../../src/charts/docket/data';
import type { Scenario } from '../../src/engine/scenario/schema';
import type { Result } from '../../src/engine/result/types';

function scenarioOf(id: string): Scenario {
  const r = parseScenario(presetById(id)!.scenario);
  if (!r.ok) throw new Error(`${id}: ${r.errors.map((e) => e.text).join('; ')}`);
  return r.scenario;
}

const cache = new Map<string, Result>();
function solved(id: string): Result {
  let r = cache.get(id);
  if (!r) {
    r = solveScenario(scenarioOf(id));
    cache.set(id, r);
  }
  return r;
}

function close(actual: number, expected: number) {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(expected)));
}

const outcomes = (r: Result, pick: (d: NonNullable<Result['defendants']>[number]) => boolean) => {
  const c = { plea: 0, tried: 0, free: 0 };
  for (const d of r.defendants ?? []) if (pick(d)) c[d.outcome as 'plea' | 'tried' | 'free'] += 1;
  return c;
};

describe("Crespo's city on a weekly docket", () => {
  it('every docket preset is 52 weeks, capacity 9, deadline 8, 7,000 defendants', () => {
    for (const id of ['crespo-docket-status-quo', 'crespo-docket-sustained', 'crespo-docket-wave']) {
      const s = scenarioOf(id);
      expect(s.prosecutor.regime, id).toBe('docket');
      expect(s.docket, id).toMatchObject({ weeks: 52, capacity: 9, deadline: 8 });
      expect(s.groups.reduce((n, g) => n + g.count, 0), id).toBe(7000);
    }
  });

  it('status quo: nearly everyone pleads (93.6%), the calendar never crashes', () => {
    const r = solved('crespo-docket-status-quo');
    const t = r.totals;
    expect([t.defendants, t.pleas, t.trials, t.free, t.budgetUsed, t.stopRank, t.threatenedCount]).toEqual([7000, 6550, 450, 0, 450, null, 7000]);
    close(t.take, 6550 * 2.1 + 450 * 12);
    close(t.noPleaTake, 450 * 12 + 90 * 2.1);
    expect(t.strikeSucceeds).toBe(false);
    expect(r.docket!.crashWeek).toBeNull();
    expect(r.docket!.byWeek).toHaveLength(60);
    expect(statusQuoWarnings(scenarioOf('crespo-docket-status-quo'), r)).toEqual([]);
  });

  it('a 5% pledge all year: crash in week 11, 2,374 go free, every unit of the calendar used, no recovery', () => {
    const r = solved('crespo-docket-sustained');
    const t = r.totals;
    expect([t.pleas, t.trials, t.free, t.budgetUsed, t.stopRank, t.threatenedCount]).toEqual([4086, 540, 2374, 540, 1609, 4626]);
    close(t.take, 12753.9);
    close(t.noPleaTake, 5589);
    expect(t.strikeSucceeds).toBe(false);
    expect(r.docket!.crashWeek).toBe(11);
    expect(recoveryWeek(r.docket!)).toBeNull();
    expect(Math.max(...r.docket!.byWeek.map((w) => w.backlog))).toBe(72);
    expect(outcomes(r, (d) => d.group === 0)).toEqual({ plea: 0, tried: 307, free: 143 });
    expect(outcomes(r, (d) => d.group === 1 && d.pledged)).toEqual({ plea: 0, tried: 233, free: 95 });
    expect(outcomes(r, (d) => d.group === 1 && !d.pledged)).toEqual({ plea: 4086, tried: 0, free: 2136 });
    // Its status quo is the status-quo preset's result.
    const q = solveScenario(withoutOrganizing(scenarioOf('crespo-docket-sustained')));
    expect(q.totals).toEqual(solved('crespo-docket-status-quo').totals);
  });

  it('the same pledgers as one wave in week 26: crash in week 26, recovery in week 28, 354 free', () => {
    const r = solved('crespo-docket-wave');
    const t = r.totals;
    expect([t.pleas, t.trials, t.free, t.budgetUsed, t.stopRank, t.threatenedCount]).toEqual([6124, 522, 354, 522, 3447, 6646]);
    close(t.take, 18342.3);
    close(t.noPleaTake, 5589);
    expect(r.docket!.crashWeek).toBe(26);
    expect(recoveryWeek(r.docket!)).toBe(28);
    expect(docketView(r.docket!).recoveryWeek).toBe(28);
    expect(r.docket!.byWeek.filter((w) => w.free > 0).map((w) => [w.week, w.free])).toEqual([
      [26, 347],
      [27, 7],
    ]);
    expect(outcomes(r, (d) => d.group === 2)).toEqual({ plea: 0, tried: 79, free: 249 });
    const wave = (r.defendants ?? []).filter((d) => d.group === 2 && d.outcome === 'tried').map((d) => d.trialWeek ?? -1);
    expect([Math.min(...wave), Math.max(...wave)]).toEqual([26, 34]);
  });

  it('sustained against wave: the same 328 pledgers free 2,374 all year, 354 as one wave', () => {
    const pledgers = (id: string) => (solved(id).defendants ?? []).filter((d) => d.pledged).length;
    expect(pledgers('crespo-docket-sustained')).toBe(328);
    expect(pledgers('crespo-docket-wave')).toBe(328);
    expect(solved('crespo-docket-sustained').totals.free).toBeGreaterThan(solved('crespo-docket-wave').totals.free);
  });
});
