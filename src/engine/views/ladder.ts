// The unraveling ladder in bins: defendants in rank order (priority, forcedSpend), with the
// prosecutor's budget and the strike fund's money left after each bin. Computed from the
// per-defendant arrays, so it works at any N (no row objects).
import type { Scenario } from '../scenario/schema';
import { prepare, runSequential, type FirstPass } from '../solve';
import { newDetail, OUT_PLEA, OUT_TRIED } from '../regimes/priority';
import type { LadderBin } from '../sweep/types';
import { Tally } from '../regimes/tally';

/** One run's pass per defendant, and the defendants in rank order (shared with the ledger). */
export function rankedPass(s: Scenario, run: number) {
  const prep = prepare(s, true);
  const N = prep.pop.N;
  const detail = newDetail(N);
  runSequential(prep, run, detail);
  const byRank = new Int32Array(N);
  for (let i = 0; i < N; i++) byRank[detail.rank[i] - 1] = i;
  return { prep, N, detail, byRank };
}

export function ladderBins(s: Scenario, maxBins: number, run = 0): LadderBin[] {
  if (s.prosecutor.regime !== 'priority' && s.prosecutor.regime !== 'forcedSpend') return [];
  return binsOf(s, maxBins, rankedPass(s, run));
}

/**
 * ladderBins from a solve's first run (solve.ts's solveWithFirstPass: the pass ladderBins(s,
 * maxBins) would run again, the same to the bit), without running it again.
 */
export function binsOfPass(s: Scenario, maxBins: number, first: FirstPass): LadderBin[] {
  if (s.prosecutor.regime !== 'priority' && s.prosecutor.regime !== 'forcedSpend') return [];
  const { prep, detail } = first;
  const N = prep.pop.N;
  const byRank = new Int32Array(N);
  for (let i = 0; i < N; i++) byRank[detail.rank[i] - 1] = i;
  return binsOf(s, maxBins, { prep, N, detail, byRank });
}

function binsOf(s: Scenario, maxBins: number, { prep, N, detail, byRank }: ReturnType<typeof rankedPass>): LadderBin[] {
  const kindOf = prep.kindOf!;
  const size = Math.max(1, Math.ceil(N / Math.max(1, maxBins)));
  const bins: LadderBin[] = [];
  const budget = s.prosecutor.budget ?? 0;
  const fund = s.levers.strikeFund.fund;
  // The pass's outcomes counted as it goes: the budget and the fund left after each bin.
  const tally = new Tally(prep.pop);
  for (let lo = 0; lo < N; lo += size) {
    const hi = Math.min(N, lo + size);
    const bin: LadderBin = { rankLo: lo + 1, rankHi: hi, plea: 0, tried: 0, free: 0, threatened: 0, budgetAfter: 0, fundAfter: 0 };
    for (let t = lo; t < hi; t++) {
      const i = byRank[t];
      const kind = kindOf[i];
      const out = detail.outcome[i];
      if (detail.threatened[i]) bin.threatened++;
      if (out === OUT_PLEA) {
        bin.plea++;
        tally.plea(detail.offer[i]);
      } else if (out === OUT_TRIED) {
        bin.tried++;
        tally.tried(kind);
      } else {
        bin.free++;
        tally.freed(kind);
      }
    }
    bin.budgetAfter = budget - tally.units;
    bin.fundAfter = fund - tally.fundPaid();
    bins.push(bin);
  }
  return bins;
}
