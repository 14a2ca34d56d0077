// A lever is a unit: one file declares what it is (LeverMeta), the scenario fields it adds (its
// sub-schema, with each field's label, unit, help, slider range and source in the zod metadata),
// its part of the premium L and of the insurance that lowers ê, the cross-field rule that belongs
// to it, and how the why panel names its parts. The scenario schema (scenario/compose.ts), the
// population's costs (levers/index.ts: kindLeverCosts), the editor, the sweep fields and the why
// panel all walk the registry (levers/index.ts), so a new lever is one file plus its test.
import type { z } from 'zod';

export interface LeverMeta {
  id: string;
  label: string;
  /** One line: what it does in the model. */
  help: string;
  /** The MODEL.md parameters it reads. */
  parameters: string[];
  citation: string;
}

/** A field a lever adds to every group, placed after `after` in the group's key order. */
export interface LeverGroupField {
  schema: z.ZodType;
  /** The group field it follows in the file (a core field or another lever's); last if absent. */
  after?: string;
}

/** What one kind of defendant is, as far as the levers are concerned (MODEL.md §3). */
export interface LeverKind {
  /** The whole validated scenario (a lever reads its own fields from it). */
  scenario: LeverScenario;
  /** His group's fields. */
  group: Record<string, unknown>;
  pledged: 0 | 1;
  covered: 0 | 1;
}

/** The parts of a validated scenario every lever may read (extra levers read their own fields). */
export interface LeverScenario {
  groups: readonly Record<string, unknown>[];
  levers: Record<string, Record<string, unknown>>;
  [key: string]: unknown;
}

/**
 * One named part of his premium, for the why panel: the amount, the symbols and factors it is
 * the product of, and the scenario without it (the counterfactual the why panel asks about).
 * `amount` is null for a part that changes what she believes rather than what he pays (secrecy).
 */
export interface LeverPart {
  /** The lever's id. */
  lever: string;
  /** A stable key: 'pledgePenalty', 'sanction', 'stipend', 'insurance', 'secrecy', or an extra lever's. */
  key: string;
  /** Plain name in a sentence: "pledge penalty". */
  name: string;
  /** "q·F", "T"; null when the part has no formula. */
  symbol: string | null;
  /** The factors of the formula in order ([q, F]); empty for a single symbol. */
  factors: number[];
  amount: number | null;
  /** The scenario with this part switched off (the kind's pledged and covered flags unchanged). */
  without: (s: LeverScenario) => LeverScenario;
}

export interface LeverUnit<
  G extends Record<string, LeverGroupField> = Record<string, LeverGroupField>,
  B extends Record<string, Record<string, z.ZodType>> = Record<string, Record<string, z.ZodType>>,
> extends LeverMeta {
  /** Fields added to every group. */
  group?: G;
  /** Fields added under `levers.<block>.<key>` (blocks shared by levers merge, in registry order). */
  levers?: B;
  /** His part of the premium L (MODEL.md §3), summed over the registry in its order. */
  premium?: (x: LeverKind) => number;
  /** What it takes off the expected trial cost e for him (ê = max(0, e − Σ insurance)). */
  insurance?: (x: LeverKind) => number;
  /**
   * What the prosecutor cannot see (MODEL.md §5): when true for the scenario she evaluates every
   * lever as if nobody pledged or was covered (believed L and ê).
   */
  hides?: (s: LeverScenario) => boolean;
  /**
   * The scenario without what organizers do through this lever (the status quo beside a result):
   * absent for levers that are facts of the court or the defendants (K, d, the hard core, secrecy).
   */
  unorganized?: (s: LeverScenario) => LeverScenario;
  /** The named parts of his premium for the why panel (only parts that are present). */
  parts?: (x: LeverKind & { e: number }) => LeverPart[];
  /**
   * Why moving one of its fields can change nothing in this scenario (a draft, perhaps invalid),
   * by the field's path, or null when it can: the quick sliders say it beside the slider.
   */
  idle?: Record<string, (draft: unknown) => string | null>;
  /** A cross-field rule on one group that belongs to this lever (MODEL.md §6). */
  checkGroup?: (
    g: Record<string, unknown>,
    index: number,
    issue: (path: (string | number)[], message: string, input?: unknown) => void,
  ) => void;
}

/** Keep a lever's literal field types (the scenario type is inferred from them). */
export function defineLever<
  G extends Record<string, LeverGroupField> = Record<never, LeverGroupField>,
  B extends Record<string, Record<string, z.ZodType>> = Record<never, Record<string, z.ZodType>>,
>(unit: LeverUnit<G, B>): LeverUnit<G, B> {
  return unit;
}

/** A copy of the scenario with one group's field (or every group's) changed. */
export function withGroupField(s: LeverScenario, key: string, value: unknown): LeverScenario {
  return { ...s, groups: s.groups.map((g) => ({ ...g, [key]: value })) };
}

/** A copy of the scenario with `levers.<block>.<key>` changed. */
export function withLeverField(
  s: LeverScenario,
  block: string,
  key: string,
  value: unknown,
): LeverScenario {
  return { ...s, levers: { ...s.levers, [block]: { ...s.levers[block], [key]: value } } };
}

/** A number read from a draft, or the fallback when it is not a finite number. */
export function draftNumber(
  draft: unknown,
  path: readonly (string | number)[],
  fallback = 0,
): number {
  let v: unknown = draft;
  for (const k of path) {
    if (v === null || typeof v !== 'object') return fallback;
    v = (v as Record<string | number, unknown>)[k];
  }
  return typeof v === 'number' && Number.isFinite(v) ? v : fallback;
}

/** Whether any group of a draft has pledged members. */
export function anyPledged(draft: unknown): boolean {
  const groups = (draft as { groups?: unknown } | null)?.groups;
  return Array.isArray(groups) && groups.some((g) => draftNumber(g, ['pledgedShare']) > 0);
}
