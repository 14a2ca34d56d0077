// "Why this defendant?": the explanation of one defendant's outcome, announced politely to
// screen readers; focus moves to the heading when it opens and back when it closes (Escape).
import { useEffect, useId, useMemo, useRef } from 'react';
import type { DefendantRow } from '../../engine';
import type { KindInfo } from '../../engine';
import type { Scenario } from '../../engine';
import { explainDefendant, explainThreshold, plainReason, type ExplainContext } from './explain';

export interface WhyPanelProps {
  row: DefendantRow;
  kind: KindInfo;
  scenario: Scenario;
  context: ExplainContext;
  /** Lottery: the number of defendants, to explain his threshold. */
  N?: number;
  /** How he was asked for: by his defendant number (arrival order) or by his rank. */
  askedBy?: 'defendant' | 'rank';
  onClose: () => void;
}

const sentence = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export function WhyPanel({ row, kind, scenario, context, N, askedBy = 'defendant', onClose }: WhyPanelProps) {
  const uid = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const returnTo = useRef<HTMLElement | null>(null);
  const x = useMemo(
    () => explainDefendant(row, kind, scenario, context),
    [row, kind, scenario, context],
  );
  const threshold = useMemo(
    () =>
      context.regime === 'lottery' && context.k !== undefined && N !== undefined
        ? explainThreshold(kind, row.offer, context.k, N)
        : null,
    [context.regime, context.k, N, kind, row.offer],
  );

  useEffect(() => {
    const active = document.activeElement;
    returnTo.current = active instanceof HTMLElement ? active : null;
    return () => {
      const el = returnTo.current;
      if (el && el.isConnected) el.focus();
    };
  }, []);
  useEffect(() => {
    headingRef.current?.focus();
  }, [row.id]);

  return (
    <section
      className="hf-why"
      aria-labelledby={`${uid}-h`}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onClose();
        }
      }}
    >
      <header className="hf-why-head">
        <h2 id={`${uid}-h`} ref={headingRef} tabIndex={-1}>
          Why defendant {row.id}?
        </h2>
        <button
          type="button"
          className="hf-close"
          onClick={onClose}
          aria-label="Close the explanation"
        >
          ×
        </button>
      </header>
      <div className="hf-why-body" aria-live="polite" aria-atomic="true">
        {row.rank !== null ? (
          <p className="hf-why-which">
            {askedBy === 'rank'
              ? `You asked for rank ${row.rank} in her order: that is defendant ${row.id} (his number in order of arrival).`
              : `Defendant ${row.id} (his number in order of arrival) stands at rank ${row.rank} in her order.`}
          </p>
        ) : null}
        <p className="hf-why-headline">{plainReason(row, kind, context)}</p>
        {/* The sentence first; the arithmetic on request. */}
        <details className="hf-why-details">
          <summary>Show the arithmetic</summary>
          <ul className="hf-why-lines">
            {x.lines.map((l, i) => (
              <li key={i}>{sentence(l)}.</li>
            ))}
          </ul>
        </details>
        {x.tipping && (
          <p className="hf-why-tipping">
            <strong>What tipped it: </strong>
            {x.tipping}
          </p>
        )}
        {threshold && (
          <p className="hf-why-threshold">
            <strong>His threshold: </strong>
            {threshold.text}
          </p>
        )}
      </div>
    </section>
  );
}
