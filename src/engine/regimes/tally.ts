// Counting a pass's outcomes into totals (MODEL.md §5): pleas add the offer to her take, trials
// add w and spend c, and the fund pays T to every covered defendant who does not plead and I to
// every covered defendant tried. Used by the per-defendant passes that also write rows; the
// totals-only hot loops (priority.ts) inline the same arithmetic.
import { fundPayout } from '../levers/strikeFund';
import type { Kinds } from '../population/kinds';
import type { PassTotals } from './priority';

export class Tally {
  pleas = 0;
  trials = 0;
  free = 0;
  take = 0;
  private coveredTried = 0;
  private coveredFree = 0;
  threatenedCount = 0;
  withheldCount = 0;
  private stop = -1;

  constructor(
    private readonly k: Kinds,
    private readonly stipend: number,
    private readonly insurance: number,
  ) {}

  /** Rank t (1-based) was threatened or not: the first unthreatened rank is the stop rank. */
  threat(rank: number, threatened: boolean): void {
    if (threatened) this.threatenedCount++;
    else if (this.stop < 0) this.stop = rank;
  }

  plea(offer: number): void {
    this.pleas++;
    this.take += offer;
  }

  tried(kind: number): void {
    this.trials++;
    this.take += this.k.w[kind];
    this.coveredTried += this.k.covered[kind];
  }

  freed(kind: number): void {
    this.free++;
    this.coveredFree += this.k.covered[kind];
  }

  totals(budgetUsed: number): PassTotals {
    return {
      pleas: this.pleas,
      trials: this.trials,
      free: this.free,
      take: this.take,
      budgetUsed,
      fundPaid: fundPayout(this.coveredTried, this.coveredFree, this.stipend, this.insurance),
      stopRank: this.stop < 0 ? null : this.stop,
      threatenedCount: this.threatenedCount,
      withheldCount: this.withheldCount,
    };
  }
}
