// A "worker" that runs the real engine in-process: component tests get real results through
// the real pool without a Worker or comlink.
import * as api from '../../src/engine/api';
import type { WorkerFactory } from '../../src/client/pool';

export const inProcessWorkers: WorkerFactory = () => {
  let terminated = false;
  return {
    async call(method, args, onProgress) {
      await Promise.resolve(); // answer asynchronously, like a worker
      if (terminated) return new Promise<never>(() => {});
      const fn = (api as unknown as Record<string, (...a: unknown[]) => unknown>)[method];
      if (typeof fn !== 'function') throw new Error(`no engine function ${method}`);
      return fn(...args, ...(onProgress ? [onProgress] : []));
    },
    terminate() {
      terminated = true;
    },
  };
};
