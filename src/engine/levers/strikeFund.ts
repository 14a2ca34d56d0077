// Side payments (MODEL.md §3): a fund Φ that must be solvent in the worst case covers the first
// min(#pledged, floor(Φ/(T+I))) pledged defendants in arrival order; it pays the stipend T to a
// covered defendant who does not plead and the insurance I to one who is tried.
import { snapFloor } from '../numeric';
import type { LeverMeta } from './meta';

export const strikeFundMeta: LeverMeta = {
  id: 'strikeFund',
  label: 'Strike fund (side payments)',
  help: 'Covers pledgers in arrival order: a stipend T for refusing, insurance I if tried.',
  parameters: ['levers.strikeFund.fund', 'levers.strikeFund.stipend', 'levers.strikeFund.insurance'],
  citation: 'Crespo, Part II: strike funds and bail funds as side payments',
};

/** How many pledged defendants the fund covers. */
export function coveredCount(pledgedTotal: number, fund: number, stipend: number, insurance: number): number {
  const each = stipend + insurance;
  if (!(each > 0)) return 0;
  return Math.min(pledgedTotal, snapFloor(fund / each));
}

/** The stipend part of the premium: T·covered. */
export function stipendPremium(stipend: number, covered: 0 | 1): number {
  return stipend * covered;
}

/** ê = max(0, e − I·covered). */
export function insuredTrialCost(e: number, insurance: number, covered: 0 | 1): number {
  return Math.max(0, e - insurance * covered);
}
