// Visible defection (MODEL.md §3): a plea is seen with probability q; a seen plea costs the
// community sanction h, and a pledged defendant's penalty F. Premium part: q·(F·pledged + h).
import type { LeverMeta } from './meta';

export const visibilityMeta: LeverMeta = {
  id: 'visibility',
  label: 'Visible defection (court watching)',
  help: 'Pleas seen in open court (probability q) cost the sanction h, and a pledger F.',
  parameters: ['levers.visibility.observed', 'levers.visibility.sanction'],
  citation: 'Crespo, Part II: pleas happen in open court, where court-watchers see them',
};

/** q·(F·pledged + h), computed as written. */
export function visibilityPremium(q: number, F: number, pledged: 0 | 1, h: number): number {
  return q * (F * pledged + h);
}
