// The defendant's decision (MODEL.md §3) and the prosecutor's offer (§4), per kind of defendant.
// A defendant's answer depends only on his kind and on π ∈ {0, 1} in the priority and
// forcedSpend passes, so both answers are computed once per kind, for the truth and for what
// the prosecutor believes.
import { leqTol, positive } from '../numeric';
import type { Kinds } from '../population/kinds';

/** The most a defendant would accept: ((d + π·ê) − K) − L, computed as written. */
export function maxAcceptable(d: number, pi: number, eHat: number, K: number, L: number): number {
  return d + pi * eHat - K - L;
}

/** Pleads ⇔ not never, a positive offer, and a = s + K + L ≤ r = d + π·ê (ties accept). */
export function pleads(
  never: boolean,
  s: number,
  K: number,
  L: number,
  d: number,
  pi: number,
  eHat: number,
): boolean {
  if (never || !positive(s)) return false;
  const a = s + K + L;
  const r = d + pi * eHat;
  return leqTol(a, r);
}

export interface Decisions {
  /** Her offer at π = 0 and π = 1: fixed, or tailored by what she believes. */
  offer0: Float64Array;
  offer1: Float64Array;
  /** Whether he truly pleads at π = 0 / 1 when made that offer. */
  plead0: Uint8Array;
  plead1: Uint8Array;
  /** Whether she believes he would. */
  bPlead0: Uint8Array;
  bPlead1: Uint8Array;
}

/**
 * Her offer to a kind at trial probability π. `d` is the part of refusing that does not depend
 * on π: d_i, or under the docket d_i + δ_i·wait_i (MODEL.md §4.5), computed as written.
 */
export function offerFor(k: Kinds, i: number, pi: number, d: number = k.d[i]): number {
  const fixed = k.fixedOffer[i];
  if (!Number.isNaN(fixed)) return fixed;
  return maxAcceptable(d, pi, k.eHatB[i], k.K[i], k.Lb[i]);
}

/** Under the docket: d_i + δ_i·wait_i, the cost of refusing before the trial risk. */
export function refusalWithWait(d: number, delta: number, wait: number): number {
  return d + delta * wait;
}

export function decide(k: Kinds): Decisions {
  const n = k.size;
  const out: Decisions = {
    offer0: new Float64Array(n),
    offer1: new Float64Array(n),
    plead0: new Uint8Array(n),
    plead1: new Uint8Array(n),
    bPlead0: new Uint8Array(n),
    bPlead1: new Uint8Array(n),
  };
  for (let i = 0; i < n; i++) {
    const never = k.never[i] === 1;
    for (const pi of [0, 1]) {
      const s = offerFor(k, i, pi);
      const truly = pleads(never, s, k.K[i], k.L[i], k.d[i], pi, k.eHat[i]) ? 1 : 0;
      const believed = pleads(never, s, k.K[i], k.Lb[i], k.d[i], pi, k.eHatB[i]) ? 1 : 0;
      if (pi === 0) {
        out.offer0[i] = s;
        out.plead0[i] = truly;
        out.bPlead0[i] = believed;
      } else {
        out.offer1[i] = s;
        out.plead1[i] = truly;
        out.bPlead1[i] = believed;
      }
    }
  }
  return out;
}
