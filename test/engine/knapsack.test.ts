// The knapsack's tie rule (MODEL.md §4: the greatest value, values within the 1e-9 tolerance
// tie; then the fewest trial units, the fewest defendants, the lexicographically smallest sorted
// list of arrival numbers) against a brute force over every subset of the items.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { knapsack, type KnapsackKinds } from '../../src/engine/regimes/knapsack';
import { tie } from './reference';

interface Instance {
  value: number[];
  cost: number[];
  /** Knapsack kind of each item, in arrival order. */
  arrival: number[];
}

interface Best {
  value: number;
  units: number;
  items: number;
  /** Members taken per kind. */
  take: number[];
}

/**
 * Every subset of the items worth > 1e-9, within the budget: V* the greatest value (summed in
 * arrival order); the sets whose value ties V*; of those the fewest units, then the fewest items,
 * then the smallest sorted arrival list.
 */
function bruteForce(inst: Instance, B: number): Best {
  const idx = inst.arrival.map((_, t) => t).filter((t) => inst.value[inst.arrival[t]] > 1e-9);
  const sets: { value: number; units: number; members: number[] }[] = [];
  for (let mask = 0; mask < 1 << idx.length; mask++) {
    let value = 0;
    let units = 0;
    const members: number[] = [];
    for (let b = 0; b < idx.length; b++) {
      if (mask & (1 << b)) {
        const k = inst.arrival[idx[b]];
        value += inst.value[k];
        units += inst.cost[k];
        members.push(idx[b]);
      }
    }
    if (units <= B) sets.push({ value, units, members });
  }
  const vStar = Math.max(...sets.map((s) => s.value));
  const lexLess = (a: number[], b: number[]) => {
    for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i] < b[i];
    return a.length < b.length;
  };
  let best = sets[0];
  let found = false;
  for (const s of sets) {
    if (!tie(s.value, vStar)) continue;
    if (
      !found ||
      s.units < best.units ||
      (s.units === best.units &&
        (s.members.length < best.members.length ||
          (s.members.length === best.members.length && lexLess(s.members, best.members))))
    ) {
      best = s;
      found = true;
    }
  }
  const take = inst.value.map(() => 0);
  for (const t of best.members) take[inst.arrival[t]]++;
  return { value: vStar, units: best.units, items: best.members.length, take };
}

function kindsOf(inst: Instance): KnapsackKinds {
  const count = new Float64Array(inst.value.length);
  for (const k of inst.arrival) count[k]++;
  return {
    size: inst.value.length,
    value: Float64Array.from(inst.value),
    cost: Float64Array.from(inst.cost),
    count,
  };
}

/**
 * Instances of at most 13 items in 1–4 kinds, the kinds' members interleaved at random.
 * `values`: the values a kind may have; `costs`: trial costs (one value: equal costs).
 */
function instanceArb(values: number[], costs: number[]): fc.Arbitrary<Instance> {
  return fc
    .array(
      fc.record({
        value: fc.constantFrom(...values),
        cost: fc.constantFrom(...costs),
        count: fc.integer({ min: 0, max: 4 }),
      }),
      { minLength: 1, maxLength: 4 },
    )
    .chain((ks) => {
      const members = ks.flatMap((k, i) => Array<number>(k.count).fill(i)).slice(0, 13);
      return fc
        .array(fc.integer({ min: 0, max: 1000 }), { minLength: members.length, maxLength: members.length })
        .map((keys) => {
          const arrival = members
            .map((k, t) => ({ k, key: keys[t], t }))
            .sort((a, b) => a.key - b.key || a.t - b.t)
            .map((x) => x.k);
          return { value: ks.map((k) => k.value), cost: ks.map((k) => k.cost), arrival };
        });
    });
}

// Values in clusters: within a cluster every sum of up to 13 items ties (spread ≪ 1e-9), clusters
// far apart; plus values at or just below the 1e-9 floor (never worth taking).
const CLUSTERED = [1, 1 + 1e-12, 1 - 1e-12, 2, 2 + 3e-12, 2.5, 3, 3 - 2e-12, 5, 0, 1e-10, 1e-9];
// Just above the floor: one item is worth taking (1.01e-9 does not tie 0).
const TINY = [1.01e-9, 1e-9, 0];
// Chains of near-ties: 2 and 2 + 1.37e-9 tie, 2 and 2 + 2.74e-9 do not, so which sets tie the
// best depends on the best itself (equal costs: the solver is exact for these too).
const CHAINED = [1, 1 + 1.37e-9, 2, 2 + 1.37e-9, 2 + 2.74e-9, 3, 3 + 4.11e-9];

function check(inst: Instance, B: number, withArrival: boolean) {
  const want = bruteForce(inst, B);
  const sol = knapsack(kindsOf(inst), B, withArrival ? Int32Array.from(inst.arrival) : undefined);
  expect(tie(sol.value, want.value)).toBe(true);
  expect(sol.units).toBe(want.units);
  expect(sol.items).toBe(want.items);
  if (withArrival) expect(Array.from(sol.take)).toEqual(want.take);
}

describe('knapsack ties against the brute force', () => {
  const budget = fc.integer({ min: 0, max: 14 });
  for (const [name, values] of [
    ['clustered values', CLUSTERED],
    ['values at the 1e-9 floor', TINY],
    ['chains of near-ties', CHAINED],
  ] as const) {
    it(`equal costs, ${name}: the exact set (lexicographic walk) and the greedy's totals`, () => {
      fc.assert(
        fc.property(instanceArb(values, [1]), budget, fc.integer({ min: 1, max: 3 }), (inst, B, c) => {
          const scaled = { ...inst, cost: inst.cost.map(() => c) };
          check(scaled, B, true);
          check(scaled, B, false);
        }),
        { numRuns: 400 },
      );
    });
  }
  for (const [name, values] of [
    ['clustered values', CLUSTERED],
    ['values at the 1e-9 floor', TINY],
  ] as const) {
    it(`mixed costs, ${name}: the exact set (run DP) and the kind DP's totals`, () => {
      fc.assert(
        fc.property(instanceArb(values, [1, 2, 3, 4]), budget, (inst, B) => {
          check(inst, B, true);
          check(inst, B, false);
        }),
        { numRuns: 400 },
      );
    });
  }
  it('interleaved tied kinds: the walk takes the earliest members across kinds', () => {
    // Kinds 0 and 1 tie (1 and 1 + 1e-12), arrivals kind 0, 1, 1, 0: every pair ties the best;
    // the smallest sorted list is arrivals [0, 1], one of each kind (not kind 1's two members).
    const inst = { value: [1, 1 + 1e-12], cost: [1, 1], arrival: [0, 1, 1, 0] };
    const sol = knapsack(kindsOf(inst), 2, Int32Array.from(inst.arrival));
    expect(Array.from(sol.take)).toEqual([1, 1]);
    expect(sol.items).toBe(2);
    const mixed = { value: [2, 2 + 1e-12, 1], cost: [2, 2, 1], arrival: [2, 1, 0, 1, 0] };
    const m = knapsack(kindsOf(mixed), 4, Int32Array.from(mixed.arrival));
    // Two cost-2 items (value ≈ 4, 4 units); the earliest two are arrivals 1 (kind 1) and 2 (kind 0).
    expect(Array.from(m.take)).toEqual([1, 1, 0]);
    expect(m.units).toBe(4);
  });

  it('larger instances (up to 120 items in 6 kinds): the same sets as a per-item DP in arrival order', () => {
    // The reference: best (value, then fewest items) per exact unit total over each suffix of the
    // items, the fewest units tying the best, then take each item in arrival order iff an optimal
    // completion exists. Exact when near-ties do not chain (clustered values).
    const reference = (inst: Instance, B: number) => {
      const items = inst.arrival.filter((k) => inst.value[k] > 1e-9 && inst.cost[k] <= B);
      const n = items.length;
      const W = B + 1;
      const val = new Float64Array((n + 1) * W).fill(-Infinity);
      const cnt = new Float64Array((n + 1) * W);
      val[n * W] = 0;
      for (let i = n - 1; i >= 0; i--) {
        const c = inst.cost[items[i]];
        const v = inst.value[items[i]];
        for (let u = 0; u < W; u++) {
          let bv = val[(i + 1) * W + u];
          let bn = cnt[(i + 1) * W + u];
          const prev = (i + 1) * W + u - c;
          if (u >= c && val[prev] !== -Infinity) {
            const v1 = val[prev] + v;
            const n1 = cnt[prev] + 1;
            if (bv === -Infinity || (tie(v1, bv) ? n1 < bn : v1 > bv)) {
              bv = v1;
              bn = n1;
            }
          }
          val[i * W + u] = bv;
          cnt[i * W + u] = bn;
        }
      }
      let best = -Infinity;
      for (let u = 0; u < W; u++) best = Math.max(best, val[u]);
      let uStar = 0;
      while (!(val[uStar] !== -Infinity && tie(val[uStar], best))) uStar++;
      const take = inst.value.map(() => 0);
      let u = uStar;
      let sum = 0;
      let taken = 0;
      for (let i = 0; i < n; i++) {
        const c = inst.cost[items[i]];
        const next = (i + 1) * W + u - c;
        if (u >= c && val[next] !== -Infinity) {
          const v1 = sum + inst.value[items[i]] + val[next];
          if (taken + 1 + cnt[next] === cnt[uStar] && tie(v1, val[uStar])) {
            take[items[i]]++;
            sum += inst.value[items[i]];
            taken++;
            u -= c;
          }
        }
      }
      return { take, units: uStar, items: taken };
    };
    const big = (costs: number[]) =>
      fc
        .array(
          fc.record({ value: fc.constantFrom(...CLUSTERED), cost: fc.constantFrom(...costs), count: fc.integer({ min: 0, max: 20 }) }),
          { minLength: 1, maxLength: 6 },
        )
        .chain((ks) => {
          const members = ks.flatMap((k, i) => Array<number>(k.count).fill(i));
          return fc
            .array(fc.integer({ min: 0, max: 30 }), { minLength: members.length, maxLength: members.length })
            .map((keys) => ({
              value: ks.map((k) => k.value),
              cost: ks.map((k) => k.cost),
              // Runs and interleavings: sorted by a coarse key, ties in the listed order.
              arrival: members
                .map((k, t) => ({ k, key: keys[t], t }))
                .sort((a, b) => a.key - b.key || a.t - b.t)
                .map((x) => x.k),
            }));
        });
    for (const costs of [[1], [2], [1, 2, 3, 5]]) {
      fc.assert(
        fc.property(big(costs), fc.integer({ min: 0, max: 60 }), (inst, B) => {
          const want = reference(inst, B);
          const sol = knapsack(kindsOf(inst), B, Int32Array.from(inst.arrival));
          expect(sol.units).toBe(want.units);
          expect(sol.items).toBe(want.items);
          expect(Array.from(sol.take)).toEqual(want.take);
        }),
        { numRuns: 150 },
      );
    }
  });
});
