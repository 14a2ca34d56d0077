// Fake workers for the pool tests: every call waits until the test answers it.
import type { ProgressFn, WorkerFactory, WorkerHandle } from '../../src/client/pool';

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
    };
    workers.push(worker);
    return worker;
  };
  return { factory, workers, calls, alive: () => workers.filter((w) => !w.terminated) };
}

/** Let pending promise callbacks run. */
export const flush = () => new Promise<void>((r) => setTimeout(r, 0));
