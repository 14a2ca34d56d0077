// Progress and stop hooks for one long computation (src/engine/work.ts): the knapsack's solvers
// and forcedSpend's table report the share done (non-decreasing, about 100 reports at most)
// and stop when asked, and the hooks change nothing in what they compute.
import { describe, expect, it } from 'vitest';
import { knapsack, type KnapsackKinds } from '../../src/engine/regimes/knapsack';
import { WorkStopped, workMeter } from '../../src/engine/work';
import { solveScenario } from '../../src/engine/solve';
import { parseScenario } from '../../src/engine/scenario/parse';

function kinds(n: number): KnapsackKinds {
  const value = new Float64Array(n);
  const cost = new Float64Array(n);
  const count = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    value[i] = 1 + ((i * 7919) % 97) / 10;
    cost[i] = 1 + (i % 5);
    count[i] = 1 + (i % 3);
  }
  return { size: n, value, cost, count };
}

function recorder() {
  const seen: number[] = [];
  return { seen, hooks: { onProgress: (f: number) => seen.push(f) } };
}

const nonDecreasing = (xs: number[]) => xs.every((x, i) => i === 0 || x >= xs[i - 1]);

describe('workMeter', () => {
  it('reports about every hundredth step, within [from, to], and stops when asked', () => {
    const { seen, hooks } = recorder();
    const m = workMeter(hooks, 1000, 0.5, 1);
    for (let i = 0; i < 1000; i++) m(i);
    expect(seen.length).toBe(99);
    expect(seen[0]).toBe(0.5 + 0.5 * (10 / 1000));
    expect(nonDecreasing(seen)).toBe(true);
    let stop = false;
    const s = workMeter({ shouldStop: () => stop }, 1000);
    s(10);
    stop = true;
    expect(() => s(20)).toThrow(WorkStopped);
  });

  it('is free without hooks', () => {
    const m = workMeter(undefined, 10);
    expect(() => m(5)).not.toThrow();
  });
});

describe('the knapsack with hooks', () => {
  it('dp (mixed costs, no arrival): the same solution, progress up to the end', () => {
    const k = kinds(600);
    const plain = knapsack(k, 900);
    const { seen, hooks } = recorder();
    const hooked = knapsack(k, 900, undefined, hooks);
    expect(hooked.method).toBe('dp');
    expect(hooked).toEqual(plain);
    expect(seen.length).toBeGreaterThan(50);
    expect(seen.length).toBeLessThanOrEqual(101);
    expect(nonDecreasing(seen)).toBe(true);
    expect(seen.at(-1)).toBeGreaterThan(0.95);
    expect(() => knapsack(k, 900, undefined, { shouldStop: () => true })).toThrow(WorkStopped);
  });

  it('exact (mixed costs, in arrival order): the same solution, and it stops when asked', () => {
    const k = kinds(300);
    const arrival: number[] = [];
    for (let i = 0; i < k.size; i++) for (let j = 0; j < k.count[i]; j++) arrival.push(i);
    const plain = knapsack(k, 200, Int32Array.from(arrival));
    const { seen, hooks } = recorder();
    const hooked = knapsack(k, 200, Int32Array.from(arrival), hooks);
    expect(hooked.method).toBe('exact');
    expect(hooked).toEqual(plain);
    expect(seen.length).toBeGreaterThan(50);
    expect(nonDecreasing(seen)).toBe(true);
    expect(() => knapsack(k, 200, Int32Array.from(arrival), { shouldStop: () => true })).toThrow(
      WorkStopped,
    );
  });
});

describe('one run of forcedSpend or the optimal ranking, through solveScenario', () => {
  const scenario = (regime: string, ranking: string) => {
    const r = parseScenario({
      schemaVersion: 1,
      groups: Array.from({ length: 40 }, (_, i) => ({
        count: 25,
        convictionProbability: 0.4 + (i % 5) / 10,
        trialSentence: 2 + (i % 9),
        trialCost: 1 + (i % 3),
        pledgedShare: 0.6,
      })),
      prosecutor: { budget: 60, regime, ranking },
      levers: { pledge: { penalty: 5 } },
    });
    if (!r.ok) throw new Error(r.errors.map((e) => e.text).join('; '));
    return r.scenario;
  };

  it.each([
    ['forcedSpend', 'arrival'],
    ['priority', 'optimal'],
  ])('%s (%s): progress reported, the same result, stopped when asked', (regime, ranking) => {
    const s = scenario(regime, ranking);
    const plain = solveScenario(s);
    const { seen, hooks } = recorder();
    const hooked = solveScenario(s, { onProgress: hooks.onProgress });
    expect(hooked).toEqual(plain);
    expect(seen.length).toBeGreaterThan(10);
    expect(nonDecreasing(seen)).toBe(true);
    expect(() => solveScenario(s, { shouldStop: () => true })).toThrow(WorkStopped);
  });
});
