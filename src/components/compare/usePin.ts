// The pinned scenario A of "Compare A/B", remembered for this tab (sessionStorage): a reload
// keeps the comparison, a new tab starts without one.
import { useCallback, useState } from 'react';
import type { Scenario } from '../../engine';
import { parseScenario } from '../../engine';

const KEY = 'holdout.pinnedA';

function load(): Scenario | null {
  try {
    const raw = sessionStorage.getItem(KEY);
    if (!raw) return null;
    const r = parseScenario(JSON.parse(raw));
    return r.ok ? r.scenario : null;
  } catch {
    return null;
  }
}

export function usePin(): [Scenario | null, (s: Scenario) => void, () => void] {
  const [pinned, setPinned] = useState<Scenario | null>(load);
  const pin = useCallback((s: Scenario) => {
    setPinned(s);
    try {
      sessionStorage.setItem(KEY, JSON.stringify(s));
    } catch {
      // not remembered, but pinned for this page
    }
  }, []);
  const unpin = useCallback(() => {
    setPinned(null);
    try {
      sessionStorage.removeItem(KEY);
    } catch {
      // nothing to forget
    }
  }, []);
  return [pinned, pin, unpin];
}
