// Projector mode: everything, charts included, drawn larger for a classroom. Remembered in
// localStorage and set as <html data-size="large">: the page goes to one column with type that
// grows with the screen (styles.css), the charts draw their type larger (ChartFrame) and the
// result's charts take most of the window's height (useChartHeight).
import { useCallback, useSyncExternalStore } from 'react';

const KEY = 'holdout.textSize';

function storedLarge(): boolean {
  try {
    return localStorage.getItem(KEY) === 'large';
  } catch {
    return false;
  }
}

/** Apply the remembered choice before the first render. */
export function applyStoredTextSize(): void {
  if (storedLarge()) document.documentElement.dataset.size = 'large';
  else delete document.documentElement.dataset.size;
}

const listeners = new Set<() => void>();
function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function useLargeText(): [boolean, () => void] {
  const large = useSyncExternalStore(subscribe, storedLarge, () => false);
  const toggle = useCallback(() => {
    const next = !storedLarge();
    try {
      if (next) localStorage.setItem(KEY, 'large');
      else localStorage.removeItem(KEY);
    } catch {
      // not remembered, but applied for this page
    }
    if (next) document.documentElement.dataset.size = 'large';
    else delete document.documentElement.dataset.size;
    listeners.forEach((l) => l());
  }, []);
  return [large, toggle];
}

/** A chart's height: its usual height, or in projector mode most of the window's. */
export function useChartHeight(base: number): number {
  const [large] = useLargeText();
  if (!large || typeof window === 'undefined') return base;
  return Math.max(base, Math.round(window.innerHeight * 0.72));
}
