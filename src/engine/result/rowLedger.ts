// The budget and fund ledger over a result's rows (priority, forcedSpend; MODEL.md §3–4): in rank
// order (arrival order when there is no rank), the budget starts at B and drops by his trial cost c
// when he is tried; the fund starts at Φ and pays what levers/strikeFund.ts's fundPayout says for
// him (T to a covered defendant who does not plead, and I more if he is tried). The ladder chart
// draws it; nothing outside the engine keeps a ledger.
import { fundPayout } from '../levers/strikeFund';
import type { DefendantRow } from './types';

export interface RowLedgerScenario {
  groups: readonly { trialCost: number }[];
  prosecutor: { budget?: number };
  levers: { strikeFund: { fund: number; stipend: number; insurance: number } };
}

export interface RowLedgerEntry {
  row: DefendantRow;
  /** His rank (or his place in arrival order). */
  rank: number;
  budgetBefore: number;
  budgetAfter: number;
  fundBefore: number;
  fundAfter: number;
}

/** The ledger, one entry per row in rank order; `trialCostOf` gives a group's trial cost c. */
export function rowLedger(
  rows: readonly DefendantRow[],
  scenario: RowLedgerScenario,
  trialCostOf: (group: number) => number = (g) => scenario.groups[g]?.trialCost ?? 1,
): RowLedgerEntry[] {
  const { stipend: T, insurance: I, fund } = scenario.levers.strikeFund;
  const sorted = [...rows].sort((a, b) => (a.rank ?? a.id) - (b.rank ?? b.id) || a.id - b.id);
  let b = scenario.prosecutor.budget ?? 0;
  let f = fund;
  return sorted.map((r, i) => {
    const budgetBefore = b;
    const fundBefore = f;
    const tried = r.outcome === 'tried';
    if (tried) b -= trialCostOf(r.group);
    if (r.covered && r.outcome !== 'plea') f -= fundPayout(tried ? 1 : 0, tried ? 0 : 1, T, I);
    return {
      row: r,
      rank: r.rank ?? i + 1,
      budgetBefore,
      budgetAfter: b,
      fundBefore,
      fundAfter: f,
    };
  });
}
