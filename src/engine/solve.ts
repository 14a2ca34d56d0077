// One scenario → one result (MODEL.md §6), through named pure phases:
//   population (groups → kinds, levers applied) → decisions per kind → regime → totals/rows.
import type { Scenario } from './scenario/schema';
import { LIMITS } from './scenario/rules';
import { defendantCount } from './scenario/shape';
import { buildPopulation, kindOfDefendants, weekSpans, type Population } from './population/kinds';
import { decide, type Decisions } from './regimes/decision';
import { planNoPlea, type NoPleaPlan } from './regimes/noPlea';
import { takenDefendants } from './regimes/knapsackItems';
import type { WorkHooks } from './work';
import { planOptimal, optimalOrder } from './regimes/optimal';
import { firstArrivals } from './population/arrivals';
import {
  priorityPass,
  newDetail,
  OUT_FREE,
  OUT_TRIED,
  type PassDetail,
  type PassTotals,
} from './regimes/priority';
import { aggregatePriority, canAggregate } from './regimes/priorityKinds';
import { priorityPassLazy } from './regimes/priority';
import { Tally } from './regimes/tally';
import { LazyShuffle, cachedRandomRanking, memoizableRanking } from './random';
import { forcedSpend } from './regimes/forcedSpend';
import { solveLottery } from './regimes/lottery';
import { buildRanking, type NonOptimalRanking } from './regimes/ranking';
import { EXACT_CELLS } from './regimes/knapsack';
import { leqTol } from './numeric';
import { summarizeColumn } from './result/distribution';
import { allocateEarliest } from './population/allocate';
import { docketOrder } from './population/weeks';
import { docketPass, docketNoPleaTake, newDocketDetail } from './regimes/docket';
import {
  DISTRIBUTION_KEYS,
  type DefendantRow,
  type Distribution,
  type Outcome,
  type Result,
  type Totals,
} from './result/types';

export interface SolveOptions {
  /** Per-defendant rows: 'auto' (up to 100,000 defendants), 'always', or 'never'. */
  rows?: 'auto' | 'always' | 'never';
  /**
   * Called with the fraction done: between runs (Monte Carlo), and within a single run's long
   * steps (the optimal ranking's knapsack, forcedSpend's table; see engine/work.ts).
   */
  onProgress?: (done: number) => void;
  /** Asked between steps of a single run's long computations: true stops it (WorkStopped). */
  shouldStop?: () => boolean;
  /**
   * Only what a sweep point or a phase-diagram cell plots: the totals and, over random runs,
   * each distribution's mean, percentiles and null count with an empty histogram; no plan
   * (her believed pass is skipped). Every figure given is the same as in the full result.
   */
  plotOnly?: boolean;
}

const OUTCOME_NAMES: Outcome[] = ['plea', 'tried', 'free', 'refuse'];

export function takeRatio(take: number, noPleaTake: number): number | null {
  return noPleaTake <= 1e-9 ? null : take / noPleaTake;
}

function totalsFrom(pass: PassTotals, N: number, noPleaTake: number): Totals {
  return {
    defendants: N,
    pleas: pass.pleas,
    trials: pass.trials,
    free: pass.free,
    take: pass.take,
    noPleaTake,
    takeRatio: takeRatio(pass.take, noPleaTake),
    budgetUsed: pass.budgetUsed,
    fundPaid: pass.fundPaid,
    stopRank: pass.stopRank,
    threatenedCount: pass.threatenedCount,
    strikeSucceeds: leqTol(pass.take, noPleaTake),
  };
}

/** Everything a regime needs, computed once per scenario. */
export interface Prepared {
  scenario: Scenario;
  pop: Population;
  dec: Decisions;
  /** Kind per defendant, when per-defendant work is needed or the instance is small. */
  kindOf?: Int32Array;
  noPleaTake: number;
  /** The noPlea knapsack (its take is every regime's noPleaTake). */
  noPlea: NoPleaPlan;
  /** Small enough for the exact lexicographic knapsack. */
  exactKnapsack: boolean;
}

export function prepare(s: Scenario, needKindOf: boolean): Prepared {
  const pop = buildPopulation(s);
  const B = (s.prosecutor.budget ?? 0);
  const bPrime = Math.min(B, pop.totalUnits);
  const exactKnapsack = pop.N * (bPrime + 1) <= EXACT_CELLS;
  const kindOf = needKindOf || exactKnapsack ? kindOfDefendants(pop) : undefined;
  const noPlea = planNoPlea(pop, B, exactKnapsack ? kindOf : undefined);
  return {
    scenario: s,
    pop,
    dec: decide(pop.kinds),
    kindOf,
    noPleaTake: noPlea.solution.value,
    noPlea,
    exactKnapsack,
  };
}

function wantRows(N: number, options: SolveOptions): boolean {
  const mode = options.rows ?? 'auto';
  return mode === 'always' || (mode === 'auto' && N <= LIMITS.maxDefendantRows);
}

function rowsFrom(
  prep: { pop: Population; kindOf?: Int32Array },
  detail: PassDetail,
  withRank: boolean,
): DefendantRow[] {
  const { pop, kindOf } = prep;
  const k = pop.kinds;
  const rows: DefendantRow[] = new Array(pop.N);
  for (let i = 0; i < pop.N; i++) {
    const kind = kindOf![i];
    const offer = detail.offer[i];
    rows[i] = {
      id: i + 1,
      group: k.group[kind],
      rank: withRank ? detail.rank[i] : null,
      outcome: OUTCOME_NAMES[detail.outcome[i]],
      offer: Number.isNaN(offer) || !(offer > 1e-9) ? null : offer,
      threatened: detail.threatened[i] === 1,
      withheld: detail.withheld[i] === 1,
      pledged: k.pledged[kind] === 1,
      never: k.never[kind] === 1,
      covered: k.covered[kind] === 1,
      trialProbability: null,
    };
  }
  return rows;
}

export function solveScenario(s: Scenario, options: SolveOptions = {}): Result {
  switch (s.prosecutor.regime) {
    case 'noPlea':
      return canonical(withRankingFreeRuns(s, solveNoPlea(s, options)));
    case 'lottery':
      return canonical(withRankingFreeRuns(s, solveLotteryRegime(s, options)));
    case 'priority':
    case 'forcedSpend':
      return canonical(solveSequential(s, options));
    case 'docket':
      return canonical(solveDocket(s, options));
  }
}

/**
 * noPlea and lottery do not use the ranking, so with a random ranking every run gives the same
 * totals; the distribution §5 asks for (present iff the ranking is random) is that of `runs`
 * identical runs.
 */
function withRankingFreeRuns(s: Scenario, r: Result): Result {
  if (s.prosecutor.ranking !== 'random') return r;
  return { ...r, distribution: distributionOf(new Array<Totals>(s.runs).fill(r.totals)) };
}

/** The result's fields in the order MODEL.md §6 prints them. */
function canonical(r: Result): Result {
  const out: Result = { schemaVersion: 1, regime: r.regime, totals: r.totals } as Result;
  if (r.plan) out.plan = r.plan;
  if (r.lottery) {
    const l = r.lottery;
    out.lottery = {
      k: l.k,
      ...(l.thresholds ? { thresholds: l.thresholds } : {}),
      ...(l.rejecterOrder ? { rejecterOrder: l.rejecterOrder } : {}),
      equilibria: l.equilibria,
      selected: l.selected,
      erosionPoint: l.erosionPoint,
      cascadePoint: l.cascadePoint,
      criticalMass: l.criticalMass,
      strikeProofOffer: l.strikeProofOffer,
    };
  }
  if (r.distribution) out.distribution = r.distribution;
  if (r.docket) out.docket = r.docket;
  out.defendantsOmitted = r.defendantsOmitted;
  if (r.defendants) out.defendants = r.defendants;
  return out;
}

function solveNoPlea(s: Scenario, options: SolveOptions): Result {
  const rowsWanted = wantRows(defendantCount(s.groups), options);
  const prep = prepare(s, rowsWanted);
  const { pop } = prep;
  const plan = prep.noPlea;
  const sol = plan.solution;
  // Covered members tried: the earliest members of each chosen kind.
  let coveredTried = 0;
  let detail: PassDetail | undefined;
  if (prep.kindOf) {
    const tried = takenDefendants(plan, prep.kindOf);
    detail = newDetail(pop.N);
    for (let i = 0; i < pop.N; i++) {
      const kind = prep.kindOf[i];
      detail.outcome[i] = tried[i] ? OUT_TRIED : OUT_FREE;
      detail.threatened[i] = tried[i];
      detail.offer[i] = NaN;
      if (tried[i] && pop.kinds.covered[kind]) coveredTried++;
    }
  } else {
    coveredTried = coveredTriedByAllocation(pop, plan.knapsackKind, sol.take);
  }
  // Everyone refuses: the tried are the knapsack's, everyone else goes free.
  const tally = new Tally(pop);
  tally.add({
    pleas: 0,
    trials: sol.items,
    free: pop.N - sol.items,
    take: sol.value,
    units: sol.units,
    coveredTried,
    coveredFree: pop.coveredTotal - coveredTried,
    threatened: sol.items,
  });
  const pass = tally.totals();
  const result: Result = {
    schemaVersion: 1,
    regime: 'noPlea',
    totals: totalsFrom(pass, pop.N, prep.noPleaTake),
    defendantsOmitted: !rowsWanted,
  };
  if (rowsWanted && detail) result.defendants = rowsFrom(prep, detail, false);
  return result;
}

function coveredTriedByAllocation(pop: Population, mergedOf: Int32Array, take: Float64Array) {
  const per = allocateEarliest(pop, mergedOf, take);
  let n = 0;
  for (let k = 0; k < pop.kinds.size; k++) if (pop.kinds.covered[k]) n += per[k];
  return n;
}

function solveLotteryRegime(s: Scenario, options: SolveOptions): Result {
  const N = defendantCount(s.groups);
  const rowsWanted = wantRows(N, options);
  const prep = prepare(s, rowsWanted);
  const { pop } = prep;
  const first = firstArrivals(pop);
  const lot = solveLottery(pop, (s.prosecutor.budget ?? 0), first);
  const selected = s.prosecutor.equilibrium === 'cascade' ? lot.cascadePoint : lot.erosionPoint;
  const fig = lot.figures(selected);
  const totals: Totals = {
    defendants: N,
    pleas: N - selected,
    trials: fig.trials,
    free: fig.free,
    take: fig.take,
    noPleaTake: prep.noPleaTake,
    takeRatio: takeRatio(fig.take, prep.noPleaTake),
    budgetUsed: fig.budgetUsed,
    fundPaid: fig.fundPaid,
    stopRank: null,
    threatenedCount: lot.k > 0 ? N : 0,
    strikeSucceeds: leqTol(fig.take, prep.noPleaTake),
  };
  const result: Result = {
    schemaVersion: 1,
    regime: 'lottery',
    totals,
    lottery: {
      k: lot.k,
      equilibria: lot.equilibria,
      selected,
      erosionPoint: lot.erosionPoint,
      cascadePoint: lot.cascadePoint,
      criticalMass: lot.criticalMass,
      strikeProofOffer: lot.strikeProofOffer,
    },
    defendantsOmitted: !rowsWanted,
  };
  if (rowsWanted) {
    const kindOf = prep.kindOf!;
    const tauOf = (i: number) => lot.tau[kindOf[i]];
    const thresholds: (number | null)[] = new Array(N);
    // rejecterOrder: by threshold (null last), then arrival — a counting sort.
    const buckets = new Float64Array(N + 2);
    for (let i = 0; i < N; i++) {
      const t = tauOf(i);
      thresholds[i] = t < 0 ? null : t;
      buckets[t < 0 ? N + 1 : t]++;
    }
    const start = new Float64Array(N + 2);
    for (let x = 1; x < N + 2; x++) start[x] = start[x - 1] + buckets[x - 1];
    const order = new Array<number>(N);
    for (let i = 0; i < N; i++) {
      const t = tauOf(i);
      order[start[t < 0 ? N + 1 : t]++] = i + 1;
    }
    result.lottery!.thresholds = thresholds;
    result.lottery!.rejecterOrder = order;
    const q = selected === 0 ? 0 : fig.trials / selected;
    const rows: DefendantRow[] = new Array(N);
    const k = pop.kinds;
    for (let i = 0; i < N; i++) {
      const kind = kindOf[i];
      const t = lot.tau[kind];
      const rejecter = t >= 0 && t <= selected - 1;
      const offer = lot.offer[kind];
      rows[i] = {
        id: i + 1,
        group: k.group[kind],
        rank: null,
        outcome: rejecter ? 'refuse' : 'plea',
        offer: offer > 1e-9 ? offer : null,
        threatened: lot.k > 0,
        withheld: false,
        pledged: k.pledged[kind] === 1,
        never: k.never[kind] === 1,
        covered: k.covered[kind] === 1,
        trialProbability: rejecter ? q : 0,
      };
    }
    result.defendants = rows;
  }
  return result;
}

/** A sequential solve's first run, per defendant: what its rows are built from. */
export interface FirstPass {
  prep: Prepared;
  detail: PassDetail;
}

/**
 * priority and forcedSpend with per-defendant rows wanted, without building the rows: the
 * result is solveScenario's with the same options but without `defendants` (defendantsOmitted
 * false: solved with rows), and the first run's pass per defendant, which the rows would have
 * been built from (the ladder's bins read it: views/ladder.ts's binsOfPass). Null for the other
 * regimes and when the rows are not wanted (the solve may then not run the pass per defendant).
 */
export function solveWithFirstPass(s: Scenario, options: SolveOptions = {}): { result: Result; first: FirstPass } | null {
  if (s.prosecutor.regime !== 'priority' && s.prosecutor.regime !== 'forcedSpend') return null;
  if (!wantRows(defendantCount(s.groups), options)) return null;
  let first: FirstPass | null = null;
  const result = canonical(solveSequential(s, options, (f) => (first = f)));
  return first ? { result, first } : null;
}

/**
 * priority and forcedSpend: a ranking, one pass per run. With `keepFirst`, the first run's pass
 * per defendant goes to it instead of into rows (solveWithFirstPass).
 */
function solveSequential(s: Scenario, options: SolveOptions, keepFirst?: (first: FirstPass) => void): Result {
  const N = defendantCount(s.groups);
  const rowsWanted = wantRows(N, options);
  const ranking = s.prosecutor.ranking;
  const isPriority = s.prosecutor.regime === 'priority';
  const aggregate = isPriority && !rowsWanted && canAggregate(ranking);
  const prep = prepare(s, !aggregate);

  if (aggregate) {
    const agg = aggregatePriority(prep, ranking as 'optimal' | 'arrival' | 'byValue');
    return {
      schemaVersion: 1,
      regime: 'priority',
      totals: totalsFrom(agg.pass, N, prep.noPleaTake),
      plan: { plannedTake: agg.plannedTake, withheldCount: agg.pass.withheldCount },
      defendantsOmitted: true,
    };
  }

  const plotOnly = options.plotOnly === true && !rowsWanted;
  const runOnce = (run: number, detail?: PassDetail) => runSequential(prep, run, detail, undefined, !plotOnly);
  // Runs after the first need totals only: priority draws its random ranking lazily and stops
  // once the budget can threaten nobody (see priorityPassLazy).
  const lazy = isPriority ? lazyRunner(prep) : null;

  const detail = rowsWanted ? newDetail(N) : undefined;
  // A single run reports its own long steps; several runs report between runs.
  const first =
    s.runs === 1 && (options.onProgress || options.shouldStop)
      ? runSequential(
          prep,
          0,
          detail,
          {
            onProgress: options.onProgress,
            shouldStop: options.shouldStop,
          },
          !plotOnly,
        )
      : runOnce(0, detail);
  const result: Result = {
    schemaVersion: 1,
    regime: s.prosecutor.regime,
    totals: totalsFrom(first.pass, N, prep.noPleaTake),
    defendantsOmitted: !rowsWanted,
  };
  if (!plotOnly) result.plan = { plannedTake: first.plannedTake, withheldCount: first.pass.withheldCount };
  if (ranking === 'random') {
    // The runs' figures go column-wise into two typed arrays: no per-run objects (a sweep or a
    // phase diagram solves thousands of scenarios of 32 runs each).
    const runs = s.runs;
    const cols = new Float64Array(DISTRIBUTION_KEYS.length * runs);
    const nulls = new Uint8Array(DISTRIBUTION_KEYS.length * runs);
    putRun(cols, nulls, runs, 0, first.pass, prep.noPleaTake);
    options.onProgress?.(1 / runs);
    for (let run = 1; run < runs; run++) {
      const pass = lazy ? lazy(run) : runOnce(run).pass;
      putRun(cols, nulls, runs, run, pass, prep.noPleaTake);
      options.onProgress?.((run + 1) / runs);
    }
    result.distribution = distributionOfColumns(cols, nulls, runs, !plotOnly);
  }
  if (detail) {
    if (keepFirst) keepFirst({ prep, detail });
    else result.defendants = rowsFrom(prep, detail, true);
  }
  return result;
}

/**
 * Where the lazy runs write their totals. A run's totals are read (putRun) before the next run,
 * and runs never nest, so every run of every solve writes into this one object, not a new one a
 * run (a 64×64 phase diagram of 32 runs made 127,000 of them, ~25 MB for the garbage collector).
 * One object for the realm, not one a solve: a new object each solve would change its hidden
 * class as its fields first take doubles, and the stores would meet several.
 */
const lazyTotals: PassTotals = { pleas: 0, trials: 0, free: 0, take: 0, budgetUsed: 0, fundPaid: 0, stopRank: null, threatenedCount: 0, withheldCount: 0 };

/** The runs after the first, totals only (into lazyTotals). */
function lazyRunner(prep: Prepared): (run: number) => PassTotals {
  const { pop, dec, scenario: s } = prep;
  const kindOf = prep.kindOf!;
  const seen = new Float64Array(pop.kinds.size);
  const out = lazyTotals;
  if (memoizableRanking(pop.N)) {
    return (run) => {
      const perm = cachedRandomRanking(pop.N, s.seed, run);
      return priorityPassLazy(pop, dec, kindOf, (s.prosecutor.budget ?? 0), { perm, shuffle: null }, seen, out);
    };
  }
  const perm = new Int32Array(pop.N);
  return (run) => {
    const shuffle = new LazyShuffle(perm, s.seed, run);
    return priorityPassLazy(pop, dec, kindOf, (s.prosecutor.budget ?? 0), { perm, shuffle }, seen, out);
  };
}

/** One run of priority or forcedSpend on the per-defendant arrays. */
export function runSequential(
  prep: Prepared,
  run: number,
  detail?: PassDetail,
  hooks?: WorkHooks,
  withPlan = true,
): { pass: PassTotals; plannedTake: number } {
  const { pop, dec, scenario: s } = prep;
  const kindOf = prep.kindOf!;
  const ranking = s.prosecutor.ranking;
  const B = (s.prosecutor.budget ?? 0);
  let order: Int32Array;
  let withheld: Uint8Array | undefined;
  let plannedTake = NaN;
  if (ranking === 'optimal') {
    const plan = planOptimal(pop, dec, B, prep.exactKnapsack ? kindOf : undefined, hooks);
    ({ ranking: order, withheld } = optimalOrder(plan, kindOf));
    plannedTake = plan.plannedTake;
  } else {
    order = buildRanking(pop, ranking as NonOptimalRanking, s.seed, run);
  }
  if (s.prosecutor.regime === 'priority') {
    const input = { pop, dec, kindOf, ranking: order, budget: B, withheld };
    const pass = priorityPass(input, detail);
    if (Number.isNaN(plannedTake) && withPlan) plannedTake = priorityPass({ ...input, believed: true }).take;
    return { pass, plannedTake };
  }
  const fs = forcedSpend({ pop, dec, kindOf, ranking: order, budget: B }, detail, hooks);
  return { pass: fs, plannedTake: fs.plannedTake };
}

/** The docket (MODEL.md §4.5): one pass in docket order on a weekly calendar. */
function solveDocket(s: Scenario, options: SolveOptions): Result {
  const N = defendantCount(s.groups);
  const rowsWanted = wantRows(N, options);
  const params = s.docket!;
  const order = docketOrder(weekSpans(s), params.weeks);
  const pop = buildPopulation(s, order);
  const dec = decide(pop.kinds);
  const kindOf = kindOfDefendants(pop);
  const detail = rowsWanted ? newDocketDetail(N) : undefined;
  const out = docketPass({ pop, dec, kindOf, order, params }, detail);
  const noPleaTake = docketNoPleaTake(pop, kindOf, order, params);
  const result: Result = {
    schemaVersion: 1,
    regime: 'docket',
    totals: totalsFrom(out.pass, N, noPleaTake),
    docket: {
      weeks: params.weeks,
      capacity: params.capacity,
      deadline: params.deadline,
      crashWeek: out.crashWeek,
      byWeek: out.byWeek,
    },
    defendantsOmitted: !rowsWanted,
  };
  if (detail) {
    const rows = rowsFrom({ pop, kindOf }, detail, true);
    for (let i = 0; i < N; i++) {
      rows[i].arrivalWeek = detail.arrivalWeek[i];
      rows[i].trialWeek = detail.trialWeek[i] < 0 ? null : detail.trialWeek[i];
    }
    result.defendants = rows;
  }
  return result;
}

/**
 * Run `run`'s figures (what totalsFrom would give for the distribution's keys, in
 * DISTRIBUTION_KEYS order) into column k·runs + run of `cols`, nulls flagged in `nulls`.
 */
function putRun(cols: Float64Array, nulls: Uint8Array, runs: number, run: number, pass: PassTotals, noPleaTake: number) {
  putValue(cols, nulls, K_TAKE * runs + run, pass.take);
  putValue(cols, nulls, K_TAKE_RATIO * runs + run, takeRatio(pass.take, noPleaTake));
  putValue(cols, nulls, K_PLEAS * runs + run, pass.pleas);
  putValue(cols, nulls, K_TRIALS * runs + run, pass.trials);
  putValue(cols, nulls, K_FREE * runs + run, pass.free);
  putValue(cols, nulls, K_BUDGET_USED * runs + run, pass.budgetUsed);
  putValue(cols, nulls, K_FUND_PAID * runs + run, pass.fundPaid);
  putValue(cols, nulls, K_STOP_RANK * runs + run, pass.stopRank);
}

function putValue(cols: Float64Array, nulls: Uint8Array, at: number, v: number | null) {
  if (v === null) nulls[at] = 1;
  else cols[at] = v;
}

const K_TAKE = DISTRIBUTION_KEYS.indexOf('take');
const K_TAKE_RATIO = DISTRIBUTION_KEYS.indexOf('takeRatio');
const K_PLEAS = DISTRIBUTION_KEYS.indexOf('pleas');
const K_TRIALS = DISTRIBUTION_KEYS.indexOf('trials');
const K_FREE = DISTRIBUTION_KEYS.indexOf('free');
const K_BUDGET_USED = DISTRIBUTION_KEYS.indexOf('budgetUsed');
const K_FUND_PAID = DISTRIBUTION_KEYS.indexOf('fundPaid');
const K_STOP_RANK = DISTRIBUTION_KEYS.indexOf('stopRank');

/** The distribution over runs (MODEL.md §5) of runs kept column-wise (see putRun). */
export function distributionOfColumns(cols: Float64Array, nulls: Uint8Array, runs: number, withHistogram: boolean): Distribution {
  const out = {} as Distribution;
  DISTRIBUTION_KEYS.forEach((key, k) => {
    out[key] = summarizeColumn(cols, nulls, k * runs, runs, withHistogram);
  });
  return out;
}

/** The distribution over runs (MODEL.md §5) of the runs' totals. */
export function distributionOf(totals: readonly Totals[]): Distribution {
  const runs = totals.length;
  const cols = new Float64Array(DISTRIBUTION_KEYS.length * runs);
  const nulls = new Uint8Array(DISTRIBUTION_KEYS.length * runs);
  DISTRIBUTION_KEYS.forEach((key, k) => {
    totals.forEach((t, run) => putValue(cols, nulls, k * runs + run, t[key]));
  });
  return distributionOfColumns(cols, nulls, runs, true);
}
