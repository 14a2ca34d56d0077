// The URL hash holds what is on screen, so a link reopens it: for now `#preset=ID`; the
// scenario itself (`#scenario=…`) comes with the editor. Nothing in the hash is ever sent to
// a server.
import { useCallback, useSyncExternalStore } from 'react';

export function readHash(hash: string = location.hash): URLSearchParams {
  return new URLSearchParams(hash.replace(/^#/, ''));
}

function subscribe(listener: () => void) {
  window.addEventListener('hashchange', listener);
  return () => window.removeEventListener('hashchange', listener);
}

/** One key of the hash, and a setter that replaces the history entry (no back-button spam). */
export function useHashParam(key: string): [string | null, (value: string) => void] {
  const value = useSyncExternalStore(
    subscribe,
    () => readHash().get(key),
    () => null,
  );
  const set = useCallback(
    (v: string) => {
      const params = readHash();
      params.set(key, v);
      history.replaceState(null, '', `#${params.toString()}`);
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    },
    [key],
  );
  return [value, set];
}
