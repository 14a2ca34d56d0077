// The Sweep and Phase diagram tabs (the analysis panels), loaded when first opened: they are not
// needed to show a first result, so they stay out of the start-up JavaScript. A chunk that fails
// to load (offline before the app was cached, a new deployment) says so and offers Retry.
import { Suspense } from 'react';
import type { Scenario } from '../engine';
import type { PhaseView, SweepView } from './link';
import { ErrorBoundary, retryableLazy } from './ErrorBoundary';

const Sweep = retryableLazy('The sweep tools', () =>
  import('../components/analysis').then((m) => ({ default: m.SweepPanel })),
);
const Phase = retryableLazy('The phase-diagram tools', () =>
  import('../components/analysis').then((m) => ({ default: m.PhasePanel })),
);

export function AnalysisPanel({
  which,
  scenario,
  pinned,
  sweep,
  phase,
  onSweep,
  onPhase,
}: {
  which: 'sweep' | 'phase';
  scenario: Scenario | null;
  pinned: Scenario | null;
  sweep?: SweepView;
  phase?: PhaseView;
  onSweep?: (v: SweepView) => void;
  onPhase?: (v: PhaseView) => void;
}) {
  if (!scenario) return <p className="card">Fix the scenario to run an analysis.</p>;
  const lazyPanel = which === 'sweep' ? Sweep : Phase;
  return (
    <ErrorBoundary
      name={which === 'sweep' ? 'the Sweep tab' : 'the Phase diagram tab'}
      onReset={lazyPanel.reset}
    >
      <Suspense
        fallback={
          <p className="card" aria-busy="true">
            Loading the analysis tools…
          </p>
        }
      >
        {which === 'sweep' ? (
          <Sweep.Component scenario={scenario} pinned={pinned} initial={sweep} onView={onSweep} />
        ) : (
          <Phase.Component scenario={scenario} initial={phase} onView={onPhase} />
        )}
      </Suspense>
    </ErrorBoundary>
  );
}
