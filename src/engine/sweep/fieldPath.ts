// Dotted field paths into a scenario ("levers.strikeFund.fund", "groups[0].pledgedShare",
// "groups[*].pledgedShare" for every group): read one, or write a copy with a new value.

type Json = unknown;
type Step = string | number | '*';

/**
 * Derived group fields a sweep may set. `pledgedShareOfRest`: the share of the members who are
 * not never-pleaders that sign the pledge (sets pledgedShare = x·(1 − neverPleadsShare)), so
 * "every group pledges x" stays a valid scenario when some groups are all hard core.
 */
export const DERIVED_GROUP_FIELDS: Record<
  string,
  {
    /** Axis label and unit (the schema's fields carry theirs in their metadata). */
    title: string;
    unit: string;
    set: (group: Record<string, unknown>, x: number) => Record<string, unknown>;
    get: (group: Record<string, unknown>) => unknown;
  }
> = {
  pledgedShareOfRest: {
    title: 'Pledged share of those not in the hard core',
    unit: 'share',
    set: (g, x) => pledgeShareOfRest(g, x),
    get: (g) => shareOfRest(g),
  },
  /** Docket: every member arrives in week x (firstWeek = lastWeek = x): a one-time wave. */
  waveWeek: {
    title: 'Arrival week of the whole group (a one-time wave)',
    unit: 'week',
    set: (g, x) => ({ ...g, firstWeek: x, lastWeek: x }),
    get: (g) => Number(g.firstWeek ?? 0),
  },
};

type GroupLike = Record<string, unknown>;

const restOf = (g: GroupLike) => {
  const never = g.neverPleadsShare;
  return 1 - (typeof never === 'number' && Number.isFinite(never) ? never : 0);
};

/**
 * The one "every group pledges x" rule (the quick levers' slider and the sweep and phase field
 * `groups[*].pledgedShareOfRest`): x of the members who are not never-pleaders sign, so
 * pledgedShare = x·(1 − neverPleadsShare) and pledged + never-pleaders ≤ 1 for every x in [0, 1].
 * A group that is all hard core pledges no one.
 */
export function pledgeShareOfRest<G extends GroupLike>(group: G, x: number): G {
  return { ...group, pledgedShare: x * Math.max(0, restOf(group)) };
}

/** x for one group: its pledged share of the members who are not never-pleaders (0 when none are). */
function shareOfRest(g: GroupLike): number {
  const rest = restOf(g);
  const pledged = typeof g.pledgedShare === 'number' ? g.pledgedShare : 0;
  return rest > 0 ? pledged / rest : 0;
}

/** A copy of the scenario in which every group pledges x (pledgeShareOfRest on each group). */
export function pledgeAllGroups<T>(scenario: T, x: number): T {
  return setPath(scenario, 'groups[*].pledgedShareOfRest', x);
}

/**
 * The x of "every group pledges x" to show for a scenario: that of the first group that can
 * pledge at all (not all never-pleaders), else of the first group, else 0.
 */
export function allGroupsPledgeShare(scenario: unknown): number {
  const groups = (scenario as { groups?: unknown } | null)?.groups;
  if (!Array.isArray(groups) || groups.length === 0) return 0;
  const isGroup = (g: unknown): g is GroupLike => g !== null && typeof g === 'object';
  const g = groups.find((x) => isGroup(x) && restOf(x) > 0) ?? groups[0];
  return isGroup(g) ? shareOfRest(g) : 0;
}

export function parsePath(path: string): Step[] {
  const steps: Step[] = [];
  const re = /([^.[\]]+)|\[(\d+|\*)\]/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(path)) !== null) {
    if (m[1] !== undefined) steps.push(m[1]);
    else steps.push(m[2] === '*' ? '*' : Number(m[2]));
  }
  return steps;
}

/** The value at a path (for `[*]`, the first element's). */
export function getPath(obj: Json, path: string): unknown {
  let cur: unknown = obj;
  for (const step of parsePath(path)) {
    if (cur === null || typeof cur !== 'object') return undefined;
    const key = step === '*' ? 0 : step;
    if (typeof key === 'string' && DERIVED_GROUP_FIELDS[key]) {
      return DERIVED_GROUP_FIELDS[key].get(cur as Record<string, unknown>);
    }
    cur = (cur as Record<string | number, unknown>)[key];
  }
  return cur;
}

// A sweep or phase diagram sets the same one or two paths at every point: parsed once each.
const parsedPaths = new Map<string, readonly Step[]>();

function stepsOf(path: string): readonly Step[] {
  let steps = parsedPaths.get(path);
  if (steps === undefined) {
    if (parsedPaths.size >= 256) parsedPaths.clear();
    steps = parsePath(path);
    parsedPaths.set(path, steps);
  }
  return steps;
}

/** A copy of `obj` with `value` at `path` (structural sharing for untouched branches). */
export function setPath<T>(obj: T, path: string, value: unknown): T {
  return setAt(obj, stepsOf(path), 0, value) as T;
}

/** `cur` with `value` at steps[i..] (a plain function, not a closure made per call). */
function setAt(cur: unknown, steps: readonly Step[], i: number, value: unknown): unknown {
  if (i === steps.length) return value;
  const step = steps[i];
  if (i === steps.length - 1 && typeof step === 'string' && DERIVED_GROUP_FIELDS[step]) {
    const o = cur !== null && typeof cur === 'object' ? (cur as Record<string, unknown>) : {};
    return DERIVED_GROUP_FIELDS[step].set(o, Number(value));
  }
  if (step === '*') {
    const arr = Array.isArray(cur) ? cur : [];
    return arr.map((el) => setAt(el, steps, i + 1, value));
  }
  if (typeof step === 'number') {
    const arr = Array.isArray(cur) ? cur.slice() : [];
    arr[step] = setAt(arr[step], steps, i + 1, value);
    return arr;
  }
  const o = cur !== null && typeof cur === 'object' && !Array.isArray(cur) ? { ...(cur as object) } : {};
  (o as Record<string, unknown>)[step] = setAt((o as Record<string, unknown>)[step], steps, i + 1, value);
  return o;
}
