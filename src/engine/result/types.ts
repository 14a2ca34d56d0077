// The result of a run, exactly the JSON of MODEL.md §6.
import type { RegimeName } from '../scenario/schema';

export type Outcome = 'plea' | 'tried' | 'free' | 'refuse';

export interface Totals {
  defendants: number;
  pleas: number;
  trials: number;
  free: number;
  take: number;
  noPleaTake: number;
  /** take / noPleaTake; null when noPleaTake ≤ 1e-9. */
  takeRatio: number | null;
  budgetUsed: number;
  fundPaid: number;
  /** priority, forcedSpend: first rank whose defendant is not threatened; null if all are. */
  stopRank: number | null;
  threatenedCount: number;
  /** take ≤ noPleaTake under the §1 tolerance. */
  strikeSucceeds: boolean;
}

export interface Plan {
  plannedTake: number;
  withheldCount: number;
}

export interface DefendantRow {
  id: number;
  group: number;
  rank: number | null;
  outcome: Outcome;
  offer: number | null;
  threatened: boolean;
  withheld: boolean;
  pledged: boolean;
  never: boolean;
  covered: boolean;
  trialProbability: number | null;
  /** Docket only: the arrival week α_i. */
  arrivalWeek?: number;
  /** Docket only: the week he is tried, null unless tried. */
  trialWeek?: number | null;
}

/** One week of the docket (MODEL.md §6): arrivals by outcome per arrival week; trials held,
 * units used and the backlog per calendar week. */
export interface DocketWeek {
  week: number;
  arrivals: number;
  pleas: number;
  tried: number;
  free: number;
  trialsHeld: number;
  unitsUsed: number;
  /** Σ c_i over tried i with α_i ≤ week < t_i: units booked for later weeks at the end of this one. */
  backlog: number;
}

export interface DocketResult {
  weeks: number;
  capacity: number;
  deadline: number;
  /** The arrival week of the stopRank defendant; null when every defendant is threatened. */
  crashWeek: number | null;
  /** Weeks 0..W − 1 + D. */
  byWeek: DocketWeek[];
}

export interface EquilibriumFigures {
  size: number;
  take: number;
  trials: number;
  free: number;
  budgetUsed: number;
  fundPaid: number;
}

export interface LotteryResult {
  k: number;
  /** Per defendant (arrival order): min(τ_i, N), or null when no m qualifies. Omitted above 100,000. */
  thresholds?: (number | null)[];
  /** Defendant ids sorted by threshold, then arrival. Omitted above 100,000. */
  rejecterOrder?: number[];
  equilibria: EquilibriumFigures[];
  selected: number;
  erosionPoint: number;
  cascadePoint: number;
  criticalMass: number;
  strikeProofOffer: number | null;
}

export interface HistogramBin {
  lo: number;
  hi: number;
  count: number;
}

export interface Summary {
  mean: number | null;
  p5: number | null;
  p50: number | null;
  p95: number | null;
  nullCount: number;
  histogram: HistogramBin[];
}

export const DISTRIBUTION_KEYS = [
  'take',
  'takeRatio',
  'pleas',
  'trials',
  'free',
  'budgetUsed',
  'fundPaid',
  'stopRank',
] as const;
export type DistributionKey = (typeof DISTRIBUTION_KEYS)[number];
export type Distribution = Record<DistributionKey, Summary>;

export interface Result {
  schemaVersion: 1;
  regime: RegimeName;
  totals: Totals;
  plan?: Plan;
  lottery?: LotteryResult;
  distribution?: Distribution;
  docket?: DocketResult;
  defendantsOmitted: boolean;
  defendants?: DefendantRow[];
}
