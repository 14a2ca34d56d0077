// The scenario in the §6 shape, keys in the order the schema declares them: walked from the zod
// schema itself, so a new field (the docket's, a new lever's) is written out with no other edit.
// Values the parsed scenario leaves out (optional fields not given) stay out.
import type { z } from 'zod';
import { ScenarioShape, type Scenario } from './schema';

type Def = { type: string; innerType?: z.ZodType; element?: z.ZodType; shape?: Record<string, z.ZodType>; in?: z.ZodType; options?: z.ZodType[] };
const defOf = (t: z.ZodType): Def => (t as unknown as { _zod: { def: Def } })._zod.def;

/** The object schema inside wrappers (default, optional, nullable, pipe), if there is one. */
function objectShape(t: z.ZodType): Record<string, z.ZodType> | null {
  const d = defOf(t);
  if (d.type === 'object' && d.shape) return d.shape;
  if ((d.type === 'default' || d.type === 'optional' || d.type === 'nullable' || d.type === 'prefault') && d.innerType)
    return objectShape(d.innerType);
  if (d.type === 'pipe' && d.in) return objectShape(d.in);
  return null;
}

/** The element schema of an array inside wrappers, if there is one. */
function arrayElement(t: z.ZodType): z.ZodType | null {
  const d = defOf(t);
  if (d.type === 'array' && d.element) return d.element;
  if ((d.type === 'default' || d.type === 'optional' || d.type === 'nullable' || d.type === 'prefault') && d.innerType)
    return arrayElement(d.innerType);
  if (d.type === 'pipe' && d.in) return arrayElement(d.in);
  return null;
}

function walk(t: z.ZodType, v: unknown): unknown {
  if (v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) {
    const el = arrayElement(t);
    return v.map((x) => (el ? walk(el, x) : x));
  }
  const shape = objectShape(t);
  if (!shape) return v;
  const out: Record<string, unknown> = {};
  const src = v as Record<string, unknown>;
  for (const [key, sub] of Object.entries(shape)) {
    if (src[key] !== undefined) out[key] = walk(sub, src[key]);
  }
  return out;
}

/**
 * The parsed scenario as the scenario file writes it: §6 keys in schema order, nothing else.
 * `shape` is the scenario's object schema (the registry's, or one composed with an extra lever).
 */
export function canonicalScenario<S extends object = Scenario>(s: S, shape: object = ScenarioShape): S {
  return walk(shape as unknown as z.ZodType, s) as S;
}
