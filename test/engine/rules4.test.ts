// MODEL.md §6 (revision 4): the docket's fields, the budget optional under the docket only, and
// the limits, each refusal naming the limit and how to stay under it.
import { describe, expect, it } from 'vitest';
import { parseScenario, type ParseResult } from '../../src/engine/scenario/parse';

type Json = Record<string, unknown>;
function errorsOf(r: ParseResult): string[] {
  if (r.ok) throw new Error('expected the scenario to be rejected, but it was accepted');
  return r.errors.map((e) => e.text);
}
const group = (over: Json = {}): Json => ({ count: 3, convictionProbability: 0.5, trialSentence: 10, ...over });
const docket = (over: Json = {}, d: Json = { capacity: 1 }): Json => ({
  schemaVersion: 1,
  groups: [group()],
  prosecutor: { regime: 'docket' },
  docket: d,
  ...over,
});

describe('the docket fields', () => {
  it('a docket scenario needs no budget; defaults W = 52, D = 8', () => {
    const r = parseScenario(docket());
    if (!r.ok) expect.fail(r.errors.map((e) => e.text).join('\n'));
    expect(r.scenario.docket).toEqual({ weeks: 52, capacity: 1, deadline: 8 });
    expect(r.scenario.prosecutor.budget).toBeUndefined();
    expect(r.scenario.groups[0].firstWeek).toBeUndefined(); // absent stays absent (round trip)
  });

  it('a budget given under the docket is validated, not used', () => {
    expect(errorsOf(parseScenario(docket({ prosecutor: { regime: 'docket', budget: -1 } })))).toEqual([
      'prosecutor.budget: must be at least 0, got -1',
    ]);
    expect(parseScenario(docket({ prosecutor: { regime: 'docket', budget: 5 } })).ok).toBe(true);
  });

  it('the budget is required in every other regime', () => {
    for (const regime of ['noPlea', 'lottery', 'priority', 'forcedSpend']) {
      expect(
        errorsOf(parseScenario({ schemaVersion: 1, groups: [group()], prosecutor: { regime } })),
      ).toEqual(['prosecutor.budget: is required']);
    }
  });

  it('the docket object is required under the docket', () => {
    expect(errorsOf(parseScenario(docket({ docket: undefined })))).toEqual([
      'docket: is required under the docket regime: give at least { "capacity": trial units per week }',
    ]);
  });

  it('in other regimes it is optional, and validated in full (capacity required)', () => {
    const base = { schemaVersion: 1, groups: [group()], prosecutor: { budget: 1, regime: 'priority' } };
    expect(parseScenario({ ...base, docket: { capacity: 3 } }).ok).toBe(true);
    expect(errorsOf(parseScenario({ ...base, docket: { weeks: 3 } }))).toEqual(['docket.capacity: is required']);
    expect(errorsOf(parseScenario({ ...base, docket: { capacity: 1, weeks: 521 } }))).toEqual([
      'docket.weeks: must be at most 520, got 521',
    ]);
  });

  it.each<[string, Json, string[]]>([
    ['weeks 0', { capacity: 1, weeks: 0 }, ['docket.weeks: must be at least 1, got 0']],
    ['a fractional capacity', { capacity: 1.5 }, ['docket.capacity: must be an integer, got 1.5']],
    ['a capacity above 10^9', { capacity: 1e9 + 1 }, ['docket.capacity: must be at most 1000000000, got 1000000001']],
    ['a deadline above 520', { capacity: 1, deadline: 521 }, ['docket.deadline: must be at most 520, got 521']],
    ['an unknown docket field', { capacity: 1, capactiy: 2 }, ['docket.capactiy: unknown field (allowed: weeks, capacity, deadline)']],
  ])('ranges: %s', (_name, d, expected) => {
    expect(errorsOf(parseScenario(docket({}, d)))).toEqual(expected);
  });

  it('group weeks are integers ≥ 0 in every regime, and detention years ≥ 0', () => {
    const base = { schemaVersion: 1, prosecutor: { budget: 1, regime: 'priority' } };
    expect(errorsOf(parseScenario({ ...base, groups: [group({ firstWeek: -1 })] }))).toEqual([
      'groups[0].firstWeek: must be at least 0, got -1',
    ]);
    expect(errorsOf(parseScenario({ ...base, groups: [group({ lastWeek: 1.5 })] }))).toEqual([
      'groups[0].lastWeek: must be an integer, got 1.5',
    ]);
    expect(errorsOf(parseScenario({ ...base, groups: [group({ detentionPerWeek: -0.1 })] }))).toEqual([
      'groups[0].detentionPerWeek: must be at least 0, got -0.1',
    ]);
    // Outside the docket, weeks beyond W − 1 are allowed (not used).
    expect(parseScenario({ ...base, groups: [group({ firstWeek: 900, lastWeek: 2 })] }).ok).toBe(true);
  });

  it('under the docket a group with members arrives in weeks f ≤ l ≤ W − 1', () => {
    const d = { capacity: 1, weeks: 4 };
    expect(errorsOf(parseScenario(docket({ groups: [group({ firstWeek: 4 })] }, d)))).toEqual([
      'groups[0].firstWeek: must be a week of the docket, 0..3 (docket.weeks = 4), got 4; lower it or raise docket.weeks',
    ]);
    expect(errorsOf(parseScenario(docket({ groups: [group({ lastWeek: 7 })] }, d)))).toEqual([
      'groups[0].lastWeek: must be a week of the docket, 0..3 (docket.weeks = 4), got 7; lower it, leave it empty (the last week), or raise docket.weeks',
    ]);
    expect(errorsOf(parseScenario(docket({ groups: [group({ firstWeek: 3, lastWeek: 1 })] }, d)))).toEqual([
      'groups[0].lastWeek: must be at least firstWeek (3), got 1',
    ]);
    // A group with no members has no weeks to check.
    expect(parseScenario(docket({ groups: [group(), group({ count: 0, firstWeek: 99 })] }, d)).ok).toBe(true);
  });

  it('runs must be 1 under the docket, even with a random ranking', () => {
    expect(
      errorsOf(parseScenario(docket({ runs: 2, prosecutor: { regime: 'docket', ranking: 'random' } }))),
    ).toEqual(['runs: must be 1 under the docket (its order is the calendar, not a ranking), got 2']);
  });

  it('the ranking is checked under the docket too (optimal accepted)', () => {
    expect(parseScenario(docket({ prosecutor: { regime: 'docket', ranking: 'optimal' } })).ok).toBe(true);
    expect(errorsOf(parseScenario(docket({ prosecutor: { regime: 'docket', ranking: [1, 1, 2] } })))).toEqual([
      'prosecutor.ranking[1]: defendant 1 is listed twice',
    ]);
  });
});

describe('limits (MODEL §6)', () => {
  const mixed = (n: number, over: Json = {}) =>
    Array.from({ length: n }, (_, i) => group({ count: 1, trialSentence: 1 + i, trialCost: 1 + (i % 2), ...over }));

  it('none of the knapsack limits applies under the docket', () => {
    expect(parseScenario(docket({ groups: mixed(100) }, { capacity: 1e9 })).ok).toBe(true);
  });

  it("the optimal ranking's knapsack counts its items by her beliefs", () => {
    // B′ = min(B, Σc) = 150. 100 items with distinct (w, c): 100 × 151 ≤ 5e7, fine.
    const ok = { schemaVersion: 1, groups: mixed(100), prosecutor: { budget: 1e9, regime: 'priority' } };
    expect(parseScenario(ok).ok).toBe(true);
    // 600 distinct kinds, all pledged with a penalty no plea can beat: every one is hard core
    // (an item worth w), so both knapsacks are over the limit at B = 100,000.
    const big = Array.from({ length: 600 }, (_, i) =>
      group({ count: 300, trialSentence: 1 + i, trialCost: 1 + (i % 2), pledgedShare: 1 }),
    );
    const levers = { pledge: { penalty: 1000 } };
    const r = errorsOf(parseScenario({ schemaVersion: 1, groups: big, levers, prosecutor: { budget: 100_000, regime: 'priority' } }));
    expect(r).toEqual([
      'prosecutor.budget: limit: with mixed trial costs the knapsack needs kinds × (budget + 1) ≤ 50,000,000, got 600 × 100,001 = 60,000,600; lower the budget, merge groups, or use equal trial costs',
      "prosecutor.ranking: limit: with mixed trial costs the optimal ranking's knapsack needs kinds × (budget + 1) ≤ 50,000,000 (kinds: distinct (value, cost) pairs among her items), got 600 × 100,001 = 60,000,600; lower the budget, merge groups, use equal trial costs, or use the arrival or byValue ranking",
    ]);
    // With secret pledges she believes every plea is worth w to her (w − P = 0): no items.
    const secret = { pledge: { penalty: 1000, secret: true } };
    expect(
      errorsOf(parseScenario({ schemaVersion: 1, groups: big, levers: secret, prosecutor: { budget: 100_000, regime: 'priority' } })),
    ).toHaveLength(1);
  });

  it("the optimal ranking's limit alone: inducible items worth ≤ 1e-9 are not counted, the hard core is", () => {
    // Tailored pleas P = e = w (K = 0): items worth w − P = 0 are no items; only the
    // never-pleaders (the hard core, H) count.
    const groups = Array.from({ length: 600 }, (_, i) =>
      group({ count: 300, trialSentence: 1 + i, trialCost: 1 + (i % 2), neverPleadsShare: i < 10 ? 1 : 0 }),
    );
    const s = { schemaVersion: 1, groups, prosecutor: { budget: 100_000, regime: 'priority', ranking: 'optimal' } };
    const errs = errorsOf(parseScenario(s));
    // noPlea counts all 600 pairs; her knapsack only the 10 hard-core pairs: 10 × 100,001 ≤ 5e7.
    expect(errs).toEqual([
      'prosecutor.budget: limit: with mixed trial costs the knapsack needs kinds × (budget + 1) ≤ 50,000,000, got 600 × 100,001 = 60,000,600; lower the budget, merge groups, or use equal trial costs',
    ]);
  });

  it('forcedSpend with several runs: runs × N × (B′ + 1) ≤ 500,000,000', () => {
    const s = (runs: number) => ({
      schemaVersion: 1,
      runs,
      groups: [group({ count: 1000 })],
      prosecutor: { budget: 999, regime: 'forcedSpend', ranking: 'random' },
    });
    expect(parseScenario(s(500)).ok).toBe(true); // 500 × 1000 × 1000 = 5e8
    expect(errorsOf(parseScenario(s(501)))).toEqual([
      'runs: limit: forcedSpend with several runs needs runs × defendants × (budget + 1) ≤ 500,000,000, got 501 × 1,000 × 1,000 = 501,000,000; lower the runs, the budget or the counts',
    ]);
  });
});
