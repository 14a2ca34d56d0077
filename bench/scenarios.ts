// Benchmark workloads as scenarios (built deterministically from a seed).
import { Rng } from '../src/engine/random';
import type { ScenarioInput } from '../src/engine/scenario/schema';

/** W1: n defendants in 20 groups, mixed levers, pledges, never-pleaders, trial costs 1–5. */
export function w1City(n: number, budget = 20_000): ScenarioInput {
  const rng = new Rng(20260101n);
  const groups = Array.from({ length: 20 }, (_, g) => {
    const count = Math.floor(n / 20) + (g < n % 20 ? 1 : 0);
    return {
      label: `group ${g + 1}`,
      count,
      convictionProbability: 0.3 + 0.05 * (g % 12),
      trialSentence: 2 + (g * 7) % 25,
      collateralCost: g % 4 === 0 ? 1.5 : 0,
      refusalCost: g % 3 === 0 ? 0.25 : 0,
      trialCost: 1 + (g % 5),
      pledgedShare: [0, 0.05, 0.1, 0.2][g % 4],
      neverPleadsShare: 0.02 + 0.01 * (rng.nextU32() % 4),
      pledgePenalty: g % 5 === 0 ? 6 : null,
      offer: null,
    };
  });
  return {
    schemaVersion: 1,
    title: `W1 city of ${n} defendants`,
    seed: 1,
    runs: 1,
    groups,
    prosecutor: { budget, regime: 'priority', ranking: 'optimal' },
    levers: {
      pledge: { penalty: 4, secret: false },
      visibility: { observed: 0.8, sanction: 1 },
      strikeFund: { fund: 50_000, stipend: 1, insurance: 2 },
    },
  };
}

/** Crespo's city: 7,000 felony cases, capacity 450 already used by 450 never-pleaders, 5% pledged. */
export function crespoCity(
  regime: 'priority' | 'forcedSpend',
  ranking: 'arrival' | 'random' | 'optimal',
  secret: boolean,
  runs = 1,
): ScenarioInput {
  return {
    schemaVersion: 1,
    title: "Crespo's city",
    seed: 7,
    runs,
    groups: [
      {
        label: 'felony cases',
        count: 7000,
        convictionProbability: 0.7,
        trialSentence: 5,
        pledgedShare: 0.05,
        neverPleadsShare: 450 / 7000,
      },
    ],
    prosecutor: { budget: 450, regime, ranking },
    levers: {
      pledge: { penalty: 5, secret },
      visibility: { observed: 1, sanction: 0 },
      strikeFund: { fund: 0, stipend: 0, insurance: 0 },
    },
  };
}

/** W3: a lottery of n defendants in 20 groups (equal trial costs). */
export function w3Lottery(n: number): ScenarioInput {
  const s = w1City(n, Math.floor(n * 0.03));
  return {
    ...s,
    title: `W3 lottery of ${n}`,
    groups: s.groups.map((g) => ({ ...g, trialCost: 1 })),
    prosecutor: { budget: Math.floor(n * 0.03), regime: 'lottery', offers: 'tailored' },
  };
}

/**
 * W7: a weekly docket of n defendants over `weeks` weeks: a hard core that uses most of the
 * weekly capacity, ordinary cases, a 5% pledge all year and a one-time wave; capacity ≈ 3% of the
 * caseload spread over the weeks. `mixed`: trial costs 1–5 instead of all 1.
 */
export function docketCity(n: number, weeks = 520, deadline = 8, mixed = false): ScenarioInput {
  const wave = Math.floor(n * 0.01);
  const rest = n - wave;
  const capacity = Math.max(1, Math.round((n * 0.03 * (mixed ? 3 : 1)) / weeks));
  return {
    schemaVersion: 1,
    title: `W7 docket of ${n} defendants over ${weeks} weeks`,
    seed: 1,
    runs: 1,
    groups: [
      { label: 'serious', count: Math.floor(rest / 2), convictionProbability: 0.7, trialSentence: 12, trialCost: mixed ? 5 : 1, neverPleadsShare: 0.03, pledgedShare: 0.05, detentionPerWeek: 0.02 },
      { label: 'other', count: rest - Math.floor(rest / 2), convictionProbability: 0.7, trialSentence: 3, trialCost: mixed ? 2 : 1, neverPleadsShare: 0.03, pledgedShare: 0.05 },
      { label: 'wave', count: wave, convictionProbability: 0.7, trialSentence: 3, trialCost: mixed ? 1 : 1, pledgedShare: 1, firstWeek: Math.floor(weeks / 2), lastWeek: Math.floor(weeks / 2) },
    ],
    prosecutor: { regime: 'docket' },
    levers: {
      pledge: { penalty: 5, secret: false },
      visibility: { observed: 1, sanction: 0 },
      strikeFund: { fund: 1000, stipend: 1, insurance: 2 },
    },
    docket: { weeks, capacity, deadline },
  };
}
