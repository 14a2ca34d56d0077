// Coarse-first order of a phase-diagram grid: the cells on a stride-8 lattice first, then
// stride 4, 2 and 1, so a picture appears early and sharpens. Cells are row-major indices.

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
