// Fuzzing (issue 11, item 10): random JSON, random text and mutated scenarios thrown at the
// parser, the link decoder (#s= links) and the file opener. None may throw, hang (the test's
// timeout), pollute a prototype, or reject without naming a path. The suite runs a quick set;
// `npm run fuzz` runs 10,000 cases of each (FUZZ_RUNS), with the figures in the README.
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import {
  parseScenario,
  parseScenarioText,
  type ValidationMessage,
} from '../../src/engine/scenario/parse';
import { MAX_MESSAGES } from '../../src/engine/scenario/messages';
import { encodeBase64Url, readScenarioHash } from '../../src/app/scenarioHash';
import { openScenarioFile } from '../../src/app/openFile';
import { PRESETS } from '../../src/presets';

const RUNS = Number(process.env.FUZZ_RUNS ?? 200);
const SEED = process.env.FUZZ_SEED === undefined ? undefined : Number(process.env.FUZZ_SEED);
const opts = { numRuns: RUNS, seed: SEED, endOnFailure: true };
const TIMEOUT = Math.max(60_000, RUNS * 60);

// ---------------------------------------------------------------------------------------------
// What every rejection must look like.

const PATH = /^(scenario|link|preset|file|[A-Za-z_$][A-Za-z0-9_$]*|\[)/;

function expectNamedPaths(errors: readonly ValidationMessage[]) {
  expect(errors.length).toBeGreaterThan(0);
  expect(errors.length).toBeLessThanOrEqual(MAX_MESSAGES + 1);
  for (const e of errors) {
    expect(typeof e.path).toBe('string');
    expect(e.path).toMatch(PATH);
    expect(e.text).toBe(`${e.path}: ${e.message}`);
    expect(e.message.length).toBeGreaterThan(0);
    // Short lines, whatever the input: keys cut at 80, values at 60, lists of allowed keys.
    expect(e.text.length).toBeLessThan(600);
  }
}

// Nothing may be written on the shared prototypes.
const protoKeys = () =>
  [Object.prototype, Array.prototype, Function.prototype].map((p) =>
    Object.getOwnPropertyNames(p).sort().join(','),
  );
const before = protoKeys();
afterEach(() => {
  expect(protoKeys()).toEqual(before);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
});

// ---------------------------------------------------------------------------------------------
// Arbitraries.

const nastyKey = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'polluted', 'toString', 'valueOf', ''),
  fc.constantFrom('schemaVersion', 'groups', 'prosecutor', 'levers', 'count', 'budget', 'regime'),
);

const leaf = fc.oneof(
  fc.integer({ min: -1e6, max: 1e6 }),
  fc.double(),
  fc.constantFrom(0, -0, 1, 0.5, 1e308, -1e308, 5e-324, 10_000_001, 2 ** 53),
  fc.boolean(),
  fc.constant(null),
  fc.string({ maxLength: 20 }),
  fc.constantFrom('NaN', 'Infinity', 'priority', 'lottery', 'random', 'optimal', '=cmd'),
);

const { value: anyJson } = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc.array(tie('value'), { maxLength: 5 }),
    fc.dictionary(nastyKey, tie('value'), { maxKeys: 5 }),
  ),
}));

/** A JSON-able object with `__proto__` as an own key, as JSON.parse makes it. */
const withProtoKey = anyJson.map(
  (v) => JSON.parse(`{"__proto__":${JSON.stringify(v) ?? 'null'},"polluted":1}`) as unknown,
);

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

/** Paths into a document (arrays by index, objects by key). */
function paths(doc: Json, prefix: (string | number)[] = [], out: (string | number)[][] = []) {
  out.push(prefix);
  if (Array.isArray(doc)) doc.forEach((v, i) => paths(v, [...prefix, i], out));
  else if (doc !== null && typeof doc === 'object')
    for (const k of Object.keys(doc)) paths(doc[k], [...prefix, k], out);
  return out;
}

type Mutation = { kind: 'set' | 'delete' | 'add'; at: number; key: string; value: unknown };

const mutation: fc.Arbitrary<Mutation> = fc.record({
  kind: fc.constantFrom('set', 'set', 'delete', 'add'),
  at: fc.nat(),
  key: nastyKey,
  value: anyJson,
});

/** A preset with a few random mutations at random paths. */
const mutatedScenario = fc
  .record({
    preset: fc.constantFrom(...PRESETS.map((p) => p.scenario)),
    mutations: fc.array(mutation, { minLength: 1, maxLength: 4 }),
  })
  .map(({ preset, mutations }) => {
    const doc = clone(preset) as Json;
    for (const m of mutations) {
      const all = paths(doc).filter((p) => p.length > 0);
      if (all.length === 0) break;
      const p = all[m.at % all.length];
      let parent = doc as Record<string | number, Json>;
      for (const seg of p.slice(0, -1)) parent = parent[seg] as Record<string | number, Json>;
      const last = p[p.length - 1];
      if (m.kind === 'set') parent[last] = m.value as Json;
      else if (m.kind === 'delete') {
        if (Array.isArray(parent)) parent.splice(Number(last), 1);
        else delete parent[last];
      } else if (!Array.isArray(parent)) {
        Object.defineProperty(parent, m.key, {
          value: m.value,
          enumerable: true,
          writable: true,
          configurable: true,
        });
      }
    }
    return doc;
  });

/** Text near JSON: a valid document with a few characters changed, cut, or inserted. */
const mutatedText = fc
  .record({
    doc: fc.oneof(mutatedScenario, anyJson),
    edits: fc.array(
      fc.record({
        at: fc.nat(),
        cut: fc.nat({ max: 5 }),
        insert: fc.oneof(
          fc.constantFrom(
            '',
            '{',
            '[',
            '"',
            ',',
            ':',
            '}',
            ']',
            'NaN',
            '\\',
            '\u0000',
            '\uFEFF',
            '\uD800',
          ),
          fc.string({ maxLength: 4 }),
        ),
      }),
      { maxLength: 3 },
    ),
  })
  .map(({ doc, edits }) => {
    let text = JSON.stringify(doc) ?? 'null';
    for (const e of edits) {
      const i = e.at % (text.length + 1);
      text = text.slice(0, i) + e.insert + text.slice(i + e.cut);
    }
    return text;
  });

// ---------------------------------------------------------------------------------------------

describe(`fuzz: the scenario parser (${RUNS} cases each)`, () => {
  it(
    'random JSON values: never throws, every rejection names a path',
    () => {
      fc.assert(
        fc.property(fc.oneof(anyJson, withProtoKey), (v) => {
          const r = parseScenario(v);
          if (!r.ok) expectNamedPaths(r.errors);
        }),
        opts,
      );
    },
    TIMEOUT,
  );

  it(
    'mutated presets: never throws; valid or rejected with paths',
    () => {
      fc.assert(
        fc.property(mutatedScenario, (doc) => {
          const r = parseScenario(doc);
          if (!r.ok) expectNamedPaths(r.errors);
          else expect(r.scenario.schemaVersion).toBe(1);
        }),
        opts,
      );
    },
    TIMEOUT,
  );

  it(
    'mutated and random text: never throws, every rejection names a path',
    () => {
      fc.assert(
        fc.property(fc.oneof(mutatedText, fc.string({ maxLength: 200 })), (text) => {
          const r = parseScenarioText(text);
          if (!r.ok) expectNamedPaths(r.errors);
        }),
        opts,
      );
    },
    TIMEOUT,
  );
});

describe(`fuzz: the link decoder (${RUNS} cases each)`, () => {
  it(
    '#s= with any text, base64url or not: never throws; broken links name a path and keep their text',
    () => {
      const payload = fc.oneof(
        mutatedText.map((t) => encodeBase64Url(t)),
        fc.string({ maxLength: 120 }),
        fc.base64String({ maxLength: 200 }),
        fc.stringMatching(/^[A-Za-z0-9_-]{0,200}={0,3}$/),
      );
      fc.assert(
        fc.property(
          payload,
          fc.constantFrom('#s=', 's=', '#preset=x&s=', '#s=&s='),
          (p, prefix) => {
            const h = readScenarioHash(prefix + p);
            expect(['none', 'preset', 'scenario', 'broken']).toContain(h.kind);
            if (h.kind === 'broken') {
              expectNamedPaths(h.errors);
              expect(typeof h.text).toBe('string');
            }
            if (h.kind === 'scenario') expect(parseScenario(h.doc).ok).toBe(true);
          },
        ),
        opts,
      );
    },
    TIMEOUT,
  );

  it(
    'any hash at all, including #preset= with odd names',
    () => {
      fc.assert(
        fc.property(fc.string({ maxLength: 80 }), (hash) => {
          const h = readScenarioHash(hash);
          if (h.kind === 'broken') expectNamedPaths(h.errors);
        }),
        opts,
      );
    },
    TIMEOUT,
  );
});

describe(`fuzz: the file opener (${RUNS} cases each)`, () => {
  const fileOf = (bytes: Uint8Array, name = 'x.scenario.json') => ({
    name,
    size: bytes.length,
    arrayBuffer: async () => bytes.slice().buffer,
  });

  it(
    'random bytes and mutated files: never rejects, every refusal names a path',
    async () => {
      const bytes = fc.oneof(
        fc.uint8Array({ maxLength: 300 }),
        mutatedText.map((t) => new TextEncoder().encode(t)),
        fc
          .tuple(mutatedText, fc.uint8Array({ minLength: 1, maxLength: 3 }), fc.nat())
          .map(([t, junk, at]) => {
            const b = new TextEncoder().encode(t);
            const i = at % (b.length + 1);
            const out = new Uint8Array(b.length + junk.length);
            out.set(b.subarray(0, i));
            out.set(junk, i);
            out.set(b.subarray(i), i + junk.length);
            return out;
          }),
      );
      await fc.assert(
        fc.asyncProperty(bytes, async (b) => {
          const r = await openScenarioFile(fileOf(b));
          if (!r.ok) expectNamedPaths(r.errors);
          else expect(r.text.length).toBeGreaterThan(0);
        }),
        opts,
      );
    },
    TIMEOUT,
  );
});

describe('the file opener, by example', () => {
  const fileOf = (bytes: Uint8Array, size = bytes.length) => ({
    name: 'city.scenario.json',
    size,
    arrayBuffer: async () => bytes.slice().buffer,
  });

  it('refuses a file over the cap before reading it', async () => {
    let read = false;
    const r = await openScenarioFile({
      name: 'huge.json',
      size: 64 * 1024 * 1024 + 1,
      arrayBuffer: async () => {
        read = true;
        return new ArrayBuffer(0);
      },
    });
    expect(read).toBe(false);
    expect(r).toEqual({
      ok: false,
      name: 'huge.json',
      text: null,
      errors: [
        {
          path: 'file',
          message: 'is 67108865 bytes, larger than 64 MiB, the largest scenario file Holdout reads',
          text: 'file: is 67108865 bytes, larger than 64 MiB, the largest scenario file Holdout reads',
        },
      ],
    });
  });

  it('refuses text that is not UTF-8, naming the byte', async () => {
    const bytes = new Uint8Array([0x7b, 0x22, 0x61, 0xff, 0x22, 0x7d]); // {"a\xff"}
    const r = await openScenarioFile(fileOf(bytes));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => e.text)).toEqual([
      'file: is not UTF-8 text at byte 4; save it as UTF-8',
    ]);
  });

  it('opens a preset file, and keeps the text of a broken one', async () => {
    const text = JSON.stringify(PRESETS[0].scenario);
    const good = await openScenarioFile(fileOf(new TextEncoder().encode(text)));
    expect(good.ok).toBe(true);
    const bad = await openScenarioFile(fileOf(new TextEncoder().encode('{"schemaVersion":2}')));
    expect(bad.ok).toBe(false);
    expect(bad.text).toBe('{"schemaVersion":2}');
  });
});
