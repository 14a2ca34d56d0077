// Distributions over runs kept column-wise (summarizeColumn) give exactly the figures of a plain
// reading of MODEL.md §5 and of summarize, and a solve for a plot (plotOnly) gives exactly the full solve's
// totals and distribution, without the histograms and the plan.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { histogram, summarize, summarizeColumn } from '../../src/engine/result/distribution';
import { solveScenario } from '../../src/engine/solve';
import { scenarioArb } from './arbitraries';

const valueArb = fc.oneof(
  fc.constant(null),
  fc.constantFrom(0, 1, 2.5, -3, 1e-9, 7000),
  fc.double({ min: -1e6, max: 1e6, noNaN: true }).filter((x) => !Object.is(x, -0)),
);

/** MODEL.md §5 read plainly: mean of the non-null values, the ⌈p·n/100⌉-th smallest. */
function naive(values: readonly (number | null)[]) {
  const xs = values.filter((v): v is number => v !== null);
  const sorted = xs.slice().sort((a, b) => a - b);
  const pct = (p: number) => (xs.length === 0 ? null : sorted[Math.max(1, Math.ceil((p * xs.length) / 100)) - 1]);
  return {
    mean: xs.length === 0 ? null : xs.reduce((a, b) => a + b, 0) / xs.length,
    p5: pct(5),
    p50: pct(50),
    p95: pct(95),
    nullCount: values.length - xs.length,
    histogram: histogram(sorted),
  };
}

describe('summarizeColumn', () => {
  it('equals the plain reading of §5 (and summarize) on the same values in run order, at any offset', () => {
    fc.assert(
      fc.property(fc.array(valueArb, { maxLength: 70 }), fc.nat({ max: 5 }), (values, pad) => {
        const cols = new Float64Array(pad + values.length + 3).fill(123);
        const nulls = new Uint8Array(cols.length);
        values.forEach((v, j) => {
          if (v === null) nulls[pad + j] = 1;
          else cols[pad + j] = v;
        });
        const want = naive(values);
        expect(summarize(values)).toEqual(want);
        expect(summarizeColumn(cols, nulls, pad, values.length, true)).toEqual(want);
        expect(summarizeColumn(cols, nulls, pad, values.length, false)).toEqual({ ...want, histogram: [] });
      }),
      { numRuns: 300 },
    );
  });

  it('columns of one length summarized in turn without histograms (one sorting space) each give their own figures', () => {
    fc.assert(
      fc.property(fc.array(fc.array(valueArb, { minLength: 5, maxLength: 5 }), { minLength: 2, maxLength: 6 }), (columns) => {
        const runs = 5;
        const cols = new Float64Array(columns.length * runs);
        const nulls = new Uint8Array(cols.length);
        columns.forEach((values, k) =>
          values.forEach((v, j) => {
            if (v === null) nulls[k * runs + j] = 1;
            else cols[k * runs + j] = v;
          }),
        );
        const got = columns.map((_, k) => summarizeColumn(cols, nulls, k * runs, runs, false));
        expect(got).toEqual(columns.map((values) => ({ ...naive(values), histogram: [] })));
      }),
      { numRuns: 200 },
    );
  });

  it('a worked case: 4 runs, one null', () => {
    const s = summarizeColumn(new Float64Array([9, 3, 0, 1, 2]), new Uint8Array([0, 0, 1, 0, 0]), 1, 4, true);
    expect(s).toEqual({
      mean: 2,
      p5: 1,
      p50: 2,
      p95: 3,
      nullCount: 1,
      histogram: [
        { lo: 1, hi: 1, count: 1 },
        { lo: 2, hi: 2, count: 1 },
        { lo: 3, hi: 3, count: 1 },
      ],
    });
  });
});

describe('solveScenario with plotOnly', () => {
  for (const regime of ['priority', 'forcedSpend'] as const) {
    it(`${regime}, random ranking, several runs: the full figures but histograms and plan`, () => {
      fc.assert(
        fc.property(
          scenarioArb({ maxGroups: 3, maxCount: 30, ranking: 'random', regime, maxBudget: 20 }),
          fc.integer({ min: 1, max: 9 }),
          (s0, runs) => {
            const s = { ...s0, runs };
            const full = solveScenario(s, { rows: 'never' });
            const plot = solveScenario(s, { rows: 'never', plotOnly: true });
            expect(plot.totals).toEqual(full.totals);
            expect(plot.plan).toBeUndefined();
            const strip = Object.fromEntries(
              Object.entries(full.distribution!).map(([k, d]) => [k, { ...d, histogram: [] }]),
            );
            expect(plot.distribution).toEqual(strip);
          },
        ),
        { numRuns: 100 },
      );
    });
  }
});
