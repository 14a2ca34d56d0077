// One grid helper for sweeps and phase diagrams (issue 7 item 7): the engine's sweeps, the Sweep
// and Phase panels, npm run figure and the classroom's sweeps all take their axis values from
// src/engine/sweep/grid.ts.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gridValues, refinementOrder } from '../../src/engine/sweep/grid';
import { sweepValues } from '../../src/engine/sweep/sweep';
import { gridValues as panelGrid } from '../../src/components/analysis/model';
import { sweepValuesOf } from '../../src/walkthrough/steps';

describe('the grid', () => {
  it('is one function wherever a sweep or a phase diagram needs axis values', () => {
    expect(sweepValues).toBe(gridValues);
    expect(panelGrid).toBe(gridValues);
    expect(sweepValuesOf({ field: 'x', label: 'x', from: 0, to: 1, steps: 10 } as never)).toEqual([
      0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1,
    ]);
  });

  it('exact values: ends included, integers rounded and repeats dropped', () => {
    expect(gridValues(0, 1, 4)).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(gridValues(0, 20, 15, true)).toEqual([0, 1, 3, 4, 5, 7, 8, 9, 11, 12, 13, 15, 16, 17, 19, 20]);
    expect(gridValues(0, 2, 8, true)).toEqual([0, 1, 2]);
    expect(gridValues(3, 3, 0)).toEqual([3]);
  });

  it('agrees with the naive formula (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        fc.integer({ min: 1, max: 300 }),
        (a, b, n) => {
          const naive = Array.from({ length: n + 1 }, (_, i) => a + ((b - a) * i) / n);
          const got = gridValues(a, b, n);
          // Only equal neighbours are dropped (a = b).
          expect(got).toEqual(naive.filter((x, i) => i === 0 || x !== naive[i - 1]));
        },
      ),
    );
  });

  it('the coarse-first order visits every cell once', () => {
    const { cells, levels } = refinementOrder(10, 7);
    expect([...cells].sort((a, b) => a - b)).toEqual(Array.from({ length: 70 }, (_, i) => i));
    // Stride 8: x 0, 8 on row 0; stride 4 adds x 4 and row 4; stride 2: 5·4 = 20 in all; then the rest of 70.
    expect(levels).toEqual([2, 4, 14, 50]);
  });
});
