// Everything the Result tab draws for one scenario, solved in workers: the result, the kinds of
// defendant (why panel, Schelling view), and, when the result omits its per-defendant rows,
// the ladder's bins or the lottery's threshold counts. The bundle on screen is always complete
// and belongs to one scenario; while a newer scenario computes, the previous bundle stays
// (the tab dims it) and `busy` is true. `version` counts the bundles drawn.
import { useMemo, useState } from 'react';
import { useEngineJob, useEngineResult, type EngineState } from '../../client';
import type { KindInfo, LadderBin, Result } from '../../engine';
import type { Scenario } from '../../engine';

export interface ThresholdCounts {
  k: number;
  counts: { threshold: number | null; count: number }[];
}

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
  const state = useEngineResult(scenario);
  const result = state.status === 'done' ? state.result : null;

  const kindsArgs = useMemo(() => (scenario ? ([scenario] as [unknown]) : null), [scenario]);
  const kindsJob = useEngineJob('kinds', kindsArgs);

  const needBins =
    result !== null &&
    !result.defendants &&
    (result.regime === 'priority' || result.regime === 'forcedSpend');
  const binsArgs = useMemo(
    () => (needBins && scenario ? ([scenario, LADDER_BINS] as [unknown, number]) : null),
    [needBins, scenario],
  );
  const binsJob = useEngineJob('ladder', binsArgs);

  const needThresholds =
    result !== null && result.lottery !== undefined && !result.lottery.thresholds;
  const thrArgs = useMemo(
    () => (needThresholds && scenario ? ([scenario] as [unknown]) : null),
    [needThresholds, scenario],
  );
  const thrJob = useEngineJob('thresholdCounts', thrArgs);

  // Depend on stable values only (a running or idle job state is a new object each render).
  const kindsRunning = kindsJob.status === 'running';
  const kindsValue = kindsJob.status === 'done' && kindsJob.value.ok ? kindsJob.value.value : null;
  const binsRunning = binsJob.status === 'running';
  const binsValue = binsJob.status === 'done' && binsJob.value.ok ? binsJob.value.value : null;
  const thrRunning = thrJob.status === 'running';
  const thrValue = thrJob.status === 'done' && thrJob.value.ok ? thrJob.value.value : null;

  const ready = useMemo<ResultBundle | null>(() => {
    if (!scenario || !result) return null;
    // Kinds are a convenience (the why panel): a failure there must not hide the result.
    if (kindsRunning) return null;
    if (needBins && binsRunning) return null;
    if (needThresholds && thrRunning) return null;
    return {
      scenario,
      result,
      kinds: kindsValue,
      bins: needBins ? binsValue : null,
      thresholds: needThresholds ? thrValue : null,
    };
  }, [
    scenario,
    result,
    kindsRunning,
    kindsValue,
    needBins,
    binsRunning,
    binsValue,
    needThresholds,
    thrRunning,
    thrValue,
  ]);

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
