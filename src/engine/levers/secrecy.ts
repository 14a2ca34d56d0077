// Pledge secrecy (MODEL.md §4–5): with secret pledges the prosecutor does not know who pledged,
// the penalty, or fund coverage. She believes L = q·h and ê = e for everyone; she knows never_i.
// In the registry: she evaluates every lever's premium and insurance as if nobody pledged or was
// covered (levers/index.ts: kindLeverCosts), which gives exactly q·h and e.
import { z } from 'zod';
import { meta } from '../scenario/fieldMeta';
import { defineLever, withLeverField } from './meta';
import { visibilityPremium } from './visibility';

/** What she believes the premium is for a defendant whose pledge she cannot see. */
export function believedPremium(q: number, h: number): number {
  return visibilityPremium(q, 0, 0, h);
}

export const secrecyLever = defineLever({
  id: 'secrecy',
  label: 'Pledge secrecy',
  help: 'Secret pledges: she tailors offers and ranks as if nobody pledged or was covered.',
  parameters: ['levers.pledge.secret'],
  citation: 'Crespo, Part II: a pledge built before arrests, which she cannot see',
  levers: {
    pledge: {
      secret: z
        .boolean()
        .default(false)
        .meta(
          meta({
            title: 'Secret pledges',
            description: 'Whether the prosecutor does not know who pledged.',
            section: 'Levers',
          }),
        ),
    },
  },
  hides: (s) => s.levers.pledge.secret === true,
  parts: (x) =>
    x.scenario.levers.pledge.secret === true && x.pledged
      ? [
          {
            lever: 'secrecy',
            key: 'secrecy',
            name: 'secret pledges',
            symbol: null,
            factors: [],
            amount: null,
            without: (s) => withLeverField(s, 'pledge', 'secret', false),
          },
        ]
      : [],
});
