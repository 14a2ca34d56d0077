// @vitest-environment jsdom
// The Sweep and Phase-diagram panels: labelled controls, a run through a real pool of in-process
// workers ending in the plain-language result, cancellation, and no stale picture after the
// scenario changes.
import { act, cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { StrictMode } from 'react';
import { createEnginePool, EngineProvider, type EnginePool } from '../../src/client';
import { PhasePanel, SweepPanel } from '../../src/components/analysis';
import {
  gridValues,
  phaseSentence,
  sweepFields,
  sweepSentence,
  successRuns,
} from '../../src/components/analysis/model';
import { phaseCells, sweep } from '../../src/engine/api';
import { sweepValues } from '../../src/engine/sweep/sweep';
import { fakeWorkers, flush } from '../client/fakeWorkers';
import { inProcessWorkers } from '../client/inProcessWorker';

afterEach(cleanup);

const scenario = {
  schemaVersion: 1,
  groups: [
    { label: 'felony', count: 12, convictionProbability: 0.6, trialSentence: 10 },
    { label: 'misdemeanor', count: 8, convictionProbability: 0.8, trialSentence: 4, trialCost: 2 },
  ],
  prosecutor: { budget: 4, regime: 'priority', ranking: 'arrival' },
  levers: { pledge: { penalty: 3 } },
};

const inProcess = (size = 2) => createEnginePool({ createWorker: inProcessWorkers, size });
const withPool = (pool: EnginePool, ui: React.ReactNode) => (
  <EngineProvider pool={pool}>{ui}</EngineProvider>
);

describe('analysis model', () => {
  it('lists sweepable fields by section, for all groups and for each group, with schema ranges', () => {
    const fields = sweepFields(scenario);
    const byPath = new Map(fields.map((f) => [f.path, f]));
    expect(byPath.get('groups[*].pledgedShare')).toMatchObject({
      label: 'Pledged share — all groups',
      from: 0,
      to: 1,
      unit: 'share',
      group: 'Levers',
    });
    expect(byPath.get('groups[1].pledgedShare')?.label).toBe(
      'Pledged share — group 2 (misdemeanor)',
    );
    expect(byPath.get('levers.strikeFund.fund')).toMatchObject({
      from: 0,
      to: 5000,
      unit: 'years',
    });
    expect(byPath.get('prosecutor.budget')).toMatchObject({ integer: true, from: 0, to: 1000 });
    expect(byPath.has('seed')).toBe(false);
    expect(byPath.has('runs')).toBe(false);
  });

  it('spaces values exactly as the engine does', () => {
    for (const [a, b, n, int] of [
      [0, 1, 20, false],
      [0, 1000, 7, true],
      [3, 0.5, 9, false],
      [0, 4, 10, true],
    ] as const)
      expect(gridValues(a, b, n, int)).toEqual(sweepValues(a, b, n, int));
  });

  it('says where the strike succeeds along a sweep', () => {
    const f = { phrase: 'community sanction (h)', unit: 'years' };
    const r = sweep(scenario, 'levers.visibility.sanction', sweepValues(0, 20, 20));
    expect(r.successAt).toBe(5);
    expect(successRuns(r.points)).toEqual([[5, 20]]);
    expect(sweepSentence(r.points, f)).toBe(
      'The strike succeeds (plea bargaining extracts no more than trials alone) from community sanction (h) 5 years on.',
    );
    expect(sweepSentence(r.points.slice(5), f)).toMatch(
      /succeeds .* everywhere in this range \(community sanction \(h\) from 5 years to 20 years\)/,
    );
    const gap = r.points.filter((p) => p.x !== 10);
    gap.splice(8, 0, {
      ...r.points[10],
      x: 10,
      outcomes: { ...r.points[10].outcomes, strikeSucceeds: r.points[0].outcomes.strikeSucceeds },
    });
    expect(sweepSentence(gap, f)).toMatch(
      /only at community sanction \(h\) 5 years to 9 years and 11 years to 20 years\.$/,
    );
    const never = sweep(scenario, 'levers.strikeFund.fund', [0, 1]);
    expect(sweepSentence(never.points, { phrase: 'strike fund (Φ)', unit: 'years' })).toMatch(
      /never succeeds in this range/,
    );
  });
});

describe('SweepPanel', () => {
  it('renders labelled controls and runs a sweep to the engine’s result line', async () => {
    const user = userEvent.setup();
    render(withPool(inProcess(2), <SweepPanel scenario={scenario} />));
    expect(screen.getByRole('heading', { name: 'Lever sweep' })).toBeTruthy();
    const select = screen.getByLabelText('Field to sweep') as HTMLSelectElement;
    expect(select.value).toBe('groups[*].pledgedShareOfRest');
    expect(
      within(select)
        .getAllByRole('group')
        .map((g) => g.getAttribute('label')),
    ).toEqual(['Defendants', 'Prosecutor', 'Levers']);
    expect((screen.getByLabelText(/^From/) as HTMLInputElement).value).toBe('0');
    expect((screen.getByLabelText(/^To/) as HTMLInputElement).value).toBe('1');
    expect((screen.getByLabelText('Steps') as HTMLInputElement).value).toBe('20');
    expect((screen.getByLabelText('Take / no-plea take') as HTMLInputElement).checked).toBe(true);

    await user.click(screen.getByRole('button', { name: 'Run sweep' }));
    const done = await waitFor(() => {
      const el = document.querySelector('[data-bench=sweep-done]');
      if (!el) throw new Error('not done');
      return el;
    });
    const expected = sweep(scenario, 'groups[*].pledgedShareOfRest', sweepValues(0, 1, 20));
    expect(screen.getByTestId('sweep-result').textContent).toBe(
      sweepSentence(
        expected.points,
        { phrase: 'pledged share of those not in the hard core', unit: 'share' },
        { range: [0, 1], skipped: 0 },
      ),
    );
    expect(done.querySelectorAll('svg').length).toBeGreaterThan(0);
  });

  it('lists skipped points', async () => {
    const user = userEvent.setup();
    render(withPool(inProcess(1), <SweepPanel scenario={scenario} />));
    await user.selectOptions(
      screen.getByLabelText('Field to sweep'),
      'groups[0].convictionProbability',
    );
    const to = screen.getByLabelText(/^To/);
    await user.clear(to);
    await user.type(to, '1.5');
    await user.clear(screen.getByLabelText('Steps'));
    await user.type(screen.getByLabelText('Steps'), '3');
    await user.click(screen.getByRole('button', { name: 'Run sweep' }));
    await waitFor(() => expect(document.querySelector('[data-bench=sweep-done]')).not.toBeNull());
    // 0, 0.5, 1, 1.5: the last is not a valid probability.
    expect(screen.getByText('1 point skipped: not valid scenarios')).toBeTruthy();
    // Named in the list, and as the example above it.
    expect(
      screen.getAllByText(/conviction probability \(p\) of group 1 1\.5:? .*at most 1/),
    ).toHaveLength(2);
  });

  it('cancels: the workers stop, progress stops, no result is shown', async () => {
    const user = userEvent.setup();
    const f = fakeWorkers();
    const pool = createEnginePool({ createWorker: f.factory, size: 2 });
    render(withPool(pool, <SweepPanel scenario={scenario} />));
    await user.click(screen.getByRole('button', { name: 'Run sweep' }));
    await act(flush);
    expect(f.calls.length).toBe(2);
    await act(async () => {
      f.calls[0].onProgress?.(0.5);
      await flush();
    });
    const bar = screen.getByRole('progressbar', { name: 'Sweep progress' });
    expect(Number(bar.getAttribute('aria-valuenow'))).toBeGreaterThan(0);
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.getByText(/^Cancelled at \d+%/)).toBeTruthy();
    expect(screen.queryByRole('progressbar')).toBeNull();
    expect(f.workers.slice(0, 2).every((w) => w.terminated)).toBe(true);
    expect(pool.stats()).toMatchObject({ busy: 0, queued: 0 });
    expect(document.querySelector('[data-bench=sweep-done]')).toBeNull();
  });

  it('drops a finished sweep once the scenario changes, and cancels a running one', async () => {
    const user = userEvent.setup();
    const pool = inProcess(2);
    const { rerender } = render(withPool(pool, <SweepPanel scenario={scenario} />));
    await user.click(screen.getByRole('button', { name: 'Run sweep' }));
    await waitFor(() => expect(document.querySelector('[data-bench=sweep-done]')).not.toBeNull());
    // An equal copy is the same scenario.
    rerender(withPool(pool, <SweepPanel scenario={structuredClone(scenario)} />));
    expect(document.querySelector('[data-bench=sweep-done]')).not.toBeNull();
    const changed = { ...scenario, prosecutor: { ...scenario.prosecutor, budget: 5 } };
    rerender(withPool(pool, <SweepPanel scenario={changed} />));
    expect(document.querySelector('[data-bench=sweep-done]')).toBeNull();
    expect(screen.getByText('The scenario changed — run again.')).toBeTruthy();

    const f = fakeWorkers();
    const fake = createEnginePool({ createWorker: f.factory, size: 2 });
    rerender(withPool(fake, <SweepPanel scenario={changed} />));
    await user.click(screen.getByRole('button', { name: 'Run sweep' }));
    await act(flush);
    expect(f.calls.length).toBe(2);
    rerender(withPool(fake, <SweepPanel scenario={scenario} />));
    await act(flush);
    expect(f.workers.slice(0, 2).every((w) => w.terminated)).toBe(true);
    expect(screen.getByText('The scenario changed — run again.')).toBeTruthy();
    expect(screen.queryByRole('progressbar')).toBeNull();
  });

  it('a link that holds a run sweep runs it again on opening, also under StrictMode (whose trial unmount cancels the first start)', async () => {
    render(
      <StrictMode>
        {withPool(
          inProcess(2),
          <SweepPanel
            scenario={scenario}
            initial={{ field: 'groups[*].pledgedShare', from: '0', to: '1', steps: '4', outcomes: ['takeRatio'], criterion: { kind: 'takeAtMostNoPlea' }, ran: true }}
          />,
        )}
      </StrictMode>,
    );
    await waitFor(() => expect(document.querySelector('[data-bench=sweep-done] svg')).not.toBeNull(), { timeout: 20_000 });
    const expected = sweep(scenario, 'groups[*].pledgedShare', sweepValues(0, 1, 4));
    expect(screen.getByTestId('sweep-result').textContent).toBe(
      sweepSentence(expected.points, { phrase: 'pledged share of all groups', unit: 'share' }, { range: [0, 1], skipped: 0 }),
    );
  });

  it('sweeps a pinned scenario too, as A, with the current one as B', async () => {
    const user = userEvent.setup();
    const pinned = { ...scenario, prosecutor: { ...scenario.prosecutor, budget: 2 } };
    render(withPool(inProcess(2), <SweepPanel scenario={scenario} pinned={pinned} />));
    await user.click(screen.getByRole('button', { name: 'Run sweep' }));
    await waitFor(() => expect(document.querySelector('[data-bench=sweep-done]')).not.toBeNull());
    const line = screen.getByTestId('sweep-result').textContent ?? '';
    expect(line).toMatch(/^B \(current\): /);
    expect(line).toContain('A (pinned): ');
    expect(screen.getByText(/Series A is the pinned scenario, B the current one/)).toBeTruthy();
  });
});

describe('PhasePanel', () => {
  it('a link that holds a run diagram paints it again on opening, also under StrictMode', async () => {
    render(
      <StrictMode>
        {withPool(
          inProcess(2),
          <PhasePanel
            scenario={scenario}
            initial={{ x: { field: 'groups[*].pledgedShareOfRest', from: '0', to: '1' }, y: { field: 'prosecutor.budget', from: '0', to: '15' }, res: 16, outcome: 'takeRatio', criterion: { kind: 'takeAtMostNoPlea' }, ran: true }}
          />,
        )}
      </StrictMode>,
    );
    await waitFor(() => expect(document.querySelector('[data-bench=phase-done]')).not.toBeNull(), { timeout: 20_000 });
    expect(screen.getByTestId('phase-result').textContent).toMatch(/^The strike succeeds at \d+ of 256 points/);
  });

  it('renders labelled controls and paints a 16×16 diagram to the engine’s result line', async () => {
    const user = userEvent.setup();
    render(withPool(inProcess(2), <PhasePanel scenario={scenario} />));
    expect(screen.getByRole('heading', { name: 'Phase diagram' })).toBeTruthy();
    expect((screen.getByLabelText('Field across (x)') as HTMLSelectElement).value).toBe(
      'groups[*].pledgedShareOfRest',
    );
    expect((screen.getByLabelText('Field up (y)') as HTMLSelectElement).value).toBe(
      'prosecutor.budget',
    );
    expect((screen.getByLabelText('Color shows') as HTMLSelectElement).value).toBe('takeRatio');
    await user.selectOptions(screen.getByLabelText('Resolution'), '16');
    const yTo = screen.getByLabelText(/^y to/);
    await user.clear(yTo);
    await user.type(yTo, '15');
    await user.click(screen.getByRole('button', { name: 'Run phase diagram' }));
    await waitFor(() => expect(document.querySelector('[data-bench=phase-done]')).not.toBeNull(), {
      timeout: 10_000,
    });
    const xs = sweepValues(0, 1, 15);
    const ys = sweepValues(0, 15, 15, true);
    const cells = ys.flatMap((y) => xs.map((x) => [x, y] as [number, number]));
    const direct = phaseCells(
      scenario,
      'groups[*].pledgedShareOfRest',
      'prosecutor.budget',
      cells,
      'takeRatio',
    );
    const expected = phaseSentence(
      {
        xField: '',
        yField: '',
        xs,
        ys,
        outcome: 'takeRatio',
        values: direct.values.map((v) => (v === null ? NaN : v)),
        success: direct.success,
        level: 3,
      },
      { phrase: 'pledged share of those not in the hard core', unit: 'share' },
      { phrase: 'trial budget (B)', unit: 'trial units' },
    );
    expect(screen.getByTestId('phase-result').textContent).toBe(expected);
    expect(expected).toMatch(/^The strike succeeds at \d+ of 256 points/);
  });

  it('cancels a running diagram: no picture, no done marker', async () => {
    const user = userEvent.setup();
    const f = fakeWorkers();
    const pool = createEnginePool({ createWorker: f.factory, size: 2 });
    render(withPool(pool, <PhasePanel scenario={scenario} />));
    await user.click(screen.getByRole('button', { name: 'Run phase diagram' }));
    await act(flush);
    // A batch running at each worker, and the next waiting behind it.
    expect(f.calls.map((c) => c.worker.id)).toEqual([0, 1, 0, 1]);
    expect(screen.getByRole('progressbar', { name: 'Phase diagram progress' })).toBeTruthy();
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.getByText(/^Cancelled at/)).toBeTruthy();
    expect(document.querySelector('[data-bench=phase-done]')).toBeNull();
    expect(f.workers.slice(0, 2).every((w) => w.terminated)).toBe(true);
    await act(flush);
    expect(f.calls).toHaveLength(4); // the batches that waited are not sent again
  });
});

describe('success criterion', () => {
  it('a share free replaces the default criterion in the sweep and its sentence', async () => {
    const user = userEvent.setup();
    render(withPool(inProcess(2), <SweepPanel scenario={scenario} />));
    await user.selectOptions(
      screen.getByLabelText('The strike succeeds when'),
      'shareFreeAtLeast',
    );
    const amount = screen.getByLabelText(/^Share free at least/) as HTMLInputElement;
    await user.clear(amount);
    await user.type(amount, '0.3');
    await user.click(screen.getByRole('button', { name: 'Run sweep' }));
    await waitFor(() => {
      if (!document.querySelector('[data-bench=sweep-done]')) throw new Error('not done');
    });
    const criterion = { kind: 'shareFreeAtLeast', value: 0.3 } as const;
    const expected = sweep(scenario, 'groups[*].pledgedShareOfRest', sweepValues(0, 1, 20), criterion);
    const line = screen.getByTestId('sweep-result').textContent;
    expect(line).toBe(
      sweepSentence(
        expected.points,
        { phrase: 'pledged share of those not in the hard core', unit: 'share' },
        { range: [0, 1], skipped: 0, criterion },
      ),
    );
    expect(line).toContain('at least 30% of defendants go free');
  });
});
