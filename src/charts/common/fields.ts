// Labels and units of scenario fields and result outcomes, read from the scenario schema's
// metadata and the engine's table of result quantities (never duplicated), for axis titles.
import { ScenarioShape } from '../../engine';
import { OUTCOME_KEYS, type OutcomeKey } from '../../engine';
import { DERIVED_GROUP_FIELDS } from '../../engine';
import { DISTRIBUTION_KEYS, type DistributionKey } from '../../engine';
import { QUANTITIES, formatShort, type QuantityKey } from '../../engine';

export interface AxisLabel {
  label: string;
  unit: string;
}

type AnySchema = {
  _zod: { def: Record<string, unknown> };
  meta?: () => unknown;
  shape?: Record<string, AnySchema>;
};

/** The object inside wrappers (default, optional, nullable) and arrays (the groups' element). */
function unwrap(s: AnySchema | undefined): AnySchema | undefined {
  let cur = s;
  for (let i = 0; cur && i < 8; i++) {
    const inner = (cur._zod.def.innerType ?? cur._zod.def.element) as AnySchema | undefined;
    if (!inner) break;
    cur = inner;
  }
  return cur;
}

function metaOf(s: AnySchema | undefined): { title?: string; unit?: string } | undefined {
  let cur = s;
  for (let i = 0; cur && i < 8; i++) {
    const m = cur.meta?.() as { title?: string; unit?: string } | undefined;
    if (m && m.title) return m;
    cur = cur._zod.def.innerType as AnySchema | undefined;
  }
  return undefined;
}

/** Label and unit of a dotted field path such as "groups[0].pledgedShare" or "levers.strikeFund.fund". */
export function fieldLabel(field: string): AxisLabel {
  const derived = DERIVED_GROUP_FIELDS[field.slice(field.lastIndexOf('.') + 1)];
  if (derived) return { label: derived.title, unit: derived.unit };
  const parts = field
    .replace(/\[(\d*)\]/g, '.$1')
    .split('.')
    .filter((p) => p !== '' && !/^\d+$/.test(p));
  const group = /^groups\[(\d+)\]/.exec(field);
  // Walked down the scenario's own object schema (every lever's fields included).
  let schema: AnySchema | undefined = ScenarioShape as unknown as AnySchema;
  for (const p of parts) {
    schema = unwrap(schema)?.shape?.[p];
    if (!schema) break;
  }
  const m = metaOf(schema);
  if (!m) return { label: field, unit: '' };
  const label = group ? `${m.title}, group ${Number(group[1]) + 1}` : (m.title ?? field);
  return { label, unit: m.unit ?? '' };
}

/** An axis title from the engine's table of result quantities (the unit over runs where it differs). */
const axis = (key: QuantityKey): AxisLabel => {
  const q = QUANTITIES[key];
  return { label: q.title, unit: q.overRunsUnit ?? q.unit };
};

export const OUTCOME_LABELS: Record<OutcomeKey, AxisLabel> = Object.fromEntries(
  OUTCOME_KEYS.map((k) => [k, axis(k)]),
) as Record<OutcomeKey, AxisLabel>;

export const DISTRIBUTION_LABELS: Record<DistributionKey, AxisLabel> = Object.fromEntries(
  DISTRIBUTION_KEYS.map((k) => [k, axis(k)]),
) as Record<DistributionKey, AxisLabel>;

/** "Label (unit)", or the label alone when there is no unit. */
export function withUnit(a: AxisLabel): string {
  return a.unit ? `${a.label} (${a.unit})` : a.label;
}

/**
 * Short number formatting for labels and descriptions: at most 4 significant digits, no trailing
 * zeros — the engine's quantities table's formatShort (one Intl formatter for every label).
 */
export const fmt: (x: number | null | undefined) => string = formatShort;
