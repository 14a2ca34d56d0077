// A small cache of answers by a JSON value's content, without turning the value into JSON text:
// the status-quo panel keys its solve by the status-quo scenario's content, and JSON.stringify of
// a 10,000-group scenario took 25–90 ms of main thread on every change. Here a value is hashed by
// walking it (no strings built), and a hash hit is confirmed by a walk comparing the two values
// field by field, so two values share an answer only when their JSON texts would be equal.

/** A 32-bit hash of a JSON value's content (FNV-1a over its parts; keys in their order). */
export function contentHash(v: unknown): number {
  return walkHash(v, 0x811c9dc5);
}

function mix(h: number, x: number): number {
  return Math.imul(h ^ x, 0x01000193) >>> 0;
}

function hashString(h: number, s: string): number {
  h = mix(h, s.length);
  for (let i = 0; i < s.length; i++) h = mix(h, s.charCodeAt(i));
  return h;
}

/** A key's part of the hash: its length, first, middle and last characters (keys repeat a lot;
 * a hit is confirmed by sameContent anyway). */
function hashKey(h: number, k: string): number {
  const n = k.length;
  return n === 0 ? mix(h, 0) : mix(mix(h, n), (k.charCodeAt(0) << 16) ^ (k.charCodeAt(n >> 1) << 8) ^ k.charCodeAt(n - 1));
}

const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);

function walkHash(v: unknown, h: number): number {
  switch (typeof v) {
    case 'number':
      // −0 and 0 write the same JSON ("0"); non-finite numbers write "null".
      if (!Number.isFinite(v)) return mix(h, 2);
      f64[0] = v === 0 ? 0 : v;
      return mix(mix(mix(h, 3), u32[0]), u32[1]);
    case 'string':
      return hashString(mix(h, 4), v);
    case 'boolean':
      return mix(h, v ? 5 : 6);
    case 'object': {
      if (v === null) return mix(h, 2);
      if (Array.isArray(v)) {
        h = mix(mix(h, 7), v.length);
        for (const x of v) h = walkHash(x, h);
        return h;
      }
      h = mix(h, 8);
      const o = v as Record<string, unknown>;
      for (const k in o) {
        if (!Object.prototype.hasOwnProperty.call(o, k)) continue;
        const x = o[k];
        if (x === undefined || typeof x === 'function' || typeof x === 'symbol') continue;
        h = walkHash(x, hashKey(h, k));
      }
      return mix(h, 9);
    }
    default:
      return mix(h, 1);
  }
}

/**
 * True only when `JSON.stringify(a) === JSON.stringify(b)` (for values made of plain objects,
 * arrays, strings, finite numbers, booleans and null). It may answer false for some values whose
 * texts are equal (a NaN, say), which costs a cache miss, never a wrong answer.
 */
export function sameContent(a: unknown, b: unknown): boolean {
  if (a === b) return typeof a !== 'number' || Number.isFinite(a);
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) {
      const x: unknown = a[i];
      const y: unknown = b[i];
      if (x !== y || typeof x === 'number') if (!sameContent(x, y)) return false;
    }
    return true;
  }
  if (Array.isArray(b)) return false;
  const ao = a as Record<string, unknown>;
  const bo = b as Record<string, unknown>;
  const ak = Object.keys(ao);
  const bk = Object.keys(bo);
  if (ak.length === bk.length) {
    // The usual case: the same keys in the same order, none left out.
    let plain = true;
    for (let i = 0; i < ak.length; i++) {
      const k = ak[i];
      if (k !== bk[i]) {
        plain = false;
        break;
      }
      const x = ao[k];
      const y = bo[k];
      if (x === y && typeof x !== 'number' && !skipped(x)) continue;
      if (skipped(x) || skipped(y)) {
        plain = false;
        break;
      }
      if (!sameContent(x, y)) return false;
    }
    if (plain) return true;
  }
  let i = 0;
  let j = 0;
  for (;;) {
    while (i < ak.length && skipped(ao[ak[i]])) i++;
    while (j < bk.length && skipped(bo[bk[j]])) j++;
    if (i === ak.length || j === bk.length) return i === ak.length && j === bk.length;
    if (ak[i] !== bk[j] || !sameContent(ao[ak[i]], bo[bk[j]])) return false;
    i++;
    j++;
  }
}

function skipped(x: unknown): boolean {
  return x === undefined || typeof x === 'function' || typeof x === 'symbol';
}

/** Answers by content, most recent last, at most `size` of them. */
export class ContentCache<T> {
  private readonly entries: { hash: number; value: unknown; answer: T }[] = [];
  constructor(private readonly size: number) {}

  /** The entry whose value has `value`'s content (its hash given), or undefined. */
  find(value: unknown, hash: number): { value: unknown; answer: T } | undefined {
    for (let i = this.entries.length - 1; i >= 0; i--) {
      const e = this.entries[i];
      if (e.hash === hash && sameContent(e.value, value)) return e;
    }
    return undefined;
  }

  /** Remember `answer` for `value`'s content (replacing an entry of the same content). */
  set(value: unknown, hash: number, answer: T): void {
    for (let i = 0; i < this.entries.length; i++) {
      const e = this.entries[i];
      if (e.hash === hash && sameContent(e.value, value)) {
        this.entries.splice(i, 1);
        break;
      }
    }
    this.entries.push({ hash, value, answer });
    if (this.entries.length > this.size) this.entries.shift();
  }

  get length(): number {
    return this.entries.length;
  }
}
