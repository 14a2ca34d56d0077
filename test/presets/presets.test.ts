// The presets gallery as golden fixtures: every preset file is a valid, complete scenario (§6),
// and solving it gives the key figures derived by hand in docs/presets.md.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PRESETS, presetById } from '../../src/presets';
import { parseScenario } from '../../src/engine/scenario/parse';
import { solveScenario } from '../../src/engine/solve';
import {
  DocketSchema,
  GroupSchema,
  LeversSchema,
  ProsecutorSchema,
  type Scenario,
} from '../../src/engine/scenario/schema';
import type { Result, Totals } from '../../src/engine/result/types';

const presetDir = join(dirname(fileURLToPath(import.meta.url)), '../../src/presets');
const files = readdirSync(presetDir).filter((f) => f.endsWith('.scenario.json'));

const IDS = [
  'bgb-priority',
  'bgb-lottery',
  'crespo-city-public',
  'crespo-city-secret',
  'crespo-city-arrival',
  'crespo-docket-status-quo',
  'crespo-docket-sustained',
  'crespo-docket-wave',
  'crespo-city-clock',
  'j20',
  'misdemeanor-bail-fund',
];

function scenarioOf(id: string): Scenario {
  const p = presetById(id);
  if (!p) throw new Error(`no preset ${id}`);
  const r = parseScenario(p.scenario);
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

/** Equal up to rounding in long floating-point sums (the figures are exact decimals). */
function close(actual: number | null | undefined, expected: number) {
  expect(actual).not.toBeNull();
  expect(actual).toBeDefined();
  expect(Math.abs((actual as number) - expected)).toBeLessThanOrEqual(
    1e-9 * Math.max(1, Math.abs(expected)),
  );
}

interface Expected {
  defendants: number;
  pleas: number;
  trials: number;
  free: number;
  take: number;
  noPleaTake: number;
  budgetUsed: number;
  fundPaid: number;
  stopRank: number | null;
  threatenedCount: number;
  strikeSucceeds: boolean;
}

function expectTotals(t: Totals, e: Expected) {
  expect(t.defendants).toBe(e.defendants);
  expect(t.pleas).toBe(e.pleas);
  expect(t.trials).toBe(e.trials);
  expect(t.free).toBe(e.free);
  close(t.take, e.take);
  close(t.noPleaTake, e.noPleaTake);
  close(t.takeRatio, e.take / e.noPleaTake);
  expect(t.budgetUsed).toBe(e.budgetUsed);
  close(t.fundPaid, e.fundPaid);
  expect(t.stopRank).toBe(e.stopRank);
  expect(t.threatenedCount).toBe(e.threatenedCount);
  expect(t.strikeSucceeds).toBe(e.strikeSucceeds);
}

// The keys every file writes, read from the composed schema (core fields and every lever's): a
// field the docket alone uses is optional and written only by docket presets.
const keysOf = (shape: Record<string, unknown>, keep: (t: unknown) => boolean = () => true) =>
  Object.entries(shape)
    .filter(([, t]) => keep(t))
    .map(([k]) => k)
    .sort();
const written = (t: unknown) => (t as { _zod: { def: { type: string } } })._zod.def.type !== 'optional';
const GROUP_KEYS = keysOf(GroupSchema.shape, written);
const PROSECUTOR_KEYS = keysOf(ProsecutorSchema.shape);
// A docket preset writes out the docket's fields too and leaves out the budget it does not use.
const DOCKET_GROUP_KEYS = keysOf(GroupSchema.shape);
const DOCKET_PROSECUTOR_KEYS = PROSECUTOR_KEYS.filter((k) => k !== 'budget');
const LEVER_BLOCKS = LeversSchema.def.innerType.shape;
const DOCKET_KEYS = keysOf(DocketSchema.shape);

describe('the presets gallery', () => {
  it('has exactly the fixed ids, each once, in gallery order', () => {
    expect(PRESETS.map((p) => p.id)).toEqual(IDS);
    expect(new Set(PRESETS.map((p) => p.id)).size).toBe(PRESETS.length);
  });

  it('lists every preset file in the folder, and only those', () => {
    expect(files.map((f) => f.replace(/\.scenario\.json$/, '')).sort()).toEqual([...IDS].sort());
  });

  it('gives each preset a title, description, source and story', () => {
    for (const p of PRESETS) {
      expect(p.title.trim(), p.id).not.toBe('');
      expect(p.title, p.id).toBe(p.scenario.title);
      expect(p.description.trim().length, p.id).toBeGreaterThan(20);
      expect(p.source.trim().length, p.id).toBeGreaterThan(20);
      expect(p.story.trim().length, p.id).toBeGreaterThan(20);
    }
  });

  it('finds presets by id', () => {
    expect(presetById('j20')?.id).toBe('j20');
    expect(presetById('no-such-preset')).toBeUndefined();
  });

  it('writes every field of the §6 format out in every file', () => {
    for (const f of files) {
      const json = JSON.parse(readFileSync(join(presetDir, f), 'utf8'));
      const docket = json.prosecutor.regime === 'docket';
      expect(Object.keys(json).sort(), f).toEqual(
        ['groups', 'levers', 'prosecutor', 'runs', 'schemaVersion', 'seed', 'title', ...(docket ? ['docket'] : [])].sort(),
      );
      expect(json.schemaVersion, f).toBe(1);
      expect(json.runs, f).toBe(1);
      for (const g of json.groups) expect(Object.keys(g).sort(), f).toEqual(docket ? DOCKET_GROUP_KEYS : GROUP_KEYS);
      expect(Object.keys(json.prosecutor).sort(), f).toEqual(docket ? DOCKET_PROSECUTOR_KEYS : PROSECUTOR_KEYS);
      if (docket) expect(Object.keys(json.docket).sort(), f).toEqual(DOCKET_KEYS);
      expect(Object.keys(json.levers).sort(), f).toEqual(keysOf(LEVER_BLOCKS));
      for (const [block, t] of Object.entries(LEVER_BLOCKS)) {
        expect(Object.keys(json.levers[block]).sort(), `${f} levers.${block}`).toEqual(
          keysOf((t as typeof LEVER_BLOCKS.pledge).def.innerType.shape),
        );
      }
    }
  });

  it.each(IDS)('%s parses without errors', (id) => {
    const p = presetById(id)!;
    const r = parseScenario(p.scenario);
    if (!r.ok) throw new Error(r.errors.map((e) => e.text).join('; '));
    expect(r.ok).toBe(true);
  });

  it('the file on disk is the scenario the gallery serves', () => {
    for (const p of PRESETS) {
      const json = JSON.parse(readFileSync(join(presetDir, `${p.id}.scenario.json`), 'utf8'));
      expect(json).toEqual(p.scenario);
    }
  });
});

describe('bgb-priority: divide and conquer unravels a strike of alike defendants', () => {
  it('everyone pleads at the full expected sentence; take / noPlea = N/k', () => {
    const r = solved('bgb-priority');
    expectTotals(r.totals, {
      defendants: 100,
      pleas: 100,
      trials: 0,
      free: 0,
      take: 500,
      noPleaTake: 15,
      budgetUsed: 0,
      fundPaid: 0,
      stopRank: null,
      threatenedCount: 100,
      strikeSucceeds: false,
    });
    close(r.totals.takeRatio, 100 / 3);
    expect(r.plan).toEqual({ plannedTake: 500, withheldCount: 0 });
    expect(r.defendants?.every((d) => d.outcome === 'plea' && d.offer === 5)).toBe(true);
  });
});

describe('bgb-lottery: the strike is an equilibrium', () => {
  it('thresholds, equilibria, critical mass and the strike-proof offer (k/N)·e', () => {
    const r = solved('bgb-lottery');
    const l = r.lottery!;
    expect(l.k).toBe(3);
    expect(l.thresholds).toEqual(Array(100).fill(3));
    expect(l.rejecterOrder).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
    expect(l.equilibria.map((e) => e.size)).toEqual([0, 100]);
    const all = l.equilibria.find((e) => e.size === 0)!;
    close(all.take, 500);
    expect(all.trials).toBe(0);
    const strike = l.equilibria.find((e) => e.size === 100)!;
    close(strike.take, 15);
    expect(strike.trials).toBe(3);
    expect(strike.free).toBe(97);
    expect(strike.budgetUsed).toBe(3);
    expect(l.selected).toBe(100);
    expect(l.erosionPoint).toBe(100);
    expect(l.cascadePoint).toBe(0);
    expect(l.criticalMass).toBe(3);
    close(l.strikeProofOffer, (3 / 100) * 5);
  });

  it('the totals describe the strike: 3 tried at random, 97 free, take = noPlea take', () => {
    const r = solved('bgb-lottery');
    expectTotals(r.totals, {
      defendants: 100,
      pleas: 0,
      trials: 3,
      free: 97,
      take: 15,
      noPleaTake: 15,
      budgetUsed: 3,
      fundPaid: 0,
      stopRank: null,
      threatenedCount: 100,
      strikeSucceeds: true,
    });
    const d = r.defendants![0];
    expect(d.outcome).toBe('refuse');
    expect(d.offer).toBe(5);
    close(d.trialProbability, 0.03);
  });
});

// Crespo's city: groups alternate by quarter, [serious (never-pleaders), other felonies] × 4,
// with 112/113/112/113 serious and 1,637/1,638/1,637/1,638 other cases; 82 pledgers per quarter.
const CITY_SERIOUS = 450;
const CITY_PLEDGED = 328;
const E_OTHER = 0.7 * 3; // 2.1: the other felonies' expected trial sentence (e = w)
const W_SERIOUS = 0.6 * 20; // 12

describe("crespo-city-*: Crespo's city", () => {
  it('has 7,000 defendants, 450 never-pleaders and 328 pledgers (5% of the other 6,550)', () => {
    const r = solved('crespo-city-public');
    const rows = r.defendants!;
    expect(rows).toHaveLength(7000);
    expect(rows.filter((d) => d.never)).toHaveLength(CITY_SERIOUS);
    expect(rows.filter((d) => d.pledged)).toHaveLength(CITY_PLEDGED);
  });

  it('public pledges, optimal ranking: the unpledged plead, the serious are tried, pledgers go free', () => {
    const r = solved('crespo-city-public');
    expectTotals(r.totals, {
      defendants: 7000,
      pleas: 6222,
      trials: 450,
      free: 328,
      take: 6222 * E_OTHER + 450 * W_SERIOUS, // 18,466.2
      noPleaTake: 450 * W_SERIOUS, // 5,400
      budgetUsed: 450,
      fundPaid: 0,
      stopRank: 6673,
      threatenedCount: 6672,
      strikeSucceeds: false,
    });
    expect(r.plan?.withheldCount).toBe(0);
    const rows = r.defendants!;
    expect(rows.filter((d) => d.pledged).every((d) => d.outcome === 'free')).toBe(true);
    expect(rows.filter((d) => d.never).every((d) => d.outcome === 'tried')).toBe(true);
  });

  it('secret pledges: pledgers are tried as she meets them and 328 serious cases go free', () => {
    const r = solved('crespo-city-secret');
    expectTotals(r.totals, {
      defendants: 7000,
      pleas: 6222,
      trials: 450,
      free: 328,
      take: 6550 * E_OTHER + 122 * W_SERIOUS, // 15,219
      noPleaTake: 5400,
      budgetUsed: 450,
      fundPaid: 0,
      stopRank: 6673,
      threatenedCount: 6672,
      strikeSucceeds: false,
    });
    close(r.plan?.plannedTake, 6550 * E_OTHER + 450 * W_SERIOUS); // 19,155
    const rows = r.defendants!;
    expect(rows.filter((d) => d.pledged).every((d) => d.outcome === 'tried')).toBe(true);
    expect(rows.filter((d) => d.never && d.outcome === 'tried')).toHaveLength(122);
  });

  it('arrival ranking: the budget is gone by rank 3,561 and the rest of the year goes free', () => {
    const r = solved('crespo-city-arrival');
    expectTotals(r.totals, {
      defendants: 7000,
      pleas: 3111,
      trials: 450,
      free: 3439,
      take: (3111 + 164) * E_OTHER + 286 * W_SERIOUS, // 10,309.5
      noPleaTake: 5400,
      budgetUsed: 450,
      fundPaid: 0,
      stopRank: 3562,
      threatenedCount: 3561,
      strikeSucceeds: false,
    });
  });

  it('speedy-trial clock: no threat against another felony is credible; nobody pleads', () => {
    const r = solved('crespo-city-clock');
    expectTotals(r.totals, {
      defendants: 7000,
      pleas: 0,
      trials: 450,
      free: 6550,
      take: 5400,
      noPleaTake: 5400,
      budgetUsed: 450,
      fundPaid: 0,
      stopRank: 113,
      threatenedCount: 450,
      strikeSucceeds: true,
    });
    close(r.plan?.plannedTake, 5400);
    expect(r.defendants!.filter((d) => d.outcome === 'tried').every((d) => d.never)).toBe(true);
  });
});

describe('j20: a statement of unity against a court that holds 226 jury trials a year', () => {
  it('20 pleas, 23 trials, 187 free; the unraveling stops at rank 44', () => {
    const r = solved('j20');
    expectTotals(r.totals, {
      defendants: 230,
      pleas: 20,
      trials: 23,
      free: 187,
      take: 20 * 2 + 23 * 2,
      noPleaTake: 46,
      budgetUsed: 23,
      fundPaid: 0,
      stopRank: 44,
      threatenedCount: 43,
      strikeSucceeds: false,
    });
    const rows = r.defendants!;
    expect(rows.filter((d) => d.pledged)).toHaveLength(120);
    expect(rows.filter((d) => d.outcome === 'tried').every((d) => d.pledged)).toBe(true);
    expect(rows[42]).toMatchObject({ id: 43, outcome: 'tried', pledged: true });
    expect(rows[43]).toMatchObject({ id: 44, outcome: 'free', threatened: false, pledged: false });
  });
});

describe('misdemeanor-bail-fund: detention dominates, the bail fund flips the covered', () => {
  it('20 covered pledgers tried, 230 free, everyone else pleads, most to time served', () => {
    const r = solved('misdemeanor-bail-fund');
    const e = 0.7 * 0.1;
    expectTotals(r.totals, {
      defendants: 1000,
      pleas: 750,
      trials: 20,
      free: 230,
      take: 28 * (0.25 + e) + 572 * 0.25 + 150 * (0.25 - 0.8 * 0.1) + 20 * e, // 178.86
      noPleaTake: 20 * e, // 1.4
      budgetUsed: 20,
      fundPaid: 250 * 0.25,
      stopRank: 49,
      threatenedCount: 48,
      strikeSucceeds: false,
    });
    const rows = r.defendants!;
    expect(rows.filter((d) => d.covered)).toHaveLength(250);
    expect(rows.filter((d) => d.covered).every((d) => d.outcome !== 'plea')).toBe(true);
    expect(rows[47]).toMatchObject({ id: 48, outcome: 'tried', covered: true });
    // Unthreatened, yet he pleads: the time-served plea that detention buys.
    expect(rows[48]).toMatchObject({ id: 49, outcome: 'plea', threatened: false, pledged: false });
    close(rows[48].offer, 0.25);
  });
});
