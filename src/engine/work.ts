// Hooks for one long computation (issue 11: "any computation that can take more than a second
// shows progress with Cancel"): the optimal ranking's knapsack and forcedSpend's table at the
// limits take seconds in a single run. Both take these hooks as an optional last parameter and
// call them between steps; nothing else about them changes. Pure: no clock — progress is the
// share of the steps done, reported at most about 100 times.

export interface WorkHooks {
  /** The share of the computation done, from 0 to 1, non-decreasing. */
  onProgress?: (fraction: number) => void;
  /** Asked between steps: true stops the computation with a {@link WorkStopped} error. */
  shouldStop?: () => boolean;
}

/** Thrown by a computation whose `shouldStop` said so. */
export class WorkStopped extends Error {
  constructor() {
    super('The computation was stopped.');
    this.name = 'WorkStopped';
  }
}

/**
 * A meter over `total` steps of roughly equal cost, reporting into [from, to] of the whole:
 * call it with the number of steps done. Returns a no-op without hooks.
 */
export function workMeter(
  hooks: WorkHooks | undefined,
  total: number,
  from = 0,
  to = 1,
): (done: number) => void {
  if (!hooks || (!hooks.onProgress && !hooks.shouldStop) || !(total > 0)) return () => {};
  const every = Math.max(1, Math.floor(total / 100));
  let next = every;
  return (done) => {
    if (done < next && done < total) return;
    next = done + every;
    if (hooks.shouldStop?.()) throw new WorkStopped();
    hooks.onProgress?.(from + (to - from) * Math.min(1, done / total));
  };
}
