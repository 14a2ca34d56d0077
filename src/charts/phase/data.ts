// Phase diagram data: a PhaseResult as heatmap cells (edges halfway between grid values),
// contour lines of the outcome, and the boundary where the strike succeeds (the 0.5 contour of
// the success grid), all in data coordinates. Cells not yet computed (NaN / −1) are marked so a
// coarse-first progressive picture draws placeholders. Pure: no DOM (d3-contour and d3-array only).
import { contours, extent, polygonArea, polygonCentroid, quantileSorted, ticks } from 'd3';
import { lessTol, type PhaseResult } from '../../engine';
import type { TableData } from '../common/table';
import { OUTCOME_LABELS, fieldLabel, fmt, withUnit, type AxisLabel } from '../common/fields';

export interface PhaseCell {
  ix: number;
  iy: number;
  x: number;
  y: number;
  x0: number;
  x1: number;
  y0: number;
  y1: number;
  /** null when not computed yet (or null). */
  value: number | null;
  /** 1 succeeds, 0 not, null not computed yet. */
  success: 0 | 1 | null;
}

/** A ring is a closed list of [x, y] points in data coordinates. */
export type Ring = [number, number][];
export interface ContourLine {
  value: number;
  /** Polygons: first ring outer, the rest holes (closed along the grid's border). */
  polygons: Ring[][];
  /** The line itself: the polygons' edges without the parts that run along the grid's border. */
  lines: Ring[];
}

export interface PhaseView {
  xAxis: AxisLabel;
  yAxis: AxisLabel;
  outcome: AxisLabel;
  xs: number[];
  ys: number[];
  xEdges: number[];
  yEdges: number[];
  cells: PhaseCell[];
  /** Extent of the computed values (null when none). */
  domain: [number, number] | null;
  /**
   * The colour scale's domain, robust to outliers: the values within three interquartile ranges
   * of the quartiles (Tukey's far fences), so one outlier row cannot swamp the colours (values
   * beyond take the end colours); the full extent when the quartiles coincide. null when nothing
   * is computed.
   */
  colorDomain: [number, number] | null;
  /** Whether some values lie beyond colorDomain (the legend says so). */
  colorClipped: boolean;
  /** Cells still waiting to be computed (hatched), apart from computed cells with no value. */
  pending: number;
  computed: number;
  succeeded: number;
  /** Contours of the outcome (only when every cell is computed). */
  contours: ContourLine[];
  /** The success boundary (only when every cell's success is known). */
  boundary: ContourLine | null;
  /** Where to label "strike succeeds": inside its largest region. */
  successLabel: [number, number] | null;
  level: number;
}

/**
 * Cell edges: halfway between neighbours; the outer cells end at the first and last grid values
 * (a swept share or fund has no meaning below its range), ±0.5 for a single value.
 */
export function edges(v: readonly number[]): number[] {
  const n = v.length;
  if (n === 0) return [];
  if (n === 1) return [v[0] - 0.5, v[0] + 0.5];
  const e = [v[0]];
  for (let i = 0; i + 1 < n; i++) e.push((v[i] + v[i + 1]) / 2);
  e.push(v[n - 1]);
  return e;
}

/** Maps a d3-contour grid coordinate u ∈ [0, n] (value i sits at i + 0.5) to data space. */
export function gridToData(u: number, centers: readonly number[], e: readonly number[]): number {
  const n = centers.length;
  if (u <= 0.5) return e[0] + (u / 0.5) * (centers[0] - e[0]);
  if (u >= n - 0.5) return centers[n - 1] + ((u - (n - 0.5)) / 0.5) * (e[n] - centers[n - 1]);
  const i = Math.floor(u - 0.5);
  const f = u - 0.5 - i;
  return centers[i] + f * (centers[i + 1] - centers[i]);
}

/**
 * d3-contour closes each polygon through a padding of the grid (coordinates outside
 * [0.5, n − 0.5], where no value was sampled). Those segments are not part of the line.
 */
export function interiorLines(rings: readonly (readonly [number, number])[][], nx: number, ny: number): [number, number][][] {
  // Outside the sampled band beyond the engine's tolerance (tieEq's): d3-contour's padding.
  const pad = (p: readonly [number, number]) =>
    lessTol(p[0], 0.5) || lessTol(nx - 0.5, p[0]) || lessTol(p[1], 0.5) || lessTol(ny - 0.5, p[1]);
  const out: [number, number][][] = [];
  for (const ring of rings) {
    const pieces: [number, number][][] = [];
    let cur: [number, number][] = [];
    for (let i = 0; i + 1 < ring.length; i++) {
      const a = ring[i];
      const b = ring[i + 1];
      if (pad(a) || pad(b)) {
        if (cur.length > 1) pieces.push(cur);
        cur = [];
        continue;
      }
      if (cur.length === 0) cur.push([a[0], a[1]]);
      cur.push([b[0], b[1]]);
    }
    if (cur.length > 1) pieces.push(cur);
    // A ring cut open at the padding may start mid-line: join its last piece onto its first.
    if (pieces.length > 1) {
      const first = pieces[0];
      const last = pieces[pieces.length - 1];
      const [fx, fy] = first[0];
      const [lx, ly] = last[last.length - 1];
      if (fx === lx && fy === ly) {
        pieces[0] = [...last, ...first.slice(1)];
        pieces.pop();
      }
    }
    out.push(...pieces);
  }
  return out;
}

function contourLines(values: number[], nx: number, ny: number, levels: number[], xs: number[], ys: number[], xe: number[], ye: number[]): ContourLine[] {
  const gen = contours().size([nx, ny]).thresholds(levels);
  const toData = (p: readonly [number, number]): [number, number] => [gridToData(p[0], xs, xe), gridToData(p[1], ys, ye)];
  return gen(values).map((mp) => {
    const rings = mp.coordinates.flat() as [number, number][][];
    return {
      value: mp.value,
      polygons: mp.coordinates.map((poly) => poly.map((ring) => ring.map((p) => toData(p as [number, number])))),
      lines: interiorLines(rings, nx, ny).map((l) => l.map(toData)),
    };
  });
}

export function phaseView(r: PhaseResult, contourCount = 8): PhaseView {
  const nx = r.xs.length;
  const ny = r.ys.length;
  const xe = edges(r.xs);
  const ye = edges(r.ys);
  const cells: PhaseCell[] = [];
  let computed = 0;
  let succeeded = 0;
  let allValues = nx * ny > 0;
  let allSuccess = nx * ny > 0;
  for (let iy = 0; iy < ny; iy++) {
    for (let ix = 0; ix < nx; ix++) {
      const i = iy * nx + ix;
      const raw = r.values[i];
      const value = raw === undefined || raw === null || Number.isNaN(raw) ? null : raw;
      const s = r.success[i];
      const success = s === 1 ? 1 : s === 0 ? 0 : null;
      if (value === null) allValues = false;
      else computed++;
      if (success === null) allSuccess = false;
      if (success === 1) succeeded++;
      cells.push({ ix, iy, x: r.xs[ix], y: r.ys[iy], x0: xe[ix], x1: xe[ix + 1], y0: ye[iy], y1: ye[iy + 1], value, success });
    }
  }
  const vals = cells.map((c) => c.value).filter((v): v is number => v !== null);
  const ext = extent(vals);
  const domain: [number, number] | null = ext[0] === undefined ? null : [ext[0], ext[1] as number];
  const sorted = [...vals].sort((a, b) => a - b);
  const q1 = quantileSorted(sorted, 0.25);
  const q3 = quantileSorted(sorted, 0.75);
  let colorDomain: [number, number] | null = domain;
  if (domain && q1 !== undefined && q3 !== undefined && q3 > q1) {
    const lo = Math.max(domain[0], q1 - 3 * (q3 - q1));
    const hi = Math.min(domain[1], q3 + 3 * (q3 - q1));
    // The values actually inside the fences, so the ramp ends at real values.
    const inside = sorted.filter((x) => x >= lo && x <= hi);
    if (inside.length && inside[inside.length - 1] > inside[0]) colorDomain = [inside[0], inside[inside.length - 1]];
  }
  const colorClipped = domain !== null && colorDomain !== null && (domain[0] < colorDomain[0] || domain[1] > colorDomain[1]);
  const pending = cells.filter((c) => c.success === null && c.value === null).length;
  let cl: ContourLine[] = [];
  if (allValues && domain && domain[1] > domain[0] && nx > 1 && ny > 1) {
    const levels = ticks(domain[0], domain[1], contourCount).filter((t) => t > domain[0] && t < domain[1]);
    cl = contourLines(r.values, nx, ny, levels, r.xs, r.ys, xe, ye).filter((c) => c.lines.length > 0);
  }
  let boundary: ContourLine | null = null;
  let centre: [number, number] | null = null;
  if (allSuccess && nx > 1 && ny > 1 && succeeded > 0 && succeeded < nx * ny) {
    boundary = contourLines(r.success, nx, ny, [0.5], r.xs, r.ys, xe, ye)[0] ?? null;
    let best = -1;
    for (const poly of boundary?.polygons ?? []) {
      const area = Math.abs(polygonArea(poly[0]));
      if (area > best) {
        best = area;
        centre = polygonCentroid(poly[0]) as [number, number];
      }
    }
  }
  // The largest region's centroid when the strike succeeds there (a convex region), else the
  // success cell deepest inside its region.
  // The cells the centroid touches: one, or two to four when it falls on their edges or corner.
  const xsAt = centre ? spanIndices(xe, centre[0]) : [];
  const ysAt = centre ? spanIndices(ye, centre[1]) : [];
  const inRegion = xsAt.length > 0 && ysAt.length > 0 && ysAt.every((iy) => xsAt.every((ix) => cells[iy * nx + ix].success === 1));
  let successLabel: [number, number] | null = null;
  if (centre && inRegion) successLabel = centre;
  else if (succeeded > 0) {
    const c = deepestSuccess(cells, nx, ny, xsAt.length > 0 && ysAt.length > 0 ? [xsAt[0], ysAt[0]] : null);
    if (c) successLabel = [c.x, c.y];
  }
  return {
    xAxis: fieldLabel(r.xField),
    yAxis: fieldLabel(r.yField),
    outcome: OUTCOME_LABELS[r.outcome],
    xs: [...r.xs],
    ys: [...r.ys],
    xEdges: xe,
    yEdges: ye,
    cells,
    domain,
    colorDomain,
    colorClipped,
    pending,
    computed,
    succeeded,
    contours: cl,
    boundary,
    successLabel,
    level: r.level,
  };
}

/**
 * The success cell deepest inside its region, nearest the largest region's centroid among
 * equals: where the "strike succeeds" label goes when that centroid is not in the region (a
 * region that is not convex, an L along two edges, has its centroid where the strike fails).
 * Depth: the cells, in any direction, to the nearest cell where the strike does not succeed or
 * out of the grid (a label needs room on both sides). `centre` is the centroid's cell (ix, iy);
 * null: the grid's middle.
 */
export function deepestSuccess(
  cells: readonly PhaseCell[],
  nx: number,
  ny: number,
  centre: readonly [number, number] | null,
): PhaseCell | null {
  const far = nx + ny;
  const depth = new Array<number>(cells.length).fill(far);
  const queue: number[] = [];
  cells.forEach((c, i) => {
    if (c.success !== 1) {
      depth[i] = 0;
      queue.push(i);
    }
  });
  // Breadth first from every other cell over the 8 neighbours: Chebyshev distance in cells.
  for (let h = 0; h < queue.length; h++) {
    const i = queue[h];
    const ix = i % nx;
    const iy = (i - ix) / nx;
    for (let dy = -1; dy <= 1; dy++)
      for (let dx = -1; dx <= 1; dx++) {
        const jx = ix + dx;
        const jy = iy + dy;
        if (jx < 0 || jy < 0 || jx >= nx || jy >= ny) continue;
        const j = jy * nx + jx;
        if (depth[j] > depth[i] + 1) {
          depth[j] = depth[i] + 1;
          queue.push(j);
        }
      }
  }
  for (let i = 0; i < cells.length; i++) {
    const ix = i % nx;
    const iy = (i - ix) / nx;
    depth[i] = Math.min(depth[i], ix + 1, nx - ix, iy + 1, ny - iy);
  }
  let best: PhaseCell | null = null;
  let bestDepth = 0;
  let bestDist = Infinity;
  // Distances to the centre in cells (the axes' units differ).
  const [cx, cy] = centre ?? [(nx - 1) / 2, (ny - 1) / 2];
  for (let i = 0; i < cells.length; i++) {
    const c = cells[i];
    if (c.success !== 1) continue;
    const d = depth[i];
    const dist = (c.ix - cx) ** 2 + (c.iy - cy) ** 2;
    if (d > bestDepth || (d === bestDepth && dist < bestDist)) {
      best = c;
      bestDepth = d;
      bestDist = dist;
    }
  }
  return best;
}

/**
 * The cells (along one axis, by its edges: see edges) whose span holds `v`, an edge within float
 * noise counting for the cells on both its sides; none off the grid.
 */
function spanIndices(e: readonly number[], v: number): number[] {
  const out: number[] = [];
  for (let k = 0; k + 1 < e.length; k++) {
    const tol = 1e-9 * Math.max(1, Math.abs(e[k]), Math.abs(e[k + 1]));
    if (v >= Math.min(e[k], e[k + 1]) - tol && v <= Math.max(e[k], e[k + 1]) + tol) out.push(k);
  }
  return out;
}

export function phaseTitle(v: PhaseView): string {
  return `Phase diagram: ${v.outcome.label} over ${v.xAxis.label} and ${v.yAxis.label}`;
}

export function describePhase(v: PhaseView): string {
  const total = v.cells.length;
  const parts = [
    `A ${v.xs.length} by ${v.ys.length} grid: ${withUnit(v.xAxis)} from ${fmt(v.xs[0])} to ${fmt(v.xs[v.xs.length - 1])} across, ${withUnit(v.yAxis)} from ${fmt(v.ys[0])} to ${fmt(v.ys[v.ys.length - 1])} up.`,
    v.domain ? `Color shows ${withUnit(v.outcome)}, from ${fmt(v.domain[0])} to ${fmt(v.domain[1])}.` : 'No values computed yet.',
    `The strike succeeds at ${fmt(v.succeeded)} of ${fmt(total)} points${v.boundary ? '; the thick line is the boundary' : ''}.`,
  ];
  if (v.computed < total) parts.push(`${fmt(total - v.computed)} points are not computed yet (hatched).`);
  return parts.join(' ');
}

export function phaseTable(v: PhaseView): TableData {
  return {
    caption: `${v.outcome.label} at each grid point`,
    columns: [
      { key: 'x', label: withUnit(v.xAxis), numeric: true },
      { key: 'y', label: withUnit(v.yAxis), numeric: true },
      { key: 'value', label: withUnit(v.outcome), numeric: true },
      { key: 'success', label: 'Strike succeeds' },
    ],
    rows: v.cells.map((c) => ({ x: c.x, y: c.y, value: c.value, success: c.success === null ? 'not computed' : c.success === 1 ? 'yes' : 'no' })),
  };
}
