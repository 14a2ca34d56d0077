// Controls both analysis panels share: the field picker (grouped by section), an axis (a field
// and its from/to range), the progress bar, the hook that runs one cancellable batch job at a
// time, and the run-controls shell (RunShell: title, form, criterion, Run/Cancel, the status
// lines and the output) that the Sweep and Phase panels fill with their own fields and charts.
import { useCallback, useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { isAbortError } from '../../client/pool';
import { fmt } from '../../charts/common/fields';
import { parseNumber, pickField, type SweepField } from './model';
import type { SuccessCriterion } from '../../engine';

/** The axis settings a link keeps: the field and the range as typed. */
export interface AxisView {
  field: string;
  from: string;
  to: string;
}

/**
 * One axis of a sweep or phase diagram: the field (following `preferred` until the user picks
 * one) and its from/to as typed; a range typed for one field is kept until the field changes.
 */
export function useAxis(fields: readonly SweepField[], preferred: string, initial?: AxisView) {
  const [path, setPath] = useState<string | null>(initial?.field ?? null);
  const field = pickField(fields, path ?? preferred, preferred);
  const [range, setRange] = useState<{ path: string; from: string; to: string } | null>(
    initial ? { path: initial.field, from: initial.from, to: initial.to } : null,
  );
  const own = range && range.path === field?.path;
  const from = own ? range.from : String(field?.from ?? 0);
  const to = own ? range.to : String(field?.to ?? 1);
  return {
    field,
    setPath,
    from,
    to,
    setFrom: (t: string) => field && setRange({ path: field.path, from: t, to }),
    setTo: (t: string) => field && setRange({ path: field.path, from, to: t }),
    lo: parseNumber(from),
    hi: parseNumber(to),
  };
}

/** A link that holds a run sweep or diagram runs it again, once, on mount. */
export function useAutorun(ran: boolean | undefined, canRun: boolean, run: () => void) {
  const autorun = useRef(ran === true);
  const latest = useRef({ canRun, run });
  latest.current = { canRun, run };
  useEffect(() => {
    if (!autorun.current) return;
    autorun.current = false;
    if (latest.current.canRun) latest.current.run();
    // An unmount cancels the job (useBatchJob); StrictMode's trial unmount and remount would
    // leave it cancelled, never shown: arm the run again for the remount.
    return () => {
      autorun.current = true;
    };
  }, []);
}

export function FieldSelect({
  id,
  label,
  fields,
  value,
  onChange,
}: {
  id: string;
  label: string;
  fields: readonly SweepField[];
  value: string;
  onChange: (path: string) => void;
}) {
  const groups = [...new Set(fields.map((f) => f.group))];
  return (
    <div className="ha-field ha-field-wide">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.currentTarget.value)}>
        {groups.map((g) => (
          <optgroup key={g} label={g}>
            {fields
              .filter((f) => f.group === g)
              .map((f) => (
                <option key={f.path} value={f.path}>
                  {f.label}
                </option>
              ))}
          </optgroup>
        ))}
      </select>
    </div>
  );
}

export function NumberInput({
  id,
  label,
  value,
  onChange,
  unit,
  step,
  invalid,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (text: string) => void;
  unit?: string;
  step?: number | 'any';
  invalid?: boolean;
}) {
  return (
    <div className="ha-field">
      <label htmlFor={id}>
        {label}
        {unit ? <span className="ha-unit"> ({unit})</span> : null}
      </label>
      <input
        id={id}
        type="number"
        inputMode="decimal"
        step={step ?? 'any'}
        value={value}
        aria-invalid={invalid || undefined}
        onChange={(e) => onChange(e.currentTarget.value)}
      />
    </div>
  );
}

export function Progress({
  label,
  fraction,
  detail,
}: {
  label: string;
  fraction: number;
  detail?: string;
}) {
  const pct = Math.round(fraction * 100);
  return (
    <div className="ha-progress">
      <progress
        max={100}
        value={pct}
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={pct}
        aria-valuetext={`${pct}%`}
      />
      <span className="ha-progress-text" aria-hidden="true">
        {pct}%{detail ? ` · ${detail}` : ''}
      </span>
    </div>
  );
}

export type BatchState<T> =
  | { status: 'idle' }
  | { status: 'running'; key: string; progress: number; partial: T | null }
  | { status: 'cancelled'; key: string; progress: number }
  | { status: 'failed'; key: string; message: string }
  | { status: 'done'; key: string; value: T; ms: number };

/** The least time between two progress redraws of a running job (ms). */
export const PROGRESS_MS = 100;

/**
 * One batch job at a time, tied to a key (the scenario): starting a job or changing the key
 * cancels the job in flight, and unmounting cancels it too. A job's reports are dropped as soon
 * as it is superseded, so nothing stale reaches the screen.
 */
export function useBatchJob<T>(key: string) {
  const [state, setState] = useState<BatchState<T>>({ status: 'idle' });
  const current = useRef<AbortController | null>(null);

  const cancel = useCallback(() => {
    const c = current.current;
    if (!c) return;
    current.current = null;
    c.abort();
    setState((s) =>
      s.status === 'running' ? { status: 'cancelled', key: s.key, progress: s.progress } : s,
    );
  }, []);

  // A new scenario: the job in flight is for the old one; stop it (the screen says so).
  useEffect(() => {
    const c = current.current;
    if (c) {
      current.current = null;
      c.abort();
    }
  }, [key]);
  useEffect(() => () => current.current?.abort(), []);

  const start = useCallback(
    (
      job: (io: {
        signal: AbortSignal;
        onProgress: (f: number) => void;
        onPartial: (partial: T) => void;
      }) => Promise<T>,
    ) => {
      current.current?.abort();
      const c = new AbortController();
      current.current = c;
      const live = () => current.current === c && !c.signal.aborted;
      const t0 = performance.now();
      setState({ status: 'running', key, progress: 0, partial: null });
      let shown = 0;
      let shownAt = -Infinity;
      const onProgress = (f: number) => {
        // Re-render for whole percents only, and at most every PROGRESS_MS: each one redraws the
        // panel and its form (issue 12, long tasks while a phase diagram fills in).
        const t = performance.now();
        if (!live() || (f < 1 && (Math.floor(f * 100) === Math.floor(shown * 100) || t - shownAt < PROGRESS_MS)))
          return;
        shown = f;
        shownAt = t;
        setState((s) => (s.status === 'running' ? { ...s, progress: f } : s));
      };
      const onPartial = (partial: T) => {
        if (live()) setState((s) => (s.status === 'running' ? { ...s, partial } : s));
      };
      job({ signal: c.signal, onProgress, onPartial }).then(
        (value) => {
          if (!live()) return;
          current.current = null;
          setState({ status: 'done', key, value, ms: performance.now() - t0 });
        },
        (e: unknown) => {
          if (current.current !== c) return; // superseded or cancelled: already said
          current.current = null;
          if (isAbortError(e)) setState({ status: 'cancelled', key, progress: shown });
          else
            setState({
              status: 'failed',
              key,
              message: e instanceof Error ? e.message : String(e),
            });
        },
      );
    },
    [key],
  );

  return { state, start, cancel };
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${fmt(n)} ${n === 1 ? one : many}`;
}

/** Run / Cancel, what the run will cost, and anything that stops it from running. */
export function RunActions(props: {
  label: string;
  bench: string;
  running: boolean;
  problems: readonly string[];
  onCancel: () => void;
  count: string;
}) {
  const { label, bench, running, problems, onCancel, count } = props;
  return (
    <>
      <div className="ha-actions">
        <button type="submit" className="ha-run" data-bench={bench} disabled={problems.length > 0}>
          {running ? 'Run again' : label}
        </button>
        <button type="button" onClick={onCancel} disabled={!running}>
          Cancel
        </button>
        <span className="ha-count">{count}</span>
      </div>
      {problems.length > 0 ? (
        <ul className="ha-problems" aria-live="polite">
          {problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      ) : null}
    </>
  );
}

/**
 * The run-controls shell of the Sweep and Phase panels: the heading and help, the form (the
 * panel's own fields, then the success criterion and Run / Cancel), the status lines (progress,
 * cancelled, failed, stale, the result's sentence) and the output below.
 */
export function RunShell(props: {
  id: string;
  title: string;
  help: ReactNode;
  /** "sweep", "phase diagram": in "The … failed". */
  what: string;
  onRun: () => void;
  /** The panel's own fields. */
  fields: ReactNode;
  criterion: SuccessCriterion;
  onCriterion: (c: SuccessCriterion) => void;
  runLabel: string;
  bench: string;
  problems: readonly string[];
  count: string;
  state: BatchState<unknown>;
  onCancel: () => void;
  running: boolean;
  stale: boolean;
  /** The progress bar while running: its label and the detail after the percentage. */
  progress: { label: string; detail: string } | null;
  /** The result's sentence, when a run is done. */
  result: ReactNode;
  children?: ReactNode;
}) {
  const { id, state, stale } = props;
  return (
    <section className="ha-panel" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`} className="ha-title">
        {props.title}
      </h2>
      <p className="ha-help">{props.help}</p>
      <form
        className="ha-form"
        onSubmit={(e) => {
          e.preventDefault();
          props.onRun();
        }}
      >
        {props.fields}
        <CriterionPicker value={props.criterion} onChange={props.onCriterion} />
        <RunActions
          label={props.runLabel}
          bench={props.bench}
          running={props.running}
          problems={props.problems}
          onCancel={props.onCancel}
          count={props.count}
        />
      </form>

      <div className="ha-status" role="status" aria-live="polite">
        {props.progress && state.status === 'running' ? (
          <Progress
            label={props.progress.label}
            fraction={state.progress}
            detail={props.progress.detail}
          />
        ) : null}
        {state.status === 'cancelled' && !stale ? (
          <p>
            Cancelled at {Math.round(state.progress * 100)}%. Nothing is shown for a cancelled run.
          </p>
        ) : null}
        {state.status === 'failed' && !stale ? (
          <p className="ha-error">
            The {props.what} failed: {state.message}
          </p>
        ) : null}
        {stale ? <p className="ha-stale">The scenario changed — run again.</p> : null}
        {props.result}
      </div>

      {props.children}
    </section>
  );
}

/** MODEL §5: success is take ≤ noPlea take by default; a user may choose another criterion. */
export function CriterionPicker(props: {
  value: SuccessCriterion;
  onChange: (c: SuccessCriterion) => void;
}) {
  const id = useId();
  const { value, onChange } = props;
  const amount = value.kind === 'takeAtMostNoPlea' ? null : value.value;
  const setKind = (kind: SuccessCriterion['kind']) => {
    if (kind === 'takeAtMostNoPlea') onChange({ kind });
    else if (kind === 'shareFreeAtLeast') onChange({ kind, value: 0.5 });
    else onChange({ kind, value: 1 });
  };
  return (
    <div className="ha-criterion">
      <div className="ha-field">
        <label htmlFor={`${id}-kind`}>The strike succeeds when</label>
        <select
          id={`${id}-kind`}
          value={value.kind}
          onChange={(e) => setKind(e.currentTarget.value as SuccessCriterion['kind'])}
        >
          <option value="takeAtMostNoPlea">
            plea bargaining extracts no more than trials alone
          </option>
          <option value="shareFreeAtLeast">at least a share of defendants go free</option>
          <option value="takePerDefendantAtMost">her take per defendant is at most</option>
        </select>
      </div>
      {amount !== null ? (
        <div className="ha-field">
          <label htmlFor={`${id}-value`}>
            {value.kind === 'shareFreeAtLeast'
              ? 'Share free at least'
              : 'Take per defendant at most'}{' '}
            <span className="ha-unit">
              ({value.kind === 'shareFreeAtLeast' ? 'share' : 'years'})
            </span>
          </label>
          <input
            id={`${id}-value`}
            type="number"
            min={0}
            max={value.kind === 'shareFreeAtLeast' ? 1 : undefined}
            step={value.kind === 'shareFreeAtLeast' ? 0.05 : 0.1}
            value={amount}
            onChange={(e) => {
              const v = Number(e.currentTarget.value);
              if (Number.isFinite(v) && v >= 0)
                onChange({ ...value, value: v } as SuccessCriterion);
            }}
          />
        </div>
      ) : null}
    </div>
  );
}
