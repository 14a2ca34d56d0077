// The Sweep and Phase diagram tabs (the analysis panels), loaded when first opened: they are not
// needed to show a first result, so they stay out of the start-up JavaScript.
import { lazy, Suspense } from 'react';
import type { Scenario } from '../engine/scenario/schema';
import type { PhaseView, SweepView } from './link';

const SweepPanel = lazy(() =>
  import('../components/analysis').then((m) => ({ default: m.SweepPanel })),
);
const PhasePanel = lazy(() =>
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
  return (
    <Suspense fallback={<p className="card" aria-busy="true">Loading the analysis tools…</p>}>
      {which === 'sweep' ? (
        <SweepPanel scenario={scenario} pinned={pinned} initial={sweep} onView={onSweep} />
      ) : (
        <PhasePanel scenario={scenario} initial={phase} onView={onPhase} />
      )}
    </Suspense>
  );
}
