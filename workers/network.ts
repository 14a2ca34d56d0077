// Take every network capability away from a worker's global scope. The engine needs none, and an
// organizer's scenarios are sensitive: even a compromised dependency inside the engine worker
// finds no fetch, XMLHttpRequest, WebSocket, EventSource, importScripts, WebTransport, nested
// workers, Cache API or sendBeacon. Each name is deleted from the scope and its prototypes, then
// pinned (not writable, not configurable) to a function that throws, so it cannot come back.

/** The globals removed. */
export const NETWORK_GLOBALS = [
  'fetch',
  'XMLHttpRequest',
  'WebSocket',
  'WebSocketStream',
  'EventSource',
  'importScripts',
  'WebTransport',
  'Worker',
  'SharedWorker',
  'caches',
] as const;

export class NoNetworkError extends TypeError {
  constructor(name: string) {
    super(`${name} is disabled: the Holdout engine worker has no network access.`);
    this.name = 'NoNetworkError';
  }
}

function blocked(name: string): () => never {
  return function () {
    throw new NoNetworkError(name);
  };
}

/** Remove the network from `scope` (a worker's `self`). Returns the names it found. */
export function removeNetwork(scope: object): string[] {
  const found: string[] = [];
  for (const name of NETWORK_GLOBALS) {
    let present = false;
    for (let o: object | null = scope; o !== null; o = Object.getPrototypeOf(o) as object | null) {
      if (Object.prototype.hasOwnProperty.call(o, name)) {
        present = true;
        try {
          delete (o as Record<string, unknown>)[name];
        } catch {
          // not configurable: pinned below on the scope itself, which shadows it
        }
      }
    }
    if (present) found.push(name);
    try {
      Object.defineProperty(scope, name, {
        value: blocked(name),
        writable: false,
        configurable: false,
        enumerable: false,
      });
    } catch {
      // a scope that refuses new properties keeps nothing anyway once deleted
    }
  }
  const nav = (scope as { navigator?: object }).navigator;
  if (nav) {
    for (let o: object | null = nav; o !== null; o = Object.getPrototypeOf(o) as object | null) {
      if (Object.prototype.hasOwnProperty.call(o, 'sendBeacon')) {
        found.push('navigator.sendBeacon');
        try {
          delete (o as Record<string, unknown>).sendBeacon;
        } catch {
          // shadowed below
        }
      }
    }
    try {
      Object.defineProperty(nav, 'sendBeacon', {
        value: blocked('navigator.sendBeacon'),
        writable: false,
        configurable: false,
      });
    } catch {
      // a frozen navigator: nothing to pin
    }
  }
  return found;
}
