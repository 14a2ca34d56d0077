import { describe, expect, it } from 'vitest';
import { getPath, setPath, parsePath } from '../../src/engine/sweep/fieldPath';
import { sweep, phaseCells, sweepValues, solveAt } from '../../src/engine/sweep/sweep';
import { compareRegimes } from '../../src/engine/views/compare';
import { ladderBins } from '../../src/engine/views/ladder';
import { ScenarioSchema } from '../../src/engine/scenario/schema';
import { solveScenario } from '../../src/engine/solve';

const city = {
  schemaVersion: 1,
  groups: [
    { count: 40, convictionProbability: 0.5, trialSentence: 10, neverPleadsShare: 0.1 },
    { count: 60, convictionProbability: 0.5, trialSentence: 10, pledgedShare: 0 },
  ],
  prosecutor: { budget: 8, regime: 'priority', ranking: 'arrival' },
  levers: { pledge: { penalty: 10 } },
};

describe('field paths', () => {
  it('parses dotted paths with indices and wildcards', () => {
    expect(parsePath('groups[2].pledgedShare')).toEqual(['groups', 2, 'pledgedShare']);
    expect(parsePath('groups[*].count')).toEqual(['groups', '*', 'count']);
  });
  it('sets a copy and leaves the original alone', () => {
    const next = setPath(city, 'groups[*].pledgedShare', 0.5);
    expect(next.groups.map((g) => g.pledgedShare)).toEqual([0.5, 0.5]);
    expect(city.groups[0]).not.toHaveProperty('pledgedShare');
    expect(getPath(setPath(city, 'levers.strikeFund.fund', 9), 'levers.strikeFund.fund')).toBe(9);
  });
});

describe('sweep', () => {
  it('sweepValues spaces values evenly and rounds integers', () => {
    expect(sweepValues(0, 1, 4)).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(sweepValues(0, 3, 6, true)).toEqual([0, 1, 2, 3]);
  });
  it('finds the pledged share at which the strike succeeds', () => {
    const r = sweep(city, 'groups[*].pledgedShare', sweepValues(0, 0.9, 9));
    expect(r.points).toHaveLength(10);
    expect(r.random).toBe(false);
    // Each point equals a direct solve.
    for (const p of r.points) {
      const s = ScenarioSchema.parse(setPath(city, 'groups[*].pledgedShare', p.x));
      expect(p.outcomes.take.value).toBe(solveScenario(s, { rows: 'never' }).totals.take);
    }
    expect(r.successAt).not.toBeNull();
    const at = r.points.find((p) => p.x === r.successAt)!;
    expect(at.outcomes.strikeSucceeds.value).toBe(1);
    expect(r.points.filter((p) => p.x < r.successAt!).every((p) => p.outcomes.strikeSucceeds.value === 0)).toBe(true);
  });
  it('reports invalid points instead of failing', () => {
    const r = sweep(city, 'groups[0].convictionProbability', [0.5, 1.5]);
    expect(r.points).toHaveLength(1);
    expect(r.skipped[0].message).toBe('groups[0].convictionProbability: must be at most 1, got 1.5');
  });
  it('phase cells equal single solves', () => {
    const cells: [number, number][] = [[0, 0], [0.5, 4], [1, 8]];
    const out = phaseCells(city, 'groups[1].pledgedShare', 'prosecutor.budget', cells, 'takeRatio');
    cells.forEach(([x, y], i) => {
      const one = solveAt(city, [['groups[1].pledgedShare', x], ['prosecutor.budget', y]]);
      expect(out.values[i]).toBe(one.outcomes!.takeRatio.value);
    });
  });
  it('a batch gives the same answers whatever batches of other scenarios came before it (one checker a worker)', () => {
    const other = { ...city, groups: [{ ...city.groups[0], count: 7 }], levers: { pledge: { penalty: 3 } } };
    const cells: [number, number][] = [[0, 0], [0.5, 4], [1.5, 8], [1, 8]];
    const fresh = (input: typeof city) =>
      cells.map(([x, y]) => solveAt(input, [['groups[0].pledgedShare', x], ['prosecutor.budget', y]]));
    const expected = [fresh(city), fresh(other)];
    for (const input of [city, other, city, other, other, city]) {
      const out = phaseCells(input, 'groups[0].pledgedShare', 'prosecutor.budget', cells, 'take');
      const want = expected[input === city ? 0 : 1];
      expect(out.values).toEqual(want.map((r) => (r.ok ? r.outcomes!.take.value : null)));
      const swept = sweep(input, 'groups[0].pledgedShare', [0, 1.5, 0.5]);
      expect(swept.skipped).toEqual([{ x: 1.5, message: 'groups[0].pledgedShare: must be at most 1, got 1.5' }]);
    }
  });
});

describe('regime comparison', () => {
  it('solves the same defendants under every regime', () => {
    const rows = compareRegimes({
      schemaVersion: 1,
      groups: [{ count: 3, convictionProbability: 0.5, trialSentence: 10 }],
      prosecutor: { budget: 1, regime: 'priority' },
    });
    expect(rows.map((r) => [r.regime, r.take])).toEqual([
      ['noPlea', 5],
      ['lottery', 5],
      ['priority', 15],
      ['forcedSpend', 10],
    ]);
  });
});

describe('ladder bins', () => {
  it('conserve counts and end at the budget left', () => {
    const s = ScenarioSchema.parse(setPath(city, 'groups[1].pledgedShare', 0.3));
    const r = solveScenario(s);
    for (const maxBins of [1, 7, 1000]) {
      const bins = ladderBins(s, maxBins);
      expect(bins.reduce((a, b) => a + b.plea, 0)).toBe(r.totals.pleas);
      expect(bins.reduce((a, b) => a + b.tried, 0)).toBe(r.totals.trials);
      expect(bins.reduce((a, b) => a + b.free, 0)).toBe(r.totals.free);
      expect(bins.at(-1)!.budgetAfter).toBe(s.prosecutor.budget! - r.totals.budgetUsed);
      expect(bins.at(-1)!.rankHi).toBe(100);
    }
  });
});

describe('derived sweep fields', () => {
  it('pledgedShareOfRest pledges a share of those who are not hard core, in every group', () => {
    const withCore = setPath(city, 'groups[0].neverPleadsShare', 1);
    const next = setPath(withCore, 'groups[*].pledgedShareOfRest', 0.5);
    expect(next.groups.map((g) => g.pledgedShare)).toEqual([0, 0.5]);
    expect(getPath(next, 'groups[1].pledgedShareOfRest')).toBe(0.5);
    const r = sweep(withCore, 'groups[*].pledgedShareOfRest', [0, 0.5, 1]);
    expect(r.skipped).toEqual([]);
    expect(r.points).toHaveLength(3);
  });
});

import { meetsCriterion } from '../../src/engine/sweep/criterion';

describe('success criteria (MODEL §5: a user may choose another criterion)', () => {
  it('the default is take ≤ noPlea take; a share free or a take per defendant can replace it', () => {
    const values = sweepValues(0, 0.9, 9);
    const byDefault = sweep(city, 'groups[*].pledgedShare', values);
    const half = sweep(city, 'groups[*].pledgedShare', values, { kind: 'shareFreeAtLeast', value: 0.5 });
    const cheap = sweep(city, 'groups[*].pledgedShare', values, { kind: 'takePerDefendantAtMost', value: 1 });
    for (const p of byDefault.points) {
      expect(meetsCriterion(p.outcomes, null)).toBe(p.outcomes.strikeSucceeds.value);
      expect(meetsCriterion(p.outcomes, { kind: 'shareFreeAtLeast', value: 0.5 })).toBe(
        p.outcomes.shareFree.value! >= 0.5 ? 1 : 0,
      );
    }
    const first = (c: Parameters<typeof meetsCriterion>[1]) =>
      byDefault.points.find((p) => meetsCriterion(p.outcomes, c) === 1)?.x ?? null;
    expect(half.successAt).toBe(first({ kind: 'shareFreeAtLeast', value: 0.5 }));
    expect(cheap.successAt).toBe(first({ kind: 'takePerDefendantAtMost', value: 1 }));
    const cells: [number, number][] = values.map((x) => [x, 8]);
    const ph = phaseCells(city, 'groups[*].pledgedShare', 'prosecutor.budget', cells, 'take', { kind: 'shareFreeAtLeast', value: 0.5 });
    expect(ph.success).toEqual(byDefault.points.map((p) => meetsCriterion(p.outcomes, { kind: 'shareFreeAtLeast', value: 0.5 })));
  });
});
