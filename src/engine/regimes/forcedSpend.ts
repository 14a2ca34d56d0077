// forcedSpend, the speedy-trial clock (MODEL.md §4.4). Cases reach the clock in ranking order;
// a rejecter must be tried at once (spending c_i) or dismissed for good. V(t, b) is her best
// continuation value from rank t with budget b; her threat against i is credible iff c_i ≤ b and
// w_i + V(t+1, b − c_i) ≥ V(t+1, b) (she tries on ties). At each case she takes the best of: the
// plea he would accept (π = 1 if credible, else 0), withholding the offer and trying him, or
// letting him go; ties prefer the plea, then trying, then letting go. V is computed from what she
// believes; the pass then runs on the truth at the real budget.
//
// The dynamic programme over (t, b) is solved without a column per budget unit: each V(t, ·) is
// kept as a short list of linear pieces over the integers 0..B′ (B′ = min(B, total trial units)).
// Going from V(t+1, ·) to V(t, ·), the budgets split at V(t+1)'s piece starts and the same starts
// shifted by c_i; on each such interval both V(t+1, b) and V(t+1, b − c_i) are linear in b, so
// the two comparisons that decide a cell (is trying ≥ letting go; is the plea worth less than the
// trial) each flip at most once inside it (once the interval is also cut where a value crosses 1,
// the floor of the tolerance's max(1, |a|, |b|)). Each cell's decision is the table's, computed
// by the same comparisons on the same values; the flips are found by bisection; adjacent pieces
// on one line merge. The cost is O(N × pieces × log B) instead of O(N × B): on Crespo's city a
// value function has at most 4 pieces, so every budget solves in about the same time.
// (test/engine/naive/forcedSpendDP.ts keeps the full table as the reference the properties check.)
//
// The backward pass depends only on each rank's believed kind and on the budgets it covers, and
// the cell at (t, b) reads V(t+1) only at b and b − c. So the last pass is kept (the Memo): the next
// solve with equal ranks and believed kinds and a budget within it runs only the O(N) forward
// pass; a second solve with the same ranks and a larger budget covers 0..Σ c at once. A budget
// sweep thus computes the pass twice. Solves with work hooks always compute it.
import { lessTol } from '../numeric';
import type { Population } from '../population/kinds';
import type { Decisions } from './decision';
import { OUT_FREE as FREE_OUT, OUT_PLEA as PLEA_OUT, OUT_TRIED as TRIED_OUT, type PassDetail, type PassTotals } from './priority';
import { Tally } from './tally';
import { workMeter, type WorkHooks } from '../work';

// Module constants, read once: an imported binding can be a getter in some module loaders (tsx,
// the bench's), and the forward pass reads these for every defendant.
const OUT_FREE = FREE_OUT;
const OUT_PLEA = PLEA_OUT;
const OUT_TRIED = TRIED_OUT;

const CHOICE_PLEA = 0;
const CHOICE_TRY = 1;
const CHOICE_GO = 2;

export interface ForcedSpendInput {
  pop: Population;
  dec: Decisions;
  kindOf: Int32Array;
  ranking: Int32Array;
  budget: number;
}

/** Two values this close (relative) lie on one line: far below the model's 1e-9 tolerance. */
const MERGE_TOL = 1e-12;
const near = (a: number, b: number) => Math.abs(a - b) <= MERGE_TOL * Math.max(1, Math.abs(a), Math.abs(b));

/** A growable list of linear pieces: piece j covers [lo[j], lo[j+1] − 1] (the last up to B′). */
class Pieces {
  n = 0;
  lo: Float64Array;
  v0: Float64Array;
  sl: Float64Array;
  /** Length of each piece while it is being built (the last piece's is open-ended). */
  len: Float64Array;
  constructor(cap: number) {
    this.lo = new Float64Array(cap);
    this.v0 = new Float64Array(cap);
    this.sl = new Float64Array(cap);
    this.len = new Float64Array(cap);
  }
  reset() {
    this.n = 0;
  }
  private grow() {
    const cap = this.lo.length * 2;
    const copy = (a: Float64Array) => {
      const b = new Float64Array(cap);
      b.set(a);
      return b;
    };
    this.lo = copy(this.lo);
    this.v0 = copy(this.v0);
    this.sl = copy(this.sl);
    this.len = copy(this.len);
  }
  /** Append the values v0 + sl·(b − lo) for b in [lo, lo + len − 1], merging onto the last piece's line. */
  push(lo: number, v0: number, sl: number, len: number) {
    const n = this.n;
    if (n > 0) {
      const j = n - 1;
      const plo = this.lo[j];
      const pv = this.v0[j];
      const plen = this.len[j];
      const slope = plen >= 2 ? this.sl[j] : v0 - pv;
      const first = pv + slope * (lo - plo);
      const last = pv + slope * (lo + len - 1 - plo);
      if (near(first, v0) && near(last, v0 + sl * (len - 1))) {
        this.sl[j] = slope;
        this.len[j] = plen + len;
        return;
      }
    }
    if (n === this.lo.length) this.grow();
    this.lo[n] = lo;
    this.v0[n] = v0;
    this.sl[n] = sl;
    this.len[n] = len;
    this.n = n + 1;
  }
}

/** The per-rank decision runs: for rank t, runs off[t]..off[t+1]−1, each from budget start[r] on. */
class Runs {
  n = 0;
  /** The first run of the rank being built: runs never merge across ranks. */
  rankBegin = 0;
  start = new Float64Array(1024);
  code = new Uint8Array(1024);
  push(start: number, code: number) {
    if (this.n > this.rankBegin && this.code[this.n - 1] === code) return;
    if (this.n === this.start.length) {
      const s = new Float64Array(this.n * 2);
      s.set(this.start);
      this.start = s;
      const c = new Uint8Array(this.n * 2);
      c.set(this.code);
      this.code = c;
    }
    this.start[this.n] = start;
    this.code[this.n] = code;
    this.n++;
  }
}

/**
 * One step of the backward induction: V(t, ·) and rank t's decision runs from V(t+1, ·). A class
 * rather than closures per rank, so that nothing is allocated per defendant.
 */
class Step {
  // The defendant at rank t (her beliefs).
  c = 0;
  w = 0;
  s1 = 0;
  s0 = 0;
  bp1 = false;
  bp0 = false;
  // Piece indices of V(t+1) under b (j) and under b − c (j2).
  j = 0;
  j2 = 0;
  // The last decided cell: its code (bit 0 credible, bits 1–2 her choice, bit 3 a plea was
  // available) and value.
  code = 0;
  value = 0;
  next: Pieces;
  cur: Pieces;
  Bp = 0;
  readonly runs = new Runs();
  constructor() {
    this.next = new Pieces(16);
    this.cur = new Pieces(16);
  }

  /** Start over at V(N, ·) = 0 on 0..B′ (the buffers are kept from solve to solve). */
  start(Bp: number): void {
    this.Bp = Bp;
    this.runs.n = 0;
    this.runs.rankBegin = 0;
    this.next.reset();
    this.cur.reset();
    this.next.push(0, 0, 0, Bp + 1);
  }

  /** The cell at budget b (j, j2 cover b and b − c), exactly as the full table decides it. */
  decide(b: number): void {
    const { lo, v0, sl } = this.next;
    const j = this.j;
    const c = this.c;
    const letGo = v0[j] + sl[j] * (b - lo[j]);
    let credible = false;
    let tryV = -Infinity;
    if (c <= b) {
      const j2 = this.j2;
      tryV = this.w + (v0[j2] + sl[j2] * (b - c - lo[j2]));
      credible = !lessTol(tryV, letGo);
    }
    const pleaAvail = credible ? this.bp1 : this.bp0;
    let best = -Infinity;
    let choice = CHOICE_GO;
    if (pleaAvail) {
      best = (credible ? this.s1 : this.s0) + letGo;
      choice = CHOICE_PLEA;
    }
    if (c <= b && (best === -Infinity || lessTol(best, tryV))) {
      best = tryV;
      choice = CHOICE_TRY;
    }
    if (best === -Infinity || lessTol(best, letGo)) {
      best = letGo;
      choice = CHOICE_GO;
    }
    this.code = (credible ? 1 : 0) | (choice << 1) | (pleaAvail ? 8 : 0);
    this.value = best;
  }

  /** V(t, ·) and a run on [x, y], where the cell's code is constant (`value`: the cell at x). */
  emit(x: number, y: number, code: number, value: number): void {
    this.runs.push(x, code);
    const choice = (code >> 1) & 3;
    const slope = choice === CHOICE_TRY ? this.next.sl[this.j2] : this.next.sl[this.j];
    this.cur.push(x, value, slope, y - x + 1);
  }

  /** [x, y] within one piece of V(t+1) under b and one under b − c, cut where no value crosses 1. */
  interval(x: number, y: number): void {
    let a = x;
    this.decide(a);
    let codeA = this.code;
    let valueA = this.value;
    while (a < y) {
      this.decide(y);
      if (this.code === codeA) break;
      // Each of the two comparisons flips at most once here, so the cells equal to codeA form
      // a prefix of [a, y]: find where it ends.
      let lo = a;
      let hi = y;
      while (hi - lo > 1) {
        const mid = Math.floor((lo + hi) / 2);
        this.decide(mid);
        if (this.code === codeA) lo = mid;
        else hi = mid;
      }
      this.emit(a, lo, codeA, valueA);
      a = hi;
      this.decide(a);
      codeA = this.code;
      valueA = this.value;
    }
    this.emit(a, y, codeA, valueA);
  }

  /** Where the line f0 + slope·(b − x) reaches 1, rounded up, if inside (x, y]; else −1. */
  private static cross(x: number, y: number, f0: number, slope: number): number {
    if (slope === 0) return -1;
    const at = Math.ceil(x + (1 - f0) / slope);
    return at > x && at <= y ? at : -1;
  }

  /** Cut [x, y] where a value line crosses 1 (the floor of the tolerance), then `interval`. */
  cutAtOne(x: number, y: number): void {
    if (x === y) {
      this.decide(x);
      this.emit(x, x, this.code, this.value);
      return;
    }
    const { lo, v0, sl } = this.next;
    const j = this.j;
    const A = v0[j] + sl[j] * (x - lo[j]);
    const beta = sl[j];
    let tryA = Infinity;
    let tryBeta = 0;
    if (this.c <= x) {
      const j2 = this.j2;
      tryA = this.w + (v0[j2] + sl[j2] * (x - this.c - lo[j2]));
      tryBeta = sl[j2];
    }
    // Every line at or above 1 and not falling (the plea lines lie above letGo): no cut.
    if (A >= 1 && beta >= 0 && tryA >= 1 && tryBeta >= 0) {
      this.interval(x, y);
      return;
    }
    let c1 = Step.cross(x, y, A, beta);
    let c2 = this.bp1 ? Step.cross(x, y, A + this.s1, beta) : -1;
    let c3 = this.bp0 ? Step.cross(x, y, A + this.s0, beta) : -1;
    let c4 = tryA === Infinity ? -1 : Step.cross(x, y, tryA, tryBeta);
    if (c1 < 0 && c2 < 0 && c3 < 0 && c4 < 0) {
      this.interval(x, y);
      return;
    }
    let from = x;
    // At most four cuts: take them in increasing order.
    for (;;) {
      let at = Infinity;
      if (c1 > 0 && c1 < at) at = c1;
      if (c2 > 0 && c2 < at) at = c2;
      if (c3 > 0 && c3 < at) at = c3;
      if (c4 > 0 && c4 < at) at = c4;
      if (at === Infinity) break;
      if (at > from) {
        this.interval(from, at - 1);
        from = at;
      }
      if (c1 === at) c1 = -1;
      if (c2 === at) c2 = -1;
      if (c3 === at) c3 = -1;
      if (c4 === at) c4 = -1;
    }
    this.interval(from, y);
  }

  /** V(t, ·) from V(t+1, ·) for the defendant of one kind. */
  rank(k: Population['kinds'], dec: Decisions, kind: number): void {
    this.c = k.c[kind];
    this.w = k.w[kind];
    this.s1 = dec.offer1[kind];
    this.s0 = dec.offer0[kind];
    this.bp1 = dec.bPlead1[kind] === 1;
    this.bp0 = dec.bPlead0[kind] === 1;
    this.j = 0;
    this.j2 = 0;
    this.cur.reset();
    this.runs.rankBegin = this.runs.n;
    const { lo, n } = this.next;
    const c = this.c;
    const Bp = this.Bp;
    // Walk the interval starts: V(t+1)'s piece starts and the same shifted by c, within 0..B′.
    let pa = 0;
    let pb = 0;
    let x = 0;
    while (x <= Bp) {
      while (this.j + 1 < n && lo[this.j + 1] <= x) this.j++;
      if (x >= c) while (this.j2 + 1 < n && lo[this.j2 + 1] <= x - c) this.j2++;
      while (pa < n && lo[pa] <= x) pa++;
      while (pb < n && lo[pb] + c <= x) pb++;
      let y = Bp;
      if (pa < n && lo[pa] - 1 < y) y = lo[pa] - 1;
      if (pb < n && lo[pb] + c - 1 < y) y = lo[pb] + c - 1;
      this.cutAtOne(x, y);
      x = y + 1;
    }
    const tmp = this.next;
    this.next = this.cur;
    this.cur = tmp;
  }
}

const shared = new Step();
let runOffBuf = new Int32Array(1024);

const same = (a: number, b: number) => a === b || (a !== a && b !== b);

/**
 * What the last backward pass was computed from: the believed (c, w, offers, pleas) of each kind
 * and the kind at each rank, and the budgets it covers (0..Bp). The pass depends on nothing else,
 * and the cell at (t, b) reads V(t+1) only at b and b − c, so any budget up to Bp reuses it: a
 * budget sweep repeats only the O(N) forward pass. Fund coverage, which can change with the
 * budget, changes the kinds, so it is part of the key through them.
 */
class Memo {
  valid = false;
  Bp = -1;
  size = 0;
  kind = new Float64Array(0);
  seq = new Int32Array(0);
  /** Solves that reused the pass / computed it (for tests and the bench). */
  hits = 0;
  misses = 0;

  /** True iff ranks and believed kinds equal the memo's (an O(N + kinds) exact comparison). */
  matches(k: Population['kinds'], dec: Decisions, kindOf: Int32Array, ranking: Int32Array): boolean {
    const N = ranking.length;
    if (!this.valid || this.seq.length !== N || this.size !== k.size) return false;
    const f = this.kind;
    for (let i = 0; i < k.size; i++) {
      const o = i * 6;
      if (
        !same(f[o], k.c[i]) ||
        !same(f[o + 1], k.w[i]) ||
        !same(f[o + 2], dec.offer1[i]) ||
        !same(f[o + 3], dec.offer0[i]) ||
        f[o + 4] !== dec.bPlead1[i] ||
        f[o + 5] !== dec.bPlead0[i]
      )
        return false;
    }
    const seq = this.seq;
    for (let t = 0; t < N; t++) if (seq[t] !== kindOf[ranking[t]]) return false;
    return true;
  }

  store(k: Population['kinds'], dec: Decisions, kindOf: Int32Array, ranking: Int32Array, Bp: number): void {
    const N = ranking.length;
    if (this.kind.length < k.size * 6) this.kind = new Float64Array(k.size * 6);
    const f = this.kind;
    for (let i = 0; i < k.size; i++) {
      const o = i * 6;
      f[o] = k.c[i];
      f[o + 1] = k.w[i];
      f[o + 2] = dec.offer1[i];
      f[o + 3] = dec.offer0[i];
      f[o + 4] = dec.bPlead1[i];
      f[o + 5] = dec.bPlead0[i];
    }
    this.size = k.size;
    if (this.seq.length !== N) this.seq = new Int32Array(N);
    for (let t = 0; t < N; t++) this.seq[t] = kindOf[ranking[t]];
    this.Bp = Bp;
    this.valid = true;
  }
}

const memo = new Memo();

/** The memo's counters: how many solves reused the backward pass and how many computed it. */
export function forcedSpendMemoStats(): { hits: number; misses: number } {
  return { hits: memo.hits, misses: memo.misses };
}

/** Forget the kept backward pass (the next solve is cold, as in a fresh page). */
export function forgetForcedSpendMemo(): void {
  memo.valid = false;
}

export function forcedSpend(
  input: ForcedSpendInput,
  detail?: PassDetail,
  hooks?: WorkHooks,
): PassTotals & { plannedTake: number } {
  const { pop, dec, kindOf, ranking } = input;
  const k = pop.kinds;
  const N = ranking.length;
  const Bp = Math.min(input.budget, pop.totalUnits);
  // One solver's buffers, reused from solve to solve (a solve runs to the end before the next).
  const step = shared;
  const runs = step.runs;
  // A caller that watches the computation (progress, Cancel) gets it computed: the hooks report
  // on the backward pass's steps.
  const sameRanks = !hooks && memo.matches(k, dec, kindOf, ranking);
  if (sameRanks && memo.Bp >= Bp) memo.hits++;
  else {
    memo.misses++;
    // The same ranks at a larger budget (a sweep): cover every budget at once, B′ = Σ c. A fresh
    // scenario solves only 0..B′ of its own budget (the cold solve costs what it did).
    const BpSolve = sameRanks ? pop.totalUnits : Bp;
    memo.valid = false;
    step.start(BpSolve);
    // Ranks are walked from N−1 down to 0: rank t's runs are runOff[t+1]..runOff[t]−1.
    if (runOffBuf.length < N + 1) runOffBuf = new Int32Array(Math.max(N + 1, runOffBuf.length * 2));
    const runOff = runOffBuf;
    runOff[N] = 0;
    const meter = workMeter(hooks, N);
    for (let t = N - 1; t >= 0; t--) {
      meter(N - 1 - t);
      step.rank(k, dec, kindOf[ranking[t]]);
      runOff[t] = runs.n;
    }
    memo.store(k, dec, kindOf, ranking, BpSolve);
  }
  const runOff = runOffBuf;
  const next = step.next;
  const plannedTake = valueAt(next, Bp);

  // The pass, on the truth, at the real budget. Ranks were walked from N−1 down, so rank t's runs
  // are runOff[t+1]..runOff[t]−1 (runOff[N] = 0), in increasing budget order.
  return { ...forwardPass(input, Bp, runOff, runs, detail), plannedTake };
}

/**
 * The pass at the real budget, on the truth, reading her decision runs (a function of its own: a
 * sweep runs only this, and it stays small for the optimiser). Returns the totals.
 */
function forwardPass(
  input: ForcedSpendInput,
  Bp: number,
  runOff: Int32Array,
  runs: Runs,
  detail: PassDetail | undefined,
): PassTotals {
  const { pop, dec, kindOf, ranking } = input;
  const N = ranking.length;
  const c = pop.kinds.c;
  const { offer1, offer0, plead1, plead0 } = dec;
  const start = runs.start;
  const codes = runs.code;
  const { covered, w } = pop.kinds;
  // Plain counters in the loop, handed to the tally at the end (its fund rule is still asked there).
  let pleas = 0;
  let trials = 0;
  let free = 0;
  let take = 0;
  let units = 0;
  let coveredTried = 0;
  let coveredFree = 0;
  let threatened = 0;
  let withheldCount = 0;
  let stop = -1;
  let b = Bp;
  for (let t = 0; t < N; t++) {
    const i = ranking[t];
    const kind = kindOf[i];
    // The last run starting at or below b (the first starts at 0), by bisection: a pass kept for
    // all of 0..Σ c has several runs a rank.
    let r = runOff[t + 1];
    let hi = runOff[t] - 1;
    while (r < hi) {
      const mid = (r + hi + 1) >> 1;
      if (start[mid] <= b) r = mid;
      else hi = mid - 1;
    }
    const code = codes[r];
    const credible = (code & 1) === 1;
    const choice = (code >> 1) & 3;
    let out: number;
    let offer = NaN;
    let withheld = 0;
    if (choice === CHOICE_TRY) {
      out = OUT_TRIED;
      if (code & 8) {
        withheld = 1;
        withheldCount++;
      } else offer = credible ? offer1[kind] : offer0[kind];
    } else {
      offer = credible ? offer1[kind] : offer0[kind];
      const accepts = credible ? plead1[kind] === 1 : plead0[kind] === 1;
      if (choice === CHOICE_PLEA && accepts) out = OUT_PLEA;
      else out = credible ? OUT_TRIED : OUT_FREE;
    }
    if (credible) threatened++;
    else if (stop < 0) stop = t + 1;
    if (out === OUT_PLEA) {
      pleas++;
      take += offer;
    } else if (out === OUT_TRIED) {
      trials++;
      take += w[kind];
      units += c[kind];
      if (covered[kind] === 1) coveredTried++;
      b -= c[kind];
    } else {
      free++;
      if (covered[kind] === 1) coveredFree++;
    }
    if (detail) {
      detail.rank[i] = t + 1;
      detail.outcome[i] = out;
      detail.offer[i] = offer;
      detail.threatened[i] = credible ? 1 : 0;
      detail.withheld[i] = withheld;
    }
  }
  const tally = new Tally(pop);
  tally.add({ pleas, trials, free, take, units, coveredTried, coveredFree, threatened });
  tally.withheldCount = withheldCount;
  if (stop > 0) tally.stopAt(stop);
  return tally.totals(Bp - b);
}

/** V at budget b from its pieces. */
function valueAt(p: Pieces, b: number): number {
  let j = p.n - 1;
  while (j > 0 && p.lo[j] > b) j--;
  return p.v0[j] + p.sl[j] * (b - p.lo[j]);
}
