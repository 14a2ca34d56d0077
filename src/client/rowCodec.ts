// A solve's per-defendant rows as columns for the trip from the worker to the page: structured
// cloning 7,000 row objects cost ~10 ms of main thread per result (issue 12, slider to chart);
// a few typed arrays are transferred for free and the rows rebuilt in ~1 ms. Lossless: the rows
// decoded are equal to the rows encoded, field by field, with the same keys in the same order.
// A result screen's kinds of defendant travel the same way: at 10,000 groups they are 10,000
// objects of 20 fields (2.3 MB as JSON), whose structured clone the page paid on every answer.
import type { DefendantRow, KindInfo, Outcome } from '../engine';

const OUTCOMES: readonly Outcome[] = ['plea', 'tried', 'free', 'refuse'];

// bits: outcome (2), then flags.
const THREATENED = 1 << 2;
const WITHHELD = 1 << 3;
const PLEDGED = 1 << 4;
const NEVER = 1 << 5;
const COVERED = 1 << 6;
const RANK_NULL = 1 << 7;
const OFFER_NULL = 1 << 8;
const TP_NULL = 1 << 9;
const HAS_ARRIVAL = 1 << 10;
const HAS_TRIAL_WEEK = 1 << 11;
const TRIAL_WEEK_NULL = 1 << 12;

export interface PackedRows {
  packedRows: true;
  n: number;
  id: Float64Array;
  group: Float64Array;
  rank: Float64Array;
  offer: Float64Array;
  trialProbability: Float64Array;
  arrivalWeek: Float64Array;
  trialWeek: Float64Array;
  bits: Uint16Array;
}

/** Below this many rows a solve's answer is sent as it is. */
export const PACK_FROM = 256;

export function packRows(rows: readonly DefendantRow[]): PackedRows | null {
  const n = rows.length;
  const p: PackedRows = {
    packedRows: true,
    n,
    id: new Float64Array(n),
    group: new Float64Array(n),
    rank: new Float64Array(n),
    offer: new Float64Array(n),
    trialProbability: new Float64Array(n),
    arrivalWeek: new Float64Array(n),
    trialWeek: new Float64Array(n),
    bits: new Uint16Array(n),
  };
  for (let i = 0; i < n; i++) {
    const r = rows[i];
    const o = OUTCOMES.indexOf(r.outcome);
    if (o < 0) return null; // not a row this codec knows: send it as it is
    let b = o;
    if (r.threatened) b |= THREATENED;
    if (r.withheld) b |= WITHHELD;
    if (r.pledged) b |= PLEDGED;
    if (r.never) b |= NEVER;
    if (r.covered) b |= COVERED;
    p.id[i] = r.id;
    p.group[i] = r.group;
    if (r.rank === null) b |= RANK_NULL;
    else p.rank[i] = r.rank;
    if (r.offer === null) b |= OFFER_NULL;
    else p.offer[i] = r.offer;
    if (r.trialProbability === null) b |= TP_NULL;
    else p.trialProbability[i] = r.trialProbability;
    if ('arrivalWeek' in r) {
      b |= HAS_ARRIVAL;
      p.arrivalWeek[i] = r.arrivalWeek as number;
    }
    if ('trialWeek' in r) {
      b |= HAS_TRIAL_WEEK;
      if (r.trialWeek === null) b |= TRIAL_WEEK_NULL;
      else p.trialWeek[i] = r.trialWeek as number;
    }
    // Keys beyond the known ones would be lost: send such rows as they are.
    if (Object.keys(r).length !== 11 + (b & HAS_ARRIVAL ? 1 : 0) + (b & HAS_TRIAL_WEEK ? 1 : 0))
      return null;
    p.bits[i] = b;
  }
  return p;
}

export function unpackRows(p: PackedRows, from = 0, to = p.n, into?: DefendantRow[]): DefendantRow[] {
  const rows: DefendantRow[] = into ?? new Array<DefendantRow>(p.n);
  for (let i = from; i < to; i++) {
    const b = p.bits[i];
    const r: DefendantRow = {
      id: p.id[i],
      group: p.group[i],
      rank: b & RANK_NULL ? null : p.rank[i],
      outcome: OUTCOMES[b & 3],
      offer: b & OFFER_NULL ? null : p.offer[i],
      threatened: (b & THREATENED) !== 0,
      withheld: (b & WITHHELD) !== 0,
      pledged: (b & PLEDGED) !== 0,
      never: (b & NEVER) !== 0,
      covered: (b & COVERED) !== 0,
      trialProbability: b & TP_NULL ? null : p.trialProbability[i],
    };
    if (b & HAS_ARRIVAL) r.arrivalWeek = p.arrivalWeek[i];
    if (b & HAS_TRIAL_WEEK) r.trialWeek = b & TRIAL_WEEK_NULL ? null : p.trialWeek[i];
    rows[i] = r;
  }
  return rows;
}

const isPacked = (v: unknown): v is PackedRows =>
  typeof v === 'object' && v !== null && (v as { packedRows?: unknown }).packedRows === true;

/** A solve's answer ({ ok, value: Result }) with its rows packed, and the buffers to transfer. */
export function packSolveAnswer(answer: unknown): { answer: unknown; transfer: ArrayBuffer[] } {
  const a = answer as { ok?: unknown; value?: { defendants?: unknown } } | null;
  const rows = a?.ok === true ? a.value?.defendants : undefined;
  if (!Array.isArray(rows) || rows.length < PACK_FROM) return { answer, transfer: [] };
  const p = packRows(rows as DefendantRow[]);
  if (!p) return { answer, transfer: [] };
  const transfer = [p.id, p.group, p.rank, p.offer, p.trialProbability, p.arrivalWeek, p.trialWeek, p.bits].map(
    (x) => x.buffer as ArrayBuffer,
  );
  return { answer: { ...a, value: { ...a!.value, defendants: p } }, transfer };
}

/** The inverse of packSolveAnswer (any other answer passes through). */
export function unpackSolveAnswer(answer: unknown): unknown {
  const a = answer as { ok?: unknown; value?: { defendants?: unknown } } | null;
  const d = a?.ok === true ? a.value?.defendants : undefined;
  if (!isPacked(d)) return answer;
  return { ...a, value: { ...a!.value, defendants: unpackRows(d) } };
}

// The kinds' numeric fields, in KindInfo's key order (src/engine/population/kinds.ts): `kind`,
// `group`, then `sub`, then these, then fixedOffer and the three flags.
const KIND_NUMBERS = ['count', 'p', 'S', 'K', 'd', 'c', 'delta', 'e', 'w', 'L', 'eHat', 'Lb', 'eHatB'] as const;
const KIND_KEYS = ['kind', 'group', 'sub', ...KIND_NUMBERS, 'fixedOffer', 'pledged', 'never', 'covered'];
const SUBS: readonly KindInfo['sub'][] = ['plain', 'never', 'pledgedCovered', 'pledgedUncovered'];
const K_PLEDGED = 1 << 2;
const K_NEVER = 1 << 3;
const K_COVERED = 1 << 4;
const K_OFFER_NULL = 1 << 5;

export interface PackedKinds {
  packedKinds: true;
  n: number;
  /** kind, group, the KIND_NUMBERS, fixedOffer: n values each, one after the other. */
  numbers: Float64Array;
  /** sub (2 bits), then flags. */
  bits: Uint8Array;
}

const KIND_COLUMNS = 3 + KIND_NUMBERS.length;

/** The kinds as columns, or null when one is not a KindInfo this codec knows (sent as it is). */
export function packKinds(kinds: readonly KindInfo[]): PackedKinds | null {
  const n = kinds.length;
  const numbers = new Float64Array(n * KIND_COLUMNS);
  const bits = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const k = kinds[i];
    const keys = Object.keys(k);
    if (keys.length !== KIND_KEYS.length) return null;
    for (let j = 0; j < keys.length; j++) if (keys[j] !== KIND_KEYS[j]) return null;
    const sub = SUBS.indexOf(k.sub);
    if (sub < 0 || typeof k.kind !== 'number' || typeof k.group !== 'number') return null;
    let b = sub;
    if (k.pledged === true) b |= K_PLEDGED;
    else if (k.pledged !== false) return null;
    if (k.never === true) b |= K_NEVER;
    else if (k.never !== false) return null;
    if (k.covered === true) b |= K_COVERED;
    else if (k.covered !== false) return null;
    numbers[i] = k.kind;
    numbers[n + i] = k.group;
    for (let j = 0; j < KIND_NUMBERS.length; j++) {
      const v = k[KIND_NUMBERS[j]];
      if (typeof v !== 'number') return null;
      numbers[(2 + j) * n + i] = v;
    }
    if (k.fixedOffer === null) b |= K_OFFER_NULL;
    else if (typeof k.fixedOffer === 'number') numbers[(KIND_COLUMNS - 1) * n + i] = k.fixedOffer;
    else return null;
    bits[i] = b;
  }
  return { packedKinds: true, n, numbers, bits };
}

export function unpackKinds(p: PackedKinds, from = 0, to = p.n, into?: KindInfo[]): KindInfo[] {
  const { n, numbers: x, bits } = p;
  const out = into ?? new Array<KindInfo>(n);
  for (let i = from; i < to; i++) {
    const b = bits[i];
    out[i] = {
      kind: x[i],
      group: x[n + i],
      sub: SUBS[b & 3],
      count: x[2 * n + i],
      p: x[3 * n + i],
      S: x[4 * n + i],
      K: x[5 * n + i],
      d: x[6 * n + i],
      c: x[7 * n + i],
      delta: x[8 * n + i],
      e: x[9 * n + i],
      w: x[10 * n + i],
      L: x[11 * n + i],
      eHat: x[12 * n + i],
      Lb: x[13 * n + i],
      eHatB: x[14 * n + i],
      fixedOffer: b & K_OFFER_NULL ? null : x[15 * n + i],
      pledged: (b & K_PLEDGED) !== 0,
      never: (b & K_NEVER) !== 0,
      covered: (b & K_COVERED) !== 0,
    };
  }
  return out;
}

const isPackedKinds = (v: unknown): v is PackedKinds =>
  typeof v === 'object' && v !== null && (v as { packedKinds?: unknown }).packedKinds === true;

/**
 * A resultScreen answer ({ ok, value: { result, kinds, … } }) with its result's rows and its
 * kinds packed (each when there are PACK_FROM or more and the codec knows them).
 */
export function packResultScreenAnswer(answer: unknown): { answer: unknown; transfer: ArrayBuffer[] } {
  const a = answer as { ok?: unknown; value?: { result?: unknown; kinds?: unknown } } | null;
  if (a?.ok !== true || !a.value) return { answer, transfer: [] };
  const inner = packSolveAnswer({ ok: true, value: a.value.result });
  const kinds = a.value.kinds;
  const packedKinds =
    Array.isArray(kinds) && kinds.length >= PACK_FROM ? packKinds(kinds as KindInfo[]) : null;
  if (inner.transfer.length === 0 && !packedKinds) return { answer, transfer: [] };
  const value: Record<string, unknown> = { ...a.value };
  const transfer = inner.transfer;
  if (inner.transfer.length > 0) value.result = (inner.answer as { value: unknown }).value;
  if (packedKinds) {
    value.kinds = packedKinds;
    transfer.push(packedKinds.numbers.buffer as ArrayBuffer, packedKinds.bits.buffer as ArrayBuffer);
  }
  return { answer: { ...a, value }, transfer };
}

/** The inverse of packResultScreenAnswer (any other answer passes through). */
export function unpackResultScreenAnswer(answer: unknown): unknown {
  const a = answer as { ok?: unknown; value?: { result?: unknown; kinds?: unknown } } | null;
  if (a?.ok !== true || !a.value) return answer;
  const inner = unpackSolveAnswer({ ok: true, value: a.value.result });
  const result = (inner as { value: unknown }).value;
  const kinds = isPackedKinds(a.value.kinds) ? unpackKinds(a.value.kinds) : a.value.kinds;
  return result === a.value.result && kinds === a.value.kinds
    ? answer
    : { ...a, value: { ...a.value, result, kinds } };
}

// A large answer is unpacked in slices with the main thread given back between them: at 10,000
// groups the 19,999 rows and 10,000 kinds were one task of 16–63 ms (under load) before React
// even rendered them.

/** Objects rebuilt per slice (a few milliseconds of main thread). */
export const UNPACK_SLICE = 4096;

/** Give the main thread back (scheduler.yield where there is one, else a message: not throttled like a timer). */
export function yieldToMain(): Promise<void> {
  const s = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof s?.yield === 'function') return s.yield();
  return new Promise((resolve) => {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => {
      ch.port1.close();
      resolve();
    };
    ch.port2.postMessage(null);
  });
}

async function sliced<P extends { n: number }, T>(
  p: P,
  unpack: (p: P, from: number, to: number, into: T[]) => T[],
  slice: number,
): Promise<T[]> {
  const out = new Array<T>(p.n);
  for (let from = 0; from < p.n; from += slice) {
    if (from > 0) await yieldToMain();
    unpack(p, from, Math.min(p.n, from + slice), out);
  }
  return out;
}

/** unpackSolveAnswer, or unpackResultScreenAnswer, a slice at a time. */
export async function unpackAnswerSliced(
  method: 'solve' | 'resultScreen',
  answer: unknown,
  slice: number = UNPACK_SLICE,
): Promise<unknown> {
  if (method === 'solve') {
    const a = answer as { ok?: unknown; value?: { defendants?: unknown } } | null;
    const d = a?.ok === true ? a.value?.defendants : undefined;
    if (!isPacked(d)) return answer;
    return { ...a, value: { ...a!.value, defendants: await sliced(d, unpackRows, slice) } };
  }
  const a = answer as { ok?: unknown; value?: { result?: { defendants?: unknown }; kinds?: unknown } } | null;
  if (a?.ok !== true || !a.value) return answer;
  const d = a.value.result?.defendants;
  const k = a.value.kinds;
  const result = isPacked(d) ? { ...a.value.result, defendants: await sliced(d, unpackRows, slice) } : a.value.result;
  if (isPacked(d) && isPackedKinds(k)) await yieldToMain();
  const kinds = isPackedKinds(k) ? await sliced(k, unpackKinds, slice) : k;
  return result === a.value.result && kinds === k ? answer : { ...a, value: { ...a.value, result, kinds } };
}
