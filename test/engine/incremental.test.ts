// The incremental draft check (incremental.ts) against the whole check (parseScenario): after
// every edit of a random sequence — a group field changed (valid or not), a field removed or an
// unknown one added, every group's pledged share moved, groups added, removed, moved and
// duplicated, a group changed in place, scenario fields changed — the checker's answer equals
// parseScenario's: the same scenario (values and key order) or the same messages in the same
// order. Also: priming with another parse's scenario, and the reuse it is for.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createDraftChecker } from '../../src/engine/scenario/incremental';
import { parseScenario } from '../../src/engine/scenario/parse';

type Doc = Record<string, unknown> & { groups: Record<string, unknown>[] };

const base = (n: number): Doc => ({
  schemaVersion: 1,
  title: 'incremental',
  seed: 3,
  groups: Array.from({ length: n }, (_, i) => ({
    label: `g${i}`,
    count: 1 + (i % 3),
    convictionProbability: 0.5,
    trialSentence: 4 + i,
    trialCost: 1 + (i % 2),
  })),
  prosecutor: { budget: 3, regime: 'priority', ranking: 'arrival' },
});

const GROUP_KEYS = [
  'label',
  'count',
  'convictionProbability',
  'trialSentence',
  'collateralCost',
  'refusalCost',
  'trialCost',
  'pledgedShare',
  'neverPleadsShare',
  'pledgePenalty',
  'offer',
  'firstWeek',
  'lastWeek',
  'detentionPerWeek',
  'nonsense',
] as const;

// Mostly valid values for most fields, with some that break a field or a cross-field rule.
const value = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(0, 1, 2, 3, 0.5, 0.25, 1, 4, 10) },
  { weight: 3, arbitrary: fc.constantFrom(-1, 1.5, 1e9, 2.5, null, 'x', '', true, Number.NaN) },
  { weight: 1, arbitrary: fc.constantFrom(undefined, [1], { a: 1 }) },
);

type Edit =
  | { kind: 'field'; at: number; key: (typeof GROUP_KEYS)[number]; v: unknown }
  | { kind: 'drop'; at: number; key: (typeof GROUP_KEYS)[number] }
  | { kind: 'inPlace'; at: number; key: (typeof GROUP_KEYS)[number]; v: unknown }
  | { kind: 'pledgeAll'; v: unknown }
  | { kind: 'add' }
  | { kind: 'remove'; at: number }
  | { kind: 'move'; at: number }
  | { kind: 'duplicate'; at: number }
  | { kind: 'top'; path: 'budget' | 'regime' | 'ranking' | 'title' | 'runs' | 'extra' | 'fund'; v: unknown }
  | { kind: 'same' };

const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constant('field' as const), at: fc.nat(20), key: fc.constantFrom(...GROUP_KEYS), v: value }),
  fc.record({ kind: fc.constant('drop' as const), at: fc.nat(20), key: fc.constantFrom(...GROUP_KEYS) }),
  fc.record({ kind: fc.constant('inPlace' as const), at: fc.nat(20), key: fc.constantFrom(...GROUP_KEYS), v: value }),
  fc.record({ kind: fc.constant('pledgeAll' as const), v: fc.constantFrom(0, 0.25, 0.5, 1, 1.5, -0.1) }),
  fc.constant({ kind: 'add' as const }),
  fc.record({ kind: fc.constant('remove' as const), at: fc.nat(20) }),
  fc.record({ kind: fc.constant('move' as const), at: fc.nat(20) }),
  fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat(20) }),
  fc.record({
    kind: fc.constant('top' as const),
    path: fc.constantFrom('budget', 'regime', 'ranking', 'title', 'runs', 'extra', 'fund'),
    v: fc.oneof(value, fc.constantFrom('priority', 'lottery', 'noPlea', 'forcedSpend', 'optimal', 'arrival', 'random', 'byValue', 2, 5, 1000)),
  }),
  fc.constant({ kind: 'same' as const }),
);

/** Apply an edit immutably (as the editor does), except 'inPlace', which changes a group object. */
function apply(d: Doc, e: Edit): Doc {
  const gs = d.groups;
  const at = (i: number) => (gs.length === 0 ? -1 : i % gs.length);
  const withGroups = (groups: Record<string, unknown>[]): Doc => ({ ...d, groups });
  switch (e.kind) {
    case 'field': {
      const i = at(e.at);
      if (i < 0) return d;
      return withGroups(gs.map((g, k) => (k === i ? { ...g, [e.key]: e.v } : g)));
    }
    case 'drop': {
      const i = at(e.at);
      if (i < 0) return d;
      return withGroups(
        gs.map((g, k) => {
          if (k !== i) return g;
          const c = { ...g };
          delete c[e.key];
          return c;
        }),
      );
    }
    case 'inPlace': {
      const i = at(e.at);
      if (i >= 0) gs[i][e.key] = e.v;
      return { ...d, groups: [...gs] };
    }
    case 'pledgeAll':
      return withGroups(gs.map((g) => ({ ...g, pledgedShare: e.v })));
    case 'add':
      return withGroups([...gs, { label: 'new', count: 1, convictionProbability: 0.4, trialSentence: 2 }]);
    case 'remove': {
      const i = at(e.at);
      return i < 0 ? d : withGroups(gs.filter((_, k) => k !== i));
    }
    case 'move': {
      const i = at(e.at);
      if (i <= 0) return d;
      const c = [...gs];
      [c[i - 1], c[i]] = [c[i], c[i - 1]];
      return withGroups(c);
    }
    case 'duplicate': {
      const i = at(e.at);
      return i < 0 ? d : withGroups([...gs.slice(0, i + 1), { ...gs[i] }, ...gs.slice(i + 1)]);
    }
    case 'top': {
      const p = d.prosecutor as Record<string, unknown>;
      if (e.path === 'budget' || e.path === 'regime' || e.path === 'ranking')
        return { ...d, prosecutor: { ...p, [e.path]: e.v } };
      if (e.path === 'fund') return { ...d, levers: { strikeFund: { fund: e.v } } };
      return { ...d, [e.path]: e.v };
    }
    case 'same':
      return d;
  }
}

const same = (a: unknown, b: unknown) => {
  expect(JSON.stringify(a)).toBe(JSON.stringify(b));
  expect(a).toEqual(b);
};

describe('the incremental draft check', () => {
  it('answers as parseScenario after every edit of a random sequence', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 8 }), fc.array(edit, { minLength: 1, maxLength: 25 }), (n, edits) => {
        const checker = createDraftChecker();
        let d = base(n);
        same(checker.check(d), parseScenario(d));
        for (const e of edits) {
          d = apply(d, e);
          same(checker.check(d), parseScenario(d));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('answers as parseScenario for drafts that are not scenarios at all', () => {
    const checker = createDraftChecker();
    for (const raw of [null, 3, 'x', [], {}, { schemaVersion: 1 }, { schemaVersion: 2, groups: [] }, { schemaVersion: 0 }, { ...base(2), groups: [] }, { ...base(2), groups: 'no' }, { ...base(2), groups: [null, 1] }])
      same(checker.check(raw), parseScenario(raw));
  });

  it('a primed document is checked without parsing its groups again, with the same answer', () => {
    const d = base(5);
    const whole = parseScenario(d);
    if (!whole.ok) throw new Error('base is valid');
    const checker = createDraftChecker();
    checker.prime(d, whole.scenario);
    const r = checker.check(d);
    same(r, whole);
    // The groups are the primed outputs themselves.
    if (!r.ok) throw new Error('valid');
    r.scenario.groups.forEach((g, i) => expect(g).toBe(whole.scenario.groups[i]));
  });

  it('reuses the output of unchanged groups and re-checks a changed one', () => {
    const checker = createDraftChecker();
    const d = base(4);
    const a = checker.check(d);
    const e = apply(d, { kind: 'field', at: 2, key: 'trialSentence', v: 9 });
    const b = checker.check(e);
    if (!a.ok || !b.ok) throw new Error('valid');
    expect(b.scenario.groups[0]).toBe(a.scenario.groups[0]);
    expect(b.scenario.groups[2]).not.toBe(a.scenario.groups[2]);
    expect(b.scenario.groups[2].trialSentence).toBe(9);
    same(b, parseScenario(e));
  });

  it('reuses the parse of the rest of the scenario while it is unchanged, even in a new object, and not once it changes in place', () => {
    const checker = createDraftChecker();
    const d = base(3);
    const a = checker.check(d);
    // A new document with the same rest (as a phase diagram's next cell in the same row).
    const e = apply(d, { kind: 'field', at: 1, key: 'pledgedShare', v: 0.25 });
    const b = checker.check(e);
    if (!a.ok || !b.ok) throw new Error('valid');
    expect(b.scenario.levers).toBe(a.scenario.levers);
    same(b, parseScenario(e));
    // The same objects edited in place: the rest is parsed again.
    const p = e.prosecutor as Record<string, unknown>;
    p.budget = 7;
    const c = checker.check(e);
    if (!c.ok) throw new Error('valid');
    expect(c.scenario.prosecutor.budget).toBe(7);
    same(c, parseScenario(e));
    p.budget = -1;
    same(checker.check(e), parseScenario(e));
    p.budget = Number.NaN;
    same(checker.check(e), parseScenario(e));
    p.budget = 3;
    same(checker.check(e), parseScenario(e));
  });

  it('a value valid for one field and not another: each field is asked about it', () => {
    const checker = createDraftChecker();
    let d = base(3);
    same(checker.check(d), parseScenario(d));
    for (const [at, key, v] of [[0, 'trialSentence', 1.5], [1, 'count', 1.5], [1, 'count', 2], [2, 'convictionProbability', 1.5], [2, 'convictionProbability', 0], [2, 'convictionProbability', 0.5], [2, 'convictionProbability', -0], [0, 'trialSentence', -0]] as const) {
      d = apply(d, { kind: 'field', at, key, v });
      same(checker.check(d), parseScenario(d));
    }
  });
});
