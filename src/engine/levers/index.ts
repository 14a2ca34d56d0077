// The lever registry: one unit per lever (levers/meta.ts). The scenario schema is composed from
// it (scenario/compose.ts), and the premium L and insured cost ê of every kind of defendant are
// composed here, in registry order, from each lever's own part.
import { pledgeLever } from './pledge';
import { neverPleadersLever } from './neverPleaders';
import { visibilityLever } from './visibility';
import { strikeFundLever } from './strikeFund';
import { secrecyLever } from './secrecy';
import { collateralLever, refusalCostLever } from './costs';
import type { LeverKind, LeverPart, LeverScenario, LeverUnit } from './meta';

export type {
  LeverMeta,
  LeverUnit,
  LeverKind,
  LeverPart,
  LeverScenario,
  LeverGroupField,
} from './meta';
export { defineLever, withGroupField, withLeverField } from './meta';

/**
 * Every lever, in the order their premiums are summed, their `levers` blocks are written, and
 * the why panel names their parts.
 */
export const LEVERS = [
  pledgeLever,
  visibilityLever,
  strikeFundLever,
  secrecyLever,
  collateralLever,
  refusalCostLever,
  neverPleadersLever,
] as const;

/** Any list of lever units (the registry, or the registry and a test's extra lever). */
export type LeverList = readonly LeverUnit[];

/** The true and the believed premium and trial cost of one kind (MODEL.md §3, §5). */
export interface KindLeverCosts {
  /** L = Σ premium parts (q·(F·pledged + h) + T·covered), summed left to right. */
  L: number;
  /** ê = max(0, e − Σ insurance) (max(0, e − I·covered)). */
  eHat: number;
  /** What she believes: the same levers as if he had neither pledged nor been covered when she cannot see it. */
  Lb: number;
  eHatB: number;
}

function premiumOf(levers: LeverList, x: LeverKind): number {
  let L = 0;
  for (const l of levers) if (l.premium) L += l.premium(x);
  return L;
}

function insuredOf(levers: LeverList, x: LeverKind, e: number): number {
  let cut = 0;
  for (const l of levers) if (l.insurance) cut += l.insurance(x);
  return Math.max(0, e - cut);
}

/** Whether some lever hides pledges and coverage from the prosecutor in this scenario. */
export function hiddenFromProsecutor(levers: LeverList, s: LeverScenario): boolean {
  return levers.some((l) => l.hides?.(s) === true);
}

/**
 * L, ê and what she believes of them for one kind of defendant: every lever's premium and
 * insurance for his group, pledged and covered flags; under secrecy she evaluates them as if he
 * had neither pledged nor been covered.
 */
export function kindLeverCosts(
  levers: LeverList,
  s: LeverScenario,
  group: Record<string, unknown>,
  pledged: 0 | 1,
  covered: 0 | 1,
  e: number,
): KindLeverCosts {
  const x: LeverKind = { scenario: s, group, pledged, covered };
  const L = premiumOf(levers, x);
  const eHat = insuredOf(levers, x, e);
  if (!hiddenFromProsecutor(levers, s)) return { L, eHat, Lb: L, eHatB: eHat };
  const seen: LeverKind = { scenario: s, group, pledged: 0, covered: 0 };
  return { L, eHat, Lb: premiumOf(levers, seen), eHatB: insuredOf(levers, seen, e) };
}

/** The named parts of his premium (and what she cannot see), in registry order. */
export function leverParts(
  levers: LeverList,
  s: LeverScenario,
  group: Record<string, unknown>,
  pledged: 0 | 1,
  covered: 0 | 1,
  e: number,
): LeverPart[] {
  const out: LeverPart[] = [];
  for (const l of levers)
    if (l.parts) out.push(...l.parts({ scenario: s, group, pledged, covered, e }));
  return out;
}

/** The levers a parsed scenario was composed with (the registry unless a test composed more). */
const COMPOSED_WITH = Symbol.for('holdout.levers');

/** Mark a parsed scenario as composed with `levers` (only when they differ from the registry). */
export function markLevers<T extends object>(s: T, levers: LeverList): T {
  if (levers === LEVERS) return s;
  Object.defineProperty(s, COMPOSED_WITH, { value: levers, enumerable: false });
  return s;
}

/** The levers a parsed scenario was composed with. */
export function leversOf(s: object): LeverList {
  return ((s as Record<symbol, unknown>)[COMPOSED_WITH] as LeverList | undefined) ?? LEVERS;
}

/**
 * Why moving the field at `path` can change nothing in this draft, as the lever that owns the
 * field says it (null when it can, or when no lever says anything about it).
 */
export function idleReason(
  path: string,
  draft: unknown,
  levers: LeverList = LEVERS,
): string | null {
  for (const l of levers) {
    const f = l.idle?.[path];
    if (f) return f(draft);
  }
  return null;
}
