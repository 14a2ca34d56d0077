// Liveness without timeouts: the worker holds a Web Lock named after itself for as long as it
// lives. The main thread queues for the same lock (src/client/engineWorker.ts) and is granted
// it only when this worker is gone: closed without a word, crashed, or out of memory. A worker
// busy for minutes still holds its lock, so long work is never mistaken for death.
// It also acknowledges every call the moment it arrives, before comlink runs it (this listener is
// registered first: engine.worker.ts imports this module before comlink), so the main thread
// can tell a worker stuck in an endless loop, which never acknowledges, from one computing a
// long job (src/client/watchdog.ts).
export const ALIVE_MESSAGE = 'holdout-engine-alive';
export const ACK_MESSAGE = 'holdout-engine-ack';

const scope = self as unknown as {
  name?: string;
  navigator?: { locks?: LockManager };
  postMessage(message: unknown): void;
};

(self as unknown as EventTarget).addEventListener('message', (ev) => {
  const data = (ev as MessageEvent).data as { type?: unknown } | null;
  // comlink's call message (MessageType.APPLY).
  if (data && typeof data === 'object' && data.type === 'APPLY')
    scope.postMessage({ [ACK_MESSAGE]: true });
});

const locks = scope.navigator?.locks;
if (locks && scope.name) {
  void locks.request(scope.name, () => {
    scope.postMessage({ [ALIVE_MESSAGE]: true });
    return new Promise<never>(() => {}); // held until the worker ends
  });
} else {
  scope.postMessage({ [ALIVE_MESSAGE]: true }); // started, with no lock to watch
}
