// Compare A/B judges a change by what happens to people: secret pledges lower her take but the
// pledgers are tried instead of freed (crespo-city-public → crespo-city-secret).
import { describe, expect, it } from 'vitest';
import { judgePeople, peopleOf, scenarioChanges } from '../../src/components/compare/people';
import { diffTotal } from '../../src/components/compare/diff';
import { presetById } from '../../src/presets';
import { parseScenario } from '../../src/engine/scenario/parse';
import { solveScenario } from '../../src/engine/solve';
import type { Result } from '../../src/engine/result/types';

function solvedPreset(id: string): { scenario: unknown; result: Result } {
  const p = presetById(id)!;
  const r = parseScenario(p.scenario);
  if (!r.ok) throw new Error(id);
  return { scenario: r.scenario, result: solveScenario(r.scenario) };
}

describe('Compare A/B by people', () => {
  const pub = solvedPreset('crespo-city-public');
  const sec = solvedPreset('crespo-city-secret');

  it('counts pledgers and others by outcome', () => {
    expect(peopleOf(pub.result.defendants)).toEqual({
      pledgers: { total: 328, plea: 0, tried: 0, free: 328 },
      others: { total: 6672, plea: 6222, tried: 450, free: 0 },
    });
    expect(peopleOf(sec.result.defendants)).toEqual({
      pledgers: { total: 328, plea: 0, tried: 328, free: 0 },
      others: { total: 6672, plea: 6222, tried: 122, free: 328 },
    });
    expect(peopleOf(undefined)).toBeNull();
  });

  it('public → secret: mixed, worse for the pledgers; the falling take is called out, not praised', () => {
    const v = judgePeople(peopleOf(pub.result.defendants)!, peopleOf(sec.result.defendants)!, pub.result.totals.take, sec.result.totals.take);
    expect(v.tone).toBe('mixed');
    expect(v.lines).toEqual([
      'In B, 328 fewer pledgers go free, 328 more tried than in A (of 328 pledgers).',
      'In B, 328 more other defendants go free, 328 fewer tried than in A (of 6,672 other defendants).',
    ]);
    expect(v.summary).toBe(
      'Mixed: B is better for the other defendants and worse for the pledgers. Her take falls (18,466.2 → 15,219 years), so the take alone would judge this change wrongly.',
    );
    // The take row itself no longer says "better for the defendants".
    const d = diffTotal('take', pub.result.totals, sec.result.totals);
    expect(d.tone).toBe('neutral');
    expect(d.words).not.toMatch(/better|worse/);
  });

  it('the same scenario is the same for everyone', () => {
    const p = peopleOf(pub.result.defendants)!;
    expect(judgePeople(p, p, 1, 1)).toEqual({ tone: 'same', lines: [], summary: 'The same defendants plead, are tried and go free in A and B.' });
  });

  it('lottery rejecters count by their trial probability', () => {
    const rows = [
      { pledged: true, outcome: 'refuse' as const, trialProbability: 0.25 },
      { pledged: false, outcome: 'plea' as const, trialProbability: 0 },
    ];
    expect(peopleOf(rows)).toEqual({ pledgers: { total: 1, plea: 0, tried: 0.25, free: 0.75 }, others: { total: 1, plea: 1, tried: 0, free: 0 } });
  });

  it('names what B changed', () => {
    expect(scenarioChanges(pub.scenario, sec.scenario)).toEqual({ changes: ['levers.pledge.secret: false → true'], more: 0 });
    expect(scenarioChanges(pub.scenario, pub.scenario)).toEqual({ changes: [], more: 0 });
  });
});

describe('Compare A/B by people when the pledge grows', () => {
  it('5% → 30% pledged: judged by everyone, 1,636 more of the 7,000 go free', () => {
    const base = presetById('crespo-city-public')!.scenario as { groups: { pledgedShare: number; neverPleadsShare: number }[] };
    const more = { ...base, groups: base.groups.map((g) => ({ ...g, pledgedShare: g.neverPleadsShare === 1 ? 0 : 0.3 })) };
    const r = parseScenario(more);
    if (!r.ok) throw new Error('more');
    const a = solvedPreset('crespo-city-public').result;
    const b = solveScenario(r.scenario);
    const v = judgePeople(peopleOf(a.defendants)!, peopleOf(b.defendants)!, a.totals.take, b.totals.take);
    expect(v.tone).toBe('better');
    expect(v.summary).toBe('For the defendants B is better than A: 1,636 more of the 7,000 go free (328 → 1,964), with 1,964 pledgers in B against 328 in A.');
  });
});
