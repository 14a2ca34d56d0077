// The published JSON Schema of the scenario file (public/scenario.schema.json), generated from
// the zod schema so that the two never drift. It describes the shape, the types, the ranges, the
// defaults and each field's metadata (title, description, unit, ...); the cross-field rules and
// the size limits of MODEL.md §6 are checked by the product, not by the JSON Schema.
import { z } from 'zod';
import { MAX_TEXT, ScenarioShape } from './schema';

export const SCENARIO_SCHEMA_ID = 'scenario.schema.json';

export function scenarioJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(ScenarioShape, {
    io: 'input',
    override: (ctx) => {
      // Every text field is at most MAX_TEXT code points; JSON Schema's maxLength counts code
      // points too, so this is the same rule (checked by a refinement in zod).
      if (ctx.zodSchema._zod.def.type === 'string') ctx.jsonSchema.maxLength = MAX_TEXT;
      // The quick sliders' starting top is a screen hint, not part of the file's description.
      delete (ctx.jsonSchema as Record<string, unknown>).quickMax;
    },
  }) as Record<string, unknown>;
  const { $schema, ...body } = generated;
  return {
    $schema,
    $id: SCENARIO_SCHEMA_ID,
    title: 'Holdout scenario',
    description:
      'A scenario for Holdout, the plea-bargaining strike workbench (schemaVersion 1). ' +
      'Cross-field rules (shares summing to at most 1, ranking permutations, equal trial costs ' +
      'for the lottery, runs only with a random ranking) and the size limits are checked by ' +
      'the product.',
    ...body,
  };
}
