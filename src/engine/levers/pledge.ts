// Advance commitment (MODEL.md §2–3): P = round(share·count) members of a group sign, spread
// evenly; a pledged defendant who pleads pays the penalty F_g (or the scenario's F) if seen.
import { snapRound } from '../numeric';
import type { LeverMeta } from './meta';

export const pledgeMeta: LeverMeta = {
  id: 'pledge',
  label: 'Advance commitment (pledge)',
  help: 'Pledged defendants pay a penalty F when they are seen pleading.',
  parameters: ['groups[].pledgedShare', 'groups[].pledgePenalty', 'levers.pledge.penalty'],
  citation: 'Crespo, No Justice, No Pleas, Part II: advance commitment built in the community',
};

/** P: how many of the group's members pledged. */
export function pledgedCount(count: number, share: number): number {
  return Math.min(count, snapRound(share * count));
}

/** F_i: the group's own penalty, or the scenario's. */
export function pledgePenalty(groupPenalty: number | null, scenarioPenalty: number): number {
  return groupPenalty ?? scenarioPenalty;
}
