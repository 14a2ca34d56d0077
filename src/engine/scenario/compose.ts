// The scenario schema composed from the core fields (core.ts) and the lever registry
// (levers/index.ts): each lever adds its group fields (placed after the field it names) and its
// fields under `levers.<block>`; blocks shared by levers merge in registry order; every block's
// default is what its fields' defaults make. A test composes the registry with an extra lever
// (`composeScenarioSchema([...LEVERS, extra])`) and hands the result to the editor, the sweep
// field list and the why panel.
import { z } from 'zod';
import { CORE_GROUP, scenarioObject } from './core';
import { checkScenario } from './rules';
import { LEVERS, markLevers, type LeverList } from '../levers';

type Shape = Record<string, z.ZodType>;

/** The group's fields in the file's key order: core fields, each lever field after its anchor. */
export function composeGroupShape(levers: LeverList): Shape {
  const keys: string[] = Object.keys(CORE_GROUP);
  const schemas: Shape = { ...(CORE_GROUP as Shape) };
  let pending = levers.flatMap((l) =>
    Object.entries(l.group ?? {}).map(([key, f]) => ({ lever: l.id, key, ...f })),
  );
  // Anchors may name another lever's field: place what can be placed until nothing moves.
  while (pending.length > 0) {
    const left: typeof pending = [];
    for (const f of pending) {
      if (f.key in schemas)
        throw new Error(`lever ${f.lever}: group field ${f.key} is declared twice`);
      if (f.after === undefined) continue;
      const at = keys.indexOf(f.after);
      if (at < 0) {
        left.push(f);
        continue;
      }
      keys.splice(at + 1, 0, f.key);
      schemas[f.key] = f.schema;
    }
    const unanchored = pending.filter((f) => f.after === undefined);
    if (
      left.length === pending.length - unanchored.length &&
      left.length > 0 &&
      unanchored.length === 0
    ) {
      throw new Error(
        `lever ${left[0].lever}: group field ${left[0].key} follows ${left[0].after}, which no schema declares`,
      );
    }
    for (const f of unanchored) {
      keys.push(f.key);
      schemas[f.key] = f.schema;
    }
    pending = left;
  }
  const out: Shape = {};
  for (const k of keys) out[k] = schemas[k];
  return out;
}

/** The `levers` blocks: { pledge: { penalty, secret }, visibility: {...}, ... } in registry order. */
export function composeLeverBlocks(levers: LeverList): Record<string, Shape> {
  const blocks: Record<string, Shape> = {};
  for (const l of levers) {
    for (const [block, fields] of Object.entries(l.levers ?? {})) {
      blocks[block] ??= {};
      for (const [key, schema] of Object.entries(fields)) {
        if (key in blocks[block])
          throw new Error(`lever ${l.id}: levers.${block}.${key} is declared twice`);
        blocks[block][key] = schema;
      }
    }
  }
  return blocks;
}

/** The `levers` object: every block defaults to its fields' defaults, and so does the whole. */
export function composeLeversSchema(levers: LeverList) {
  const shape: Shape = {};
  const whole: Record<string, unknown> = {};
  for (const [block, fields] of Object.entries(composeLeverBlocks(levers))) {
    const inner = z.strictObject(fields);
    const dflt = inner.parse({}) as Record<string, unknown>;
    shape[block] = inner.default(dflt);
    whole[block] = dflt;
  }
  return z.strictObject(shape).default(whole);
}

/** The composed scenario: its object (what the editor walks) and its validating schema. */
export function composeScenarioSchema(levers: LeverList = LEVERS) {
  const group = z.strictObject(composeGroupShape(levers));
  const leversSchema = composeLeversSchema(levers);
  const object = scenarioObject(group, leversSchema);
  // A budget may be left out only under the docket (the cross-field rules check it; it is not
  // used there). The docket's group fields (firstWeek, lastWeek, detentionPerWeek) stay absent
  // when absent, so every earlier file round-trips unchanged; the engine reads them through
  // population/kinds.ts with their MODEL.md defaults (0, W − 1, 0).
  const schema = object
    .superRefine((s, ctx) => checkScenario(s as never, ctx, levers))
    .transform((s) => finishScenario(s, levers));
  return { levers, group, leversSchema, object, schema };
}

type ObjectOutput = { prosecutor: { ranking?: unknown; regime: string } };

/**
 * The last step of the validating schema, after the cross-field rules: the default ranking
 * (optimal under priority, else arrival) and the levers the scenario was composed with. Also
 * the last step of the incremental draft check (incremental.ts).
 */
export function finishScenario<S extends ObjectOutput>(s: S, levers: LeverList) {
  return markLevers(
    {
      ...s,
      prosecutor: {
        ...s.prosecutor,
        ranking:
          s.prosecutor.ranking ?? (s.prosecutor.regime === 'priority' ? 'optimal' : 'arrival'),
      },
    },
    levers,
  );
}

export type ComposedScenario = ReturnType<typeof composeScenarioSchema>;
