// Pledge secrecy (MODEL.md §4–5): with secret pledges the prosecutor does not know who pledged,
// the penalty, or fund coverage. She believes L = q·h and ê = e for everyone; she knows never_i.
import type { LeverMeta } from './meta';
import { visibilityPremium } from './visibility';

export const secrecyMeta: LeverMeta = {
  id: 'secrecy',
  label: 'Pledge secrecy',
  help: 'Secret pledges: she tailors offers and ranks as if nobody pledged or was covered.',
  parameters: ['levers.pledge.secret'],
  citation: 'Crespo, Part II: a pledge built before arrests, which she cannot see',
};

/** What she believes the premium is for a defendant whose pledge she cannot see. */
export function believedPremium(q: number, h: number): number {
  return visibilityPremium(q, 0, 0, h);
}
