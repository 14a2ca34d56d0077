// The why panel on the docket (MODEL.md §7 E11b, E11c): arrival week, trial week or deadline, the
// wait, and detention per week of waiting in the cost of refusing.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseScenario } from '../../src/engine/scenario/parse';
import type { Scenario } from '../../src/engine/scenario/schema';
import { buildPopulation, describeKinds } from '../../src/engine/population/kinds';
import { solveScenario } from '../../src/engine/solve';
import { explainDefendant } from '../../src/components/why/explain';
import { kindOf, explainContext } from '../../src/components/results/ResultTab';

function scenarioOf(name: string): Scenario {
  const r = parseScenario(JSON.parse(readFileSync(new URL(`../fixtures/examples/${name}.scenario.json`, import.meta.url), 'utf8')));
  if (!r.ok) throw new Error(name);
  return r.scenario;
}

function explain(name: string, id: number) {
  const scenario = scenarioOf(name);
  const result = solveScenario(scenario);
  const kinds = describeKinds(buildPopulation(scenario));
  const row = result.defendants!.find((d) => d.id === id)!;
  const ctx = explainContext({ scenario, result, kinds } as unknown as Parameters<typeof explainContext>[0], row);
  return { row, e: explainDefendant(row, kindOf(row, kinds)!, scenario, ctx) };
}

describe('why, under the docket', () => {
  it('E11b: a pledger booked into week 1 waits 1 week; the context carries the deadline', () => {
    // Week 0's docket: pledger (id 1), ordinary (2), pledger (3), ordinary (4).
    const { row, e } = explain('E11b_docket_half_pledged', 3);
    expect(row).toMatchObject({ outcome: 'tried', arrivalWeek: 0, trialWeek: 1 });
    expect(e.headline).toBe('Defendant 3 was tried');
    expect(e.lines[0]).toBe('threatened (arrived in week 0; booked for trial in week 1, a wait of 1 week (his deadline: week 1), π = 1)');
  });

  it('E11b: the second ordinary defendant of week 0 finds no date and goes free', () => {
    const { row, e } = explain('E11b_docket_half_pledged', 4);
    expect(row).toMatchObject({ outcome: 'free', threatened: false });
    expect(e.lines[0]).toBe(
      'not threatened (arrived in week 0; no week before his speedy-trial deadline (his deadline: week 1) had room for his trial; had he refused he would be held 1 week and then dismissed, π = 0)',
    );
  });

  it('E11c: with detention 1 a week, the dateless ordinary defendant pleads to time served, and the wait is in his cost of refusing', () => {
    const { row, e } = explain('E11c_docket_detention', 4);
    expect(row).toMatchObject({ outcome: 'plea', threatened: false, offer: 1 });
    expect(e.lines).toContain('pleading costs 1 (offer 1 + collateral 0 + lever premium 0), refusing costs 1 (detention 0 + 1 a week × 1 week waiting + 0 × expected trial sentence 5)');
    expect(e.lines).toContain(
      'a time-served plea: though not threatened (π = 0), refusing still costs him detention 1, more than collateral 0 + lever premium 0',
    );
  });
});
