// The Sweep and Phase diagram tabs (the analysis panels), loaded when first opened: they are not
// needed to show a first result, so they stay out of the start-up JavaScript. A chunk that fails
// to load (offline before the app was cached, a new deployment) says so and offers Retry.
import { Suspense, useEffect } from 'react';
import { defendantCount, type Scenario } from '../engine';
import { useEnginePool, type EnginePool } from '../client';
import type { PhaseView, SweepView } from './link';
import { ErrorBoundary, retryableLazy } from './ErrorBoundary';

const Sweep = retryableLazy('The sweep tools', () =>
  import('../components/analysis').then((m) => ({ default: m.SweepPanel })),
);
const Phase = retryableLazy('The phase-diagram tools', () =>
  import('../components/analysis').then((m) => ({ default: m.PhasePanel })),
);

/** Defendants × runs above which the warm-up is skipped (a cell would no longer be small). */
const WARM_LIMIT = 1_000_000;

/**
 * Warm the pool's workers when the tab opens, before the first diagram or sweep (V8 compiles the
 * engine's paths on a few cells of the scenario itself, on the phase diagram's default axes,
 * instead of on the user's first grid): 4 small jobs of 3 cells on each worker, dropped by
 * the first real job (pool.warm). Nothing is shown; answers are ignored.
 */
function warmUp(pool: EnginePool, scenario: Scenario) {
  const s = scenario as unknown as {
    runs?: number;
    prosecutor?: { budget?: number; regime?: string };
    docket?: { capacity?: number };
  };
  if (defendantCount(scenario.groups) * Math.max(1, s.runs ?? 1) > WARM_LIMIT) return;
  const docket = s.prosecutor?.regime === 'docket';
  const yField = docket ? 'docket.capacity' : 'prosecutor.budget';
  const y0 = Math.max(1, Math.round((docket ? s.docket?.capacity : s.prosecutor?.budget) ?? 1));
  const ys = [0, Math.round(y0 / 2), y0, 2 * y0];
  const jobs = ys.map((y) => {
    const cells: [number, number][] = [0.1, 0.5, 0.9].map((x) => [x, y]);
    return [scenario, 'groups[*].pledgedShareOfRest', yField, cells, 'takeRatio', null] as const;
  });
  pool.warm('phaseCells', jobs as never);
}

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
  const pool = useEnginePool();
  const valid = scenario !== null;
  useEffect(() => {
    // Once per opening of the tab, with the scenario as it is then.
    if (scenario) warmUp(pool, scenario);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- on opening only
  }, [pool, valid]);
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
