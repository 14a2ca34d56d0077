// The library: IndexedDB through idb (fake-indexeddb in Node), the library file round trip
// (property), merging, storage errors, and opening scenario files.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  LibraryError,
  duplicateEntry,
  exportLibraryText,
  makeEntry,
  mergeEntries,
  openLibrary,
  parseLibraryText,
  storageError,
  DB_NAME,
  type LibraryEntry,
} from '../../src/library/store';
import { openScenarioText } from '../../src/app/openFile';
import { PRESETS } from '../../src/presets';
import { scenarioFileText } from '../../src/components/export/exportData';

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});

const presetArb = fc.constantFrom(...PRESETS.map((p) => p.scenario));
const entryArb = fc
  .record({ scenario: presetArb, name: fc.string({ minLength: 1, maxLength: 40 }), notes: fc.string({ maxLength: 200 }), t: fc.integer({ min: 0, max: 4e12 }) })
  .map(({ scenario, name, notes, t }) => makeEntry(scenario, name, notes, new Date(t)));

describe('library store', () => {
  it('saves, lists (newest first), renames, duplicates and deletes', async () => {
    const lib = await openLibrary();
    const a = makeEntry(PRESETS[0].scenario, 'first', 'notes A', new Date('2026-01-01T00:00:00Z'));
    const b = makeEntry(PRESETS[1].scenario, 'second', '', new Date('2026-02-01T00:00:00Z'));
    await lib.put(a);
    await lib.put(b);
    expect((await lib.list()).map((e) => e.name)).toEqual(['second', 'first']);
    await lib.put({ ...a, name: 'renamed', updated: '2026-03-01T00:00:00.000Z' });
    expect((await lib.list()).map((e) => e.name)).toEqual(['renamed', 'second']);
    const c = duplicateEntry(b, new Date('2026-04-01T00:00:00Z'));
    expect(c.id).not.toBe(b.id);
    expect(c.name).toBe('second (copy)');
    await lib.put(c);
    await lib.remove(a.id);
    expect((await lib.list()).map((e) => e.name)).toEqual(['second (copy)', 'second']);
    // Undo of a delete puts the same entry back.
    await lib.put(a);
    expect(await lib.get(a.id)).toEqual(a);
    expect((await lib.list()).map((e) => e.name)).toEqual(['second (copy)', 'second', 'first']);
    lib.close();
  });

  it('autosaves one draft and reads it back after a "reload" (a new connection)', async () => {
    const lib = await openLibrary();
    await lib.saveDraft({ draft: PRESETS[3].scenario, presetId: null, saved: '2026-12-02T04:00:00.000Z' });
    lib.close();
    const again = await openLibrary();
    expect(await again.loadDraft()).toEqual({ draft: PRESETS[3].scenario, presetId: null, saved: '2026-12-02T04:00:00.000Z' });
    again.close();
  });

  it('stores the draft as its JSON text (one string to clone), and still reads a draft stored as an object', async () => {
    const lib = await openLibrary();
    await lib.saveDraft({ draft: PRESETS[2].scenario, presetId: 'x', saved: '2026-12-02T05:00:00.000Z' });
    lib.close();
    const raw = await new Promise<unknown>((resolve, reject) => {
      const req = indexedDB.open(DB_NAME);
      req.onerror = () => reject(req.error);
      req.onsuccess = () => {
        const db = req.result;
        const get = db.transaction('state').objectStore('state').get('draft');
        get.onsuccess = () => {
          const stored = get.result as Record<string, unknown>;
          // An older version's draft: the object itself.
          const put = db
            .transaction('state', 'readwrite')
            .objectStore('state')
            .put({ draft: PRESETS[1].scenario, presetId: null, saved: 'old' }, 'draft');
          put.onsuccess = () => {
            db.close();
            resolve(stored);
          };
        };
      };
    });
    expect(raw).toEqual({ draftText: JSON.stringify(PRESETS[2].scenario), presetId: 'x', saved: '2026-12-02T05:00:00.000Z' });
    const again = await openLibrary();
    expect(await again.loadDraft()).toEqual({ draft: PRESETS[1].scenario, presetId: null, saved: 'old' });
    again.close();
  });

  it('library export → import gives the same entries (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(entryArb, { maxLength: 6 }), async (entries) => {
        const r = parseLibraryText(exportLibraryText(entries));
        expect(r).toEqual({ ok: true, entries });
        // Into an empty library, everything; into the same library, nothing twice.
        expect(mergeEntries([], entries)).toEqual(entries);
        expect(mergeEntries(entries, entries)).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });

  it('an imported entry with a taken id and other content is kept under a new id', () => {
    const a = makeEntry(PRESETS[0].scenario, 'mine');
    const theirs: LibraryEntry = { ...a, name: 'theirs' };
    const [m] = mergeEntries([a], [theirs]);
    expect(m.name).toBe('theirs');
    expect(m.id).not.toBe(a.id);
  });

  it('a library file with a bad entry says where and imports nothing', () => {
    const good = makeEntry(PRESETS[0].scenario, 'good');
    const bad = { ...makeEntry(PRESETS[1].scenario, 'bad'), scenario: { ...PRESETS[1].scenario, groups: [{ count: -1, convictionProbability: 2, trialSentence: 5 }] } };
    const r = parseLibraryText(JSON.stringify({ format: 'holdout-library', version: 1, entries: [good, bad, 7] }));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const paths = r.errors.map((e) => e.path);
    expect(paths).toContain('entries[1].scenario.groups[0].count');
    expect(paths).toContain('entries[1].scenario.groups[0].convictionProbability');
    expect(paths).toContain('entries[2]');
    expect(parseLibraryText('{').ok).toBe(false);
    expect(parseLibraryText(JSON.stringify({ format: 'x' }))).toEqual({ ok: false, errors: [expect.objectContaining({ path: 'format' })] });
    expect(parseLibraryText(JSON.stringify({ format: 'holdout-library', version: 9, entries: [] }))).toEqual({ ok: false, errors: [expect.objectContaining({ path: 'version' })] });
  });

  it('storage errors say what happened', () => {
    const quota = storageError(Object.assign(new Error('QuotaExceededError: quota reached'), { name: 'QuotaExceededError' }), 'save “x”');
    expect(quota).toBeInstanceOf(LibraryError);
    expect(quota.reason).toBe('quota');
    expect(quota.message).toMatch(/^Could not save “x”: this browser's storage for the site is full/);
    const priv = storageError(Object.assign(new Error('The operation is insecure.'), { name: 'SecurityError' }), 'open the library');
    expect(priv.reason).toBe('unavailable');
    expect(priv.message).toContain('private browsing');
  });

  it('without IndexedDB the library says so', async () => {
    const saved = globalThis.indexedDB;
    // @ts-expect-error: a browser in private mode without IndexedDB
    delete globalThis.indexedDB;
    try {
      await expect(openLibrary()).rejects.toThrow(/no IndexedDB storage/);
    } finally {
      globalThis.indexedDB = saved;
    }
  });
});

describe('opening a scenario file', () => {
  it('file → scenario: every preset file opens to its scenario (round trip)', () => {
    for (const p of PRESETS) {
      const text = (scenarioFileText(p.scenario) as { value: string }).value;
      const r = openScenarioText(`${p.id}.scenario.json`, text);
      expect(r.ok).toBe(true);
      if (r.ok) expect(JSON.parse(text)).toEqual(r.doc);
    }
  });

  it('a file that fails shows every message with its field path', () => {
    const r = openScenarioText('bad.json', JSON.stringify({ schemaVersion: 1, groups: [{ count: 3, convictionProbability: 1.7, trialSentence: -1 }], prosecutor: { budget: 1, regime: 'nope' } }));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => e.path)).toEqual(expect.arrayContaining(['groups[0].convictionProbability', 'groups[0].trialSentence', 'prosecutor.regime']));
    const j = openScenarioText('broken.json', '{"schemaVersion": 1,');
    expect(j.ok === false && j.errors[0].text).toMatch(/^scenario: not valid JSON at line 1/);
  });
});

describe('older and newer scenario versions (the engine migrate step)', () => {
  const fixture = (name: string) => readFileSync(new URL(`../fixtures/migration/${name}`, import.meta.url), 'utf8');
  const old = fixture('2026-11-21_bgb-priority.scenario.json');
  const newer = fixture('from-a-newer-holdout.scenario.json');

  it('a file written before the weekly docket opens as it was written', () => {
    const r = openScenarioText('old.json', old);
    expect(r.ok && { name: r.name, doc: r.doc, migratedFrom: r.migratedFrom }).toEqual({ name: 'old.json', doc: JSON.parse(old), migratedFrom: undefined });
  });

  it('a library file holding an older entry imports it; a newer entry names its schemaVersion and imports nothing', () => {
    const entry = { id: 'a', name: 'old', notes: '', created: '2026-11-21T00:00:00.000Z', updated: '2026-11-21T00:00:00.000Z' };
    const lib = (scenarios: unknown[]) => JSON.stringify({ format: 'holdout-library', version: 1, entries: scenarios.map((scenario, i) => ({ ...entry, id: `e${i}`, scenario })) });
    const ok = parseLibraryText(lib([JSON.parse(old)]));
    expect(ok).toEqual({ ok: true, entries: [{ ...entry, id: 'e0', scenario: JSON.parse(old) }] });
    const bad = parseLibraryText(lib([JSON.parse(old), JSON.parse(newer)]));
    expect(bad).toEqual({
      ok: false,
      errors: [
        {
          path: 'entries[1].scenario.schemaVersion',
          message: 'must be 1, got 2: the scenario was written by a newer Holdout than this one; open it with a version that reads schemaVersion 2',
          text: 'entries[1].scenario.schemaVersion: must be 1, got 2: the scenario was written by a newer Holdout than this one; open it with a version that reads schemaVersion 2',
        },
      ],
    });
  });

  it('a file from a newer Holdout is not opened, and says why', () => {
    const r = openScenarioText('newer.json', newer);
    expect(r.ok === false && r.errors.map((e) => e.text)).toEqual([
      'schemaVersion: must be 1, got 2: the scenario was written by a newer Holdout than this one; open it with a version that reads schemaVersion 2',
    ]);
  });
});
