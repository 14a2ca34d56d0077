// Never-pleaders (MODEL.md §2): min(round(share·count), count − P) of the members who did not
// pledge, spread evenly among them; they refuse every plea whatever it costs.
import { snapRound } from '../numeric';
import type { LeverMeta } from './meta';

export const neverPleadersMeta: LeverMeta = {
  id: 'neverPleaders',
  label: 'Never-pleaders (the hard core)',
  help: 'Defendants who refuse every plea: they claim innocence or face life.',
  parameters: ['groups[].neverPleadsShare'],
  citation: 'Crespo, Part I: the defendants who go to trial anyway use the capacity there is',
};

export function neverCount(count: number, share: number, pledged: number): number {
  return Math.min(snapRound(share * count), count - pledged);
}
