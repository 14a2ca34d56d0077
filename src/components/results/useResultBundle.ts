// Everything the Result tab draws for one scenario, solved in ONE worker job (the engine's
// resultScreen): the result, the kinds of defendant (why panel, Schelling view), and, when the
// result omits its per-defendant rows, the ladder's bins or the lottery's threshold counts. The
// bundle on screen is always complete and belongs to one scenario; while a newer scenario
// computes, the previous bundle stays (the tab dims it) and `busy` is true. `version` counts the bundles drawn.
import { useMemo, useState } from 'react';
import { useEngineResultScreen, type EngineState } from '../../client';
import type { KindInfo, LadderBin, Result, ThresholdCounts } from '../../engine';
import type { Scenario } from '../../engine';

export type { ThresholdCounts } from '../../engine';

export interface ResultBundle {
  scenario: Scenario;
  result: Result;
  kinds: KindInfo[] | null;
  bins: LadderBin[] | null;
  thresholds: ThresholdCounts | null;
}

export type BundleStatus = 'idle' | 'computing' | 'done' | 'invalid' | 'failed';

export interface BundleState {
  /** The bundle on screen (possibly of an older scenario while `busy`). */
  shown: ResultBundle | null;
  /** Whether `shown` is not (yet) the current scenario's. */
  busy: boolean;
  status: BundleStatus;
  /** The solve state of the current scenario (errors, failure message). */
  state: EngineState;
  version: number;
}

const LADDER_BINS = 400;

export function useResultBundle(scenario: Scenario | null): BundleState {
  // One worker job per scenario (the engine's resultScreen), none for a scenario answered before.
  const { state, screen } = useEngineResultScreen(scenario, LADDER_BINS);

  const ready = useMemo<ResultBundle | null>(
    () =>
      scenario && screen
        ? {
            scenario,
            result: screen.result,
            kinds: screen.kinds,
            bins: screen.bins,
            thresholds: screen.thresholds,
          }
        : null,
    [scenario, screen],
  );

  const [drawn, setDrawn] = useState<{ bundle: ResultBundle | null; version: number }>({
    bundle: null,
    version: 0,
  });
  // Adopted while rendering (React's "adjusting state when a prop changes"), not in an effect:
  // an effect would commit the whole page once more with the old bundle before drawing the new.
  if (ready && drawn.bundle !== ready) setDrawn({ bundle: ready, version: drawn.version + 1 });

  const current = drawn.bundle !== null && drawn.bundle === ready;
  let status: BundleStatus;
  if (state.status === 'invalid' || state.status === 'failed' || state.status === 'idle')
    status = state.status;
  else status = current ? 'done' : 'computing';
  return {
    shown: drawn.bundle,
    busy: status === 'computing',
    status,
    state,
    version: drawn.version,
  };
}
