// One control per field descriptor (fields.ts): label, unit, range and help all come from the
// schema. Numbers get a range slider plus a number input; nullable numbers an "inherit/none"
// checkbox; enums a select; the ranking a select of the named rankings.
import { useState, type ReactNode } from 'react';
import type { ValidationMessage } from '../../engine';
import type { FieldDescriptor } from './fields';
import { optionWords } from '../../app/format';

export interface FieldControlProps {
  field: FieldDescriptor;
  /** The concrete path (`groups[2].convictionProbability`). */
  path: string;
  /** The DOM id of the main input. */
  id: string;
  /** The value in the draft, or the schema default when the draft leaves it out. */
  value: unknown;
  onValue: (next: unknown) => void;
  errors: readonly ValidationMessage[];
  /** Extra words for accessible names of repeated controls ("group 2"). */
  context?: string;
  /** ranking: what the default is for the current regime. */
  rankingDefault?: string;
}

/** Numbers as the user would type them: no float noise (0.30000000000000004 → 0.3). */
export function formatNumber(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  if (Number.isInteger(x)) return String(x);
  return String(Number(x.toPrecision(12)));
}

function rangeText(f: FieldDescriptor): string | null {
  const { min, max } = f;
  const big = (x: number | undefined) => x === undefined || Math.abs(x) >= Number.MAX_SAFE_INTEGER;
  const unit = f.unit ? ` ${f.unit}` : '';
  const whole = f.kind === 'integer' || f.integer ? 'whole number ' : '';
  if (f.kind !== 'number' && f.kind !== 'integer' && f.kind !== 'nullableNumber') return null;
  if (!big(min) && !big(max))
    return `Allowed: ${whole}${formatNumber(min!)} to ${formatNumber(max!)}${unit}.`;
  if (!big(min)) return `Allowed: ${whole}at least ${formatNumber(min!)}${unit}.`;
  if (!big(max)) return `Allowed: ${whole}at most ${formatNumber(max!)}${unit}.`;
  return whole ? 'Allowed: any whole number.' : null;
}

/** Whether a slider makes sense: a finite, not-too-wide range. */
export function sliderRange(f: FieldDescriptor): [number, number] | null {
  if (f.min === undefined) return null;
  const top = f.sliderMax ?? f.max;
  if (top === undefined || !(top > f.min)) return null;
  if (f.sliderMax === undefined && top - f.min > 1e4) return null;
  return [f.min, top];
}

function Shell(props: {
  field: FieldDescriptor;
  id: string;
  errors: readonly ValidationMessage[];
  label: ReactNode;
  children: (describedBy: string, invalid: boolean) => ReactNode;
  path: string;
}) {
  const { field: f, id, errors } = props;
  const helpId = `${id}-help`;
  const errId = `${id}-error`;
  const unitId = `${id}-unit`;
  const invalid = errors.length > 0;
  const describedBy = [f.unit ? unitId : '', helpId, invalid ? errId : '']
    .filter(Boolean)
    .join(' ');
  const range = rangeText(f);
  return (
    <div
      className={`hf-field hf-kind-${f.kind}${invalid ? ' hf-invalid' : ''}`}
      data-path={props.path}
    >
      {(props.label || f.unit) && (
        <div className="hf-field-head">
          {props.label}
          {f.unit && (
            <span className="hf-unit" id={unitId}>
              {f.unit}
            </span>
          )}
        </div>
      )}
      <div className="hf-field-body">{props.children(describedBy, invalid)}</div>
      <p className="hf-help" id={helpId}>
        {f.description}
        {range && <span className="hf-range"> {range}</span>}
        {f.citation && <span className="hf-cite"> Source: {f.citation}.</span>}
      </p>
      {invalid && (
        <ul className="hf-error" id={errId}>
          {errors.map((e) => (
            <li key={e.text}>{e.text}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

function NumberControl(props: {
  field: FieldDescriptor;
  id: string;
  value: unknown;
  onValue: (v: unknown) => void;
  describedBy: string;
  invalid: boolean;
  label: string;
  disabled?: boolean;
}) {
  const { field: f, id, value, onValue, describedBy, invalid, disabled } = props;
  const [text, setText] = useState(() => toText(value));
  const [shown, setShown] = useState<unknown>(value);
  if (!Object.is(value, shown)) {
    // The value changed from outside (slider, JSON view, undo): show it.
    setShown(value);
    setText(toText(value));
  }
  const type = (raw: string) => {
    setText(raw);
    const n = raw.trim() === '' ? NaN : Number(raw);
    // Keep what cannot be read as a number in the draft as typed: validation names it.
    const next = Number.isFinite(n) ? n : raw;
    setShown(next);
    onValue(next);
  };
  const range = sliderRange(f);
  const num = typeof value === 'number' && Number.isFinite(value) ? value : (range?.[0] ?? 0);
  return (
    <>
      {range && (
        <input
          type="range"
          className="hf-slider"
          id={`${id}-slider`}
          aria-label={`${props.label} (slider)`}
          aria-describedby={describedBy}
          min={range[0]}
          max={range[1]}
          step={f.step ?? 'any'}
          value={Math.min(range[1], Math.max(range[0], num))}
          disabled={disabled}
          onChange={(e) => {
            const n = Number(e.currentTarget.value);
            setText(formatNumber(n));
            setShown(n);
            onValue(n);
          }}
        />
      )}
      <input
        type="number"
        className="hf-number"
        id={id}
        min={f.min}
        max={f.max}
        step={f.step ?? 'any'}
        inputMode={f.kind === 'integer' || f.integer ? 'numeric' : 'decimal'}
        value={text}
        disabled={disabled}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy}
        onChange={(e) => type(e.currentTarget.value)}
      />
    </>
  );
}

function toText(v: unknown): string {
  if (typeof v === 'number') return formatNumber(v);
  if (typeof v === 'string') return v;
  return '';
}

export function FieldControl(props: FieldControlProps) {
  const { field: f, id, value, onValue, errors, path } = props;
  const name = props.context ? `${f.title}, ${props.context}` : f.title;
  const labelEl = (
    <label className="hf-label" htmlFor={id}>
      {f.title}
      {props.context && <span className="hf-visually-hidden">, {props.context}</span>}
    </label>
  );
  switch (f.kind) {
    case 'number':
    case 'integer':
      return (
        <Shell field={f} id={id} errors={errors} label={labelEl} path={path}>
          {(describedBy, invalid) => (
            <NumberControl
              field={f}
              id={id}
              value={value}
              onValue={onValue}
              describedBy={describedBy}
              invalid={invalid}
              label={name}
            />
          )}
        </Shell>
      );
    case 'nullableNumber':
      return <NullableNumber {...props} labelEl={labelEl} name={name} />;
    case 'boolean':
      return (
        <Shell field={f} id={id} errors={errors} path={path} label={null}>
          {(describedBy, invalid) => (
            <label className="hf-check">
              <input
                type="checkbox"
                id={id}
                checked={value === true}
                aria-invalid={invalid || undefined}
                aria-describedby={describedBy}
                onChange={(e) => onValue(e.currentTarget.checked)}
              />
              <span>
                {f.title}
                {props.context && <span className="hf-visually-hidden">, {props.context}</span>}
              </span>
            </label>
          )}
        </Shell>
      );
    case 'text':
      return (
        <Shell field={f} id={id} errors={errors} label={labelEl} path={path}>
          {(describedBy, invalid) => (
            <input
              type="text"
              className="hf-text"
              id={id}
              value={typeof value === 'string' ? value : value == null ? '' : String(value)}
              aria-invalid={invalid || undefined}
              aria-describedby={describedBy}
              onChange={(e) => onValue(e.currentTarget.value)}
            />
          )}
        </Shell>
      );
    case 'enum':
    case 'ranking':
      return (
        <Shell field={f} id={id} errors={errors} label={labelEl} path={path}>
          {(describedBy, invalid) => (
            <Select {...props} describedBy={describedBy} invalid={invalid} />
          )}
        </Shell>
      );
  }
}

const LIST = '\u0000list';
const UNSET = '';

function Select(props: FieldControlProps & { describedBy: string; invalid: boolean }) {
  const { field: f, id, value, onValue } = props;
  const options = f.options ?? [];
  const isList = Array.isArray(value);
  const known = typeof value === 'string' && options.includes(value);
  const selected = isList
    ? LIST
    : value === undefined
      ? UNSET
      : known
        ? (value as string)
        : `?${String(value)}`;
  return (
    <select
      id={id}
      className="hf-select"
      value={selected}
      aria-invalid={props.invalid || undefined}
      aria-describedby={props.describedBy}
      onChange={(e) => {
        const v = e.currentTarget.value;
        if (v === LIST || v.startsWith('?')) return;
        onValue(v === UNSET ? undefined : v);
      }}
    >
      {f.kind === 'ranking' && (
        <option value={UNSET}>
          default{props.rankingDefault ? `: ${optionWords(props.rankingDefault)}` : ' for the regime'}
        </option>
      )}
      {options.map((o) => (
        <option key={o} value={o}>
          {optionWords(o)}
        </option>
      ))}
      {isList && (
        <option value={LIST} disabled>
          explicit list of {(value as unknown[]).length} (edit it in the JSON view)
        </option>
      )}
      {!isList && value !== undefined && !known && (
        <option value={selected} disabled>
          {String(value)} (not allowed)
        </option>
      )}
    </select>
  );
}

function NullableNumber(props: FieldControlProps & { labelEl: ReactNode; name: string }) {
  const { field: f, id, value, onValue, errors, path } = props;
  const isNull = value === null || value === undefined;
  const [last, setLast] = useState<number | null>(typeof value === 'number' ? value : null);
  if (typeof value === 'number' && value !== last) setLast(value);
  const word = f.scope === 'group' ? 'inherit' : 'none';
  const fallback = () => {
    if (last !== null) return last;
    const top = f.sliderMax ?? f.max ?? 1;
    const step = f.step ?? 1;
    return Math.round(top / 4 / step) * step;
  };
  return (
    <Shell field={f} id={id} errors={errors} label={props.labelEl} path={path}>
      {(describedBy, invalid) => (
        <>
          <label className="hf-check hf-inherit">
            <input
              type="checkbox"
              id={`${id}-null`}
              aria-label={`${word} (${props.name})`}
              checked={isNull}
              aria-describedby={describedBy}
              onChange={(e) => onValue(e.currentTarget.checked ? null : fallback())}
            />
            <span aria-hidden="true">{word}</span>
          </label>
          <NumberControl
            field={f}
            id={id}
            value={isNull ? (last ?? '') : value}
            onValue={onValue}
            describedBy={describedBy}
            invalid={invalid}
            label={props.name}
            disabled={isNull}
          />
        </>
      )}
    </Shell>
  );
}
