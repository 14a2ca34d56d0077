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
// below D (a rank that changes nothing costs O(pieces)). The last rank of a run is kept (the
// alternate: the V it read, the V it built, its snapshots) when the kind changes, and the first
// rank of the next run of its kind resumes from it the same way (ranks alternating between two
// kinds, as Crespo's pledged defendants among the unpledged, no longer walk from budget 0: at
// B = 7,000, 16 ranks walk from 0 instead of 664). Every value is computed by the same
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
/**
 * |a − b| ≤ MERGE_TOL·max(1, |a|, |b|), written as three tests: a product by a positive constant
 * rounds monotonically, so MERGE_TOL·max(…) is the largest of the three products (the same
 * answer, NaN included: every test is then false).
 */
const near = (a: number, b: number) => {
  const d = Math.abs(a - b);
  return d <= MERGE_TOL || d <= MERGE_TOL * Math.abs(a) || d <= MERGE_TOL * Math.abs(b);
};
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

/**
 * The last cell of [a, to] with `code` (cell a has it, cell to has not): by bisection. The cells
 * with `code` form a prefix of [a, to] (see backwardPass), so the cell is the one whose successor
 * has another code; `hint`, where the source the rank resumed from changed its code (−1: none),
 * is tried first and narrows the bisection to the same answer.
 */
function lastWithCode(
  a: number,
  to: number,
  code: number,
  hint: number,
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
  for (let k = 0; k < 2; k++) {
    const at = hint + k;
    if (at > lo && at < hi) {
      if (cellCode(at, gLo, gV0, gSl, hLo, hV0, hSl, c, w, s1, s0, bp1, bp0) === code) lo = at;
      else hi = at;
    }
  }
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (cellCode(mid, gLo, gV0, gSl, hLo, hV0, hSl, c, w, s1, s0, bp1, bp0) === code) lo = mid;
    else hi = mid;
  }
  return lo;
}

/** Numbers per linear piece: its first budget, its value there, its slope, the slope it was made with. */
const PIECE = 4;

/**
 * One backward pass, rank by rank (a log): every rank's V(t) and decision runs, kept whole so
 * that the next solve of the scenario can resume each rank from it (see backwardPass). Rank t's
 * pieces are P[pOff[t+1]..pOff[t]) (offsets in numbers; V(N) = 0 is P[0..PIECE)), its runs
 * R[2·rOff[t+1]..2·rOff[t]) (from budget `start` on, code `code`), all ranks written from N−1 down.
 * `Bp`: the pass covered budgets 0..Bp.
 */
interface Log {
  P: Float64Array<ArrayBuffer>;
  R: Float64Array<ArrayBuffer>;
  pOff: Int32Array<ArrayBuffer>;
  rOff: Int32Array<ArrayBuffer>;
  Bp: number;
}
const newLog = (): Log => ({
  P: new Float64Array(64 * PIECE),
  R: new Float64Array(2 * 64),
  pOff: new Int32Array(0),
  rOff: new Int32Array(0),
  Bp: -1,
});

/** The same double, bit for bit (±0 apart; NaN never equal: the rank is then computed in full). */
const sameBits = (a: number, b: number) => a === b && (a !== 0 || 1 / a === 1 / b);

function growF64(a: Float64Array<ArrayBuffer>, need: number): Float64Array<ArrayBuffer> {
  let n = a.length * 2;
  while (n < need) n *= 2;
  const b = new Float64Array(n);
  b.set(a);
  return b;
}

/**
 * Where a rank may resume from a source rank of its kind (a same-kind rank above it in this pass,
 * or the same rank in the last pass): the source read Q[qS..qS+PIECE·qN) (ending at qEnd, its
 * B′ + 1), this rank reads P[pS..pS+PIECE·pN) (ending at pEnd). D is the first budget where the two
 * may differ (their first m pieces are the same bits). Every interval start of the walk below D —
 * 0, a piece start, a piece start shifted by c, c itself — is one of both walks (the same pieces
 * give the same starts there), and so is D when both have a piece start there or both end there:
 * the largest such start is where both walks are in the same state (the cells below it read the
 * same values, in the same intervals). 0: walk from the start. The first m0 pieces are known to
 * be the same.
 */
function resumeAt(
  P: Float64Array,
  pS: number,
  pN: number,
  pEnd: number,
  Q: Float64Array,
  qS: number,
  qN: number,
  qEnd: number,
  c: number,
  m0: number,
): number {
  let m = m0;
  const both = pN < qN ? pN : qN;
  while (
    m < both &&
    P[pS + m * PIECE] === Q[qS + m * PIECE] &&
    sameBits(P[pS + m * PIECE + 1], Q[qS + m * PIECE + 1]) &&
    sameBits(P[pS + m * PIECE + 2], Q[qS + m * PIECE + 2])
  )
    m++;
  if (m === 0) return 0;
  const endN = m < pN ? P[pS + m * PIECE] : pEnd;
  const endP = m < qN ? Q[qS + m * PIECE] : qEnd;
  const D = endN < endP ? endN : endP;
  if (endN === endP) return D;
  let x = P[pS + (m - 1) * PIECE];
  if (c < D && c > x) x = c;
  for (let j = m - 1; j >= 0; j--) {
    const s = P[pS + j * PIECE] + c;
    if (s < D) {
      if (s > x) x = s;
      break;
    }
  }
  return x;
}

/** The last rank of each kind in the pass so far (see backwardPass). */
let lastOf = new Int32Array(16);

/**
 * The backward pass over budgets 0..Bp, one rank at a time from N−1 down to 0, written to `out`,
 * in one function with its state in locals (logs grow by doubling). The arithmetic is the previous
 * Step class's, operation for operation (test/engine/naive/forcedSpendPieces.ts keeps it; the
 * properties check the pieces give the same bits). `old`: the last pass of the same ranks and
 * believed kinds (over another range), or null.
 */
function backwardPass(
  k: Population['kinds'],
  dec: Decisions,
  kindOf: Int32Array,
  ranking: Int32Array,
  Bp: number,
  meter: ((done: number) => void) | undefined,
  old: Log | null,
  out: Log,
): void {
  const N = ranking.length;
  const kc = k.c;
  const kw = k.w;
  const { offer1, offer0, bPlead1, bPlead0 } = dec;
  if (out.pOff.length !== N + 2) {
    out.pOff = new Int32Array(N + 2);
    out.rOff = new Int32Array(N + 1);
  }
  const pOff = out.pOff;
  const rOff = out.rOff;
  let V = out.P;
  let runs = out.R;
  // The last rank of each kind walked so far (−1: none): the next rank of that kind may resume from it.
  if (lastOf.length < k.size) lastOf = new Int32Array(Math.max(k.size, lastOf.length * 2));
  lastOf.fill(-1, 0, k.size);
  const oP = old ? old.P : V;
  const oR = old ? old.R : runs;
  const oPOff = old ? old.pOff : pOff;
  const oROff = old ? old.rOff : rOff;
  const oEnd = old ? old.Bp + 1 : 0;
  // V(N, ·) = 0 on 0..B′.
  V[0] = 0;
  V[1] = 0;
  V[2] = 0;
  V[3] = 0;
  pOff[N + 1] = 0;
  pOff[N] = PIECE;
  rOff[N] = 0;
  let runN = 0;
  // Leading pieces of V(t+1) known to be the last pass's V(t+1) bit for bit.
  let knownSame = 0;
  let kind = N > 0 ? kindOf[ranking[N - 1]] : -1;
  let lastKind = -1;
  // The rank's believed kind, read again only where the kind changes.
  let c = 0;
  let w = 0;
  let s1 = 0;
  let s0 = 0;
  let bp1 = false;
  let bp0 = false;
  for (let t = N - 1; t >= 0; t--) {
    if (meter) meter(N - 1 - t);
    const nextKind = t > 0 ? kindOf[ranking[t - 1]] : -1;
    if (kind !== lastKind) {
      c = kc[kind];
      w = kw[kind];
      s1 = offer1[kind];
      s0 = offer0[kind];
      bp1 = bPlead1[kind] === 1;
      bp0 = bPlead0[kind] === 1;
    }
    lastKind = kind;
    // V(t+1): this rank reads it at nO (nN pieces) and builds V(t) after it, at oO.
    const nO = pOff[t + 2];
    const oO = pOff[t + 1];
    const nN = (oO - nO) >> 2; // PIECE = 4: an integer count
    const rankBegin = runN;
    let cN = 0;
    /** Length of V(t)'s last piece so far (its merge test needs it). */
    let lastLen = 0;
    // V(t)'s last piece (while cN > 0): its first budget, its value there, its slope so far, kept in
    // locals as well as in V (the walk reads them at every interval).
    let lastLo = 0;
    let lastV0 = 0;
    let lastSl = 0;
    let x = 0;
    // The source's runs from x on (hR[2·hp..2·hE)): where it changed its code, tried first by the
    // bisections.
    let hR = runs;
    let hp = 0;
    let hE = 0;
    // Resume: from this rank in the last pass, or from the last rank of its kind in this one,
    // whichever shares more; the state there is read off the source's pieces and runs (pieces and
    // runs are only appended, and only the last piece's slope changes, while it is one cell long).
    {
      let next = 0;
      let best = 0;
      let sP = V;
      let sPS = 0;
      let sPE = 0;
      let sR = runs;
      let sRS = 0;
      let sRE = 0;
      if (old) {
        const qS = oPOff[t + 2];
        const qE = oPOff[t + 1];
        const at = resumeAt(V, nO, nN, Bp + 1, oP, qS, (qE - qS) >> 2, oEnd, c, knownSame);
        if (at > best) {
          best = at;
          sP = oP;
          sPS = qE;
          sPE = oPOff[t];
          sR = oR;
          sRS = oROff[t + 1];
          sRE = oROff[t];
        }
      }
      const T = lastOf[kind];
      // (Not asked when the last pass's rank already resumes at V(t+1)'s last piece or beyond.)
      if (T >= 0 && (best === 0 || best < V[oO - PIECE])) {
        const qS = pOff[T + 2];
        const qE = pOff[T + 1];
        const at = resumeAt(V, nO, nN, Bp + 1, V, qS, (qE - qS) >> 2, Bp + 1, c, 0);
        if (at > best) {
          best = at;
          sP = V;
          sPS = qE;
          sPE = pOff[T];
          sR = runs;
          sRS = rOff[T + 1];
          sRE = rOff[T];
        }
      }
      if (best > 0) {
        x = best;
        let q = sPS;
        while (q < sPE && sP[q] < x) q += PIECE;
        const n = q - sPS;
        if (oO + n > V.length) V = growF64(V, oO + n);
        for (let i = 0; i < n; i++) V[oO + i] = sP[sPS + i];
        cN = n >> 2;
        const l = oO + n - PIECE;
        lastLo = V[l];
        lastV0 = V[l + 1];
        lastLen = x - lastLo;
        lastSl = lastLen >= 2 ? V[l + 2] : V[l + 3];
        V[l + 2] = lastSl;
        let r = sRS;
        while (r < sRE && sR[r * 2] < x) r++;
        const nr = r - sRS;
        if ((runN + nr) * 2 > runs.length) runs = growF64(runs, (runN + nr) * 2);
        for (let i = 0; i < nr * 2; i++) runs[runN * 2 + i] = sR[sRS * 2 + i];
        runN += nr;
        hR = sR;
        hp = r;
        hE = sRE;
        // Pieces copied from the last pass's rank (all but the last, whose slope may change) are
        // its bits: the next rank's comparison with the last pass skips them.
        if (sP === oP && old) next = cN - 1;
      }
      knownSame = next;
    }
    let j = 0;
    let j2 = 0;
    // Walk the interval starts: V(t+1)'s piece starts and the same shifted by c, within 0..B′.
    // On each interval [x, y] both V(t+1, b) and V(t+1, b − c) are linear in b.
    while (x <= Bp) {
      // j: V(t+1)'s piece under x; j2: its piece under x − c (piece 0 while x < c). The interval
      // ends before the next piece start, or the next start shifted by c, whichever comes first.
      while (j + 1 < nN && V[nO + (j + 1) * PIECE] <= x) j++;
      let y = Bp;
      if (j + 1 < nN && V[nO + (j + 1) * PIECE] - 1 < y) y = V[nO + (j + 1) * PIECE] - 1;
      if (x >= c) {
        while (j2 + 1 < nN && V[nO + (j2 + 1) * PIECE] <= x - c) j2++;
        if (j2 + 1 < nN && V[nO + (j2 + 1) * PIECE] + c - 1 < y) y = V[nO + (j2 + 1) * PIECE] + c - 1;
      } else if (c - 1 < y) y = c - 1;
      const gLo = V[nO + j * PIECE];
      const gV0 = V[nO + j * PIECE + 1];
      const gSl = V[nO + j * PIECE + 2];
      const hLo = V[nO + j2 * PIECE];
      const hV0 = V[nO + j2 * PIECE + 1];
      const hSl = V[nO + j2 * PIECE + 2];
      // Cut [x, y] where a value line crosses 1 (the floor of the tolerance's max(1, |a|, |b|)):
      // at most four cuts (−1: none), taken in increasing order.
      let cut0 = -1;
      let cut1 = -1;
      let cut2 = -1;
      let cut3 = -1;
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
        if (!(A >= 1 && beta >= 0 && tryA >= 1 && tryBeta >= 0)) {
          cut0 = cross(x, y, A, beta);
          cut1 = bp1 ? cross(x, y, A + s1, beta) : -1;
          cut2 = bp0 ? cross(x, y, A + s0, beta) : -1;
          cut3 = tryA === Infinity ? -1 : cross(x, y, tryA, tryBeta);
          hasCuts = cut0 > 0 || cut1 > 0 || cut2 > 0 || cut3 > 0;
        }
      }
      let from = x;
      for (;;) {
        let at = Infinity;
        if (hasCuts) {
          if (cut0 > 0 && cut0 < at) at = cut0;
          if (cut1 > 0 && cut1 < at) at = cut1;
          if (cut2 > 0 && cut2 < at) at = cut2;
          if (cut3 > 0 && cut3 < at) at = cut3;
        }
        const last = at === Infinity;
        if (last || at > from) {
          const to = last ? y : at - 1;
          // [from, to]: each of the two comparisons flips at most once here, so the cells equal
          // to the first form a prefix: emit it, find where it ends by bisection, go on.
          let a = from;
          for (;;) {
            // The cells at a and at `to`, from one call site (so that the compiler inlines it).
            // Where V(t+1) is flat under both (slope ±0: letGo, and tryV if both may try, are
            // the same double at every cell of [a, to]), the cell at `to` is the cell at a.
            const one = a === to || (gSl === 0 && (c > to || (c <= a && hSl === 0)));
            let code = 0;
            let codeTo = 0;
            for (let k = one ? 0 : 1; k >= 0; k--) {
              const cell = cellCode(k === 0 ? a : to, gLo, gV0, gSl, hLo, hV0, hSl, c, w, s1, s0, bp1, bp0);
              if (k === 0) code = cell;
              else codeTo = cell;
            }
            let end = to;
            if (!one && codeTo !== code) {
              while (hp < hE && hR[hp * 2] <= a) hp++;
              const hint = hp < hE ? hR[hp * 2] - 1 : -1;
              end = lastWithCode(a, to, code, hint, gLo, gV0, gSl, hLo, hV0, hSl, c, w, s1, s0, bp1, bp0);
            }
            // Emit [a, end] with this code: a decision run, and V(t) on it (its value at a).
            if (runN === rankBegin || runs[runN * 2 - 1] !== code) {
              if (runN * 2 === runs.length) runs = growF64(runs, 0);
              runs[runN * 2] = a;
              runs[runN * 2 + 1] = code;
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
              const plo = lastLo;
              const pv = lastV0;
              const sl = lastLen >= 2 ? lastSl : value - pv;
              const first = pv + sl * (a - plo);
              const lastV = pv + sl * (a + len - 1 - plo);
              if (near(first, value) && near(lastV, value + slope * (len - 1))) {
                V[oO + (cN - 1) * PIECE + 2] = sl;
                lastSl = sl;
                lastLen += len;
                merged = true;
              }
            }
            if (!merged) {
              const q = oO + cN * PIECE;
              if (q + PIECE > V.length) V = growF64(V, 0);
              V[q] = a;
              V[q + 1] = value;
              V[q + 2] = slope;
              V[q + 3] = slope;
              lastLo = a;
              lastV0 = value;
              lastSl = slope;
              lastLen = len;
              cN++;
            }
            if (end === to) break;
            a = end + 1;
          }
        }
        if (last) break;
        if (at > from) from = at;
        if (cut0 === at) cut0 = -1;
        if (cut1 === at) cut1 = -1;
        if (cut2 === at) cut2 = -1;
        if (cut3 === at) cut3 = -1;
      }
      x = y + 1;
    }
    pOff[t] = oO + cN * PIECE;
    rOff[t] = runN;
    lastOf[kind] = t;
    kind = nextKind;
  }
  out.P = V;
  out.R = runs;
  out.Bp = Bp;
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
    const seq = this.seq;
    for (let t = 0; t < N; t++) seq[t] = kindOf[ranking[t]];
    this.Bp = Bp;
    this.valid = true;
  }
}

const memo = new Memo();
/**
 * The logs: `cur` the last pass (its ranks and believed kinds the Memo's), `other` the one before
 * it of the same scenario (its buffers reused for the next pass), emptied when the scenario's ranks
 * or believed kinds change. Memory: the two passes of one scenario, each at most 4× what it holds
 * (Σ over ranks of V(t)'s pieces × 4 numbers and decision runs × 2, plus 2 × (N + 2) offsets).
 */
const logs = { cur: newLog(), other: newLog() };

/** A log's arrays back to twice what the pass held if they are more than 4× that (and not small). */
function trim(log: Log, N: number): void {
  const usedP = N >= 0 && log.pOff.length === N + 2 ? log.pOff[0] : 0;
  const usedR = N >= 0 && log.rOff.length === N + 1 ? log.rOff[0] * 2 : 0;
  if (log.P.length > 65536 && log.P.length > 4 * usedP) log.P = log.P.slice(0, Math.max(256, 2 * usedP));
  if (log.R.length > 65536 && log.R.length > 4 * usedR) log.R = log.R.slice(0, Math.max(128, 2 * usedR));
}

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
  // The kept pass serves the same ranks, believed kinds and range 0..B′ as it is (a pass over
  // another range can differ from this one's in the last bits: see the file's head); over another
  // range, each rank resumes from its state in the kept pass. A caller that watches the
  // computation (progress, Cancel) gets it computed from scratch: the hooks report on the
  // backward pass's steps.
  const same = memo.matches(k, dec, kindOf, ranking);
  if (!hooks && same && memo.Bp === Bp) memo.hits++;
  else {
    memo.misses++;
    memo.valid = false;
    const old = same && !hooks ? logs.cur : null;
    const out = old ? logs.other : logs.cur;
    if (!same) logs.other = newLog();
    backwardPass(k, dec, kindOf, ranking, Bp, hooks ? workMeter(hooks, N) : undefined, old, out);
    trim(out, N);
    if (old) {
      logs.other = old;
      logs.cur = out;
    }
    memo.store(k, dec, kindOf, ranking, Bp);
  }
  const log = logs.cur;
  const plannedTake = valueAt(log.P, log.pOff[1], log.pOff[0], Bp);

  // The pass, on the truth, at the real budget. Ranks were walked from N−1 down, so rank t's runs
  // are rOff[t+1]..rOff[t]−1 (rOff[N] = 0), in increasing budget order.
  return { ...forwardPass(input, Bp, log.rOff, log.R, detail), plannedTake };
}

/**
 * The pass at the real budget, on the truth, reading her decision runs (a function of its own: a
 * sweep runs only this, and it stays small for the optimiser). Returns the totals.
 */
function forwardPass(
  input: ForcedSpendInput,
  Bp: number,
  runOff: Int32Array,
  runs: Float64Array,
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
      if (runs[mid * 2] <= b) r = mid;
      else hi = mid - 1;
    }
    const code = runs[r * 2 + 1];
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

/** V at budget b from its pieces P[from..to). */
function valueAt(V: Float64Array, from: number, to: number, b: number): number {
  let q = to - PIECE;
  while (q > from && V[q] > b) q -= PIECE;
  return V[q + 1] + V[q + 2] * (b - V[q]);
}
