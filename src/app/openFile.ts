// The one way a file is opened in the browser: the header's "Open file…", drag and drop on the
// page, the JSON view's "Open file…", and the library's "Import library…". Every file gets the
// same size cap as the command-line runner (refused before a byte is read) and the same UTF-8
// check (text that is not UTF-8 is refused with the byte, instead of becoming U+FFFD); a scenario
// is then read by the engine's parse entry (JSON syntax with line and column, the migration step,
// validation with field paths). Never throws: every outcome is a message that names a path, and
// the text is kept whenever there is one. A file of OFF_THREAD_BYTES or more is read in the engine
// worker (its bytes transferred; the engine's readScenarioFile does the same steps), so a
// 10,000-group file does not hold the page for the duplicate-key scan and the schema; the draft
// check is then told the worker's answer (primeDraftCheck) instead of parsing every group again.
import {
  invalidUtf8At,
  parseScenarioText,
  type ParseResult,
  type ScenarioFileRead,
  type ValidationMessage,
} from '../engine';
import type { Scenario, ScenarioInput } from '../engine';
import { formatBytes, MAX_SCENARIO_FILE_BYTES } from '../engine';
import { enginePool } from '../client';
import { primeDraftCheck } from '../components/editor/useScenarioDraft';

/** What the opener needs of a File: its name, size and bytes. */
export interface FileLike {
  name: string;
  size: number;
  arrayBuffer(): Promise<ArrayBuffer>;
}

export type FileText =
  | { ok: true; name: string; text: string }
  | { ok: false; name: string; text: null; errors: ValidationMessage[] };

export type Opened =
  /**
   * The text (kept in the editor whatever its problems), the scenario when it is valid, and the
   * document to load as the draft: as written (no defaults added), after the engine's migration
   * step when the file is from an older schema version (`migratedFrom`).
   */
  | { ok: true; name: string; text: string; scenario: Scenario; doc: ScenarioInput; migratedFrom?: number }
  | { ok: false; name: string; text: string | null; errors: ValidationMessage[] };

const fileMsg = (message: string): ValidationMessage => ({
  path: 'file',
  message,
  text: `file: ${message}`,
});

type FileProblem = Extract<FileText, { ok: false }>;
const tooLarge = (name: string, message: string): FileProblem => ({ ok: false, name, text: null, errors: [fileMsg(message)] });
const notUtf8 = (name: string, at: number): FileProblem => ({
  ok: false,
  name,
  text: null,
  errors: [fileMsg(`is not UTF-8 text at byte ${at + 1}; save it as UTF-8`)],
});

/** Files this large or larger are read in the engine worker. */
export const OFF_THREAD_BYTES = 256 * 1024;

/** Reads a file's bytes elsewhere (the engine worker's readScenarioFile); may take the bytes. */
export type ReadScenarioBytes = (bytes: Uint8Array) => Promise<ScenarioFileRead>;

const inEngineWorker: ReadScenarioBytes = (bytes) => enginePool().run('readScenarioFile', [bytes]);

/** A file's text: at most `limit` bytes (64 MiB in the app), UTF-8 (a byte-order mark dropped). */
export async function readFileText(file: FileLike, limit = MAX_SCENARIO_FILE_BYTES): Promise<FileText> {
  const b = await readBytes(file, limit);
  return 'bytes' in b ? textOf(b.name, b.bytes) : b;
}

async function readBytes(file: FileLike, limit: number): Promise<{ name: string; bytes: Uint8Array } | FileProblem> {
  const name = String(file.name ?? 'file');
  if (!(file.size <= limit)) {
    return tooLarge(name, `is ${formatBytes(file.size)}, larger than ${formatBytes(limit)}, the largest scenario file Holdout reads`);
  }
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await file.arrayBuffer());
  } catch (e) {
    return { ok: false, name, text: null, errors: [fileMsg(`could not be read (${e instanceof Error ? e.message : String(e)})`)] };
  }
  if (bytes.length > limit) {
    return tooLarge(name, `is larger than ${formatBytes(limit)}, the largest scenario file Holdout reads`);
  }
  return { name, bytes };
}

function textOf(name: string, bytes: Uint8Array): FileText {
  const bad = invalidUtf8At(bytes);
  if (bad >= 0) return notUtf8(name, bad);
  // The default decoder drops a byte-order mark; the bytes are known to be UTF-8.
  return { ok: true, name, text: new TextDecoder('utf-8').decode(bytes) };
}

/** A scenario file's text, read by the engine's parse entry. */
export function openScenarioText(name: string, text: string): Opened {
  return openedFrom(name, text, parseScenarioText(text));
}

/** What the engine worker's readScenarioFile found, as the opener says it. */
export function openedFromRead(name: string, read: ScenarioFileRead): Opened {
  return read.utf8 ? openedFrom(name, read.text, read.parsed) : notUtf8(name, read.at);
}

function openedFrom(name: string, text: string, r: ParseResult): Opened {
  if (!r.ok) return { ok: false, name, text, errors: r.errors };
  // The engine's migrated document when its parse gives one; else the JSON as written.
  const m = r as typeof r & { doc?: ScenarioInput; migratedFrom?: number };
  const doc = m.doc ?? (JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text) as ScenarioInput);
  return m.migratedFrom === undefined
    ? { ok: true, name, text, scenario: r.scenario, doc }
    : { ok: true, name, text, scenario: r.scenario, doc, migratedFrom: m.migratedFrom };
}

/**
 * Read and check a scenario file. `limit` is for tests (the app uses the 64 MiB cap), and so are
 * `offThread` (where a large file is read; null reads every file here) and `offThreadBytes`.
 * Should the worker fail, the file is read again and checked here.
 */
export async function openScenarioFile(
  file: FileLike,
  limit = MAX_SCENARIO_FILE_BYTES,
  offThread: ReadScenarioBytes | null = inEngineWorker,
  offThreadBytes = OFF_THREAD_BYTES,
): Promise<Opened> {
  const b = await readBytes(file, limit);
  if (!('bytes' in b)) return b;
  if (offThread && b.bytes.length >= offThreadBytes) {
    try {
      const opened = openedFromRead(b.name, await offThread(b.bytes));
      if (opened.ok) primeDraftCheck(opened.doc, opened.scenario);
      return opened;
    } catch {
      // The worker could not answer (it died twice, or the bytes could not be sent): read it here.
      const again = await readBytes(file, limit);
      if (!('bytes' in again)) return again;
      b.bytes = again.bytes;
    }
  }
  const t = textOf(b.name, b.bytes);
  return t.ok ? openScenarioText(t.name, t.text) : t;
}
