// The prosecutor's 0/1 knapsack (MODEL.md §4), solved per KIND of item (bounded knapsack), so
// the cost grows with the number of kinds and the budget, never with the head count.
//
// Order of preference between feasible sets (§4 and §1): the greatest value (values within the
// tolerance are a tie; an item is worth taking only if its value > 1e-9), then the fewest trial
// units, then the fewest defendants, then the lexicographically smallest sorted list of arrival
// numbers. Within a kind, items are interchangeable, so the lexicographic rule always takes a
// kind's earliest members; what remains is which kinds, and three solvers cover it:
//  - `exact`: small instances (items × (budget+1) ≤ EXACT_CELLS): a suffix DP over items in
//    arrival order, then the lexicographic greedy (take each item in arrival order iff an
//    optimal completion exists). Exact for every tie.
//  - `greedy`: equal trial costs: the top items by value (exact doubles, ties by arrival).
//  - `dp`: mixed costs: DP over kinds (monotone deque); ties between kinds resolve to the
//    kind that arrives first (exact whenever the tied kinds do not interleave in arrival order).
import { positive, tieEq } from '../numeric';

export const EXACT_CELLS = 2_000_000;

/** Knapsack kinds, listed in order of their first member's arrival. */
export interface KnapsackKinds {
  size: number;
  value: Float64Array;
  cost: Float64Array;
  count: Float64Array;
}

export interface KnapsackSolution {
  /** How many of each kind are taken (their earliest members). */
  take: Float64Array;
  value: number;
  units: number;
  items: number;
  method: 'exact' | 'greedy' | 'dp' | 'empty';
}

/** (value, count) state comparison: more value beyond the tolerance, then fewer items. */
function better(v1: number, n1: number, v0: number, n0: number): boolean {
  if (v0 === -Infinity) return v1 !== -Infinity;
  if (v1 === -Infinity) return false;
  if (tieEq(v1, v0)) return n1 < n0;
  return v1 > v0;
}

/**
 * Solve. `arrival`, when given, lists for every member of every kind, in arrival order, the
 * kind it belongs to (members of kinds that are not candidates may be included; they are skipped).
 */
export function knapsack(
  kinds: KnapsackKinds,
  budget: number,
  arrival?: Int32Array,
): KnapsackSolution {
  const D = kinds.size;
  const take = new Float64Array(D);
  // Candidates: worth something and affordable.
  let units = 0;
  let cands = 0;
  let equalCost = -1;
  let mixed = false;
  for (let i = 0; i < D; i++) {
    if (!positive(kinds.value[i]) || kinds.cost[i] > budget || kinds.count[i] <= 0) continue;
    units += kinds.count[i] * kinds.cost[i];
    cands += kinds.count[i];
    if (equalCost === -1) equalCost = kinds.cost[i];
    else if (equalCost !== kinds.cost[i]) mixed = true;
  }
  if (cands === 0) return { take, value: 0, units: 0, items: 0, method: 'empty' };
  const B = Math.min(budget, units);
  if (arrival && cands * (B + 1) <= EXACT_CELLS) return exact(kinds, B, arrival, budget);
  if (!mixed) return greedy(kinds, B, budget, equalCost);
  return dp(kinds, B, budget);
}

function isCandidate(kinds: KnapsackKinds, i: number, budget: number): boolean {
  return positive(kinds.value[i]) && kinds.cost[i] <= budget && kinds.count[i] > 0;
}

/** Equal trial costs: the best set of m items is the top m by value. */
function greedy(kinds: KnapsackKinds, B: number, budget: number, c: number): KnapsackSolution {
  const D = kinds.size;
  const order: number[] = [];
  for (let i = 0; i < D; i++) if (isCandidate(kinds, i, budget)) order.push(i);
  order.sort((a, b) => kinds.value[b] - kinds.value[a] || a - b);
  const cap = Math.floor(B / c);
  // Best value: the top `cap` items.
  let best = 0;
  let left = cap;
  for (const i of order) {
    if (left <= 0) break;
    const m = Math.min(left, kinds.count[i]);
    best += m * kinds.value[i];
    left -= m;
  }
  // Fewest units: the fewest top items whose value ties the best.
  const take = new Float64Array(D);
  let value = 0;
  let items = 0;
  for (const i of order) {
    if (items >= cap || tieEq(value, best)) break;
    let m = Math.min(cap - items, kinds.count[i]);
    // Within one kind the tie can be reached part-way: find the fewest members that reach it.
    const v = kinds.value[i];
    if (tieEq(value + m * v, best) && m > 1) {
      let lo = 1;
      let hi = m;
      while (lo < hi) {
        const mid = Math.floor((lo + hi) / 2);
        if (tieEq(value + mid * v, best)) hi = mid;
        else lo = mid + 1;
      }
      m = lo;
    }
    take[i] = m;
    value += m * v;
    items += m;
  }
  return { take, value, units: items * c, items, method: 'greedy' };
}

/**
 * Mixed costs: bounded knapsack over kinds, exact-units states, one monotone deque per residue
 * class of each kind's cost (O(kinds × budget)). Kinds are processed from the last-arriving to
 * the first, and on a full tie (value within the tolerance, same count) a kind takes as many as
 * it can, so reconstruction favours the first-arriving kinds.
 */
function dp(kinds: KnapsackKinds, B: number, budget: number): KnapsackSolution {
  const D = kinds.size;
  const W = B + 1;
  let val = new Float64Array(W).fill(-Infinity);
  let cnt = new Float64Array(W);
  let nval = new Float64Array(W);
  let ncnt = new Float64Array(W);
  val[0] = 0;
  const order: number[] = [];
  for (let i = D - 1; i >= 0; i--) if (isCandidate(kinds, i, budget)) order.push(i);
  const choice: Int32Array[] = [];
  const dq = new Int32Array(W);
  for (const i of order) {
    const c = kinds.cost[i];
    const v = kinds.value[i];
    const n = Math.min(kinds.count[i], Math.floor(B / c));
    const m = new Int32Array(W);
    for (let r = 0; r < c && r < W; r++) {
      let head = 0;
      let tail = 0;
      for (let j = 0, u = r; u < W; j++, u += c) {
        // Candidate j (taking none at u) joins the back, after dropping the ones it beats.
        const vj = val[u];
        if (vj !== -Infinity) {
          const nj = cnt[u];
          while (tail > head) {
            const b = dq[tail - 1];
            const ub = r + b * c;
            const vb = val[ub] + (j - b) * v;
            const nb = cnt[ub] + (j - b);
            const scale = Math.max(1, Math.abs(vj), Math.abs(vb));
            const tie = Math.abs(vj - vb) <= 1e-9 * scale;
            if (tie ? nj < nb : vj > vb) tail--;
            else break;
          }
          dq[tail++] = j;
        }
        while (tail > head && dq[head] < j - n) head++;
        if (tail > head) {
          const f = dq[head];
          const uf = r + f * c;
          nval[u] = val[uf] + (j - f) * v;
          ncnt[u] = cnt[uf] + (j - f);
          m[u] = j - f;
        } else {
          nval[u] = -Infinity;
          ncnt[u] = 0;
          m[u] = 0;
        }
      }
    }
    choice.push(m);
    [val, nval] = [nval, val];
    [cnt, ncnt] = [ncnt, cnt];
  }
  const { u: uStar } = pickUnits(val);
  const take = new Float64Array(D);
  let u = uStar;
  for (let p = order.length - 1; p >= 0; p--) {
    const i = order[p];
    const mm = choice[p][u];
    take[i] = mm;
    u -= mm * kinds.cost[i];
  }
  return { take, value: val[uStar], units: uStar, items: cnt[uStar], method: 'dp' };
}

/** The best value over all unit totals, then the fewest units whose value ties it. */
function pickUnits(val: Float64Array): { u: number; best: number } {
  let best = -Infinity;
  for (let u = 0; u < val.length; u++) if (val[u] > best) best = val[u];
  for (let u = 0; u < val.length; u++) {
    if (val[u] !== -Infinity && tieEq(val[u], best)) return { u, best };
  }
  return { u: 0, best: 0 };
}

/** Small instances: per-item suffix DP in arrival order and the lexicographic greedy. */
function exact(
  kinds: KnapsackKinds,
  B: number,
  arrival: Int32Array,
  budget: number,
): KnapsackSolution {
  const items: number[] = [];
  for (let t = 0; t < arrival.length; t++) {
    if (isCandidate(kinds, arrival[t], budget)) items.push(arrival[t]);
  }
  const n = items.length;
  const W = B + 1;
  // suffix tables: row i = best using items i..n-1 with exactly u units.
  const val = new Float64Array((n + 1) * W).fill(-Infinity);
  const cnt = new Float64Array((n + 1) * W);
  val[n * W] = 0;
  for (let i = n - 1; i >= 0; i--) {
    const k = items[i];
    const c = kinds.cost[k];
    const v = kinds.value[k];
    const row = i * W;
    const next = (i + 1) * W;
    for (let u = 0; u < W; u++) {
      let bv = val[next + u];
      let bn = cnt[next + u];
      if (u >= c && val[next + u - c] !== -Infinity) {
        const v1 = val[next + u - c] + v;
        const n1 = cnt[next + u - c] + 1;
        if (better(v1, n1, bv, bn)) {
          bv = v1;
          bn = n1;
        }
      }
      val[row + u] = bv;
      cnt[row + u] = bn;
    }
  }
  const first = val.subarray(0, W);
  const { u: uStar } = pickUnits(first);
  const target = val[uStar];
  const targetCount = cnt[uStar];
  const take = new Float64Array(kinds.size);
  let u = uStar;
  let sum = 0;
  let taken = 0;
  for (let i = 0; i < n; i++) {
    const k = items[i];
    const c = kinds.cost[k];
    const next = (i + 1) * W;
    if (u >= c && val[next + u - c] !== -Infinity) {
      const v1 = sum + kinds.value[k] + val[next + u - c];
      const n1 = taken + 1 + cnt[next + u - c];
      if (n1 === targetCount && tieEq(v1, target)) {
        take[k] += 1;
        sum += kinds.value[k];
        taken += 1;
        u -= c;
      }
    }
  }
  return { take, value: sum, units: uStar, items: taken, method: 'exact' };
}
