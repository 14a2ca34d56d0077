// The workbench: a header (presets, guided tour, theme), the scenario editor on the left (the
// draft and the last valid scenario), and tabs on the right: the result, lever sweeps, the phase
// diagram, the regimes compared, and Compare A/B. Everything is solved in Web Workers.
import { useCallback, useId, useRef, useState } from 'react';
import { PRESETS } from '../presets';
import { ScenarioEditorPanel } from '../components/editor';
import { ComparePanel, usePin } from '../components/compare';
import { ErrorPanel, RegimesTab, ResultTab, useResultBundle } from '../components/results';
import { AnalysisPanel } from './analysisSlot';
import { ClassroomSlot, useTourStep, type ClassroomOpen } from './classroomSlot';
import { Glossary } from '../walkthrough';
import { useTheme } from './theme';
import { useLargeText } from './textSize';
import { Tabs, panelId, tabId, type TabDef } from './Tabs';
import { useWorkbench, type LinkProblem, type Workbench } from './useWorkbench';

type TabKey = 'result' | 'sweep' | 'phase' | 'regimes' | 'compare';

export function App() {
  const wb = useWorkbench();
  const bundle = useResultBundle(wb.valid);
  const [pinned, pin, unpin] = usePin();
  const [tab, setTab] = useState<TabKey>('result');
  const [open, setOpen] = useState<ClassroomOpen>(null);
  const [tourStep, setTourStep] = useTourStep();
  const mainRef = useRef<HTMLElement>(null);
  const uid = useId().replace(/:/g, '');

  const pinCurrent = useCallback(() => {
    if (wb.valid) pin(wb.valid);
  }, [wb.valid, pin]);

  const tabs: TabDef<TabKey>[] = [
    { id: 'result', label: 'Result' },
    { id: 'sweep', label: 'Sweep' },
    { id: 'phase', label: 'Phase diagram' },
    { id: 'regimes', label: 'Regimes' },
    { id: 'compare', label: pinned ? 'Compare A/B •' : 'Compare A/B' },
  ];
  const title = wb.valid?.title ?? 'Untitled scenario';

  return (
    <div className="shell">
      <a
        href="#main"
        className="skip-link"
        onClick={(e) => {
          // The hash holds the scenario: move focus without touching it.
          e.preventDefault();
          mainRef.current?.focus();
        }}
      >
        Skip to the results
      </a>
      <Header onOpen={(o) => (o === 'tour' ? setTourStep(tourStep ?? 0) : setOpen(o))} />
      <div className="workbench">
        <aside className="sidebar" aria-label="Scenario">
          <ScenarioCard wb={wb} />
        </aside>
        <main id="main" className="main-area" ref={mainRef} tabIndex={-1} aria-label="Results">
          <div className="tabs-row">
            <Tabs tabs={tabs} active={tab} onChange={setTab} label="Views" idPrefix={uid} />
            <PinBar
              pinned={pinned}
              canPin={wb.valid !== null}
              onPin={pinCurrent}
              onUnpin={unpin}
              onShow={() => setTab('compare')}
            />
          </div>
          {!wb.isValid && wb.valid ? (
            <p className="stale-notice" role="note">
              <span aria-hidden="true">⚠ </span>
              The draft in the editor has {wb.errors.length} problem
              {wb.errors.length === 1 ? '' : 's'}; these views show the last valid scenario.
            </p>
          ) : null}
          <div
            role="tabpanel"
            id={panelId(uid, tab)}
            aria-labelledby={tabId(uid, tab)}
            className="tabpanel"
            tabIndex={0}
          >
            {tab === 'result' ? (
              <ResultTab bundle={bundle} title={title} draft={wb.draft} setDraft={wb.setDraft} />
            ) : tab === 'sweep' ? (
              <AnalysisPanel which="sweep" scenario={wb.valid} pinned={pinned} />
            ) : tab === 'phase' ? (
              <AnalysisPanel which="phase" scenario={wb.valid} pinned={pinned} />
            ) : tab === 'regimes' ? (
              <RegimesTab scenario={wb.valid} />
            ) : (
              <ComparePanel pinned={pinned} current={wb.valid} onPin={pinCurrent} onUnpin={unpin} />
            )}
          </div>
        </main>
      </div>
      <footer className="footer">
        <details className="glossary-details">
          <summary>Glossary: the words the workbench uses</summary>
          <Glossary />
        </details>
        <p>Everything is computed in this browser tab. No scenario or result leaves your computer.</p>
      </footer>
      <ClassroomSlot
        open={open}
        onClose={() => setOpen(null)}
        wb={wb}
        onTab={(t) => setTab(t as TabKey)}
        tourStep={tourStep}
        setTourStep={setTourStep}
      />
    </div>
  );
}

function Header({ onOpen }: { onOpen: (o: ClassroomOpen) => void }) {
  const [theme, toggle] = useTheme();
  const [large, toggleLarge] = useLargeText();
  return (
    <header className="header">
      <div>
        <p className="brand">Holdout</p>
        <p className="tagline">The game theory of plea-bargaining strikes</p>
      </div>
      <nav className="header-actions" aria-label="Workbench">
        <button
          type="button"
          className="button"
          onClick={() => onOpen('gallery')}
          aria-haspopup="dialog"
        >
          Presets
        </button>
        <button
          type="button"
          className="button"
          onClick={() => onOpen('tour')}
          aria-haspopup="dialog"
        >
          Guided tour
        </button>
        <button
          type="button"
          className="theme-toggle"
          aria-pressed={large}
          onClick={toggleLarge}
          title="Larger text and charts, for a projector"
        >
          <span aria-hidden="true">⤢</span> Projector
        </button>
        <button
          type="button"
          className="theme-toggle"
          aria-pressed={theme === 'dark'}
          onClick={toggle}
        >
          <span aria-hidden="true">☾</span> Dark theme
        </button>
      </nav>
    </header>
  );
}

function PinBar({
  pinned,
  canPin,
  onPin,
  onUnpin,
  onShow,
}: {
  pinned: { title?: string } | null;
  canPin: boolean;
  onPin: () => void;
  onUnpin: () => void;
  onShow: () => void;
}) {
  if (!pinned) {
    return (
      <div className="pin-bar">
        <button type="button" className="button" onClick={onPin} disabled={!canPin}>
          Pin as A
        </button>
      </div>
    );
  }
  return (
    <div className="pin-bar pinned">
      <button type="button" className="pin-chip" onClick={onShow} title={pinned.title}>
        <span className="ab-badge ab-a">A</span> pinned
      </button>
      <button type="button" className="button" onClick={onUnpin}>
        Unpin
      </button>
    </div>
  );
}

function ScenarioCard({ wb }: { wb: Workbench }) {
  const id = useId();
  const preset = PRESETS.find((p) => p.id === wb.presetId);
  return (
    <section className="card scenario" aria-labelledby={`${id}-h`}>
      <h1 id={`${id}-h`} className="section-title">
        Scenario
      </h1>
      <div className="field">
        <label htmlFor={`${id}-select`}>Preset</label>
        <select
          id={`${id}-select`}
          value={wb.edited || !preset ? '' : preset.id}
          onChange={(e) => {
            if (e.currentTarget.value) wb.choosePreset(e.currentTarget.value);
          }}
          aria-describedby={`${id}-desc`}
        >
          <option value="" disabled>
            {preset ? `Edited: ${preset.title}` : 'Custom scenario (from a link)'}
          </option>
          {PRESETS.map((p) => (
            <option key={p.id} value={p.id}>
              {p.title}
            </option>
          ))}
        </select>
      </div>
      <div id={`${id}-desc`} className="preset-text">
        {preset ? (
          <details className="story">
            <summary>{wb.edited ? 'The preset this started from' : 'About this preset'}</summary>
            <p className="description">{preset.description}</p>
            <p>{preset.story}</p>
            <p className="source">Source: {preset.source}</p>
          </details>
        ) : null}
      </div>
      {wb.linkProblem ? (
        <LinkNotice problem={wb.linkProblem} onDismiss={wb.dismissLinkProblem} />
      ) : null}
      <ScenarioEditorPanel
        // A new broken link reopens the editor on its text.
        key={wb.editorSeed.key}
        state={wb}
        idPrefix="ed"
        initialText={wb.editorSeed.initialText}
      />
    </section>
  );
}

function LinkNotice({ problem, onDismiss }: { problem: LinkProblem; onDismiss: () => void }) {
  const id = useId();
  return (
    <div className="link-problem" data-testid="link-problem">
      <ErrorPanel errors={problem.errors} title="This link does not hold a valid scenario" />
      {problem.editable ? (
        <p>
          The workbench opened the default preset instead. What the link held is in the{' '}
          <strong>JSON</strong> tab below, with what is wrong, so you can fix it; nothing is lost.
        </p>
      ) : (
        <>
          <p>
            The workbench opened the default preset instead
            {problem.errors.some(
              (e) => e.path !== 'link' && e.path !== 'scenario' && e.path !== 'preset',
            )
              ? '; the link’s scenario is in the editor so you can fix it'
              : ''}
            . What the link held is kept here:
          </p>
          <label htmlFor={`${id}-t`} className="visually-hidden">
            What the link held
          </label>
          <textarea id={`${id}-t`} className="link-text" readOnly rows={3} value={problem.text} />
        </>
      )}
      <button type="button" className="button" onClick={onDismiss}>
        Dismiss
      </button>
    </div>
  );
}
