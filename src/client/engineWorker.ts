// The real worker behind the pool: a module Web Worker running workers/engine.worker.ts,
// spoken to with comlink. The only place on the main thread that touches comlink.
import { proxy, wrap } from 'comlink';
import { WorkerCrashedError, type ProgressFn, type WorkerHandle } from './pool';

type Callable = (...args: unknown[]) => Promise<unknown>;

export function createEngineWorker(): WorkerHandle {
  const worker = new Worker(new URL('../../workers/engine.worker.ts', import.meta.url), {
    type: 'module',
    name: 'holdout-engine',
  });
  const remote = wrap<Record<string, Callable>>(worker);
  const pending = new Set<(e: Error) => void>();
  let dead: Error | null = null;

  // An uncaught error in the worker (a module that fails to load, running out of memory):
  // comlink would wait forever, so fail every call in flight instead.
  const crash = (message: string) => {
    dead = new WorkerCrashedError(message);
    for (const reject of pending) reject(dead);
    pending.clear();
  };
  worker.addEventListener('error', (ev: ErrorEvent) => {
    ev.preventDefault();
    crash(`The engine worker failed: ${ev.message || 'unknown error'}`);
  });
  worker.addEventListener('messageerror', () =>
    crash('The engine worker sent a message that could not be read.'),
  );

  return {
    call(method: string, args: readonly unknown[], onProgress?: ProgressFn) {
      if (dead) return Promise.reject(dead);
      return new Promise((resolve, reject) => {
        pending.add(reject);
        const extra = onProgress ? [proxy(onProgress)] : [];
        const fn = remote[method] as Callable;
        fn(...args, ...extra)
          .then(resolve, reject)
          .finally(() => pending.delete(reject));
      });
    },
    terminate() {
      pending.clear();
      worker.terminate();
    },
  };
}
