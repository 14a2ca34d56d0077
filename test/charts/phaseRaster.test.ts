// The phase diagram's screen canvas (issue 12, long tasks): a uniform grid is painted at two
// canvas units an inner cell (one an outer, half-width cell) and scaled up by the browser; any
// other grid at the chart's size. The units must reproduce the cell edges `edges` makes.
import { describe, expect, it } from 'vitest';
import { halfUnits } from '../../src/charts/phase/draw';
import { edges } from '../../src/charts/phase/data';

describe('halfUnits', () => {
  it('maps a uniform grid’s edges to units proportional to them', () => {
    for (const [lo, hi, n] of [
      [0, 0.9, 64],
      [0, 7000, 32],
      [-3, 5, 16],
      [10, 2, 5],
      [0, 1, 2],
    ] as const) {
      const values = Array.from({ length: n }, (_, i) => lo + ((hi - lo) * i) / (n - 1));
      const e = edges(values);
      const u = halfUnits(e);
      expect(u).not.toBeNull();
      expect(u!.length).toBe(e.length);
      expect(u![0]).toBe(0);
      expect(u![u!.length - 1]).toBe(2 * n - 2);
      // Each edge sits at the same fraction of the canvas as of the axis.
      for (let i = 0; i < e.length; i++)
        expect(u![i] / (2 * n - 2)).toBeCloseTo((e[i] - e[0]) / (e[e.length - 1] - e[0]), 12);
    }
  });

  it('a single value is one unit', () => {
    expect(halfUnits(edges([3]))).toEqual([0, 1]);
  });

  it('a grid that is not uniform (rounded integers) is drawn at full size instead', () => {
    expect(halfUnits(edges([0, 1, 3, 4]))).toBeNull();
    expect(halfUnits(edges([0, 2, 3, 5, 7]))).toBeNull();
    expect(halfUnits([])).toBeNull();
  });
});
