// The grid of sweeps and phase diagrams, in one place: the values along an axis (gridValues:
// the Sweep and Phase panels, the classroom's sweeps, npm run figure and the engine's sweeps all
// use it) and the coarse-first order of a phase diagram's cells (refinementOrder).

/**
 * Evenly spaced values from `from` to `to` in `steps` steps (steps + 1 values, at least 2:
 * x_i = from + (to − from)·i/steps); rounded to integers when `integer`, a value equal to the
 * one before it dropped (an integer axis narrower than its steps).
 */
export function gridValues(from: number, to: number, steps: number, integer = false): number[] {
  const out: number[] = [];
  const n = Math.max(1, Math.floor(steps));
  for (let i = 0; i <= n; i++) {
    let x = from + ((to - from) * i) / n;
    if (integer) x = Math.round(x);
    if (out.length === 0 || out[out.length - 1] !== x) out.push(x);
  }
  return out;
}

/**
 * Coarse-first order of a phase-diagram grid: the cells on a stride-8 lattice first, then
 * stride 4, 2 and 1, so a picture appears early and sharpens. Cells are row-major indices.
 */

export function refinementOrder(nx: number, ny: number): { cells: number[]; levels: number[] } {
  const seen = new Uint8Array(nx * ny);
  const cells: number[] = [];
  const levels: number[] = [];
  for (const stride of [8, 4, 2, 1]) {
    let count = 0;
    for (let y = 0; y < ny; y += stride) {
      for (let x = 0; x < nx; x += stride) {
        const c = y * nx + x;
        if (seen[c]) continue;
        seen[c] = 1;
        cells.push(c);
        count++;
      }
    }
    levels.push(count);
  }
  return { cells, levels };
}
