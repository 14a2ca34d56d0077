// The Sweep and Phase diagram tabs (the analysis panels).
import { PhasePanel, SweepPanel } from '../components/analysis';
import type { Scenario } from '../engine/scenario/schema';

export function AnalysisPanel({
  which,
  scenario,
  pinned,
}: {
  which: 'sweep' | 'phase';
  scenario: Scenario | null;
  pinned: Scenario | null;
}) {
  if (!scenario) return <p className="card">Fix the scenario to run an analysis.</p>;
  return which === 'sweep' ? (
    <SweepPanel scenario={scenario} pinned={pinned} />
  ) : (
    <PhasePanel scenario={scenario} />
  );
}
