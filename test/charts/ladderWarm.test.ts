// @vitest-environment jsdom
// LadderChart's warm-up (issue 12, a dragged lever's first steps): when a quick lever may move,
// the ladder draws its moving drawing off screen a few times, once a page, a task each, in an svg
// outside the document; a cancel stops what is left.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { WARM_DRAWS, warmDrawsRemaining, warmMovingDraws } from '../../src/charts/ladder/Chart';
import { ladderFromRows, ladderView, type LadderView } from '../../src/charts/ladder/data';
import { parseScenario } from '../../src/engine';
import { solveScenario } from '../../src/engine/solve';
import { PRESETS } from '../../src/presets';

function cityView(): LadderView {
  const r = parseScenario(PRESETS.find((p) => p.id === 'crespo-city-public')!.scenario);
  if (!r.ok) throw new Error('preset');
  const res = solveScenario(r.scenario, { rows: 'always' });
  return ladderView({
    rows: ladderFromRows(res.defendants!, r.scenario),
    budget: r.scenario.prosecutor.budget ?? 0,
    fund: r.scenario.levers.strikeFund.fund,
    stopRank: res.totals.stopRank,
    regime: res.regime,
  });
}

afterEach(() => {
  vi.useRealTimers();
});

describe('warmMovingDraws', () => {
  it('draws a task at a time, out of the document, counts down the page’s warm-ups, and stops on cancel', () => {
    vi.useFakeTimers();
    const v = cityView();
    expect(v.mode).toBe('bins');
    const before = document.body.innerHTML;
    expect(warmDrawsRemaining()).toBe(WARM_DRAWS);

    // Three asked, one task run, then cancelled: one drawing done.
    const cancel = warmMovingDraws(v, { width: 800, height: 380 }, 3);
    expect(warmDrawsRemaining()).toBe(WARM_DRAWS); // nothing drawn in the caller's task
    vi.advanceTimersByTime(0);
    expect(warmDrawsRemaining()).toBe(WARM_DRAWS - 1);
    cancel();
    vi.runAllTimers();
    expect(warmDrawsRemaining()).toBe(WARM_DRAWS - 1);

    // The rest of the page's warm-ups, then none: a later call draws nothing.
    warmMovingDraws(v, { width: 800, height: 380 });
    vi.runAllTimers();
    expect(warmDrawsRemaining()).toBe(0);
    warmMovingDraws(v, { width: 800, height: 380 });
    vi.runAllTimers();
    expect(warmDrawsRemaining()).toBe(0);
    // Nothing was added to the page.
    expect(document.body.innerHTML).toBe(before);
  });
});
