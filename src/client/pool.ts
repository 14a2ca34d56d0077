// The worker pool: a queue of jobs, a few workers spawned on demand, cancellation that
// terminates a busy worker (a pure computation cannot be interrupted any other way) and
// respawns it. Workers heal: one that dies (an uncaught error, a message it cannot read, out
// of memory, closing without a word) is replaced, busy or idle; the job it was running is
// retried once on a fresh worker, and only a second death reaches the caller (the UI then
// offers Retry). The rest of the pool goes on. A job run with `ahead` (a batch) may also be sent to
// a worker busy with another batch, to wait there behind it (one at most a worker): the worker
// starts it the moment it answers, instead of idling while its answer and the next call cross
// the main thread. It knows nothing about comlink or the Worker constructor: workers come from an
// injected factory, so the pool logic is tested with fakes (test/client/pool.test.ts).

/** A progress report from a long job (sweeps, Monte Carlo runs); the shape is the method's. */
export type ProgressFn = (progress: unknown) => void;

/** One worker as the pool sees it. */
export interface WorkerHandle {
  /**
   * Call `method(...args)` in the worker. When `onProgress` is given, it is passed as one extra
   * argument after `args` (engine functions that report progress take it last).
   * Reject with a {@link WorkerCrashedError} if the worker itself died.
   */
  call(method: string, args: readonly unknown[], onProgress?: ProgressFn): Promise<unknown>;
  /** Stop the worker now; a call in flight never settles (the pool has already rejected it). */
  terminate(): void;
  /**
   * Tell the pool when the worker dies on its own, busy or idle (the real worker: error and
   * messageerror events, and its liveness lock released). Calls in flight reject with a
   * WorkerCrashedError as well. Optional: fakes without it never die unasked.
   */
  onCrash?(listener: (error: WorkerCrashedError) => void): void;
}

export type WorkerFactory = () => WorkerHandle;

/** Thrown (as the rejection) when a worker dies instead of answering. */
export class WorkerCrashedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WorkerCrashedError';
  }
}

export interface PoolOptions {
  /** Spawns one worker. */
  createWorker: WorkerFactory;
  /** Number of workers at most; clamped to 1..8. Default: navigator.hardwareConcurrency. */
  size?: number;
}

export interface RunOptions {
  /** Abort: a queued job leaves the queue, a running job's worker is terminated and respawned. */
  signal?: AbortSignal;
  /** Progress reports, for methods that take a progress callback as their last parameter. */
  onProgress?: ProgressFn;
  /**
   * A short job (a batch of one computation): when every worker is busy, it may be sent to a
   * worker running another such job (or a warm-up job) with nothing waiting behind it, to run
   * the moment that one is answered: each worker holds its next batch. It never waits behind an
   * ordinary job, which may be long. Cancelling it there leaves the job ahead of it alone: the
   * worker computes it all the same and its answer is dropped.
   */
  ahead?: boolean;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- variance: any function
type AnyFunction = (...args: any[]) => unknown;

/** The callable part of a module (what a worker exposes): its functions, nothing else. */
export type FunctionsOf<T> = {
  [K in keyof T as T[K] extends AnyFunction ? K : never]: T[K];
};

export type MethodName<Api> = {
  [K in keyof Api]: Api[K] extends AnyFunction ? K : never;
}[keyof Api] &
  string;

export type Args<F> = F extends (...args: infer A) => unknown ? A : never;
export type Returns<F> = F extends (...args: never[]) => infer R ? Awaited<R> : never;

export interface PoolStats {
  /** Workers alive. */
  spawned: number;
  /** Workers running a job. */
  busy: number;
  /** Jobs waiting for a worker. */
  queued: number;
  /** Jobs sent ahead, waiting at a busy worker behind its job. */
  ahead: number;
  /** Workers terminated (cancellation, crash, dispose) since the pool was made. */
  terminated: number;
}

export interface Pool<Api> {
  /** Run `method(...args)` on the next free worker. Rejects with an AbortError when aborted. */
  run<M extends MethodName<Api>>(
    method: M,
    args: Args<Api[M]>,
    options?: RunOptions,
  ): Promise<Returns<Api[M]>>;
  /**
   * Warm the workers before the first real job (V8 compiles the engine's paths on a small real
   * computation instead of on the user's first diagram): spawn workers up to `size` and run
   * `method(...args)` for each of `jobs`, in order, on every worker, only while no real job
   * waits. Any real job cancels it: the warm jobs not yet started are dropped (one already
   * running finishes: keep each small). Answers and errors are ignored; a worker that dies
   * warming is replaced lazily, as an idle one. A later call replaces the warm-up; a worker
   * that has already run a warm-up with the same `jobs` array is not warmed again.
   */
  warm<M extends MethodName<Api>>(method: M, jobs: readonly Args<Api[M]>[]): void;
  readonly size: number;
  stats(): PoolStats;
  /** Terminate every worker and reject every pending job. The pool is unusable afterwards. */
  dispose(): void;
}

/** navigator.hardwareConcurrency clamped to 1..8 (2 when unknown). */
export function defaultPoolSize(): number {
  const n = typeof navigator !== 'undefined' ? navigator.hardwareConcurrency : undefined;
  return clampSize(n ?? 2);
}

export function clampSize(n: number): number {
  if (!Number.isFinite(n)) return 1;
  return Math.min(8, Math.max(1, Math.floor(n)));
}

export function abortError(reason?: unknown): unknown {
  if (reason !== undefined) return reason;
  return new DOMException('The job was cancelled.', 'AbortError');
}

/** True for the rejection of a cancelled job (AbortController.abort() with no reason). */
export function isAbortError(e: unknown): boolean {
  return (
    typeof e === 'object' &&
    e !== null &&
    'name' in e &&
    (e as { name: unknown }).name === 'AbortError'
  );
}

interface Job {
  /** Worker deaths this job has been through (retried once, then reported). */
  crashes: number;
  method: string;
  args: readonly unknown[];
  onProgress?: ProgressFn;
  signal?: AbortSignal;
  ahead: boolean;
  resolve: (value: unknown) => void;
  reject: (reason: unknown) => void;
  settled: boolean;
  /** The worker the job was sent to (running it, or holding it next), or null while queued. */
  slot: Slot | null;
  onAbort: () => void;
}

interface Slot {
  handle: WorkerHandle;
  /** The job the worker is running (it takes its calls in order: the oldest not answered). */
  job: Job | null;
  /** A job sent ahead, waiting behind `job` (only while `job` is set); settled if cancelled there. */
  next: Job | null;
  /** The warm-up this worker ran or is running, and how many of its jobs it has started. */
  warmedWith: readonly unknown[] | null;
  warmedCount: number;
}

interface WarmUp {
  method: string;
  jobs: readonly (readonly unknown[])[];
}

export function createPool<Api>(options: PoolOptions): Pool<Api> {
  const size = clampSize(options.size ?? defaultPoolSize());
  const slots: Slot[] = [];
  const queue: Job[] = [];
  let terminated = 0;
  let disposed = false;
  let warming: WarmUp | null = null;

  const spawn = (): Slot => {
    const slot: Slot = { handle: options.createWorker(), job: null, next: null, warmedWith: null, warmedCount: 0 };
    slots.push(slot);
    // An idle worker that dies leaves the pool now, so the next job gets a fresh one instead of
    // failing on it. A busy one is handled where its call rejects (start).
    slot.handle.onCrash?.(() => {
      if (slot.job === null && slots.includes(slot)) kill(slot);
    });
    return slot;
  };

  const kill = (slot: Slot) => {
    const i = slots.indexOf(slot);
    if (i >= 0) slots.splice(i, 1);
    terminated++;
    try {
      slot.handle.terminate();
    } catch {
      // a worker that fails to terminate is gone from the pool all the same
    }
  };

  const settle = (job: Job) => {
    job.settled = true;
    job.signal?.removeEventListener('abort', job.onAbort);
  };

  /** Take a job off its worker: the job waiting behind it (if any) is the one running now. */
  const detach = (job: Job) => {
    const slot = job.slot;
    if (!slot) return;
    if (slot.job === job) {
      slot.job = slot.next;
      slot.next = null;
    } else if (slot.next === job) slot.next = null;
    job.slot = null;
  };

  /**
   * The worker died (or was terminated for a cancelled job): it leaves the pool, and its jobs go
   * back to the front of the queue, in order. The one it was running counts a death when it
   * `crashed` (a second one is reported to the caller); the one waiting behind it counts none.
   */
  const evict = (slot: Slot, crashed: WorkerCrashedError | null) => {
    kill(slot);
    const running = slot.job;
    const waiting = slot.next;
    slot.job = null;
    slot.next = null;
    const again: Job[] = [];
    if (running) {
      running.slot = null;
      if (!running.settled && crashed) {
        running.crashes++;
        if (running.crashes === 1 && !disposed) again.push(running);
        else {
          settle(running);
          running.reject(
            new WorkerCrashedError(`${crashed.message} (it failed again after a fresh start)`),
          );
        }
      } else if (!running.settled && !disposed) again.push(running);
    }
    if (waiting) {
      waiting.slot = null;
      if (!waiting.settled && !disposed) again.push(waiting);
    }
    queue.unshift(...again);
  };

  /** Send a job to a worker: to run now if it is free, else to wait behind its job. */
  const start = (slot: Slot, job: Job) => {
    if (slot.job === null) slot.job = job;
    else slot.next = job;
    job.slot = slot;
    let call: Promise<unknown>;
    try {
      const report = job.onProgress;
      // A cancelled job's progress must not reach the UI either.
      const onProgress = report
        ? (progress: unknown) => {
            if (!job.settled) report(progress);
          }
        : undefined;
      call = slot.handle.call(job.method, job.args, onProgress);
    } catch (e) {
      call = Promise.reject(e);
    }
    call.then(
      (value) => {
        // Moved off this worker (cancelled, or its worker died): nothing to do here.
        if (job.slot !== slot) return;
        detach(job);
        // Cancelled while it waited at the worker: its answer must never reach anyone.
        if (!job.settled) {
          settle(job);
          job.resolve(value);
        }
        pump();
      },
      (error: unknown) => {
        if (job.slot !== slot) return;
        if (error instanceof WorkerCrashedError) {
          evict(slot, error); // respawned lazily by pump
          pump();
          return;
        }
        detach(job);
        if (!job.settled) {
          settle(job);
          job.reject(error);
        }
        pump();
      },
    );
  };

  const pump = () => {
    while (queue.length > 0 && !disposed) {
      const first = queue[0];
      if (first.signal?.aborted) {
        // Cancelled, its abort not handled yet (a job sent back to the queue by the abort of
        // the one ahead of it, both cancelled at once): never sent again.
        queue.shift();
        settle(first);
        first.reject(abortError(first.signal.reason));
        continue;
      }
      const slot =
        slots.find((s) => s.job === null) ??
        (slots.length < size ? spawn() : null) ??
        (first.ahead ? (slots.find((s) => s.next === null && s.job?.ahead) ?? null) : null);
      if (!slot) return;
      start(slot, queue.shift()!);
    }
    if (warming && !disposed) warmIdle(warming);
  };

  /** Start the next warm job on every idle worker that has one left (no real job waits). */
  const warmIdle = (w: WarmUp) => {
    while (slots.length < size) spawn();
    for (const slot of slots) {
      if (slot.job !== null) continue;
      if (slot.warmedWith !== w.jobs) {
        slot.warmedWith = w.jobs;
        slot.warmedCount = 0;
      }
      if (slot.warmedCount >= w.jobs.length) continue;
      const args = w.jobs[slot.warmedCount++];
      const job: Job = {
        crashes: 1, // a worker that dies warming is not retried: the warm-up just stops there
        method: w.method,
        args,
        ahead: true, // small: a batch may wait behind it
        resolve: () => {},
        // An error or a death ends the warm-up (a worker that dies on it would die again).
        reject: () => {
          if (warming === w) warming = null;
        },
        settled: false,
        slot: null,
        onAbort: () => {},
      };
      start(slot, job);
    }
  };

  const abort = (job: Job) => {
    if (job.settled) return;
    const slot = job.slot;
    const reason = abortError(job.signal?.reason);
    settle(job);
    if (slot && slot.job === job) {
      // Running: its worker is terminated (and respawned now, so the next job finds a warm
      // worker); a job waiting behind it goes back to the front of the queue.
      evict(slot, null);
      if (!disposed) spawn();
    } else if (!slot) {
      const i = queue.indexOf(job);
      if (i >= 0) queue.splice(i, 1);
    }
    // Waiting at a busy worker: it stays there, settled (the worker runs it when its job is
    // answered and the answer is dropped): terminating the worker would lose the job ahead.
    job.reject(reason);
    pump();
  };

  return {
    size,
    warm(method, jobs) {
      if (disposed || jobs.length === 0) return;
      warming = { method, jobs: jobs as readonly (readonly unknown[])[] };
      if (queue.length === 0) pump();
    },
    run(method, args, runOptions = {}) {
      warming = null; // any real job cancels the warm-up
      return new Promise((resolve, reject) => {
        const { signal, onProgress } = runOptions;
        if (disposed) {
          reject(new Error('The engine pool has been disposed.'));
          return;
        }
        if (signal?.aborted) {
          reject(abortError(signal.reason));
          return;
        }
        const job: Job = {
          crashes: 0,
          method,
          args: args as readonly unknown[],
          onProgress,
          signal,
          ahead: runOptions.ahead === true,
          resolve: resolve as (value: unknown) => void,
          reject,
          settled: false,
          slot: null,
          onAbort: () => abort(job),
        };
        signal?.addEventListener('abort', job.onAbort, { once: true });
        queue.push(job);
        pump();
      });
    },
    stats() {
      return {
        spawned: slots.length,
        busy: slots.filter((s) => s.job !== null).length,
        queued: queue.length,
        ahead: slots.filter((s) => s.next !== null).length,
        terminated,
      };
    },
    dispose() {
      if (disposed) return;
      disposed = true;
      const pending = [...queue, ...slots.flatMap((s) => [s.job, s.next].filter((j) => j !== null))];
      queue.length = 0;
      for (const slot of [...slots]) kill(slot);
      for (const job of pending) {
        if (job.settled) continue;
        settle(job);
        job.reject(abortError());
      }
    },
  };
}

/**
 * Only the latest call counts: each call aborts the one before it, so a superseded job
 * rejects with an AbortError and never resolves. `cancel()` aborts the current one.
 */
export function latest<Api>(pool: Pool<Api>) {
  let current: AbortController | null = null;
  const cancel = () => {
    current?.abort();
    current = null;
  };
  function run<M extends MethodName<Api>>(
    method: M,
    args: Args<Api[M]>,
    options: RunOptions = {},
  ): Promise<Returns<Api[M]>> {
    cancel();
    const controller = new AbortController();
    current = controller;
    const outer = options.signal;
    if (outer) {
      if (outer.aborted) controller.abort(outer.reason);
      else outer.addEventListener('abort', () => controller.abort(outer.reason), { once: true });
    }
    const done = () => {
      if (current === controller) current = null;
    };
    const p = pool.run(method, args, { onProgress: options.onProgress, signal: controller.signal });
    p.then(done, done);
    return p;
  }
  return { run, cancel };
}
