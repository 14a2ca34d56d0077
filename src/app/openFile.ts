// Opening a scenario file in the browser (the JSON view's "Open file…", drag and drop): the same
// size cap as the command-line runner, refused before a byte is read; text that is not UTF-8
// is refused with a word instead of becoming U+FFFD. Never throws: every outcome is a message
// that names a path, and the text is kept whenever there is one.
import { parseScenarioText, type ValidationMessage } from '../engine';
import type { Scenario } from '../engine';
import { formatBytes, MAX_SCENARIO_FILE_BYTES } from '../engine';

/** What the opener needs of a File: its name, size and bytes. */
export interface FileLike {
  name: string;
  size: number;
  arrayBuffer(): Promise<ArrayBuffer>;
}

export type Opened =
  /** The text (kept in the editor whatever its problems) and the scenario when it is valid. */
  | { ok: true; name: string; text: string; scenario: Scenario }
  | { ok: false; name: string; text: string | null; errors: ValidationMessage[] };

const fileMsg = (message: string): ValidationMessage => ({
  path: 'file',
  message,
  text: `file: ${message}`,
});

/** Read and check a scenario file. `limit` is for tests; the app uses the 64 MiB cap. */
export async function openScenarioFile(
  file: FileLike,
  limit = MAX_SCENARIO_FILE_BYTES,
): Promise<Opened> {
  const name = String(file.name ?? 'file');
  if (!(file.size <= limit)) {
    return {
      ok: false,
      name,
      text: null,
      errors: [
        fileMsg(
          `is ${formatBytes(file.size)}, larger than ${formatBytes(limit)}, the largest scenario file Holdout reads`,
        ),
      ],
    };
  }
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await file.arrayBuffer());
  } catch (e) {
    return {
      ok: false,
      name,
      text: null,
      errors: [fileMsg(`could not be read (${e instanceof Error ? e.message : String(e)})`)],
    };
  }
  if (bytes.length > limit) {
    return {
      ok: false,
      name,
      text: null,
      errors: [
        fileMsg(`is larger than ${formatBytes(limit)}, the largest scenario file Holdout reads`),
      ],
    };
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return {
      ok: false,
      name,
      text: null,
      errors: [fileMsg(`is not UTF-8 text at byte ${firstBadUtf8(bytes) + 1}; save it as UTF-8`)],
    };
  }
  const r = parseScenarioText(text);
  return r.ok
    ? { ok: true, name, text, scenario: r.scenario }
    : { ok: false, name, text, errors: r.errors };
}

/** The offset of the first byte that does not start or continue valid UTF-8. */
export function firstBadUtf8(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i];
    let n: number;
    let min: number;
    if (c < 0x80) {
      i++;
      continue;
    } else if (c >= 0xc2 && c <= 0xdf) {
      n = 1;
      min = 0x80;
    } else if (c >= 0xe0 && c <= 0xef) {
      n = 2;
      min = 0x800;
    } else if (c >= 0xf0 && c <= 0xf4) {
      n = 3;
      min = 0x10000;
    } else return i;
    let cp = c & (0x3f >> n);
    for (let k = 1; k <= n; k++) {
      const d = b[i + k];
      if (d === undefined || (d & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (d & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += n + 1;
  }
  return -1;
}
