// The status quo's plausibility warnings, and a scenario that is its own status quo (the status
// quo itself is sweep/statusQuo.ts's withoutOrganizing).
import { describe, expect, it } from 'vitest';
import { isStatusQuo, statusQuoWarnings } from '../../src/engine/statusQuoWarnings';
import { withoutOrganizing as statusQuoScenario } from '../../src/engine/sweep/statusQuo';
import { presetById } from '../../src/presets';
import { parseScenario } from '../../src/engine/scenario/parse';
import { solveScenario } from '../../src/engine/solve';
import type { Scenario } from '../../src/engine/scenario/schema';

function scenarioOf(id: string): Scenario {
  const r = parseScenario(presetById(id)!.scenario);
  if (!r.ok) throw new Error(id);
  return r.scenario;
}

describe('status quo warnings', () => {
  it('drops pledges, sanction and fund, and nothing else', () => {
    const s = scenarioOf('misdemeanor-bail-fund');
    expect(isStatusQuo(s)).toBe(false);
    const q = statusQuoScenario(s);
    expect(isStatusQuo(q)).toBe(true);
    expect(q.groups.map((g) => g.pledgedShare)).toEqual(s.groups.map(() => 0));
    expect(q.groups.map((g) => g.neverPleadsShare)).toEqual(s.groups.map((g) => g.neverPleadsShare));
    expect(q.levers.strikeFund).toEqual({ fund: 0, stipend: 0, insurance: 0 });
    expect(q.levers.visibility).toEqual({ ...s.levers.visibility, sanction: 0 });
    expect(q.prosecutor).toEqual(s.prosecutor);
    // It is still a valid scenario.
    expect(parseScenario(q).ok).toBe(true);
  });

  it('misdemeanor court: with no fund all 1,000 plead (its docs say so)', () => {
    const r = solveScenario(statusQuoScenario(scenarioOf('misdemeanor-bail-fund')));
    expect(r.totals.pleas).toBe(1000);
    expect(r.totals.free).toBe(0);
  });

  it('the clock: nobody pleads even without the pledge, so the status quo is flagged as implausible', () => {
    const s = scenarioOf('crespo-city-clock');
    const r = solveScenario(statusQuoScenario(s));
    expect(r.totals.pleas).toBe(0);
    expect(r.totals.free).toBe(6550);
    const w = statusQuoWarnings(s, r);
    expect(w.map((x) => x.code)).toEqual(['lowPleaRate']);
    expect(w[0].text).toMatch(/^Without organizing, only 0% of defendants plead; real courts resolve 90–97%/);
  });

  it("Crespo's city in priority: 93.6% plead without the pledge, no warning", () => {
    const s = scenarioOf('crespo-city-public');
    const r = solveScenario(statusQuoScenario(s));
    expect(r.totals.pleas).toBe(6550);
    expect(statusQuoWarnings(s, r)).toEqual([]);
  });

  it('a lottery over defendants who differ in value is flagged; over alike defendants it is not', () => {
    const alike = scenarioOf('bgb-lottery');
    const ra = solveScenario(statusQuoScenario(alike));
    expect(statusQuoWarnings(alike, ra).map((x) => x.code)).not.toContain('lotteryUnequalValues');
    const mixed: Scenario = { ...alike, groups: [alike.groups[0], { ...alike.groups[0], trialSentence: 20 }] };
    const rm = solveScenario(statusQuoScenario(mixed));
    expect(statusQuoWarnings(mixed, rm).map((x) => x.code)).toContain('lotteryUnequalValues');
    // A group with no members does not count.
    const empty: Scenario = { ...alike, groups: [alike.groups[0], { ...alike.groups[0], count: 0, trialSentence: 20 }] };
    expect(statusQuoWarnings(empty, solveScenario(empty)).map((x) => x.code)).not.toContain('lotteryUnequalValues');
  });
});
