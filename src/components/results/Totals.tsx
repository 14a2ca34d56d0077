// The totals of a result: a live status line, the verdict, and one card per total (its label
// shows its help on focus, hover and tap).
import { useEffect, useId, useState, type ReactNode } from 'react';
import type { Result, ValidationMessage } from '../../engine';
import type { Totals } from '../../engine';
import {
  REGIME_LABELS,
  TOTAL_FIELDS,
  formatNumber,
  formatTotal,
  totalNote,
} from '../../app/format';
import type { BundleStatus } from './useResultBundle';

export interface TotalsPanelProps {
  status: BundleStatus;
  /** The result on screen (possibly of the previous scenario while computing). */
  result: Result | null;
  /** The current scenario's title. */
  title: string;
  errors?: ValidationMessage[];
  failure?: string;
  /** Share of the Monte Carlo runs done while computing (null: no report yet). */
  progress?: number | null;
  /** Stop the computation (shown once it has run for a second). */
  onCancel?: () => void;
  /** Run it again after a failure or a cancel. */
  onRetry?: () => void;
  /** The failure is the user's Cancel. */
  cancelled?: boolean;
}

/** A computation running this long offers its progress and a Cancel button. */
export const CANCEL_AFTER_MS = 1000;

/** True once `active` has been true for `ms` milliseconds (false again when it ends). */
function useAfter(active: boolean, ms: number): boolean {
  const [late, setLate] = useState(false);
  useEffect(() => {
    if (!active) return;
    const t = setTimeout(() => setLate(true), ms);
    return () => {
      clearTimeout(t);
      setLate(false);
    };
  }, [active, ms]);
  return active && late;
}

function statusText(
  status: BundleStatus,
  result: Result | null,
  title: string,
  errors: number,
  failure: string,
): string {
  switch (status) {
    case 'idle':
      return 'Nothing to compute.';
    case 'computing':
      return result
        ? `Computing “${title}”… (showing the previous result, dimmed)`
        : `Computing “${title}”…`;
    case 'invalid':
      return `“${title}” has ${errors} problem${errors === 1 ? '' : 's'}; nothing was computed.`;
    case 'failed':
      return failure;
    case 'done': {
      const t = result!.totals;
      const verdict = t.strikeSucceeds ? 'the strike succeeds' : 'the strike fails';
      const ratio =
        t.takeRatio === null ? '' : ` (take is ${formatTotal('takeRatio', t)}× the no-plea take)`;
      return `Solved “${title}”: ${verdict}${ratio}.`;
    }
  }
}

export function TotalsPanel({
  status,
  result,
  title,
  errors = [],
  failure = '',
  progress = null,
  onCancel,
  onRetry,
  cancelled = false,
}: TotalsPanelProps) {
  const id = useId();
  const slow = useAfter(status === 'computing', CANCEL_AFTER_MS);
  return (
    <section className="card totals" aria-labelledby={`${id}-h`} aria-busy={status === 'computing'}>
      <div className="totals-head">
        <h2 id={`${id}-h`} className="section-title">
          Totals
        </h2>
        {result ? (
          <span className="regime">Regime: {REGIME_LABELS[result.regime] ?? result.regime}</span>
        ) : null}
      </div>
      <p
        className={status === 'done' ? 'status visually-hidden' : 'status'}
        role="status"
        aria-live="polite"
        data-status={status}
        data-testid="result-status"
      >
        {status === 'computing' ? <span className="spinner" aria-hidden="true" /> : null}
        {statusText(
          status,
          result,
          title,
          errors.length,
          cancelled ? failure : `The engine failed: ${failure}`,
        )}
      </p>
      {slow && onCancel ? (
        <div className="progress-row" data-testid="result-progress">
          {progress !== null ? (
            <progress max={1} value={progress} aria-label="Computing: share of the runs done">
              {Math.round(progress * 100)}%
            </progress>
          ) : (
            <progress aria-label="Computing" />
          )}
          <span>{progress !== null ? `${Math.round(progress * 100)}%` : 'Working…'}</span>
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
        </div>
      ) : null}
      {status === 'invalid' ? <ErrorPanel errors={errors} /> : null}
      {status === 'failed' ? (
        <div className="errors" role="alert">
          <h3>{cancelled ? 'Stopped' : 'The computation failed'}</h3>
          <p>{cancelled ? 'You cancelled it; Retry runs it again from the start.' : failure}</p>
          {onRetry ? (
            <button type="button" onClick={onRetry}>
              Retry
            </button>
          ) : null}
        </div>
      ) : null}
      {result ? <Verdict result={result} /> : null}
      {result?.lottery ? (
        <p className="figures-note">
          Lottery: expected figures of the equilibrium in which{' '}
          {formatNumber(result.lottery.selected)} of {formatNumber(result.totals.defendants)}{' '}
          defendants refuse.
        </p>
      ) : null}
      {status !== 'invalid' && status !== 'failed' ? <TotalsList result={result} /> : null}
    </section>
  );
}

export function Verdict({ result }: { result: Result }) {
  const t = result.totals;
  return (
    <p
      className={`verdict ${t.strikeSucceeds ? 'verdict-yes' : 'verdict-no'}`}
      data-testid="verdict"
    >
      <span className="verdict-icon" aria-hidden="true">
        {t.strikeSucceeds ? '✓' : '✗'}
      </span>
      <span>
        {t.strikeSucceeds
          ? 'The strike succeeds: plea bargaining extracts no more than her trials alone could.'
          : t.takeRatio === null
            ? 'The strike fails: plea bargaining extracts more than her trials alone could.'
            : `The strike fails: plea bargaining extracts ${formatTotal('takeRatio', t)}× what her trials alone could.`}
      </span>
    </p>
  );
}

export function TotalsList({
  result,
  compact = false,
}: {
  result: Result | null;
  compact?: boolean;
}) {
  return (
    <dl className={compact ? 'totals-grid totals-compact' : 'totals-grid'}>
      {TOTAL_FIELDS.map((f) => {
        const totals: Totals | undefined = result?.totals;
        const note = totals && result ? totalNote(f.key, totals, result.regime) : null;
        return (
          <TotalItem key={f.key} help={f.help} dataKey={f.key} value={totals ? JSON.stringify(totals[f.key]) : undefined}>
            <TotalValue text={totals ? formatTotal(f.key, totals) : '…'} />
            {f.unit ? <span className="unit">{f.unit === '×' ? f.unit : ` ${f.unit}`}</span> : null}
            {note ? <span className="note">{note}</span> : null}
          </TotalItem>
        );
      })}
    </dl>
  );
}

/** One total: its label is a button that shows the help on focus, hover and tap (not only on hover). */
function TotalItem({
  help,
  dataKey,
  value,
  children,
}: {
  help: string;
  dataKey: string;
  value: string | undefined;
  children: ReactNode;
}) {
  const uid = useId();
  const [open, setOpen] = useState(false);
  const label = TOTAL_FIELDS.find((f) => f.key === dataKey)?.label ?? dataKey;
  return (
    <div className={open ? 'total term is-open' : 'total term'} data-key={dataKey} data-value={value}>
      <dt>
        <button
          type="button"
          className="term-button"
          aria-describedby={`${uid}-help`}
          aria-expanded={open}
          onClick={() => setOpen((o) => !o)}
          onBlur={() => setOpen(false)}
        >
          {label}
        </button>
      </dt>
      <dd>
        {children}
        <span role="tooltip" id={`${uid}-help`} className="term-tip">
          {help}
        </span>
      </dd>
    </div>
  );
}

/** A total never breaks inside a number; long numbers (a city of millions) get a smaller size. */
function TotalValue({ text }: { text: string }) {
  const size = text.length > 10 ? ' value-longer' : text.length > 7 ? ' value-long' : '';
  return <span className={`value${size}`}>{text}</span>;
}

export function ErrorPanel({
  errors,
  title = 'The scenario has problems',
}: {
  errors: ValidationMessage[];
  title?: string;
}) {
  return (
    <div className="errors" role="alert">
      <h3>{title}</h3>
      <ul>
        {errors.map((e, i) => (
          <li key={i}>
            {e.path ? <code className="path">{e.path}</code> : null}: {e.message}
          </li>
        ))}
      </ul>
    </div>
  );
}
