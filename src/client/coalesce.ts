// One job at a time, latest wins: the Result tab's worker job while a quick lever is dragged.
// A new question while a job runs does not abort it (that would terminate its worker, and a
// fresh worker costs far more than the job): it waits, and a newer question replaces the one
// waiting, so at most one job runs and one waits however fast the input comes. Every answer is
// reported with the number of its question (`seq`, given by the caller, increasing); an answer to a question that is no longer
// the latest is still reported (the screen may show it while the latest computes) but marked
// stale, and an answer that arrives after `cancel()` is dropped. Pure: no React, no workers.

export type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown };

export interface CoalescerOptions<A, T> {
  /** Starts the job for `args`; `signal` aborts it (the pool then terminates its worker). */
  run: (args: A, signal: AbortSignal, onProgress: (progress: unknown) => void) => Promise<T>;
  /** The job for `args` (asked as number `seq`) settled; `latest`: no newer question was asked since. */
  onSettled: (args: A, seq: number, outcome: Settled<T>, latest: boolean) => void;
  /** A progress report of the running job. */
  onProgress?: (args: A, seq: number, progress: unknown) => void;
}

export interface Coalescer<A> {
  /** Ask about `args` as question number `seq` (greater than every number before). */
  submit(args: A, seq: number): void;
  /** Question `seq` is answered elsewhere (a cache): forget the waiting one. */
  supersede(seq: number): void;
  /** Abort the running job and forget the waiting one; nothing asked so far is reported. */
  cancel(): void;
  /** What runs and what waits (tests). */
  stats(): { running: number; waiting: number };
}

export function createCoalescer<A, T>(o: CoalescerOptions<A, T>): Coalescer<A> {
  let seq = -Infinity;
  let running: { args: A; seq: number; controller: AbortController } | null = null;
  let waiting: { args: A; seq: number } | null = null;

  const start = (args: A, n: number) => {
    const controller = new AbortController();
    const job = { args, seq: n, controller };
    running = job;
    const finish = (outcome: Settled<T>) => {
      if (running !== job) return; // cancelled: dropped
      running = null;
      o.onSettled(args, n, outcome, n === seq);
      const next = waiting;
      waiting = null;
      if (next && running === null) start(next.args, next.seq);
    };
    let p: Promise<T>;
    try {
      p = o.run(args, controller.signal, (progress) => {
        if (running === job) o.onProgress?.(args, n, progress);
      });
    } catch (error) {
      p = Promise.reject(error);
    }
    p.then(
      (value) => finish({ ok: true, value }),
      (error: unknown) => finish({ ok: false, error }),
    );
  };

  return {
    submit(args, n) {
      seq = n;
      if (running) waiting = { args, seq: n };
      else start(args, n);
    },
    supersede(n) {
      seq = n;
      waiting = null;
    },
    cancel() {
      waiting = null;
      const job = running;
      running = null;
      job?.controller.abort();
    },
    stats: () => ({ running: running ? 1 : 0, waiting: waiting ? 1 : 0 }),
  };
}
