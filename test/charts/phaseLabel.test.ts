// Where the phase diagram writes "strike succeeds" (phaseView's successLabel, deepestSuccess):
// always on a cell where the strike succeeds: the region's centroid when it lies in the region,
// else the cell deepest inside it (a region that is not convex has its centroid where the strike
// fails).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { deepestSuccess, phaseView, type PhaseCell } from '../../src/charts/phase/data';
import type { PhaseResult } from '../../src/engine';

function grid(success: number[][], xs?: number[], ys?: number[]): PhaseResult {
  const ny = success.length;
  const nx = success[0].length;
  const gx = xs ?? Array.from({ length: nx }, (_, i) => i / (nx - 1));
  const gy = ys ?? Array.from({ length: ny }, (_, i) => i * 10);
  return {
    xField: 'groups[0].pledgedShare',
    yField: 'prosecutor.budget',
    xs: gx,
    ys: gy,
    outcome: 'takeRatio',
    values: success.flat().map((s) => (s === 1 ? 1 : 3)),
    success: success.flat(),
    level: 2,
  };
}

/**
 * Chebyshev distance (in cells) from cell (ix, iy) to the nearest cell that does not succeed, or
 * out of the grid.
 */
function naiveDepth(success: number[][], ix: number, iy: number): number {
  let best = Math.min(ix + 1, success[0].length - ix, iy + 1, success.length - iy);
  success.forEach((row, jy) =>
    row.forEach((s, jx) => {
      if (s !== 1) best = Math.min(best, Math.max(Math.abs(jx - ix), Math.abs(jy - iy)));
    }),
  );
  return best;
}

/** The cell whose area holds a point (the label's). */
function containing(cells: readonly PhaseCell[], [x, y]: [number, number]): PhaseCell {
  const inside = (v: number, a: number, b: number) => v >= Math.min(a, b) - 1e-9 && v <= Math.max(a, b) + 1e-9;
  const c = cells.find((k) => inside(x, k.x0, k.x1) && inside(y, k.y0, k.y1));
  if (!c) throw new Error(`no cell holds (${x}, ${y})`);
  return c;
}

describe('phaseView successLabel', () => {
  it('labels an L-shaped region (the bottom row and the right column) on a cell of it, not at its centroid', () => {
    // Rows bottom (y = 0) to top: the strike succeeds along y = 0 and at the last x.
    const s = [
      [1, 1, 1, 1, 1, 1],
      [0, 0, 0, 0, 0, 1],
      [0, 0, 0, 0, 0, 1],
      [0, 0, 0, 0, 0, 1],
      [0, 0, 0, 0, 0, 1],
      [0, 0, 0, 0, 0, 1],
    ];
    const v = phaseView(grid(s));
    expect(v.succeeded).toBe(11);
    expect(v.boundary).not.toBeNull();
    expect(containing(v.cells, v.successLabel!).success).toBe(1);
  });

  it('labels a convex region at its centroid (the middle of a 5 × 5 block)', () => {
    const s = Array.from({ length: 9 }, (_, iy) => Array.from({ length: 9 }, (_, ix) => (ix >= 2 && ix <= 6 && iy >= 2 && iy <= 6 ? 1 : 0)));
    const v = phaseView(grid(s));
    const [lx, ly] = v.successLabel!;
    expect(lx).toBeCloseTo(v.xs[4], 9);
    expect(ly).toBeCloseTo(v.ys[4], 9);
  });

  it('deepestSuccess: the cell farthest from failure and from the edge, nearest the centre among equals', () => {
    // A 7 × 3 band of success across the middle of a 7 × 5 grid: depth 2 along its middle row
    // (the band's cells are 1 from failure above or below, the middle row's 2), away from the
    // sides; among the middle row's cells of depth 2, the one nearest the centre.
    const s = Array.from({ length: 5 }, (_, iy) => Array.from({ length: 7 }, () => (iy >= 1 && iy <= 3 ? 1 : 0)));
    const v = phaseView(grid(s));
    const c = deepestSuccess(v.cells, 7, 5, null)!;
    expect([c.ix, c.iy]).toEqual([3, 2]);
  });

  it('labels a grid with one success cell on that cell', () => {
    const s = [
      [0, 0, 0],
      [0, 0, 1],
    ];
    const v = phaseView(grid(s));
    const c = containing(v.cells, v.successLabel!);
    expect([c.ix, c.iy]).toEqual([2, 1]);
  });

  it('a centroid on the corner of a cell where the strike fails: the label goes inside the region', () => {
    // fast-check's counterexample: the triangle's centroid (x 0.8333…, y 15) is the corner the
    // failing cell (2, 1) shares with three succeeding ones.
    const v = phaseView(grid([[0, 0, 0, 0], [0, 0, 0, 1], [0, 0, 1, 1]]));
    const [lx, ly] = v.successLabel!;
    const touching = v.cells.filter((c) => lx >= Math.min(c.x0, c.x1) - 1e-9 && lx <= Math.max(c.x0, c.x1) + 1e-9 && ly >= Math.min(c.y0, c.y1) - 1e-9 && ly <= Math.max(c.y0, c.y1) + 1e-9);
    expect(touching.length).toBeGreaterThan(0);
    expect(touching.every((c) => c.success === 1)).toBe(true);
  });

  it('has no label when the strike never succeeds', () => {
    expect(phaseView(grid([[0, 0], [0, 0]])).successLabel).toBeNull();
  });

  it('property: the label is on a success cell whose depth is the greatest (naive distance over all cells)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 7 }).chain((nx) =>
          fc.array(fc.array(fc.constantFrom(0, 1, 1), { minLength: nx, maxLength: nx }), { minLength: 1, maxLength: 7 }),
        ),
        (s) => {
          const v = phaseView(grid(s, s[0].length === 1 ? [0] : undefined, undefined));
          const ok = s.flat().filter((x) => x === 1).length;
          const cell = deepestSuccess(v.cells, s[0].length, s.length, null);
          if (ok === 0) {
            expect(cell).toBeNull();
            expect(v.successLabel).toBeNull();
            return;
          }
          expect(cell!.success).toBe(1);
          const nx = s[0].length;
          const ny = s.length;
          const cap = (d: number) => Math.min(d, nx + ny);
          const max = Math.max(...v.cells.filter((c) => c.success === 1).map((c) => cap(naiveDepth(s, c.ix, c.iy))));
          expect(cap(naiveDepth(s, cell!.ix, cell!.iy))).toBe(max);
          expect(containing(v.cells, v.successLabel!).success).toBe(1);
        },
      ),
      { numRuns: 300 },
    );
  });
});
