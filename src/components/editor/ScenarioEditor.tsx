// The scenario editor: every control is generated from the schema (fields.ts). It edits a
// draft; errors are shown next to their fields and in a summary that links to them.
import { useEffect, useRef, useState, type MouseEvent, type ReactNode } from 'react';
import type { ValidationMessage } from '../../engine';
import type { ScenarioInput } from '../../engine';
import {
  SECTIONS,
  concreteSegments,
  displayValue,
  fieldId,
  fieldPath,
  groupFields,
  newGroup,
  scenarioFields,
  sectionFields,
  setAt,
  type FieldDescriptor,
  type ScenarioObjectSchema,
  type Section,
} from './fields';
import { FieldControl } from './controls';

export interface ScenarioEditorProps {
  /** The draft (possibly invalid). */
  value: ScenarioInput;
  onChange: (next: ScenarioInput) => void;
  /** Validation messages for the draft (parseScenario's errors). */
  errors: readonly ValidationMessage[];
  /** Prefix of the DOM ids (when a page holds two editors). */
  idPrefix?: string;
  /** The scenario's object schema the fields come from (default: the registry's). */
  schema?: ScenarioObjectSchema;
}

type Group = ScenarioInput['groups'][number];

const SECTION_HELP: Record<Section, string> = {
  Scenario: 'What this scenario is and how its random draws are seeded.',
  Defendants: 'Groups of alike defendants, in arrival order.',
  Prosecutor: 'Her trial budget, how she selects whom to try, and her offers.',
  Levers: 'What organizers can do: pledges, court watching, a strike fund.',
  Docket:
    'The weekly docket (regime docket): weeks of arrivals, trial units per week, the speedy-trial deadline.',
};

const GROUP_PARTS: { section: Section; legend: string }[] = [
  { section: 'Defendants', legend: 'Who they are' },
  { section: 'Prosecutor', legend: 'Offers and trial cost' },
  { section: 'Levers', legend: 'Costs and levers' },
  { section: 'Docket', legend: 'Arrival weeks and detention (docket)' },
];

/** `strikeFund` → `Strike fund`. */
function humanize(key: string): string {
  const words = key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function groupsOf(value: ScenarioInput): Group[] {
  return Array.isArray(value?.groups) ? value.groups : [];
}

/** Where each message belongs: the id of the field, group card or section it names. */
export function errorTargets(
  errors: readonly ValidationMessage[],
  groupCount: number,
  prefix: string,
  schema?: ScenarioObjectSchema,
): Map<string, ValidationMessage[]> {
  const known = new Map<string, string>();
  for (const f of scenarioFields(schema)) {
    if (f.scope === 'scenario') known.set(fieldPath(f), fieldId(prefix, fieldPath(f)));
  }
  for (let i = 0; i < groupCount; i++) {
    known.set(`groups[${i}]`, groupCardId(prefix, i));
    for (const f of groupFields(schema)) known.set(fieldPath(f, i), fieldId(prefix, fieldPath(f, i)));
  }
  const out = new Map<string, ValidationMessage[]>();
  for (const e of errors) {
    const id = targetOf(e.path, known, prefix);
    const list = out.get(id) ?? [];
    list.push(e);
    out.set(id, list);
  }
  return out;
}

function targetOf(path: string, known: Map<string, string>, prefix: string): string {
  let p = path;
  for (let guard = 0; guard < 64 && p; guard++) {
    const id = known.get(p);
    if (id) return id;
    const cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
    if (cut <= 0) break;
    p = p.slice(0, cut);
  }
  const head = path.split(/[.[]/)[0];
  const section: Section =
    head === 'groups'
      ? 'Defendants'
      : head === 'prosecutor'
        ? 'Prosecutor'
        : head === 'levers'
          ? 'Levers'
          : head === 'docket'
            ? 'Docket'
            : 'Scenario';
  return sectionId(prefix, section);
}

export const sectionId = (prefix: string, s: Section) => `${prefix}-section-${s.toLowerCase()}`;
export const groupCardId = (prefix: string, i: number) => `${prefix}-group-${i}`;

let keySeed = 0;
const freshKey = () => `g${++keySeed}`;

type FocusRequest = { key: string; action: 'up' | 'down' | 'heading' } | { add: true };

export function ScenarioEditor({
  value,
  onChange,
  errors,
  idPrefix = 'scn',
  schema,
}: ScenarioEditorProps) {
  const groups = groupsOf(value);
  const rootRef = useRef<HTMLDivElement>(null);

  // Stable keys for the group cards, so focus and state follow a card when it moves.
  const [keys, setKeys] = useState<string[]>(() => groups.map(freshKey));
  if (keys.length !== groups.length) {
    const next = keys.slice(0, groups.length);
    while (next.length < groups.length) next.push(freshKey());
    setKeys(next);
  }
  const [focus, setFocus] = useState<FocusRequest | null>(null);
  useEffect(() => {
    if (!focus || !rootRef.current) return;
    const root = rootRef.current;
    let el: HTMLElement | null = null;
    if ('add' in focus) el = root.querySelector('[data-action="add-group"]');
    else {
      const card = root.querySelector(`[data-group-key="${focus.key}"]`);
      if (card) {
        const wanted = card.querySelector<HTMLButtonElement>(`[data-action="${focus.action}"]`);
        const other = card.querySelector<HTMLButtonElement>(
          `[data-action="${focus.action === 'up' ? 'down' : 'up'}"]`,
        );
        el =
          wanted && !wanted.disabled
            ? wanted
            : other && !other.disabled && focus.action !== 'heading'
              ? other
              : card.querySelector<HTMLElement>('[data-action="heading"]');
      }
    }
    el?.focus();
    setFocus(null);
  }, [focus]);

  const targets = errorTargets(errors, groups.length, idPrefix, schema);
  const errorsAt = (id: string) => targets.get(id) ?? [];

  const setField = (f: FieldDescriptor, index: number, v: unknown) =>
    onChange(setAt(value, concreteSegments(f, index), v));

  const setGroups = (next: Group[], nextKeys: string[], req: FocusRequest | null) => {
    setKeys(nextKeys);
    onChange({ ...value, groups: next });
    setFocus(req);
  };
  const move = (i: number, by: -1 | 1) => {
    const j = i + by;
    if (j < 0 || j >= groups.length) return;
    const g = [...groups];
    const k = [...keys];
    [g[i], g[j]] = [g[j], g[i]];
    [k[i], k[j]] = [k[j], k[i]];
    setGroups(g, k, { key: keys[i], action: by < 0 ? 'up' : 'down' });
  };
  const duplicate = (i: number) => {
    const key = freshKey();
    const g = [...groups];
    const k = [...keys];
    g.splice(i + 1, 0, structuredClone(groups[i]));
    k.splice(i + 1, 0, key);
    setGroups(g, k, { key, action: 'heading' });
  };
  const remove = (i: number) => {
    if (groups.length <= 1) return;
    const g = groups.filter((_, j) => j !== i);
    const k = keys.filter((_, j) => j !== i);
    const next = k[Math.min(i, k.length - 1)];
    setGroups(g, k, { key: next, action: 'heading' });
  };
  const add = () => {
    const key = freshKey();
    setGroups([...groups, newGroup(value, schema)], [...keys, key], { key, action: 'heading' });
  };

  const regime = (value as { prosecutor?: { regime?: unknown } })?.prosecutor?.regime;
  // The docket's fields show under the docket, or when the draft already uses them.
  const showDocket =
    regime === 'docket' ||
    (value as { docket?: unknown })?.docket !== undefined ||
    groups.some(
      (g) =>
        g !== null &&
        typeof g === 'object' &&
        ('firstWeek' in g || 'lastWeek' in g || 'detentionPerWeek' in g),
    );
  const rankingDefault = regime === 'priority' ? 'optimal' : regime ? 'arrival' : undefined;

  const control = (f: FieldDescriptor, index = 0, context?: string) => {
    const path = fieldPath(f, index);
    const id = fieldId(idPrefix, path);
    return (
      <FieldControl
        key={f.path}
        field={f}
        path={path}
        id={id}
        value={displayValue(value, f, index)}
        onValue={(v) => setField(f, index, v)}
        errors={errorsAt(id)}
        context={context}
        rankingDefault={rankingDefault}
      />
    );
  };

  const total = groups.reduce((n, g) => n + (typeof g?.count === 'number' ? g.count : 0), 0);

  const section = (s: Section, body: ReactNode, extra?: ReactNode) => {
    const id = sectionId(idPrefix, s);
    const own = errorsAt(id);
    return (
      <section className="hf-section" id={id} aria-labelledby={`${id}-h`} tabIndex={-1} key={s}>
        <h2 id={`${id}-h`}>{s}</h2>
        <p className="hf-section-help">{SECTION_HELP[s]}</p>
        {extra}
        {own.length > 0 && (
          <ul className="hf-error">
            {own.map((e) => (
              <li key={e.text}>{e.text}</li>
            ))}
          </ul>
        )}
        {body}
      </section>
    );
  };

  const plainSection = (s: Section) => {
    const fields = sectionFields(s, schema);
    // Nested objects (levers.pledge, levers.visibility …) get a fieldset each.
    const parts = new Map<string, FieldDescriptor[]>();
    for (const f of fields) {
      const part = f.segments.length > 2 ? String(f.segments[1]) : '';
      parts.set(part, [...(parts.get(part) ?? []), f]);
    }
    return section(
      s,
      [...parts].map(([part, fs]) =>
        part === '' ? (
          <div className="hf-fields" key="_">
            {fs.map((f) => control(f))}
          </div>
        ) : (
          <fieldset className="hf-fieldset" key={part}>
            <legend>{humanize(part)}</legend>
            <div className="hf-fields">{fs.map((f) => control(f))}</div>
          </fieldset>
        ),
      ),
    );
  };

  const groupCard = (g: Group, i: number) => {
    const n = i + 1;
    const label = typeof g?.label === 'string' && g.label.trim() ? `: ${g.label.trim()}` : '';
    const cardId = groupCardId(idPrefix, i);
    const own = errorsAt(cardId);
    const name = `group ${n}`;
    return (
      <section
        className="hf-group"
        key={keys[i] ?? i}
        id={cardId}
        data-group-key={keys[i]}
        aria-labelledby={`${cardId}-h`}
        tabIndex={-1}
      >
        <header className="hf-group-head">
          <h3 id={`${cardId}-h`} tabIndex={-1} data-action="heading">
            Group {n}
            {label}
          </h3>
          <div className="hf-group-actions" role="group" aria-label={`Actions for group ${n}`}>
            <button
              type="button"
              data-action="up"
              aria-label={`Move group ${n} up`}
              disabled={i === 0}
              onClick={() => move(i, -1)}
            >
              ↑ Up
            </button>
            <button
              type="button"
              data-action="down"
              aria-label={`Move group ${n} down`}
              disabled={i === groups.length - 1}
              onClick={() => move(i, 1)}
            >
              ↓ Down
            </button>
            <button
              type="button"
              data-action="duplicate"
              aria-label={`Duplicate group ${n}`}
              onClick={() => duplicate(i)}
            >
              Duplicate
            </button>
            <button
              type="button"
              data-action="remove"
              aria-label={`Remove group ${n}`}
              disabled={groups.length <= 1}
              title={groups.length <= 1 ? 'A scenario needs at least one group' : undefined}
              onClick={() => remove(i)}
            >
              Remove
            </button>
          </div>
        </header>
        {own.length > 0 && (
          <ul className="hf-error">
            {own.map((e) => (
              <li key={e.text}>{e.text}</li>
            ))}
          </ul>
        )}
        {GROUP_PARTS.map(({ section: s, legend }) => {
          const fs = groupFields(schema).filter((f) => f.section === s);
          if (fs.length === 0 || (s === 'Docket' && !showDocket)) return null;
          return (
            <fieldset className="hf-fieldset" key={s}>
              <legend>{legend}</legend>
              <div className="hf-fields">{fs.map((f) => control(f, i, name))}</div>
            </fieldset>
          );
        })}
      </section>
    );
  };

  return (
    <div className="hf-editor" ref={rootRef}>
      <ErrorSummary errors={errors} targets={targets} prefix={idPrefix} />
      {SECTIONS.filter((s) => s !== 'Docket' || showDocket).map((s) =>
        s === 'Defendants'
          ? section(
              s,
              <>
                <div className="hf-groups">{groups.map(groupCard)}</div>
                <button type="button" className="hf-add" data-action="add-group" onClick={add}>
                  + Add a group
                </button>
              </>,
              <p className="hf-total" aria-live="polite">
                {groups.length} {groups.length === 1 ? 'group' : 'groups'},{' '}
                {total.toLocaleString('en-US')} {total === 1 ? 'defendant' : 'defendants'} in all
              </p>,
            )
          : plainSection(s),
      )}
    </div>
  );
}

function ErrorSummary({
  errors,
  targets,
  prefix,
}: {
  errors: readonly ValidationMessage[];
  targets: Map<string, ValidationMessage[]>;
  prefix: string;
}) {
  const idOf = new Map<ValidationMessage, string>();
  for (const [id, list] of targets) for (const e of list) idOf.set(e, id);
  const go = (id: string) => (ev: MouseEvent) => {
    const el = document.getElementById(id);
    if (!el) return;
    ev.preventDefault();
    el.scrollIntoView?.({ block: 'center' });
    el.focus();
  };
  return (
    <div className="hf-summary-wrap">
      <p className="hf-visually-hidden" role="status" aria-live="polite">
        {errors.length === 0
          ? 'The scenario is valid.'
          : `${errors.length} ${errors.length === 1 ? 'problem' : 'problems'} in the scenario.`}
      </p>
      {errors.length > 0 && (
        <section className="hf-summary" aria-labelledby={`${prefix}-summary-h`}>
          <h2 id={`${prefix}-summary-h`}>
            {errors.length} {errors.length === 1 ? 'problem' : 'problems'} to fix
          </h2>
          <ul>
            {errors.map((e) => {
              const id = idOf.get(e) ?? `${prefix}-section-scenario`;
              return (
                <li key={e.text}>
                  <a href={`#${id}`} onClick={go(id)}>
                    {e.text}
                  </a>
                </li>
              );
            })}
          </ul>
        </section>
      )}
    </div>
  );
}
