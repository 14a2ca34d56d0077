// @vitest-environment jsdom
// The status-quo panel solves the status quo once per status-quo scenario (by content, totals
// only), not once per change: moving the pledge lever leaves the status quo as it is (issue 12,
// slider to chart: the panel's second solve per change, rows and all, was most of the main
// thread's message handling).
import { act, cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { createEnginePool, EngineProvider } from '../../src/client';
import { StatusQuoPanel } from '../../src/components/results/StatusQuo';
import * as api from '../../src/engine/api';
import { PRESETS } from '../../src/presets';
import { setPath } from '../../src/engine/sweep/fieldPath';
import { setAllPledged } from '../../src/components/results/QuickLevers';
import type { Scenario } from '../../src/engine/scenario/schema';
import { withoutOrganizing } from '../../src/engine/sweep/statusQuo';
import { fakeWorkers, flush } from '../client/fakeWorkers';

afterEach(cleanup);

const cityInput = PRESETS.find((p) => p.id === 'crespo-city-public')!.scenario;
function scenarioAt(path: string, v: number): Scenario {
  const c = api.validate(
    path === 'groups[*].pledgedShare' ? setAllPledged(cityInput, v) : setPath(cityInput, path, v),
  );
  if (!c.ok) throw new Error(c.errors.map((e) => e.text).join('; '));
  return c.value;
}
function solved(s: Scenario) {
  const r = api.solve(s, { rows: 'never' });
  if (!r.ok) throw new Error('unsolvable');
  return r.value;
}

describe('StatusQuoPanel', () => {
  it('solves the status quo once (totals only) across pledge changes, again when the court changes', async () => {
    const f = fakeWorkers();
    const pool = createEnginePool({ createWorker: f.factory, size: 1 });
    const a = scenarioAt('groups[*].pledgedShare', 0.3);
    const view = (s: Scenario) => (
      <EngineProvider pool={pool}>
        <StatusQuoPanel scenario={s} result={solved(s)} />
      </EngineProvider>
    );
    const { container, rerender } = render(view(a));
    expect(f.calls).toHaveLength(1);
    expect(f.calls[0].method).toBe('solve');
    expect(f.calls[0].args).toEqual([JSON.parse(JSON.stringify(withoutOrganizing(a))), { rows: 'never' }]);
    const sq = api.solve(f.calls[0].args[0], { rows: 'never' });
    await act(async () => {
      f.calls[0].resolve(sq);
      await flush();
    });
    if (!sq.ok) throw new Error('unsolvable');
    const pleasCell = () => container.querySelector('tr[data-key="pleas"] td')?.textContent;
    const shown = pleasCell();
    expect(shown).toBe(sq.value.totals.pleas.toLocaleString('en-US'));

    // Another pledged share: a new scenario object, the same status quo — no solve, shown at once.
    rerender(view(scenarioAt('groups[*].pledgedShare', 0.7)));
    expect(f.calls).toHaveLength(1);
    expect(pleasCell()).toBe(shown);
    expect(container.querySelector('[data-testid="status-quo"]')?.getAttribute('data-busy')).toBe('false');

    // Another budget changes the court itself: the status quo is solved again.
    rerender(view(scenarioAt('prosecutor.budget', 200)));
    expect(f.calls).toHaveLength(2);
    expect(f.calls[1].args[1]).toEqual({ rows: 'never' });
  });

  it('keeps a running job for a new object with the same content, and reuses an answer when the court comes back', async () => {
    const f = fakeWorkers();
    const pool = createEnginePool({ createWorker: f.factory, size: 1 });
    const view = (s: Scenario) => (
      <EngineProvider pool={pool}>
        <StatusQuoPanel scenario={s} result={solved(s)} />
      </EngineProvider>
    );
    const a = scenarioAt('prosecutor.budget', 321);
    const { container, rerender } = render(view(a));
    expect(f.calls).toHaveLength(1);
    // While it runs: another pledge share, the same status quo — the same job, not a second.
    const pledged = api.validate(setAllPledged(setPath(cityInput, 'prosecutor.budget', 321), 0.55));
    if (!pledged.ok) throw new Error('invalid');
    rerender(view(pledged.value));
    rerender(view(scenarioAt('prosecutor.budget', 321)));
    expect(f.calls).toHaveLength(1);
    expect(f.calls[0].worker.terminated).toBe(false);
    const sqA = api.solve(f.calls[0].args[0], { rows: 'never' });
    await act(async () => {
      f.calls[0].resolve(sqA);
      await flush();
    });
    if (!sqA.ok) throw new Error('unsolvable');
    const pleasCell = () => container.querySelector('tr[data-key="pleas"] td')?.textContent;
    expect(pleasCell()).toBe(sqA.value.totals.pleas.toLocaleString('en-US'));

    // Another court, solved; then back to the first: answered from the cache, no third solve.
    rerender(view(scenarioAt('prosecutor.budget', 123)));
    expect(f.calls).toHaveLength(2);
    expect(f.calls[1].args[0]).toEqual(JSON.parse(JSON.stringify(withoutOrganizing(scenarioAt('prosecutor.budget', 123)))));
    const sqB = api.solve(f.calls[1].args[0], { rows: 'never' });
    await act(async () => {
      f.calls[1].resolve(sqB);
      await flush();
    });
    rerender(view(scenarioAt('prosecutor.budget', 321)));
    expect(f.calls).toHaveLength(2);
    expect(pleasCell()).toBe(sqA.value.totals.pleas.toLocaleString('en-US'));
  });
});
