// The workbench: a header (presets, guided tour, theme), the scenario editor on the left (the
// draft and the last valid scenario), and tabs on the right: the result, lever sweeps, the phase
// diagram, the regimes compared, and Compare A/B. Everything is solved in Web Workers.
import { memo, Suspense, useCallback, useEffect, useId, useMemo, useRef, useState, type ReactNode } from 'react';
import { parseScenario } from '../engine';
import { DEFAULT_VIEW, readLink, type PhaseView, type SweepView, type TabKey, type ViewState } from './link';
import { CopyLink } from './CopyLink';
import { openLibrary, type Library } from '../library/store';
import { openScenarioFile, type Opened } from './openFile';
import type { ValidationMessage } from '../engine';
import { PRESETS } from '../presets';
import { ScenarioEditorPanel } from '../components/editor';

// The editor re-renders when the draft changes, not when a worker answers (solve, kinds, status
// quo: three more renders of the page per slider move; issue 12, slider to chart).
const EditorPanel = memo(ScenarioEditorPanel);
import { usePin } from '../components/compare/usePin';
import { ErrorPanel, ResultTab, leverMotion, useLeverMoving, useResultBundle, type ResultView } from '../components/results';
import { AnalysisPanel } from './analysisSlot';
import { ErrorBoundary, retryableLazy } from './ErrorBoundary';
import { OfflineStatus } from './offline';
import { DEFAULT_PRESET } from './presetChoice';
import { ClassroomSlot, useTourStep, type ClassroomOpen } from './classroomSlot';
import { Glossary } from '../walkthrough/glossary';

// The page's static parts do not re-render with each step of a quick lever (issue 12).
const StaticGlossary = memo(Glossary);
import { useTheme } from './theme';
import { useLargeText } from './textSize';
import { Tabs, panelId, tabId, type TabDef } from './Tabs';
import { Kept } from './KeptPanel';
import { useWorkbench, type LinkProblem, type Workbench } from './useWorkbench';

// The header's dialogs are loaded when first opened (issue 12: not part of the first screen).
const CiteDialog = retryableLazy('The citation dialog', () =>
  import('../cite/CiteDialog').then((m) => ({ default: m.CiteDialog })),
);
const LibraryDialog = retryableLazy('The library', () =>
  import('../library/LibraryDialog').then((m) => ({ default: m.LibraryDialog })),
);

// The Regimes and Compare A/B tabs too, when first opened (as the Sweep and Phase diagram tabs).
const RegimesTab = retryableLazy('The Regimes tab', () =>
  import('../components/results/RegimesTab').then((m) => ({ default: m.RegimesTab })),
);
const ComparePanel = retryableLazy('The Compare A/B tab', () =>
  import('../components/compare/ComparePanel').then((m) => ({ default: m.ComparePanel })),
);

/**
 * A lazily loaded dialog: nothing until it first opens, then kept (a native dialog closes
 * itself, so focus goes back to its opener). A chunk that fails to load says so, with Retry.
 */
function LazyDialog({
  open,
  name,
  reset,
  children,
}: {
  open: boolean;
  name: string;
  reset: () => void;
  children: ReactNode;
}) {
  const [opened, setOpened] = useState(open);
  if (open && !opened) setOpened(true);
  if (!opened) return null;
  return (
    <ErrorBoundary name={name} onReset={reset}>
      <Suspense fallback={null}>{children}</Suspense>
    </ErrorBoundary>
  );
}

function openingView(): ViewState {
  const r = readLink(location.hash);
  return r.kind === 'preset' || r.kind === 'scenario' ? r.view : DEFAULT_VIEW;
}

export function App() {
  const [initialView] = useState(openingView);
  const [pinned, pin, unpin] = usePin();
  const [tab, setTab] = useState<TabKey>(initialView.tab);
  const [sweepView, setSweepView] = useState<SweepView | undefined>(initialView.sweep);
  const [phaseView, setPhaseView] = useState<PhaseView | undefined>(initialView.phase);
  // The Result tab's view: the distribution's total and the defendant explained.
  const [resultView, setResultView] = useState<ResultView>({ outcome: initialView.outcome, defendant: initialView.defendant });
  // A view applied from a link (back, forward) remounts the panels on its settings.
  const [viewSeq, setViewSeq] = useState(0);
  const applyView = useCallback(
    (v: ViewState) => {
      setTab(v.tab);
      setSweepView(v.sweep);
      setPhaseView(v.phase);
      setResultView({ outcome: v.outcome, defendant: v.defendant });
      const a = v.pinned ? parseScenario(v.pinned) : null;
      if (a?.ok) pin(a.scenario);
      else unpin();
      setViewSeq((n) => n + 1);
    },
    [pin, unpin],
  );
  // The pinned A of the opening link.
  useEffect(() => {
    const a = initialView.pinned ? parseScenario(initialView.pinned) : null;
    if (a?.ok) pin(a.scenario);
  }, [initialView, pin]);
  const view = useMemo<ViewState>(
    () => ({ tab, sweep: sweepView, phase: phaseView, pinned, ...resultView }),
    [tab, sweepView, phaseView, pinned, resultView],
  );
  const wb = useWorkbench(view, applyView);
  const bundle = useResultBundle(wb.valid);
  const [open, setOpen] = useState<ClassroomOpen>(null);
  const [citeOpen, setCiteOpen] = useState(false);
  const [libraryOpen, setLibraryOpen] = useState(false);
  const [library] = useState<Promise<Library>>(() => {
    const p = openLibrary();
    p.catch(() => {}); // reported where it is used
    return p;
  });
  const [storageProblem, setStorageProblem] = useState<string | null>(null);
  const [restored, setRestored] = useState<string | null>(null);
  const [fileProblem, setFileProblem] = useState<{ name: string; errors: ValidationMessage[] } | null>(null);
  const [dragging, setDragging] = useState(false);

  // Restore the autosaved draft when the page opens without a link (autosave waits for it).
  const { replaceDraft } = wb;
  // (Read before the first render: the workbench names the default preset in the hash at once.)
  const [noLink] = useState(() => readLink(location.hash).kind === 'none');
  const [restoreDone, setRestoreDone] = useState(!noLink);
  useEffect(() => {
    if (!noLink) return;
    let live = true;
    void library
      .then((lib) => lib.loadDraft())
      .then((d) => {
        if (!live || !d) return;
        replaceDraft(d.draft, 'your autosaved draft', d.presetId);
        setRestored(new Date(d.saved).toLocaleString());
      })
      .catch((e: unknown) => live && setStorageProblem(e instanceof Error ? e.message : String(e)))
      .finally(() => live && setRestoreDone(true));
    return () => {
      live = false;
    };
  }, [library, replaceDraft, noLink]);

  // Autosave the draft (debounced), reporting a storage failure once.
  const { draft, presetId } = wb;
  useEffect(() => {
    if (!restoreDone) return;
    const t = setTimeout(() => {
      void library
        .then((lib) => lib.saveDraft({ draft, presetId, saved: new Date().toISOString() }))
        .then(() => setStorageProblem(null))
        .catch((e: unknown) => setStorageProblem(e instanceof Error ? e.message : String(e)));
    }, 400);
    return () => clearTimeout(t);
  }, [library, draft, presetId, restoreDone]);

  const opened = useCallback(
    (f: Opened) => {
      if (f.ok) {
        setFileProblem(null);
        replaceDraft(f.doc, `the file “${f.name}”`, null);
      } else setFileProblem({ name: f.name, errors: f.errors });
    },
    [replaceDraft],
  );

  // Drag and drop a scenario file anywhere on the page.
  useEffect(() => {
    const over = (e: DragEvent) => {
      if (!e.dataTransfer?.types.includes('Files')) return;
      e.preventDefault();
      setDragging(true);
    };
    const leave = (e: DragEvent) => {
      if (e.relatedTarget === null) setDragging(false);
    };
    const drop = (e: DragEvent) => {
      const file = e.dataTransfer?.files?.[0];
      if (!file) return;
      e.preventDefault();
      setDragging(false);
      void openScenarioFile(file).then(opened);
    };
    window.addEventListener('dragover', over);
    window.addEventListener('dragleave', leave);
    window.addEventListener('drop', drop);
    return () => {
      window.removeEventListener('dragover', over);
      window.removeEventListener('dragleave', leave);
      window.removeEventListener('drop', drop);
    };
  }, [opened]);
  const [tourStep, setTourStep] = useTourStep();
  const mainRef = useRef<HTMLElement>(null);
  const uid = useId().replace(/:/g, '');

  const pinCurrent = useCallback(() => {
    if (wb.valid) pin(wb.valid);
  }, [wb.valid, pin]);

  const openClassroom = useCallback(
    (o: ClassroomOpen) => (o === 'tour' ? setTourStep(tourStep ?? 0) : setOpen(o)),
    [setTourStep, tourStep],
  );
  const openCite = useCallback(() => setCiteOpen(true), []);
  const openLibraryDialog = useCallback(() => setLibraryOpen(true), []);
  const openFile = useCallback((file: File) => void openScenarioFile(file).then(opened), [opened]);

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
      <Header onOpen={openClassroom} onCite={openCite} onLibrary={openLibraryDialog} onFile={openFile} />
      <LazyDialog open={libraryOpen} name="the library" reset={LibraryDialog.reset}>
        <LibraryDialog.Component
          open={libraryOpen}
          onClose={() => setLibraryOpen(false)}
          library={library}
          draft={wb.draft}
          onOpenEntry={(e) => {
            replaceDraft(e.scenario, `“${e.name}” from the library`, null);
            setLibraryOpen(false);
          }}
        />
      </LazyDialog>
      {dragging ? (
        <div className="drop-overlay" aria-hidden="true">
          Drop a scenario file to open it
        </div>
      ) : null}
      <LazyDialog open={citeOpen} name="the citation dialog" reset={CiteDialog.reset}>
        <CiteDialog.Component open={citeOpen} onClose={() => setCiteOpen(false)} scenario={wb.valid} />
      </LazyDialog>
      <div className="workbench">
        <aside className="sidebar" aria-label="Scenario editor">
          {storageProblem ? (
            <div className="storage-problem" role="alert" data-testid="storage-problem">
              <p>{storageProblem}</p>
              <button type="button" className="button" onClick={() => setStorageProblem(null)}>
                Dismiss
              </button>
            </div>
          ) : null}
          {restored ? (
            <p className="restored-notice" role="status" data-testid="restored">
              Restored your autosaved draft (saved {restored}).{' '}
              <button type="button" className="button" onClick={() => setRestored(null)}>
                Dismiss
              </button>
            </p>
          ) : null}
          {fileProblem ? (
            <div className="file-problem" data-testid="file-problem">
              <ErrorPanel
                errors={fileProblem.errors}
                title={`“${fileProblem.name}” was not opened: nothing changed`}
              />
              <button type="button" className="button" onClick={() => setFileProblem(null)}>
                Dismiss
              </button>
            </div>
          ) : null}
          <ErrorBoundary
            name="the scenario editor"
            resetKeys={[wb.draft]}
            actions={
              <button
                type="button"
                className="button"
                onClick={() => wb.choosePreset(DEFAULT_PRESET)}
              >
                Open the default scenario
              </button>
            }
          >
            <ScenarioCard wb={wb} />
          </ErrorBoundary>
        </aside>
        <main id="main" className="main-area" ref={mainRef} tabIndex={-1} aria-label="Results">
          <div className="tabs-row">
            <Tabs tabs={tabs} active={tab} onChange={setTab} label="Views" idPrefix={uid} />
            <div className="tabs-actions">
              <CopyLink link={wb.link} />
              <PinBar
                pinned={pinned}
                canPin={wb.valid !== null}
                onPin={pinCurrent}
                onUnpin={unpin}
                onShow={() => setTab('compare')}
              />
            </div>
          </div>
          {!wb.isValid && wb.valid ? (
            <p className="stale-notice" role="note">
              <span aria-hidden="true">⚠ </span>
              The draft in the editor has {wb.errors.length} problem
              {wb.errors.length === 1 ? '' : 's'}; these views show the last valid scenario.
            </p>
          ) : null}
          {/* The Result tab stays mounted (kept, not re-rendered, while hidden): going back to it
              only shows it. The other tabs mount when chosen. */}
          <div
            role="tabpanel"
            id={panelId(uid, 'result')}
            aria-labelledby={tabId(uid, 'result')}
            className="tabpanel"
            tabIndex={0}
            hidden={tab !== 'result'}
            data-testid="result-panel"
          >
            <ErrorBoundary name="the Result tab" resetKeys={[tab === 'result', wb.valid]}>
              <Kept active={tab === 'result'}>
                <ResultTab
                  key={`result-${viewSeq}`}
                  bundle={bundle}
                  title={title}
                  draft={wb.draft}
                  setDraft={wb.setDraft}
                  initial={resultView}
                  onView={setResultView}
                />
              </Kept>
            </ErrorBoundary>
          </div>
          {tab !== 'result' ? (
            <div
              role="tabpanel"
              id={panelId(uid, tab)}
              aria-labelledby={tabId(uid, tab)}
              className="tabpanel"
              tabIndex={0}
            >
              <ErrorBoundary
                name={`the ${tabs.find((t) => t.id === tab)?.label ?? tab} tab`}
                resetKeys={[tab, wb.valid]}
                onReset={tab === 'regimes' ? RegimesTab.reset : tab === 'compare' ? ComparePanel.reset : undefined}
              >
                {tab === 'sweep' ? (
                  <AnalysisPanel
                    key={`sweep-${viewSeq}`}
                    which="sweep"
                    scenario={wb.valid}
                    pinned={pinned}
                    sweep={sweepView}
                    onSweep={setSweepView}
                  />
                ) : tab === 'phase' ? (
                  <AnalysisPanel
                    key={`phase-${viewSeq}`}
                    which="phase"
                    scenario={wb.valid}
                    pinned={pinned}
                    phase={phaseView}
                    onPhase={setPhaseView}
                  />
                ) : (
                  <Suspense
                    fallback={
                      <p className="card" aria-busy="true">
                        Loading…
                      </p>
                    }
                  >
                    {tab === 'regimes' ? (
                      <RegimesTab.Component scenario={wb.valid} />
                    ) : (
                      <ComparePanel.Component pinned={pinned} current={wb.valid} onPin={pinCurrent} onUnpin={unpin} />
                    )}
                  </Suspense>
                )}
              </ErrorBoundary>
            </div>
          ) : null}
        </main>
      </div>
      <footer className="footer">
        <details className="glossary-details">
          <summary>Glossary: the words the workbench uses</summary>
          <StaticGlossary />
        </details>
        <p>Everything is computed in this browser tab. No scenario or result leaves your computer.</p>
      </footer>
      <ErrorBoundary name="the presets and the guided tour" resetKeys={[open]}>
        <ClassroomSlot
          open={open}
          onClose={() => setOpen(null)}
          wb={wb}
          onTab={(t) => setTab(t as TabKey)}
          tourStep={tourStep}
          setTourStep={setTourStep}
        />
      </ErrorBoundary>
    </div>
  );
}

const Header = memo(function Header({
  onOpen,
  onCite,
  onLibrary,
  onFile,
}: {
  onOpen: (o: ClassroomOpen) => void;
  onCite: () => void;
  onLibrary: () => void;
  onFile: (f: File) => void;
}) {
  const [theme, toggle] = useTheme();
  const [large, toggleLarge] = useLargeText();
  return (
    <header className="header">
      <div>
        <p className="brand">Holdout</p>
        <p className="tagline">The game theory of plea-bargaining strikes</p>
        <OfflineStatus />
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
        <button type="button" className="button" onClick={onLibrary} aria-haspopup="dialog">
          Library
        </button>
        <label className="button open-file">
          Open file…
          <input
            type="file"
            accept=".json,application/json"
            className="visually-hidden"
            data-testid="open-file"
            onChange={(e) => {
              const f = e.currentTarget.files?.[0];
              e.currentTarget.value = '';
              if (f) onFile(f);
            }}
          />
        </label>
        <button type="button" className="button" onClick={onCite} aria-haspopup="dialog">
          Cite
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
});

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
  const { draft, setDraft, errors, isValid, valid } = wb;
  const editorState = useMemo(
    () => ({ draft, setDraft, errors, isValid, valid }),
    [draft, setDraft, errors, isValid, valid],
  );
  // While a quick lever moves, the editor keeps what it showed and catches up once the lever
  // rests (or the editor takes the focus or the pointer): a lever step re-renders the lever, the
  // totals and the chart, not the editor's fields (issue 12, slider to chart).
  const moving = useLeverMoving();
  const [held, setHeld] = useState(editorState);
  if (!moving && held !== editorState) setHeld(editorState);
  const shown = moving ? held : editorState;
  return (
    // Not a landmark of its own (no accessible name): the sidebar around it is the "Scenario
    // editor" landmark, and the editor's own "Scenario" section keeps that name unique.
    <section className="card scenario">
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
      {wb.replaced ? (
        <div className="replaced-notice" role="status" data-testid="replaced">
          <p>Your edited scenario was replaced by {wb.replaced.label}.</p>
          <button type="button" className="button primary" onClick={wb.undoReplace}>
            Undo
          </button>
          <button type="button" className="button" onClick={wb.dismissReplaced}>
            Dismiss
          </button>
        </div>
      ) : null}
      <div style={{ display: 'contents' }} onFocusCapture={leverMotion.settle} onPointerDownCapture={leverMotion.settle}>
        <EditorPanel
          // A new broken link reopens the editor on its text.
          key={wb.editorSeed.key}
          state={shown}
          idPrefix="ed"
          initialText={wb.editorSeed.initialText}
        />
      </div>
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
