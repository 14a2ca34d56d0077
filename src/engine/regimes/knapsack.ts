// The prosecutor's 0/1 knapsack (MODEL.md §4), solved per KIND of item (bounded knapsack), so
// the cost grows with the number of kinds and the budget, never with the head count.
//
// Order of preference between feasible sets (§4 and §1): the greatest value (values within the
// tolerance are a tie; an item is worth taking only if its value > 1e-9), then the fewest trial
// units, then the fewest defendants, then the lexicographically smallest sorted list of arrival
// numbers. Within a kind, items are interchangeable, so the lexicographic rule always takes a
// kind's earliest members; what remains is which kinds, and three solvers cover it:
//  - `greedy`: equal trial costs, any size: the top items by value, no DP; with `arrival`, a walk
//    in arrival order picks the lexicographically smallest tying set. Exact for every tie.
//  - `exact`: mixed costs, small instances (items × (budget+1) ≤ EXACT_CELLS): a suffix DP over
//    runs of same-kind items in arrival order, then the lexicographic greedy (take each item in
//    arrival order iff an optimal completion exists).
//  - `dp`: mixed costs: DP over kinds (monotone deque); ties between kinds resolve to the
//    kind that arrives first (exact whenever the tied kinds do not interleave in arrival order).
import { positive, tieEq } from '../numeric';
import { workMeter, type WorkHooks } from '../work';

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

/**
 * Solve. `arrival`, when given, lists for every member of every kind, in arrival order, the
 * kind it belongs to (members of kinds that are not candidates may be included; they are skipped).
 */
export function knapsack(
  kinds: KnapsackKinds,
  budget: number,
  arrival?: Int32Array,
  hooks?: WorkHooks,
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
  if (!mixed) return greedy(kinds, B, budget, equalCost, arrival);
  if (arrival && cands * (B + 1) <= EXACT_CELLS) return exact(kinds, B, arrival, budget, hooks);
  return dp(kinds, B, budget, hooks);
}

function isCandidate(kinds: KnapsackKinds, i: number, budget: number): boolean {
  return positive(kinds.value[i]) && kinds.cost[i] <= budget && kinds.count[i] > 0;
}

/**
 * Equal trial costs c: a set's units are c × its size, and the best set of m items is the top m
 * by value. V* is the top ⌊B/c⌋ items' value; the fewest items m* is the least m whose top m tie
 * V*; without `arrival` the top m* by value (exact doubles, ties by arrival) are taken, with it
 * the lexicographic walk (`lexWalk`) picks among all sets of m* items whose value ties V*.
 * O(kinds · log kinds), plus O(items · log kinds) for the walk.
 */
function greedy(
  kinds: KnapsackKinds,
  B: number,
  budget: number,
  c: number,
  arrival: Int32Array | undefined,
): KnapsackSolution {
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
  // Fewest items: the fewest top items whose value ties the best.
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
  if (arrival) return lexWalk(kinds, order, items, best, c, arrival);
  return { take, value, units: items * c, items, method: 'greedy' };
}

/**
 * Equal costs, the lexicographic rule: walk the items in arrival order and take each one iff the
 * items after it can complete a set of exactly `need` items whose value ties `best` (the top
 * items left, by a Fenwick tree over the kinds in value order). A kind whose member is passed
 * over is closed: a later member of it could only stand in for that one.
 */
function lexWalk(
  kinds: KnapsackKinds,
  order: number[],
  need: number,
  best: number,
  c: number,
  arrival: Int32Array,
): KnapsackSolution {
  const D = kinds.size;
  const L = order.length;
  const slot = new Int32Array(D).fill(-1);
  for (let p = 0; p < L; p++) slot[order[p]] = p;
  // Fenwick trees (1-based) over slots: members left and their value.
  const fc = new Float64Array(L + 1);
  const fv = new Float64Array(L + 1);
  const add = (p: number, n: number) => {
    const dv = n * kinds.value[order[p]];
    for (let x = p + 1; x <= L; x += x & -x) {
      fc[x] += n;
      fv[x] += dv;
    }
  };
  const left = new Float64Array(L);
  for (let p = 0; p < L; p++) {
    left[p] = kinds.count[order[p]];
    add(p, left[p]);
  }
  let high = 1;
  while (high * 2 <= L) high *= 2;
  /** The value of the top r members left (−Infinity when fewer than r are left). */
  const top = (r: number): number => {
    if (r <= 0) return 0;
    let pos = 0;
    let cnt = 0;
    let val = 0;
    for (let step = high; step > 0; step >>= 1) {
      const nx = pos + step;
      if (nx <= L && cnt + fc[nx] < r) {
        pos = nx;
        cnt += fc[nx];
        val += fv[nx];
      }
    }
    // slot `pos` (0-based) holds the r-th member
    if (pos >= L) return -Infinity;
    return val + (r - cnt) * kinds.value[order[pos]];
  };
  const take = new Float64Array(D);
  const closed = new Uint8Array(D);
  let value = 0;
  let taken = 0;
  for (let t = 0; t < arrival.length && taken < need; t++) {
    const k = arrival[t];
    const p = slot[k];
    if (p < 0 || closed[k]) continue;
    const v = kinds.value[k];
    add(p, -1);
    left[p]--;
    const rest = top(need - taken - 1);
    if (rest !== -Infinity && tieEq(value + v + rest, best)) {
      take[k]++;
      value += v;
      taken++;
    } else {
      closed[k] = 1;
      add(p, -left[p]);
      left[p] = 0;
    }
  }
  return { take, value, units: taken * c, items: taken, method: 'greedy' };
}

/**
 * Mixed costs: bounded knapsack over kinds, exact-units states, one monotone deque per residue
 * class of each kind's cost (O(kinds × budget)). Kinds are processed from the last-arriving to
 * the first, and on a full tie (value within the tolerance, same count) a kind takes as many as
 * it can, so reconstruction favours the first-arriving kinds.
 */
function dp(kinds: KnapsackKinds, B: number, budget: number, hooks?: WorkHooks): KnapsackSolution {
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
  const meter = workMeter(hooks, order.length);
  let step = 0;
  for (const i of order) {
    meter(step++);
    const c = kinds.cost[i];
    const v = kinds.value[i];
    const n = Math.min(kinds.count[i], Math.floor(B / c));
    const m = new Int32Array(W);
    boundedStep(val, cnt, 0, nval, ncnt, 0, W, c, v, n, dq, m);
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

/**
 * One bounded item (n members worth v, costing c each): out[u] = the best over m ≤ n of
 * in[u − m·c] + m members, best meaning more value beyond the tolerance, then fewer items; on a
 * full tie the most members. One monotone deque per residue of u mod c. `m` (optional) records
 * how many members each state takes.
 */
function boundedStep(
  val: Float64Array,
  cnt: Float64Array,
  inOff: number,
  nval: Float64Array,
  ncnt: Float64Array,
  outOff: number,
  W: number,
  c: number,
  v: number,
  n: number,
  dq: Int32Array,
  m: Int32Array | null,
): void {
  for (let r = 0; r < c && r < W; r++) {
    let head = 0;
    let tail = 0;
    for (let j = 0, u = r; u < W; j++, u += c) {
      // Candidate j (taking none at u) joins the back, after dropping the ones it beats.
      const vj = val[inOff + u];
      if (vj !== -Infinity) {
        const nj = cnt[inOff + u];
        while (tail > head) {
          const b = dq[tail - 1];
          const ub = inOff + r + b * c;
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
        const uf = inOff + r + f * c;
        nval[outOff + u] = val[uf] + (j - f) * v;
        ncnt[outOff + u] = cnt[uf] + (j - f);
        if (m) m[u] = j - f;
      } else {
        nval[outOff + u] = -Infinity;
        ncnt[outOff + u] = 0;
        if (m) m[u] = 0;
      }
    }
  }
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

/**
 * Small instances with mixed costs: a suffix DP over the items in arrival order and the
 * lexicographic greedy (take each item in arrival order iff an optimal completion exists).
 * Consecutive items of one kind (a run) are interchangeable, so the DP steps over a whole run at
 * once (a bounded item, monotone deque: O(runs × budget)), and within a run the greedy takes the
 * most members that still allow an optimal completion.
 */
function exact(
  kinds: KnapsackKinds,
  B: number,
  arrival: Int32Array,
  budget: number,
  hooks?: WorkHooks,
): KnapsackSolution {
  const runKind: number[] = [];
  const runLen: number[] = [];
  for (let t = 0; t < arrival.length; t++) {
    const k = arrival[t];
    if (!isCandidate(kinds, k, budget)) continue;
    const last = runKind.length - 1;
    if (last >= 0 && runKind[last] === k) runLen[last]++;
    else {
      runKind.push(k);
      runLen.push(1);
    }
  }
  const R = runKind.length;
  const W = B + 1;
  // suffix tables: row i = best (value, then fewest items) using runs i..R-1 with exactly u units.
  const val = new Float64Array((R + 1) * W).fill(-Infinity);
  const cnt = new Float64Array((R + 1) * W);
  val[R * W] = 0;
  const dq = new Int32Array(W);
  const meter = workMeter(hooks, R);
  for (let i = R - 1; i >= 0; i--) {
    meter(R - 1 - i);
    const k = runKind[i];
    boundedStep(val, cnt, (i + 1) * W, val, cnt, i * W, W, kinds.cost[k], kinds.value[k], Math.min(runLen[i], Math.floor(B / kinds.cost[k])), dq, null);
  }
  const first = val.subarray(0, W);
  const { u: uStar } = pickUnits(first);
  const target = val[uStar];
  const targetCount = cnt[uStar];
  const take = new Float64Array(kinds.size);
  let u = uStar;
  let sum = 0;
  let taken = 0;
  for (let i = 0; i < R; i++) {
    const k = runKind[i];
    const c = kinds.cost[k];
    const v = kinds.value[k];
    const next = (i + 1) * W;
    for (let m = Math.min(runLen[i], Math.floor(u / c)); m >= 1; m--) {
      const ur = u - m * c;
      if (val[next + ur] === -Infinity) continue;
      const n1 = taken + m + cnt[next + ur];
      if (n1 === targetCount && tieEq(sum + m * v + val[next + ur], target)) {
        take[k] += m;
        sum += m * v;
        taken += m;
        u = ur;
        break;
      }
    }
  }
  return { take, value: sum, units: uStar, items: taken, method: 'exact' };
}
