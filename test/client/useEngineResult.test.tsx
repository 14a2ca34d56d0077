// @vitest-environment jsdom
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import {
  createEnginePool,
  EngineProvider,
  useEngineJob,
  useEngineResult,
  type EnginePool,
} from '../../src/client';
import { fakeWorkers, flush } from './fakeWorkers';

afterEach(cleanup);

function Show({ scenario }: { scenario: unknown }) {
  const state = useEngineResult(scenario);
  const text =
    state.status === 'done'
      ? `done ${JSON.stringify(state.result)}`
      : state.status === 'invalid'
        ? `invalid ${state.errors.map((e) => e.text).join('; ')}`
        : state.status === 'failed'
          ? `failed ${state.message}`
          : state.status;
  return <output data-testid="state">{text}</output>;
}

const view = (pool: EnginePool, scenario: unknown) => (
  <EngineProvider pool={pool}>
    <Show scenario={scenario} />
  </EngineProvider>
);

const shown = () => screen.getByTestId('state').textContent;

describe('useEngineResult', () => {
  it('keeps the rows in the worker above 25,000 defendants', () => {
    const f = fakeWorkers();
    const pool = createEnginePool({ createWorker: f.factory, size: 1 });
    const big = { groups: [{ count: 20_000 }, { count: 10_000 }] };
    render(view(pool, big));
    expect(f.calls[0].args).toEqual([big, { rows: 'never' }]);
  });

  it('does not send a scenario object it has already solved to a worker again', async () => {
    const f = fakeWorkers();
    const pool = createEnginePool({ createWorker: f.factory, size: 1 });
    const a = { title: 'solved once' };
    const first = render(view(pool, a));
    await act(async () => {
      f.calls[0].resolve({ ok: true, value: { for: 'once' } });
      await flush();
    });
    first.unmount();
    render(view(pool, a));
    expect(shown()).toBe('done {"for":"once"}');
    expect(f.calls).toHaveLength(1);
  });

  it('shows computing, then the result of the scenario it was given', async () => {
    const f = fakeWorkers();
    const pool = createEnginePool({ createWorker: f.factory, size: 1 });
    const a = { title: 'a' };
    render(view(pool, a));
    expect(shown()).toBe('computing');
    expect(f.calls[0].method).toBe('solve');
    expect(f.calls[0].args).toEqual([a, { rows: 'auto' }]);
    await act(async () => {
      f.calls[0].resolve({ ok: true, value: { for: 'a' } });
      await flush();
    });
    expect(shown()).toBe('done {"for":"a"}');
  });

  it('shows validation messages', async () => {
    const f = fakeWorkers();
    const pool = createEnginePool({ createWorker: f.factory, size: 1 });
    render(view(pool, { bad: true }));
    await act(async () => {
      f.calls[0].resolve({
        ok: false,
        errors: [
          { path: 'schemaVersion', message: 'is required', text: 'schemaVersion: is required' },
        ],
      });
      await flush();
    });
    expect(shown()).toBe('invalid schemaVersion: is required');
  });

  it('cancels the job of a scenario that is no longer current and never shows its result', async () => {
    const f = fakeWorkers();
    const pool = createEnginePool({ createWorker: f.factory, size: 1 });
    const a = { title: 'a' };
    const b = { title: 'b' };
    const { rerender } = render(view(pool, a));
    rerender(view(pool, b));
    expect(shown()).toBe('computing');
    // a's worker was terminated and a fresh one runs b
    expect(f.workers[0].terminated).toBe(true);
    const callB = f.calls.find((c) => c.args[0] === b)!;
    expect(callB.worker.terminated).toBe(false);
    await act(async () => {
      f.calls[0].resolve({ ok: true, value: { for: 'a' } }); // too late: must be ignored
      await flush();
    });
    expect(shown()).toBe('computing');
    await act(async () => {
      callB.resolve({ ok: true, value: { for: 'b' } });
      await flush();
    });
    expect(shown()).toBe('done {"for":"b"}');
  });

  it('goes back to computing at once when the scenario changes after a result', async () => {
    const f = fakeWorkers();
    const pool = createEnginePool({ createWorker: f.factory, size: 1 });
    const a = { title: 'a' };
    const { rerender } = render(view(pool, a));
    await act(async () => {
      f.calls[0].resolve({ ok: true, value: { for: 'a' } });
      await flush();
    });
    expect(shown()).toBe('done {"for":"a"}');
    rerender(view(pool, { title: 'b' }));
    expect(shown()).toBe('computing'); // not a's result, not even for one render
    expect(f.workers[0].terminated).toBe(false); // a had finished: nothing to cancel
  });

  it('reports a failure of the worker', async () => {
    const f = fakeWorkers();
    const pool = createEnginePool({ createWorker: f.factory, size: 1 });
    render(view(pool, { title: 'a' }));
    await act(async () => {
      f.calls[0].reject(new Error('worker exploded'));
      await flush();
    });
    expect(shown()).toBe('failed worker exploded');
  });

  it('is idle for no scenario and starts no worker', () => {
    const f = fakeWorkers();
    const pool = createEnginePool({ createWorker: f.factory, size: 1 });
    render(view(pool, null));
    expect(shown()).toBe('idle');
    expect(f.workers).toHaveLength(0);
  });

  it('aborts the job when the component unmounts', () => {
    const f = fakeWorkers();
    const pool = createEnginePool({ createWorker: f.factory, size: 1 });
    const { unmount } = render(view(pool, { title: 'a' }));
    unmount();
    expect(f.workers[0].terminated).toBe(true);
    expect(pool.stats()).toMatchObject({ busy: 0, queued: 0 });
  });
});

function Job({ args }: { args: [unknown, number] | null }) {
  // Any engine function that reports progress (sweeps, later); the fake worker answers.
  const job = useEngineJob('solve' as never, args as never, { progress: true });
  const text =
    job.status === 'running'
      ? `running ${JSON.stringify(job.progress)}`
      : job.status === 'done'
        ? `done ${JSON.stringify(job.value)}`
        : job.status;
  return <output data-testid="state">{text}</output>;
}

describe('useEngineJob', () => {
  it('passes a progress callback and shows the reports of the current job only', async () => {
    const f = fakeWorkers();
    const pool = createEnginePool({ createWorker: f.factory, size: 1 });
    const a: [unknown, number] = [{ title: 'a' }, 10];
    const { rerender } = render(
      <EngineProvider pool={pool}>
        <Job args={a} />
      </EngineProvider>,
    );
    expect(shown()).toBe('running null');
    expect(f.calls[0].args).toEqual(a);
    await act(async () => {
      f.calls[0].onProgress!({ done: 3, of: 10 });
      await flush();
    });
    expect(shown()).toBe('running {"done":3,"of":10}');

    const b: [unknown, number] = [{ title: 'b' }, 10];
    rerender(
      <EngineProvider pool={pool}>
        <Job args={b} />
      </EngineProvider>,
    );
    expect(shown()).toBe('running null');
    await act(async () => {
      f.calls[0].onProgress!({ done: 9, of: 10 }); // from the cancelled job: dropped
      await flush();
    });
    expect(shown()).toBe('running null');
    await act(async () => {
      f.calls[1].resolve([1, 2, 3]);
      await flush();
    });
    expect(shown()).toBe('done [1,2,3]');
  });
});
