// The previous forcedSpend (src/engine/regimes/forcedSpend.ts before the run-length backward pass):
// each V(t, ·) as linear pieces, built rank by rank by a Step object. Kept verbatim (its memo
// aside) as the reference that the engine's faster pass must equal bit for bit: the same pieces,
// so the same plannedTake to the last bit, and the same decision in every cell.
import { lessTol } from '../../../src/engine/numeric';
import type { Population } from '../../../src/engine/population/kinds';
import type { Decisions } from '../../../src/engine/regimes/decision';
import { OUT_FREE as FREE_OUT, OUT_PLEA as PLEA_OUT, OUT_TRIED as TRIED_OUT, type PassDetail, type PassTotals } from '../../../src/engine/regimes/priority';
import { Tally } from '../../../src/engine/regimes/tally';
import type { ForcedSpendInput } from '../../../src/engine/regimes/forcedSpend';

// Module constants, read once: an imported binding can be a getter in some module loaders (tsx,
// the bench's), and the forward pass reads these for every defendant.
const OUT_FREE = FREE_OUT;
const OUT_PLEA = PLEA_OUT;
const OUT_TRIED = TRIED_OUT;

const CHOICE_PLEA = 0;
const CHOICE_TRY = 1;
const CHOICE_GO = 2;


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

/**
 * The previous solve: the backward pass over budgets 0..solveBp (default B′; the engine's memo
 * solves 0..Σ c on a sweep's second budget), then the forward pass at B′.
 */
export function forcedSpendPrevious(
  input: ForcedSpendInput,
  detail?: PassDetail,
  solveBp?: number,
): PassTotals & { plannedTake: number } {
  const { pop, dec, kindOf, ranking } = input;
  const k = pop.kinds;
  const N = ranking.length;
  const Bp = Math.min(input.budget, pop.totalUnits);
  const step = shared;
  const runs = step.runs;
  step.start(solveBp ?? Bp);
  if (runOffBuf.length < N + 1) runOffBuf = new Int32Array(Math.max(N + 1, runOffBuf.length * 2));
  const runOff = runOffBuf;
  runOff[N] = 0;
  for (let t = N - 1; t >= 0; t--) {
    step.rank(k, dec, kindOf[ranking[t]]);
    runOff[t] = runs.n;
  }
  const plannedTake = valueAt(step.next, Bp);
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
