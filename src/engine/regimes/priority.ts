// Priority, divide and conquer (MODEL.md §4.3). She announces a ranking and tries rejecters in
// rank order, each if it still fits the remaining budget (first fit). One pass solves it:
//   b ← B; for each rank: threatened ⇔ c_i ≤ b; offer at π ∈ {0,1}; plea if he accepts,
//   else tried (b −= c_i) if threatened, else free.
// The pass runs on typed arrays (kind per defendant, decisions per kind): no per-defendant objects.
import type { Population } from '../population/kinds';
import type { Decisions } from './decision';
import { Tally } from './tally';
import type { LazyShuffle } from '../random';

const INT32_MAX = 2147483647;

export const OUT_PLEA = 0;
export const OUT_TRIED = 1;
export const OUT_FREE = 2;
export const OUT_REFUSE = 3;

export interface PassTotals {
  pleas: number;
  trials: number;
  free: number;
  take: number;
  budgetUsed: number;
  fundPaid: number;
  stopRank: number | null;
  threatenedCount: number;
  withheldCount: number;
}

/** Per-defendant detail of a pass (arrival-indexed). */
export interface PassDetail {
  rank: Int32Array;
  outcome: Uint8Array;
  /** NaN when no offer is made. */
  offer: Float64Array;
  threatened: Uint8Array;
  withheld: Uint8Array;
}

export interface PassInput {
  pop: Population;
  dec: Decisions;
  kindOf: Int32Array;
  ranking: Int32Array;
  budget: number;
  /** Offers withheld (optimal ranking), per defendant. */
  withheld?: Uint8Array;
  /** Run on what she believes (her plan) instead of the truth. */
  believed?: boolean;
}

/** The pass. With `detail`, fills the per-defendant arrays. */
export function priorityPass(input: PassInput, detail?: PassDetail): PassTotals {
  if (!detail && !input.withheld) return priorityPassTotals(input);
  const { pop, dec, kindOf, ranking, withheld } = input;
  const k = pop.kinds;
  const plead0 = input.believed ? dec.bPlead0 : dec.plead0;
  const plead1 = input.believed ? dec.bPlead1 : dec.plead1;
  const tally = new Tally(pop);
  let b = input.budget;
  for (let t = 0; t < ranking.length; t++) {
    const i = ranking[t];
    const kind = kindOf[i];
    const ci = k.c[kind];
    const threatened = ci <= b;
    let out: number;
    let offer = NaN;
    if (withheld !== undefined && withheld[i] === 1) {
      tally.withheldCount++;
      out = threatened ? OUT_TRIED : OUT_FREE;
    } else if (threatened) {
      offer = dec.offer1[kind];
      out = plead1[kind] === 1 ? OUT_PLEA : OUT_TRIED;
    } else {
      offer = dec.offer0[kind];
      out = plead0[kind] === 1 ? OUT_PLEA : OUT_FREE;
    }
    tally.threat(t + 1, threatened);
    if (out === OUT_PLEA) tally.plea(offer);
    else if (out === OUT_TRIED) {
      tally.tried(kind);
      b -= ci;
    } else tally.freed(kind);
    if (detail) {
      detail.rank[i] = t + 1;
      detail.outcome[i] = out;
      detail.offer[i] = offer;
      detail.threatened[i] = threatened ? 1 : 0;
      detail.withheld[i] = withheld !== undefined ? withheld[i] : 0;
    }
  }
  return tally.totals(input.budget - b);
}

/**
 * The hot loop for totals only (no rows, no withheld offers). Whether a defendant is threatened
 * depends only on the budget left, and the budget moves only when a threatened defendant refuses,
 * so the loop keeps, per kind, the units a threatened member spends (c if he refuses, 0 if he
 * pleads) and counts threatened members per kind; it stops once the budget fits nobody (the rest
 * are unthreatened whatever their order). The Tally then counts each kind's members at once.
 */
function priorityPassTotals(input: PassInput): PassTotals {
  const { pop, dec, kindOf, ranking } = input;
  return countPass(pop, dec, kindOf, input.budget, ranking, null, new Float64Array(pop.kinds.size), input.believed === true, null);
}

/**
 * The hot loop's layout: four int32 slots a kind, at 4·kind — [0] the trial cost c, [1] the units
 * a threatened member spends (c if he refuses, 0 if he pleads), [2] the threatened members counted
 * so far, [3] padding — so a rank costs one kind lookup and one small array (the offsets are
 * literals in the loops: a module constant costs a load and a check each time). Trial costs and
 * budgets are integers of at most 1e9 (the schema's MAX_TRIAL_COST, MAX_BUDGET), so int32
 * arithmetic is exact; any other input takes the Float64 loop. Reused between passes (a pass never
 * runs inside another).
 */
let lanes = new Int32Array(4 * 16);
/** countPass's last Tally, reused by the next pass over the same population (its totals are a new object: nothing keeps the Tally). */
let passTally: Tally | null = null;

/**
 * The pass per kind, shared by the totals-only pass and the lazy random runs: in rank order
 * (`ranking`, or drawn from `shuffle`), threatened members per kind until the budget fits nobody;
 * then every kind's members counted through the Tally. `thr` is scratch (one slot a kind) for the
 * Float64 loop. `into`: write the totals there instead of into a new object (the lazy random
 * runs, whose caller reads each run's totals before the next).
 */
function countPass(
  pop: Population,
  dec: Decisions,
  kindOf: Int32Array,
  budget: number,
  ranking: Int32Array,
  shuffle: LazyShuffle | null,
  thr: Float64Array,
  believed: boolean,
  into: PassTotals | null,
): PassTotals {
  const k = pop.kinds;
  const N = kindOf.length;
  const plead0 = believed ? dec.bPlead0 : dec.plead0;
  const plead1 = believed ? dec.bPlead1 : dec.plead1;
  const everyone = everyoneThreatened(pop, dec, budget, plead1);
  if (everyone) return everyone;
  const K = k.size;
  const c = k.c;
  const minC = pop.minCost;
  let ints = Number.isInteger(budget) && budget <= INT32_MAX && Number.isInteger(minC);
  let maxC = 0;
  for (let kind = 0; kind < K; kind++) {
    const ck = c[kind];
    if (!(Number.isInteger(ck) && ck >= 0 && ck <= INT32_MAX)) ints = false;
    if (k.count[kind] > 0 && ck > maxC) maxC = ck;
  }
  let b = budget;
  let t = 0;
  let firstUnthreatened = -1;
  if (ints) {
    if (lanes.length < 4 * K) lanes = new Int32Array(4 * K);
    const lane = lanes;
    for (let kind = 0; kind < K; kind++) {
      lane[4 * kind] = c[kind];
      lane[4 * kind + 1] = plead1[kind] === 1 ? 0 : c[kind];
      lane[4 * kind + 2] = 0;
    }
    let bi = budget | 0;
    const lo = minC | 0;
    const hi = maxC | 0;
    if (shuffle === null) {
      // While the budget covers four of the costliest trials, the next four ranks are all
      // threatened: no test, four ranks a step (the loop test, stack check and map checks paid
      // once a step).
      const hi4 = 4 * hi;
      if (hi4 <= INT32_MAX) {
        const N4 = N - 3;
        for (; t < N4 && bi >= hi4; t += 4) {
          // j | 1, j | 2: the slots of a kind (j is a multiple of 4) with no overflow check.
          const j0 = kindOf[ranking[t]] << 2;
          const j1 = kindOf[ranking[(t + 1) | 0]] << 2;
          const j2 = kindOf[ranking[(t + 2) | 0]] << 2;
          const j3 = kindOf[ranking[(t + 3) | 0]] << 2;
          lane[j0 | 2]++;
          lane[j1 | 2]++;
          lane[j2 | 2]++;
          lane[j3 | 2]++;
          bi = (bi - lane[j0 | 1] - lane[j1 | 1] - lane[j2 | 1] - lane[j3 | 1]) | 0;
        }
      }
      // While it covers the costliest trial, every rank is threatened.
      for (; t < N && bi >= hi; t++) {
        const j = kindOf[ranking[t]] << 2;
        lane[j | 2]++;
        bi = (bi - lane[j | 1]) | 0;
      }
      for (; t < N && bi >= lo; t++) {
        const j = kindOf[ranking[t]] << 2;
        if (lane[j] <= bi) {
          lane[j | 2]++;
          bi = (bi - lane[j | 1]) | 0;
        } else if (firstUnthreatened < 0) firstUnthreatened = t + 1;
      }
    } else {
      // A lazy shuffle draws rank t now (the same order as the full Fisher–Yates shuffle).
      for (; t < N && bi >= lo; t++) {
        const j = kindOf[shuffle.next()] << 2;
        if (lane[j] <= bi) {
          lane[j | 2]++;
          bi = (bi - lane[j | 1]) | 0;
        } else if (firstUnthreatened < 0) firstUnthreatened = t + 1;
      }
    }
    b = bi;
    for (let kind = 0; kind < K; kind++) thr[kind] = lane[4 * kind + 2];
  } else {
    const spend = new Float64Array(K);
    for (let kind = 0; kind < K; kind++) spend[kind] = plead1[kind] === 1 ? 0 : c[kind];
    thr.fill(0);
    for (; t < N && b >= minC; t++) {
      const kind = kindOf[shuffle === null ? ranking[t] : shuffle.next()];
      if (c[kind] <= b) {
        thr[kind]++;
        b -= spend[kind];
      } else if (firstUnthreatened < 0) firstUnthreatened = t + 1;
    }
  }
  // Unthreatened before the budget is gone (mixed costs): the first such rank is the stop;
  // otherwise the first rank the loop never reached.
  const tally = passTally?.reuseFor(pop) ?? (passTally = new Tally(pop));
  if (firstUnthreatened > 0) tally.stopAt(firstUnthreatened);
  else if (t < N) tally.stopAt(t + 1);
  // The threatened plead at offer1 or are tried; everyone else (seen and not threatened, or
  // never reached) pleads at offer0 or goes free.
  for (let kind = 0; kind < K; kind++) {
    const th = thr[kind];
    if (th > 0) {
      tally.threatenedCount += th;
      if (plead1[kind] === 1) tally.plea(dec.offer1[kind], th);
      else tally.tried(kind, th);
    }
    const rest = k.count[kind] - th;
    if (rest <= 0) continue;
    if (plead0[kind] === 1) tally.plea(dec.offer0[kind], rest);
    else tally.freed(kind, rest);
  }
  return into === null ? tally.totals(budget - b) : tally.totalsInto(into, budget - b);
}

/**
 * When the budget covers every defendant who would refuse a threat and still leaves the costliest
 * trial, everyone is threatened whatever the order: the pass's totals, counted per kind (null
 * otherwise).
 */
function everyoneThreatened(pop: Population, dec: Decisions, budget: number, plead1: Uint8Array): PassTotals | null {
  const k = pop.kinds;
  let refuserUnits = 0;
  let maxC = 0;
  for (let kind = 0; kind < k.size; kind++) {
    if (k.count[kind] <= 0) continue;
    if (k.c[kind] > maxC) maxC = k.c[kind];
    if (plead1[kind] !== 1) refuserUnits += k.count[kind] * k.c[kind];
  }
  if (budget - refuserUnits < maxC) return null;
  const tally = new Tally(pop);
  for (let kind = 0; kind < k.size; kind++) {
    const n = k.count[kind];
    if (n <= 0) continue;
    tally.threatenedCount += n;
    if (plead1[kind] === 1) tally.plea(dec.offer1[kind], n);
    else tally.tried(kind, n);
  }
  return tally.totals();
}

export function newDetail(N: number): PassDetail {
  return {
    rank: new Int32Array(N),
    outcome: new Uint8Array(N),
    offer: new Float64Array(N),
    threatened: new Uint8Array(N),
    withheld: new Uint8Array(N),
  };
}

/**
 * A random-ranking run, totals only: the ranking is drawn lazily (forward Fisher–Yates, the same
 * order as the full shuffle) and the pass stops once no defendant can be threatened any more;
 * the rest are then unthreatened whatever their order, and are counted per kind. With `into`,
 * the totals are written there (and it is returned) instead of into a new object: a caller that
 * reads each run's totals before the next passes one object for all its runs.
 */
export function priorityPassLazy(
  pop: Population,
  dec: Decisions,
  kindOf: Int32Array,
  budget: number,
  ranking: { perm: Int32Array; shuffle: LazyShuffle | null },
  seen: Float64Array,
  into: PassTotals | null = null,
): PassTotals {
  return countPass(pop, dec, kindOf, budget, ranking.perm, ranking.shuffle, seen, false, into);
}
