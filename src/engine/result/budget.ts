// The prosecutor's budget left at a defendant's turn (priority, forcedSpend): B − Σ c over the
// defendants tried at earlier ranks. Null when the rows have no ranks (noPlea, lottery) and under
// the docket, which has no budget (its capacity is weekly: the rows carry the weeks instead).
import type { DefendantRow } from './types';

export function budgetLeftAt(
  rows: readonly DefendantRow[],
  scenario: {
    prosecutor: { budget?: number; regime?: string };
    groups: readonly { trialCost?: number }[];
  },
  row: DefendantRow,
): number | null {
  if (row.rank === null || scenario.prosecutor.regime === 'docket') return null;
  let b = scenario.prosecutor.budget ?? 0;
  for (const o of rows) {
    if (o.outcome === 'tried' && o.rank !== null && o.rank < row.rank) {
      b -= scenario.groups[o.group]?.trialCost ?? 0;
    }
  }
  return b;
}
