// The library: scenarios kept in this browser's IndexedDB (through `idb`), each with a name,
// notes and when it was created and last updated; the current draft, autosaved; and the whole
// library as one file, for a backup or another browser. Every storage failure becomes a
// LibraryError whose message says what happened (quota, private browsing), never a silent loss.
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { parseScenario, type ValidationMessage } from '../engine';
import { upgradeScenario } from '../engine';
import type { ScenarioInput } from '../engine';
import { jsonText } from './jsonText';

export interface LibraryEntry {
  id: string;
  name: string;
  notes: string;
  /** ISO 8601 times. */
  created: string;
  updated: string;
  scenario: ScenarioInput;
}

export interface SavedDraft {
  draft: ScenarioInput;
  presetId: string | null;
  saved: string;
}

/**
 * The draft as stored: its JSON text rather than the object, because IndexedDB clones an
 * object synchronously on the main thread (a 10,000-group draft took a quarter of a second per
 * autosave) while a string clones at once. Drafts saved as objects (before) still load.
 */
interface StoredDraft {
  draft?: ScenarioInput;
  draftText?: string;
  presetId: string | null;
  saved: string;
}

interface HoldoutDB extends DBSchema {
  scenarios: { key: string; value: LibraryEntry; indexes: { updated: string } };
  state: { key: string; value: StoredDraft };
}

function fromStored(s: StoredDraft | undefined): SavedDraft | undefined {
  if (!s) return undefined;
  // The draft goes through the engine's migrate step, like a file or a link.
  if (typeof s.draftText === 'string')
    return { draft: upgradeScenario(JSON.parse(s.draftText) as ScenarioInput), presetId: s.presetId, saved: s.saved };
  return s.draft === undefined ? undefined : { draft: upgradeScenario(s.draft), presetId: s.presetId, saved: s.saved };
}

export const DB_NAME = 'holdout';
const DB_VERSION = 1;
export const LIBRARY_FORMAT = 'holdout-library';
export const LIBRARY_FORMAT_VERSION = 1;

export class LibraryError extends Error {
  constructor(
    message: string,
    readonly reason: 'quota' | 'unavailable' | 'other',
  ) {
    super(message);
  }
}

/** What a storage failure means for the person using the app. */
export function storageError(e: unknown, doing: string): LibraryError {
  const name = (e as { name?: string } | null)?.name ?? '';
  const detail = e instanceof Error ? e.message : String(e);
  if (name === 'QuotaExceededError' || /quota/i.test(detail)) {
    return new LibraryError(`Could not ${doing}: this browser's storage for the site is full. Export the library to a file, delete old scenarios, or free space, then try again.`, 'quota');
  }
  if (name === 'InvalidStateError' || name === 'SecurityError' || name === 'UnknownError' || /indexedDB|not available|private/i.test(detail)) {
    return new LibraryError(`Could not ${doing}: this browser does not let the page store data (private browsing, or storage turned off). Your work stays on screen; export it to a file to keep it.`, 'unavailable');
  }
  return new LibraryError(`Could not ${doing}: ${detail || name || 'storage error'}.`, 'other');
}

export interface Library {
  list(): Promise<LibraryEntry[]>;
  get(id: string): Promise<LibraryEntry | undefined>;
  put(entry: LibraryEntry): Promise<void>;
  remove(id: string): Promise<void>;
  saveDraft(d: SavedDraft): Promise<void>;
  loadDraft(): Promise<SavedDraft | undefined>;
  close(): void;
}

let counter = 0;
/** A new entry id (time and a counter: unique in this browser, sortable). */
export function newId(now: number = Date.now()): string {
  counter = (counter + 1) % 1_000_000;
  return `s${now.toString(36)}${counter.toString(36).padStart(4, '0')}${Math.floor(performance.now() * 1000).toString(36).slice(-4)}`;
}

async function guard<T>(doing: string, f: () => Promise<T>): Promise<T> {
  try {
    return await f();
  } catch (e) {
    throw e instanceof LibraryError ? e : storageError(e, doing);
  }
}

export async function openLibrary(): Promise<Library> {
  if (typeof indexedDB === 'undefined') throw new LibraryError('Could not open the library: this browser has no IndexedDB storage (private browsing, or storage turned off). Export your work to a file to keep it.', 'unavailable');
  const db: IDBPDatabase<HoldoutDB> = await guard('open the library', () =>
    openDB<HoldoutDB>(DB_NAME, DB_VERSION, {
      upgrade(d) {
        const s = d.createObjectStore('scenarios', { keyPath: 'id' });
        s.createIndex('updated', 'updated');
        d.createObjectStore('state');
      },
    }),
  );
  return {
    list: () => guard('read the library', async () => (await db.getAll('scenarios')).map(upgradeEntry).sort((a, b) => b.updated.localeCompare(a.updated) || a.name.localeCompare(b.name))),
    get: (id) => guard('read the library', async () => {
      const e = await db.get('scenarios', id);
      return e && upgradeEntry(e);
    }),
    put: (entry) => guard(`save “${entry.name}”`, async () => void (await db.put('scenarios', entry))),
    remove: (id) => guard('delete from the library', () => db.delete('scenarios', id)),
    saveDraft: (d) =>
      guard('autosave the draft', async () => {
        const stored: StoredDraft = { draftText: jsonText(d.draft), presetId: d.presetId, saved: d.saved };
        await db.put('state', stored, 'draft');
      }),
    loadDraft: () => guard('read the autosaved draft', async () => fromStored(await db.get('state', 'draft'))),
    close: () => db.close(),
  };
}

/** A stored entry with its scenario upgraded to the current schemaVersion (stored by an older Holdout). */
function upgradeEntry(e: LibraryEntry): LibraryEntry {
  const scenario = upgradeScenario(e.scenario);
  return scenario === e.scenario ? e : { ...e, scenario };
}

/** A new entry for a scenario. */
export function makeEntry(scenario: ScenarioInput, name: string, notes = '', now = new Date()): LibraryEntry {
  const t = now.toISOString();
  return { id: newId(now.getTime()), name: name.trim() || 'Untitled scenario', notes, created: t, updated: t, scenario };
}

export function duplicateEntry(e: LibraryEntry, now = new Date()): LibraryEntry {
  return { ...makeEntry(e.scenario, `${e.name} (copy)`, e.notes, now) };
}

/** The whole library as one JSON file. */
export function exportLibraryText(entries: readonly LibraryEntry[], now = new Date()): string {
  return `${JSON.stringify({ format: LIBRARY_FORMAT, version: LIBRARY_FORMAT_VERSION, exported: now.toISOString(), entries }, null, 2)}\n`;
}

const msg = (path: string, message: string): ValidationMessage => ({ path, message, text: `${path}: ${message}` });
const isObj = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * Reads a library file: every entry checked (fields and scenario, with field paths such as
 * `entries[2].scenario.groups[0].count`); nothing is imported unless every entry is valid.
 */
export function parseLibraryText(text: string): { ok: true; entries: LibraryEntry[] } | { ok: false; errors: ValidationMessage[] } {
  let doc: unknown;
  try {
    doc = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    return { ok: false, errors: [msg('library', `not valid JSON (${e instanceof Error ? e.message : String(e)})`)] };
  }
  if (!isObj(doc) || doc.format !== LIBRARY_FORMAT) return { ok: false, errors: [msg('format', `not a Holdout library file (expected "format": "${LIBRARY_FORMAT}")`)] };
  if (typeof doc.version !== 'number' || doc.version > LIBRARY_FORMAT_VERSION) return { ok: false, errors: [msg('version', `library format ${String(doc.version)} is newer than this Holdout reads (${LIBRARY_FORMAT_VERSION})`)] };
  if (!Array.isArray(doc.entries)) return { ok: false, errors: [msg('entries', 'must be a list')] };
  const errors: ValidationMessage[] = [];
  const entries: LibraryEntry[] = [];
  doc.entries.forEach((e: unknown, i: number) => {
    const at = `entries[${i}]`;
    if (!isObj(e)) {
      errors.push(msg(at, 'must be an object'));
      return;
    }
    for (const k of ['id', 'name', 'created', 'updated'] as const) if (typeof e[k] !== 'string') errors.push(msg(`${at}.${k}`, 'must be a string'));
    if (e.notes !== undefined && typeof e.notes !== 'string') errors.push(msg(`${at}.notes`, 'must be a string'));
    const r = parseScenario(e.scenario);
    if (!r.ok) for (const m of r.errors) errors.push(msg(`${at}.scenario${m.path && m.path !== 'scenario' ? `.${m.path}` : ''}`, m.message));
    // Kept as written, upgraded to the current schemaVersion (the engine's migrate step).
    if (errors.length === 0 && r.ok) entries.push({ id: e.id as string, name: e.name as string, notes: (e.notes as string | undefined) ?? '', created: e.created as string, updated: e.updated as string, scenario: r.doc });
  });
  return errors.length ? { ok: false, errors } : { ok: true, entries };
}

/**
 * Merges imported entries into a library: an entry whose id is already there with other
 * content gets a new id (both are kept); an identical one is skipped.
 */
export function mergeEntries(existing: readonly LibraryEntry[], incoming: readonly LibraryEntry[]): LibraryEntry[] {
  const byId = new Map(existing.map((e) => [e.id, e]));
  const out: LibraryEntry[] = [];
  for (const e of incoming) {
    const have = byId.get(e.id);
    if (!have) out.push(e);
    else if (JSON.stringify(have) !== JSON.stringify(e)) out.push({ ...e, id: newId() });
  }
  return out;
}
