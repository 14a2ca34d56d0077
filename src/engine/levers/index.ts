// The lever registry: one module per lever; the premium L and insured cost ê are composed here.
import { pledgeMeta } from './pledge';
import { neverPleadersMeta } from './neverPleaders';
import { visibilityMeta, visibilityPremium } from './visibility';
import { strikeFundMeta, stipendPremium } from './strikeFund';
import { secrecyMeta } from './secrecy';
import { collateralMeta, refusalCostMeta } from './costs';
import type { LeverMeta } from './meta';

export type { LeverMeta } from './meta';

export const LEVERS: readonly LeverMeta[] = [
  pledgeMeta,
  secrecyMeta,
  visibilityMeta,
  strikeFundMeta,
  collateralMeta,
  refusalCostMeta,
  neverPleadersMeta,
];

/** L = q·(F·pledged + h) + T·covered (MODEL.md §3), computed as written, left to right. */
export function leverPremium(
  q: number,
  F: number,
  pledged: 0 | 1,
  h: number,
  T: number,
  covered: 0 | 1,
): number {
  return visibilityPremium(q, F, pledged, h) + stipendPremium(T, covered);
}
