// The guided tour in presenter mode: the whole screen, one step at a time, the live chart beside
// the text (never under it, never covered), sized for the back of a room. Keys: ← → (or Page
// Up / Page Down) step, Home / End, Space plays and pauses the animation, F toggles full screen,
// Escape closes. The step is in the address (#tour=N), so a link opens any step. The tour never
// touches the class's scenario: it computes its own; "Open this in the workbench" is the one way
// it replaces the workbench's scenario, through the workbench's replaceScenario (which asks
// first when the scenario was edited).
import { useCallback, useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useEngineJob } from '../client';
import type { Result } from '../engine';
import type { Scenario, ScenarioInput } from '../engine';
import { presetHash, scenarioHash } from '../app/scenarioHash';
import { STEPS, resolveScenario, type FigureKey, type TabName, type TourStep } from './steps';
import { givenPhrases, stepFigures } from './figures';
import { Glossary, Term } from './glossary';
import type { PlayerHandle } from './player';
import { DocketView, LadderPlayerView, PayoffView, SummaryView, SweepView, ThresholdView, useStepSweeps } from './views';

export interface TourProps {
  open: boolean;
  /** 0-based step (the App keeps it in the address). */
  step: number;
  onStep(i: number): void;
  onClose(): void;
  /** Replace the workbench's scenario with this one and show this tab. */
  onOpenInWorkbench(doc: ScenarioInput, tab: TabName): void;
  steps?: readonly TourStep[];
}

/** The address that opens a step's scenario in the workbench. */
export function workbenchHash(step: TourStep): string {
  const ref = step.scenario;
  return ref.set || ref.title ? scenarioHash(resolveScenario(ref)) : presetHash(ref.preset);
}

const FIGURE_TERMS: Partial<Record<FigureKey, string>> = {
  take: 'take',
  noPleaTake: 'no-plea take',
  stopRank: 'stop rank',
  budget: 'budget',
};

function useBoxHeight<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  const [h, setH] = useState(480);
  useEffect(() => {
    const el = ref.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver((entries) => {
      const v = Math.floor(entries[0]?.contentRect.height ?? 0);
      if (v > 0) setH((prev) => (Math.abs(prev - v) < 4 ? prev : v));
    });
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  return [ref, h] as const;
}

const isTyping = (el: EventTarget | null) =>
  el instanceof HTMLElement &&
  (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT' || el.isContentEditable);

/** Inside a chart, the arrows move between its marks. */
const inChart = (el: EventTarget | null) => el instanceof Element && el.closest('.hc-figure') !== null;

export function Tour({ open, step, onStep, onClose, onOpenInWorkbench, steps = STEPS }: TourProps) {
  const uid = useId();
  const rootRef = useRef<HTMLDivElement>(null);
  const playerRef = useRef<PlayerHandle>(null);
  const [glossary, setGlossary] = useState(false);
  const count = steps.length;
  const at = Math.max(0, Math.min(count - 1, step));
  const s = steps[at];

  // Opening moves focus into the tour (so its keys work); closing returns it to the opener.
  useEffect(() => {
    if (!open) return;
    const opener = document.activeElement as HTMLElement | null;
    rootRef.current?.focus();
    return () => {
      if (document.fullscreenElement) void document.exitFullscreen().catch(() => {});
      if (opener && opener.isConnected && opener !== document.body) opener.focus();
    };
  }, [open]);

  const go = useCallback((i: number) => onStep(Math.max(0, Math.min(count - 1, i))), [onStep, count]);
  // A step past the last (#tour=99 in a link) shows the last one: say so in the address too.
  useEffect(() => {
    if (open && at !== step) onStep(at);
  }, [open, at, step, onStep]);

  const toggleFullscreen = useCallback(() => {
    const el = rootRef.current;
    if (!el || typeof el.requestFullscreen !== 'function') return;
    if (document.fullscreenElement) void document.exitFullscreen().catch(() => {});
    else void el.requestFullscreen().catch(() => {});
  }, []);

  if (!open || !s) return null;

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    const typing = isTyping(e.target);
    const chart = inChart(e.target);
    switch (e.key) {
      case 'ArrowRight':
      case 'PageDown':
        if (typing || chart) return;
        e.preventDefault();
        go(at + 1);
        break;
      case 'ArrowLeft':
      case 'PageUp':
        if (typing || chart) return;
        e.preventDefault();
        go(at - 1);
        break;
      case 'Home':
      case 'End':
        if (typing || chart) return;
        e.preventDefault();
        go(e.key === 'Home' ? 0 : count - 1);
        break;
      case ' ':
        if (typing || (e.target instanceof Element && e.target.closest('summary'))) return;
        e.preventDefault();
        playerRef.current?.toggle();
        break;
      case 'f':
      case 'F':
        if (typing) return;
        e.preventDefault();
        toggleFullscreen();
        break;
      case 'Escape':
        if (document.fullscreenElement) return; // the browser leaves full screen first
        e.preventDefault();
        onClose();
        break;
    }
  };

  return (
    <div
      ref={rootRef}
      className="tour-presenter"
      role="dialog"
      aria-modal="true"
      aria-labelledby={`${uid}-h`}
      aria-describedby={`${uid}-keys`}
      tabIndex={-1}
      onKeyDown={onKeyDown}
      data-step={s.id}
      data-index={at}
    >
      <div className="tour-bar">
        <div className="tour-bar-title">
          <p className="tour-kicker">
            Guided tour · <span className="tour-count">Step {at + 1} of {count}</span>
          </p>
          <h2 id={`${uid}-h`} className="tour-title" aria-live="polite">
            {s.title}
          </h2>
        </div>
        <div className="tour-bar-actions">
          <button type="button" className="button" aria-expanded={glossary} onClick={() => setGlossary((g) => !g)}>
            Glossary
          </button>
          <button type="button" className="button" onClick={() => window.print()}>
            Print teacher’s pages
          </button>
          <button type="button" className="button" onClick={toggleFullscreen} aria-keyshortcuts="F">
            Full screen
          </button>
          <button type="button" className="button" onClick={onClose} aria-keyshortcuts="Escape">
            Close tour
          </button>
        </div>
        <div
          className="tour-progress"
          role="progressbar"
          aria-label="Tour progress"
          aria-valuemin={1}
          aria-valuemax={count}
          aria-valuenow={at + 1}
          aria-valuetext={`Step ${at + 1} of ${count}`}
        >
          <span style={{ width: `${((at + 1) / count) * 100}%` }} />
        </div>
      </div>
      <StepScreen key={s.id} step={s} playerRef={playerRef} onOpenInWorkbench={onOpenInWorkbench} glossary={glossary} />
      <nav className="tour-nav" aria-label="Tour steps">
        <button type="button" className="tour-back" onClick={() => go(at - 1)} disabled={at === 0} aria-keyshortcuts="ArrowLeft">
          ← Back
        </button>
        <ol className="tour-dots">
          {steps.map((x, i) => (
            <li key={x.id}>
              <a
                href={`#tour=${i + 1}`}
                className={`tour-dot${i < at ? ' is-done' : ''}`}
                aria-label={`Step ${i + 1}: ${x.title}`}
                aria-current={i === at ? 'step' : undefined}
                onClick={(e) => {
                  e.preventDefault();
                  go(i);
                }}
              />
            </li>
          ))}
        </ol>
        {at === count - 1 ? (
          <button type="button" className="tour-next" onClick={onClose}>
            Finish
          </button>
        ) : (
          <button type="button" className="tour-next" onClick={() => go(at + 1)} aria-keyshortcuts="ArrowRight">
            Next →
          </button>
        )}
        <p id={`${uid}-keys`} className="tour-keys">
          Keys: ← → step · Space play / pause · F full screen · Esc close
        </p>
      </nav>
      <TeacherPages steps={steps} />
    </div>
  );
}

function StepScreen({
  step,
  playerRef,
  onOpenInWorkbench,
  glossary,
}: {
  step: TourStep;
  playerRef: React.RefObject<PlayerHandle | null>;
  onOpenInWorkbench: (doc: ScenarioInput, tab: TabName) => void;
  glossary: boolean;
}) {
  const doc = useMemo(() => resolveScenario(step.scenario), [step]);
  const args = useMemo(() => [doc, { rows: 'auto' }] as [unknown, { rows: 'auto' }], [doc]);
  const solved = useEngineJob('solve', step.view.kind === 'summary' ? null : args);
  const result: Result | null = solved.status === 'done' && solved.value.ok ? solved.value.value : null;
  const validateArgs = useMemo(() => [doc] as [unknown], [doc]);
  const validated = useEngineJob('validate', validateArgs);
  const scenario: Scenario | null = validated.status === 'done' && validated.value.ok ? validated.value.value : null;
  const spec = step.view.kind === 'sweep' ? step.view.sweep : null;
  const sweeps = useStepSweeps(spec, doc);
  const figures = stepFigures(step, { scenario, result, sweepA: sweeps.a, sweepB: sweeps.b });
  const [stageRef, stageH] = useBoxHeight<HTMLDivElement>();
  const ready =
    step.view.kind === 'summary' ||
    (result !== null && scenario !== null && (!spec || (sweeps.a !== null && (!spec.compare || sweeps.b !== null))));

  const view = (() => {
    const common = { doc, scenario, result, height: stageH, playerRef };
    switch (step.view.kind) {
      case 'ladder':
        return <LadderPlayerView {...common} start={step.view.start} />;
      case 'thresholds':
        return <ThresholdView {...common} />;
      case 'docket':
        return <DocketView {...common} />;
      case 'payoff':
        return <PayoffView {...common} />;
      case 'sweep':
        return <SweepView spec={step.view.sweep} a={sweeps.a} b={sweeps.b} height={stageH} />;
      case 'summary':
        return <SummaryView />;
    }
  })();

  return (
    <div className="tour-grid" data-ready={ready ? 'true' : 'false'}>
      <section className="tour-stage" ref={stageRef} aria-label="Chart">
        {view}
      </section>
      <section className="tour-notes" aria-label="What this step says">
        <p className="tour-text">{step.body}</p>
        {scenario && step.view.kind !== 'summary' ? (
          <p className="tour-given">
            <span className="tour-label">Given</span> {givenPhrases(scenario).join(' · ')}
          </p>
        ) : null}
        {figures.length ? (
          <dl className="tour-figures" aria-busy={!ready}>
            {figures.map((f) => (
              <div key={f.key} className="tour-figure" data-figure={f.key}>
                <dt>{FIGURE_TERMS[f.key] ? <Term term={FIGURE_TERMS[f.key]!}>{f.label}</Term> : f.label}</dt>
                <dd>
                  <span className="tour-figure-value">{f.value}</span>
                  {f.unit ? <span className="tour-figure-unit"> {f.unit}</span> : null}
                </dd>
              </div>
            ))}
          </dl>
        ) : null}
        <div className="tour-question">
          <p className="tour-label">Question for the class</p>
          <p>{step.question}</p>
        </div>
        <p className="tour-assumes">
          <span className="tour-label">What the model assumes</span> {step.assumes}
        </p>
        {step.view.kind !== 'summary' ? (
          <p className="tour-open">
            <a
              className="button primary"
              href={workbenchHash(step)}
              onClick={(e) => {
                e.preventDefault();
                onOpenInWorkbench(doc, step.tab);
              }}
            >
              Open this in the workbench
            </a>
          </p>
        ) : null}
        {glossary ? (
          <section className="tour-glossary" aria-label="Glossary">
            <h3>Glossary</h3>
            <Glossary />
          </section>
        ) : null}
      </section>
    </div>
  );
}

/** One printable page per step: the text, the question, exercises, and the link to its scenario. */
function TeacherPages({ steps }: { steps: readonly TourStep[] }) {
  const base = typeof location !== 'undefined' ? `${location.origin}${location.pathname}` : '';
  return (
    <div className="tour-print" aria-hidden="true">
      {steps.map((s, i) => (
        <article key={s.id} className="tour-print-page">
          <p className="tour-print-kicker">
            Holdout guided tour · step {i + 1} of {steps.length}
          </p>
          <h1>{s.title}</h1>
          <p>{s.body}</p>
          <h2>Discussion question</h2>
          <p>{s.question}</p>
          <h2>Exercises</h2>
          <ol>
            {s.exercises.map((x) => (
              <li key={x}>{x}</li>
            ))}
          </ol>
          <h2>What the model assumes</h2>
          <p>{s.assumes}</p>
          {s.view.kind !== 'summary' ? (
            <p className="tour-print-link">
              Open its scenario: <span>{`${base}${workbenchHash(s)}`}</span>
            </p>
          ) : null}
          <p className="tour-print-link">
            This step in the tour: <span>{`${base}#tour=${i + 1}`}</span>
          </p>
        </article>
      ))}
    </div>
  );
}
