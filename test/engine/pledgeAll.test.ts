// One "every group pledges x" rule (issue 7 item 7): the quick levers' slider and the sweep and
// phase field groups[*].pledgedShareOfRest make the same scenario, valid for every x in [0, 1].
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { setAllPledged } from '../../src/components/results/QuickLevers';
import { parseScenario } from '../../src/engine/scenario/parse';
import {
  allGroupsPledgeShare,
  getPath,
  pledgeAllGroups,
  setPath,
} from '../../src/engine/sweep/fieldPath';
import { sweep } from '../../src/engine/sweep/sweep';
import { solveScenario } from '../../src/engine/solve';
import { scenarioArb } from './arbitraries';

const x01 = fc.integer({ min: 0, max: 100 }).map((k) => k / 100);

describe('every group pledges x', () => {
  it('the slider and the sweep field give the same valid scenario, read back as x (property)', () => {
    fc.assert(
      fc.property(scenarioArb(), x01, (s, x) => {
        const bySlider = setAllPledged(s, x);
        const bySweep = setPath(s, 'groups[*].pledgedShareOfRest', x);
        expect(bySlider).toEqual(bySweep);
        expect(pledgeAllGroups(s, x)).toEqual(bySweep);
        // The naive rule, group by group.
        expect(bySweep.groups.map((g) => g.pledgedShare)).toEqual(
          s.groups.map((g) => x * (1 - g.neverPleadsShare)),
        );
        expect(parseScenario(bySweep).ok).toBe(true);
        const pledgeable = s.groups.find((g) => g.neverPleadsShare < 1);
        expect(allGroupsPledgeShare(bySweep)).toBeCloseTo(pledgeable ? x : 0, 12);
      }),
      { numRuns: 200 },
    );
  });

  it('a group that is all hard core pledges no one; the others pledge x of the rest', () => {
    const s = {
      schemaVersion: 1,
      groups: [
        { count: 10, convictionProbability: 0.5, trialSentence: 10, neverPleadsShare: 1 },
        { count: 10, convictionProbability: 0.5, trialSentence: 10, neverPleadsShare: 0.5 },
        { count: 10, convictionProbability: 0.5, trialSentence: 10 },
      ],
      prosecutor: { budget: 2, regime: 'priority' },
    };
    const next = setAllPledged(s as never, 0.6) as unknown as { groups: { pledgedShare: number }[] };
    expect(next.groups.map((g) => g.pledgedShare)).toEqual([0, 0.3, 0.6]);
    expect(allGroupsPledgeShare(next)).toBe(0.6);
    expect(getPath(next, 'groups[1].pledgedShareOfRest')).toBe(0.6);
    // The sweep's point at 0.6 is the slider's scenario.
    const r = sweep(s, 'groups[*].pledgedShareOfRest', [0.6]);
    const direct = parseScenario(next);
    expect(direct.ok).toBe(true);
    if (!direct.ok) return;
    const t = solveScenario(direct.scenario).totals;
    expect(r.points[0].outcomes.pleas.value).toBe(t.pleas);
    expect(r.points[0].outcomes.take.value).toBe(t.take);
    expect(r.points[0].outcomes.free.value).toBe(t.free);
    // No penalty: the 15 who are not hard core plead at 5; she tries 2 of the 15 never-pleaders.
    expect([t.pleas, t.trials, t.free, t.take]).toEqual([15, 2, 13, 85]);
  });
});
