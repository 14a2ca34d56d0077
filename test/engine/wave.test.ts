// The wave tool: the same pledgers spread over the year or concentrated in one week.
import { describe, expect, it } from 'vitest';
import { waveScenarios } from '../../src/engine/wave';
import { presetById } from '../../src/presets';
import { parseScenario } from '../../src/engine/scenario/parse';
import { solveScenario } from '../../src/engine/solve';
import type { Scenario } from '../../src/engine/scenario/schema';

function scenarioOf(id: string): Scenario {
  const r = parseScenario(presetById(id)!.scenario);
  if (!r.ok) throw new Error(id);
  return r.scenario;
}

describe('wave tool', () => {
  const s = scenarioOf('crespo-docket-sustained');
  const v = waveScenarios(s, 26)!;

  it('splits each pledging group: its others keep their weeks, its pledgers get their own group', () => {
    expect(v.pledgers).toBe(328);
    expect(v.week).toBe(26);
    expect(v.wave.groups.map((g) => [g.count, g.pledgedShare, g.neverPleadsShare, g.firstWeek, g.lastWeek])).toEqual([
      [450, 0, 1, 0, null],
      [6222, 0, 0, 0, null],
      [328, 1, 0, 26, 26],
    ]);
    expect(v.spread.groups.map((g) => [g.count, g.firstWeek, g.lastWeek])).toEqual([
      [450, 0, null],
      [6222, 0, null],
      [328, 0, 51],
    ]);
    expect(parseScenario(v.wave).ok).toBe(true);
    expect(parseScenario(v.spread).ok).toBe(true);
  });

  it('the wave in week 26 is the crespo-docket-wave preset', () => {
    const a = solveScenario(v.wave);
    const b = solveScenario(scenarioOf('crespo-docket-wave'));
    expect(a.totals).toEqual(b.totals);
    expect(a.docket).toEqual(b.docket);
  });

  it('spread over the year, the same pledgers free far more than as one wave', () => {
    const spread = solveScenario(v.spread);
    const wave = solveScenario(v.wave);
    expect((spread.defendants ?? []).filter((d) => d.pledged)).toHaveLength(328);
    expect(spread.totals.free).toBeGreaterThan(wave.totals.free);
    expect(spread.docket!.crashWeek).not.toBeNull();
    expect(wave.docket!.crashWeek).toBe(26);
  });

  it('keeps never-pleaders in a group that also pledges, and clamps the week', () => {
    const mixed: Scenario = { ...s, groups: [{ ...s.groups[1], count: 100, pledgedShare: 0.1, neverPleadsShare: 0.3 }] };
    const m = waveScenarios(mixed, 999)!;
    expect(m.week).toBe(51);
    expect(m.pledgers).toBe(10);
    const never = (x: Scenario) => (solveScenario(x).defendants ?? []).filter((d) => d.never).length;
    expect(never(m.wave)).toBe(never(mixed));
    expect(never(m.wave)).toBe(30);
  });

  it('is null without a docket or without pledgers', () => {
    expect(waveScenarios(scenarioOf('crespo-docket-status-quo'), 10)).toBeNull();
    expect(waveScenarios(scenarioOf('crespo-city-public'), 10)).toBeNull();
  });
});

describe('wave tool from the wave preset', () => {
  it('spreads the wave over the whole year, whatever weeks the pledgers had', () => {
    const r = parseScenario(presetById('crespo-docket-wave')!.scenario);
    if (!r.ok) throw new Error('wave');
    const v = waveScenarios(r.scenario, 26)!;
    expect(v.spread.groups.at(-1)).toMatchObject({ count: 328, firstWeek: 0, lastWeek: 51 });
    expect(solveScenario(v.wave).totals.free).toBe(354);
    expect(solveScenario(v.spread).totals.free).toBeGreaterThan(354);
  });
});
