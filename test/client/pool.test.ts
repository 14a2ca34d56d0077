import { describe, expect, it } from 'vitest';
import {
  clampSize,
  createPool,
  isAbortError,
  latest,
  WorkerCrashedError,
} from '../../src/client/pool';
import { fakeWorkers, flush } from './fakeWorkers';

// A stand-in for the engine's API: only the types matter to the pool.
interface Api {
  solve(input: unknown): { ok: true; value: number };
  sweep(input: unknown, steps: number, onProgress?: (p: unknown) => void): number[];
  version: string;
}

const outcome = <T>(p: Promise<T>) => {
  const o: { value?: T; error?: unknown; settled: boolean } = { settled: false };
  p.then(
    (value) => Object.assign(o, { value, settled: true }),
    (error: unknown) => Object.assign(o, { error, settled: true }),
  );
  return o;
};

describe('pool size', () => {
  it('clamps to 1..8', () => {
    expect(clampSize(0)).toBe(1);
    expect(clampSize(-3)).toBe(1);
    expect(clampSize(3)).toBe(3);
    expect(clampSize(64)).toBe(8);
    expect(clampSize(Number.NaN)).toBe(1);
    expect(createPool<Api>({ createWorker: fakeWorkers().factory, size: 32 }).size).toBe(8);
  });
});

describe('the pool spawns lazily and queues', () => {
  it('spawns no worker until a job runs', () => {
    const f = fakeWorkers();
    const pool = createPool<Api>({ createWorker: f.factory, size: 2 });
    expect(f.workers).toHaveLength(0);
    expect(pool.stats()).toEqual({ spawned: 0, busy: 0, queued: 0, ahead: 0, terminated: 0 });
  });

  it('runs up to size jobs at once and queues the rest in order', async () => {
    const f = fakeWorkers();
    const pool = createPool<Api>({ createWorker: f.factory, size: 2 });
    const a = outcome(pool.run('solve', ['a']));
    const b = outcome(pool.run('solve', ['b']));
    const c = outcome(pool.run('solve', ['c']));
    const d = outcome(pool.run('solve', ['d']));
    expect(f.workers).toHaveLength(2);
    expect(f.calls.map((x) => x.args[0])).toEqual(['a', 'b']);
    expect(pool.stats()).toMatchObject({ spawned: 2, busy: 2, queued: 2 });

    f.calls[1].resolve({ ok: true, value: 2 });
    await flush();
    expect(b.value).toEqual({ ok: true, value: 2 });
    expect(a.settled).toBe(false);
    // the freed worker takes the oldest queued job
    expect(f.calls.map((x) => x.args[0])).toEqual(['a', 'b', 'c']);
    expect(f.calls[2].worker).toBe(f.calls[1].worker);

    f.calls[0].resolve({ ok: true, value: 1 });
    await flush();
    expect(f.calls.map((x) => x.args[0])).toEqual(['a', 'b', 'c', 'd']);
    f.calls[2].resolve({ ok: true, value: 3 });
    f.calls[3].resolve({ ok: true, value: 4 });
    await flush();
    expect([a.value, c.value, d.value]).toEqual([
      { ok: true, value: 1 },
      { ok: true, value: 3 },
      { ok: true, value: 4 },
    ]);
    expect(f.workers).toHaveLength(2); // reused, never respawned
    expect(pool.stats()).toMatchObject({ spawned: 2, busy: 0, queued: 0, terminated: 0 });
  });

  it('reuses an idle worker rather than spawning another', async () => {
    const f = fakeWorkers();
    const pool = createPool<Api>({ createWorker: f.factory, size: 4 });
    const a = pool.run('solve', ['a']);
    f.calls[0].resolve({ ok: true, value: 1 });
    await a;
    void pool.run('solve', ['b']);
    expect(f.workers).toHaveLength(1);
  });

  it('passes an engine error through as the rejection and keeps the worker', async () => {
    const f = fakeWorkers();
    const pool = createPool<Api>({ createWorker: f.factory, size: 1 });
    const a = outcome(pool.run('solve', ['a']));
    f.calls[0].reject(new Error('boom'));
    await flush();
    expect((a.error as Error).message).toBe('boom');
    expect(f.alive()).toHaveLength(1);
  });

  it('replaces a worker that crashed and retries its job once, then reports', async () => {
    const f = fakeWorkers();
    const pool = createPool<Api>({ createWorker: f.factory, size: 1 });
    const a = outcome(pool.run('solve', ['a']));
    const b = outcome(pool.run('solve', ['b']));
    f.calls[0].reject(new WorkerCrashedError('out of memory'));
    await flush();
    // Not reported yet: 'a' runs again, first, on a fresh worker.
    expect(a.settled).toBe(false);
    expect(f.workers[0].terminated).toBe(true);
    expect(f.workers).toHaveLength(2);
    expect(f.calls[1].worker).toBe(f.workers[1]);
    expect(f.calls[1].args).toEqual(['a']);
    f.calls[1].reject(new WorkerCrashedError('out of memory'));
    await flush();
    expect(a.error).toBeInstanceOf(WorkerCrashedError);
    expect((a.error as Error).message).toBe('out of memory (it failed again after a fresh start)');
    expect(f.workers[1].terminated).toBe(true);
    expect(f.workers).toHaveLength(3);
    // The rest of the queue goes on.
    expect(f.calls[2].worker).toBe(f.workers[2]);
    expect(f.calls[2].args).toEqual(['b']);
    f.calls[2].resolve({ ok: true, value: 2 });
    await flush();
    expect(b.value).toEqual({ ok: true, value: 2 });
  });
});

describe('cancellation', () => {
  it('rejects at once when the signal is already aborted, without spawning', async () => {
    const f = fakeWorkers();
    const pool = createPool<Api>({ createWorker: f.factory, size: 1 });
    const c = new AbortController();
    c.abort();
    const a = outcome(pool.run('solve', ['a'], { signal: c.signal }));
    await flush();
    expect(isAbortError(a.error)).toBe(true);
    expect(f.workers).toHaveLength(0);
  });

  it('removes a queued job without touching the busy worker', async () => {
    const f = fakeWorkers();
    const pool = createPool<Api>({ createWorker: f.factory, size: 1 });
    const a = outcome(pool.run('solve', ['a']));
    const c = new AbortController();
    const b = outcome(pool.run('solve', ['b'], { signal: c.signal }));
    const d = outcome(pool.run('solve', ['d']));
    c.abort();
    await flush();
    expect(isAbortError(b.error)).toBe(true);
    expect(f.workers[0].terminated).toBe(false);
    f.calls[0].resolve({ ok: true, value: 1 });
    await flush();
    expect(a.value).toEqual({ ok: true, value: 1 });
    expect(f.calls.map((x) => x.args[0])).toEqual(['a', 'd']); // b never ran
    f.calls[1].resolve({ ok: true, value: 4 });
    await flush();
    expect(d.value).toEqual({ ok: true, value: 4 });
  });

  it('terminates the busy worker, respawns it, and the stale answer never resolves', async () => {
    const f = fakeWorkers();
    const pool = createPool<Api>({ createWorker: f.factory, size: 1 });
    const c = new AbortController();
    const a = outcome(pool.run('solve', ['a'], { signal: c.signal }));
    const b = outcome(pool.run('solve', ['b']));
    c.abort();
    await flush();
    expect(isAbortError(a.error)).toBe(true);
    expect(f.workers[0].terminated).toBe(true);
    expect(f.alive()).toHaveLength(1);
    // the queued job moved to the fresh worker
    expect(f.calls[1].args[0]).toBe('b');
    expect(f.calls[1].worker).toBe(f.workers[1]);
    // the terminated worker's late answer is ignored
    f.calls[0].resolve({ ok: true, value: 999 });
    await flush();
    expect(a.value).toBeUndefined();
    expect(b.settled).toBe(false);
    f.calls[1].resolve({ ok: true, value: 2 });
    await flush();
    expect(b.value).toEqual({ ok: true, value: 2 });
    expect(pool.stats()).toMatchObject({ spawned: 1, busy: 0, queued: 0, terminated: 1 });
  });

  it('keeps the abort reason when one is given', async () => {
    const f = fakeWorkers();
    const pool = createPool<Api>({ createWorker: f.factory, size: 1 });
    const c = new AbortController();
    const a = outcome(pool.run('solve', ['a'], { signal: c.signal }));
    c.abort(new DOMException('superseded', 'AbortError'));
    await flush();
    expect((a.error as DOMException).message).toBe('superseded');
  });

  it('ignores an abort after the job finished', async () => {
    const f = fakeWorkers();
    const pool = createPool<Api>({ createWorker: f.factory, size: 1 });
    const c = new AbortController();
    const a = outcome(pool.run('solve', ['a'], { signal: c.signal }));
    f.calls[0].resolve({ ok: true, value: 1 });
    await flush();
    c.abort();
    await flush();
    expect(a.value).toEqual({ ok: true, value: 1 });
    expect(f.workers[0].terminated).toBe(false);
  });

  it('dispose terminates every worker and rejects every job', async () => {
    const f = fakeWorkers();
    const pool = createPool<Api>({ createWorker: f.factory, size: 2 });
    const jobs = ['a', 'b', 'c'].map((x) => outcome(pool.run('solve', [x])));
    pool.dispose();
    await flush();
    expect(jobs.every((j) => isAbortError(j.error))).toBe(true);
    expect(f.alive()).toHaveLength(0);
    const late = outcome(pool.run('solve', ['d']));
    await flush();
    expect(late.error).toBeInstanceOf(Error);
    expect(f.workers).toHaveLength(2);
  });
});

describe('progress', () => {
  it('forwards progress reports while the job runs and drops them once it is cancelled', async () => {
    const f = fakeWorkers();
    const pool = createPool<Api>({ createWorker: f.factory, size: 1 });
    const seen: unknown[] = [];
    const c = new AbortController();
    void pool
      .run('sweep', ['s', 10], { signal: c.signal, onProgress: (p) => seen.push(p) })
      .catch(() => {});
    expect(f.calls[0].method).toBe('sweep');
    expect(f.calls[0].args).toEqual(['s', 10]);
    f.calls[0].onProgress!(0.5);
    c.abort();
    f.calls[0].onProgress!(0.9);
    await flush();
    expect(seen).toEqual([0.5]);
  });

  it('passes no progress callback when none is asked for', () => {
    const f = fakeWorkers();
    const pool = createPool<Api>({ createWorker: f.factory, size: 1 });
    void pool.run('solve', ['a']);
    expect(f.calls[0].onProgress).toBeUndefined();
  });
});

describe('latest()', () => {
  it('aborts the previous call so only the latest can resolve', async () => {
    const f = fakeWorkers();
    const pool = createPool<Api>({ createWorker: f.factory, size: 2 });
    const only = latest(pool);
    const a = outcome(only.run('solve', ['a']));
    const b = outcome(only.run('solve', ['b']));
    await flush();
    expect(isAbortError(a.error)).toBe(true);
    expect(f.workers[0].terminated).toBe(true);
    // a's late answer goes nowhere; b's arrives
    f.calls[0].resolve({ ok: true, value: 1 });
    const bCall = f.calls.find((x) => x.args[0] === 'b')!;
    bCall.resolve({ ok: true, value: 2 });
    await flush();
    expect(a.value).toBeUndefined();
    expect(b.value).toEqual({ ok: true, value: 2 });
  });

  it('cancel() aborts the current call; an outer signal aborts it too', async () => {
    const f = fakeWorkers();
    const pool = createPool<Api>({ createWorker: f.factory, size: 1 });
    const only = latest(pool);
    const a = outcome(only.run('solve', ['a']));
    only.cancel();
    const outer = new AbortController();
    const b = outcome(only.run('solve', ['b'], { signal: outer.signal }));
    outer.abort();
    await flush();
    expect(isAbortError(a.error)).toBe(true);
    expect(isAbortError(b.error)).toBe(true);
  });
});

describe('warming the workers', () => {
  it('spawns every worker and runs the warm jobs in order on each, answers ignored', async () => {
    const f = fakeWorkers();
    const pool = createPool<Api>({ createWorker: f.factory, size: 2 });
    const jobs: [unknown][] = [['w1'], ['w2']];
    pool.warm('solve', jobs);
    expect(f.workers).toHaveLength(2);
    expect(f.calls.map((c) => [c.worker.id, c.args[0]])).toEqual([
      [0, 'w1'],
      [1, 'w1'],
    ]);
    f.calls[0].resolve({ ok: true, value: 1 });
    await flush();
    expect(f.calls.map((c) => [c.worker.id, c.args[0]])).toEqual([
      [0, 'w1'],
      [1, 'w1'],
      [0, 'w2'],
    ]);
    f.calls[1].reject(new Error('bad input'));
    f.calls[2].resolve({ ok: true, value: 2 });
    await flush();
    // Worker 1's error ended the warm-up; worker 0 has run both.
    expect(f.calls).toHaveLength(3);
    expect(pool.stats()).toEqual({ spawned: 2, busy: 0, queued: 0, ahead: 0, terminated: 0 });
    // The same warm-up again: nothing left to run on worker 0; worker 1 goes on with w2.
    pool.warm('solve', jobs);
    expect(f.calls.map((c) => [c.worker.id, c.args[0]]).slice(3)).toEqual([[1, 'w2']]);
  });

  it('is cancelled by any real job: warm jobs not yet started are dropped', async () => {
    const f = fakeWorkers();
    const pool = createPool<Api>({ createWorker: f.factory, size: 2 });
    pool.warm('solve', [['w1'], ['w2'], ['w3']]);
    const real = outcome(pool.run('solve', ['real']));
    // Both workers are busy warming: the real job waits for the first to finish its warm job.
    expect(pool.stats()).toMatchObject({ busy: 2, queued: 1 });
    f.calls[1].resolve({ ok: true, value: 0 });
    await flush();
    expect(f.calls.map((c) => [c.worker.id, c.args[0]])).toEqual([
      [0, 'w1'],
      [1, 'w1'],
      [1, 'real'],
    ]);
    f.calls[2].resolve({ ok: true, value: 7 });
    f.calls[0].resolve({ ok: true, value: 0 });
    await flush();
    expect(real.value).toEqual({ ok: true, value: 7 });
    expect(f.calls).toHaveLength(3);
    expect(pool.stats()).toEqual({ spawned: 2, busy: 0, queued: 0, ahead: 0, terminated: 0 });
  });

  it('stops when a worker dies warming, which is replaced for the next real job', async () => {
    const f = fakeWorkers();
    const pool = createPool<Api>({ createWorker: f.factory, size: 1 });
    pool.warm('solve', [['w1'], ['w2']]);
    f.workers[0].die('out of memory');
    await flush();
    expect(f.calls).toHaveLength(1);
    expect(pool.stats()).toEqual({ spawned: 0, busy: 0, queued: 0, ahead: 0, terminated: 1 });
    const real = outcome(pool.run('solve', ['real']));
    expect(f.calls[1].worker.id).toBe(1);
    f.calls[1].resolve({ ok: true, value: 3 });
    await flush();
    expect(real.value).toEqual({ ok: true, value: 3 });
  });
});

describe('jobs sent ahead', () => {
  const answer = (f: ReturnType<typeof fakeWorkers>, arg: string, value: number) =>
    f.calls.find((c) => c.args[0] === arg && !c.worker.terminated)!.resolve({ ok: true, value });
  const sentTo = (f: ReturnType<typeof fakeWorkers>) => f.calls.map((c) => [c.worker.id, c.args[0]]);

  it('wait at a busy worker, one a worker; the worker takes them in order', async () => {
    const f = fakeWorkers();
    const pool = createPool<Api>({ createWorker: f.factory, size: 2 });
    const jobs = ['a', 'b', 'c', 'd', 'e'].map((x) => outcome(pool.run('solve', [x], { ahead: true })));
    expect(sentTo(f)).toEqual([
      [0, 'a'],
      [1, 'b'],
      [0, 'c'],
      [1, 'd'],
    ]);
    expect(pool.stats()).toEqual({ spawned: 2, busy: 2, queued: 1, ahead: 2, terminated: 0 });
    answer(f, 'a', 1);
    await flush();
    // Worker 0 runs c now; e waits behind it.
    expect(jobs[0].value).toEqual({ ok: true, value: 1 });
    expect(sentTo(f).slice(4)).toEqual([[0, 'e']]);
    expect(pool.stats()).toMatchObject({ busy: 2, queued: 0, ahead: 2 });
    answer(f, 'b', 2);
    answer(f, 'c', 3);
    answer(f, 'd', 4);
    answer(f, 'e', 5);
    await flush();
    expect(jobs.map((j) => (j.value as { value: number }).value)).toEqual([1, 2, 3, 4, 5]);
    expect(pool.stats()).toEqual({ spawned: 2, busy: 0, queued: 0, ahead: 0, terminated: 0 });
  });

  it('an ordinary job never waits at a busy worker, nor lets ahead jobs pass it, nor has one wait behind it', async () => {
    const f = fakeWorkers();
    const pool = createPool<Api>({ createWorker: f.factory, size: 1 });
    void pool.run('solve', ['a'], { ahead: true });
    const b = outcome(pool.run('solve', ['b']));
    void pool.run('solve', ['c'], { ahead: true });
    expect(sentTo(f)).toEqual([[0, 'a']]);
    expect(pool.stats()).toMatchObject({ busy: 1, queued: 2, ahead: 0 });
    answer(f, 'a', 1);
    await flush();
    // b runs; c, an ahead job, does not wait behind it (b may be long): it stays in the queue.
    expect(sentTo(f)).toEqual([
      [0, 'a'],
      [0, 'b'],
    ]);
    expect(pool.stats()).toMatchObject({ busy: 1, queued: 1, ahead: 0 });
    answer(f, 'b', 2);
    await flush();
    expect(b.value).toEqual({ ok: true, value: 2 });
    expect(sentTo(f)).toEqual([
      [0, 'a'],
      [0, 'b'],
      [0, 'c'],
    ]);
  });

  it('a batch may wait behind a warm-up job', async () => {
    const f = fakeWorkers();
    const pool = createPool<Api>({ createWorker: f.factory, size: 1 });
    pool.warm('solve', [['w1'], ['w2']]);
    void pool.run('solve', ['a'], { ahead: true });
    void pool.run('solve', ['b'], { ahead: true });
    expect(sentTo(f)).toEqual([
      [0, 'w1'],
      [0, 'a'],
    ]);
    answer(f, 'w1', 0);
    await flush();
    // The warm-up is over (w2 dropped); a runs, b waits behind it.
    expect(sentTo(f).slice(2)).toEqual([[0, 'b']]);
  });

  it('a worker that dies: its job is retried (one death counted), the one waiting behind it goes on uncounted', async () => {
    const f = fakeWorkers();
    const pool = createPool<Api>({ createWorker: f.factory, size: 1 });
    const a = outcome(pool.run('solve', ['a'], { ahead: true }));
    const b = outcome(pool.run('solve', ['b'], { ahead: true }));
    expect(sentTo(f)).toEqual([
      [0, 'a'],
      [0, 'b'],
    ]);
    f.workers[0].die('out of memory');
    await flush();
    // Both on a fresh worker, in order: a running, b behind it.
    expect(sentTo(f).slice(2)).toEqual([
      [1, 'a'],
      [1, 'b'],
    ]);
    f.workers[1].die('out of memory');
    await flush();
    // a died twice: reported. b never ran: it goes on, on a third worker.
    expect(a.error).toBeInstanceOf(WorkerCrashedError);
    expect((a.error as Error).message).toBe('out of memory (it failed again after a fresh start)');
    expect(b.settled).toBe(false);
    expect(sentTo(f).slice(4)).toEqual([[2, 'b']]);
    answer(f, 'b', 2);
    await flush();
    expect(b.value).toEqual({ ok: true, value: 2 });
    expect(pool.stats()).toEqual({ spawned: 1, busy: 0, queued: 0, ahead: 0, terminated: 2 });
  });

  it('cancelling the running job: its worker is terminated, the job behind it moves to the fresh one', async () => {
    const f = fakeWorkers();
    const pool = createPool<Api>({ createWorker: f.factory, size: 1 });
    const c = new AbortController();
    const a = outcome(pool.run('solve', ['a'], { ahead: true, signal: c.signal }));
    const b = outcome(pool.run('solve', ['b'], { ahead: true }));
    c.abort();
    await flush();
    expect(isAbortError(a.error)).toBe(true);
    expect(f.workers[0].terminated).toBe(true);
    expect(sentTo(f)).toEqual([
      [0, 'a'],
      [0, 'b'],
      [1, 'b'],
    ]);
    // The terminated worker's late answers are ignored.
    f.calls[0].resolve({ ok: true, value: 998 });
    f.calls[1].resolve({ ok: true, value: 999 });
    await flush();
    expect(b.settled).toBe(false);
    f.calls[2].resolve({ ok: true, value: 2 });
    await flush();
    expect(b.value).toEqual({ ok: true, value: 2 });
    expect(pool.stats()).toEqual({ spawned: 1, busy: 0, queued: 0, ahead: 0, terminated: 1 });
  });

  it('cancelling a job waiting behind another: the worker and its job go on, the answer is dropped', async () => {
    const f = fakeWorkers();
    const pool = createPool<Api>({ createWorker: f.factory, size: 1 });
    const c = new AbortController();
    const a = outcome(pool.run('solve', ['a'], { ahead: true }));
    const b = outcome(pool.run('solve', ['b'], { ahead: true, signal: c.signal }));
    const d = outcome(pool.run('solve', ['d'], { ahead: true }));
    c.abort();
    await flush();
    expect(isAbortError(b.error)).toBe(true);
    expect(f.workers[0].terminated).toBe(false);
    answer(f, 'a', 1);
    await flush();
    expect(a.value).toEqual({ ok: true, value: 1 });
    // The worker computes b (it already holds it); d waits behind it.
    expect(sentTo(f)).toEqual([
      [0, 'a'],
      [0, 'b'],
      [0, 'd'],
    ]);
    answer(f, 'b', 2);
    await flush();
    expect(b.value).toBeUndefined();
    answer(f, 'd', 4);
    await flush();
    expect(d.value).toEqual({ ok: true, value: 4 });
    expect(f.workers).toHaveLength(1);
    expect(pool.stats()).toEqual({ spawned: 1, busy: 0, queued: 0, ahead: 0, terminated: 0 });
  });

  it('cancelling both at once (one signal): one worker terminated, the waiting job never sent again', async () => {
    const f = fakeWorkers();
    const pool = createPool<Api>({ createWorker: f.factory, size: 1 });
    const c = new AbortController();
    const a = outcome(pool.run('solve', ['a'], { ahead: true, signal: c.signal }));
    const b = outcome(pool.run('solve', ['b'], { ahead: true, signal: c.signal }));
    c.abort();
    await flush();
    expect(isAbortError(a.error)).toBe(true);
    expect(isAbortError(b.error)).toBe(true);
    expect(f.calls).toHaveLength(2);
    expect(pool.stats()).toEqual({ spawned: 1, busy: 0, queued: 0, ahead: 0, terminated: 1 });
  });

  it('dispose rejects the jobs waiting at workers too', async () => {
    const f = fakeWorkers();
    const pool = createPool<Api>({ createWorker: f.factory, size: 1 });
    const jobs = ['a', 'b', 'c'].map((x) => outcome(pool.run('solve', [x], { ahead: true })));
    pool.dispose();
    await flush();
    expect(jobs.every((j) => isAbortError(j.error))).toBe(true);
    expect(f.alive()).toHaveLength(0);
  });
});
