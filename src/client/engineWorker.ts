// The real worker behind the pool: a module Web Worker running workers/engine.worker.ts,
// spoken to with comlink. The only place on the main thread that touches comlink.
//
// It tells the pool when the worker dies, busy or idle: an uncaught error (a chunk that fails
// to load, running out of memory), a message that cannot be read, or the worker ending without
// a word (self.close(), a crash), which its liveness lock reveals (workers/alive.ts), and a worker
// stuck in an endless loop, which never acknowledges its next call (src/client/watchdog.ts): no
// timeout on the work itself, so a long computation is never taken for a dead worker.
import { proxy, transfer, wrap } from 'comlink';
import { WorkerCrashedError, type ProgressFn, type WorkerHandle } from './pool';
import { createWatchdog } from './watchdog';
import { unpackAnswerSliced } from './rowCodec';
import { createScenarioSender } from './argCodec';

type Callable = (...args: unknown[]) => Promise<unknown>;

/** What workers/alive.ts posts once it holds its lock (kept in step with that file). */
const ALIVE_MESSAGE = 'holdout-engine-alive';
/** What workers/alive.ts posts when a call arrives, before running it. */
const ACK_MESSAGE = 'holdout-engine-ack';

/** How long a started, idle worker may take to acknowledge a call before it is taken for stuck. */
export const ACK_TIMEOUT_MS = 5_000;
/** How long a new worker may take to start (load and evaluate the engine) with a call waiting. */
export const START_TIMEOUT_MS = 30_000;

let spawned = 0;

/**
 * A file's bytes go to readScenarioFile transferred, not copied (the page keeps no use for them;
 * a retry after a crash finds them gone and fails, and the opener reads the file again).
 */
function sent(method: string, args: readonly unknown[], scenarios: ReturnType<typeof createScenarioSender>): unknown[] {
  const b = args[0];
  if (method === 'readScenarioFile' && b instanceof Uint8Array && b.byteOffset === 0 && b.byteLength === b.buffer.byteLength && b.buffer instanceof ArrayBuffer)
    return [transfer(b, [b.buffer]), ...args.slice(1)];
  // A large scenario goes as a patch against the last one this worker was sent (src/client/argCodec.ts).
  return scenarios.pack(args);
}

export function createEngineWorker(): WorkerHandle {
  // A name unique in this page (and across tabs: the time origin differs): the lock's name.
  const name = `holdout-engine-${performance.timeOrigin.toFixed(3)}-${++spawned}`;
  const worker = new Worker(new URL('../../workers/engine.worker.ts', import.meta.url), {
    type: 'module',
    name,
  });
  // comlink posts through this endpoint: it counts the calls that reached the worker (a call
  // whose arguments cannot be cloned throws here and never does), and starts the watchdog's
  // clock for each.
  let posted = 0;
  const endpoint = {
    postMessage(message: unknown, transfer: Transferable[] = []) {
      worker.postMessage(message, transfer);
      if ((message as { type?: unknown } | null)?.type === 'APPLY') {
        posted++;
        watchdog.sent();
      }
    },
    addEventListener: worker.addEventListener.bind(worker),
    removeEventListener: worker.removeEventListener.bind(worker),
  };
  const remote = wrap<Record<string, Callable>>(endpoint);
  const scenarios = createScenarioSender();
  const pending = new Set<(e: Error) => void>();
  const listeners: ((e: WorkerCrashedError) => void)[] = [];
  let dead: WorkerCrashedError | null = null;
  let terminated = false;

  // Fail every call in flight (comlink would wait for ever) and tell the pool.
  const crash = (message: string) => {
    if (dead || terminated) return;
    watchdog.dispose();
    dead = new WorkerCrashedError(message);
    for (const reject of pending) reject(dead);
    pending.clear();
    for (const l of listeners) l(dead);
  };
  worker.addEventListener('error', (ev: ErrorEvent) => {
    ev.preventDefault();
    crash(`The engine worker failed: ${ev.message || 'unknown error'}`);
  });
  worker.addEventListener('messageerror', () =>
    crash('The engine worker sent a message that could not be read.'),
  );
  const watchdog = createWatchdog({
    ackMs: ACK_TIMEOUT_MS,
    startMs: START_TIMEOUT_MS,
    onStuck: (message) => crash(message),
  });
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  const onMessage = (ev: MessageEvent) => {
    const data = ev.data as Record<string, unknown> | null;
    if (!data || typeof data !== 'object') return;
    if (data[ACK_MESSAGE] === true) watchdog.acked();
    else if (data[ALIVE_MESSAGE] === true) {
      watchdog.started();
      // The worker holds the lock now: ours is granted when it is gone.
      void locks?.request(name, () => {
        crash('The engine worker stopped without a word.');
      });
    }
  };
  worker.addEventListener('message', onMessage);

  return {
    call(method: string, args: readonly unknown[], onProgress?: ProgressFn) {
      if (dead) return Promise.reject(dead);
      return new Promise((resolve, reject) => {
        const extra = onProgress ? [proxy(onProgress)] : [];
        const fn = remote[method] as Callable;
        const before = posted;
        let reply: Promise<unknown>;
        try {
          reply = fn(...sent(method, args, scenarios), ...extra);
        } catch (e) {
          reply = Promise.reject(e);
        }
        const reached = posted > before;
        // A call that did not reach the worker (a value that cannot be cloned): the next large
        // scenario goes whole, never as a patch on a base the worker does not hold. Known at
        // once, before the pool sends this worker another call (it may queue one behind this).
        if (!reached) scenarios.reset();
        pending.add(reject);
        reply
          .finally(() => {
            if (reached && !dead && !terminated) watchdog.answered();
          })
          .then(
            (v) =>
              method === 'solve' || method === 'resultScreen'
                ? unpackAnswerSliced(method, v).then(resolve, reject)
                : resolve(v),
            (e: unknown) => {
              // As above, and for a call the worker failed: start the next large scenario whole.
              scenarios.reset();
              reject(e);
            },
          )
          .finally(() => pending.delete(reject));
      });
    },
    terminate() {
      terminated = true; // its lock, released now, is no news
      watchdog.dispose();
      pending.clear();
      worker.terminate();
    },
    onCrash(listener) {
      listeners.push(listener);
    },
  };
}
