// The scenario file (MODEL.md §6): the single source of truth. It is composed from the core
// fields (core.ts) and every lever's own fields (src/engine/levers/*.ts) by compose.ts; types are
// inferred from the same fields, defaults are applied by it, the editor's labels/units/help come
// from its metadata, and the published JSON Schema (public/scenario.schema.json) is generated
// from it.
import type { z } from 'zod';
import { CORE_GROUP, scenarioObject, type Regime } from './core';
import { composeScenarioSchema } from './compose';
import { LEVERS } from '../levers';

export type { FieldMeta } from './fieldMeta';
export {
  MAX_TEXT,
  MAX_YEARS,
  MAX_MONEY,
  MAX_TRIAL_COST,
  MAX_BUDGET,
  MAX_GROUPS,
  MAX_RUNS,
  MAX_WEEKS,
  MAX_DEADLINE,
  MAX_CAPACITY,
  loneSurrogateAt,
  RankingName,
  Regime,
  Offers,
  Equilibrium,
  DocketSchema,
  RankingSchema,
  ProsecutorSchema,
} from './core';

// ---------------------------------------------------------------------------------------------
// The scenario's static type, inferred from the registry's own field declarations.

type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (
  x: infer I,
) => void
  ? I
  : never;
type Flatten<T> = { [K in keyof T]: T[K] };
type AsShape<T> = T extends z.core.$ZodShape ? T : never;
type Unit = (typeof LEVERS)[number];
type GroupFieldsOf<U> = U extends { group?: infer G }
  ? { [K in keyof NonNullable<G>]: NonNullable<G>[K] extends { schema: infer S } ? S : never }
  : never;
type BlocksOf<U> = U extends { levers?: infer B } ? NonNullable<B> : never;
type LeverGroupShape = UnionToIntersection<GroupFieldsOf<Unit>>;
type LeverBlocks = UnionToIntersection<BlocksOf<Unit>>;

type GroupObject = z.ZodObject<
  AsShape<Flatten<typeof CORE_GROUP & LeverGroupShape>>,
  z.core.$strict
>;
type LeversObject = z.ZodDefault<
  z.ZodObject<
    {
      [B in keyof LeverBlocks]: z.ZodDefault<
        z.ZodObject<AsShape<Flatten<LeverBlocks[B]>>, z.core.$strict>
      >;
    },
    z.core.$strict
  >
>;
type ScenarioObjectType = ReturnType<typeof scenarioObject<GroupObject, LeversObject>>;

const composed = composeScenarioSchema(LEVERS);

export const GroupSchema = composed.group as unknown as GroupObject;
export const LeversSchema = composed.leversSchema as unknown as LeversObject;
const ScenarioObject = composed.object as unknown as ScenarioObjectType;

/** The scenario as written in a file (defaults not yet applied). */
export type ScenarioInput = z.input<typeof ScenarioObject>;

type RankingOut = NonNullable<z.output<ScenarioObjectType>['prosecutor']['ranking']>;
type ScenarioOut = Omit<z.output<ScenarioObjectType>, 'prosecutor'> & {
  prosecutor: Omit<z.output<ScenarioObjectType>['prosecutor'], 'ranking'> & { ranking: RankingOut };
};

/** Cross-field rules and the limits that protect the user's machine (see rules.ts), then the default ranking. */
export const ScenarioSchema = composed.schema as unknown as z.ZodType<ScenarioOut, ScenarioInput>;

/** A validated scenario with every default applied. */
export type Scenario = z.output<typeof ScenarioSchema>;
export type Group = Scenario['groups'][number];
export type Prosecutor = Scenario['prosecutor'];
export type Levers = Scenario['levers'];
export type RegimeName = z.infer<typeof Regime>;
export type Ranking = Scenario['prosecutor']['ranking'];
export type Docket = NonNullable<Scenario['docket']>;
export type ScenarioObjectOutput = z.output<typeof ScenarioObject>;

/** The object part (no cross-field rules): what the editor walks for field metadata. */
export const ScenarioShape = ScenarioObject;
