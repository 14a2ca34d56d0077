// @vitest-environment jsdom
// The Result tab asks the worker ONE question per scenario (issue 7 item 1): the engine's
// resultScreen answers the result, the kinds and the ladder bins or threshold counts at once,
// with the client's cache (no second job for a scenario answered), Compare A/B's reuse of the
// answer, rows kept in the worker above 25,000 defendants, progress, Cancel and Retry.
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../src/app/App';
import { DEFAULT_PRESET } from '../../src/app/presetChoice';
import {
  createEnginePool,
  EngineProvider,
  useEngineResult,
  type EngineState,
  type WorkerFactory,
} from '../../src/client';
import { CANCELLED_MESSAGE, REST_MS } from '../../src/client/react';
import {
  useResultBundle,
  type BundleState,
} from '../../src/components/results/useResultBundle';
import * as api from '../../src/engine/api';
import type { Scenario } from '../../src/engine/scenario/schema';
import { PRESETS } from '../../src/presets';
import { leverMotion, setAllPledged } from '../../src/components/results/QuickLevers';
import { prepareInline, resetInline } from '../../src/client/inline';
import { fakeWorkers, flush } from './fakeWorkers';
import { inProcessWorkers } from './inProcessWorker';

beforeEach(() => {
  history.replaceState(null, '', '#');
});
afterEach(cleanup);

/** In-process workers that write down every job's method. */
function counting() {
  const methods: string[] = [];
  const factory: WorkerFactory = () => {
    const w = inProcessWorkers();
    return {
      call(method, args, onProgress) {
        methods.push(method);
        return w.call(method, args, onProgress);
      },
      terminate: () => w.terminate(),
    };
  };
  return { factory, methods };
}

/** Crespo's city with every group's pledged share at `share`, validated. */
function cityAt(share: number): Scenario {
  const c = api.validate(setAllPledged(PRESETS.find((p) => p.id === 'crespo-city-public')!.scenario, share));
  if (!c.ok) throw new Error(JSON.stringify(c.errors));
  return c.value;
}

/** useResultBundle mounted on `first`: its latest state, and a way to change the scenario. */
function mountBundle(pool: ReturnType<typeof createEnginePool>, first: Scenario) {
  const out: { bundle: BundleState | null; setScenario: (s: Scenario) => void } = { bundle: null, setScenario: () => {} };
  function Probe() {
    const [s, set] = useState<Scenario>(first);
    out.setScenario = set;
    out.bundle = useResultBundle(s);
    return null;
  }
  render(
    <EngineProvider pool={pool}>
      <Probe />
    </EngineProvider>,
  );
  return out;
}

/** The (fake) worker's answer to its call `i`: the engine's, for the options as sent. */
async function answerCall(f: ReturnType<typeof fakeWorkers>, i: number) {
  const call = f.calls[i];
  await act(async () => {
    call.resolve(api.resultScreen(call.args[0], call.args[1] as { bins: number }));
    await vi.advanceTimersByTimeAsync(0);
  });
}

function preset(id: string, scale = 1): Scenario {
  const s = structuredClone(PRESETS.find((p) => p.id === id)!.scenario) as {
    groups: { count: number }[];
  };
  for (const g of s.groups) g.count *= scale;
  const c = api.validate(s);
  if (!c.ok) throw new Error(JSON.stringify(c.errors));
  return c.value;
}

describe('the Result tab', () => {
  it('one render of a new scenario makes exactly one worker job', async () => {
    const c = counting();
    const pool = createEnginePool({ createWorker: c.factory, size: 1 });
    render(
      <EngineProvider pool={pool}>
        <App />
      </EngineProvider>,
    );
    const status = screen.getByTestId('result-status');
    await waitFor(() => expect(status.dataset.status).toBe('done'));
    await act(flush);
    // It was three before (solve, then kinds and, for a large scenario, ladder or thresholds).
    expect(c.methods).toEqual(['resultScreen']);
    // Another preset: one more job.
    const other = PRESETS.find((p) => p.id !== DEFAULT_PRESET)!;
    act(() => {
      fireEvent.change(screen.getByLabelText('Preset', { exact: true }), {
        target: { value: other.id },
      });
    });
    await waitFor(() => expect(status.dataset.status).toBe('done'));
    await act(flush);
    expect(c.methods).toEqual(['resultScreen', 'resultScreen']);
  });
});

describe('useResultBundle (one job per scenario)', () => {
  it('sends a scenario once: drawn again, and by Compare A/B, it makes no job', async () => {
    const f = fakeWorkers();
    const pool = createEnginePool({ createWorker: f.factory, size: 2 });
    const s = preset('crespo-city-public');
    let bundle: BundleState | null = null;
    const got: { compared: EngineState | null } = { compared: null };
    function Compare({ scenario }: { scenario: Scenario }) {
      got.compared = useEngineResult(scenario);
      return null;
    }
    function Probe({ scenario, compare }: { scenario: Scenario; compare: boolean }) {
      bundle = useResultBundle(scenario);
      return compare ? <Compare scenario={scenario} /> : null;
    }
    const view = (compare: boolean) => (
      <EngineProvider pool={pool}>
        <Probe scenario={s} compare={compare} />
      </EngineProvider>
    );
    const { rerender, unmount } = render(view(false));
    expect(f.calls.map((c) => [c.method, c.args])).toEqual([
      ['resultScreen', [s, { rows: 'auto', bins: 400 }]],
    ]);
    const answer = api.resultScreen(s, { rows: 'auto', bins: 400 });
    if (!answer.ok) throw new Error('unsolvable');
    await act(async () => {
      f.calls[0].resolve(answer);
      await flush();
    });
    expect(bundle!.status).toBe('done');
    expect(bundle!.shown!.result).toBe(answer.value.result);
    expect(bundle!.shown!.kinds).toBe(answer.value.kinds);
    rerender(view(true));
    await act(flush);
    expect(got.compared).toEqual({ status: 'done', result: answer.value.result });
    expect(got.compared!.status === 'done' && got.compared!.result).toBe(answer.value.result);
    // Drawn afresh (another tab, back again): the answer is kept.
    unmount();
    render(view(false));
    await act(flush);
    expect(bundle!.status).toBe('done');
    expect(bundle!.shown!.result).toBe(answer.value.result);
    expect(f.calls).toHaveLength(1);
  });

  it('keeps rows above 25,000 defendants in the worker and gets the bins or thresholds in the same job', async () => {
    const c = counting();
    const pool = createEnginePool({ createWorker: c.factory, size: 1 });
    const ladder = preset('crespo-city-public', 4); // 28,000
    const lottery = preset('bgb-lottery', 300); // 30,000
    const seen: BundleState[] = [];
    function Probe({ scenario }: { scenario: Scenario }) {
      seen.push(useResultBundle(scenario));
      return null;
    }
    const { rerender } = render(
      <EngineProvider pool={pool}>
        <Probe scenario={ladder} />
      </EngineProvider>,
    );
    await waitFor(() => expect(seen.at(-1)!.status).toBe('done'));
    let b = seen.at(-1)!.shown!;
    expect(b.result.defendants).toBeUndefined();
    expect(b.result.totals.defendants).toBe(28_000);
    const bins = api.ladder(ladder, 400);
    expect(bins.ok && b.bins).toEqual(bins.ok ? bins.value : null);
    expect(b.bins!.length).toBeGreaterThan(0);
    expect(b.thresholds).toBeNull();
    rerender(
      <EngineProvider pool={pool}>
        <Probe scenario={lottery} />
      </EngineProvider>,
    );
    await waitFor(() => expect(seen.at(-1)!.shown!.scenario).toBe(lottery));
    b = seen.at(-1)!.shown!;
    expect(b.result.defendants).toBeUndefined();
    const thr = api.thresholdCounts(lottery);
    expect(thr.ok && b.thresholds).toEqual(thr.ok ? thr.value : null);
    expect(b.thresholds!.counts.reduce((n, x) => n + x.count, 0)).toBe(30_000);
    expect(b.bins).toBeNull();
    expect(c.methods).toEqual(['resultScreen', 'resultScreen']);
  });

  it('reports progress, Cancel stops the worker, Retry asks again (one job each)', async () => {
    const f = fakeWorkers();
    const pool = createEnginePool({ createWorker: f.factory, size: 1 });
    const s = preset('crespo-city-clock');
    let bundle: BundleState | null = null;
    function Probe() {
      bundle = useResultBundle(s);
      return null;
    }
    render(
      <EngineProvider pool={pool}>
        <Probe />
      </EngineProvider>,
    );
    expect(f.calls).toHaveLength(1);
    expect(typeof f.calls[0].onProgress).toBe('function');
    await act(async () => {
      f.calls[0].onProgress!(0.25);
      await flush();
    });
    expect(bundle!.status).toBe('computing');
    expect(bundle!.state).toMatchObject({ status: 'computing', progress: 0.25 });
    const cancel = (bundle!.state as { cancel?: () => void }).cancel!;
    act(() => cancel());
    expect(f.workers[0].terminated).toBe(true);
    expect(bundle!.status).toBe('failed');
    expect(bundle!.state).toMatchObject({ message: CANCELLED_MESSAGE, cancelled: true });
    const retry = (bundle!.state as { retry?: () => void }).retry!;
    await act(async () => {
      retry();
      await flush();
    });
    expect(f.calls.map((c) => c.method)).toEqual(['resultScreen', 'resultScreen']);
    expect(bundle!.status).toBe('computing');
    const answer = api.resultScreen(s, { rows: 'auto', bins: 400 });
    await act(async () => {
      f.calls[1].resolve(answer);
      await flush();
    });
    expect(bundle!.status).toBe('done');
    expect(bundle!.shown!.result.totals).toEqual(answer.ok ? answer.value.result.totals : null);
  });

  it('a moving slider coalesces: no worker terminated, the latest scenario waits, an interim answer is drawn, never an older over a newer; rowless while it moves, the rows once it rests', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    try {
      const f = fakeWorkers();
      const pool = createEnginePool({ createWorker: f.factory, size: 1 });
      const [a, b, c, d, e] = [0.1, 0.2, 0.3, 0.4, 0.5].map(cityAt);
      // The worker's answer to the question it was asked (its options as sent).
      const answer = (i: number) => answerCall(f, i);
      const light = (i: number) => (f.calls[i].args[1] as { leaveRowsOut?: boolean }).leaveRowsOut === true;
      const probe = mountBundle(pool, a);
      expect(light(0)).toBe(false); // a first scenario: the full answer
      await answer(0);
      expect(probe.bundle!.status).toBe('done');
      expect(probe.bundle!.shown!.result.defendants).toHaveLength(7000);
      const v0 = probe.bundle!.version;
      // Three moves 10 ms apart while b computes: b runs (rowless), c is replaced by d, nothing is terminated.
      for (const s of [b, c, d]) {
        await act(() => vi.advanceTimersByTimeAsync(10));
        act(() => probe.setScenario(s));
      }
      expect(f.calls.map((x) => x.args[0])).toEqual([a, b]);
      expect(light(1)).toBe(true);
      // A light job asks for no progress (no comlink proxy per step); a full one does.
      expect(f.calls[0].onProgress).toBeTypeOf('function');
      expect(f.calls[1].onProgress).toBeUndefined();
      expect(f.workers.every((w) => !w.terminated)).toBe(true);
      expect(probe.bundle!.busy).toBe(true);
      expect(probe.bundle!.shown!.scenario).toBe(a);
      // b's answer comes: drawn meanwhile (still busy), and d is asked.
      await answer(1);
      expect(probe.bundle!.shown!.scenario).toBe(b);
      expect(probe.bundle!.version).toBe(v0 + 1);
      expect(probe.bundle!.busy).toBe(true);
      expect(f.calls.map((x) => x.args[0])).toEqual([a, b, d]);
      // Back to a (answered before: no job) while d computes; d's answer must not cover a.
      act(() => probe.setScenario(a));
      expect(probe.bundle!.status).toBe('done');
      expect(probe.bundle!.shown!.scenario).toBe(a);
      await answer(2);
      expect(probe.bundle!.shown!.scenario).toBe(a);
      expect(probe.bundle!.status).toBe('done');
      expect(f.calls).toHaveLength(3); // a answered before: no job, and no rows to ask for
      // A move: rowless, done (not busy) with the totals and the ladder's bins of the full answer.
      await act(() => vi.advanceTimersByTimeAsync(10));
      act(() => probe.setScenario(e));
      expect(light(3)).toBe(true);
      await answer(3);
      const full = api.resultScreen(e, { rows: 'auto', bins: 400 });
      if (!full.ok) throw new Error('e');
      expect(probe.bundle!.status).toBe('done');
      expect(probe.bundle!.busy).toBe(false);
      expect(probe.bundle!.shown!.scenario).toBe(e);
      expect(probe.bundle!.shown!.result.defendants).toBeUndefined();
      expect(probe.bundle!.shown!.result.totals).toEqual(full.value.result.totals); // to the last bit
      expect(probe.bundle!.shown!.bins).toHaveLength(200);
      // It rests: the rows are asked for, and drawn.
      await act(() => vi.advanceTimersByTimeAsync(REST_MS));
      expect(f.calls).toHaveLength(5);
      expect(f.calls[4].args[0]).toBe(e);
      expect(light(4)).toBe(false);
      expect(f.calls[4].onProgress).toBeTypeOf('function');
      await answer(4);
      expect(probe.bundle!.status).toBe('done');
      expect(probe.bundle!.shown!.result.defendants).toEqual(full.value.result.defendants);
      expect(probe.bundle!.shown!.result).toEqual(full.value.result);
      expect(f.workers.every((w) => !w.terminated)).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });

  it('a moving lever on a small scenario is answered in the render that shows it (src/client/inline.ts): no worker job while it moves, the worker\'s answer to the bit, the rows from the worker once it rests', async () => {
    await prepareInline();
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    try {
      const f = fakeWorkers();
      const pool = createEnginePool({ createWorker: f.factory, size: 1 });
      const [a, b, c] = [0.1, 0.2, 0.3].map(cityAt);
      const probe = mountBundle(pool, a);
      await answerCall(f, 0);
      expect(probe.bundle!.status).toBe('done');
      const v0 = probe.bundle!.version;
      // A lever moves (as QuickLevers does: a step, then the new scenario): each scenario is
      // shown by the render that got it, done and not busy, and no job is asked.
      for (const s of [b, c]) {
        await act(() => vi.advanceTimersByTimeAsync(10));
        act(() => {
          leverMotion.step();
          probe.setScenario(s);
        });
        expect(probe.bundle!.status).toBe('done');
        expect(probe.bundle!.busy).toBe(false);
        expect(probe.bundle!.shown!.scenario).toBe(s);
        const worker = api.resultScreen(s, { rows: 'auto', bins: 200, leaveRowsOut: true });
        if (!worker.ok) throw new Error('s');
        expect(probe.bundle!.shown!.result).toEqual(worker.value.result);
        expect(probe.bundle!.shown!.bins).toEqual(worker.value.bins);
        expect(probe.bundle!.shown!.kinds).toEqual(worker.value.kinds);
      }
      expect(probe.bundle!.version).toBe(v0 + 2);
      expect(f.calls).toHaveLength(1);
      // It rests: the rows are asked for (one job), and drawn.
      await act(() => vi.advanceTimersByTimeAsync(REST_MS));
      expect(f.calls).toHaveLength(2);
      expect(f.calls[1].args[0]).toBe(c);
      expect((f.calls[1].args[1] as { leaveRowsOut?: boolean }).leaveRowsOut).toBeUndefined();
      await answerCall(f, 1);
      const full = api.resultScreen(c, { rows: 'auto', bins: 400 });
      if (!full.ok) throw new Error('c');
      expect(probe.bundle!.status).toBe('done');
      expect(probe.bundle!.shown!.result).toEqual(full.value.result);
    } finally {
      leverMotion.settle();
      vi.useRealTimers();
      resetInline();
    }
  });
});
