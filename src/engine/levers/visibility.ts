// Visible defection (MODEL.md §3): a plea is seen with probability q; a seen plea costs the
// community sanction h, and a pledged defendant's penalty F. Premium part: q·(F·pledged + h).
import { share, years } from '../scenario/fieldMeta';
import { defineLever, withLeverField } from './meta';
import { penaltyOf } from './pledge';

/** q·(F·pledged + h), computed as written. */
export function visibilityPremium(q: number, F: number, pledged: 0 | 1, h: number): number {
  return q * (F * pledged + h);
}

export const visibilityLever = defineLever({
  id: 'visibility',
  label: 'Visible defection (court watching)',
  help: 'Pleas seen in open court (probability q) cost the sanction h, and a pledger F.',
  parameters: ['levers.visibility.observed', 'levers.visibility.sanction'],
  citation: 'Crespo, Part II: pleas happen in open court, where court-watchers see them',
  levers: {
    visibility: {
      observed: share({
        title: 'Observed (q)',
        description: 'Probability a plea is seen (court watching, pleas in open court).',
        unit: 'probability',
        section: 'Levers',
        step: 0.01,
        citation: 'Crespo, Part II (defection made visible)',
      }).default(1),
      sanction: years({
        title: 'Community sanction (h)',
        description: 'Sanction on anyone seen pleading during the strike.',
        unit: 'years',
        section: 'Levers',
        sliderMax: 20,
        step: 0.1,
      }).default(0),
    },
  },
  premium: (x) =>
    visibilityPremium(
      x.scenario.levers.visibility.observed as number,
      penaltyOf(x),
      x.pledged,
      x.scenario.levers.visibility.sanction as number,
    ),
  unorganized: (s) => withLeverField(s, 'visibility', 'sanction', 0),
  parts: (x) => {
    const q = x.scenario.levers.visibility.observed as number;
    const h = x.scenario.levers.visibility.sanction as number;
    if (!(q * h > 0)) return [];
    return [
      {
        lever: 'visibility',
        key: 'sanction',
        name: 'community sanction',
        symbol: 'q·h',
        factors: [q, h],
        amount: q * h,
        without: (s) => withLeverField(s, 'visibility', 'sanction', 0),
      },
    ];
  },
});
