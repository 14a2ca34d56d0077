// Never-pleaders (MODEL.md §2): min(round(share·count), count − P) of the members who did not
// pledge, spread evenly among them; they refuse every plea whatever it costs.
import { snapRound } from '../numeric';
import { share } from '../scenario/fieldMeta';
import { defineLever } from './meta';

export function neverCount(count: number, share: number, pledged: number): number {
  return Math.min(snapRound(share * count), count - pledged);
}

export const neverPleadersLever = defineLever({
  id: 'neverPleaders',
  label: 'Never-pleaders (the hard core)',
  help: 'Defendants who refuse every plea: they claim innocence or face life.',
  parameters: ['groups[].neverPleadsShare'],
  citation: 'Crespo, Part I: the defendants who go to trial anyway use the capacity there is',
  group: {
    neverPleadsShare: {
      after: 'pledgedShare',
      schema: share({
        title: 'Never-pleaders share',
        description: 'Share who refuse every plea whatever it costs (claim innocence, face life).',
        unit: 'share',
        section: 'Defendants',
        step: 0.01,
      }).default(0),
    },
  },
  // MODEL.md §6: a group's pledgers and never-pleaders are different members.
  checkGroup: (g, i, issue) => {
    const pledged = g.pledgedShare as number;
    const never = g.neverPleadsShare as number;
    if (pledged + never > 1 + 1e-9) {
      issue(
        ['groups', i, 'neverPleadsShare'],
        `pledgedShare + neverPleadsShare must be at most 1, got ${pledged} + ${never}`,
        never,
      );
    }
  },
});
