// The forcedSpend backward pass as it was before the lean walk (src/engine/regimes/forcedSpend.ts
// at commit e20d36a): linear pieces, a rank of the same kind resuming from the last rank's
// snapshots. Kept verbatim (imports aside, and a memo of its own) as the naive reference the
// engine's pass must equal bit for bit (test/engine/forcedSpend.test.ts), and as the "before" of
// bench/profileForcedSpend.ts's A/B.
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
// Ranks come in runs of one kind (Crespo's city: about 660 runs over 7,000 ranks), and a rank of
// the same kind as the one before changes V only where its V(t+1) differs from that rank's
// V(t+2): the cells below the first budget D where those two differ read identical values, so
// their decisions, V(t)'s pieces and the decision runs there are the last rank's. The walk keeps
// its state at each interval start (a snapshot) and such a rank starts from the last snapshot at or
// below D (a rank that changes nothing costs O(pieces)). Every value is computed by the same
// operations in the same order as before (test/engine/naive/forcedSpendPieces.ts keeps the
// previous algorithm; the properties check the same bits): the plan's take is unchanged to the
// last bit. The backward pass runs in one function with its state in locals, nothing allocated per
// rank.
//
// The backward pass depends only on each rank's believed kind and on the range 0..B′ it covers. Its
// last bits depend on that range: the interval that reaches B′ ends there in a pass over 0..B′
// and further on in a wider one, so the merge test of its run onto V(t)'s last piece (are the two
// lines within 1e-12 at the run's last cell?) is made at another cell and can go the other way;
// a merged run's values are then read off the older line, a few ulps away, and earlier ranks
// build on them (a solve at 192 after one at 0, which covered 0..Σ c, gave plannedTake
// 399.46000000002334 against 399.46000000001425 fresh). So the last pass is kept (the Memo) only
// for the next solve with equal ranks, believed kinds and range 0..B′, which runs only the O(N)
// forward pass and gives the fresh answer bit for bit; any other budget computes its own pass.
// Solves with work hooks always compute it.
import { lessTol } from '../../../src/engine/numeric';
import type { Population } from '../../../src/engine/population/kinds';
import type { Decisions } from '../../../src/engine/regimes/decision';
import { OUT_FREE as FREE_OUT, OUT_PLEA as PLEA_OUT, OUT_TRIED as TRIED_OUT, type PassDetail, type PassTotals } from '../../../src/engine/regimes/priority';
import { Tally } from '../../../src/engine/regimes/tally';
import { workMeter, type WorkHooks } from '../../../src/engine/work';

// Module constants, read once: an imported binding can be a getter in some module loaders (tsx,
// the bench's), and the forward pass reads these for every defendant.
const OUT_FREE = FREE_OUT;
const OUT_PLEA = PLEA_OUT;
const OUT_TRIED = TRIED_OUT;

const CHOICE_PLEA = 0;
const CHOICE_TRY = 1;
const CHOICE_GO = 2;

import type { ForcedSpendInput } from '../../../src/engine/regimes/forcedSpend';

/** Two values this close (relative) lie on one line: far below the model's 1e-9 tolerance. */
const MERGE_TOL = 1e-12;
const near = (a: number, b: number) => Math.abs(a - b) <= MERGE_TOL * Math.max(1, Math.abs(a), Math.abs(b));
/** The model's tolerance (numeric.ts), bound once for the hot loop (see OUT_FREE above). */
const less = lessTol;

/**
 * The cell at budget b, exactly as the full table decides it: bit 0 credible, bits 1–2 her choice,
 * bit 3 a plea was available. (g: V(t+1)'s piece under b; h: its piece under b − c.)
 */
function cellCode(
  b: number,
  gLo: number,
  gV0: number,
  gSl: number,
  hLo: number,
  hV0: number,
  hSl: number,
  c: number,
  w: number,
  s1: number,
  s0: number,
  bp1: boolean,
  bp0: boolean,
): number {
  const letGo = gV0 + gSl * (b - gLo);
  let credible = false;
  let tryV = -Infinity;
  if (c <= b) {
    tryV = w + (hV0 + hSl * (b - c - hLo));
    credible = !less(tryV, letGo);
  }
  const pleaAvail = credible ? bp1 : bp0;
  let best = -Infinity;
  let choice = CHOICE_GO;
  if (pleaAvail) {
    best = (credible ? s1 : s0) + letGo;
    choice = CHOICE_PLEA;
  }
  if (c <= b && (best === -Infinity || less(best, tryV))) {
    best = tryV;
    choice = CHOICE_TRY;
  }
  if (best === -Infinity || less(best, letGo)) choice = CHOICE_GO;
  return (credible ? 1 : 0) | (choice << 1) | (pleaAvail ? 8 : 0);
}

/** Where the line f0 + slope·(b − x) reaches 1, rounded up, if inside (x, y]; else −1. */
function cross(x: number, y: number, f0: number, slope: number): number {
  if (slope === 0) return -1;
  const at = Math.ceil(x + (1 - f0) / slope);
  return at > x && at <= y ? at : -1;
}

/** Numbers per snapshot of the backward walk (see backwardPass). */
const SNAP = 5;

/** Where [x, y]'s value lines cross 1 (−1: none), into `cuts`; false if none does. */
const cuts = new Float64Array(4);
function findCuts(
  x: number,
  y: number,
  A: number,
  beta: number,
  tryA: number,
  tryBeta: number,
  s1: number,
  s0: number,
  bp1: boolean,
  bp0: boolean,
): boolean {
  cuts[0] = cross(x, y, A, beta);
  cuts[1] = bp1 ? cross(x, y, A + s1, beta) : -1;
  cuts[2] = bp0 ? cross(x, y, A + s0, beta) : -1;
  cuts[3] = tryA === Infinity ? -1 : cross(x, y, tryA, tryBeta);
  return cuts[0] > 0 || cuts[1] > 0 || cuts[2] > 0 || cuts[3] > 0;
}

/** The last cell of [a, to] with `code` (cell a has it, cell to has not): by bisection. */
function lastWithCode(
  a: number,
  to: number,
  code: number,
  gLo: number,
  gV0: number,
  gSl: number,
  hLo: number,
  hV0: number,
  hSl: number,
  c: number,
  w: number,
  s1: number,
  s0: number,
  bp1: boolean,
  bp0: boolean,
): number {
  let lo = a;
  let hi = to;
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (cellCode(mid, gLo, gV0, gSl, hLo, hV0, hSl, c, w, s1, s0, bp1, bp0) === code) lo = mid;
    else hi = mid;
  }
  return lo;
}

/**
 * The solver's buffers, kept from solve to solve (a solve runs to the end before the next):
 * V(t+1, ·) (`nLo`, `nV0`, `nSl`: piece j covers nLo[j]..nLo[j+1] − 1, the last up to B′),
 * V(t+2, ·) (`p…`, what the last rank read), V(t, ·) being built (`c…`), the last rank's walk
 * snapshots (`sn`), and every rank's decision runs (from budget `runStart[r]` on, code
 * `runCode[r]`; rank t's are runOff[t+1]..runOff[t] − 1).
 */
const buf: {
  pN: number;
  pLo: Float64Array<ArrayBuffer>;
  pV0: Float64Array<ArrayBuffer>;
  pSl: Float64Array<ArrayBuffer>;
  nN: number;
  nLo: Float64Array<ArrayBuffer>;
  nV0: Float64Array<ArrayBuffer>;
  nSl: Float64Array<ArrayBuffer>;
  cLo: Float64Array<ArrayBuffer>;
  cV0: Float64Array<ArrayBuffer>;
  cSl: Float64Array<ArrayBuffer>;
  runN: number;
  runStart: Float64Array<ArrayBuffer>;
  runCode: Uint8Array<ArrayBuffer>;
  runOff: Int32Array<ArrayBuffer>;
  sn: Float64Array<ArrayBuffer>;
} = {
  pN: 0,
  pLo: new Float64Array(16),
  pV0: new Float64Array(16),
  pSl: new Float64Array(16),
  nN: 0,
  nLo: new Float64Array(16),
  nV0: new Float64Array(16),
  nSl: new Float64Array(16),
  cLo: new Float64Array(16),
  cV0: new Float64Array(16),
  cSl: new Float64Array(16),
  runN: 0,
  runStart: new Float64Array(1024),
  runCode: new Uint8Array(1024),
  runOff: new Int32Array(1024),
  sn: new Float64Array(64 * SNAP),
};

/** The same double, bit for bit (±0 apart; NaN never equal: the rank is then computed in full). */
const sameBits = (a: number, b: number) => a === b && (a !== 0 || 1 / a === 1 / b);

function growF64(a: Float64Array<ArrayBuffer>): Float64Array<ArrayBuffer> {
  const b = new Float64Array(a.length * 2);
  b.set(a);
  return b;
}

/**
 * The backward pass over budgets 0..Bp, one rank at a time from N−1 down to 0, in one function
 * with its state in locals: nothing is allocated per rank (buffers grow by doubling). The
 * arithmetic is the previous Step class's, operation for operation (test/engine/naive/
 * forcedSpendPieces.ts keeps it; the properties check the pieces give the same bits).
 */
function backwardPass(
  k: Population['kinds'],
  dec: Decisions,
  kindOf: Int32Array,
  ranking: Int32Array,
  Bp: number,
  meter: ((done: number) => void) | undefined,
): void {
  const N = ranking.length;
  const kc = k.c;
  const kw = k.w;
  const { offer1, offer0, bPlead1, bPlead0 } = dec;
  if (buf.runOff.length < N + 1) buf.runOff = new Int32Array(Math.max(N + 1, buf.runOff.length * 2));
  const runOff = buf.runOff;
  runOff[N] = 0;
  let pLo = buf.pLo;
  let pV0 = buf.pV0;
  let pSl = buf.pSl;
  let nLo = buf.nLo;
  let nV0 = buf.nV0;
  let nSl = buf.nSl;
  let cLo = buf.cLo;
  let cV0 = buf.cV0;
  let cSl = buf.cSl;
  let runStart = buf.runStart;
  let runCode = buf.runCode;
  let runN = 0;
  // Snapshots of the last rank's state at each interval start x, SNAP numbers each: x, V(t)'s piece
  // count, its last piece's slope and length so far (a later merge changes only those), and the
  // rank's run count. A rank of the same kind whose V(t+1) equals the last rank's V(t+2) below
  // budget D reaches the same state at every interval start ≤ D, so it starts from the last
  // snapshot there.
  let sn = buf.sn;
  let snN = 0;
  let lastKind = -1;
  // V(N, ·) = 0 on 0..B′.
  let pN = 0;
  let nN = 1;
  nLo[0] = 0;
  nV0[0] = 0;
  nSl[0] = 0;
  for (let t = N - 1; t >= 0; t--) {
    if (meter) meter(N - 1 - t);
    const kind = kindOf[ranking[t]];
    const c = kc[kind];
    const w = kw[kind];
    const s1 = offer1[kind];
    const s0 = offer0[kind];
    const bp1 = bPlead1[kind] === 1;
    const bp0 = bPlead0[kind] === 1;
    const rankBegin = runN;
    let cN = 0;
    /** Length of V(t)'s last piece so far (its merge test needs it). */
    let lastLen = 0;
    let j = 0;
    let j2 = 0;
    let pa = 0;
    let pb = 0;
    let x = 0;
    if (cLo.length < nN) {
      // V(t) has at most as many pieces as V(t+1)'s copy below (more grow as they come).
      cLo = new Float64Array(nN * 2);
      cV0 = new Float64Array(nN * 2);
      cSl = new Float64Array(nN * 2);
    }
    if (kind === lastKind) {
      // D: the first budget where V(t+1) may differ from V(t+2) (identical pieces below it).
      let m = 0;
      const both = nN < pN ? nN : pN;
      while (m < both && nLo[m] === pLo[m] && sameBits(nV0[m], pV0[m]) && sameBits(nSl[m], pSl[m])) m++;
      // The last rank's walk started an interval at each of its piece starts and the same
      // shifted by c; below D both walks have the same starts. D itself is a start of both only
      // where both pieces m begin there (or both walks end there).
      let D = 0;
      let atD = false;
      if (m > 0) {
        const endN = m < nN ? nLo[m] : Bp + 1;
        const endP = m < pN ? pLo[m] : Bp + 1;
        D = endN < endP ? endN : endP;
        atD = endN === endP;
      }
      let i = snN - 1;
      while (i > 0 && (sn[i * SNAP] > D || (sn[i * SNAP] === D && !atD))) i--;
      if (i > 0) {
        // Below that start every cell reads identical values: V(t)'s pieces there are V(t+1)'s
        // (the last one as it stood then), and so are the decision runs.
        const o = i * SNAP;
        x = sn[o];
        cN = sn[o + 1];
        for (let q = 0; q < cN; q++) {
          cLo[q] = nLo[q];
          cV0[q] = nV0[q];
          cSl[q] = nSl[q];
        }
        cSl[cN - 1] = sn[o + 2];
        lastLen = sn[o + 3];
        const runs = sn[o + 4];
        if (runN + runs > runStart.length) {
          runStart = growF64(runStart);
          const rc = new Uint8Array(runStart.length);
          rc.set(runCode);
          runCode = rc;
        }
        const from = runOff[t + 2];
        for (let q = 0; q < runs; q++) {
          runStart[runN + q] = runStart[from + q];
          runCode[runN + q] = runCode[from + q];
        }
        runN += runs;
        snN = i;
      } else snN = 0;
    } else snN = 0;
    lastKind = kind;
    // Walk the interval starts: V(t+1)'s piece starts and the same shifted by c, within 0..B′.
    // On each interval [x, y] both V(t+1, b) and V(t+1, b − c) are linear in b.
    // The snapshots serve only a next rank of the same kind.
    const record = t > 0 && kindOf[ranking[t - 1]] === kind;
    for (;;) {
      if (record) {
        if ((snN + 1) * SNAP > sn.length) sn = growF64(sn);
        const o = snN * SNAP;
        sn[o] = x;
        sn[o + 1] = cN;
        if (cN > 0) sn[o + 2] = cSl[cN - 1];
        sn[o + 3] = lastLen;
        sn[o + 4] = runN - rankBegin;
        snN++;
      }
      if (x > Bp) break;
      while (j + 1 < nN && nLo[j + 1] <= x) j++;
      if (x >= c) while (j2 + 1 < nN && nLo[j2 + 1] <= x - c) j2++;
      while (pa < nN && nLo[pa] <= x) pa++;
      while (pb < nN && nLo[pb] + c <= x) pb++;
      let y = Bp;
      if (pa < nN && nLo[pa] - 1 < y) y = nLo[pa] - 1;
      if (pb < nN && nLo[pb] + c - 1 < y) y = nLo[pb] + c - 1;
      const gLo = nLo[j];
      const gV0 = nV0[j];
      const gSl = nSl[j];
      const hLo = nLo[j2];
      const hV0 = nV0[j2];
      const hSl = nSl[j2];
      // Cut [x, y] where a value line crosses 1 (the floor of the tolerance's max(1, |a|, |b|)):
      // at most four cuts (in `cuts`), taken in increasing order.
      let hasCuts = false;
      if (x < y) {
        const A = gV0 + gSl * (x - gLo);
        const beta = gSl;
        let tryA = Infinity;
        let tryBeta = 0;
        if (c <= x) {
          tryA = w + (hV0 + hSl * (x - c - hLo));
          tryBeta = hSl;
        }
        // Every line at or above 1 and not falling (the plea lines lie above letGo): no cut.
        if (!(A >= 1 && beta >= 0 && tryA >= 1 && tryBeta >= 0))
          hasCuts = findCuts(x, y, A, beta, tryA, tryBeta, s1, s0, bp1, bp0);
      }
      let from = x;
      for (;;) {
        let at = Infinity;
        if (hasCuts) for (let q = 0; q < 4; q++) if (cuts[q] > 0 && cuts[q] < at) at = cuts[q];
        const last = at === Infinity;
        if (last || at > from) {
          const to = last ? y : at - 1;
          // [from, to]: each of the two comparisons flips at most once here, so the cells equal
          // to the first form a prefix: emit it, find where it ends by bisection, go on.
          let a = from;
          for (;;) {
            // The cells at a and at `to`, from one call site (so that the compiler inlines it).
            let code = 0;
            let codeTo = 0;
            for (let k = a < to ? 1 : 0; k >= 0; k--) {
              const cell = cellCode(k === 0 ? a : to, gLo, gV0, gSl, hLo, hV0, hSl, c, w, s1, s0, bp1, bp0);
              if (k === 0) code = cell;
              else codeTo = cell;
            }
            let end = to;
            if (a < to && codeTo !== code)
              end = lastWithCode(a, to, code, gLo, gV0, gSl, hLo, hV0, hSl, c, w, s1, s0, bp1, bp0);
            // Emit [a, end] with this code: a decision run, and V(t) on it (its value at a).
            if (runN === rankBegin || runCode[runN - 1] !== code) {
              if (runN === runStart.length) {
                runStart = growF64(runStart);
                const rc = new Uint8Array(runN * 2);
                rc.set(runCode);
                runCode = rc;
              }
              runStart[runN] = a;
              runCode[runN] = code;
              runN++;
            }
            const choice = (code >> 1) & 3;
            const letGo = gV0 + gSl * (a - gLo);
            let value: number;
            let slope: number;
            if (choice === CHOICE_TRY) {
              value = w + (hV0 + hSl * (a - c - hLo));
              slope = hSl;
            } else {
              value = choice === CHOICE_PLEA ? ((code & 1) === 1 ? s1 : s0) + letGo : letGo;
              slope = gSl;
            }
            const len = end - a + 1;
            // Append the values value + slope·(b − a) on [a, end], merging onto the last piece's line.
            let merged = false;
            if (cN > 0) {
              const q = cN - 1;
              const plo = cLo[q];
              const pv = cV0[q];
              const sl = lastLen >= 2 ? cSl[q] : value - pv;
              const first = pv + sl * (a - plo);
              const lastV = pv + sl * (a + len - 1 - plo);
              if (near(first, value) && near(lastV, value + slope * (len - 1))) {
                cSl[q] = sl;
                lastLen += len;
                merged = true;
              }
            }
            if (!merged) {
              if (cN === cLo.length) {
                cLo = growF64(cLo);
                cV0 = growF64(cV0);
                cSl = growF64(cSl);
              }
              cLo[cN] = a;
              cV0[cN] = value;
              cSl[cN] = slope;
              lastLen = len;
              cN++;
            }
            if (end === to) break;
            a = end + 1;
          }
        }
        if (last) break;
        if (at > from) from = at;
        for (let q = 0; q < 4; q++) if (cuts[q] === at) cuts[q] = -1;
      }
      x = y + 1;
    }
    // V(t) becomes V(t+1) for the next rank, V(t+1) becomes V(t+2).
    let tmp = pLo;
    pLo = nLo;
    nLo = cLo;
    cLo = tmp;
    tmp = pV0;
    pV0 = nV0;
    nV0 = cV0;
    cV0 = tmp;
    tmp = pSl;
    pSl = nSl;
    nSl = cSl;
    cSl = tmp;
    pN = nN;
    nN = cN;
    runOff[t] = runN;
  }
  buf.pN = pN;
  buf.pLo = pLo;
  buf.pV0 = pV0;
  buf.pSl = pSl;
  buf.sn = sn;
  buf.nN = nN;
  buf.nLo = nLo;
  buf.nV0 = nV0;
  buf.nSl = nSl;
  buf.cLo = cLo;
  buf.cV0 = cV0;
  buf.cSl = cSl;
  buf.runN = runN;
  buf.runStart = runStart;
  buf.runCode = runCode;
}

const same = (a: number, b: number) => a === b || (a !== a && b !== b);

/**
 * What the last backward pass was computed from: the believed (c, w, offers, pleas) of each kind
 * and the kind at each rank, and the budgets it covers (0..Bp). The pass depends on nothing else,
 * so a solve with the same of all three reuses it bit for bit (a pass over a wider range can
 * differ in the last bits: see the file's head). Fund coverage, which can change with the budget,
 * changes the kinds, so it is part of the key through them.
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
export function forcedSpendResumeMemoStats(): { hits: number; misses: number } {
  return { hits: memo.hits, misses: memo.misses };
}

/** Forget the kept backward pass (the next solve is cold, as in a fresh page). */
export function forgetForcedSpendResumeMemo(): void {
  memo.valid = false;
}

export function forcedSpendResume(
  input: ForcedSpendInput,
  detail?: PassDetail,
  hooks?: WorkHooks,
): PassTotals & { plannedTake: number } {
  const { pop, dec, kindOf, ranking } = input;
  const k = pop.kinds;
  const N = ranking.length;
  const Bp = Math.min(input.budget, pop.totalUnits);
  // A caller that watches the computation (progress, Cancel) gets it computed: the hooks report
  // on the backward pass's steps.
  // The kept pass serves only the same ranks, believed kinds and range 0..B′: a pass over another
  // range can differ from this one's in the last bits (see the Memo).
  if (!hooks && memo.Bp === Bp && memo.matches(k, dec, kindOf, ranking)) memo.hits++;
  else {
    memo.misses++;
    memo.valid = false;
    backwardPass(k, dec, kindOf, ranking, Bp, hooks ? workMeter(hooks, N) : undefined);
    memo.store(k, dec, kindOf, ranking, Bp);
  }
  const plannedTake = valueAt(buf.nN, buf.nLo, buf.nV0, buf.nSl, Bp);

  // The pass, on the truth, at the real budget. Ranks were walked from N−1 down, so rank t's runs
  // are runOff[t+1]..runOff[t]−1 (runOff[N] = 0), in increasing budget order.
  return { ...forwardPass(input, Bp, buf.runOff, buf.runStart, buf.runCode, detail), plannedTake };
}

/**
 * The pass at the real budget, on the truth, reading her decision runs (a function of its own: a
 * sweep runs only this, and it stays small for the optimiser). Returns the totals.
 */
function forwardPass(
  input: ForcedSpendInput,
  Bp: number,
  runOff: Int32Array,
  start: Float64Array,
  codes: Uint8Array,
  detail: PassDetail | undefined,
): PassTotals {
  const { pop, dec, kindOf, ranking } = input;
  const N = ranking.length;
  const c = pop.kinds.c;
  const { offer1, offer0, plead1, plead0 } = dec;
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
    // The last run starting at or below b (the first starts at 0), by bisection: a rank can have
    // several runs.
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
function valueAt(n: number, lo: Float64Array, v0: Float64Array, sl: Float64Array, b: number): number {
  let j = n - 1;
  while (j > 0 && lo[j] > b) j--;
  return v0[j] + sl[j] * (b - lo[j]);
}
