// Light and dark: the system's choice (prefers-color-scheme) unless the person picked one,
// which is remembered in localStorage and set as <html data-theme="light|dark">.
import { useCallback, useSyncExternalStore } from 'react';

export type Theme = 'light' | 'dark';
const KEY = 'holdout.theme';
const DARK_QUERY = '(prefers-color-scheme: dark)';

function stored(): Theme | null {
  try {
    const v = localStorage.getItem(KEY);
    return v === 'light' || v === 'dark' ? v : null;
  } catch {
    return null; // storage may be blocked; the system's choice still works
  }
}

function systemTheme(): Theme {
  return typeof matchMedia === 'function' && matchMedia(DARK_QUERY).matches ? 'dark' : 'light';
}

/** Apply the remembered choice before the first render (no flash of the wrong theme). */
export function applyStoredTheme(): void {
  const t = stored();
  if (t) document.documentElement.dataset.theme = t;
  else delete document.documentElement.dataset.theme;
}

const listeners = new Set<() => void>();
const notify = () => listeners.forEach((l) => l());

function subscribe(listener: () => void) {
  listeners.add(listener);
  const mq = typeof matchMedia === 'function' ? matchMedia(DARK_QUERY) : null;
  mq?.addEventListener('change', listener);
  return () => {
    listeners.delete(listener);
    mq?.removeEventListener('change', listener);
  };
}

const effective = (): Theme => stored() ?? systemTheme();

/** The theme in effect and a toggle that pins the other one. */
export function useTheme(): [Theme, () => void] {
  const theme = useSyncExternalStore(subscribe, effective, () => 'light' as Theme);
  const toggle = useCallback(() => {
    const next: Theme = effective() === 'dark' ? 'light' : 'dark';
    try {
      localStorage.setItem(KEY, next);
    } catch {
      // not remembered, but applied for this page
    }
    document.documentElement.dataset.theme = next;
    notify();
  }, []);
  return [theme, toggle];
}
