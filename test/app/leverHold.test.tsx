// @vitest-environment jsdom
// Issue 12, slider to chart: a quick lever's step re-renders the lever, the totals and the chart,
// not the scenario editor; the editor holds what it showed while the lever moves and catches up
// once when the lever rests (SETTLE_MS after the last step) or when it takes the focus.
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../src/app/App';
import { createEnginePool, EngineProvider } from '../../src/client';
import { SETTLE_MS, leverMotion } from '../../src/components/results/QuickLevers';
import { formatNumber } from '../../src/app/format';
import { inProcessWorkers } from '../client/inProcessWorker';
import { pledgeAllGroups } from '../../src/engine';
import { PRESETS } from '../../src/presets';

const city = PRESETS.find((p) => p.id === 'crespo-city-public')!.scenario;
/** The editor's pledged-share fields as they read once every group pledges `v` (the lever's rule). */
const pledgesOf = (v: number) =>
  (pledgeAllGroups(city, v) as { groups: { pledgedShare?: number }[] }).groups.map((g) => formatNumber(g.pledgedShare ?? 0));

const renders = vi.hoisted(() => ({ editor: 0 }));
vi.mock('../../src/components/editor/ScenarioEditor', async (importOriginal) => {
  const m = await importOriginal<typeof import('../../src/components/editor/ScenarioEditor')>();
  function CountedEditor(props: Parameters<typeof m.ScenarioEditor>[0]) {
    renders.editor += 1;
    return <m.ScenarioEditor {...props} />;
  }
  return { ...m, ScenarioEditor: CountedEditor };
});

beforeEach(() => {
  history.replaceState(null, '', '#preset=crespo-city-public');
});
afterEach(() => {
  leverMotion.settle();
  cleanup();
});

const editorPledges = () =>
  screen.getAllByRole('spinbutton', { name: /^Pledged share/ }).map((e) => (e as HTMLInputElement).value);

async function openCity() {
  const pool = createEnginePool({ createWorker: inProcessWorkers, size: 1 });
  render(
    <EngineProvider pool={pool}>
      <App />
    </EngineProvider>,
  );
  await waitFor(() => expect(screen.getByTestId('result-status').dataset.status).toBe('done'));
  return document.querySelector('[data-bench="lever-slider"]') as HTMLInputElement;
}

describe('a quick lever and the scenario editor', () => {
  it('lever steps do not re-render the editor; it catches up once when the lever rests', async () => {
    const lever = await openCity();
    const before = editorPledges();
    expect(before.length).toBeGreaterThan(0);
    renders.editor = 0;
    for (const v of ['0.3', '0.4', '0.5']) {
      act(() => {
        fireEvent.change(lever, { target: { value: v } });
      });
      // The lever follows each step at once; the draft behind it holds the new value.
      expect(lever.value).toBe(v);
      expect(leverMotion.isMoving()).toBe(true);
    }
    expect(renders.editor).toBe(0);
    expect(editorPledges()).toEqual(before);
    // The lever rests: the editor catches up, in one render, with the draft the lever made.
    await act(() => new Promise((r) => setTimeout(r, SETTLE_MS + 50)));
    expect(leverMotion.isMoving()).toBe(false);
    expect(renders.editor).toBe(1);
    // The charts follow the lever (the new scenario is solved); the editor renders no more.
    await waitFor(() => expect(screen.getByTestId('result-status').dataset.status).toBe('done'));
    expect(renders.editor).toBe(1);
    expect(editorPledges()).toEqual(pledgesOf(0.5));
    expect(editorPledges()).not.toEqual(before);
  });

  it('the editor taking the focus ends the hold at once (no stale field to type into)', async () => {
    const lever = await openCity();
    act(() => {
      fireEvent.change(lever, { target: { value: '0.2' } });
    });
    expect(leverMotion.isMoving()).toBe(true);
    const field = screen.getAllByRole('spinbutton', { name: /^Pledged share/ })[1];
    act(() => {
      field.focus();
    });
    expect(leverMotion.isMoving()).toBe(false);
    expect(editorPledges()).toEqual(pledgesOf(0.2));
  });
});
