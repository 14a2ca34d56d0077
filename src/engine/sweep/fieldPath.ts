// Dotted field paths into a scenario ("levers.strikeFund.fund", "groups[0].pledgedShare",
// "groups[*].pledgedShare" for every group): read one, or write a copy with a new value.

type Json = unknown;
type Step = string | number | '*';

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
    cur = (cur as Record<string | number, unknown>)[key];
  }
  return cur;
}

/** A copy of `obj` with `value` at `path` (structural sharing for untouched branches). */
export function setPath<T>(obj: T, path: string, value: unknown): T {
  const steps = parsePath(path);
  const rec = (cur: unknown, i: number): unknown => {
    if (i === steps.length) return value;
    const step = steps[i];
    if (step === '*') {
      const arr = Array.isArray(cur) ? cur : [];
      return arr.map((el) => rec(el, i + 1));
    }
    if (typeof step === 'number') {
      const arr = Array.isArray(cur) ? cur.slice() : [];
      arr[step] = rec(arr[step], i + 1);
      return arr;
    }
    const o = cur !== null && typeof cur === 'object' && !Array.isArray(cur) ? { ...(cur as object) } : {};
    (o as Record<string, unknown>)[step] = rec((o as Record<string, unknown>)[step], i + 1);
    return o;
  };
  return rec(obj, 0) as T;
}
