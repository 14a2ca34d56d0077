// A large scenario argument travels to a worker as a patch against the last one that worker was
// sent (src/client/argCodec.ts): whatever the sequence of calls, what the worker rebuilds equals
// the structured clone of what was sent, keys in the same order.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createScenarioReceiver,
  createScenarioSender,
  PATCH_FROM_GROUPS,
  type ScenarioPatch,
} from '../../src/client/argCodec';
import { createDraftChecker } from '../../src/engine';
import { bigScenario } from '../../bench/bigScenario';
import { PRESETS } from '../../src/presets';

type Doc = ReturnType<typeof bigScenario>;

function channel() {
  const sender = createScenarioSender();
  const receiver = createScenarioReceiver();
  return {
    sender,
    post: (args: unknown[]) => {
      const wire = structuredClone(sender.pack(args));
      return { wire, got: receiver.unpack(wire) };
    },
  };
}

const same = (got: unknown, sent: unknown) => {
  expect(got).toStrictEqual(structuredClone(sent));
  expect(JSON.stringify(got)).toBe(JSON.stringify(sent));
};

describe('argCodec', () => {
  it('the first large scenario goes whole, then a lever move sends no group and a group edit one', () => {
    const checker = createDraftChecker();
    const draft = bigScenario();
    const r0 = checker.check(draft);
    if (!r0.ok) throw new Error('invalid');
    const { post } = channel();
    const cells = [[0.1, 3]];
    const a = post([r0.scenario, 'prosecutor.budget', cells, null]);
    expect((a.wire[0] as { holdoutScenario: string }).holdoutScenario).toBe('whole');
    expect(a.wire.slice(1)).toEqual(['prosecutor.budget', cells, null]);
    same(a.got[0], r0.scenario);

    // The budget lever: the checker keeps every parsed group, the patch holds none.
    const r1 = checker.check({ ...draft, prosecutor: { ...draft.prosecutor, budget: 501 } });
    if (!r1.ok) throw new Error('invalid');
    const b = post([r1.scenario, { rows: 'auto' }]);
    const p = b.wire[0] as ScenarioPatch;
    expect(p.holdoutScenario).toBe('patch');
    expect(p.changed).toEqual([]);
    same(b.got[0], r1.scenario);

    // A field of one group.
    const groups = draft.groups.slice();
    groups[7] = { ...groups[7], trialSentence: 9 };
    const r2 = checker.check({ ...draft, prosecutor: { ...draft.prosecutor, budget: 501 }, groups });
    if (!r2.ok) throw new Error('invalid');
    const c = post([r2.scenario]);
    expect((c.wire[0] as ScenarioPatch).changed.map(([i]) => i)).toEqual([7]);
    same(c.got[0], r2.scenario);

    // Every group changed (the pledge-all lever): whole again.
    const all = { ...draft, groups: draft.groups.map((g) => ({ ...g, pledgedShare: 0.5 })) };
    const d = post([all]);
    expect((d.wire[0] as { holdoutScenario: string }).holdoutScenario).toBe('whole');
    same(d.got[0], all);
  });

  it('small scenarios (every preset) and other arguments are sent as they are', () => {
    const { sender } = channel();
    for (const p of PRESETS) {
      if (p.scenario.groups.length >= PATCH_FROM_GROUPS) continue;
      const args = [p.scenario, { rows: 'auto' }];
      const sent = sender.pack(args);
      expect(sent[0]).toBe(p.scenario);
      expect(sent[1]).toBe(args[1]);
    }
  });

  it('any sequence of calls rebuilds what was sent, keys in order (property)', () => {
    const base = bigScenario();
    const odd = fc.oneof(fc.double(), fc.constant(undefined), fc.constant(-0), fc.string(), fc.constant(null));
    type Step =
      | { kind: 'budget'; v: number }
      | { kind: 'group'; i: number; key: string; v: unknown }
      | { kind: 'resize'; n: number }
      | { kind: 'top'; key: string; v: unknown }
      | { kind: 'other' }
      | { kind: 'small' }
      | { kind: 'all' }
      | { kind: 'reset' };
    const step: fc.Arbitrary<Step> = fc.oneof(
      fc.record({ kind: fc.constant('budget' as const), v: fc.integer({ min: 0, max: 9999 }) }),
      fc.record({ kind: fc.constant('group' as const), i: fc.nat(12_000), key: fc.string({ maxLength: 12 }), v: odd }),
      fc.record({ kind: fc.constant('resize' as const), n: fc.integer({ min: 900, max: 12_000 }) }),
      fc.record({ kind: fc.constant('top' as const), key: fc.string({ maxLength: 12 }), v: odd }),
      fc.constant({ kind: 'other' as const }),
      fc.constant({ kind: 'small' as const }),
      fc.constant({ kind: 'all' as const }),
      fc.constant({ kind: 'reset' as const }),
    );
    const other: Doc = { ...bigScenario(), title: 'other' };
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 12 }), (steps) => {
        const { post, sender } = channel();
        let doc: Doc = base;
        for (const s of steps) {
          let sent: unknown = doc;
          switch (s.kind) {
            case 'budget':
              doc = { ...doc, prosecutor: { ...doc.prosecutor, budget: s.v } };
              sent = doc;
              break;
            case 'group': {
              const groups = doc.groups.slice();
              const i = s.i % groups.length;
              groups[i] = { ...groups[i], [s.key]: s.v } as Doc['groups'][number];
              doc = { ...doc, groups };
              sent = doc;
              break;
            }
            case 'resize': {
              const groups = doc.groups.slice(0, s.n);
              while (groups.length < s.n) groups.push({ ...base.groups[groups.length % base.groups.length] });
              doc = { ...doc, groups };
              sent = doc;
              break;
            }
            case 'top':
              sent = doc = { ...doc, [s.key]: s.v } as Doc;
              break;
            case 'other':
              sent = other;
              break;
            case 'small':
              sent = PRESETS[0].scenario;
              break;
            case 'all':
              sent = doc = { ...doc, groups: doc.groups.map((g) => ({ ...g })) };
              break;
            case 'reset':
              sender.reset();
              break;
          }
          const { got } = post([sent, 'x']);
          same(got[0], sent);
          expect(got[1]).toBe('x');
        }
      }),
      { numRuns: 25 },
    );
  });

  it('a patch without its base is refused (never guessed)', () => {
    const receiver = createScenarioReceiver();
    const patch: ScenarioPatch = { holdoutScenario: 'patch', keys: ['groups'], fields: {}, length: 0, changed: [] };
    expect(() => receiver.unpack([patch])).toThrow(/without its base/);
  });
});
