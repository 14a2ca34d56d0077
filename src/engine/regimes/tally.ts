// The one pass core (MODEL.md §4–5): every pass — per defendant (priority, forcedSpend, the
// docket), per kind (priorityKinds, the lazy random runs, the all-threatened shortcut), the noPlea
// knapsack's outcome, and the running ledger and ladder of the tour — counts its outcomes here,
// n defendants of one kind at a time. Pleas add the offer to her take, trials add w and spend c,
// and the fund pays T to every covered defendant who does not plead and I to every covered
// defendant tried: `fundPaid` is the only place a pass asks levers/strikeFund.fundPayout.
// (The lottery's equilibria report an expected payout with trial probability trials/R; that is
// its own rule, in lottery.ts.)
import { fundPayout } from '../levers/strikeFund';
import type { Kinds, Population } from '../population/kinds';
import type { PassTotals } from './priority';

export class Tally {
  pleas = 0;
  trials = 0;
  free = 0;
  take = 0;
  /** Trial units spent (Σ c over the tried). */
  units = 0;
  /** Covered defendants tried, and covered defendants who neither plead nor are tried. */
  coveredTried = 0;
  coveredFree = 0;
  threatenedCount = 0;
  withheldCount = 0;
  private stop = -1;
  private readonly k: Kinds;
  private readonly stipend: number;
  private readonly insurance: number;

  constructor(pop: Pick<Population, 'kinds' | 'stipend' | 'insurance'>) {
    this.k = pop.kinds;
    this.stipend = pop.stipend;
    this.insurance = pop.insurance;
  }

  /**
   * Back to zero for another pass over the same population, or null when `pop` is another one:
   * a solve's random runs reuse one Tally instead of leaving one a run to the garbage collector.
   * (The population's fields are never written again: V8 keeps them constant in compiled code,
   * and a write would throw that code away.)
   */
  reuseFor(pop: Pick<Population, 'kinds' | 'stipend' | 'insurance'>): this | null {
    if (this.k !== pop.kinds || this.stipend !== pop.stipend || this.insurance !== pop.insurance) return null;
    this.pleas = 0;
    this.trials = 0;
    this.free = 0;
    this.take = 0;
    this.units = 0;
    this.coveredTried = 0;
    this.coveredFree = 0;
    this.threatenedCount = 0;
    this.withheldCount = 0;
    this.stop = -1;
    return this;
  }

  /** Rank t (1-based) was threatened or not: the first unthreatened rank is the stop rank. */
  threat(rank: number, threatened: boolean): void {
    if (threatened) this.threatenedCount++;
    else if (this.stop < 0) this.stop = rank;
  }

  /** The stop rank, if none was seen before (passes that count per kind find it themselves). */
  stopAt(rank: number): void {
    if (this.stop < 0) this.stop = rank;
  }

  get stopRank(): number | null {
    return this.stop < 0 ? null : this.stop;
  }

  /** n defendants plead at `offer` each. */
  plea(offer: number, n = 1): void {
    this.pleas += n;
    this.take += n * offer;
  }

  /** n defendants of `kind` are tried: w each to her take, c each from the budget. */
  tried(kind: number, n = 1): void {
    this.trials += n;
    this.take += n * this.k.w[kind];
    this.units += n * this.k.c[kind];
    if (this.k.covered[kind] === 1) this.coveredTried += n;
  }

  /** n defendants of `kind` go free (refused and not tried, or dismissed). */
  freed(kind: number, n = 1): void {
    this.free += n;
    if (this.k.covered[kind] === 1) this.coveredFree += n;
  }

  /**
   * A hot loop's own counters, added at once (the totals-only passes keep plain locals in the
   * loop and hand them over here, so the fund rule is still asked in one place).
   */
  add(x: { pleas: number; trials: number; free: number; take: number; units: number; coveredTried: number; coveredFree: number; threatened: number }): void {
    this.pleas += x.pleas;
    this.trials += x.trials;
    this.free += x.free;
    this.take += x.take;
    this.units += x.units;
    this.coveredTried += x.coveredTried;
    this.coveredFree += x.coveredFree;
    this.threatenedCount += x.threatened;
  }

  /** What the fund has paid so far (MODEL §3). */
  fundPaid(): number {
    return fundPayout(this.coveredTried, this.coveredFree, this.stipend, this.insurance);
  }

  /**
   * The same totals written into `out` (a caller's object, reused run after run: a solve's lazy
   * random runs hand each run's totals on at once, so they need not be a new object each).
   */
  totalsInto(out: PassTotals, budgetUsed: number): PassTotals {
    out.pleas = this.pleas;
    out.trials = this.trials;
    out.free = this.free;
    out.take = this.take;
    out.budgetUsed = budgetUsed;
    out.fundPaid = this.fundPaid();
    out.stopRank = this.stopRank;
    out.threatenedCount = this.threatenedCount;
    out.withheldCount = this.withheldCount;
    return out;
  }

  /** The totals; `budgetUsed` defaults to the units counted. */
  totals(budgetUsed: number = this.units): PassTotals {
    return {
      pleas: this.pleas,
      trials: this.trials,
      free: this.free,
      take: this.take,
      budgetUsed,
      fundPaid: this.fundPaid(),
      stopRank: this.stopRank,
      threatenedCount: this.threatenedCount,
      withheldCount: this.withheldCount,
    };
  }
}
