// Issue 8 items 3–4, engine side: the docket's fields are sweepable (capacity, deadline, weeks,
// detention per week, a group's arrival weeks and a one-week wave), the crash week is an outcome,
// and the status quo (no pledges, h = 0, no fund) comes beside every result.
import { describe, expect, it } from 'vitest';
import { sweep, phaseCells, solveAt } from '../../src/engine/sweep/sweep';
import { getPath, setPath } from '../../src/engine/sweep/fieldPath';
import { ScenarioSchema } from '../../src/engine/scenario/schema';
import { solveScenario } from '../../src/engine/solve';
import { compareWithStatusQuo, withoutOrganizing } from '../../src/engine/sweep/statusQuo';
import { statusQuo } from '../../src/engine/api';

const e11b = {
  schemaVersion: 1,
  groups: [{ count: 12, convictionProbability: 0.5, trialSentence: 10, pledgedShare: 0.5 }],
  prosecutor: { regime: 'docket' },
  levers: { pledge: { penalty: 10 }, visibility: { observed: 1, sanction: 1 }, strikeFund: { fund: 0 } },
  docket: { weeks: 3, capacity: 1, deadline: 1 },
};

describe('status quo', () => {
  it('removes pledges, the sanction and the fund, and keeps everything else', () => {
    const s = ScenarioSchema.parse({
      ...e11b,
      groups: [{ ...e11b.groups[0], neverPleadsShare: 0.25, detentionPerWeek: 0.5 }],
      levers: { pledge: { penalty: 10, secret: true }, visibility: { observed: 0.5, sanction: 2 }, strikeFund: { fund: 9, stipend: 1, insurance: 2 } },
    });
    const q = withoutOrganizing(s);
    expect(q.groups[0]).toMatchObject({ pledgedShare: 0, neverPleadsShare: 0.25, detentionPerWeek: 0.5 });
    expect(q.levers).toEqual({
      pledge: { penalty: 10, secret: true },
      visibility: { observed: 0.5, sanction: 0 },
      strikeFund: { fund: 0, stipend: 0, insurance: 0 },
    });
    expect(q.docket).toEqual(s.docket);
  });

  it('E11b beside its status quo: everyone pleads without the pledge; organizing frees 7 and jams week 0', () => {
    const c = compareWithStatusQuo(ScenarioSchema.parse(e11b));
    expect(c.statusQuo).toEqual({ pleas: 12, trials: 0, free: 0, take: 60, pleaRate: 1, crashWeek: null, strikeSucceeds: false });
    expect(c.organized).toMatchObject({ pleas: 1, trials: 4, free: 7, take: 24, crashWeek: 0 }); // h = 1: the one plea is at 4
    expect(c.change).toEqual({ pleas: -11, free: 7, take: -36, crashWeek: { statusQuo: null, organized: 0 } });
  });

  it('in every regime (priority E2 with a pledge)', () => {
    const s = {
      schemaVersion: 1,
      groups: [{ count: 3, convictionProbability: 0.5, trialSentence: 10, pledgedShare: 1 }],
      prosecutor: { budget: 1, regime: 'priority', ranking: 'arrival' },
      levers: { pledge: { penalty: 10 } },
    };
    const r = statusQuo(s);
    if (!r.ok) expect.fail(r.errors.map((e) => e.text).join('\n'));
    expect(r.value.statusQuo).toMatchObject({ pleas: 3, take: 15, crashWeek: null });
    expect(r.value.organized).toMatchObject({ pleas: 0, trials: 1, free: 2, take: 5 });
    expect(r.value.change).toMatchObject({ pleas: -3, free: 2, take: -10 });
  });

  it('bad input comes back as messages', () => {
    const r = statusQuo({ schemaVersion: 1 });
    expect(r.ok).toBe(false);
  });
});

describe('docket fields are sweepable', () => {
  const direct = (over: [string, number][]) => {
    let s: unknown = e11b;
    for (const [f, x] of over) s = setPath(s, f, x);
    return solveScenario(ScenarioSchema.parse(s), { rows: 'never' });
  };
  it.each([
    ['docket.capacity', [0, 1, 2, 4]],
    ['docket.deadline', [0, 1, 3]],
    ['docket.weeks', [1, 3, 6]],
    ['groups[*].detentionPerWeek', [0, 0.5, 1]],
    ['groups[0].firstWeek', [0, 1, 2]],
    ['groups[0].waveWeek', [0, 2]],
  ] as [string, number[]][])('%s', (field, values) => {
    const r = sweep(e11b, field, values);
    expect(r.points.map((p) => p.x)).toEqual(values);
    r.points.forEach((p) => {
      const want = direct([[field, p.x]]);
      expect(p.outcomes.pleas.value).toBe(want.totals.pleas);
      expect(p.outcomes.take.value).toBe(want.totals.take);
      expect(p.outcomes.crashWeek.value).toBe(want.docket!.crashWeek);
    });
  });

  it('the crash week moves with the capacity (E11b: week 0 at κ = 1, none at κ = 2)', () => {
    const r = sweep(e11b, 'docket.capacity', [1, 2]);
    expect(r.points.map((p) => p.outcomes.crashWeek.value)).toEqual([0, null]);
  });

  it('a wave: every member arrives in the chosen week', () => {
    const s = setPath(e11b, 'groups[0].waveWeek', 2);
    expect(getPath(s, 'groups[0].waveWeek')).toBe(2);
    expect(s.groups[0]).toMatchObject({ firstWeek: 2, lastWeek: 2 });
    const rows = solveScenario(ScenarioSchema.parse(s), { rows: 'always' }).defendants!;
    expect(new Set(rows.map((d) => d.arrivalWeek))).toEqual(new Set([2]));
  });

  it('a docket phase diagram: pledged share × weekly capacity', () => {
    const cells: [number, number][] = [[0, 1], [0.5, 1], [0.5, 2]];
    const out = phaseCells(e11b, 'groups[*].pledgedShare', 'docket.capacity', cells, 'free');
    cells.forEach(([x, y], i) => {
      const one = solveAt(e11b, [['groups[*].pledgedShare', x], ['docket.capacity', y]]);
      expect(out.values[i]).toBe(one.outcomes!.free.value);
    });
    expect(out.values[1]).toBe(7);
  });

  it('the crash week outside the docket is null', () => {
    const r = sweep({ ...e11b, prosecutor: { regime: 'priority', budget: 1 } }, 'prosecutor.budget', [1]);
    expect(r.points[0].outcomes.crashWeek.value).toBeNull();
  });
});

describe('the regime comparison with a docket', () => {
  it('adds the docket row, and gives the static regimes the docket’s whole capacity as budget', async () => {
    const { compareRegimes } = await import('../../src/engine/views/compare');
    const rows = compareRegimes(e11b);
    expect(rows.map((r) => r.regime)).toEqual(['noPlea', 'lottery', 'priority', 'forcedSpend', 'docket']);
    expect(rows.every((r) => r.ok)).toBe(true);
    // (W + D)·κ = (3 + 1)·1 = 4 trial units: noPlea tries 4 defendants (take 20).
    expect(rows[0]).toMatchObject({ regime: 'noPlea', trials: 4, take: 20 });
    expect(rows[4]).toMatchObject({ regime: 'docket', pleas: 1, trials: 4, free: 7, take: 24 });
  });
  it('without a docket, the four static regimes as before', async () => {
    const { compareRegimes } = await import('../../src/engine/views/compare');
    const s = { schemaVersion: 1, groups: [{ count: 3, convictionProbability: 0.5, trialSentence: 10 }], prosecutor: { budget: 1, regime: 'priority' } };
    expect(compareRegimes(s).map((r) => r.regime)).toEqual(['noPlea', 'lottery', 'priority', 'forcedSpend']);
  });
});
