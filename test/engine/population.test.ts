import { describe, expect, it } from 'vitest';
import { isChosen, chosenBefore } from '../../src/engine/population/spread';
import { buildPopulation, kindOfDefendants, prefixCount, prefixCounts, subKindAt } from '../../src/engine/population/kinds';
import { ScenarioSchema } from '../../src/engine/scenario/schema';
import { snapFloor, snapRound } from '../../src/engine/numeric';

describe('spread evenly (MODEL §2)', () => {
  it('n = 10, m = 3 picks members 0, 3, 6', () => {
    expect([...Array(10).keys()].filter((j) => isChosen(j, 3, 10))).toEqual([0, 3, 6]);
  });
  it('counts the chosen among the first j members as ⌈j·m/n⌉', () => {
    for (let n = 1; n <= 30; n++)
      for (let m = 0; m <= n; m++) {
        let c = 0;
        for (let j = 0; j <= n; j++) {
          expect(chosenBefore(j, m, n)).toBe(c);
          if (j < n && isChosen(j, m, n)) c++;
        }
        expect(c).toBe(m);
      }
  });
});

describe('§1 snapping', () => {
  it('0.3/0.1 floors to 3 and 0.29·50 rounds to 15; round is half up', () => {
    expect(snapFloor(0.3 / 0.1)).toBe(3);
    expect(snapRound(0.29 * 50)).toBe(15);
    expect(snapRound(2.5)).toBe(3);
    expect(snapRound(0.35 * 10)).toBe(4);
  });
});

describe('kinds and the per-defendant layout', () => {
  it('the incremental layout, the O(1) prefix counts (the tuple and each sub-kind\'s own) and subKindAt agree', () => {
    for (let n = 1; n < 50; n++)
      for (const ps of [0, 0.1, 0.33, 0.5, 1])
        for (const ns of [0, 0.2, 0.5]) {
          if (ps + ns > 1) continue;
          const s = ScenarioSchema.parse({
            schemaVersion: 1,
            groups: [
              { count: 2, convictionProbability: 0.5, trialSentence: 1, pledgedShare: 0.5 },
              { count: n, convictionProbability: 0.5, trialSentence: 2, pledgedShare: ps, neverPleadsShare: ns },
            ],
            prosecutor: { budget: 1, regime: 'priority' },
            levers: { strikeFund: { fund: 5, stipend: 1 } },
          });
          const pop = buildPopulation(s);
          const kindOf = kindOfDefendants(pop);
          const g = pop.groups[1];
          const counts = [0, 0, 0, 0];
          for (let j = 0; j < n; j++) {
            expect(prefixCounts(g, j)).toEqual(counts);
            expect([0, 1, 2, 3].map((sub) => prefixCount(g, j, sub))).toEqual(counts);
            const sub = subKindAt(g, j);
            expect(kindOf[g.first + j]).toBe(g.kind[sub]);
            counts[sub]++;
          }
        }
  });
  it('kindOfDefendants agrees with subKindAt member by member on large groups (pledged, covered, never)', () => {
    // Group sizes, shares and funds where the steps ⌊n/P⌋ and ⌊(n − P)/V⌋ leave every kind of
    // remainder: n prime or round, shares near 0 and near 1, covered none, some or all.
    for (const n of [1, 2, 7, 97, 1000, 4099, 7000])
      for (const ps of [0, 0.001, 0.05, 0.33, 0.5, 0.9, 0.999, 1])
        for (const ns of [0, 0.001, 0.07, 0.5, 1])
          for (const fund of [0, 7, 3000]) {
            if (ps + ns > 1) continue;
            const s = ScenarioSchema.parse({
              schemaVersion: 1,
              groups: [
                { count: 3, convictionProbability: 0.5, trialSentence: 1, pledgedShare: 0.34 },
                { count: n, convictionProbability: 0.5, trialSentence: 2, pledgedShare: ps, neverPleadsShare: ns },
              ],
              prosecutor: { budget: 450, regime: 'priority' },
              levers: { strikeFund: { fund, stipend: 1, insurance: 2 } },
            });
            const pop = buildPopulation(s);
            const kindOf = kindOfDefendants(pop);
            expect(kindOf.length).toBe(pop.N);
            for (const g of pop.groups)
              for (let j = 0; j < g.count; j++) {
                const want = g.kind[subKindAt(g, j)];
                if (kindOf[g.first + j] !== want) expect([n, ps, ns, fund, j, kindOf[g.first + j]]).toEqual([n, ps, ns, fund, j, want]);
              }
          }
  });
  it('the fund covers the first pledgers in arrival order across groups', () => {
    const s = ScenarioSchema.parse({
      schemaVersion: 1,
      groups: [
        { count: 4, convictionProbability: 0.5, trialSentence: 10, pledgedShare: 0.5 },
        { count: 4, convictionProbability: 0.5, trialSentence: 10, pledgedShare: 1 },
      ],
      prosecutor: { budget: 1, regime: 'noPlea' },
      levers: { strikeFund: { fund: 5, stipend: 1, insurance: 2 } },
    });
    // MODEL §3 rev. 4: M = floor(B / c_min) = 1 trial, so n·1 + min(n, 1)·2 ≤ 5 gives n = 3.
    const pop = buildPopulation(s);
    expect(pop.fundTrials).toBe(1);
    expect(pop.coveredTotal).toBe(3);
    expect(pop.groups.map((g) => g.covered)).toEqual([2, 1]);
    // A fund of 9 covers all six pledgers: 6·1 + 1·2 = 8 ≤ 9 (the old rule, n·(T + I), gave 3).
    const all = buildPopulation({ ...s, levers: { ...s.levers, strikeFund: { fund: 9, stipend: 1, insurance: 2 } } });
    expect(all.coveredTotal).toBe(6);
    expect(all.groups.map((g) => g.covered)).toEqual([2, 4]);
  });
});
