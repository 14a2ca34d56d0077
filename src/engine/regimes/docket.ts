// The docket (MODEL.md §4.5): weeks, a trial capacity per week, the speedy-trial deadline.
// One pass in docket order (unique by iterated dominance, as priority):
//   x ← the earliest week of [α_i, α_i + D] with room ≥ c_i (none if no such week)
//   threatened ⇔ x exists; π_i = 1 if threatened; wait_i = x − α_i if threatened, else D
//   s_i ← her offer given π_i and wait_i (tailored by what she knows, or the fixed offer)
//   plea if not never_i, s_i > 1e-9 and a_i ≤ r_i; else tried in week x if threatened; else free.
// Offers are always made (no withholding). noPleaTake is the greedy calendar: byValue order
// (w desc, exact doubles, ties in docket order), each booked in the earliest week with room.
import type { Population } from '../population/kinds';
import type { DocketOrder } from '../population/weeks';
import type { PassTotals, PassDetail } from './priority';
import { OUT_FREE, OUT_PLEA, OUT_TRIED } from './priority';
import type { Decisions } from './decision';
import { offerFor, pleads, refusalWithWait } from './decision';
import { newCalendar } from './calendar';
import { Tally } from './tally';
import type { DocketWeek } from '../result/types';

export interface DocketParams {
  weeks: number;
  capacity: number;
  deadline: number;
}

export interface DocketDetail extends PassDetail {
  arrivalWeek: Int32Array;
  /** −1 unless tried. */
  trialWeek: Int32Array;
}

export interface DocketOutcome {
  pass: PassTotals;
  crashWeek: number | null;
  byWeek: DocketWeek[];
}

export interface DocketInput {
  pop: Population;
  dec: Decisions;
  kindOf: Int32Array;
  order: DocketOrder;
  params: DocketParams;
}

/** The distinct trial costs of the defendants. */
function trialCosts(pop: Population): number[] {
  return [...new Set(Array.from(pop.kinds.c.subarray(0, pop.kinds.size)))];
}

export function newDocketDetail(N: number): DocketDetail {
  return {
    rank: new Int32Array(N),
    outcome: new Uint8Array(N),
    offer: new Float64Array(N),
    threatened: new Uint8Array(N),
    withheld: new Uint8Array(N),
    arrivalWeek: new Int32Array(N),
    trialWeek: new Int32Array(N),
  };
}

/** The pass. With `detail`, fills the per-defendant arrays (arrival-indexed). */
export function docketPass(input: DocketInput, detail?: DocketDetail): DocketOutcome {
  const { pop, dec, kindOf, order, params } = input;
  const { weeks: W, capacity, deadline: D } = params;
  const k = pop.kinds;
  const span = W + D;
  const cal = newCalendar(span, capacity, trialCosts(pop));
  const arrivals = new Float64Array(span);
  const pleasW = new Float64Array(span);
  const triedW = new Float64Array(span);
  const freeW = new Float64Array(span);
  const held = new Float64Array(span);
  const units = new Float64Array(span);
  const backlogDiff = new Float64Array(span + 1);
  let pleas = 0;
  let trials = 0;
  let take = 0;
  let coveredTried = 0;
  let coveredFree = 0;
  let used = 0;
  let threatenedCount = 0;
  let stopRank = -1;
  let crashWeek = -1;
  // The hot loop reads plain typed arrays (no property loads per defendant).
  const ord = order.order;
  const weekStart = order.weekStart;
  const cOf = k.c;
  const deltaOf = k.delta;
  const wOf = k.w;
  const coveredOf = k.covered;
  const offer0 = dec.offer0;
  const offer1 = dec.offer1;
  const plead0 = dec.plead0;
  const plead1 = dec.plead1;
  for (let x = 0; x < W; x++) {
    const end = weekStart[x + 1];
    arrivals[x] = end - weekStart[x];
    const last = x + D;
    for (let t = weekStart[x]; t < end; t++) {
      const i = ord[t];
      const kind = kindOf[i];
      const c = cOf[kind];
      const wk = c <= capacity ? cal.find(x, last, c) : -1;
      const threatened = wk >= 0;
      let offer: number;
      let plead: boolean;
      if (deltaOf[kind] === 0) {
        // d + 0·wait = d: the per-kind answers at π ∈ {0, 1} hold.
        offer = threatened ? offer1[kind] : offer0[kind];
        plead = (threatened ? plead1[kind] : plead0[kind]) === 1;
      } else {
        const pi = threatened ? 1 : 0;
        const dw = refusalWithWait(k.d[kind], deltaOf[kind], threatened ? wk - x : D);
        offer = offerFor(k, kind, pi, dw);
        plead = pleads(k.never[kind] === 1, offer, k.K[kind], k.L[kind], dw, pi, k.eHat[kind]);
      }
      let out: number;
      if (threatened) threatenedCount++;
      else if (stopRank < 0) {
        stopRank = t + 1;
        crashWeek = x;
      }
      if (plead) {
        out = OUT_PLEA;
        pleas++;
        take += offer;
        pleasW[x]++;
      } else if (threatened) {
        out = OUT_TRIED;
        cal.book(wk, c);
        trials++;
        take += wOf[kind];
        used += c;
        triedW[x]++;
        held[wk]++;
        units[wk] += c;
        backlogDiff[x] += c;
        backlogDiff[wk] -= c;
        coveredTried += coveredOf[kind];
      } else {
        out = OUT_FREE;
        freeW[x]++;
        coveredFree += coveredOf[kind];
      }
      if (detail) {
        detail.rank[i] = t + 1;
        detail.outcome[i] = out;
        detail.offer[i] = offer;
        detail.threatened[i] = threatened ? 1 : 0;
        detail.withheld[i] = 0;
        detail.arrivalWeek[i] = x;
        detail.trialWeek[i] = out === OUT_TRIED ? wk : -1;
      }
    }
  }
  const byWeek: DocketWeek[] = new Array(span);
  let backlog = 0;
  for (let x = 0; x < span; x++) {
    backlog += backlogDiff[x];
    byWeek[x] = {
      week: x,
      arrivals: arrivals[x],
      pleas: pleasW[x],
      tried: triedW[x],
      free: freeW[x],
      trialsHeld: held[x],
      unitsUsed: units[x],
      backlog,
    };
  }
  const N = order.order.length;
  const tally = new Tally(pop);
  tally.add({ pleas, trials, free: N - pleas - trials, take, units: used, coveredTried, coveredFree, threatened: threatenedCount });
  if (stopRank > 0) tally.stopAt(stopRank);
  return {
    pass: tally.totals(),
    crashWeek: crashWeek < 0 ? null : crashWeek,
    byWeek,
  };
}

/**
 * noPleaTake under the docket: with no pleas everyone refuses; in byValue order (w descending,
 * exact doubles, ties in docket order) each defendant is booked into the earliest week of his
 * window with room, else dismissed. Σ w over those booked. Counting sort by value level: O(N).
 */
export function docketNoPleaTake(
  pop: Population,
  kindOf: Int32Array,
  order: DocketOrder,
  params: DocketParams,
): number {
  const { weeks: W, capacity, deadline: D } = params;
  const k = pop.kinds;
  const N = order.order.length;
  // Value levels, descending (exact comparison of the doubles).
  const values = [...new Set(Array.from(k.w.subarray(0, k.size)))].sort((a, b) => b - a);
  const levelOfValue = new Map(values.map((v, l) => [v, l]));
  const levelOf = new Int32Array(k.size);
  for (let kind = 0; kind < k.size; kind++) levelOf[kind] = levelOfValue.get(k.w[kind])!;
  const start = new Float64Array(values.length + 1);
  for (let kind = 0; kind < k.size; kind++) start[levelOf[kind] + 1] += k.count[kind];
  for (let l = 1; l <= values.length; l++) start[l] += start[l - 1];
  // Docket positions bucketed by level, docket order within each.
  const byValue = new Int32Array(N);
  const weekOf = new Uint16Array(N);
  for (let x = 0; x < W; x++) {
    for (let t = order.weekStart[x]; t < order.weekStart[x + 1]; t++) {
      weekOf[t] = x;
      byValue[start[levelOf[kindOf[order.order[t]]]]++] = t;
    }
  }
  const cal = newCalendar(W + D, capacity, trialCosts(pop));
  let take = 0;
  for (let n = 0; n < N; n++) {
    const t = byValue[n];
    const kind = kindOf[order.order[t]];
    const c = k.c[kind];
    if (c > capacity) continue;
    const x = weekOf[t];
    const wk = cal.find(x, x + D, c);
    if (wk < 0) continue;
    cal.book(wk, c);
    take += k.w[kind];
  }
  return take;
}
