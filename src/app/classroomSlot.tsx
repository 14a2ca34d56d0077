// The classroom pieces the header opens: the presets gallery and the guided tour (presenter
// mode). The tour's step lives in the address (#tour=N, beside the scenario), so a link opens it.
// Both are loaded when first opened (issue 12: they are not part of the first screen); a chunk
// that fails to load says so where the piece would open, and Retry loads it again.
import { Suspense, useCallback, useEffect, useState } from 'react';
import type { ScenarioInput } from '../engine';
import { PRESETS } from '../presets';
import type { TabName } from '../walkthrough/steps';
import type { Workbench } from './useWorkbench';
import { ErrorBoundary, retryableLazy } from './ErrorBoundary';

const Gallery = retryableLazy('The presets gallery', () =>
  import('../components/gallery').then((m) => ({ default: m.PresetGallery })),
);
const Tour = retryableLazy('The guided tour', () =>
  import('../walkthrough').then((m) => ({ default: m.Tour })),
);

export type ClassroomOpen = 'gallery' | 'tour' | null;

const TAB_KEYS: Record<TabName, string> = {
  Result: 'result',
  Sweep: 'sweep',
  'Phase diagram': 'phase',
  Regimes: 'regimes',
  'Compare A/B': 'compare',
};

/**
 * The tour step the address names (#tour=N, 1-based), as a 0-based index; null for none. A step
 * past the last is brought back to the last by the tour itself (it knows its steps).
 */
export function tourStepFromHash(hash: string): number | null {
  const raw = new URLSearchParams(hash.replace(/^#/, '')).get('tour');
  if (raw === null) return null;
  const n = Number(raw);
  if (!Number.isInteger(n)) return 0;
  return Math.max(0, n - 1);
}

/** The address with the tour's step set (or removed), the rest kept. */
export function withTourStep(hash: string, step: number | null): string {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  params.delete('tour');
  const rest = params.toString();
  const tour = step === null ? '' : `tour=${step + 1}`;
  const joined = [rest, tour].filter(Boolean).join('&');
  return joined ? `#${joined}` : location.pathname + location.search;
}

/** The tour's step, kept in the address; null while the tour is closed. */
export function useTourStep(): [number | null, (step: number | null) => void] {
  const [step, setStep] = useState<number | null>(() => tourStepFromHash(location.hash));
  const set = useCallback((next: number | null) => {
    setStep(next);
    const target = withTourStep(location.hash, next);
    const now = location.hash || location.pathname + location.search;
    if (target !== now) history.replaceState(null, '', target);
  }, []);
  // A link pasted into the address bar (#tour=N) opens that step.
  useEffect(() => {
    const onHash = () => {
      const t = tourStepFromHash(location.hash);
      if (t !== null) setStep(t);
    };
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  return [step, set];
}

export function ClassroomSlot({
  open,
  onClose,
  wb,
  onTab,
  tourStep,
  setTourStep,
}: {
  open: ClassroomOpen;
  onClose: () => void;
  wb: Workbench;
  onTab: (tab: string) => void;
  tourStep: number | null;
  setTourStep: (step: number | null) => void;
}) {
  const openInWorkbench = (doc: ScenarioInput, tab: TabName) => {
    const preset = PRESETS.find((p) => p.scenario === doc);
    if (!wb.replaceScenario(doc, preset?.id ?? null)) return;
    onTab(TAB_KEYS[tab]);
    setTourStep(null);
  };
  const loading = (
    <p className="card" role="status" aria-busy="true">
      Loading…
    </p>
  );
  return (
    <>
      {open === 'gallery' ? (
        <ErrorBoundary name="the presets gallery" onReset={Gallery.reset}>
          <Suspense fallback={loading}>
            <Gallery.Component
              open
              currentId={wb.edited ? null : wb.presetId}
              onChoose={(p) => {
                wb.choosePreset(p.id);
                onClose();
              }}
              onClose={onClose}
            />
          </Suspense>
        </ErrorBoundary>
      ) : null}
      {tourStep !== null ? (
        <ErrorBoundary
          name="the guided tour"
          onReset={Tour.reset}
          actions={
            <button type="button" className="button" onClick={() => setTourStep(null)}>
              Close
            </button>
          }
        >
          <Suspense fallback={loading}>
            <Tour.Component
              open
              step={tourStep}
              onStep={setTourStep}
              onClose={() => setTourStep(null)}
              onOpenInWorkbench={openInWorkbench}
            />
          </Suspense>
        </ErrorBoundary>
      ) : null}
    </>
  );
}
