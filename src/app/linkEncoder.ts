// The link to a state, packed where it costs the page least: a small one at once (a preset, a
// scenario of a few groups: well under a millisecond), a large one (a 10,000-group draft) in the
// link worker (workers/link.worker.ts), so the page's only part is the JSON text. The answer for
// an edit that a newer one has replaced is dropped (the latest edit wins); a worker that cannot
// be made or fails leaves the packing to the page, so a link is always written.
import { encodeLink, linkJson, type LinkState } from './link';
import { linkFromJson } from './linkCodec';

/** Link documents of at least this many characters of JSON are packed in the worker. */
export const LINK_WORKER_CHARS = 64 * 1024;

let worker: Worker | null | undefined;
let nextId = 0;
const waiting = new Map<number, (hash: string | null) => void>();

function linkWorker(): Worker | null {
  if (worker !== undefined) return worker;
  try {
    worker = new Worker(new URL('../../workers/link.worker.ts', import.meta.url), { type: 'module', name: 'holdout-link' });
  } catch {
    return (worker = null);
  }
  worker.addEventListener('message', (e: MessageEvent<{ id: number; hash: string }>) => {
    const done = waiting.get(e.data.id);
    waiting.delete(e.data.id);
    done?.(e.data.hash);
  });
  const fail = () => {
    // Every job waiting is packed here; the next asks for a fresh worker.
    worker?.terminate();
    worker = undefined;
    const all = [...waiting.values()];
    waiting.clear();
    for (const done of all) done(null);
  };
  worker.addEventListener('error', fail);
  worker.addEventListener('messageerror', fail);
  return worker;
}

/** Whether the link to `state` is a large one (packed in the worker). */
export function isLargeLink(state: LinkState): boolean {
  const json = linkJson(state);
  return json !== null && json.length >= LINK_WORKER_CHARS;
}

/**
 * Pack the link to `state` and call `done` with it: at once for a small link, else when the
 * worker answers. Returns a cancel function: after it, `done` is never called.
 */
export function encodeLinkSoon(state: LinkState, done: (hash: string) => void): () => void {
  const json = linkJson(state);
  const w = json !== null && json.length >= LINK_WORKER_CHARS && typeof Worker !== 'undefined' ? linkWorker() : null;
  if (json === null || w === null) {
    done(json === null ? encodeLink(state) : linkFromJson(json));
    return () => {};
  }
  let live = true;
  const id = ++nextId;
  waiting.set(id, (hash) => {
    if (live) done(hash ?? linkFromJson(json));
  });
  w.postMessage({ id, json });
  return () => {
    live = false;
    waiting.delete(id);
  };
}
