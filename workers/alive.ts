// Liveness without timeouts: the worker holds a Web Lock named after itself for as long as it
// lives. The main thread queues for the same lock (src/client/engineWorker.ts) and is granted
// it only when this worker is gone: closed without a word, crashed, or out of memory. A worker
// busy for minutes still holds its lock, so long work is never mistaken for death.
export const ALIVE_MESSAGE = 'holdout-engine-alive';

const scope = self as unknown as {
  name?: string;
  navigator?: { locks?: LockManager };
  postMessage(message: unknown): void;
};

const locks = scope.navigator?.locks;
if (locks && scope.name) {
  void locks.request(scope.name, () => {
    scope.postMessage({ [ALIVE_MESSAGE]: true });
    return new Promise<never>(() => {}); // held until the worker ends
  });
}
