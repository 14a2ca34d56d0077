// The scenario editor: every control is generated from the schema (fields.ts). It edits a
// draft; errors are shown next to their fields and in a summary that links to them.
import {
  memo,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
  type MouseEvent,
  type ReactNode,
} from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
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

/** From this many groups on, the group list is virtualized (only the rows in view are drawn). */
export const VIRTUAL_FROM = 50;

/** The least height a row of the virtualized list is taken to have (px). */
const MIN_ROW_PX = 120;

const EMPTY_ERRORS: ReadonlyMap<string, ValidationMessage[]> = new Map();

/** The scenario-level fields by path, and the group fields' paths relative to `groups[i]`. */
type Known = { scenario: Map<string, string>; group: Set<string> };
let knownDefault: Known | null = null;
const knownBySchema = new WeakMap<ScenarioObjectSchema, Known>();
function knownPaths(schema?: ScenarioObjectSchema): Known {
  const cached = schema ? knownBySchema.get(schema) : knownDefault;
  if (cached) return cached;
  const scenario = new Map<string, string>();
  for (const f of scenarioFields(schema))
    if (f.scope === 'scenario') scenario.set(fieldPath(f), fieldPath(f));
  const group = new Set<string>();
  for (const f of groupFields(schema)) group.add(fieldPath(f, 0).slice('groups[0]'.length));
  const known = { scenario, group };
  if (schema) knownBySchema.set(schema, known);
  else knownDefault = known;
  return known;
}

/**
 * Where each message belongs: the id of the field, group card or section it names. Its cost
 * grows with the number of messages, not of groups (a 10,000-group scenario is edited per key).
 */
export function errorTargets(
  errors: readonly ValidationMessage[],
  groupCount: number,
  prefix: string,
  schema?: ScenarioObjectSchema,
): Map<string, ValidationMessage[]> {
  const out = new Map<string, ValidationMessage[]>();
  for (const e of errors) {
    const id = targetOf(e.path, groupCount, prefix, schema);
    const list = out.get(id) ?? [];
    list.push(e);
    out.set(id, list);
  }
  return out;
}

/** The group a message path is about (`groups[12].count` → 12), or -1. */
export function groupIndexOf(path: string, groupCount: number): number {
  const m = /^groups\[(\d+)\]/.exec(path);
  if (!m) return -1;
  const i = Number(m[1]);
  return i < groupCount ? i : -1;
}

function targetOf(
  path: string,
  groupCount: number,
  prefix: string,
  schema?: ScenarioObjectSchema,
): string {
  const known = knownPaths(schema);
  const i = groupIndexOf(path, groupCount);
  if (i >= 0) {
    let p = path.slice(`groups[${i}]`.length);
    for (let guard = 0; guard < 64; guard++) {
      if (p === '') return groupCardId(prefix, i);
      if (known.group.has(p)) return fieldId(prefix, `groups[${i}]${p}`);
      const cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
      p = cut <= 0 ? '' : p.slice(0, cut);
    }
  } else {
    let p = path;
    for (let guard = 0; guard < 64 && p; guard++) {
      if (known.scenario.has(p)) return fieldId(prefix, p);
      const cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
      if (cut <= 0) break;
      p = p.slice(0, cut);
    }
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
  /** Scrolls the virtualized list to a row (null while the list is drawn in full). */
  const scrollTo = useRef<((index: number) => void) | null>(null);

  // Stable keys for the group cards, so focus and state follow a card when it moves.
  const [keys, setKeys] = useState<string[]>(() => groups.map(freshKey));
  if (keys.length !== groups.length) {
    const next = keys.slice(0, groups.length);
    while (next.length < groups.length) next.push(freshKey());
    setKeys(next);
  }
  const [focus, setFocus] = useState<FocusRequest | null>(null);
  const focusTries = useRef(0);
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
      } else if (scrollTo.current && focusTries.current < 3) {
        // A virtualized row out of view: bring it in, then focus it on the next render.
        const at = keys.indexOf(focus.key);
        if (at >= 0) {
          focusTries.current++;
          scrollTo.current(at);
          const again = { ...focus };
          requestAnimationFrame(() => setFocus(again));
          return;
        }
      }
    }
    el?.focus();
    focusTries.current = 0;
    setFocus(null);
  }, [focus, keys]);

  const targets = useMemo(
    () => errorTargets(errors, groups.length, idPrefix, schema),
    [errors, groups.length, idPrefix, schema],
  );
  const errorsAt = (id: string) => targets.get(id) ?? [];
  // Each group's own messages, so that a row without any keeps the same (empty) map.
  const groupErrors = useMemo(() => {
    const byGroup = new Map<number, Map<string, ValidationMessage[]>>();
    for (const [id, list] of targets) {
      const i = groupIndexOf(list[0].path, groups.length);
      if (i < 0 || id.startsWith(`${idPrefix}-section-`)) continue;
      const m = byGroup.get(i) ?? new Map<string, ValidationMessage[]>();
      m.set(id, list);
      byGroup.set(i, m);
    }
    return byGroup;
  }, [targets, groups.length, idPrefix]);

  // The latest draft for the rows' handlers: the handlers stay the same from render to render,
  // so a memoized row re-renders only when its own group (or its messages) changed.
  const latest = useRef({ value, onChange, groups, keys, schema });
  useLayoutEffect(() => {
    latest.current = { value, onChange, groups, keys, schema };
  });
  const actions = useMemo<GroupActions>(() => {
    const setGroups = (next: Group[], nextKeys: string[], req: FocusRequest | null) => {
      const { value: v, onChange: change } = latest.current;
      setKeys(nextKeys);
      change({ ...v, groups: next });
      focusTries.current = 0;
      setFocus(req);
    };
    return {
      setField(f, index, v) {
        const { value: cur, onChange: change } = latest.current;
        change(setAt(cur, concreteSegments(f, index), v));
      },
      move(i, by) {
        const { groups: gs, keys: ks } = latest.current;
        const j = i + by;
        if (j < 0 || j >= gs.length) return;
        const g = [...gs];
        const k = [...ks];
        [g[i], g[j]] = [g[j], g[i]];
        [k[i], k[j]] = [k[j], k[i]];
        setGroups(g, k, { key: ks[i], action: by < 0 ? 'up' : 'down' });
      },
      duplicate(i) {
        const { groups: gs, keys: ks } = latest.current;
        const key = freshKey();
        const g = [...gs];
        const k = [...ks];
        g.splice(i + 1, 0, structuredClone(gs[i]));
        k.splice(i + 1, 0, key);
        setGroups(g, k, { key, action: 'heading' });
      },
      remove(i) {
        const { groups: gs, keys: ks } = latest.current;
        if (gs.length <= 1) return;
        const g = gs.filter((_, j) => j !== i);
        const k = ks.filter((_, j) => j !== i);
        const next = k[Math.min(i, k.length - 1)];
        setGroups(g, k, { key: next, action: 'heading' });
      },
      add() {
        const { groups: gs, keys: ks, value: v, schema: sc } = latest.current;
        const key = freshKey();
        setGroups([...gs, newGroup(v, sc)], [...ks, key], { key, action: 'heading' });
      },
    };
  }, []);

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
        onValue={(v) => actions.setField(f, index, v)}
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

  const virtual = groups.length >= VIRTUAL_FROM;
  const row = (i: number) => (
    <GroupCard
      key={keys[i] ?? i}
      group={groups[i]}
      index={i}
      count={groups.length}
      rowKey={keys[i]}
      prefix={idPrefix}
      showDocket={showDocket}
      rankingDefault={rankingDefault}
      errors={groupErrors.get(i) ?? EMPTY_ERRORS}
      actions={actions}
      ofCount={virtual}
      schema={schema}
    />
  );

  // The summary's links: a field in a row out of view is brought in first.
  const reveal = (e: ValidationMessage, id: string) => {
    const i = groupIndexOf(e.path, groups.length);
    if (i < 0 || !scrollTo.current || document.getElementById(id)) return false;
    scrollTo.current(i);
    requestAnimationFrame(() =>
      requestAnimationFrame(() => {
        const el = document.getElementById(id);
        el?.scrollIntoView?.({ block: 'center' });
        el?.focus();
      }),
    );
    return true;
  };

  return (
    <div className="hf-editor" ref={rootRef}>
      <ErrorSummary errors={errors} targets={targets} prefix={idPrefix} reveal={reveal} />
      {SECTIONS.filter((s) => s !== 'Docket' || showDocket).map((s) =>
        s === 'Defendants'
          ? section(
              s,
              <>
                {virtual ? (
                  <GroupWindow count={groups.length} keys={keys} row={row} scrollTo={scrollTo} />
                ) : (
                  <div className="hf-groups">{groups.map((_, i) => row(i))}</div>
                )}
                <button
                  type="button"
                  className="hf-add"
                  data-action="add-group"
                  onClick={actions.add}
                >
                  + Add a group
                </button>
              </>,
              <p className="hf-total" aria-live="polite">
                {groups.length.toLocaleString('en-US')} {groups.length === 1 ? 'group' : 'groups'},{' '}
                {total.toLocaleString('en-US')} {total === 1 ? 'defendant' : 'defendants'} in all
              </p>,
            )
          : plainSection(s),
      )}
    </div>
  );
}

interface GroupActions {
  setField(f: FieldDescriptor, index: number, v: unknown): void;
  move(i: number, by: -1 | 1): void;
  duplicate(i: number): void;
  remove(i: number): void;
  add(): void;
}

interface GroupCardProps {
  group: Group;
  index: number;
  count: number;
  rowKey: string | undefined;
  prefix: string;
  showDocket: boolean;
  rankingDefault: string | undefined;
  /** This group's messages, by the id they belong to. */
  errors: ReadonlyMap<string, ValidationMessage[]>;
  actions: GroupActions;
  /** Say "group k of N" (the virtualized list, where the other rows are not in the page). */
  ofCount: boolean;
  /** The scenario's object schema the fields come from (default: the registry's). */
  schema: ScenarioObjectSchema | undefined;
}

const NO_MESSAGES: ValidationMessage[] = [];

/** One group's card: re-rendered only when its group, place or messages change. */
const GroupCard = memo(function GroupCard({
  group: g,
  index: i,
  count,
  rowKey,
  prefix,
  showDocket,
  rankingDefault,
  errors,
  actions,
  ofCount,
  schema,
}: GroupCardProps) {
  const n = i + 1;
  const label = typeof g?.label === 'string' && g.label.trim() ? `: ${g.label.trim()}` : '';
  const cardId = groupCardId(prefix, i);
  const own = errors.get(cardId) ?? NO_MESSAGES;
  const name = `group ${n}`;
  const draft = { groups: [] as unknown[] };
  draft.groups[i] = g;
  return (
    <section
      className="hf-group"
      id={cardId}
      data-group-key={rowKey}
      aria-labelledby={`${cardId}-h`}
      tabIndex={-1}
    >
      <header className="hf-group-head">
        <h3 id={`${cardId}-h`} tabIndex={-1} data-action="heading">
          Group {n}
          {label}
          {ofCount && (
            <span className="hf-visually-hidden">
              {' '}
              (group {n.toLocaleString('en-US')} of {count.toLocaleString('en-US')})
            </span>
          )}
        </h3>
        <div className="hf-group-actions" role="group" aria-label={`Actions for group ${n}`}>
          <button
            type="button"
            data-action="up"
            aria-label={`Move group ${n} up`}
            disabled={i === 0}
            onClick={() => actions.move(i, -1)}
          >
            ↑ Up
          </button>
          <button
            type="button"
            data-action="down"
            aria-label={`Move group ${n} down`}
            disabled={i === count - 1}
            onClick={() => actions.move(i, 1)}
          >
            ↓ Down
          </button>
          <button
            type="button"
            data-action="duplicate"
            aria-label={`Duplicate group ${n}`}
            onClick={() => actions.duplicate(i)}
          >
            Duplicate
          </button>
          <button
            type="button"
            data-action="remove"
            aria-label={`Remove group ${n}`}
            disabled={count <= 1}
            title={count <= 1 ? 'A scenario needs at least one group' : undefined}
            onClick={() => actions.remove(i)}
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
            <div className="hf-fields">
              {fs.map((f) => {
                const path = fieldPath(f, i);
                const id = fieldId(prefix, path);
                return (
                  <FieldControl
                    key={f.path}
                    field={f}
                    path={path}
                    id={id}
                    value={displayValue(draft, f, i)}
                    onValue={(v) => actions.setField(f, i, v)}
                    errors={errors.get(id) ?? NO_MESSAGES}
                    context={name}
                    rankingDefault={rankingDefault}
                  />
                );
              })}
            </div>
          </fieldset>
        );
      })}
    </section>
  );
});

/**
 * The group list of a large scenario: a scrolling box that draws only the rows in view (and a
 * few around them), measured as they render. A list for assistive technology, each row "k of
 * N"; Tab moves through the drawn rows (the box scrolls with the focus, drawing the next ones),
 * and on the box itself Home, End, Page Up and Page Down move by rows.
 */
function GroupWindow({
  count,
  keys,
  row,
  scrollTo,
}: {
  count: number;
  keys: readonly string[];
  row: (i: number) => ReactNode;
  scrollTo: { current: ((index: number) => void) | null };
}) {
  const boxRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => boxRef.current,
    estimateSize: () => 560,
    overscan: 2,
    // The first rows are drawn before the box is measured (and where nothing is laid out).
    initialRect: { width: 400, height: 640 },
    // A row is never taken for less than a heading's height: a box not laid out yet (or a
    // test's DOM) must not pull every row into the window at once.
    measureElement: (el) => Math.max(MIN_ROW_PX, el.getBoundingClientRect().height),
    getItemKey: (i) => keys[i] ?? i,
  });
  useEffect(() => {
    scrollTo.current = (i) => virtualizer.scrollToIndex(i, { align: 'start' });
    return () => {
      scrollTo.current = null;
    };
  }, [virtualizer, scrollTo]);
  const items = virtualizer.getVirtualItems();
  const onKey = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.target !== e.currentTarget) return;
    const first = items[0]?.index ?? 0;
    let to = -1;
    if (e.key === 'Home') to = 0;
    else if (e.key === 'End') to = count - 1;
    else if (e.key === 'PageDown') to = Math.min(count - 1, first + 1);
    else if (e.key === 'PageUp') to = Math.max(0, first - 1);
    if (to < 0) return;
    e.preventDefault();
    virtualizer.scrollToIndex(to, { align: 'start' });
  };
  return (
    <div
      ref={boxRef}
      className="hf-groups hf-groups-window"
      role="list"
      aria-label={`Groups, ${count.toLocaleString('en-US')} in all`}
      tabIndex={0}
      onKeyDown={onKey}
      data-virtual="true"
    >
      <div
        role="presentation"
        style={{ height: virtualizer.getTotalSize(), position: 'relative', width: '100%' }}
      >
        {items.map((item) => (
          <div
            key={item.key}
            data-index={item.index}
            ref={virtualizer.measureElement}
            role="listitem"
            aria-posinset={item.index + 1}
            aria-setsize={count}
            className="hf-group-row"
            style={{
              position: 'absolute',
              top: 0,
              left: 0,
              width: '100%',
              transform: `translateY(${item.start}px)`,
            }}
          >
            {row(item.index)}
          </div>
        ))}
      </div>
    </div>
  );
}

function ErrorSummary({
  errors,
  targets,
  prefix,
  reveal,
}: {
  errors: readonly ValidationMessage[];
  targets: Map<string, ValidationMessage[]>;
  prefix: string;
  /** Brings a virtualized row into view and focuses the field; false when there is no need. */
  reveal: (e: ValidationMessage, id: string) => boolean;
}) {
  const idOf = new Map<ValidationMessage, string>();
  for (const [id, list] of targets) for (const e of list) idOf.set(e, id);
  const go = (id: string, e: ValidationMessage) => (ev: MouseEvent) => {
    if (reveal(e, id)) {
      ev.preventDefault();
      return;
    }
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
                  <a href={`#${id}`} onClick={go(id, e)}>
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
