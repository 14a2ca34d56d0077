// A deliberately naive reference for the property tests: one object per defendant, written
// straight from MODEL.md, sharing no code with the engine beyond the tolerance helpers.
import type { Scenario } from '../../src/engine/scenario/schema';

const EPS = 1e-9;
export const tie = (a: number, b: number) =>
  Math.abs(a - b) <= EPS * Math.max(1, Math.abs(a), Math.abs(b));
const leq = (a: number, b: number) => a <= b || tie(a, b);
const less = (a: number, b: number) => a < b && !tie(a, b);

function roundHalfUp(x: number) {
  const h = Math.round(x * 2) / 2;
  const y = Math.abs(x - h) <= EPS * Math.max(1, Math.abs(x)) ? h : x;
  return Math.floor(y + 0.5);
}
function spread(n: number, m: number): boolean[] {
  const out: boolean[] = [];
  for (let j = 0; j < n; j++) out.push(Math.ceil(((j + 1) * m) / n) > Math.ceil((j * m) / n));
  return out;
}

export interface Def {
  id: number;
  group: number;
  p: number;
  S: number;
  K: number;
  d: number;
  c: number;
  pledged: boolean;
  never: boolean;
  covered: boolean;
  e: number;
  w: number;
  L: number;
  eHat: number;
  Lb: number;
  eHatB: number;
  fixed: number | null;
}

/**
 * M of MODEL §3: the most trials the regime can hold (c_min over pledged defendants), written
 * out again here, independently of src/engine/levers/strikeFund.ts.
 */
export function refFundTrials(s: Scenario, defs: readonly { pledged: boolean; c: number }[]): number {
  const B = s.prosecutor.budget ?? 0;
  if (s.prosecutor.regime === 'lottery') return Math.floor(B / defs[0].c); // k = floor(B/c)
  const pledgedCosts = defs.filter((d) => d.pledged).map((d) => d.c);
  if (pledgedCosts.length === 0) return 0;
  const cmin = Math.min(...pledgedCosts);
  switch (s.prosecutor.regime) {
    case 'docket':
      return (s.docket!.weeks + s.docket!.deadline) * Math.floor(s.docket!.capacity / cmin);
    default:
      return Math.floor(B / cmin);
  }
}

/** The largest n ≤ #pledged with n·T + min(n, M)·I ≤ Φ, by trying every n (none when T + I = 0). */
export function refCovered(pledged: number, fund: number, T: number, I: number, M: number): number {
  if (T + I === 0 || fund === 0) return 0;
  const fits = (n: number) => {
    const cost = n * T + Math.min(n, M) * I;
    return cost <= fund || Math.abs(cost - fund) <= 1e-9 * Math.max(1, cost, fund);
  };
  let n = 0;
  while (n < pledged && fits(n + 1)) n++;
  return n;
}

/**
 * Every defendant of a scenario. `coverOrder` (1-based ids) is the order in which pledgers are
 * covered: arrival order by default, the docket order under the docket.
 */
export function expand(s: Scenario, coverOrder?: readonly number[]): Def[] {
  const defs: Def[] = [];
  const q = s.levers.visibility.observed;
  const h = s.levers.visibility.sanction;
  const { fund, stipend: T, insurance: I } = s.levers.strikeFund;
  s.groups.forEach((g, gi) => {
    const P = Math.min(g.count, roundHalfUp(g.pledgedShare * g.count));
    const V = Math.min(roundHalfUp(g.neverPleadsShare * g.count), g.count - P);
    const pl = spread(g.count, P);
    const nv = spread(g.count - P, V);
    let o = 0;
    for (let j = 0; j < g.count; j++) {
      const pledged = pl[j];
      const never = !pledged && nv[o++];
      defs.push({
        id: defs.length + 1,
        group: gi,
        p: g.convictionProbability,
        S: g.trialSentence,
        K: g.collateralCost,
        d: g.refusalCost,
        c: g.trialCost,
        pledged,
        never,
        covered: false,
        e: 0,
        w: 0,
        L: 0,
        eHat: 0,
        Lb: 0,
        eHatB: 0,
        fixed:
          g.offer ??
          (s.prosecutor.offers === 'uniform' ? s.prosecutor.uniformOffer : null),
      });
    }
  });
  const pledgedTotal = defs.filter((d) => d.pledged).length;
  const covered = refCovered(pledgedTotal, fund, T, I, refFundTrials(s, defs));
  let left = covered;
  for (const id of coverOrder ?? defs.map((d) => d.id)) {
    const d = defs[id - 1];
    if (d.pledged && left > 0) {
      d.covered = true;
      left--;
    }
  }
  for (const d of defs) {
    const F = s.groups[d.group].pledgePenalty ?? s.levers.pledge.penalty;
    d.e = d.p * (d.S + d.K);
    d.w = d.p * d.S;
    d.L = q * (F * (d.pledged ? 1 : 0) + h) + T * (d.covered ? 1 : 0);
    d.eHat = Math.max(0, d.e - I * (d.covered ? 1 : 0));
    d.Lb = s.levers.pledge.secret ? q * h : d.L;
    d.eHatB = s.levers.pledge.secret ? d.e : d.eHat;
  }
  return defs;
}

/** Her offer at π (tailored by belief, or fixed). */
export function offer(d: Def, pi: number) {
  return d.fixed ?? d.d + pi * d.eHatB - d.K - d.Lb;
}
export function accepts(d: Def, s: number, pi: number, believed = false) {
  if (d.never || !(s > EPS)) return false;
  const L = believed ? d.Lb : d.L;
  const eHat = believed ? d.eHatB : d.eHat;
  return leq(s + d.K + L, d.d + pi * eHat);
}

export interface PassOut {
  take: number;
  pleas: number;
  trials: number;
  free: number;
  budgetUsed: number;
  stopRank: number | null;
  threatened: number;
}

/** The priority pass of MODEL §4.3 with a set of withheld offers. */
export function pass(defs: Def[], ranking: number[], withheld: Set<number>, B: number): PassOut {
  let b = B;
  const out: PassOut = { take: 0, pleas: 0, trials: 0, free: 0, budgetUsed: 0, stopRank: null, threatened: 0 };
  ranking.forEach((id, t) => {
    const d = defs[id - 1];
    const threatened = d.c <= b;
    if (threatened) out.threatened++;
    else if (out.stopRank === null) out.stopRank = t + 1;
    const pi = threatened ? 1 : 0;
    if (!withheld.has(id)) {
      const s = offer(d, pi);
      if (accepts(d, s, pi)) {
        out.pleas++;
        out.take += s;
        return;
      }
    }
    if (threatened) {
      out.trials++;
      out.take += d.w;
      b -= d.c;
    } else out.free++;
  });
  out.budgetUsed = B - b;
  return out;
}

export function* permutations(n: number): Generator<number[]> {
  const a = Array.from({ length: n }, (_, i) => i + 1);
  const c = new Array(n).fill(0);
  yield a.slice();
  let i = 0;
  while (i < n) {
    if (c[i] < i) {
      const j = i % 2 === 0 ? 0 : c[i];
      [a[j], a[i]] = [a[i], a[j]];
      yield a.slice();
      c[i]++;
      i = 0;
    } else {
      c[i] = 0;
      i++;
    }
  }
}

/** Best take over every ranking and every set of withheld offers. */
export function bruteForceBestTake(defs: Def[], B: number): number {
  let best = -Infinity;
  const n = defs.length;
  for (const r of permutations(n)) {
    for (let mask = 0; mask < 1 << n; mask++) {
      const w = new Set<number>();
      for (let i = 0; i < n; i++) if (mask & (1 << i)) w.add(i + 1);
      const t = pass(defs, r, w, B).take;
      if (t > best) best = t;
    }
  }
  return best;
}

/** noPlea by enumeration: the max Σ w within B (items only if w > 1e-9). */
export function bruteForceNoPlea(defs: Def[], B: number): number {
  let best = 0;
  const n = defs.length;
  for (let mask = 0; mask < 1 << n; mask++) {
    let c = 0;
    let v = 0;
    for (let i = 0; i < n; i++) {
      if (mask & (1 << i)) {
        c += defs[i].c;
        v += defs[i].w;
      }
    }
    if (c <= B && v > best) best = v;
  }
  return best;
}

/** Lottery equilibria by enumerating every set of refusers: their sizes. */
export function enumerateLotteryEquilibria(defs: Def[], B: number): number[] {
  const n = defs.length;
  const k = Math.floor(B / defs[0].c);
  const pi = (R: number) => (R === 0 ? 0 : Math.min(1, k / R));
  const posted = defs.map((d) => offer(d, Math.min(1, k)));
  const refusesAt = (i: number, R: number) => {
    // R: total rejecters including him
    const d = defs[i];
    const s = posted[i];
    if (d.never || !(s > EPS)) return true;
    return less(d.d + pi(R) * d.eHat, s + d.K + d.L);
  };
  const sizes = new Set<number>();
  for (let mask = 0; mask < 1 << n; mask++) {
    let R = 0;
    for (let i = 0; i < n; i++) if (mask & (1 << i)) R++;
    let ok = true;
    for (let i = 0; i < n && ok; i++) {
      if (mask & (1 << i)) ok = refusesAt(i, R);
      else ok = !refusesAt(i, R + 1);
    }
    if (ok) sizes.add(R);
  }
  return [...sizes].sort((a, b) => a - b);
}

/**
 * forcedSpend by memoized recursion straight from MODEL §4.4, on her beliefs, then the pass on
 * the truth at the real budget.
 */
export function forcedSpendRef(defs: Def[], order: number[], B: number): PassOut & { planned: number } {
  const N = order.length;
  const memo = new Map<string, number>();
  const V = (t: number, b: number): number => {
    if (t === N) return 0;
    const key = `${t}|${b}`;
    const hit = memo.get(key);
    if (hit !== undefined) return hit;
    const { value } = choose(t, b);
    memo.set(key, value);
    return value;
  };
  const better = (x: number, y: number) => x > y && !tie(x, y);
  const choose = (t: number, b: number) => {
    const d = defs[order[t] - 1];
    const letGo = V(t + 1, b);
    const canTry = d.c <= b;
    const tryV = canTry ? d.w + V(t + 1, b - d.c) : -Infinity;
    const credible = canTry && !less(tryV, letGo);
    const pi = credible ? 1 : 0;
    const s = offer(d, pi);
    const pleaAvail = accepts(d, s, pi, true);
    let value = -Infinity;
    let choice: 'plea' | 'try' | 'go' = 'go';
    if (pleaAvail) {
      value = s + letGo;
      choice = 'plea';
    }
    if (canTry && (value === -Infinity || better(tryV, value))) {
      value = tryV;
      choice = 'try';
    }
    if (value === -Infinity || better(letGo, value)) {
      value = letGo;
      choice = 'go';
    }
    return { value, choice, credible, s, pi };
  };
  const units = defs.reduce((a, d) => a + d.c, 0);
  let b = Math.min(B, units);
  const start = b;
  const out: PassOut = { take: 0, pleas: 0, trials: 0, free: 0, budgetUsed: 0, stopRank: null, threatened: 0 };
  for (let t = 0; t < N; t++) {
    const d = defs[order[t] - 1];
    const { choice, credible, s, pi } = choose(t, b);
    if (credible) out.threatened++;
    else if (out.stopRank === null) out.stopRank = t + 1;
    let outcome: 'plea' | 'tried' | 'free';
    if (choice === 'try') outcome = 'tried';
    else if (choice === 'plea' && accepts(d, s, pi)) outcome = 'plea';
    else outcome = credible ? 'tried' : 'free';
    if (outcome === 'plea') {
      out.pleas++;
      out.take += s;
    } else if (outcome === 'tried') {
      out.trials++;
      out.take += d.w;
      b -= d.c;
    } else out.free++;
  }
  out.budgetUsed = start - b;
  return { ...out, planned: V(0, start) };
}
