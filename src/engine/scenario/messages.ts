// Turn zod issues into messages a person can act on: each names the field path and the rule,
// and shows the value that broke it, e.g.
//   groups[2].convictionProbability: must be at most 1, got 1.7
// Pure TypeScript (the engine runs in browsers and workers too).
import type { z } from 'zod';
import { ScenarioShape } from './schema';

type Issue = z.core.$ZodIssue;
type Segment = PropertyKey;

export interface IssueMessage {
  /** The field path: dots for keys, [i] for indices; `scenario` for the whole file. */
  path: string;
  /** What is wrong, without the path. */
  message: string;
}

/** Longest "got" value shown, in code points. */
const MAX_SHOWN = 60;

/** At most this many messages; the rest are counted in one last message. */
export const MAX_MESSAGES = 50;

/** Longest field name shown in a path, in code points (a 1 MB unknown key prints 80). */
export const MAX_KEY_SHOWN = 80;

const IDENT = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** `groups[2].convictionProbability`; the empty path is `scenario`. */
export function formatPath(path: readonly Segment[]): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else if (typeof seg === 'string' && seg.length <= MAX_KEY_SHOWN && IDENT.test(seg)) {
      out += out === '' ? seg : `.${seg}`;
    } else {
      const key = String(seg);
      out += `[${safeJson(key.length > MAX_KEY_SHOWN ? truncate(key.slice(0, 2 * MAX_KEY_SHOWN), MAX_KEY_SHOWN) : key) ?? '?'}]`;
    }
  }
  return out === '' ? 'scenario' : out;
}

function truncate(s: string, max = MAX_SHOWN): string {
  const cps = [...s];
  return cps.length <= max ? s : cps.slice(0, max - 1).join('') + '…';
}

function safeJson(v: unknown): string | undefined {
  try {
    return JSON.stringify(v);
  } catch {
    return undefined;
  }
}

/**
 * Compact JSON of at most about `max` characters, written only as far as needed: a huge or
 * deeply nested input costs nothing. NaN and ±Infinity (possible in a JavaScript object) show
 * as themselves.
 */
function preview(v: unknown, max: number): string {
  let out = '';
  const emit = (s: string) => {
    out += s;
    return out.length <= max;
  };
  const walk = (x: unknown): boolean => {
    if (x === null || x === undefined) return emit('null');
    switch (typeof x) {
      case 'number':
      case 'boolean':
        return emit(String(x));
      case 'bigint':
        return emit(`${x.toString()}n`);
      case 'string':
        return emit(safeJson(x.length > max ? x.slice(0, max + 1) : x) ?? '""');
      case 'object':
        break;
      default:
        return emit('null');
    }
    if (Array.isArray(x)) {
      if (!emit('[')) return false;
      for (let i = 0; i < x.length; i++) {
        if (i > 0 && !emit(',')) return false;
        if (!walk(x[i])) return false;
      }
      return emit(']');
    }
    if (!emit('{')) return false;
    let first = true;
    for (const k of Object.keys(x)) {
      const val = (x as Record<string, unknown>)[k];
      if (val === undefined || typeof val === 'function' || typeof val === 'symbol') continue;
      if (!first && !emit(',')) return false;
      first = false;
      if (!emit(`${safeJson(k.length > max ? k.slice(0, max + 1) : k) ?? '""'}:`)) return false;
      if (!walk(val)) return false;
    }
    return emit('}');
  };
  try {
    walk(v);
  } catch {
    // A getter that throws, a proxy: show what was written so far.
  }
  return truncate(out, max);
}

/** The value as it would read in the file: compact JSON, strings quoted, long values cut. */
export function showValue(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (typeof v === 'number') return String(v);
  if (typeof v === 'string') {
    const cps = [...v.slice(0, 2 * MAX_SHOWN)];
    const cut = cps.length > MAX_SHOWN - 2 ? cps.slice(0, MAX_SHOWN - 3).join('') + '…' : v;
    return safeJson(cut) ?? '""';
  }
  if (typeof v === 'symbol' || typeof v === 'function') return typeof v;
  return preview(v, MAX_SHOWN);
}

/** The JSON type name of a value ("array", "null", ...). */
function jsonType(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  return typeof v;
}

/** `string "abc"`, `array [1,2]`, `null`: a value with its type, for type errors. */
function showTyped(v: unknown): string {
  const t = jsonType(v);
  if (t === 'null') return 'null';
  if (t === 'undefined') return 'nothing';
  if (t === 'symbol' || t === 'function') return t;
  return `${t} ${showValue(v)}`;
}

const num = (x: number | bigint) => x.toString();

// ---------------------------------------------------------------------------------------------
// Reading the schema at a path (for the allowed keys of an object, and nullability).

interface ZodLike {
  _zod: {
    def: {
      type: string;
      innerType?: ZodLike;
      shape?: Record<string, ZodLike>;
      element?: ZodLike;
      in?: ZodLike;
    };
  };
}

const WRAPPERS = new Set([
  'default',
  'prefault',
  'optional',
  'nullable',
  'readonly',
  'catch',
  'nonoptional',
]);

/** Strip wrappers (default, optional, nullable, pipe ...); reports whether null is allowed. */
function unwrap(schema: ZodLike): { schema: ZodLike; nullable: boolean } {
  let s = schema;
  let nullable = false;
  for (let guard = 0; guard < 32; guard++) {
    const def = s._zod.def;
    if (def.type === 'nullable') nullable = true;
    if (WRAPPERS.has(def.type) && def.innerType) s = def.innerType;
    else if (def.type === 'pipe' && def.in) s = def.in;
    else break;
  }
  return { schema: s, nullable };
}

function schemaAt(root: ZodLike, path: readonly Segment[]): ZodLike | undefined {
  let s: ZodLike | undefined = root;
  for (const seg of path) {
    if (!s) return undefined;
    const def: ZodLike['_zod']['def'] = unwrap(s).schema._zod.def;
    if (def.type === 'object' && typeof seg === 'string' && def.shape) {
      s = Object.prototype.hasOwnProperty.call(def.shape, seg) ? def.shape[seg] : undefined;
    } else if (def.type === 'array' && typeof seg === 'number' && def.element) {
      s = def.element;
    } else {
      return undefined;
    }
  }
  return s;
}

function allowedKeys(root: ZodLike, path: readonly Segment[]): string[] | undefined {
  const s = schemaAt(root, path);
  if (!s) return undefined;
  const def = unwrap(s).schema._zod.def;
  return def.type === 'object' && def.shape ? Object.keys(def.shape) : undefined;
}

function acceptsNull(root: ZodLike, path: readonly Segment[]): boolean {
  const s = schemaAt(root, path);
  return s ? unwrap(s).nullable : false;
}

// ---------------------------------------------------------------------------------------------

/** The value at `path` inside `root`, and whether the last key is present at all. */
function lookup(root: unknown, path: readonly Segment[]): { found: boolean; value: unknown } {
  let v: unknown = root;
  for (const seg of path) {
    if (v === null || typeof v !== 'object') return { found: false, value: undefined };
    if (!Object.prototype.hasOwnProperty.call(v, seg)) return { found: false, value: undefined };
    v = (v as Record<PropertyKey, unknown>)[seg];
  }
  return { found: true, value: v };
}

interface Context {
  hasRoot: boolean;
  root: unknown;
  schema: ZodLike;
}

/** The input an issue is about: the issue's own `input` (reportInput) or the value at its path. */
function inputOf(issue: Issue, path: readonly Segment[], ctx: Context) {
  if ('input' in issue && issue.input !== undefined) return { missing: false, value: issue.input };
  if (ctx.hasRoot) {
    const { found, value } = lookup(ctx.root, path);
    return { missing: !found || value === undefined, value };
  }
  return { missing: true, value: undefined };
}

const EXPECTED: Record<string, string> = {
  number: 'a number',
  int: 'an integer',
  string: 'a string',
  boolean: 'true or false',
  object: 'an object',
  array: 'an array',
  null: 'null',
};

function describeType(issue: z.core.$ZodIssueInvalidType, path: Segment[], ctx: Context): string {
  const { missing, value } = inputOf(issue, path, ctx);
  const received = (issue as { received?: unknown }).received;
  if (missing && received === undefined) return 'is required';
  const numeric = issue.expected === 'number' || issue.expected === 'int';
  if (typeof value === 'number' && !Number.isFinite(value)) {
    return `must be a finite number, got ${showValue(value)}`;
  }
  if (numeric && (received === 'NaN' || received === 'Infinity' || received === '-Infinity')) {
    return `must be a finite number, got ${String(received)}`;
  }
  if (issue.expected === 'int' && typeof value === 'number') {
    return `must be an integer, got ${showValue(value)}`;
  }
  let want = EXPECTED[issue.expected] ?? issue.expected;
  if (issue.expected !== 'null' && acceptsNull(ctx.schema, path)) want += ' or null';
  return `must be ${want}, got ${showTyped(value)}`;
}

function plural(n: number | bigint, one: string, many: string) {
  return `${num(n)} ${n.toString() === '1' ? one : many}`;
}

function sizeOf(value: unknown, origin: string): string | undefined {
  if ((origin === 'array' || origin === 'set') && Array.isArray(value)) {
    return plural(value.length, 'item', 'items');
  }
  if (origin === 'string' && typeof value === 'string') {
    return plural([...value].length, 'character', 'characters');
  }
  return undefined;
}

function describeBound(
  issue: z.core.$ZodIssueTooBig | z.core.$ZodIssueTooSmall,
  path: Segment[],
  ctx: Context,
): string {
  const big = issue.code === 'too_big';
  const bound = big
    ? (issue as z.core.$ZodIssueTooBig).maximum
    : (issue as z.core.$ZodIssueTooSmall).minimum;
  const { value } = inputOf(issue, path, ctx);
  const o = issue.origin;
  if (o === 'number' || o === 'int' || o === 'bigint') {
    const rule =
      issue.inclusive === false
        ? big
          ? `must be less than ${num(bound)}`
          : `must be greater than ${num(bound)}`
        : big
          ? `must be at most ${num(bound)}`
          : `must be at least ${num(bound)}`;
    return value === undefined ? rule : `${rule}, got ${showValue(value)}`;
  }
  if (o === 'array' || o === 'set' || o === 'string') {
    const unit: [string, string] = o === 'string' ? ['character', 'characters'] : ['item', 'items'];
    const n = issue.inclusive === false ? (big ? Number(bound) - 1 : Number(bound) + 1) : bound;
    const rule = issue.exact
      ? `must have exactly ${plural(n, ...unit)}`
      : big
        ? `must have at most ${plural(n, ...unit)}`
        : `must have at least ${plural(n, ...unit)}`;
    const got = sizeOf(value, o);
    return got === undefined ? rule : `${rule}, got ${got}`;
  }
  return issue.message;
}

function describeValue(issue: z.core.$ZodIssueInvalidValue, path: Segment[], ctx: Context) {
  const { missing, value } = inputOf(issue, path, ctx);
  if (missing) return 'is required';
  const options = issue.values.map((x) => showValue(x));
  const rule =
    options.length === 1 ? `must be ${options[0]}` : `must be one of ${options.join(', ')}`;
  return `${rule}, got ${showValue(value)}`;
}

const RANKING_RULE = 'must be optimal, arrival, byValue, random, or a list of defendant numbers';

function visit(issue: Issue, prefix: readonly Segment[], ctx: Context, out: IssueMessage[]) {
  const path = [...prefix, ...issue.path];
  const push = (p: readonly Segment[], message: string) =>
    out.push({ path: formatPath(p), message });

  switch (issue.code) {
    case 'invalid_type':
      push(path, describeType(issue, path, ctx));
      return;
    case 'too_big':
    case 'too_small':
      push(path, describeBound(issue, path, ctx));
      return;
    case 'invalid_value':
      push(path, describeValue(issue, path, ctx));
      return;
    case 'unrecognized_keys': {
      const allowed = allowedKeys(ctx.schema, path);
      const rule = allowed ? `unknown field (allowed: ${allowed.join(', ')})` : 'unknown field';
      // 200,000 unknown keys: no need to walk them all, the list is capped below.
      for (const key of issue.keys.slice(0, MAX_MESSAGES + 1)) push([...path, key], rule);
      if (issue.keys.length > MAX_MESSAGES + 1) {
        const more = issue.keys.length - MAX_MESSAGES - 1;
        for (let i = 0; i < more; i++) out.push(OVERFLOW);
      }
      return;
    }
    case 'invalid_union': {
      // When the value has the right shape for exactly one option and only fails deeper
      // inside it (a ranking list with a bad entry), report those deeper failures.
      const deeper = issue.errors.filter(
        (branch) => branch.length > 0 && branch.every((i) => i.path.length > 0),
      );
      if (deeper.length === 1) {
        for (const inner of deeper[0]) visit(inner, path, ctx, out);
        return;
      }
      const { missing, value } = inputOf(issue, path, ctx);
      if (missing) {
        push(path, 'is required');
        return;
      }
      const rule =
        path[path.length - 1] === 'ranking' ? RANKING_RULE : 'is not any of the allowed forms';
      push(path, `${rule}, got ${showValue(value)}`);
      return;
    }
    case 'custom':
      push(path, issue.message);
      return;
    default:
      push(path, issue.message);
  }
}

/** Stands for one more unknown key beyond the cap (counted, never shown). */
const OVERFLOW: IssueMessage = { path: '', message: '' };

/**
 * The first {@link MAX_MESSAGES} messages, then one that counts the rest:
 * `scenario: …and 199,953 more problems`. A file with 200,000 unknown keys prints 51 lines.
 */
export function capMessages<M extends IssueMessage>(
  messages: readonly M[],
  make: (path: string, message: string) => M,
): M[] {
  if (messages.length <= MAX_MESSAGES) return [...messages];
  const rest = messages.length - MAX_MESSAGES;
  return [
    ...messages.slice(0, MAX_MESSAGES),
    make(
      'scenario',
      `…and ${rest.toLocaleString('en-US')} more ${rest === 1 ? 'problem' : 'problems'}`,
    ),
  ];
}

/**
 * Messages for zod issues, in the order zod reports them, without duplicates, capped at
 * {@link MAX_MESSAGES} (then a count of the rest).
 * `input` (the value that was parsed) lets a message show the offending value when the issue
 * does not carry it; `schema` is the schema the issues came from (default: the scenario).
 */
export function issueMessages(
  issues: readonly Issue[],
  options: { input?: unknown; schema?: unknown } = {},
): IssueMessage[] {
  const ctx: Context = {
    hasRoot: 'input' in options,
    root: options.input,
    schema: (options.schema ?? ScenarioShape) as ZodLike,
  };
  // A cross-field rule (custom) at the same path as a basic error (wrong type, out of range)
  // only restates it: `groups: []` is too short, so "every count is 0" adds nothing.
  const basic = new Set<string>();
  for (const issue of issues) {
    if (issue.code !== 'custom') basic.add(formatPath(issue.path));
  }
  const all: IssueMessage[] = [];
  for (const issue of issues) {
    if (issue.code === 'custom' && basic.has(formatPath(issue.path))) continue;
    visit(issue, [], ctx, all);
  }
  const seen = new Set<string>();
  const unique = all.filter((m) => {
    if (m === OVERFLOW) return true;
    const key = `${m.path}: ${m.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return capMessages(unique, (path, message) => ({ path, message }));
}
