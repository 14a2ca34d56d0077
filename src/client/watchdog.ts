// A busy worker, told from a slow one (issue 11, item 5). The engine worker acknowledges every
// call the moment it receives it (workers/alive.ts), before computing anything. A long
// computation is therefore never mistaken for a hang, and a call queued behind another at the
// same worker (the pool's jobs sent ahead, src/client/pool.ts) is timed only from when the
// worker answered every call it had taken: a worker takes its next message only when it is free.
// A worker stuck in an endless loop (or still not started long after it was made) leaves a call
// unacknowledged, and the watchdog says so.

export interface WatchdogOptions {
  /** A call must be acknowledged within this long after it reached a started, free worker. */
  ackMs: number;
  /** ... or within this long after it was sent, while the worker has not said it started. */
  startMs: number;
  /** Called once when a call waits too long; the worker is then taken for dead. */
  onStuck: (message: string) => void;
  now?: () => number;
}

export interface Watchdog {
  /** A call was posted to the worker. */
  sent(): void;
  /** The worker acknowledged the oldest call it had not acknowledged. */
  acked(): void;
  /** The worker answered (or failed) a call it had acknowledged. */
  answered(): void;
  /** The worker has started (evaluated its modules and holds its liveness lock). */
  started(): void;
  /** Stop watching (the worker was terminated or is dead). */
  dispose(): void;
}

const TICK_MS = 250;

export function createWatchdog(o: WatchdogOptions): Watchdog {
  const now = o.now ?? (() => performance.now());
  const waiting: number[] = []; // when each unacknowledged call was sent, oldest first
  let running = 0; // calls acknowledged and not answered: the worker is busy with them
  let freeAt = -Infinity; // when the worker last answered its last call in hand
  let startedAt: number | null = null;
  let timer: ReturnType<typeof setInterval> | null = null;
  let done = false;

  const stop = () => {
    if (timer !== null) clearInterval(timer);
    timer = null;
  };
  const check = () => {
    if (done || waiting.length === 0) return stop();
    // Busy with a call it took: the calls behind it wait their turn, as they should.
    if (running > 0) return;
    const oldest = waiting[0];
    const t = now();
    if (startedAt !== null) {
      if (t - Math.max(oldest, startedAt, freeAt) > o.ackMs) {
        done = true;
        stop();
        o.onStuck(
          `The engine worker did not take its job within ${o.ackMs / 1000} s: it is stuck (busy in an endless computation).`,
        );
      }
    } else if (t - oldest > o.startMs) {
      done = true;
      stop();
      o.onStuck(`The engine worker did not start within ${o.startMs / 1000} s.`);
    }
  };
  return {
    sent() {
      if (done) return;
      waiting.push(now());
      timer ??= setInterval(check, TICK_MS);
    },
    acked() {
      waiting.shift();
      running++;
      if (waiting.length === 0) stop();
    },
    answered() {
      if (running === 0) return;
      running--;
      if (running === 0) freeAt = now();
    },
    started() {
      startedAt ??= now();
    },
    dispose() {
      done = true;
      stop();
    },
  };
}
