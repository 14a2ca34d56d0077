// Field descriptors generated from the scenario schema (src/engine/scenario/schema.ts): the
// editor's labels, units, ranges and help all come from the schema's metadata and checks, so
// they never drift from what validation enforces.
import { z } from 'zod';
import { ScenarioShape, type FieldMeta, type ScenarioInput } from '../../engine';

export type FieldKind =
  'number' | 'integer' | 'boolean' | 'enum' | 'text' | 'nullableNumber' | 'ranking';

export type Section = NonNullable<FieldMeta['section']>;
export const SECTIONS: readonly Section[] = [
  'Scenario',
  'Defendants',
  'Prosecutor',
  'Levers',
  'Docket',
];

/** A path segment; `GROUP` stands for "the index of a group" in a group field's template. */
export type Segment = string | number;
export const GROUP = -1;

export interface FieldDescriptor {
  /** Template path: `levers.pledge.penalty`, `groups[].convictionProbability`. */
  path: string;
  /** The same as segments; a group field's index segment is GROUP (−1). */
  segments: Segment[];
  /** `group` fields live in every group (`groups[i].…`); the others once per scenario. */
  scope: 'scenario' | 'group';
  key: string;
  title: string;
  description: string;
  unit?: string;
  citation?: string;
  /** Hard range from the schema's checks (undefined when unbounded). */
  min?: number;
  max?: number;
  /** Suggested slider top; the slider spans min..(sliderMax ?? max). */
  sliderMax?: number;
  /** The quick lever's starting top, when it differs from sliderMax. */
  quickMax?: number;
  step?: number;
  kind: FieldKind;
  /** For nullableNumber: whether the number must be whole. */
  integer?: boolean;
  /** enum and ranking: the named options. */
  options?: string[];
  section: Section;
  /** The schema default (undefined when the field is required or optional without one). */
  defaultValue?: unknown;
  required: boolean;
}

// ---------------------------------------------------------------------------------------------
// Reading zod 4 schemas.

interface Def {
  type: string;
  innerType?: ZodAny;
  shape?: Record<string, ZodAny>;
  element?: ZodAny;
  options?: ZodAny[];
  entries?: Record<string, string>;
  defaultValue?: unknown;
}
interface ZodAny {
  _zod: { def: Def };
  minValue?: number | null;
  maxValue?: number | null;
  isInt?: boolean;
}

const WRAPPERS = new Set(['default', 'prefault', 'optional', 'nullable', 'readonly', 'catch']);

interface Unwrapped {
  schema: ZodAny;
  nullable: boolean;
  optional: boolean;
  hasDefault: boolean;
  defaultValue: unknown;
  meta: Partial<FieldMeta>;
}

function metaOf(s: ZodAny): Partial<FieldMeta> {
  return (z.globalRegistry.get(s as unknown as z.ZodType) ?? {}) as Partial<FieldMeta>;
}

/** Strip default/nullable/optional wrappers, merging the metadata found on the way (outer wins). */
export function unwrap(schema: ZodAny): Unwrapped {
  let s = schema;
  const out: Unwrapped = {
    schema,
    nullable: false,
    optional: false,
    hasDefault: false,
    defaultValue: undefined,
    meta: {},
  };
  for (let guard = 0; guard < 32; guard++) {
    out.meta = { ...metaOf(s), ...out.meta };
    const def = s._zod.def;
    if (def.type === 'nullable') out.nullable = true;
    if (def.type === 'optional') out.optional = true;
    if (def.type === 'default' && !out.hasDefault) {
      out.hasDefault = true;
      out.defaultValue = def.defaultValue;
    }
    if (WRAPPERS.has(def.type) && def.innerType) s = def.innerType;
    else break;
  }
  out.schema = s;
  return out;
}

const finite = (x: number | null | undefined) =>
  typeof x === 'number' && Number.isFinite(x) ? x : undefined;

function describe(
  schema: ZodAny,
  segments: Segment[],
  scope: 'scenario' | 'group',
  fallbackSection: Section,
): FieldDescriptor | null {
  const u = unwrap(schema);
  const def = u.schema._zod.def;
  const key = String(segments[segments.length - 1]);
  let kind: FieldKind;
  let options: string[] | undefined;
  let integer: boolean | undefined;
  let min: number | undefined;
  let max: number | undefined;
  switch (def.type) {
    case 'number':
      integer = u.schema.isInt === true;
      kind = u.nullable ? 'nullableNumber' : integer ? 'integer' : 'number';
      min = finite(u.schema.minValue);
      max = finite(u.schema.maxValue);
      break;
    case 'boolean':
      kind = 'boolean';
      break;
    case 'string':
      kind = 'text';
      break;
    case 'enum':
      kind = 'enum';
      options = Object.values(def.entries ?? {});
      break;
    case 'union': {
      const named = (def.options ?? []).map((o) => unwrap(o).schema._zod.def);
      const en = named.find((d) => d.type === 'enum');
      if (!en) return null;
      kind = 'ranking';
      options = Object.values(en.entries ?? {});
      break;
    }
    default:
      return null; // literals (schemaVersion) and containers are not edited as fields
  }
  const m = u.meta;
  return {
    path: toTemplate(segments),
    segments,
    scope,
    key,
    title: m.title ?? key,
    description: m.description ?? '',
    unit: m.unit,
    citation: m.citation,
    min,
    max,
    sliderMax: m.sliderMax,
    quickMax: m.quickMax,
    step: m.step ?? (integer ? 1 : undefined),
    kind,
    integer: kind === 'nullableNumber' ? integer : undefined,
    options,
    section: m.section ?? fallbackSection,
    defaultValue: u.hasDefault ? u.defaultValue : m.implicitDefault,
    required: !u.hasDefault && !u.optional,
  };
}

function walk(
  schema: ZodAny,
  segments: Segment[],
  scope: 'scenario' | 'group',
  fallback: Section,
  out: FieldDescriptor[],
) {
  const u = unwrap(schema);
  const def = u.schema._zod.def;
  if (def.type === 'object' && def.shape) {
    const top = segments.length === 0;
    for (const [k, child] of Object.entries(def.shape)) {
      const section: Section = top
        ? k === 'prosecutor'
          ? 'Prosecutor'
          : k === 'levers'
            ? 'Levers'
            : k === 'docket'
              ? 'Docket'
              : k === 'groups'
              ? 'Defendants'
              : 'Scenario'
        : fallback;
      walk(child, [...segments, k], scope, section, out);
    }
    return;
  }
  if (
    def.type === 'array' &&
    def.element &&
    unwrap(def.element).schema._zod.def.type === 'object'
  ) {
    walk(def.element, [...segments, GROUP], 'group', fallback, out);
    return;
  }
  const d = describe(schema, segments, scope, fallback);
  if (d) out.push(d);
}

/**
 * The scenario's object schema the fields are read from: the registry's (ScenarioShape), or one
 * a test composed with an extra lever (`composeScenarioSchema([...LEVERS, extra]).object`).
 */
export type ScenarioObjectSchema = object;

const cache = new WeakMap<object, FieldDescriptor[]>();

/** Every editable leaf field of the scenario, in schema order. */
export function scenarioFields(shape: ScenarioObjectSchema = ScenarioShape): FieldDescriptor[] {
  let out = cache.get(shape);
  if (!out) {
    out = [];
    walk(shape as unknown as ZodAny, [], 'scenario', 'Scenario', out);
    cache.set(shape, out);
  }
  return out;
}

/** The scenario-level fields of a section (group fields are listed by groupFields()). */
export function sectionFields(section: Section, shape?: ScenarioObjectSchema): FieldDescriptor[] {
  return scenarioFields(shape).filter((f) => f.scope === 'scenario' && f.section === section);
}

/** The fields of one group, in schema order. */
export function groupFields(shape?: ScenarioObjectSchema): FieldDescriptor[] {
  return scenarioFields(shape).filter((f) => f.scope === 'group');
}

export function fieldByPath(path: string, shape?: ScenarioObjectSchema): FieldDescriptor | undefined {
  return scenarioFields(shape).find((f) => f.path === path);
}

// ---------------------------------------------------------------------------------------------
// Paths.

/** `groups[].convictionProbability` from segments with GROUP as the index. */
export function toTemplate(segments: readonly Segment[]): string {
  return formatSegments(segments.map((s) => (s === GROUP ? '' : s)));
}

function formatSegments(segments: readonly (Segment | '')[]): string {
  let out = '';
  segments.forEach((s, i) => {
    if (typeof s === 'number' || (s === '' && i > 0)) out += `[${s}]`;
    else out += out === '' ? s : `.${s}`;
  });
  return out;
}

/** The concrete segments of a field, for group `index` when it is a group field. */
export function concreteSegments(f: FieldDescriptor, index = 0): Segment[] {
  return f.segments.map((s) => (s === GROUP ? index : s));
}

/** The field's path as validation messages name it: `groups[2].convictionProbability`. */
export function fieldPath(f: FieldDescriptor, index = 0): string {
  return formatSegments(concreteSegments(f, index));
}

/** A DOM id for a field path (stable, CSS-safe). */
export function fieldId(prefix: string, path: string): string {
  return `${prefix}-${path.replace(/[^A-Za-z0-9_]+/g, '-').replace(/-+$/, '')}`;
}

// ---------------------------------------------------------------------------------------------
// Reading and writing a draft (immutably).

export function getAt(root: unknown, segments: readonly Segment[]): unknown {
  let v: unknown = root;
  for (const s of segments) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string | number, unknown>)[s];
  }
  return v;
}

export function setAt<T>(root: T, segments: readonly Segment[], value: unknown): T {
  if (segments.length === 0) return value as T;
  const [head, ...rest] = segments;
  const base: unknown = root;
  if (typeof head === 'number') {
    const arr = Array.isArray(base) ? [...(base as unknown[])] : [];
    arr[head] = setAt(arr[head], rest, value);
    return arr as T;
  }
  const obj =
    base !== null && typeof base === 'object' && !Array.isArray(base)
      ? { ...(base as Record<string, unknown>) }
      : {};
  obj[head] = setAt(obj[head], rest, value);
  return obj as T;
}

/** The value the field shows: the draft's, or the schema default when the draft leaves it out. */
export function displayValue(draft: unknown, f: FieldDescriptor, index = 0): unknown {
  const v = getAt(draft, concreteSegments(f, index));
  return v === undefined ? f.defaultValue : v;
}

/** A new group: the first group's values when there is one, else the schema defaults. */
export function newGroup(
  draft: ScenarioInput,
  shape?: ScenarioObjectSchema,
): ScenarioInput['groups'][number] {
  const g: Record<string, unknown> = {};
  for (const f of groupFields(shape)) {
    if (f.defaultValue !== undefined) g[f.key] = f.defaultValue;
  }
  const first = Array.isArray(draft.groups) ? draft.groups[0] : undefined;
  return {
    ...g,
    label: '',
    count: typeof first?.count === 'number' ? first.count : 10,
    convictionProbability:
      typeof first?.convictionProbability === 'number' ? first.convictionProbability : 0.5,
    trialSentence: typeof first?.trialSentence === 'number' ? first.trialSentence : 10,
    trialCost: typeof first?.trialCost === 'number' ? first.trialCost : 1,
  } as ScenarioInput['groups'][number];
}
