// Whether a point of a sweep or phase diagram counts as success (MODEL.md §5: by default the
// strike succeeds when take ≤ noPlea take; a user may choose a share free or a take per
// defendant instead). Small and dependency-free so the main thread can use it too.
import { leqTol } from '../numeric';
import type { OutcomeKey, OutcomeValue, SuccessCriterion } from './types';
import { DEFAULT_CRITERION } from './types';

/** 1 when the point meets the criterion (on the run-0 figures), else 0. */
export function meetsCriterion(
  o: Record<OutcomeKey, OutcomeValue>,
  criterion: SuccessCriterion | null | undefined = DEFAULT_CRITERION,
): number {
  const c = criterion ?? DEFAULT_CRITERION;
  switch (c.kind) {
    case 'takeAtMostNoPlea':
      return o.strikeSucceeds.value ?? 0;
    case 'shareFreeAtLeast':
      return o.shareFree.value !== null && leqTol(c.value, o.shareFree.value) ? 1 : 0;
    case 'takePerDefendantAtMost':
      return o.takePerDefendant.value !== null && leqTol(o.takePerDefendant.value, c.value) ? 1 : 0;
  }
}
