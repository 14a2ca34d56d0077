// Lottery (MODEL.md §4.2, §5): simultaneous offers; she tries rejecters chosen uniformly at
// random, k = floor(B/c) of them. With R rejecters each is tried with π(R) = min(1, k/R).
// Everything is computed per kind of defendant (thresholds, G, equilibria), then expanded.
import { lessTol, positive } from '../numeric';
import type { Population } from '../population/kinds';
import { maxAcceptable } from './decision';

export interface LotteryEquilibrium {
  size: number;
  take: number;
  trials: number;
  free: number;
  budgetUsed: number;
  fundPaid: number;
}

/** d + min(1, k/(m+1))·ê < a, under the tolerance. */
function refusesWith(m: number, k: number, d: number, eHat: number, a: number): boolean {
  const r = d + Math.min(1, k / (m + 1)) * eHat;
  return lessTol(r, a);
}

/** τ for one kind: the least m ≥ 0 of other rejecters at which he refuses; min(τ, N); −1 if none. */
export function threshold(
  never: boolean,
  s: number,
  K: number,
  L: number,
  d: number,
  eHat: number,
  k: number,
  N: number,
): number {
  if (never || !positive(s)) return 0;
  const a = s + K + L;
  // r(m) is non-increasing in m and tends to d: refusal at some m ⇔ refusal in the limit.
  if (k === 0 || eHat === 0) return lessTol(d, a) ? 0 : -1;
  if (!lessTol(d, a)) return -1;
  if (refusesWith(0, k, d, eHat, a)) return 0;
  if (!refusesWith(N, k, d, eHat, a)) return N; // τ > N: reported as N
  let lo = 1;
  let hi = N;
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    if (refusesWith(mid, k, d, eHat, a)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

export function solveLottery(pop: Population, budget: number, firstArrival: Float64Array) {
  const kk = pop.kinds;
  const n = kk.size;
  const N = pop.N;
  const c = pop.equalCost ?? 1;
  const k = Math.floor(budget / c);
  const tau = new Float64Array(n);
  const offer = new Float64Array(n);
  const piOnly = Math.min(1, k);
  for (let i = 0; i < n; i++) {
    const fixed = kk.fixedOffer[i];
    const s = Number.isNaN(fixed)
      ? maxAcceptable(kk.d[i], piOnly, kk.eHatB[i], kk.K[i], kk.Lb[i])
      : fixed;
    offer[i] = s;
    tau[i] = threshold(kk.never[i] === 1, s, kk.K[i], kk.L[i], kk.d[i], kk.eHat[i], k, N);
  }
  // Kinds in rejecter order: by threshold (null last), then by first member's arrival. Members
  // of kinds with the same threshold interleave in arrival order (handled when expanding).
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => {
    const ta = tau[a] < 0 ? Infinity : tau[a];
    const tb = tau[b] < 0 ? Infinity : tau[b];
    return ta - tb || firstArrival[a] - firstArrival[b];
  });

  // Threshold levels: the distinct τ ≥ 0 with their counts and sums (at most one per kind), so
  // memory and time grow with the kinds, not the head count. G(x) = #{i : τ_i ≤ x}.
  const byTau = new Map<number, { count: number; w: number; s: number; cov: number }>();
  let nullS = 0;
  for (let i = 0; i < n; i++) {
    if (tau[i] < 0) {
      nullS += kk.count[i] * offer[i];
      continue;
    }
    const lv = byTau.get(tau[i]) ?? { count: 0, w: 0, s: 0, cov: 0 };
    lv.count += kk.count[i];
    lv.w += kk.count[i] * kk.w[i];
    lv.s += kk.count[i] * offer[i];
    lv.cov += kk.covered[i] * kk.count[i];
    byTau.set(tau[i], lv);
  }
  const levels = [...byTau.entries()].sort((a, b) => a[0] - b[0]);
  const L = levels.length;
  const lvTau = levels.map(([t]) => t);
  const cumCount = new Float64Array(L + 1); // over the first j levels
  const cumW = new Float64Array(L + 1);
  const cumCov = new Float64Array(L + 1);
  const sufS = new Float64Array(L + 1); // Σ offers over levels j.. and the nulls
  for (let j = 0; j < L; j++) {
    const lv = levels[j][1];
    cumCount[j + 1] = cumCount[j] + lv.count;
    cumW[j + 1] = cumW[j] + lv.w;
    cumCov[j + 1] = cumCov[j] + lv.cov;
  }
  sufS[L] = nullS;
  for (let j = L - 1; j >= 0; j--) sufS[j] = sufS[j + 1] + levels[j][1].s;
  /** How many levels have τ ≤ x. */
  const levelsUpTo = (x: number): number => {
    let lo = 0;
    let hi = L;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (lvTau[mid] <= x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const g = (x: number) => cumCount[levelsUpTo(x)];

  const T = pop.stipend;
  const I = pop.insurance;
  const figures = (r: number): LotteryEquilibrium => {
    const trials = r === 0 ? 0 : Math.min(r, k);
    const q = r === 0 ? 0 : trials / r;
    // Rejecters: τ ≤ r − 1 (whole levels); pleaders: everyone else.
    const j = levelsUpTo(r - 1);
    return {
      size: r,
      take: sufS[j] + q * cumW[j],
      trials,
      free: r - trials,
      budgetUsed: c * trials,
      fundPaid: cumCov[j] * (T + q * I),
    };
  };

  // Equilibria: G(r−1) = r = G(r). G is constant between levels, so r must be 0 or one of
  // the cumulative counts.
  const candidates = new Set<number>([0]);
  for (let j = 1; j <= L; j++) if (cumCount[j] <= N) candidates.add(cumCount[j]);
  const equilibria: LotteryEquilibrium[] = [];
  for (const r of [...candidates].sort((a, b) => a - b)) {
    if (g(r - 1) === r && g(r) === r) equilibria.push(figures(r));
  }
  // Erosion point: max r with G(r−1) ≥ r. On each stretch where G(r−1) = cumCount[j]
  // (τ_j ≤ r − 1 < τ_{j+1}) the best r is min(cumCount[j], τ_{j+1}).
  let erosionPoint = 0;
  for (let j = L; j >= 1; j--) {
    const gval = cumCount[j];
    const lo = lvTau[j - 1] + 1;
    const hi = j < L ? lvTau[j] : N;
    const r = Math.min(gval, hi);
    if (r >= lo) {
      erosionPoint = r;
      break;
    }
  }
  // Cascade from the defendants with τ = 0: R ← G(R) until it stops growing.
  let R = g(0);
  for (;;) {
    const next = g(Math.min(R, N));
    if (next <= R) break;
    R = next;
  }
  const cascadePoint = R;

  const criticalMass = computeCriticalMass(levels.map(([t, lv]) => [t, lv.count] as [number, number]), N);
  const strikeProofOffer = computeStrikeProofOffer(pop, k);

  return {
    k,
    c,
    tau,
    offer,
    order,
    equilibria,
    erosionPoint,
    cascadePoint,
    criticalMass,
    strikeProofOffer,
    figures,
  };
}

export type LotteryOutput = ReturnType<typeof solveLottery>;

/**
 * The fewest defendants to commit, beyond those with τ = 0, for the cascade to reach everyone.
 * Committing the highest thresholds first, with c committed the cascade completes iff the
 * sorted remaining thresholds satisfy τ_(j) ≤ c + j − 1 (j = 1..N − c), i.e. c ≥ M(N − c) with
 * M(n) = max_{j ≤ n} (τ_(j) − j + 1); nulls count as +∞.
 */
function computeCriticalMass(levels: readonly [number, number][], N: number): number {
  // Walk thresholds ascending; prefix maxima of τ_(j) − j + 1 at each level boundary. Within a
  // level of equal τ the maximum of τ − j + 1 is at its first j.
  const zeros = levels.length > 0 && levels[0][0] === 0 ? levels[0][1] : 0;
  const upTo: number[] = [];
  const prefMax: number[] = [];
  let j = 0;
  let pref = -Infinity;
  for (const [x, m] of levels) {
    if (m === 0) continue;
    pref = Math.max(pref, x - j);
    j += m;
    upTo.push(j);
    prefMax.push(pref);
  }
  const finite = j;
  // M(n): the prefix max over the first n sorted thresholds (+∞ once nulls are included).
  const M = (n: number): number => {
    if (n <= 0) return -Infinity;
    if (n > finite) return Infinity;
    let lo = 0;
    let hi = upTo.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (upTo[mid] >= n) hi = mid;
      else lo = mid + 1;
    }
    return prefMax[lo];
  };
  // Condition c ≥ M(N − c) is monotone in c.
  let lo = 0;
  let hi = N - zeros;
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    if (mid >= M(N - mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/**
 * The strike-proof offer: the supremum of uniform s > 0 for which the only equilibrium is the one
 * where exactly H₀ refuses (computed on the true costs, without the tolerance). With
 * A_i(r) = d_i + min(1, k/r)·ê_i − K_i − L_i and h = |H₀|, it is the minimum over r = h+1..N of
 * the (r − h)-th smallest A_i(r) among i ∉ H₀. Found as the largest double s with
 * #{i ∉ H₀ : A_i(r) < s} < r − h for every r, by bisection on the doubles; each test is per kind.
 */
function computeStrikeProofOffer(pop: Population, k: number): number | null {
  const kk = pop.kinds;
  const N = pop.N;
  const A = (i: number, r: number) =>
    kk.d[i] + Math.min(1, k / r) * kk.eHat[i] - kk.K[i] - kk.L[i];
  let h = 0;
  const live: number[] = [];
  for (let i = 0; i < kk.size; i++) {
    const inH0 = kk.never[i] === 1 || !positive(A(i, 1));
    if (inH0) h += kk.count[i];
    else live.push(i);
  }
  if (h >= N) return null;
  // For a given s, kind i refuses at every r ≥ rStar_i(s) (A_i(r) is non-increasing in r).
  const ok = (s: number): boolean => {
    const events: [number, number][] = [];
    for (const i of live) {
      // least r in [h+1, N] with A_i(r) < s
      if (!(A(i, N) < s)) continue;
      let lo = h + 1;
      let hi = N;
      while (lo < hi) {
        const mid = Math.floor((lo + hi) / 2);
        if (A(i, mid) < s) hi = mid;
        else lo = mid + 1;
      }
      events.push([lo, kk.count[i]]);
    }
    events.sort((a, b) => a[0] - b[0]);
    let cum = 0;
    for (let e = 0; e < events.length; e++) {
      cum += events[e][1];
      const r = events[e][0];
      if (e + 1 < events.length && events[e + 1][0] === r) continue;
      if (cum >= r - h) return false;
    }
    return true;
  };
  // Upper bound: the (1st) smallest A_i(h+1) among live kinds is a value where ok fails just above.
  let hiS = Infinity;
  for (const i of live) hiS = Math.min(hiS, A(i, h + 1));
  if (!(hiS > 0)) return null;
  // Bisection on positive doubles via their bit patterns (monotone for positive finite values).
  const f64 = new Float64Array(1);
  const i64 = new BigInt64Array(f64.buffer);
  const bitsOf = (x: number) => {
    f64[0] = x;
    return i64[0];
  };
  const fromBits = (b: bigint) => {
    i64[0] = b;
    return f64[0];
  };
  let hi = bitsOf(hiS);
  if (ok(hiS)) return hiS > 1e-9 ? hiS : null;
  // The smallest positive double: if even it fails, no positive offer is strike-proof.
  if (!ok(fromBits(1n))) return null;
  let lo = 1n;
  while (hi - lo > 1n) {
    const mid = (lo + hi) / 2n;
    if (ok(fromBits(mid))) lo = mid;
    else hi = mid;
  }
  const s = fromBits(lo);
  return s > 1e-9 ? s : null;
}
