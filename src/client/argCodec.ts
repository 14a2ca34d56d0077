// A large scenario's trip to a worker as a patch against the last one that worker was sent: an
// argument holding 1,000 groups or more (a 10,000-group scenario: each solve, each sweep batch,
// each warm-up cell) is posted whole once (a structured clone, 5–27 ms of main thread at 10,000
// groups), then as its top-level fields and the groups that are not the very objects sent last
// time (the draft check keeps the parsed group of every group an edit left alone, so a lever
// move sends no group and a field edit one). The worker rebuilds the scenario from its copy of
// the last one (workers/engine.worker.ts): the same values, keys in the same order, as the
// structured clone of the whole would give, since every part of it was structured-cloned once.
// Each worker has its own sender and receiver, in step because a worker reads its messages in
// the order they were posted; a worker replaced (cancelled, crashed) starts again with a whole one.

/** From this many groups a scenario argument travels as a patch when it can. */
export const PATCH_FROM_GROUPS = 1_000;

type Plain = Record<string, unknown>;

/** obj[key] = value as an own data property, whatever the key (`__proto__` included). */
const put = (obj: Plain, key: string, value: unknown) =>
  Object.defineProperty(obj, key, { value, writable: true, enumerable: true, configurable: true });

/** A scenario sent whole: the worker keeps it as the base of the next patch. */
export interface WholeScenario {
  holdoutScenario: 'whole';
  value: Plain;
}

/** A scenario as a patch against the base: its own keys, in order, and the changed groups. */
export interface ScenarioPatch {
  holdoutScenario: 'patch';
  /** The scenario's keys in order; `groups` among them. */
  keys: string[];
  /** Every field but `groups`. */
  fields: Plain;
  length: number;
  /** [index, group] for each group that is not the base's group at that index. */
  changed: [number, unknown][];
}

function isPatchable(v: unknown): v is Plain & { groups: unknown[] } {
  if (typeof v !== 'object' || v === null || Object.getPrototypeOf(v) !== Object.prototype) return false;
  const groups = (v as { groups?: unknown }).groups;
  return (
    Array.isArray(groups) &&
    groups.length >= PATCH_FROM_GROUPS &&
    Object.getPrototypeOf(groups) === Array.prototype &&
    Object.prototype.hasOwnProperty.call(v, 'groups')
  );
}

/** The page's side for one worker: packs each call's arguments. */
export function createScenarioSender() {
  let base: { groups: readonly unknown[] } | null = null;
  return {
    pack(args: readonly unknown[]): unknown[] {
      return args.map((a) => {
        if (!isPatchable(a)) return a;
        const groups = a.groups;
        const n = groups.length;
        for (let i = 0; i < n; i++) if (!(i in groups)) return a; // holes: as it is
        const last = base;
        base = { groups };
        if (last) {
          const changed: [number, unknown][] = [];
          const limit = n >> 1;
          for (let i = 0; i < n && changed.length <= limit; i++)
            if (i >= last.groups.length || groups[i] !== last.groups[i]) changed.push([i, groups[i]]);
          if (changed.length <= limit) {
            const fields: Plain = {};
            for (const k of Object.keys(a)) if (k !== 'groups') put(fields, k, a[k]);
            return { holdoutScenario: 'patch', keys: Object.keys(a), fields, length: n, changed } satisfies ScenarioPatch;
          }
        }
        return { holdoutScenario: 'whole', value: a } satisfies WholeScenario;
      });
    },
    /** Forget the base (the next large scenario goes whole). */
    reset() {
      base = null;
    },
  };
}

const kindOf = (v: unknown): unknown =>
  typeof v === 'object' && v !== null ? (v as { holdoutScenario?: unknown }).holdoutScenario : undefined;

/** The worker's side: unpacks each call's arguments against the last scenario it rebuilt. */
export function createScenarioReceiver() {
  let base: { groups: unknown[] } | null = null;
  return {
    unpack(args: readonly unknown[]): unknown[] {
      return args.map((a) => {
        const kind = kindOf(a);
        if (kind === 'whole') {
          const value = (a as WholeScenario).value;
          base = value as { groups: unknown[] };
          return value;
        }
        if (kind !== 'patch') return a;
        const p = a as ScenarioPatch;
        if (!base) throw new Error('A scenario patch arrived without its base.');
        const groups = base.groups.slice(0, p.length);
        for (const [i, g] of p.changed) groups[i] = g;
        const value: Plain = {};
        for (const k of p.keys) put(value, k, k === 'groups' ? groups : p.fields[k]);
        base = value as { groups: unknown[] };
        return value;
      });
    },
  };
}
