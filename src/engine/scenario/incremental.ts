// Re-checking a draft after an edit without re-validating every group (issue 11 item 4: a
// 10,000-group scenario is 10,000 zod object parses, 60–250 ms, on every keystroke).
//
// A checker remembers each valid group it has seen: its fields (keys in order, values) and what
// the group schema made of it. A group whose fields are all plain values (no objects) and equal
// to a remembered one reuses that output; one that differs from the group at the same index in
// only one field (changed, or set where its default stood) re-validates that field alone (the group schema is a strict object of
// independent fields: no group-level rule), once per value (a lever moving every group's share
// asks it once, not 10,000 times); any other group is parsed whole. The rest of the
// scenario (every field but `groups`) is parsed by the same object schema without `groups`, the
// pieces are put together in the schema's key order, and the cross-field rules (rules.ts
// `checkScenario`) run on the result exactly as the whole schema runs them.
//
// Only a valid draft takes this path: the moment any part has a problem (a field, a group, the
// group count, a cross-field rule, an older schemaVersion), the checker answers with the whole
// `parseScenario` instead, so the messages, their paths and their order are the whole check's by
// construction. test/engine/incremental.test.ts checks with fast-check that the answer equals
// `parseScenario`'s on random drafts and random edit sequences.
import type { z } from 'zod';
import { finishScenario } from './compose';
import { migrateScenario, SCHEMA_VERSION } from './migrate';
import { parseScenario, type ParseResult } from './parse';
import { checkScenario } from './rules';
import { GroupSchema, MAX_GROUPS, ScenarioShape, type Scenario } from './schema';
import { LEVERS } from '../levers';

type Fields = { keys: string[]; values: unknown[] };
interface Seen extends Fields {
  out: Record<string, unknown>;
}

const GROUP_FIELDS = GroupSchema.shape as unknown as Record<string, z.ZodType>;
const SHELL = ScenarioShape.omit({ groups: true }) as unknown as z.ZodType<Record<string, unknown>>;
const SCENARIO_KEYS = Object.keys(ScenarioShape.shape);

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** The group's own fields when every value is a plain value (not an object), else null. */
function plainFields(g: Record<string, unknown>): Fields | null {
  const keys = Object.keys(g);
  const values: unknown[] = new Array(keys.length);
  for (let k = 0; k < keys.length; k++) {
    const v = g[keys[k]];
    if ((typeof v === 'object' && v !== null) || v === undefined) return null;
    values[k] = v;
  }
  return { keys, values };
}

/**
 * A copy of a group's output with `key` (when not '') set to `value`, built field by field in the
 * same order: every output group with the same keys then has one hidden class in V8 (a spread with
 * a computed key, or zod's own object, gives each copy a new one, and code reading groups through
 * six shapes is slower and compiled again as they appear).
 */
function copyFields(src: Record<string, unknown>, key: string, value: unknown): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const k in src) out[k] = k === key ? value : src[k];
  return out;
}

const OBJECT = Symbol('object');
const ARRAY = Symbol('array');
const END = Symbol('end');

/**
 * Plain data (plain objects, arrays without holes, strings, numbers, booleans, null, undefined)
 * as a list of tokens: two values with equal lists (Object.is, token by token) have the same
 * keys in the same order and the same leaves, so a schema gives both the same answer. Null for
 * anything else (a class instance, a function, a symbol, a hidden field, very deep nesting): no reuse.
 */
function flatten(v: unknown): unknown[] | null {
  const out: unknown[] = [];
  const walk = (x: unknown, depth: number): boolean => {
    if (x === null || (typeof x !== 'object' && typeof x !== 'function' && typeof x !== 'symbol')) {
      out.push(x);
      return true;
    }
    if (typeof x !== 'object' || depth > 16) return false;
    if (Array.isArray(x)) {
      out.push(ARRAY, x.length);
      for (let i = 0; i < x.length; i++) if (!(i in x) || !walk(x[i], depth + 1)) return false;
      out.push(END);
      return true;
    }
    const proto = Object.getPrototypeOf(x) as unknown;
    if (proto !== Object.prototype && proto !== null) return false;
    const keys = Object.keys(x);
    if (Object.getOwnPropertySymbols(x).length > 0 || Object.getOwnPropertyNames(x).length !== keys.length) return false;
    out.push(OBJECT);
    for (const k of keys) {
      out.push(k);
      if (!walk((x as Record<string, unknown>)[k], depth + 1)) return false;
    }
    out.push(END);
    return true;
  };
  return walk(v, 0) ? out : null;
}

function sameTokens(a: readonly unknown[], b: readonly unknown[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return false;
  return true;
}

/** Whether the object's own fields are still exactly the remembered ones (no allocation). */
function sameFields(g: Record<string, unknown>, f: Fields): boolean {
  let n = 0;
  for (const k in g) {
    if (n >= f.keys.length || k !== f.keys[n] || !Object.is(g[k], f.values[n])) return false;
    n++;
  }
  return n === f.keys.length;
}

/**
 * −1 when equal, the index in `b` of the one field that differs or that `b` adds (a field set
 * where it was left out), or −2 (more than that, or a field taken away).
 */
function oneDifference(a: Fields, b: Fields): number {
  if (b.keys.length === a.keys.length + 1) {
    let added = -1;
    for (let k = 0, j = 0; k < b.keys.length; k++) {
      if (j < a.keys.length && a.keys[j] === b.keys[k]) {
        if (!Object.is(a.values[j], b.values[k])) return -2;
        j++;
      } else if (added === -1) added = k;
      else return -2;
    }
    return added;
  }
  if (a.keys.length !== b.keys.length) return -2;
  let at = -1;
  for (let k = 0; k < a.keys.length; k++) {
    if (a.keys[k] !== b.keys[k]) return -2;
    if (!Object.is(a.values[k], b.values[k])) {
      if (at !== -1) return -2;
      at = k;
    }
  }
  return at;
}

export interface DraftChecker {
  /** The same answer as `parseScenario(raw)`, reusing what earlier checks learned. */
  check(raw: unknown): ParseResult;
  /**
   * Remember the groups of a document whose scenario was checked elsewhere (the engine worker's
   * parse of an opened file), so its first check here need not parse them again.
   */
  prime(doc: unknown, scenario: Scenario): void;
}

/** A checker with its own memory of valid groups. */
export function createDraftChecker(): DraftChecker {
  const byObject = new WeakMap<object, Seen>();
  let byIndex: (Seen | undefined)[] = [];
  // The last valid rest of the scenario (every field but groups), flattened, and its parse.
  let lastShell: { flat: unknown[]; data: Record<string, unknown> } | null = null;

  // A group field's schema on a plain value is a function of the value: one parse per value (a
  // lever that moves every group's share asks the same question 10,000 times). Not for 0 or −0
  // (a Map does not tell them apart).
  const fields = new Map<string, Map<unknown, { success: boolean; data?: unknown }>>();
  let remembered = 0;
  const field = (key: string, v: unknown): { success: boolean; data?: unknown } => {
    if (v === 0) return GROUP_FIELDS[key].safeParse(v);
    let m = fields.get(key);
    if (!m) fields.set(key, (m = new Map()));
    let r = m.get(v);
    if (!r) {
      if (++remembered > 100_000) {
        fields.clear();
        remembered = 0;
      }
      const p = GROUP_FIELDS[key].safeParse(v);
      r = p.success ? { success: true, data: p.data } : { success: false };
      m.set(v, r);
    }
    return r;
  };

  const remember = (g: object, f: Fields, out: Record<string, unknown>): Seen => {
    const s: Seen = { ...f, out };
    byObject.set(g, s);
    return s;
  };

  /** The group's output when it is valid, else null (the whole parse will say why). */
  const group = (g: unknown, i: number, next: (Seen | undefined)[]): unknown => {
    if (!isRecord(g)) return null;
    const known = byObject.get(g);
    if (known && sameFields(g, known)) {
      next[i] = known;
      return known.out;
    }
    const f = plainFields(g);
    if (f) {
      const before = byIndex[i];
      if (before) {
        const d = oneDifference(before, f);
        if (d === -1) {
          next[i] = remember(g, f, before.out);
          return before.out;
        }
        const key = d >= 0 ? f.keys[d] : '';
        if (d >= 0 && key in before.out && key in GROUP_FIELDS) {
          const r = field(key, f.values[d]);
          if (!r.success) return null;
          const out = copyFields(before.out, key, r.data);
          next[i] = remember(g, f, out);
          return out;
        }
      }
    }
    const r = GroupSchema.safeParse(g);
    if (!r.success) return null;
    const out = copyFields(r.data as Record<string, unknown>, '', undefined);
    if (f) next[i] = remember(g, f, out);
    return out;
  };

  const fast = (raw: unknown): ParseResult | null => {
    if (!isRecord(raw) || raw.schemaVersion !== SCHEMA_VERSION) return null;
    const m = migrateScenario(raw);
    if (!m.ok || m.migratedFrom !== undefined || m.doc !== raw) return null;
    const groups = raw.groups;
    if (!Array.isArray(groups) || groups.length < 1 || groups.length > MAX_GROUPS) return null;
    const rest: Record<string, unknown> = {};
    for (const k of Object.keys(raw)) if (k !== 'groups') rest[k] = raw[k];
    // The rest of the scenario as it was last time (a sweep or a phase diagram moves a group
    // field, or one of the rest, a point at a time): the same plain values give the same parse.
    const flat = flatten(rest);
    let shellData: Record<string, unknown>;
    if (flat !== null && lastShell !== null && sameTokens(flat, lastShell.flat)) shellData = lastShell.data;
    else {
      const shell = SHELL.safeParse(rest);
      if (!shell.success) return null;
      shellData = shell.data;
      lastShell = flat === null ? null : { flat, data: shellData };
    }
    const next: (Seen | undefined)[] = new Array(groups.length);
    const outs: unknown[] = new Array(groups.length);
    let ok = true;
    for (let i = 0; i < groups.length; i++) {
      const o = group(groups[i], i, next);
      if (o === null) {
        ok = false;
        break;
      }
      outs[i] = o;
    }
    if (!ok) return null;
    byIndex = next;
    // The object schema's output: its keys in the schema's order, as a whole parse makes it.
    const object: Record<string, unknown> = {};
    for (const k of SCENARIO_KEYS) {
      if (k === 'groups') object.groups = outs;
      else if (k in shellData) object[k] = shellData[k];
    }
    let broken = false;
    checkScenario(
      object as never,
      { addIssue: () => void (broken = true) } as unknown as Parameters<typeof checkScenario>[1],
      LEVERS,
    );
    if (broken) return null;
    return { ok: true, scenario: finishScenario(object as never, LEVERS) as Scenario, doc: raw as never };
  };

  return {
    check(raw) {
      try {
        const r = fast(raw);
        if (r) return r;
      } catch {
        // Whatever went wrong, the whole check answers (and words an internal error itself).
      }
      return parseScenario(raw);
    },
    prime(doc, scenario) {
      if (!isRecord(doc) || !Array.isArray(doc.groups)) return;
      const gs = doc.groups as unknown[];
      if (gs.length !== scenario.groups.length) return;
      const next: (Seen | undefined)[] = new Array(gs.length);
      gs.forEach((g, i) => {
        if (!isRecord(g)) return;
        const f = plainFields(g);
        if (f) next[i] = remember(g, f, scenario.groups[i] as unknown as Record<string, unknown>);
      });
      byIndex = next;
    },
  };
}
