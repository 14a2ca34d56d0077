// The editor as the app shows it: a Form tab and a JSON tab over the same draft, and a notice
// while the draft is invalid (the charts keep showing the last valid scenario).
import { useId, useRef, useState, type KeyboardEvent } from 'react';
import type { ScenarioDraft } from './useScenarioDraft';
import { ScenarioEditor } from './ScenarioEditor';
import { JsonView } from './JsonView';

const TABS = ['Form', 'JSON'] as const;
type Tab = (typeof TABS)[number];

export interface ScenarioEditorPanelProps {
  /** What useScenarioDraft returns. */
  state: Pick<ScenarioDraft, 'draft' | 'setDraft' | 'errors' | 'isValid' | 'valid'>;
  initialTab?: Tab;
  idPrefix?: string;
  /**
   * Text for the JSON tab to open with (a broken link's scenario): the JSON tab opens first,
   * with the text and its messages; the form keeps the last valid scenario until it is fixed.
   */
  initialText?: string;
}

export function ScenarioEditorPanel({
  state,
  initialTab,
  idPrefix,
  initialText,
}: ScenarioEditorPanelProps) {
  const [tab, setTab] = useState<Tab>(initialTab ?? (initialText !== undefined ? 'JSON' : 'Form'));
  const uid = useId();
  const tabRefs = useRef<(HTMLButtonElement | null)[]>([]);
  const onKey = (e: KeyboardEvent) => {
    const i = TABS.indexOf(tab);
    let j = -1;
    if (e.key === 'ArrowRight') j = (i + 1) % TABS.length;
    else if (e.key === 'ArrowLeft') j = (i + TABS.length - 1) % TABS.length;
    else if (e.key === 'Home') j = 0;
    else if (e.key === 'End') j = TABS.length - 1;
    if (j < 0) return;
    e.preventDefault();
    setTab(TABS[j]);
    tabRefs.current[j]?.focus();
  };
  return (
    <div className="hf-editor-panel">
      {!state.isValid && (
        <p className="hf-notice" role="status">
          {state.valid
            ? `The scenario has ${state.errors.length} ${state.errors.length === 1 ? 'problem' : 'problems'}: the charts keep showing the last valid scenario until it is fixed.`
            : `The scenario has ${state.errors.length} ${state.errors.length === 1 ? 'problem' : 'problems'}: fix it to see results.`}
        </p>
      )}
      <div role="tablist" aria-label="Edit the scenario as" className="hf-tabs">
        {TABS.map((t, i) => (
          <button
            key={t}
            ref={(el) => {
              tabRefs.current[i] = el;
            }}
            type="button"
            role="tab"
            id={`${uid}-tab-${t}`}
            aria-selected={tab === t}
            aria-controls={`${uid}-panel-${t}`}
            tabIndex={tab === t ? 0 : -1}
            onClick={() => setTab(t)}
            onKeyDown={onKey}
          >
            {t}
          </button>
        ))}
      </div>
      {TABS.map((t) => (
        // Both panels stay mounted: invalid JSON text survives a trip to the form and back.
        <div
          key={t}
          role="tabpanel"
          id={`${uid}-panel-${t}`}
          aria-labelledby={`${uid}-tab-${t}`}
          className="hf-tabpanel"
          hidden={tab !== t}
        >
          {t === 'Form' ? (
            <ScenarioEditor
              value={state.draft}
              onChange={state.setDraft}
              errors={state.errors}
              idPrefix={idPrefix}
            />
          ) : (
            <JsonView
              value={state.draft}
              onChange={state.setDraft}
              initialText={initialText}
              active={tab === 'JSON'}
            />
          )}
        </div>
      ))}
    </div>
  );
}
