// The prosecutor's ledger, frame by frame (priority, forcedSpend): what the classroom's "watch it
// unravel" player shows. One frame per rank when N ≤ maxFrames, else equal bins of ranks. Each
// frame carries the running totals after its last rank (pleas, trials, free, threatened, her take,
// the budget and the fund left), the stop rank once it is reached, and which kinds of defendant
// it holds with what happened to them (so a bin can be opened and explained). Computed by the
// same pass as the result, in rank order, with the same arithmetic as the totals (MODEL.md §3–5),
// so the last frame's figures are the result's totals.
import type { Scenario } from '../scenario/schema';
import { rankedPass } from '../views/ladder';
import { Tally } from '../regimes/tally';
import { OUT_PLEA, OUT_TRIED } from '../regimes/priority';
import { SUB_NAMES, type SubName } from '../population/kinds';
import type { Outcome } from '../result/types';

/** Defendants of one kind in a frame who met the same fate. */
export interface LedgerPart {
  group: number;
  /** plain, never (refuses every plea), pledgedCovered, pledgedUncovered. */
  sub: SubName;
  outcome: Outcome;
  threatened: boolean;
  /** The offer he was made (null: none, or withheld). */
  offer: number | null;
  count: number;
  /** The first defendant (arrival number) of this part, to explain one of them. */
  firstId: number;
}

export interface LedgerFrame {
  /** Ranks rankLo..rankHi (1-based, inclusive). */
  rankLo: number;
  rankHi: number;
  /** The defendant at this rank when the frame is one rank, else null. */
  defendant: number | null;
  /** Running totals after rankHi. */
  pleas: number;
  trials: number;
  free: number;
  threatened: number;
  take: number;
  budgetLeft: number;
  fundLeft: number;
  /** Budget and fund when the frame's first rank came up. */
  budgetBefore: number;
  fundBefore: number;
  /** The stop rank, once the pass has reached it (≤ rankHi); null before. */
  stopRank: number | null;
  /** What happened in this frame, by kind and fate, in order of first rank. */
  parts: LedgerPart[];
}

export interface Ledger {
  N: number;
  budget: number;
  fund: number;
  /** Ranks per frame (1: one defendant a frame). */
  perFrame: number;
  frames: LedgerFrame[];
}

const OUTCOMES: readonly Outcome[] = ['plea', 'tried', 'free'];

export function ledger(s: Scenario, maxFrames: number, run = 0): Ledger {
  const B = s.prosecutor.budget ?? 0;
  const fund0 = s.levers.strikeFund.fund;
  if (s.prosecutor.regime !== 'priority' && s.prosecutor.regime !== 'forcedSpend') {
    return { N: 0, budget: B, fund: fund0, perFrame: 1, frames: [] };
  }
  const { prep, N, detail, byRank } = rankedPass(s, run);
  const k = prep.pop.kinds;
  const kindOf = prep.kindOf!;
  const perFrame = Math.max(1, Math.ceil(N / Math.max(1, Math.floor(maxFrames))));
  const frames: LedgerFrame[] = [];
  // The pass's outcomes counted as it goes: the budget and the fund left after each frame.
  const tally = new Tally(prep.pop);
  for (let lo = 0; lo < N; lo += perFrame) {
    const hi = Math.min(N, lo + perFrame);
    const budgetBefore = B - tally.units;
    const fundBefore = fund0 - tally.fundPaid();
    const parts = new Map<string, LedgerPart>();
    for (let t = lo; t < hi; t++) {
      const i = byRank[t];
      const kind = kindOf[i];
      const out = detail.outcome[i];
      const th = detail.threatened[i] === 1;
      tally.threat(t + 1, th);
      const offer = detail.offer[i];
      if (out === OUT_PLEA) tally.plea(offer);
      else if (out === OUT_TRIED) tally.tried(kind);
      else tally.freed(kind);
      const shown = Number.isNaN(offer) || !(offer > 1e-9) ? null : offer;
      const key = `${kind}|${out}|${th ? 1 : 0}|${shown ?? ''}`;
      const part = parts.get(key);
      if (part) part.count++;
      else
        parts.set(key, {
          group: k.group[kind],
          sub: SUB_NAMES[k.sub[kind]],
          outcome: OUTCOMES[out] ?? 'free',
          threatened: th,
          offer: shown,
          count: 1,
          firstId: i + 1,
        });
    }
    frames.push({
      rankLo: lo + 1,
      rankHi: hi,
      defendant: hi - lo === 1 ? byRank[lo] + 1 : null,
      pleas: tally.pleas,
      trials: tally.trials,
      free: tally.free,
      threatened: tally.threatenedCount,
      take: tally.take,
      budgetLeft: B - tally.units,
      fundLeft: fund0 - tally.fundPaid(),
      budgetBefore,
      fundBefore,
      stopRank: tally.stopRank,
      parts: [...parts.values()],
    });
  }
  return { N, budget: B, fund: fund0, perFrame, frames };
}
