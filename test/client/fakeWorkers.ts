// Fake workers for the pool tests: every call waits until the test answers it.
import {
  WorkerCrashedError,
  type ProgressFn,
  type WorkerFactory,
  type WorkerHandle,
} from '../../src/client/pool';

export interface FakeCall {
  worker: FakeWorker;
  method: string;
  args: readonly unknown[];
  onProgress?: ProgressFn;
  resolve(value: unknown): void;
  reject(reason: unknown): void;
}

export interface FakeWorker extends WorkerHandle {
  id: number;
  terminated: boolean;
  calls: FakeCall[];
  /** The pool's crash listeners (onCrash). */
  crashListeners: ((e: WorkerCrashedError) => void)[];
  /** Die on its own, as a real worker does: calls in flight reject, the pool is told. */
  die(message: string): void;
}

export function fakeWorkers() {
  const workers: FakeWorker[] = [];
  const calls: FakeCall[] = [];
  const factory: WorkerFactory = () => {
    const worker: FakeWorker = {
      id: workers.length,
      terminated: false,
      calls: [],
      call(method, args, onProgress) {
        if (worker.terminated) throw new Error('call on a terminated fake worker');
        return new Promise((resolve, reject) => {
          const c: FakeCall = { worker, method, args, onProgress, resolve, reject };
          worker.calls.push(c);
          calls.push(c);
        });
      },
      terminate() {
        worker.terminated = true;
      },
      crashListeners: [],
      onCrash(listener) {
        worker.crashListeners.push(listener);
      },
      die(message) {
        const error = new WorkerCrashedError(message);
        for (const c of worker.calls) c.reject(error);
        for (const l of worker.crashListeners) l(error);
      },
    };
    workers.push(worker);
    return worker;
  };
  return { factory, workers, calls, alive: () => workers.filter((w) => !w.terminated) };
}

/** Let pending promise callbacks run. */
export const flush = () => new Promise<void>((r) => setTimeout(r, 0));
