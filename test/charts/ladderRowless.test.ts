// A dragged lever's answer leaves the rows out (resultScreen's leaveRowsOut) and sends the
// ladder's 200 bins: the ladder drawn from them must be the ladder drawn from the rows, and the
// totals those of the full answer, for every preset whose ladder draws bins, at several pledges.
import { describe, expect, it } from 'vitest';
import { resultScreen, validate } from '../../src/engine/api';
import { ladderFromRows, ladderView } from '../../src/charts/ladder/data';
import { setAllPledged } from '../../src/components/results/QuickLevers';
import { PRESETS } from '../../src/presets';

describe('the rowless ladder of a moving lever', () => {
  it('is the ladder of the rows, with the same totals to the last bit', () => {
    let checked = 0;
    for (const p of PRESETS)
      for (const share of [0, 0.05, 0.2, 0.5, 0.9]) {
        const v = validate(setAllPledged(p.scenario, share));
        if (!v.ok) continue;
        const s = v.value;
        if (s.prosecutor.regime !== 'priority' && s.prosecutor.regime !== 'forcedSpend') continue;
        const full = resultScreen(s, { rows: 'auto', bins: 400 });
        const light = resultScreen(s, { rows: 'auto', bins: 200, leaveRowsOut: true });
        if (!full.ok || !light.ok) throw new Error(p.id);
        const rows = full.value.result.defendants!;
        if (rows.length <= 400) continue; // drawn rank by rank: never asked without rows
        const common = { budget: s.prosecutor.budget ?? 0, fund: s.levers.strikeFund.fund };
        const fromRows = ladderView({ ...common, rows: ladderFromRows(rows, s, full.value.kinds), stopRank: full.value.result.totals.stopRank });
        const fromBins = ladderView({ ...common, bins: light.value.bins!, stopRank: light.value.result.totals.stopRank });
        expect(fromRows.mode).toBe('bins');
        expect(fromBins).toEqual(fromRows);
        expect(light.value.result.defendants).toBeUndefined();
        const { defendants: _rows, ...rest } = full.value.result;
        expect(light.value.result).toEqual(rest);
        expect(light.value.kinds).toEqual(full.value.kinds);
        checked++;
      }
    expect(checked).toBeGreaterThanOrEqual(20);
  });
});
