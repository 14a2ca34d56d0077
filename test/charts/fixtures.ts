// Hand-built fixtures from MODEL.md §7 (the engine is written concurrently; nothing here calls it).
import type { DefendantRow, LotteryResult, Summary } from '../../src/engine/result/types';
import type { OutcomeKey, OutcomeValue, PhaseResult, SweepResult } from '../../src/engine/sweep/types';
import type { KindInfo } from '../../src/engine/population/kinds';
import type { LadderScenario } from '../../src/charts/ladder/data';
import type { RegimeRow } from '../../src/charts/regimes/data';
import { OUTCOME_KEYS } from '../../src/engine/sweep/types';

export function row(p: Partial<DefendantRow> & Pick<DefendantRow, 'id' | 'outcome'>): DefendantRow {
  return {
    group: 0,
    rank: p.id,
    offer: null,
    threatened: false,
    withheld: false,
    pledged: false,
    never: false,
    covered: false,
    trialProbability: null,
    ...p,
  };
}

/**
 * E9, priority, arrival ranking: defendants 1 and 2 never plead and are tried, using up B = 2;
 * 3–5 go free; the unraveling stops at rank 3. Levers added by hand: a fund Φ = 10 with T = 1,
 * I = 2 covering defendants 1 and 3 (pledged).
 */
export const E9_SCENARIO: LadderScenario = {
  groups: [
    { trialCost: 1, label: 'hard core' },
    { trialCost: 1, label: 'ordinary' },
  ],
  prosecutor: { budget: 2 },
  levers: { strikeFund: { fund: 10, stipend: 1, insurance: 2 } },
};

export const E9_ROWS: DefendantRow[] = [
  row({ id: 1, group: 0, outcome: 'tried', threatened: true, never: true, pledged: true, covered: true, offer: 5 }),
  row({ id: 2, group: 0, outcome: 'tried', threatened: true, never: true, offer: 5 }),
  row({ id: 3, group: 1, outcome: 'free', threatened: false, pledged: true, covered: true }),
  row({ id: 4, group: 1, outcome: 'free', threatened: false }),
  row({ id: 5, group: 1, outcome: 'free', threatened: false }),
];

/** E2: priority, N = 3, B = 1: everyone pleads at 5; no stop rank. */
export const E2_ROWS: DefendantRow[] = [1, 2, 3].map((id) => row({ id, outcome: 'plea', threatened: true, offer: 5 }));
export const E2_SCENARIO: LadderScenario = {
  groups: [{ trialCost: 1 }],
  prosecutor: { budget: 1 },
  levers: { strikeFund: { fund: 0, stipend: 0, insurance: 0 } },
};

/** E4: N = 10, B = 2, s = 3. */
export const E4_THRESHOLDS = [0, 2, 2, 2, 2, 3, 3, 3, 3, 3];
export const E4_LOTTERY: LotteryResult = {
  k: 2,
  thresholds: E4_THRESHOLDS,
  rejecterOrder: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10],
  equilibria: [
    { size: 1, take: 32, trials: 1, free: 0, budgetUsed: 1, fundPaid: 0 },
    { size: 10, take: 10, trials: 2, free: 8, budgetUsed: 2, fundPaid: 0 },
  ],
  selected: 10,
  erosionPoint: 10,
  cascadePoint: 1,
  criticalMass: 1,
  strikeProofOffer: null,
};

export function kind(p: Partial<KindInfo> = {}): KindInfo {
  return {
    kind: 0,
    group: 0,
    sub: 'plain',
    count: 3,
    p: 0.5,
    S: 10,
    K: 0,
    d: 0,
    c: 1,
    delta: 0,
    e: 5,
    w: 5,
    L: 0,
    eHat: 5,
    Lb: 0,
    eHatB: 5,
    fixedOffer: null,
    pledged: false,
    never: false,
    covered: false,
    ...p,
  };
}

function outcomes(f: (k: OutcomeKey) => OutcomeValue): Record<OutcomeKey, OutcomeValue> {
  return Object.fromEntries(OUTCOME_KEYS.map((k) => [k, f(k)])) as Record<OutcomeKey, OutcomeValue>;
}
const single = (v: number | null): OutcomeValue => ({ value: v, mean: v, p5: v, p95: v });

/** A sweep of the pledge penalty F: the take falls as F grows, and the strike succeeds from F = 3. */
export const SWEEP_A: SweepResult = {
  field: 'levers.pledge.penalty',
  random: false,
  successAt: 3,
  points: [0, 1, 2, 3, 4].map((x) => ({
    x,
    outcomes: outcomes((k) =>
      k === 'take' ? single(15 - 3 * Math.min(x, 3)) : k === 'strikeSucceeds' ? single(x >= 3 ? 1 : 0) : k === 'shareFree' ? single(x >= 3 ? 2 / 3 : 0) : single(0),
    ),
  })),
};

/** A take ratio falling to 1 (the no-plea line) on the right, where the strike succeeds (from 3). */
export const SWEEP_RATIO_FALLS: SweepResult = {
  field: 'levers.pledge.penalty',
  random: false,
  successAt: 3,
  points: [0, 1, 2, 3, 4].map((x) => ({ x, outcomes: outcomes((k) => (k === 'takeRatio' ? single([5, 3, 2, 1, 1][x]) : single(0))) })),
};

/** A take ratio rising from 1 (the strike fails more as x grows): the line's left end is taken. */
export const SWEEP_RATIO_RISES: SweepResult = {
  field: 'levers.pledge.penalty',
  random: false,
  successAt: null,
  points: [0, 1, 2, 3, 4].map((x) => ({ x, outcomes: outcomes((k) => (k === 'takeRatio' ? single([1, 1, 2, 3, 5][x]) : single(0))) })),
};

/** A random sweep (bands) that succeeds from 4. */
export const SWEEP_B: SweepResult = {
  field: 'levers.pledge.penalty',
  random: true,
  successAt: 4,
  points: [0, 1, 2, 3, 4].map((x) => ({
    x,
    outcomes: outcomes((k) =>
      k === 'take'
        ? { value: 15 - 2.5 * x, mean: 15 - 2.5 * x, p5: 13 - 2.5 * x, p95: 16 - 2.5 * x }
        : k === 'strikeSucceeds'
          ? { value: x >= 4 ? 1 : 0, mean: x >= 4 ? 1 : x / 5, p5: 0, p95: 1 }
          : single(0),
    ),
  })),
};

/** A 4 × 3 phase grid over pledged share (x) and fund (y): the take falls toward the top right. */
export function phaseFixture(progressive = false): PhaseResult {
  const xs = [0, 0.25, 0.5, 0.75];
  const ys = [0, 50, 100];
  const values: number[] = [];
  const success: number[] = [];
  for (let iy = 0; iy < ys.length; iy++)
    for (let ix = 0; ix < xs.length; ix++) {
      const v = 15 - 10 * xs[ix] - 0.05 * ys[iy];
      const done = !progressive || (ix % 2 === 0 && iy % 2 === 0);
      values.push(done ? v : NaN);
      success.push(done ? (v <= 10 ? 1 : 0) : -1);
    }
  return { xField: 'groups[0].pledgedShare', yField: 'levers.strikeFund.fund', xs, ys, outcome: 'take', values, success, level: progressive ? 0 : 2 };
}

/** The take over 20 random rankings: five distinct values. */
export const TAKE_SUMMARY: Summary = {
  mean: 12.5,
  p5: 10,
  p50: 12.5,
  p95: 15,
  nullCount: 0,
  histogram: [
    { lo: 10, hi: 10, count: 3 },
    { lo: 11.25, hi: 11.25, count: 4 },
    { lo: 12.5, hi: 12.5, count: 6 },
    { lo: 13.75, hi: 13.75, count: 4 },
    { lo: 15, hi: 15, count: 3 },
  ],
};

/** E1/E2-like comparison, N = 3, B = 1. */
export const REGIME_ROWS: RegimeRow[] = [
  { regime: 'priority', take: 15, pleas: 3, trials: 0, free: 0, takeRatio: 3 },
  { regime: 'noPlea', take: 5, pleas: 0, trials: 1, free: 2, takeRatio: 1 },
  { regime: 'lottery', take: 5, pleas: 0, trials: 1, free: 2, takeRatio: 1 },
  { regime: 'forcedSpend', take: 10, pleas: 2, trials: 0, free: 1, takeRatio: 2 },
];
