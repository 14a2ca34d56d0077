// The guided tour: a non-modal side panel (role=complementary) that walks a class through the
// story in steps.ts. Entering a step loads its preset and/or tab; the step change is announced
// in a polite live region. Back / Next / Close, progress dots (each a button), Escape closes.
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { STEPS, type TabName, type TourStep } from './steps';

export interface WalkthroughProps {
  open: boolean;
  onClose(): void;
  onLoadPreset(id: string): void;
  onGoToTab?(tab: TabName): void;
  /** The story; the classroom tour by default. */
  steps?: readonly TourStep[];
}

export function Walkthrough({
  open,
  onClose,
  onLoadPreset,
  onGoToTab,
  steps = STEPS,
}: WalkthroughProps) {
  const uid = useId();
  const [index, setIndex] = useState(0);
  const [compact, setCompact] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const panelRef = useRef<HTMLElement>(null);
  const calls = useRef({ onLoadPreset, onGoToTab });
  useEffect(() => {
    calls.current = { onLoadPreset, onGoToTab };
  }, [onLoadPreset, onGoToTab]);

  const count = steps.length;
  const at = Math.min(index, count - 1);
  const step = steps[at];

  // Entering a step (or opening the tour on it) loads its preset, then its tab. Only the step
  // and `open` trigger it, so the parent re-rendering never reloads a preset under the user.
  useEffect(() => {
    if (!open || !step) return;
    if (step.presetId) calls.current.onLoadPreset(step.presetId);
    if (step.tab) calls.current.onGoToTab?.(step.tab);
  }, [open, step]);

  // Opening moves focus to the panel's heading, so a screen reader starts at the step;
  // closing returns it to what opened the tour, if focus was still in the panel.
  useEffect(() => {
    if (!open) return;
    const opener = document.activeElement as HTMLElement | null;
    headingRef.current?.focus();
    const panel = panelRef.current;
    return () => {
      const active = document.activeElement;
      const inPanel = !active || active === document.body || (panel?.contains(active) ?? false);
      if (inPanel && opener && opener.isConnected) opener.focus();
    };
  }, [open]);

  if (!open || !step) return null;

  const go = (i: number) => setIndex(Math.max(0, Math.min(count - 1, i)));
  const last = at === count - 1;
  const onKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      onClose();
    }
  };

  return (
    <aside
      ref={panelRef}
      className={compact ? 'tour is-compact' : 'tour'}
      role="complementary"
      aria-labelledby={`${uid}-h`}
      onKeyDown={onKeyDown}
      data-step={step.id}
    >
      <div className="tour-head">
        <p className="tour-kicker">Guided tour</p>
        <button
          type="button"
          className="tour-toggle"
          aria-expanded={!compact}
          aria-controls={`${uid}-body`}
          onClick={() => setCompact((c) => !c)}
        >
          {compact ? 'Show text' : 'Hide text'}
        </button>
        <button type="button" className="tour-close" onClick={onClose}>
          <span aria-hidden="true">✕</span>
          <span className="visually-hidden">Close the guided tour</span>
        </button>
      </div>
      <div className="tour-live" aria-live="polite" aria-atomic="true">
        <p className="tour-count">
          Step {at + 1} of {count}
        </p>
        <h2 id={`${uid}-h`} ref={headingRef} tabIndex={-1} className="tour-title">
          {step.title}
        </h2>
      </div>
      <div className="tour-body" id={`${uid}-body`} hidden={compact}>
        <p className="tour-text">{step.body}</p>
        <div className="tour-look">
          <p className="tour-look-label">Look for</p>
          <p className="tour-look-text">{step.lookFor}</p>
        </div>
        {step.tab || step.presetId ? (
          <p className="tour-where">
            {step.tab ? (
              <>
                Tab: <strong>{step.tab}</strong>
              </>
            ) : null}
            {step.tab && step.presetId ? ' · ' : null}
            {step.presetId ? (
              <>
                Preset: <code>{step.presetId}</code>
              </>
            ) : null}
          </p>
        ) : null}
      </div>
      <nav className="tour-nav" aria-label="Tour steps">
        <ol className="tour-dots">
          {steps.map((s, i) => (
            <li key={s.id}>
              <button
                type="button"
                className={`tour-dot${i < at ? ' is-done' : ''}`}
                aria-label={`Step ${i + 1}: ${s.title}`}
                aria-current={i === at ? 'step' : undefined}
                onClick={() => go(i)}
              />
            </li>
          ))}
        </ol>
        <div className="tour-buttons">
          <button
            type="button"
            className="tour-back"
            onClick={() => go(at - 1)}
            disabled={at === 0}
          >
            ← Back
          </button>
          {last ? (
            <button type="button" className="tour-next" onClick={onClose}>
              Finish
            </button>
          ) : (
            <button type="button" className="tour-next" onClick={() => go(at + 1)}>
              Next →
            </button>
          )}
        </div>
      </nav>
    </aside>
  );
}
