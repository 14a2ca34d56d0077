// MODEL.md §6 input rules (issue 11 item 8): a key written twice in one object, text that is not
// valid UTF-8 or not valid Unicode, and NaN/Infinity tokens are rejected with the field path.
import { describe, expect, it } from 'vitest';
import {
  invalidUtf8At,
  parseScenario,
  parseScenarioBytes,
  parseScenarioText,
  type ParseResult,
} from '../../src/engine/scenario/parse';

function errorsOf(r: ParseResult): string[] {
  if (r.ok) throw new Error('expected the scenario to be rejected, but it was accepted');
  return r.errors.map((e) => e.text);
}

const GROUP = '{"count": 3, "convictionProbability": 0.5, "trialSentence": 10}';
const text = (prosecutor: string, groups = `[${GROUP}]`, extra = '') =>
  `{"schemaVersion": 1, "groups": ${groups}, "prosecutor": ${prosecutor}${extra}}`;

describe('a key that appears twice in one object', () => {
  it('is rejected with its path, line and column (JSON.parse would keep the last: B = 2)', () => {
    const src = text('{"budget": 450, "regime": "priority", "budget": 2}');
    expect(errorsOf(parseScenarioText(src))).toEqual([
      'prosecutor.budget: the key "budget" appears twice in this object (line 1, column 151); JSON readers would keep only the last, so remove one',
    ]);
  });

  it('inside a group, and at the top level', () => {
    const twice = '{"count": 3, "count": 4, "convictionProbability": 0.5, "trialSentence": 10}';
    expect(errorsOf(parseScenarioText(text('{"budget": 1, "regime": "priority"}', `[${GROUP}, ${twice}]`)))[0]).toMatch(
      /^groups\[1\]\.count: the key "count" appears twice in this object \(line 1, column \d+\)/,
    );
    expect(errorsOf(parseScenarioText(text('{"budget": 1, "regime": "priority"}', `[${GROUP}]`, ', "schemaVersion": 1')))[0]).toMatch(
      /^schemaVersion: the key "schemaVersion" appears twice/,
    );
  });

  it('is found whatever escapes spell it', () => {
    const src = text('{"budget": 1, "regime": "priority", "b\\u0075dget": 2}');
    expect(errorsOf(parseScenarioText(src))[0]).toMatch(/^prosecutor\.budget: the key "budget" appears twice/);
  });

  it('the same key in two different objects is fine', () => {
    const r = parseScenarioText(text('{"budget": 1, "regime": "priority"}', `[${GROUP}, ${GROUP}]`));
    expect(r.ok).toBe(true);
  });
});

describe('NaN and Infinity tokens', () => {
  it('give the field path as well as the line and column', () => {
    const src = `{"schemaVersion": 1,\n "groups": [${GROUP}, {"count": NaN}],\n "prosecutor": {}}`;
    expect(errorsOf(parseScenarioText(src))).toEqual([
      "groups[1].count: not valid JSON at line 2, column 88: unexpected 'N': NaN and Infinity are not JSON numbers",
    ]);
    expect(errorsOf(parseScenarioText('{"levers": {"strikeFund": {"fund": -Infinity}}}'))).toEqual([
      "levers.strikeFund.fund: not valid JSON at line 1, column 36: unexpected '-': NaN and Infinity are not JSON numbers",
    ]);
    expect(errorsOf(parseScenarioText('{"prosecutor": {"ranking": [1, 2, Infinity]}}'))).toEqual([
      "prosecutor.ranking[2]: not valid JSON at line 1, column 35: unexpected 'I': NaN and Infinity are not JSON numbers",
    ]);
  });
});

describe('text that is not valid Unicode', () => {
  it('a lone surrogate in a string (escaped in the file) is rejected with its path', () => {
    const src = `{"schemaVersion": 1, "title": "a\\ud800b", "groups": [${GROUP}], "prosecutor": {"budget": 1, "regime": "priority"}}`;
    expect(errorsOf(parseScenarioText(src))).toEqual([
      'title: must be valid Unicode text: it holds a lone surrogate (half of a UTF-16 pair)',
    ]);
  });

  it('in a JavaScript object too (a link, the editor), low or high half', () => {
    const s = {
      schemaVersion: 1,
      groups: [{ label: 'x\udc00', count: 1, convictionProbability: 0.5, trialSentence: 10 }],
      prosecutor: { budget: 1, regime: 'priority' },
    };
    expect(errorsOf(parseScenario(s))).toEqual([
      'groups[0].label: must be valid Unicode text: it holds a lone surrogate (half of a UTF-16 pair)',
    ]);
  });

  it('a whole pair is fine', () => {
    const s = {
      schemaVersion: 1,
      title: '😀 \ud83d\ude00',
      groups: [{ count: 1, convictionProbability: 0.5, trialSentence: 10 }],
      prosecutor: { budget: 1, regime: 'priority' },
    };
    expect(parseScenario(s).ok).toBe(true);
  });
});

describe('a file that is not valid UTF-8', () => {
  const enc = new TextEncoder();
  const good = text('{"budget": 1, "regime": "priority"}', `[${GROUP}]`, ', "title": "Café 😀"');

  it('valid UTF-8 (with a byte-order mark or not) reads as the same text', () => {
    const r = parseScenarioBytes(enc.encode(good));
    if (!r.ok) expect.fail(r.errors.map((e) => e.text).join('\n'));
    expect(r.scenario.title).toBe('Café 😀');
    expect(parseScenarioBytes(new Uint8Array([0xef, 0xbb, 0xbf, ...enc.encode(good)])).ok).toBe(true);
  });

  it('names the first bad byte and its line', () => {
    const bytes = enc.encode(`{\n"title": "caf?"}`);
    bytes[bytes.indexOf(0x3f)] = 0xe9; // Latin-1 é
    expect(errorsOf(parseScenarioBytes(bytes))).toEqual([
      'scenario: is not valid UTF-8 text: byte 16 (line 2) is 0xE9, which does not start a valid UTF-8 character; save the file as UTF-8',
    ]);
  });

  it.each<[string, number[], number]>([
    ['a stray continuation byte', [0x41, 0x80], 1],
    ['an overlong encoding', [0xc0, 0xaf], 0],
    ['an encoded surrogate', [0xed, 0xa0, 0x80], 0],
    ['a code point above U+10FFFF', [0xf4, 0x90, 0x80, 0x80], 0],
    ['a sequence cut short at the end', [0x41, 0xe2, 0x82], 1],
    ['a sequence cut short by ASCII', [0xe2, 0x41, 0x41], 0],
    ['0xFF', [0xff], 0],
  ])('%s', (_name, bytes, at) => {
    expect(invalidUtf8At(new Uint8Array(bytes))).toBe(at);
  });

  it('accepts every valid width, to U+10FFFF', () => {
    const s = 'A é € 😀 \u{10FFFF}';
    expect(invalidUtf8At(enc.encode(s))).toBe(-1);
  });
});
