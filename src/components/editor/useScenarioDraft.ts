// The editor edits a DRAFT (possibly invalid); the charts and the engine read the LAST VALID
// scenario. An invalid edit never destroys the last valid scenario. The draft is checked by the
// engine's incremental checker (the same answer as parseScenario, without re-validating the
// groups an edit left alone: a 10,000-group draft), one for the page.
import { useCallback, useState } from 'react';
import { createDraftChecker, type ValidationMessage } from '../../engine';
import type { Scenario, ScenarioInput } from '../../engine';

export interface ScenarioDraft {
  /** What the user is editing, as typed (may be invalid). */
  draft: ScenarioInput;
  /** Replace the draft (or update it from the previous one); validates it at once. */
  setDraft: (next: ScenarioInput | ((prev: ScenarioInput) => ScenarioInput)) => void;
  /** The last valid scenario (defaults applied); null only if no draft was ever valid. */
  valid: Scenario | null;
  /** The draft's validation messages (empty when it is valid). */
  errors: ValidationMessage[];
  /** Whether the draft itself is valid (then `valid` is the draft, with defaults). */
  isValid: boolean;
}

interface State {
  draft: ScenarioInput;
  valid: Scenario | null;
  errors: ValidationMessage[];
}

const checker = createDraftChecker();

/**
 * Tell the draft check that `doc`'s scenario is `scenario` (checked elsewhere: the engine
 * worker's parse of an opened file), so loading it as the draft does not parse its groups again.
 */
export function primeDraftCheck(doc: ScenarioInput, scenario: Scenario): void {
  checker.prime(doc, scenario);
}

function check(draft: ScenarioInput, previous: Scenario | null): State {
  const r = checker.check(draft);
  return r.ok
    ? { draft, valid: r.scenario, errors: [] }
    : { draft, valid: previous, errors: r.errors };
}

export function useScenarioDraft(initial: ScenarioInput): ScenarioDraft {
  const [state, setState] = useState<State>(() => check(initial, null));
  const setDraft = useCallback(
    (next: ScenarioInput | ((prev: ScenarioInput) => ScenarioInput)) =>
      setState((prev) => {
        const draft = typeof next === 'function' ? next(prev.draft) : next;
        return draft === prev.draft ? prev : check(draft, prev.valid);
      }),
    [],
  );
  return {
    draft: state.draft,
    setDraft,
    valid: state.valid,
    errors: state.errors,
    isValid: state.errors.length === 0,
  };
}
