// The workbench's pure pieces: the scenario in the URL hash, the pledged-share lever, and the
// B − A differences of Compare A/B.
import { describe, expect, it } from 'vitest';
import {
  decodeBase64Url,
  encodeBase64Url,
  readScenarioHash,
  scenarioHash,
} from '../../src/app/scenarioHash';
import { setAllPledged } from '../../src/components/results/QuickLevers';
import { diffTotal } from '../../src/components/compare/diff';
import { solve } from '../../src/engine/api';
import { PRESETS } from '../../src/presets';

const crespo = PRESETS.find((p) => p.id === 'crespo-city-public')!.scenario;

describe('the scenario in the hash', () => {
  it('round-trips any scenario through #s= (UTF-8 included)', () => {
    const doc = { ...crespo, title: 'Crespo’s city — “édité” ✓' };
    const h = readScenarioHash(scenarioHash(doc));
    expect(h).toEqual({ kind: 'scenario', doc });
    expect(decodeBase64Url(encodeBase64Url('a→b'))).toBe('a→b');
  });

  it('names untouched presets and rejects unknown ones', () => {
    expect(readScenarioHash('#preset=bgb-lottery')).toEqual({ kind: 'preset', id: 'bgb-lottery' });
    const h = readScenarioHash('#preset=nope');
    expect(h.kind).toBe('broken');
    expect(h.kind === 'broken' && h.errors[0].text).toMatch(/no preset/);
    expect(readScenarioHash('')).toEqual({ kind: 'none' });
  });

  it('explains a broken link and keeps what it held', () => {
    const notB64 = readScenarioHash('#s=%%%');
    expect(notB64.kind === 'broken' && notB64.errors[0].message).toMatch(/not valid base64url/);

    const badJson = readScenarioHash(`#s=${encodeBase64Url('{"schemaVersion": 1,')}`);
    expect(badJson.kind).toBe('broken');
    if (badJson.kind === 'broken') {
      expect(badJson.text).toBe('{"schemaVersion": 1,');
      expect(badJson.doc).toBeNull();
      expect(badJson.editable).toBe(true);
      expect(badJson.errors[0].path).toBe('scenario');
    }

    const bad = structuredClone(crespo) as typeof crespo;
    bad.groups[0].convictionProbability = 1.7;
    const invalid = readScenarioHash(scenarioHash(bad));
    expect(invalid.kind).toBe('broken');
    if (invalid.kind === 'broken') {
      expect(invalid.doc).toEqual(bad);
      expect(invalid.errors.map((e) => e.text)).toContain(
        'groups[0].convictionProbability: must be at most 1, got 1.7',
      );
    }
  });
});

describe('the pledged-share lever', () => {
  it('sets every group, capped so pledged + never-pleaders ≤ 1, and stays valid', () => {
    const s = setAllPledged(crespo, 0.3);
    expect(s.groups.map((g) => g.pledgedShare)).toEqual(
      crespo.groups.map((g) => (g.neverPleadsShare === 1 ? 0 : 0.3)),
    );
    expect(solve(s).ok).toBe(true);
    expect(crespo.groups[1].pledgedShare).toBe(0.05); // the original is untouched
  });
});

describe('B − A', () => {
  const totals = (s: unknown) => {
    const r = solve(s);
    if (!r.ok) throw new Error('does not solve');
    return r.value.totals;
  };
  const a = totals(crespo);
  const b = totals(setAllPledged(crespo, 0.3));

  it('gives a signed difference, a word, and whether it is better for the defendants', () => {
    const pleas = diffTotal('pleas', a, b);
    expect(pleas.direction).toBe('down');
    expect(pleas.text).toBe(`\u2212${(a.pleas - b.pleas).toLocaleString('en-US')}`);
    expect(pleas.tone).toBe('better');
    expect(pleas.words).toMatch(/less in B, better for the defendants/);
    expect(diffTotal('free', a, b)).toMatchObject({ direction: 'up', tone: 'better' });
    expect(diffTotal('defendants', a, b)).toMatchObject({ text: 'no change', direction: 'same' });
    expect(diffTotal('strikeSucceeds', a, { ...a, strikeSucceeds: true })).toMatchObject({
      text: 'No → Yes',
      tone: 'better',
    });
    expect(diffTotal('stopRank', a, { ...a, stopRank: null })).toMatchObject({ direction: 'na' });
  });
});
