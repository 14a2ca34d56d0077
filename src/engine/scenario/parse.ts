// Reading a scenario: from any JSON value or from the text of a file. Never throws: bad input
// comes back as messages that name the field path (MODEL.md §6).
import { ScenarioSchema, type Scenario, type ScenarioInput } from './schema';
import { formatPath, issueMessages } from './messages';
import { migrateScenario } from './migrate';

export interface ValidationMessage {
  /** Field path, e.g. `groups[2].convictionProbability`; `scenario` for the whole file. */
  path: string;
  /** What is wrong, e.g. `must be at most 1, got 1.7`. */
  message: string;
  /** `${path}: ${message}`: one line, ready to print. */
  text: string;
}

export type ParseResult =
  | {
      ok: true;
      scenario: Scenario;
      /**
       * The document as written, upgraded to the current schemaVersion (no defaults applied):
       * what the editor, a link or the library keeps.
       */
      doc: ScenarioInput;
      /** The older schemaVersion it was written for, when migrate upgraded it. */
      migratedFrom?: number;
    }
  | { ok: false; errors: ValidationMessage[] };

function message(path: string, text: string): ValidationMessage {
  return { path, message: text, text: `${path}: ${text}` };
}

const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));

/**
 * Validate a scenario (any JSON value) and apply its defaults. The document first goes through
 * the migration step (migrate.ts): an older schemaVersion is upgraded, a newer one refused.
 */
export function parseScenario(raw: unknown): ParseResult {
  try {
    const m = migrateScenario(raw);
    if (!m.ok) return m;
    const input = m.doc;
    const r = ScenarioSchema.safeParse(input, { reportInput: true });
    if (r.success) {
      const doc = input as ScenarioInput;
      return m.migratedFrom === undefined
        ? { ok: true, scenario: r.data, doc }
        : { ok: true, scenario: r.data, doc, migratedFrom: m.migratedFrom };
    }
    const errors = issueMessages(r.error.issues, { input }).map((m) => message(m.path, m.message));
    if (errors.length === 0) errors.push(message('scenario', 'is not a valid scenario'));
    return { ok: false, errors };
  } catch (e) {
    // A bug, not bad input; still a message, so a worker or the CLI can show it.
    return {
      ok: false,
      errors: [message('scenario', `could not be checked (internal error: ${errorText(e)})`)],
    };
  }
}

/** Parse the text of a scenario file: JSON syntax errors give the line and column. */
export function parseScenarioText(text: string): ParseResult {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text; // a byte-order mark
  let value: unknown;
  try {
    value = JSON.parse(src);
  } catch (e) {
    return { ok: false, errors: [jsonSyntaxMessage(src, e)] };
  }
  // Valid JSON; a key written twice in one object would be silently dropped by JSON.parse.
  const dup = locateJsonError(src, { duplicates: true });
  if (dup) {
    const { line, column } = lineColumn(src, dup.pos);
    return {
      ok: false,
      errors: [
        message(
          formatPath(dup.path),
          `${dup.reason} (line ${line}, column ${column}); JSON readers would keep only the last, so remove one`,
        ),
      ],
    };
  }
  return parseScenario(value);
}

/** What `readScenarioFile` found in a file's bytes. */
export type ScenarioFileRead =
  /** Not UTF-8: the offset of the first bad byte. */
  | { utf8: false; at: number }
  /** The text (a byte-order mark dropped) and what `parseScenarioText` made of it. */
  | { utf8: true; text: string; parsed: ParseResult };

/**
 * Everything the page's file opener (src/app/openFile.ts) does with a file's bytes, for the engine
 * worker to do off the main thread: the UTF-8 check, the text, the JSON and duplicate-key scan,
 * the migration step and the validation. The opener words a bad byte itself.
 */
export function readScenarioFile(bytes: Uint8Array): ScenarioFileRead {
  const at = invalidUtf8At(bytes);
  if (at >= 0) return { utf8: false, at };
  const decoded = decodeUtf8(bytes);
  const text = decoded.charCodeAt(0) === 0xfeff ? decoded.slice(1) : decoded;
  return { utf8: true, text, parsed: parseScenarioText(text) };
}

/**
 * Read the bytes of a scenario file: text that is not valid UTF-8 is rejected with the offset of
 * the first bad byte (MODEL.md §6), instead of silently becoming U+FFFD.
 */
export function parseScenarioBytes(bytes: Uint8Array): ParseResult {
  const bad = invalidUtf8At(bytes);
  if (bad >= 0) {
    const before = bytes.subarray(0, bad);
    let line = 1;
    for (const b of before) if (b === 10) line++;
    return {
      ok: false,
      errors: [
        message(
          'scenario',
          `is not valid UTF-8 text: byte ${bad + 1} (line ${line}) is 0x${bytes[bad].toString(16).toUpperCase().padStart(2, '0')}, which does not start a valid UTF-8 character; save the file as UTF-8`,
        ),
      ],
    };
  }
  return parseScenarioText(decodeUtf8(bytes));
}

/** The offset of the first byte of the first sequence that breaks UTF-8 (RFC 3629: no overlongs, no surrogates, ≤ U+10FFFF), or −1. */
export function invalidUtf8At(b: Uint8Array): number {
  const n = b.length;
  let i = 0;
  while (i < n) {
    const c = b[i];
    if (c < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (c >= 0xc2 && c <= 0xdf) need = 1;
    else if (c >= 0xe0 && c <= 0xef) {
      need = 2;
      if (c === 0xe0) lo = 0xa0;
      if (c === 0xed) hi = 0x9f;
    } else if (c >= 0xf0 && c <= 0xf4) {
      need = 3;
      if (c === 0xf0) lo = 0x90;
      if (c === 0xf4) hi = 0x8f;
    } else return i;
    for (let k = 1; k <= need; k++) {
      if (i + k >= n) return i;
      const x = b[i + k];
      if (k === 1 ? x < lo || x > hi : x < 0x80 || x > 0xbf) return i;
    }
    i += need + 1;
  }
  return -1;
}

/** Decode bytes already checked to be valid UTF-8 (a byte-order mark is kept). */
export function decodeUtf8(b: Uint8Array): string {
  let out = '';
  let chunk: number[] = [];
  const flush = () => {
    out += String.fromCharCode(...chunk);
    chunk = [];
  };
  for (let i = 0; i < b.length; ) {
    const c = b[i];
    let cp: number;
    if (c < 0x80) {
      cp = c;
      i++;
    } else if (c < 0xe0) {
      cp = ((c & 0x1f) << 6) | (b[i + 1] & 0x3f);
      i += 2;
    } else if (c < 0xf0) {
      cp = ((c & 0x0f) << 12) | ((b[i + 1] & 0x3f) << 6) | (b[i + 2] & 0x3f);
      i += 3;
    } else {
      cp = ((c & 0x07) << 18) | ((b[i + 1] & 0x3f) << 12) | ((b[i + 2] & 0x3f) << 6) | (b[i + 3] & 0x3f);
      i += 4;
    }
    if (cp > 0xffff) {
      cp -= 0x10000;
      chunk.push(0xd800 + (cp >> 10), 0xdc00 + (cp & 0x3ff));
    } else chunk.push(cp);
    if (chunk.length >= 8192) flush();
  }
  flush();
  return out;
}

function jsonSyntaxMessage(src: string, e: unknown): ValidationMessage {
  const found = locateJsonError(src);
  if (found) {
    const { line, column } = lineColumn(src, found.pos);
    const where = found.reason.includes('NaN and Infinity') ? formatPath(found.path) : 'scenario';
    return message(where, `not valid JSON at line ${line}, column ${column}: ${found.reason}`);
  }
  // Our scanner found nothing wrong; fall back on what the JSON parser said.
  const reason = errorText(e);
  const at = /at position (\d+)/.exec(reason);
  if (at) {
    const { line, column } = lineColumn(src, Number(at[1]));
    const why = reason.replace(/\s*(in JSON )?at position \d+.*$/, '');
    return message('scenario', `not valid JSON at line ${line}, column ${column}: ${why}`);
  }
  return message('scenario', `not valid JSON: ${reason}`);
}

/** 1-based line and column (in code points) of a UTF-16 offset. */
export function lineColumn(src: string, pos: number): { line: number; column: number } {
  const end = Math.max(0, Math.min(pos, src.length));
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < end; i++) {
    if (src.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  let column = 1;
  for (let i = lineStart; i < end; i++) {
    const c = src.charCodeAt(i);
    // The second half of a surrogate pair does not start a new column.
    if (!(c >= 0xdc00 && c <= 0xdfff && i > lineStart && isHighSurrogate(src.charCodeAt(i - 1)))) {
      column++;
    }
  }
  return { line, column };
}

const isHighSurrogate = (c: number) => c >= 0xd800 && c <= 0xdbff;

function describeChar(src: string, pos: number): string {
  const cp = src.codePointAt(pos);
  if (cp === undefined) return 'end of input';
  const ch = String.fromCodePoint(cp);
  if (ch === "'") return `"'"`;
  if (cp < 0x20 || cp === 0x7f)
    return `control character U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
  return `'${ch}'`;
}

/** Where a scanned problem is: offset, why, and the field path (segments) it is in. */
export interface JsonProblem {
  pos: number;
  reason: string;
  /** Keys and indices of the containers around it (and the key itself for a duplicate). */
  path: (string | number)[];
  /** True for a key that appears twice in one object (the text is otherwise valid JSON). */
  duplicate?: boolean;
}

/**
 * Where the first JSON syntax error is, and why, or null when the text is valid JSON. With
 * `duplicates`, a key that appears twice in one object is a problem too (MODEL.md §6: JSON
 * parsers would silently keep the last). Each problem carries the field path it is in.
 * Iterative (no recursion), so deeply nested input cannot overflow the stack. The browsers'
 * JSON.parse messages differ (and some give no position), so we find it ourselves.
 */
export function locateJsonError(
  src: string,
  options: { duplicates?: boolean } = {},
): JsonProblem | null {
  let i = 0;
  const n = src.length;
  // Stack of open containers: '[' or '{', with the key or index being read and an object's keys.
  const stack: number[] = [];
  const seg: (string | number)[] = [];
  const keys: (Set<string> | null)[] = [];
  const ws = () => {
    while (i < n) {
      const c = src.charCodeAt(i);
      if (c === 32 || c === 9 || c === 10 || c === 13) i++;
      else break;
    }
  };
  const pathHere = () => seg.filter((x) => x !== -1) as (string | number)[];
  const fail = (reason: string, pos = i): JsonProblem => ({ pos, reason, path: pathHere() });
  const unexpected = (expected: string) =>
    i >= n
      ? fail(`unexpected end of input, expected ${expected}`)
      : fail(`unexpected ${describeChar(src, i)}, expected ${expected}`);

  const scanString = (): JsonProblem | null => {
    // At the opening quote.
    i++;
    while (i < n) {
      const c = src.charCodeAt(i);
      if (c === 34) {
        i++;
        return null;
      }
      if (c === 92) {
        const e = src[i + 1];
        if (e === undefined) return fail('unterminated string', n);
        if ('"\\/bfnrt'.includes(e)) {
          i += 2;
          continue;
        }
        if (e === 'u') {
          if (/^[0-9a-fA-F]{4}$/.test(src.slice(i + 2, i + 6))) {
            i += 6;
            continue;
          }
          return fail('bad \\u escape in string (needs 4 hex digits)');
        }
        return fail(`bad escape \\${e} in string`);
      }
      if (c < 0x20) {
        return fail(
          c === 10
            ? 'unterminated string (a line break inside a string must be written \\n)'
            : `${describeChar(src, i)} inside a string`,
        );
      }
      i++;
    }
    return fail('unterminated string', n);
  };

  const scanNumber = (): JsonProblem | null => {
    const m = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?/.exec(src.slice(i, i + 400));
    if (!m || m[0] === '-' || m[0] === '') return fail(`invalid number`);
    const after = src[i + m[0].length];
    if (after === '.' || after === 'e' || after === 'E')
      return fail('invalid number', i + m[0].length);
    if (after !== undefined && /[0-9]/.test(after))
      return fail('invalid number (leading zero)', i + 1);
    i += m[0].length;
    return null;
  };

  const open = (c: string) => {
    stack.push(c.charCodeAt(0));
    seg.push(c === '[' ? 0 : -1);
    keys.push(c === '{' && options.duplicates ? new Set<string>() : null);
  };
  const close = () => {
    stack.pop();
    seg.pop();
    keys.pop();
  };

  // Expecting a value (true) or just after one (false).
  let wantValue = true;
  for (;;) {
    ws();
    if (wantValue) {
      if (i >= n) return unexpected('a value');
      const c = src[i];
      if (c === '{' || c === '[') {
        const closer = c === '{' ? '}' : ']';
        open(c);
        i++;
        ws();
        if (src[i] === closer) {
          close();
          i++;
          wantValue = false;
        } else if (c === '{') {
          const k = scanKey();
          if (k) return k;
        }
        continue;
      }
      let e: JsonProblem | null = null;
      if (c === '"') e = scanString();
      else if (/^-?(NaN|Infinity)/.test(src.slice(i, i + 9))) {
        e = fail(`unexpected ${describeChar(src, i)}: NaN and Infinity are not JSON numbers`);
      } else if (c === '-' || (c >= '0' && c <= '9')) e = scanNumber();
      else if (src.startsWith('true', i)) i += 4;
      else if (src.startsWith('false', i)) i += 5;
      else if (src.startsWith('null', i)) i += 4;
      else if (c === "'") e = fail(`unexpected "'": strings need double quotes`);
      else e = unexpected('a value');
      if (e) return e;
      wantValue = false;
      continue;
    }
    const top = stack[stack.length - 1];
    if (top === undefined) {
      if (i < n) return fail(`unexpected ${describeChar(src, i)} after the end of the JSON value`);
      return null;
    }
    const c = src[i];
    const closer = top === 123 ? '}' : ']';
    if (c === ',') {
      i++;
      ws();
      if (src[i] === closer) {
        return fail(
          `unexpected '${closer}': no comma may follow the last ${top === 123 ? 'field' : 'item'}`,
        );
      }
      if (top === 123) {
        const k = scanKey();
        if (k) return k;
      } else seg[seg.length - 1] = (seg[seg.length - 1] as number) + 1;
      wantValue = true;
      continue;
    }
    if (c === closer) {
      close();
      i++;
      continue;
    }
    return unexpected(`',' or '${closer}'`);
  }

  /** At a key inside an object: "key" then ':'; leaves i at the value, wantValue true. */
  function scanKey(): JsonProblem | null {
    ws();
    if (src[i] !== '"') {
      if (i >= n) return unexpected('a field name in double quotes');
      return fail(`unexpected ${describeChar(src, i)}, expected a field name in double quotes`);
    }
    const at = i;
    const e = scanString();
    if (e) return e;
    let key: string;
    try {
      key = JSON.parse(src.slice(at, i)) as string;
    } catch {
      key = src.slice(at + 1, i - 1);
    }
    seg[seg.length - 1] = key;
    const seen = keys[keys.length - 1];
    if (seen) {
      if (seen.has(key)) {
        return {
          pos: at,
          reason: `the key ${JSON.stringify(key)} appears twice in this object`,
          path: pathHere(),
          duplicate: true,
        };
      }
      seen.add(key);
    }
    ws();
    if (src[i] !== ':') return unexpected("':'");
    i++;
    wantValue = true;
    return null;
  }
}
