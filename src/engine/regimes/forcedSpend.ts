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
 * A plain array of n zeros that holds only doubles (V8's PACKED_DOUBLE_ELEMENTS: unboxed, as in a
 * Float64Array). The solver's own state is kept in such arrays, not in typed arrays: once any
 * ArrayBuffer in the process has been detached (a transfer, as the app's worker makes when it
 * sends packed rows), V8 checks every typed-array access for detachment, and the backward pass,
 * nearly all such accesses, ran 12–20% slower (a plain array has no buffer to check).
 */
function doubles(n: number): number[] {
  const a = [0.5];
  a.pop();
  for (let i = 0; i < n; i++) a.push(0);
  return a;
}
/** The same for small integers (PACKED_SMI_ELEMENTS). */
function smis(n: number): number[] {
  const a: number[] = [];
  for (let i = 0; i < n; i++) a.push(0);
  return a;
}

/** Numbers per snapshot of the backward walk (see backwardPass). */
const SNAP = 5;
/** Numbers per linear piece in `buf.V`: its first budget, its value there, its slope. */
const PIECE = 3;

/**
 * The solver's buffers, kept from solve to solve (a solve runs to the end before the next). `V`
 * holds two value functions in two regions of `cap` pieces each (one array): V(t+1) (region `nR`:
 * piece j covers lo_j..lo_{j+1} − 1, the last up to B′) and V(t+2) (the other region, what the last
 * rank read), which V(t) then overwrites: a rank that resumes keeps its first pieces, identical to
 * V(t+1)'s (see backwardPass). `runs` holds every rank's
 * decision runs, two numbers each (from budget `start` on, code `code`; rank t's are
 * runOff[t+1]..runOff[t] − 1), and `sn` the last rank's walk snapshots.
 */
const buf: {
  V: number[];
  cap: number;
  nR: number;
  nN: number;
  runs: number[];
  runOff: number[];
  sn: number[];
} = {
  V: doubles(2 * 16 * PIECE),
  cap: 16,
  nR: 1,
  nN: 0,
  runs: doubles(2 * 1024),
  runOff: smis(1024),
  sn: doubles(64 * SNAP),
};

/**
 * The last rank of an earlier run of another kind, kept so that the next rank of its kind can
 * resume from it as from the rank before (see backwardPass): the V it read (`inV`, `inN` pieces),
 * the V it built (`outV`), its snapshots (`sn`, `snN`) and its rank `T` (its runs are
 * runOff[T+1]..). kind −1: empty.
 */
interface Alt {
  kind: number;
  T: number;
  inN: number;
  inV: number[];
  outV: number[];
  sn: number[];
  snN: number;
}
const newAlt = (): Alt => ({
  kind: -1,
  T: 0,
  inN: 0,
  inV: doubles(16 * PIECE),
  outV: doubles(16 * PIECE),
  sn: doubles(64 * SNAP),
  snN: 0,
});
const alts = { alt: newAlt(), spare: newAlt() };

/** The same double, bit for bit (±0 apart; NaN never equal: the rank is then computed in full). */
const sameBits = (a: number, b: number) => a === b && (a !== 0 || 1 / a === 1 / b);

/** `a` twice as long, in place (the new half zero). */
function growF64(a: number[]): number[] {
  for (let i = a.length, n = 2 * a.length; i < n; i++) a.push(0);
  return a;
}

/** `V` with each of its two regions twice as long (region r's pieces keep their index). */
function growRegions(V: number[], cap: number): number[] {
  const size = cap * PIECE;
  const b = doubles(V.length * 2);
  for (let r = 0; r < 2; r++) for (let q = 0; q < size; q++) b[r * 2 * size + q] = V[r * size + q];
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
  if (buf.runOff.length < N + 1) buf.runOff = smis(Math.max(N + 1, buf.runOff.length * 2));
  const runOff = buf.runOff;
  runOff[N] = 0;
  let V = buf.V;
  let cap = buf.cap;
  // Regions (0, 1) of V(t+2) and V(t+1), and their offsets in V. V(t) is built over V(t+2).
  let pR = 0;
  let nR = 1;
  let pO = 0;
  let nO = cap * PIECE;
  let runs = buf.runs;
  let runN = 0;
  // Snapshots of the last rank's state at each interval start x, SNAP numbers each: x, V(t)'s piece
  // count, its last piece's slope and length so far (a later merge changes only those), and the
  // rank's run count. A rank of the same kind whose V(t+1) equals the last rank's V(t+2) below
  // budget D reaches the same state at every interval start ≤ D, so it starts from the last
  // snapshot there.
  let sn = buf.sn;
  let snN = 0;
  let lastKind = -1;
  let alt = alts.alt;
  let spare = alts.spare;
  alt.kind = -1;
  // V(N, ·) = 0 on 0..B′.
  let pN = 0;
  let nN = 1;
  V[nO] = 0;
  V[nO + 1] = 0;
  V[nO + 2] = 0;
  let kind = N > 0 ? kindOf[ranking[N - 1]] : -1;
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
    const rankBegin = runN;
    const snN0 = snN;
    let cN = 0;
    /** Length of V(t)'s last piece so far (its merge test needs it). */
    let lastLen = 0;
    // V(t)'s last piece (while cN > 0): its first budget, its value there, its slope so far, kept in
    // locals as well as in V (the walk reads them at every interval).
    let lastLo = 0;
    let lastV0 = 0;
    let lastSl = 0;
    let j = 0;
    let j2 = 0;
    let x = 0;
    if (kind === lastKind) {
      // D: the first budget where V(t+1) may differ from V(t+2) (identical pieces below it).
      let m = 0;
      const both = nN < pN ? nN : pN;
      while (
        m < both &&
        V[nO + m * PIECE] === V[pO + m * PIECE] &&
        sameBits(V[nO + m * PIECE + 1], V[pO + m * PIECE + 1]) &&
        sameBits(V[nO + m * PIECE + 2], V[pO + m * PIECE + 2])
      )
        m++;
      // The last rank's walk started an interval at each of its piece starts and the same
      // shifted by c; below D both walks have the same starts. D itself is a start of both only
      // where both pieces m begin there (or both walks end there).
      let D = 0;
      let atD = false;
      if (m > 0) {
        const endN = m < nN ? V[nO + m * PIECE] : Bp + 1;
        const endP = m < pN ? V[pO + m * PIECE] : Bp + 1;
        D = endN < endP ? endN : endP;
        atD = endN === endP;
      }
      let i = snN - 1;
      while (i > 0 && (sn[i * SNAP] > D || (sn[i * SNAP] === D && !atD))) i--;
      if (i > 0) {
        // Below that start every cell reads identical values: V(t)'s pieces there are V(t+1)'s
        // (the last one as it stood then), and so are the decision runs. Those pieces start below
        // D, so they are among the m that V(t+2) shares bit for bit: V(t), built over V(t+2),
        // keeps them as they are and takes the last one's slope as it stood.
        const o = i * SNAP;
        x = sn[o];
        // Counts come back as integers (`| 0`): a double here would make every index a double.
        cN = sn[o + 1] | 0;
        lastSl = sn[o + 2];
        V[pO + (cN - 1) * PIECE + 2] = lastSl;
        lastLo = V[pO + (cN - 1) * PIECE];
        lastV0 = V[pO + (cN - 1) * PIECE + 1];
        lastLen = sn[o + 3];
        const nr = sn[o + 4] | 0;
        if ((runN + nr) * 2 > runs.length) runs = growF64(runs);
        const from = runOff[t + 2] * 2;
        for (let q = 0; q < nr * 2; q++) runs[runN * 2 + q] = runs[from + q];
        runN += nr;
        snN = i;
      } else snN = 0;
    } else {
      snN = 0;
      // A change of kind. The last rank (t+1) becomes the alternate (its snapshots handed over,
      // the two value functions copied), and the previous alternate, the last rank of an earlier
      // run, serves this rank if it is of this kind: the same reasoning as for the rank before,
      // with its V read and built in place of V(t+2) and V(t+1)'s first pieces.
      const old = alt;
      if (lastKind >= 0) {
        const a = spare;
        a.kind = lastKind;
        a.T = t + 1;
        a.inN = pN;
        a.snN = snN0;
        if (a.inV.length < pN * PIECE) a.inV = doubles(pN * PIECE * 2);
        if (a.outV.length < nN * PIECE) a.outV = doubles(nN * PIECE * 2);
        for (let q = 0; q < pN * PIECE; q++) a.inV[q] = V[pO + q];
        for (let q = 0; q < nN * PIECE; q++) a.outV[q] = V[nO + q];
        const hand = a.sn;
        a.sn = sn;
        sn = hand;
        spare = old;
        alt = a;
      }
      if (old.kind === kind) {
        const inV = old.inV;
        const inN = old.inN;
        let m = 0;
        const both = nN < inN ? nN : inN;
        while (
          m < both &&
          V[nO + m * PIECE] === inV[m * PIECE] &&
          sameBits(V[nO + m * PIECE + 1], inV[m * PIECE + 1]) &&
          sameBits(V[nO + m * PIECE + 2], inV[m * PIECE + 2])
        )
          m++;
        let D = 0;
        let atD = false;
        if (m > 0) {
          const endN = m < nN ? V[nO + m * PIECE] : Bp + 1;
          const endP = m < inN ? inV[m * PIECE] : Bp + 1;
          D = endN < endP ? endN : endP;
          atD = endN === endP;
        }
        const osn = old.sn;
        let i = old.snN - 1;
        while (i > 0 && (osn[i * SNAP] > D || (osn[i * SNAP] === D && !atD))) i--;
        if (i > 0) {
          const o = i * SNAP;
          x = osn[o];
          cN = osn[o + 1] | 0;
          const outV = old.outV;
          for (let q = 0; q < cN * PIECE; q++) V[pO + q] = outV[q];
          lastSl = osn[o + 2];
          V[pO + (cN - 1) * PIECE + 2] = lastSl;
          lastLo = V[pO + (cN - 1) * PIECE];
          lastV0 = V[pO + (cN - 1) * PIECE + 1];
          lastLen = osn[o + 3];
          const nr = osn[o + 4] | 0;
          while ((runN + nr) * 2 > runs.length) runs = growF64(runs);
          const from = runOff[old.T + 1] * 2;
          for (let q = 0; q < nr * 2; q++) runs[runN * 2 + q] = runs[from + q];
          runN += nr;
          // Its snapshots below x are this rank's: they become the ones this walk extends.
          const hand = old.sn;
          old.sn = sn;
          sn = hand;
          snN = i;
        }
      }
    }
    lastKind = kind;
    // Walk the interval starts: V(t+1)'s piece starts and the same shifted by c, within 0..B′.
    // On each interval [x, y] both V(t+1, b) and V(t+1, b − c) are linear in b.
    // The snapshots serve a next rank of the same kind, or (the last of a run) a later one.
    for (;;) {
      {
        if ((snN + 1) * SNAP > sn.length) sn = growF64(sn);
        const o = snN * SNAP;
        sn[o] = x;
        sn[o + 1] = cN;
        if (cN > 0) sn[o + 2] = lastSl;
        sn[o + 3] = lastLen;
        sn[o + 4] = runN - rankBegin;
        snN++;
      }
      if (x > Bp) break;
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
            if (!one && codeTo !== code)
              end = lastWithCode(a, to, code, gLo, gV0, gSl, hLo, hV0, hSl, c, w, s1, s0, bp1, bp0);
            // Emit [a, end] with this code: a decision run, and V(t) on it (its value at a).
            if (runN === rankBegin || runs[runN * 2 - 1] !== code) {
              if (runN * 2 === runs.length) runs = growF64(runs);
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
                V[pO + (cN - 1) * PIECE + 2] = sl;
                lastSl = sl;
                lastLen += len;
                merged = true;
              }
            }
            if (!merged) {
              if (cN === cap) {
                V = growRegions(V, cap);
                cap *= 2;
                pO = pR * cap * PIECE;
                nO = nR * cap * PIECE;
              }
              const q = pO + cN * PIECE;
              V[q] = a;
              V[q + 1] = value;
              V[q + 2] = slope;
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
    // V(t) becomes V(t+1) for the next rank, V(t+1) becomes V(t+2).
    const r = pR;
    pR = nR;
    nR = r;
    const o = pO;
    pO = nO;
    nO = o;
    pN = nN;
    nN = cN;
    runOff[t] = runN;
    kind = nextKind;
  }
  buf.V = V;
  buf.cap = cap;
  buf.nR = nR;
  buf.nN = nN;
  buf.runs = runs;
  buf.sn = sn;
  alts.alt = alt;
  alts.spare = spare;
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
  const plannedTake = valueAt(buf.nN, buf.V, buf.nR * buf.cap * PIECE, Bp);

  // The pass, on the truth, at the real budget. Ranks were walked from N−1 down, so rank t's runs
  // are runOff[t+1]..runOff[t]−1 (runOff[N] = 0), in increasing budget order.
  return { ...forwardPass(input, Bp, buf.runOff, buf.runs, detail), plannedTake };
}

/**
 * The pass at the real budget, on the truth, reading her decision runs (a function of its own: a
 * sweep runs only this, and it stays small for the optimiser). Returns the totals.
 */
function forwardPass(
  input: ForcedSpendInput,
  Bp: number,
  runOff: number[],
  runs: number[],
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

/** V at budget b from its pieces. */
function valueAt(n: number, V: number[], off: number, b: number): number {
  let j = n - 1;
  while (j > 0 && V[off + j * PIECE] > b) j--;
  return V[off + j * PIECE + 1] + V[off + j * PIECE + 2] * (b - V[off + j * PIECE]);
}
