// The scenario file (MODEL.md §6): every shared example validates, defaults are applied, and
// bad input is rejected with messages that name the field path and the rule.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  locateJsonError,
  parseScenario,
  parseScenarioText,
  type ParseResult,
} from '../../src/engine/scenario/parse';
import { formatPath, showValue } from '../../src/engine/scenario/messages';
import { scenarioJsonSchema } from '../../src/engine/scenario/jsonSchema';

const examplesDir = new URL('../fixtures/examples/', import.meta.url);
const exampleFiles = readdirSync(fileURLToPath(examplesDir))
  .filter((f) => f.endsWith('.scenario.json'))
  .sort();

type Json = Record<string, unknown>;

const group = (over: Json = {}): Json => ({
  label: 'felony',
  count: 3,
  convictionProbability: 0.5,
  trialSentence: 10,
  ...over,
});

const scenario = (over: Json = {}, prosecutor: Json = {}): Json => ({
  schemaVersion: 1,
  groups: [group()],
  prosecutor: { budget: 1, regime: 'priority', ...prosecutor },
  ...over,
});

function errorsOf(r: ParseResult): string[] {
  if (r.ok) throw new Error('expected the scenario to be rejected, but it was accepted');
  return r.errors.map((e) => e.text);
}

const KEY = String.raw`\["(?:[^"\\]|\\.)*"\]`;
const PATH = new RegExp(
  String.raw`^(scenario|[A-Za-z_$][\w$]*|${KEY})(\.[A-Za-z_$][\w$]*|\[\d+\]|${KEY})*$`,
);

describe('the shared examples', () => {
  it('are all there', () => {
    expect(exampleFiles.length).toBeGreaterThanOrEqual(17);
  });

  it.each(exampleFiles)('%s validates', (file) => {
    const text = readFileSync(fileURLToPath(new URL(file, examplesDir)), 'utf8');
    const r = parseScenarioText(text);
    if (!r.ok) expect.fail(r.errors.map((e) => e.text).join('\n'));
    const raw = JSON.parse(text) as { prosecutor: { regime: string } };
    expect(r.scenario.schemaVersion).toBe(1);
    expect(r.scenario.prosecutor.regime).toBe(raw.prosecutor.regime);
    // A complete file round-trips unchanged: nothing is added or dropped. The docket examples
    // leave out the ranking (not used there): only its default is added.
    const p = (raw as { prosecutor: Record<string, unknown> }).prosecutor;
    const want = 'ranking' in p ? raw : { ...raw, prosecutor: { ...p, ranking: 'arrival' } };
    expect(r.scenario).toEqual(want);
  });
});

describe('defaults', () => {
  it('fill in everything a minimal scenario leaves out', () => {
    const r = parseScenario(scenario());
    if (!r.ok) expect.fail(r.errors.map((e) => e.text).join('\n'));
    expect(r.scenario).toEqual({
      schemaVersion: 1,
      title: '',
      seed: 1,
      runs: 1,
      groups: [
        {
          label: 'felony',
          count: 3,
          convictionProbability: 0.5,
          trialSentence: 10,
          collateralCost: 0,
          refusalCost: 0,
          trialCost: 1,
          pledgedShare: 0,
          neverPleadsShare: 0,
          pledgePenalty: null,
          offer: null,
        },
      ],
      prosecutor: {
        budget: 1,
        regime: 'priority',
        ranking: 'optimal',
        offers: 'tailored',
        uniformOffer: null,
        equilibrium: 'erosion',
      },
      levers: {
        pledge: { penalty: 0, secret: false },
        visibility: { observed: 1, sanction: 0 },
        strikeFund: { fund: 0, stipend: 0, insurance: 0 },
      },
    });
  });

  it.each(['noPlea', 'lottery', 'forcedSpend'])('rank in arrival order under %s', (regime) => {
    const r = parseScenario(scenario({}, { regime }));
    if (!r.ok) expect.fail(r.errors.map((e) => e.text).join('\n'));
    expect(r.scenario.prosecutor.ranking).toBe('arrival');
  });

  it('keep what is given, and fill in the rest of a partly given lever', () => {
    const r = parseScenario(
      scenario({
        title: 'x',
        seed: -7,
        levers: { pledge: { penalty: 2 }, visibility: { observed: 0.5 } },
      }),
    );
    if (!r.ok) expect.fail(r.errors.map((e) => e.text).join('\n'));
    expect(r.scenario.title).toBe('x');
    expect(r.scenario.seed).toBe(-7);
    expect(r.scenario.levers).toEqual({
      pledge: { penalty: 2, secret: false },
      visibility: { observed: 0.5, sanction: 0 },
      strikeFund: { fund: 0, stipend: 0, insurance: 0 },
    });
  });

  it('do not change the input object', () => {
    const input = scenario();
    const copy = structuredClone(input);
    parseScenario(input);
    expect(input).toEqual(copy);
  });
});

describe('rejections name the field and the rule', () => {
  const cases: [string, unknown, string[]][] = [
    [
      'a probability above 1',
      scenario({ groups: [group({ convictionProbability: 1.7 })] }),
      ['groups[0].convictionProbability: must be at most 1, got 1.7'],
    ],
    [
      'a negative sentence, in the third group',
      scenario({ groups: [group(), group(), group({ trialSentence: -2 })] }),
      ['groups[2].trialSentence: must be at least 0, got -2'],
    ],
    [
      'an unknown field (a typo)',
      scenario({ levers: { pledge: { secrte: true } } }),
      ['levers.pledge.secrte: unknown field (allowed: penalty, secret)'],
    ],
    [
      'an unknown top-level field',
      scenario({ budget: 3 }),
      [
        'budget: unknown field (allowed: schemaVersion, title, seed, runs, groups, prosecutor, levers, docket)',
      ],
    ],
    [
      'a missing required field',
      { groups: [{ count: 1, convictionProbability: 0.5 }], prosecutor: { regime: 'noPlea' } },
      [
        'schemaVersion: is required',
        'groups[0].trialSentence: is required',
        'prosecutor.budget: is required',
      ],
    ],
    [
      'a fractional count',
      scenario({ groups: [group({ count: 2.5 })] }),
      ['groups[0].count: must be an integer, got 2.5'],
    ],
    [
      'NaN in a JavaScript object',
      scenario({ groups: [group({ convictionProbability: NaN })] }),
      ['groups[0].convictionProbability: must be a finite number, got NaN'],
    ],
    [
      'Infinity in a JavaScript object',
      scenario({ groups: [group({ trialSentence: Infinity })] }),
      ['groups[0].trialSentence: must be a finite number, got Infinity'],
    ],
    [
      'a string where a number belongs',
      scenario({ groups: [group({ trialSentence: 'abc' })] }),
      ['groups[0].trialSentence: must be a number, got string "abc"'],
    ],
    [
      'a string where a nullable number belongs',
      scenario({ groups: [group({ offer: '5' })] }),
      ['groups[0].offer: must be a number or null, got string "5"'],
    ],
    [
      'an unknown regime',
      scenario({}, { regime: 'plea' }),
      [
        'prosecutor.regime: must be one of "noPlea", "lottery", "priority", "forcedSpend", "docket", got "plea"',
      ],
    ],
    [
      'an unknown ranking name',
      scenario({}, { ranking: 'best' }),
      [
        'prosecutor.ranking: must be optimal, arrival, byValue, random, or a list of defendant numbers, got "best"',
      ],
    ],
    [
      'a ranking list with a fractional entry',
      scenario({}, { ranking: [1, 2.5, 3] }),
      ['prosecutor.ranking[1]: must be an integer, got 2.5'],
    ],
    [
      'a newer schema version (refused by the migrate step, saying why)',
      scenario({ schemaVersion: 2 }),
      [
        'schemaVersion: must be 1, got 2: the scenario was written by a newer Holdout than this one; open it with a version that reads schemaVersion 2',
      ],
    ],
    [
      'a schema version that never existed',
      scenario({ schemaVersion: 0 }),
      ['schemaVersion: must be 1, got 0'],
    ],
    [
      'shares summing above 1',
      scenario({ groups: [group({ pledgedShare: 0.6, neverPleadsShare: 0.5 })] }),
      [
        'groups[0].neverPleadsShare: pledgedShare + neverPleadsShare must be at most 1, got 0.6 + 0.5',
      ],
    ],
    [
      'runs above 1 without a random ranking',
      scenario({ runs: 5 }, { ranking: 'arrival' }),
      ['runs: must be 1 unless the ranking is random, got 5'],
    ],
    [
      'uniform offers without a uniform offer',
      scenario({ groups: [group({ offer: 3 }), group()] }, { offers: 'uniform' }),
      ['prosecutor.uniformOffer: is required with uniform offers (or set every group’s offer)'],
    ],
    [
      'the optimal ranking with forcedSpend',
      scenario({}, { regime: 'forcedSpend', ranking: 'optimal' }),
      [
        'prosecutor.ranking: optimal is not a forcedSpend order: use arrival, byValue, random or an explicit list',
      ],
    ],
    [
      'a ranking of the wrong length',
      scenario({}, { ranking: [1, 2] }),
      ['prosecutor.ranking: must list each defendant 1..3 exactly once: got 2 entries'],
    ],
    [
      'a ranking listing a defendant twice',
      scenario({}, { ranking: [1, 1, 2] }),
      ['prosecutor.ranking[1]: defendant 1 is listed twice'],
    ],
    [
      'a ranking with a defendant out of range',
      scenario({}, { ranking: [1, 4, 2] }),
      ['prosecutor.ranking[1]: must be a defendant number from 1 to 3, got 4'],
    ],
    [
      'a ranking with defendant 0 (numbers are 1-based)',
      scenario({}, { ranking: [0, 1, 2] }),
      ['prosecutor.ranking[0]: must be a defendant number from 1 to 3, got 0'],
    ],
    [
      'a lottery with unequal trial costs',
      scenario({ groups: [group(), group({ trialCost: 2 })] }, { regime: 'lottery' }),
      ['groups: lottery needs equal trial costs (trialCost) in every group with defendants'],
    ],
    [
      'every count 0',
      scenario({ groups: [group({ count: 0 }), group({ count: 0 })] }),
      ['groups: must hold at least one defendant in all (every count is 0)'],
    ],
    [
      'no groups at all (one message, not two)',
      scenario({ groups: [] }),
      ['groups: must have at least 1 item, got 0 items'],
    ],
    [
      'more than 10,000,000 defendants',
      scenario({ groups: [group({ count: 6_000_000 }), group({ count: 4_000_001 })] }),
      [
        'groups: limit: at most 10,000,000 defendants in all (a larger run would not fit in memory), got 10,000,001; lower the counts',
      ],
    ],
    [
      'a mixed-cost knapsack above 50,000,000 cells',
      scenario(
        {
          groups: [
            group({ count: 5_000_000, trialCost: 1 }),
            group({ count: 5_000_000, trialCost: 10, trialSentence: 20 }),
          ],
        },
        { budget: 30_000_000 },
      ),
      [
        'prosecutor.budget: limit: with mixed trial costs the knapsack needs kinds × (budget + 1) ≤ 50,000,000, got 2 × 30,000,001 = 60,000,002; lower the budget, merge groups, or use equal trial costs',
      ],
    ],
    [
      'forcedSpend above 50,000,000 cells',
      scenario(
        { groups: [group({ count: 10_000, trialCost: 10_000 })] },
        { regime: 'forcedSpend', ranking: 'arrival', budget: 10_000 },
      ),
      [
        'prosecutor.budget: limit: forcedSpend needs defendants × (budget + 1) ≤ 50,000,000, got 10,000 × 10,001 = 100,010,000; lower the budget or the counts',
      ],
    ],
    [
      'runs × defendants above 200,000,000',
      scenario({ runs: 10_000, groups: [group({ count: 20_001 })] }, { ranking: 'random' }),
      [
        'runs: limit: runs × defendants must be at most 200,000,000, got 10,000 × 20,001; lower the runs',
      ],
    ],
    [
      'a title of 201 code points (emoji count once)',
      scenario({ title: '😀'.repeat(201) }),
      ['title: must be at most 200 characters'],
    ],
    [
      'a label of 201 characters',
      scenario({ groups: [group({ label: 'x'.repeat(201) })] }),
      ['groups[0].label: must be at most 200 characters'],
    ],
    [
      'too many groups',
      scenario({ groups: Array.from({ length: 10_001 }, () => group({ count: 0 })) }),
      ['groups: must have at most 10000 items, got 10001 items'],
    ],
    [
      'a seed beyond 2^53 − 1 (reported once, though two checks fail)',
      scenario({ seed: 2 ** 60 }),
      ['seed: must be at most 9007199254740991, got 1152921504606847000'],
    ],
    ['a document that is not an object', [1, 2], ['scenario: must be an object, got array [1,2]']],
    ['null', null, ['scenario: must be an object, got null']],
    [
      'a boolean as a string',
      scenario({ levers: { pledge: { secret: 'yes' } } }),
      ['levers.pledge.secret: must be true or false, got string "yes"'],
    ],
  ];

  it.each(cases)('%s', (_name, input, expected) => {
    expect(errorsOf(parseScenario(input))).toEqual(expected);
  });

  it('reports every problem at once, in the order of the file', () => {
    const input = scenario({
      groups: [group({ convictionProbability: 1.7, count: 2.5 }), group({ trialSentence: 'x' })],
      levers: { pledge: { secrte: true } },
    });
    expect(errorsOf(parseScenario(input))).toEqual([
      'groups[0].count: must be an integer, got 2.5',
      'groups[0].convictionProbability: must be at most 1, got 1.7',
      'groups[1].trialSentence: must be a number, got string "x"',
      'levers.pledge.secrte: unknown field (allowed: penalty, secret)',
    ]);
  });

  it('gives each message as path, message and text', () => {
    const r = parseScenario(scenario({ groups: [group({ convictionProbability: 1.7 })] }));
    expect(r).toEqual({
      ok: false,
      errors: [
        {
          path: 'groups[0].convictionProbability',
          message: 'must be at most 1, got 1.7',
          text: 'groups[0].convictionProbability: must be at most 1, got 1.7',
        },
      ],
    });
  });

  it('shortens long values', () => {
    const r = parseScenario(scenario({ groups: [group({ count: 'y'.repeat(500) })] }));
    const [text] = errorsOf(r);
    expect(text.startsWith('groups[0].count: must be a number, got string "yyy')).toBe(true);
    expect(text.endsWith('…"')).toBe(true);
    expect([...text.slice('groups[0].count: must be a number, got string '.length)]).toHaveLength(
      60,
    );
  });
});

describe('accepted edge cases', () => {
  it.each<[string, Json]>([
    ['a title of 200 emoji (200 code points)', scenario({ title: '😀'.repeat(200) })],
    [
      'shares summing to exactly 1',
      scenario({ groups: [group({ pledgedShare: 0.7, neverPleadsShare: 0.3 })] }),
    ],
    ['runs above 1 with a random ranking', scenario({ runs: 50 }, { ranking: 'random' })],
    [
      'uniform offers when every group with members sets its offer',
      scenario({ groups: [group({ offer: 3 }), group({ count: 0 })] }, { offers: 'uniform' }),
    ],
    [
      'a lottery whose unequal trial costs are only in empty groups',
      scenario({ groups: [group(), group({ count: 0, trialCost: 7 })] }, { regime: 'lottery' }),
    ],
    ['an explicit permutation', scenario({}, { ranking: [3, 1, 2] })],
    [
      'exactly 10,000,000 defendants',
      scenario({ groups: [group({ count: 10_000_000 })] }, { regime: 'lottery' }),
    ],
    [
      'runs × defendants exactly 200,000,000',
      scenario({ runs: 10_000, groups: [group({ count: 20_000 })] }, { ranking: 'random' }),
    ],
    [
      'a mixed-cost knapsack exactly at 50,000,000 cells',
      scenario(
        {
          groups: [
            group({ count: 5_000_000, trialCost: 1 }),
            group({ count: 5_000_000, trialCost: 10, trialSentence: 20 }),
          ],
        },
        { budget: 24_999_999 },
      ),
    ],
  ])('%s', (_name, input) => {
    const r = parseScenario(input);
    if (!r.ok) expect.fail(r.errors.map((e) => e.text).join('\n'));
  });
});

describe('parseScenarioText', () => {
  it('reads a scenario file', () => {
    const r = parseScenarioText(JSON.stringify(scenario(), null, 2));
    expect(r.ok).toBe(true);
  });

  it('ignores a byte-order mark', () => {
    const r = parseScenarioText('\uFEFF' + JSON.stringify(scenario()));
    expect(r.ok).toBe(true);
  });

  it.each<[string, string, string]>([
    [
      'a missing comma',
      '{\n  "schemaVersion": 1\n  "groups": []\n}',
      `scenario: not valid JSON at line 3, column 3: unexpected '"', expected ',' or '}'`,
    ],
    [
      'a trailing comma',
      '{\n  "schemaVersion": 1,\n}',
      "scenario: not valid JSON at line 3, column 1: unexpected '}': no comma may follow the last field",
    ],
    [
      'NaN in the text',
      '{\n\t"x": NaN\n}',
      "x: not valid JSON at line 2, column 7: unexpected 'N': NaN and Infinity are not JSON numbers",
    ],
    [
      'a truncated file',
      '{"schemaVersion": 1, "groups": [',
      'scenario: not valid JSON at line 1, column 33: unexpected end of input, expected a value',
    ],
    [
      'an empty file',
      '',
      'scenario: not valid JSON at line 1, column 1: unexpected end of input, expected a value',
    ],
    [
      'single quotes',
      "{'a': 1}",
      `scenario: not valid JSON at line 1, column 2: unexpected "'", expected a field name in double quotes`,
    ],
    [
      'text after the document',
      '{}\n}',
      "scenario: not valid JSON at line 2, column 1: unexpected '}' after the end of the JSON value",
    ],
    [
      'columns count code points (an emoji counts once)',
      '{"title": "😀😀", x}',
      "scenario: not valid JSON at line 1, column 17: unexpected 'x', expected a field name in double quotes",
    ],
  ])('gives the line and column of %s', (_name, text, expected) => {
    expect(errorsOf(parseScenarioText(text))).toEqual([expected]);
  });

  it('reports a valid JSON document that is not a scenario like parseScenario does', () => {
    expect(
      errorsOf(parseScenarioText('{"schemaVersion": 1, "groups": [], "prosecutor": 3}')),
    ).toEqual([
      'groups: must have at least 1 item, got 0 items',
      'prosecutor: must be an object, got number 3',
    ]);
  });

  it('turns numbers too large for a double into a finite-number error', () => {
    const text = JSON.stringify(scenario()).replace('"trialSentence":10', '"trialSentence":1e400');
    expect(errorsOf(parseScenarioText(text))).toEqual([
      'groups[0].trialSentence: must be a finite number, got Infinity',
    ]);
  });

  it('survives deep nesting', () => {
    expect(errorsOf(parseScenarioText('['.repeat(200_000)))).toHaveLength(1);
    expect(errorsOf(parseScenarioText('['.repeat(5_000) + ']'.repeat(5_000)))).toEqual([
      `scenario: must be an object, got array ${'['.repeat(59)}…`,
    ]);
  });
});

describe('properties', () => {
  const wellFormed = (r: ParseResult) => {
    if (r.ok) return;
    expect(r.errors.length).toBeGreaterThan(0);
    for (const e of r.errors) {
      expect(e.path).toMatch(PATH);
      expect(e.message.length).toBeGreaterThan(0);
      expect(e.text).toBe(`${e.path}: ${e.message}`);
      expect(e.message).not.toMatch(/internal error/);
    }
    expect(new Set(r.errors.map((e) => e.text)).size).toBe(r.errors.length);
  };

  it('parseScenario never throws on any JSON value, and every error starts with a path', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        wellFormed(parseScenario(v));
      }),
      { numRuns: 300 },
    );
  });

  it('parseScenario never throws when any field of a valid scenario is replaced', () => {
    const fields: [string, string][] = [
      ['', 'schemaVersion'],
      ['', 'title'],
      ['', 'seed'],
      ['', 'runs'],
      ['', 'groups'],
      ['', 'prosecutor'],
      ['', 'levers'],
      ['group', 'count'],
      ['group', 'convictionProbability'],
      ['group', 'trialSentence'],
      ['group', 'trialCost'],
      ['group', 'pledgedShare'],
      ['group', 'neverPleadsShare'],
      ['group', 'offer'],
      ['group', 'label'],
      ['prosecutor', 'budget'],
      ['prosecutor', 'regime'],
      ['prosecutor', 'ranking'],
      ['prosecutor', 'offers'],
      ['prosecutor', 'uniformOffer'],
      ['', 'docket'],
      ['group', 'firstWeek'],
      ['group', 'lastWeek'],
      ['group', 'detentionPerWeek'],
    ];
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...fields), fc.jsonValue({ maxDepth: 2 })), {
          minLength: 1,
          maxLength: 4,
        }),
        (edits) => {
          const s = scenario(
            { groups: [group(), group({ count: 2 })], docket: { capacity: 1 } },
            { ranking: 'arrival', regime: edits.length % 2 ? 'docket' : 'priority' },
          );
          for (const [[where, key], value] of edits) {
            const target: unknown =
              where === 'group'
                ? Array.isArray(s.groups)
                  ? (s.groups as unknown[])[0]
                  : undefined
                : where === 'prosecutor'
                  ? s.prosecutor
                  : s;
            // An earlier edit may have replaced the container itself.
            if (target !== null && typeof target === 'object' && !Array.isArray(target)) {
              (target as Json)[key] = value;
            }
          }
          wellFormed(parseScenario(s));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('parseScenarioText never throws, and finds a syntax error exactly when JSON.parse does', () => {
    const text = fc.oneof(
      fc.string(),
      fc.json(),
      // Valid JSON with one character dropped or one inserted: near-misses.
      fc
        .tuple(fc.json(), fc.nat(), fc.constantFrom('', ',', '}', ']', '"', ':', '\n', 'x', '0'))
        .map(([j, at, ins]) => {
          const k = j.length === 0 ? 0 : at % j.length;
          return j.slice(0, k) + ins + j.slice(ins === '' ? k + 1 : k);
        }),
    );
    fc.assert(
      fc.property(text, (t) => {
        let valid = true;
        try {
          JSON.parse(t);
        } catch {
          valid = false;
        }
        expect(locateJsonError(t) === null).toBe(valid);
        const r = parseScenarioText(t);
        wellFormed(r);
        if (!valid && !r.ok) {
          expect(r.errors[0].text).toMatch(/^scenario: not valid JSON at line \d+, column \d+: /);
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('message helpers', () => {
  it('format paths', () => {
    expect(formatPath([])).toBe('scenario');
    expect(formatPath(['groups', 2, 'convictionProbability'])).toBe(
      'groups[2].convictionProbability',
    );
    expect(formatPath(['prosecutor', 'ranking', 0])).toBe('prosecutor.ranking[0]');
    expect(formatPath(['levers', 'a b'])).toBe('levers["a b"]');
  });

  it('show values compactly', () => {
    expect(showValue(1.7)).toBe('1.7');
    expect(showValue(NaN)).toBe('NaN');
    expect(showValue(-Infinity)).toBe('-Infinity');
    expect(showValue('abc')).toBe('"abc"');
    expect(showValue(null)).toBe('null');
    expect(showValue({ a: [1, NaN], b: 'x' })).toBe('{"a":[1,NaN],"b":"x"}');
    expect([...showValue('z'.repeat(1000))].length).toBeLessThanOrEqual(60);
    expect([...showValue(Array.from({ length: 100 }, (_, i) => i))].length).toBeLessThanOrEqual(60);
  });
});

describe('the JSON Schema', () => {
  const schema = scenarioJsonSchema() as {
    $id: string;
    title: string;
    required: string[];
    additionalProperties: boolean;
    properties: Record<string, Json & { items?: Json & { properties: Record<string, Json> } }>;
  };

  it('has an id, a title and the required fields', () => {
    expect(schema.$id).toBe('scenario.schema.json');
    expect(schema.title).toBe('Holdout scenario');
    expect(schema.required).toEqual(['schemaVersion', 'groups', 'prosecutor']);
    expect(schema.additionalProperties).toBe(false);
  });

  it('keeps the field metadata, ranges and defaults', () => {
    const p = schema.properties.groups.items!.properties.convictionProbability;
    expect(p).toMatchObject({
      type: 'number',
      minimum: 0,
      maximum: 1,
      title: 'Conviction probability (p)',
      unit: 'probability',
    });
    expect(schema.properties.title).toMatchObject({ type: 'string', default: '', maxLength: 200 });
    expect(schema.properties.runs).toMatchObject({ type: 'integer', minimum: 1, default: 1 });
  });

  it('matches public/scenario.schema.json (run npm run schema after changing the schema)', () => {
    const file = fileURLToPath(new URL('../../public/scenario.schema.json', import.meta.url));
    expect(readFileSync(file, 'utf8')).toBe(JSON.stringify(scenarioJsonSchema(), null, 2) + '\n');
  });
});
