// Workers that heal (issue 11, item 5), with fake workers: a worker that dies busy or idle is
// replaced, the job it was running is retried once, a second death is reported, and nothing
// else in the pool is disturbed.
import { describe, expect, it } from 'vitest';
import { createPool, isAbortError, WorkerCrashedError } from '../../src/client/pool';
import { fakeWorkers, flush } from './fakeWorkers';

interface Api {
  solve(input: unknown): number;
}

const outcome = <T>(p: Promise<T>) => {
  const o: { value?: T; error?: unknown; settled: boolean } = { settled: false };
  p.then(
    (value) => Object.assign(o, { value, settled: true }),
    (error: unknown) => Object.assign(o, { error, settled: true }),
  );
  return o;
};

describe('a worker that dies while busy', () => {
  it('is replaced and its job retried: the caller only sees the answer', async () => {
    const f = fakeWorkers();
    const pool = createPool<Api>({ createWorker: f.factory, size: 1 });
    const a = outcome(pool.run('solve', ['a']));
    f.workers[0].die('The engine worker stopped without a word.');
    await flush();
    expect(a.settled).toBe(false);
    expect(f.workers[0].terminated).toBe(true);
    expect(f.calls.map((c) => [c.worker.id, c.args[0]])).toEqual([
      [0, 'a'],
      [1, 'a'],
    ]);
    f.calls[1].resolve(42);
    await flush();
    expect(a.value).toBe(42);
    expect(pool.stats()).toEqual({ spawned: 1, busy: 0, queued: 0, ahead: 0, terminated: 1 });
  });

  it('twice: the job fails with WorkerCrashedError, the next job runs on a fresh worker', async () => {
    const f = fakeWorkers();
    const pool = createPool<Api>({ createWorker: f.factory, size: 1 });
    const a = outcome(pool.run('solve', ['a']));
    f.workers[0].die('The engine worker failed: out of memory');
    await flush();
    f.workers[1].die('The engine worker failed: out of memory');
    await flush();
    expect(a.error).toBeInstanceOf(WorkerCrashedError);
    expect((a.error as Error).message).toBe(
      'The engine worker failed: out of memory (it failed again after a fresh start)',
    );
    const b = outcome(pool.run('solve', ['b']));
    expect(f.calls.at(-1)?.worker).toBe(f.workers[2]);
    f.calls.at(-1)?.resolve(7);
    await flush();
    expect(b.value).toBe(7);
  });

  it('leaves the other workers and their jobs alone', async () => {
    const f = fakeWorkers();
    const pool = createPool<Api>({ createWorker: f.factory, size: 2 });
    const a = outcome(pool.run('solve', ['a']));
    const b = outcome(pool.run('solve', ['b']));
    f.workers[0].die('gone');
    await flush();
    expect(f.workers[1].terminated).toBe(false);
    f.calls[1].resolve('b done');
    f.calls[2].resolve('a done');
    await flush();
    expect([a.value, b.value]).toEqual(['a done', 'b done']);
    expect(f.calls.map((c) => [c.worker.id, c.args[0]])).toEqual([
      [0, 'a'],
      [1, 'b'],
      [2, 'a'],
    ]);
  });

  it('an ordinary error from the engine is not retried', async () => {
    const f = fakeWorkers();
    const pool = createPool<Api>({ createWorker: f.factory, size: 1 });
    const a = outcome(pool.run('solve', ['a']));
    f.calls[0].reject(new RangeError('bad'));
    await flush();
    expect(a.error).toBeInstanceOf(RangeError);
    expect(f.calls).toHaveLength(1);
    expect(f.workers[0].terminated).toBe(false);
  });

  it('a job cancelled while it waits for its retry never runs again', async () => {
    const f = fakeWorkers();
    const pool = createPool<Api>({ createWorker: f.factory, size: 1 });
    const c = new AbortController();
    const a = outcome(pool.run('solve', ['a'], { signal: c.signal }));
    f.workers[0].die('gone');
    await flush();
    expect(f.calls).toHaveLength(2); // the retry started
    c.abort();
    await flush();
    expect(isAbortError(a.error)).toBe(true);
    expect(f.workers[1].terminated).toBe(true);
  });
});

describe('a worker that dies while idle', () => {
  it('leaves the pool at once: the next job does not fail on it', async () => {
    const f = fakeWorkers();
    const pool = createPool<Api>({ createWorker: f.factory, size: 1 });
    const a = outcome(pool.run('solve', ['a']));
    f.calls[0].resolve(1);
    await flush();
    expect(a.value).toBe(1);
    f.workers[0].die('uncaught error in an idle worker');
    expect(f.workers[0].terminated).toBe(true);
    expect(pool.stats()).toEqual({ spawned: 0, busy: 0, queued: 0, ahead: 0, terminated: 1 });
    const b = outcome(pool.run('solve', ['b']));
    expect(f.calls[1].worker).toBe(f.workers[1]);
    f.calls[1].resolve(2);
    await flush();
    expect(b.value).toBe(2);
  });

  it('a death reported after the pool replaced the worker changes nothing', async () => {
    const f = fakeWorkers();
    const pool = createPool<Api>({ createWorker: f.factory, size: 1 });
    const a = outcome(pool.run('solve', ['a']));
    f.workers[0].die('gone');
    await flush();
    f.workers[0].die('gone again'); // a late event from the old worker
    await flush();
    expect(f.workers[1].terminated).toBe(false);
    f.calls[1].resolve(3);
    await flush();
    expect(a.value).toBe(3);
  });
});
