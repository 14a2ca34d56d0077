// Levers as units (issue 7): the scenario schema is composed from the lever registry, and the
// file format did not move — the canonical output of every preset and worked example is the
// same, byte for byte, as before the registry composed it (test/fixtures/canonical was written by
// the hand-kept schema it replaced). The premium the population sums from the registry is the
// formula of MODEL.md §3, computed as written.
import fc from 'fast-check';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  LEVERS,
  idleReason,
  kindLeverCosts,
  type LeverScenario,
  type LeverUnit,
} from '../../src/engine/levers';
import {
  composeGroupShape,
  composeLeverBlocks,
  composeScenarioSchema,
} from '../../src/engine/scenario/compose';
import { canonicalScenario } from '../../src/engine/scenario/canonical';
import { parseScenario } from '../../src/engine/scenario/parse';
import { GroupSchema, LeversSchema, ScenarioShape } from '../../src/engine/scenario/schema';
import { scenarioJsonSchema } from '../../src/engine/scenario/jsonSchema';
import { defineLever } from '../../src/engine/levers';
import { z } from 'zod';

const text = (v: unknown) => `${JSON.stringify(v, null, 2)}\n`;
const golden = JSON.parse(
  readFileSync('test/fixtures/canonical/examples.canonical.json', 'utf8'),
) as Record<string, string>;

describe('the composed schema keeps the file format', () => {
  it('writes every worked example exactly as the hand-kept schema did', () => {
    const dir = 'test/fixtures/examples';
    const files = readdirSync(dir)
      .filter((f) => f.endsWith('.scenario.json'))
      .sort();
    expect(files).toEqual(Object.keys(golden).sort());
    for (const f of files) {
      const r = parseScenario(JSON.parse(readFileSync(join(dir, f), 'utf8')));
      if (!r.ok) throw new Error(`${f}: ${r.errors[0].text}`);
      expect(text(canonicalScenario(r.scenario)), f).toBe(golden[f]);
    }
  });

  it('writes every preset file back byte for byte', () => {
    const dir = 'src/presets';
    const files = readdirSync(dir).filter((f) => f.endsWith('.scenario.json'));
    expect(files.length).toBeGreaterThanOrEqual(11);
    for (const f of files) {
      const t = readFileSync(join(dir, f), 'utf8');
      const r = parseScenario(JSON.parse(t));
      if (!r.ok) throw new Error(`${f}: ${r.errors[0].text}`);
      expect(text(canonicalScenario(r.scenario)), f).toBe(t);
    }
  });

  it('composing the registry again gives the same schema (the published JSON Schema is unchanged)', () => {
    const again = composeScenarioSchema(LEVERS);
    expect(z.toJSONSchema(again.object, { io: 'input' })).toEqual(
      z.toJSONSchema(ScenarioShape, { io: 'input' }),
    );
    expect(JSON.stringify(scenarioJsonSchema())).not.toContain('quickMax');
    expect(Object.keys(GroupSchema.shape)).toEqual(Object.keys(composeGroupShape(LEVERS)));
    expect(Object.keys(LeversSchema.def.innerType.shape)).toEqual([
      'pledge',
      'visibility',
      'strikeFund',
    ]);
    expect(Object.keys(composeLeverBlocks(LEVERS).pledge)).toEqual(['penalty', 'secret']);
  });
});

describe('the lever registry', () => {
  it('every lever lists the fields it declares among its parameters', () => {
    for (const l of LEVERS as readonly LeverUnit[]) {
      const own = [
        ...Object.keys(l.group ?? {}).map((k) => `groups[].${k}`),
        ...Object.entries(l.levers ?? {}).flatMap(([b, fs]) =>
          Object.keys(fs).map((k) => `levers.${b}.${k}`),
        ),
      ];
      // pledgePenalty and levers.pledge.penalty are the pledge's; every declared field is listed.
      for (const p of own) expect(l.parameters, l.id).toContain(p);
    }
  });

  it('refuses a field declared twice or placed after a field nobody declares', () => {
    const twice = defineLever({
      id: 'twice',
      label: 'Twice',
      help: 'declares pledgedShare again',
      parameters: ['groups[].pledgedShare'],
      citation: 'test',
      group: { pledgedShare: { schema: z.number(), after: 'count' } },
    });
    expect(() => composeGroupShape([...LEVERS, twice])).toThrow(/pledgedShare is declared twice/);
    const lost = defineLever({
      id: 'lost',
      label: 'Lost',
      help: 'placed after a field nobody declares',
      parameters: ['groups[].x'],
      citation: 'test',
      group: { x: { schema: z.number(), after: 'noSuchField' } },
    });
    expect(() => composeGroupShape([...LEVERS, lost])).toThrow(/follows noSuchField/);
  });

  it('sums L = q·(F·pledged + h) + T·covered and ê = max(0, e − I·covered) as MODEL.md §3 writes them; secrecy shows her q·h and e', () => {
    const half = (n: number) => fc.integer({ min: 0, max: 2 * n }).map((x) => x / 2);
    fc.assert(
      fc.property(
        fc.record({
          q: fc.constantFrom(0, 0.25, 0.5, 1, 0.3),
          F: half(8),
          Fg: fc.oneof(fc.constant(null), half(8)),
          h: half(4),
          T: fc.constantFrom(0, 1, 2.5, 0.1),
          I: fc.constantFrom(0, 1, 4, 0.7),
          secret: fc.boolean(),
          pledged: fc.constantFrom<0 | 1>(0, 1),
          covered: fc.constantFrom<0 | 1>(0, 1),
          e: fc.constantFrom(0, 0.5, 3, 5, 7.5),
        }),
        (x) => {
          const covered = x.pledged ? x.covered : 0;
          const s: LeverScenario = {
            groups: [{ pledgePenalty: x.Fg }],
            levers: {
              pledge: { penalty: x.F, secret: x.secret },
              visibility: { observed: x.q, sanction: x.h },
              strikeFund: { fund: 10, stipend: x.T, insurance: x.I },
            },
          };
          const F = x.Fg ?? x.F;
          const c = kindLeverCosts(LEVERS, s, s.groups[0], x.pledged, covered, x.e);
          expect(c.L).toBe(x.q * (F * x.pledged + x.h) + x.T * covered);
          expect(c.eHat).toBe(Math.max(0, x.e - x.I * covered));
          expect(c.Lb).toBe(x.secret ? x.q * x.h : c.L);
          expect(c.eHatB).toBe(x.secret ? x.e : c.eHat);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('a lever says when moving its field can change nothing', () => {
  const draft = {
    groups: [{ pledgedShare: 0.5 }],
    levers: { visibility: { observed: 1 }, strikeFund: { fund: 100, stipend: 0, insurance: 0 } },
  };
  it('the fund without stipend or insurance, and the penalty with nobody pledged or nothing seen', () => {
    expect(idleReason('levers.strikeFund.fund', draft)).toContain(
      'no stipend and no insurance pays nothing',
    );
    const insured = {
      ...draft,
      levers: { ...draft.levers, strikeFund: { fund: 100, stipend: 0, insurance: 5 } },
    };
    expect(idleReason('levers.strikeFund.fund', insured)).toBeNull();
    expect(
      idleReason('levers.strikeFund.fund', { ...insured, groups: [{ pledgedShare: 0 }] }),
    ).toContain('no one has pledged');
    expect(idleReason('levers.pledge.penalty', draft)).toBeNull();
    expect(
      idleReason('levers.pledge.penalty', { ...draft, levers: { visibility: { observed: 0 } } }),
    ).toContain('court watching q = 0');
    expect(idleReason('prosecutor.budget', draft)).toBeNull();
  });
});
