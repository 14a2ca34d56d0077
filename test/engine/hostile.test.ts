// Hostile input that is valid JSON: messages stay short and few, CSV cells cannot become
// spreadsheet formulas.
import { describe, expect, it } from 'vitest';
import { parseScenario, parseScenarioText } from '../../src/engine/scenario/parse';
import { MAX_MESSAGES, formatPath } from '../../src/engine/scenario/messages';
import { csvField, resultToCsv } from '../../src/engine/result/csv';
import { solveScenario } from '../../src/engine/solve';
import j20 from '../../src/presets/j20.scenario.json';

const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

describe('messages are capped', () => {
  it('200,000 unknown keys give the first 50 messages and a count of the rest', () => {
    const s = clone(j20) as Record<string, unknown>;
    const levers = s.levers as Record<string, unknown>;
    for (let i = 0; i < 200_000; i++) levers[`k${i}`] = i;
    const r = parseScenario(s);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(MAX_MESSAGES).toBe(50);
    expect(r.errors.length).toBe(51);
    expect(r.errors[0].text).toBe(
      'levers.k0: unknown field (allowed: pledge, visibility, strikeFund)',
    );
    expect(r.errors[49].path).toBe('levers.k49');
    expect(r.errors[50].text).toBe('scenario: …and 199,950 more problems');
  });

  it('exactly 50 messages need no count; 51 say "1 more problem"', () => {
    const fifty = clone(j20) as { levers: Record<string, unknown> };
    for (let i = 0; i < 50; i++) fifty.levers[`k${i}`] = i;
    const r50 = parseScenario(fifty);
    expect(!r50.ok && r50.errors.length).toBe(50);
    const fiftyOne = clone(fifty);
    fiftyOne.levers.k50 = 50;
    fiftyOne.levers.k51 = 51;
    const r52 = parseScenario(fiftyOne);
    expect(!r52.ok && r52.errors.map((e) => e.text).slice(50)).toEqual([
      'scenario: …and 2 more problems',
    ]);
  });

  it('many bad groups are capped too', () => {
    const s = clone(j20) as { groups: Record<string, unknown>[] };
    const bad = { ...s.groups[0], convictionProbability: 2 };
    s.groups = Array.from({ length: 120 }, () => ({ ...bad }));
    const r = parseScenario(s);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.length).toBe(51);
    expect(r.errors[0].text).toBe('groups[0].convictionProbability: must be at most 1, got 2');
    expect(r.errors[50].text).toMatch(/^scenario: …and \d+ more problems$/);
  });
});

describe('long keys and values are cut in messages', () => {
  it('a 1 MB unknown key prints an 80-character name, not a 1 MB line', () => {
    const key = 'x'.repeat(1_000_000);
    const text = JSON.stringify({ ...clone(j20), [key]: 1 });
    const r = parseScenarioText(text);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.length).toBe(1);
    expect(r.errors[0].path).toBe(`[${JSON.stringify('x'.repeat(79) + '…')}]`);
    expect(r.errors[0].text.length).toBeLessThan(200);
  });

  it('formatPath cuts a long key at 80 code points with an ellipsis', () => {
    expect(formatPath(['levers', 'a'.repeat(81)])).toBe(`levers["${'a'.repeat(79)}…"]`);
    expect(formatPath(['levers', 'a'.repeat(80)])).toBe(`levers.${'a'.repeat(80)}`);
  });

  it('a 1 MB string value shows at most 60 characters', () => {
    const g = clone(j20) as { groups: { label: unknown }[] };
    g.groups[0].label = ['y'.repeat(1_000_000)];
    const r = parseScenario(g);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors[0].path).toBe('groups[0].label');
    expect(r.errors[0].text.length).toBeLessThan(140);
    expect(r.errors[0].text).toContain('…');
  });
});

describe('CSV cells cannot start a formula', () => {
  it('escapes text starting with = + - @ tab or CR with an apostrophe', () => {
    expect(csvField('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvField('+1')).toBe("'+1");
    expect(csvField('-cmd')).toBe("'-cmd");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('\tx')).toBe("'\tx");
    expect(csvField('\rx')).toBe(`"'\rx"`);
  });

  it('leaves numbers, booleans and ordinary text alone', () => {
    expect(csvField(-1.5)).toBe('-1.5');
    expect(csvField(0)).toBe('0');
    expect(csvField(true)).toBe('true');
    expect(csvField('felony')).toBe('felony');
    expect(csvField('a=b')).toBe('a=b');
    expect(csvField(null)).toBe('');
  });

  it('a group label from a shared link is escaped in the defendants CSV', () => {
    const s = clone(j20) as { groups: { label: string; count: number }[] };
    s.groups[0].label = '=cmd|"/c calc"!A1';
    s.groups[0].count = 2;
    const r = parseScenario(s);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const csv = resultToCsv(solveScenario(r.scenario, { rows: 'always' }), r.scenario);
    const lines = csv.split('\r\n');
    expect(lines[1].split(',')[2]).toBe(`"'=cmd|""/c calc""!A1"`);
  });
});
