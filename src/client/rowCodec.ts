// A solve's per-defendant rows as columns for the trip from the worker to the page: structured
// cloning 7,000 row objects cost ~10 ms of main thread per result (issue 12, slider to chart);
// a few typed arrays are transferred for free and the rows rebuilt in ~1 ms. Lossless: the rows
// decoded are equal to the rows encoded, field by field, with the same keys in the same order.
import type { DefendantRow, Outcome } from '../engine';

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

export function unpackRows(p: PackedRows): DefendantRow[] {
  const rows: DefendantRow[] = new Array<DefendantRow>(p.n);
  for (let i = 0; i < p.n; i++) {
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

/** A resultScreen answer ({ ok, value: { result, … } }) with its result's rows packed. */
export function packResultScreenAnswer(answer: unknown): { answer: unknown; transfer: ArrayBuffer[] } {
  const a = answer as { ok?: unknown; value?: { result?: unknown } } | null;
  if (a?.ok !== true || !a.value) return { answer, transfer: [] };
  const inner = packSolveAnswer({ ok: true, value: a.value.result });
  if (inner.transfer.length === 0) return { answer, transfer: [] };
  const packed = (inner.answer as { value: unknown }).value;
  return { answer: { ...a, value: { ...a.value, result: packed } }, transfer: inner.transfer };
}

/** The inverse of packResultScreenAnswer (any other answer passes through). */
export function unpackResultScreenAnswer(answer: unknown): unknown {
  const a = answer as { ok?: unknown; value?: { result?: unknown } } | null;
  if (a?.ok !== true || !a.value) return answer;
  const inner = unpackSolveAnswer({ ok: true, value: a.value.result });
  const result = (inner as { value: unknown }).value;
  return result === a.value.result ? answer : { ...a, value: { ...a.value, result } };
}
