// Everything the Result tab draws for one scenario, solved in ONE worker job (the engine's
// resultScreen): the result, the kinds of defendant (why panel, Schelling view), and, when the
// result omits its per-defendant rows, the ladder's bins or the lottery's threshold counts. The
// bundle on screen is always complete and belongs to one scenario; while a newer scenario
// computes, the previous bundle stays (the tab dims it) and `busy` is true. `version` counts the bundles drawn.
import { useMemo, useState } from 'react';
import { useEngineResultScreen, type EngineState } from '../../client';
import type { KindInfo, LadderBin, Result, ThresholdCounts } from '../../engine';
import type { Scenario } from '../../engine';
import { useLeverMoving } from './QuickLevers';
import { MAX_RANKS } from '../../charts/ladder/data';

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

/** The ladder's bins asked of the engine: as many as the chart draws ranks before it bins them. */
const LADDER_BINS = MAX_RANKS;

export function useResultBundle(scenario: Scenario | null): BundleState {
  // One worker job per scenario (the engine's resultScreen), none for a scenario answered before;
  // while a slider moves, jobs are coalesced and an answer the input has moved past is `interim`.
  // While a quick lever moves, a small scenario is answered on the main thread, in the input's
  // frame (src/client/inline.ts).
  const moving = useLeverMoving();
  const { state, screen, seq, interim } = useEngineResultScreen(scenario, LADDER_BINS, { moving });

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
  const meanwhile = useMemo<ResultBundle | null>(
    () =>
      interim
        ? {
            scenario: interim.scenario as Scenario,
            result: interim.screen.result,
            kinds: interim.screen.kinds,
            bins: interim.screen.bins,
            thresholds: interim.screen.thresholds,
          }
        : null,
    [interim],
  );

  const [drawn, setDrawn] = useState<{ bundle: ResultBundle | null; version: number; seq: number }>({
    bundle: null,
    version: 0,
    seq: 0,
  });
  // Adopted while rendering (React's "adjusting state when a prop changes"), not in an effect:
  // an effect would commit the whole page once more with the old bundle before drawing the new.
  // An interim answer is drawn only when its question came after the one drawn (never an older
  // scenario over a newer one).
  if (ready && drawn.bundle !== ready) setDrawn({ bundle: ready, version: drawn.version + 1, seq });
  else if (!ready && meanwhile && interim && interim.seq > drawn.seq)
    setDrawn({ bundle: meanwhile, version: drawn.version + 1, seq: interim.seq });

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
