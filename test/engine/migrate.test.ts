// The migration seam (issue 7 item 5): every scenario document goes through the engine's
// migrate step before validation. Files written by earlier versions of Holdout open with the
// same numbers; a newer schemaVersion is refused with a message naming it; the step machinery
// (one step per version, applied in order, never modifying its input) is proved with steps
// written here for a hypothetical version 2 and 3.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { solve } from '../../src/engine/api';
import {
  MIGRATIONS,
  SCHEMA_VERSION,
  migrateScenario,
  upgradeScenario,
  type MigrationStep,
} from '../../src/engine/scenario/migrate';
import { parseScenario, parseScenarioText } from '../../src/engine/scenario/parse';
import { scenarioArb } from './arbitraries';

const fixture = (name: string) =>
  readFileSync(new URL(`../fixtures/migration/${name}`, import.meta.url), 'utf8');

const NEWER =
  'schemaVersion: must be 1, got 2: the scenario was written by a newer Holdout than this one; open it with a version that reads schemaVersion 2';

describe('the scenario versions', () => {
  it('version 1 is the only one there has been: no steps yet', () => {
    expect(SCHEMA_VERSION).toBe(1);
    expect(MIGRATIONS).toEqual([]);
  });

  it('a current document passes through as the same object (property)', () => {
    fc.assert(
      fc.property(scenarioArb(), (s) => {
        const m = migrateScenario(s);
        expect(m).toEqual({ ok: true, doc: s, notes: [] });
        if (m.ok) expect(m.doc).toBe(s);
      }),
      { numRuns: 100 },
    );
  });

  it('never throws, and migrating twice changes nothing more (property)', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.anything(), fc.record({ schemaVersion: fc.integer({ min: -3, max: 5 }) })),
        (v) => {
          const m = migrateScenario(v);
          if (!m.ok) {
            expect(m.errors.map((e) => e.path)).toEqual(['schemaVersion']);
            return;
          }
          expect(migrateScenario(m.doc)).toEqual({ ok: true, doc: m.doc, notes: [] });
        },
      ),
      { numRuns: 300 },
    );
  });

  it('anything that is not a versioned object is left for validation to name', () => {
    for (const v of [
      null,
      3,
      'x',
      [1],
      {},
      { schemaVersion: '1' },
      { schemaVersion: 1.5 },
      { schemaVersion: 0 },
    ]) {
      expect(migrateScenario(v)).toEqual({ ok: true, doc: v, notes: [] });
    }
    const r = parseScenario({ schemaVersion: 0 });
    expect(!r.ok && r.errors.map((e) => e.text)).toEqual([
      'schemaVersion: must be 1, got 0',
      'groups: is required',
      'prosecutor: is required',
    ]);
  });
});

describe('files written by earlier versions of Holdout', () => {
  it('the 21 November 2026 presets (before the weekly docket) open unchanged, with their numbers', () => {
    const bgb = parseScenarioText(fixture('2026-11-21_bgb-priority.scenario.json'));
    expect(bgb.ok).toBe(true);
    if (!bgb.ok) return;
    expect(bgb.migratedFrom).toBeUndefined();
    expect(bgb.doc).toEqual(JSON.parse(fixture('2026-11-21_bgb-priority.scenario.json')));
    expect(bgb.scenario.docket).toBeUndefined();
    const r = solve(bgb.doc);
    expect(r.ok && r.value.totals).toMatchObject({
      defendants: 100,
      pleas: 100,
      trials: 0,
      take: 500,
      noPleaTake: 15,
      stopRank: null,
    });

    const fund = parseScenarioText(fixture('2026-11-21_misdemeanor-bail-fund.scenario.json'));
    expect(fund.ok).toBe(true);
    if (!fund.ok) return;
    const f = solve(fund.doc);
    expect(f.ok && f.value.totals).toMatchObject({
      defendants: 1000,
      pleas: 750,
      trials: 20,
      free: 230,
      budgetUsed: 20,
      fundPaid: 62.5,
      stopRank: 49,
      threatenedCount: 48,
      strikeSucceeds: false,
    });
    expect(f.ok && f.value.totals.take).toBeCloseTo(178.86, 9);
  });

  it('a file from a newer Holdout is refused, naming schemaVersion and saying why', () => {
    const r = parseScenarioText(fixture('from-a-newer-holdout.scenario.json'));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => e.text)).toEqual([NEWER]);
    expect(r.errors[0].path).toBe('schemaVersion');
    // The worker's answer is the same message.
    const s = solve(JSON.parse(fixture('from-a-newer-holdout.scenario.json')));
    expect(!s.ok && s.errors.map((e) => e.text)).toEqual([NEWER]);
    // The editor keeps such a draft as it is (nothing to upgrade to).
    const doc = JSON.parse(fixture('from-a-newer-holdout.scenario.json'));
    expect(upgradeScenario(doc)).toBe(doc);
  });
});

describe('the step machinery (hypothetical versions 2 and 3)', () => {
  // Version 2 renames `levers.visibility.observed` to `seen`; version 3 renames it back and adds
  // a note. Written here only to prove the machinery: the real list is MIGRATIONS.
  const steps: MigrationStep[] = [
    {
      from: 1,
      note: 'observed is now seen',
      up: (d) => {
        const levers = (d.levers ?? {}) as Record<string, Record<string, unknown>>;
        const { observed, ...vis } = levers.visibility ?? {};
        return { ...d, levers: { ...levers, visibility: { ...vis, seen: observed ?? 1 } } };
      },
    },
    {
      from: 2,
      note: 'seen is observed again',
      up: (d) => {
        const levers = d.levers as Record<string, Record<string, unknown>>;
        const { seen, ...vis } = levers.visibility;
        return { ...d, levers: { ...levers, visibility: { ...vis, observed: seen } } };
      },
    },
  ];
  const v1 = {
    schemaVersion: 1,
    groups: [{ count: 3, convictionProbability: 0.5, trialSentence: 10 }],
    prosecutor: { budget: 1, regime: 'priority' },
    levers: { visibility: { observed: 0.25, sanction: 2 } },
  };

  it('applies each step in order, sets the version, keeps the notes and leaves the input alone', () => {
    const before = JSON.stringify(v1);
    expect(migrateScenario(v1, steps, 2)).toEqual({
      ok: true,
      doc: { ...v1, schemaVersion: 2, levers: { visibility: { sanction: 2, seen: 0.25 } } },
      migratedFrom: 1,
      notes: ['observed is now seen'],
    });
    expect(migrateScenario(v1, steps, 3)).toEqual({
      ok: true,
      doc: { ...v1, schemaVersion: 3, levers: { visibility: { sanction: 2, observed: 0.25 } } },
      migratedFrom: 1,
      notes: ['observed is now seen', 'seen is observed again'],
    });
    expect(
      migrateScenario({ ...v1, schemaVersion: 2, levers: { visibility: { seen: 0.5 } } }, steps, 3),
    ).toEqual({
      ok: true,
      doc: { ...v1, schemaVersion: 3, levers: { visibility: { observed: 0.5 } } },
      migratedFrom: 2,
      notes: ['seen is observed again'],
    });
    expect(JSON.stringify(v1)).toBe(before);
  });

  it('a version with no way up is left for validation; a failing step names schemaVersion', () => {
    expect(migrateScenario(v1, [steps[1]], 3)).toEqual({ ok: true, doc: v1, notes: [] });
    const boom: MigrationStep = {
      from: 1,
      note: 'fails',
      up: () => {
        throw new Error('levers.visibility is not an object');
      },
    };
    expect(migrateScenario(v1, [boom], 2)).toEqual({
      ok: false,
      errors: [
        {
          path: 'schemaVersion',
          message:
            'is 1: upgrading it from version 1 to 2 failed (levers.visibility is not an object)',
          text: 'schemaVersion: is 1: upgrading it from version 1 to 2 failed (levers.visibility is not an object)',
        },
      ],
    });
  });

  it('a version newer than the steps know is refused with the version it needs', () => {
    expect(migrateScenario({ ...v1, schemaVersion: 4 }, steps, 3)).toEqual({
      ok: false,
      errors: [
        {
          path: 'schemaVersion',
          message:
            'must be at most 3, got 4: the scenario was written by a newer Holdout than this one; open it with a version that reads schemaVersion 4',
          text: 'schemaVersion: must be at most 3, got 4: the scenario was written by a newer Holdout than this one; open it with a version that reads schemaVersion 4',
        },
      ],
    });
  });
});
