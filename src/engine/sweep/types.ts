// Shapes of sweep and phase-diagram results: the engine computes them, the charts draw them.

/** Outcomes a sweep or phase diagram can plot. */
export const OUTCOME_KEYS = [
  'shareFree',
  'take',
  'takeRatio',
  'pleas',
  'trials',
  'free',
  'stopRank',
  'takePerDefendant',
  'strikeSucceeds',
  'crashWeek',
] as const;
export type OutcomeKey = (typeof OUTCOME_KEYS)[number];

/** One value of an outcome at one point: the run-0 (or only) value, and over runs the mean and 5–95% band. */
export interface OutcomeValue {
  value: number | null;
  mean: number | null;
  p5: number | null;
  p95: number | null;
}

export interface SweepPoint {
  x: number;
  outcomes: Record<OutcomeKey, OutcomeValue>;
}

export interface SweepResult {
  /** Dotted field path swept, e.g. "groups[0].pledgedShare" or "levers.strikeFund.fund". */
  field: string;
  points: SweepPoint[];
  /** Whether the scenario is random (runs > 1 with a random ranking): bands are meaningful. */
  random: boolean;
  /** Smallest x at which the strike succeeds (take ≤ noPlea take), or null. */
  successAt: number | null;
}

export interface PhaseResult {
  xField: string;
  yField: string;
  xs: number[];
  ys: number[];
  outcome: OutcomeKey;
  /** Row-major grid: values[iy * xs.length + ix]; NaN where not yet computed or null. */
  values: number[];
  /** 1 where the strike succeeds, 0 where not, −1 where not computed yet. */
  success: number[];
  /** Refinement level: 0 coarse … final. */
  level: number;
}

/** One bin of the unraveling ladder (ranks rankLo..rankHi, 1-based inclusive). */
export interface LadderBin {
  rankLo: number;
  rankHi: number;
  plea: number;
  tried: number;
  free: number;
  threatened: number;
  /** Prosecutor's budget left after the bin's last rank. */
  budgetAfter: number;
  /** Strike fund money left after the bin's last rank. */
  fundAfter: number;
}

/**
 * What "the strike succeeds" means on a sweep or phase diagram (MODEL.md §5): by default plea
 * bargaining extracts no more punishment than her trials alone could (take ≤ noPlea take); a
 * user may choose a share of defendants who go free, or a take per defendant.
 */
export type SuccessCriterion =
  | { kind: 'takeAtMostNoPlea' }
  | { kind: 'shareFreeAtLeast'; value: number }
  | { kind: 'takePerDefendantAtMost'; value: number };

export const DEFAULT_CRITERION: SuccessCriterion = { kind: 'takeAtMostNoPlea' };
