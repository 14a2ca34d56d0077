// Advance commitment (MODEL.md §2–3): P = round(share·count) members of a group sign, spread
// evenly; a pledged defendant who pleads pays the penalty F_g (or the scenario's F) if seen.
// Its premium part q·F·pledged is written with the sanction in visibility.ts (q·(F·pledged + h)).
import { snapRound } from '../numeric';
import { share, years } from '../scenario/fieldMeta';
import {
  anyPledged,
  defineLever,
  draftNumber,
  withGroupField,
  withLeverField,
  type LeverKind,
} from './meta';

/** P: how many of the group's members pledged. */
export function pledgedCount(count: number, share: number): number {
  return Math.min(count, snapRound(share * count));
}

/** F_i: the group's own penalty, or the scenario's. */
export function pledgePenalty(groupPenalty: number | null, scenarioPenalty: number): number {
  return groupPenalty ?? scenarioPenalty;
}

/** F for his group, read from the scenario. */
export function penaltyOf(x: Pick<LeverKind, 'scenario' | 'group'>): number {
  return pledgePenalty(
    (x.group.pledgePenalty as number | null | undefined) ?? null,
    x.scenario.levers.pledge.penalty as number,
  );
}

export const pledgeLever = defineLever({
  id: 'pledge',
  label: 'Advance commitment (pledge)',
  help: 'Pledged defendants pay a penalty F when they are seen pleading.',
  parameters: ['groups[].pledgedShare', 'groups[].pledgePenalty', 'levers.pledge.penalty'],
  citation: 'Crespo, No Justice, No Pleas, Part II: advance commitment built in the community',
  group: {
    pledgedShare: {
      after: 'trialCost',
      schema: share({
        title: 'Pledged share',
        description: 'Share of the group who signed the strike pledge, spread evenly through it.',
        unit: 'share',
        section: 'Levers',
        step: 0.01,
        citation: 'Crespo, No Justice, No Pleas, Part II (advance commitment)',
      }).default(0),
    },
    pledgePenalty: {
      after: 'neverPleadsShare',
      schema: years({
        title: 'Group pledge penalty (F_g)',
        description: "This group's own pledge penalty; empty uses the scenario's penalty F.",
        unit: 'years',
        section: 'Levers',
        sliderMax: 20,
        step: 0.1,
      })
        .nullable()
        .default(null),
    },
  },
  levers: {
    pledge: {
      penalty: years({
        title: 'Pledge penalty (F)',
        description: 'What breaking the pledge costs a pledged defendant who pleads, if seen.',
        unit: 'years',
        section: 'Levers',
        sliderMax: 20,
        step: 0.1,
        citation: 'Crespo, Part II (advance commitment built in the community)',
      }).default(0),
    },
  },
  unorganized: (s) => withGroupField(s, 'pledgedShare', 0),
  idle: {
    'levers.pledge.penalty': (d) =>
      !anyPledged(d)
        ? 'The pledge penalty falls only on pledged defendants, and no one has pledged: raise the pledged share first.'
        : draftNumber(d, ['levers', 'visibility', 'observed'], 1) === 0
          ? 'No plea is ever seen (court watching q = 0), so a broken pledge costs nothing.'
          : null,
  },
  parts: (x) => {
    const q = x.scenario.levers.visibility.observed as number;
    const F = penaltyOf(x);
    if (!x.pledged || !(q * F > 0)) return [];
    return [
      {
        lever: 'pledge',
        key: 'pledgePenalty',
        name: 'pledge penalty',
        symbol: 'q·F',
        factors: [q, F],
        amount: q * F,
        without: (s) =>
          withGroupField(withLeverField(s, 'pledge', 'penalty', 0), 'pledgePenalty', null),
      },
    ];
  },
});
