// @vitest-environment jsdom
// Item 2 and 5 of issue 11 on the Result tab's path: a solve reports its progress, can be
// cancelled (its worker terminated) and retried; a job whose worker died twice offers Retry.
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  createEnginePool,
  EngineProvider,
  useEngineResult,
  WorkerCrashedError,
  type EnginePool,
} from '../../src/client';
import { CANCELLED_MESSAGE } from '../../src/client/react';
import { CANCEL_AFTER_MS, TotalsPanel } from '../../src/components/results/Totals';
import { fakeWorkers, flush } from './fakeWorkers';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

function Show({ scenario }: { scenario: unknown }) {
  const state = useEngineResult(scenario);
  return (
    <TotalsPanel
      status={
        state.status === 'done' ? 'done' : state.status === 'computing' ? 'computing' : state.status
      }
      result={state.status === 'done' ? state.result : null}
      title="T"
      failure={state.status === 'failed' ? state.message : ''}
      progress={state.status === 'computing' ? (state.progress ?? null) : null}
      onCancel={state.status === 'computing' ? state.cancel : undefined}
      onRetry={state.status === 'failed' ? state.retry : undefined}
      cancelled={state.status === 'failed' && state.cancelled === true}
    />
  );
}

const view = (pool: EnginePool, scenario: unknown) => (
  <EngineProvider pool={pool}>
    <Show scenario={scenario} />
  </EngineProvider>
);

const status = () => screen.getByTestId('result-status');

describe('a long solve on the Result tab', () => {
  it('shows its progress and a Cancel button after a second, and Cancel stops the worker', async () => {
    vi.useFakeTimers();
    const f = fakeWorkers();
    const pool = createEnginePool({ createWorker: f.factory, size: 1 });
    render(view(pool, { title: 'twenty runs' }));
    expect(f.calls).toHaveLength(1);
    expect(f.calls[0].onProgress).toBeTypeOf('function');
    expect(screen.queryByTestId('result-progress')).toBeNull(); // not for a quick solve
    await act(async () => {
      f.calls[0].onProgress?.(0.35);
      vi.advanceTimersByTime(CANCEL_AFTER_MS);
    });
    const row = screen.getByTestId('result-progress');
    expect(row.textContent).toContain('35%');
    expect(row.querySelector('progress')?.value).toBe(0.35);
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    });
    expect(f.workers[0].terminated).toBe(true);
    expect(status().dataset.status).toBe('failed');
    expect(status().textContent).toBe(CANCELLED_MESSAGE);
    expect(screen.getByRole('alert').textContent).toContain('Stopped');
    expect(screen.queryByTestId('result-progress')).toBeNull();

    // Retry runs the same scenario again, on a fresh worker.
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
    });
    expect(f.calls).toHaveLength(2);
    expect(f.calls[1].worker).toBe(f.workers[1]);
    expect(f.calls[1].args).toEqual(f.calls[0].args);
    expect(status().dataset.status).toBe('computing');
  });
});

describe('a worker that dies twice', () => {
  it('is reported with a Retry button, and Retry solves it', async () => {
    const f = fakeWorkers();
    const pool = createEnginePool({ createWorker: f.factory, size: 1 });
    render(view(pool, { title: 'heavy' }));
    await act(async () => {
      f.calls[0].reject(new WorkerCrashedError('The engine worker failed: out of memory'));
      await flush();
    });
    expect(status().dataset.status).toBe('computing'); // retried once, silently
    await act(async () => {
      f.calls[1].reject(new WorkerCrashedError('The engine worker failed: out of memory'));
      await flush();
    });
    expect(status().dataset.status).toBe('failed');
    expect(screen.getByRole('alert').textContent).toContain(
      'The engine worker failed: out of memory (it failed again after a fresh start)',
    );
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
    });
    expect(f.calls).toHaveLength(3);
    await act(async () => {
      f.calls[2].resolve({ ok: false, errors: [{ path: 'x', message: 'y', text: 'x: y' }] });
      await flush();
    });
    expect(status().dataset.status).toBe('invalid');
  });
});
