// Draws the phase diagram: a heatmap (cividis, color-blind safe), contour lines, the thick
// success boundary labelled on its side, hatched placeholders for cells not computed yet, and a
// color legend.
import * as d3 from 'd3';
import { FONT, STROKE, color } from '../common/theme';
import { fmt, withUnit } from '../common/fields';
import { annotate, bottomAxis, hatchPattern, initSvg, navigator, safeId, sideAxis, swatch, textWidth, tooltip, type DrawOptions, type G } from '../common/svg';
import { describePhase, phaseTitle, type ContourLine, type PhaseView } from './data';
import { EPS } from '../../engine';

/** Above this many cells the heatmap is drawn on one canvas (where a canvas exists). */
export const RASTER_ABOVE = 1024;

/**
 * Canvas units of a uniform grid's cell edges (outer cells half as wide, as `edges` makes them):
 * two units an inner cell, one an outer cell, so the canvas is (2n − 2) units across and the
 * browser scales it up; null when the grid is not uniform (a rounded integer field).
 */
export function halfUnits(e: readonly number[]): number[] | null {
  const n = e.length - 1;
  if (n < 1) return null;
  if (n === 1) return [0, 1];
  const h = (e[n] - e[0]) / (n - 1);
  // Uniform up to the engine's tolerance (EPS), relative to the step.
  const near = (a: number, b: number) => Math.abs(a - b) <= EPS * Math.abs(h);
  if (!(h > 0) && !(h < 0)) return null;
  for (let i = 0; i < n; i++) if (!near(e[i + 1] - e[i], i === 0 || i === n - 1 ? h / 2 : h)) return null;
  return e.map((_, i) => (i === 0 ? 0 : i === n ? 2 * n - 2 : 2 * i - 1));
}

/**
 * The computed cells painted on a canvas, for the screen only (a figure for a file keeps its
 * rectangles). A uniform grid takes a canvas of two pixels an inner cell, scaled up by the
 * browser with sharp edges; another grid one of the chart's size in CSS pixels, the cells as the
 * rectangles would be (one pixel wider and taller, later ones on top). Pixels are written
 * directly and nothing is encoded (issue 12, long tasks: a PNG data URL of 4,096 fillRects cost
 * 40–60 ms of main thread a redraw while the diagram refines).
 */
function rasterize(
  v: PhaseView,
  x: (n: number) => number,
  y: (n: number) => number,
  col: (n: number) => string,
  w: number,
  h: number,
): HTMLCanvasElement | null {
  if (typeof document === 'undefined') return null;
  const canvas = document.createElement('canvas');
  const ctx = typeof canvas.getContext === 'function' ? canvas.getContext('2d') : null;
  if (!ctx) return null;
  const ux = halfUnits(v.xEdges);
  const uy = halfUnits(v.yEdges);
  const grid = ux !== null && uy !== null;
  const cw = (canvas.width = grid ? ux[ux.length - 1] : Math.max(1, Math.round(w)));
  const ch = (canvas.height = grid ? uy[uy.length - 1] : Math.max(1, Math.round(h)));
  const img = ctx.createImageData(cw, ch);
  const px = new Uint32Array(img.data.buffer);
  const rgba = new Map<string, number>();
  const little = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
  const word = (fill: string): number => {
    let k = rgba.get(fill);
    if (k === undefined) {
      const c = d3.color(fill)?.rgb();
      const r = c ? Math.round(c.r) : 0;
      const g = c ? Math.round(c.g) : 0;
      const b = c ? Math.round(c.b) : 0;
      const a = c ? Math.round(c.opacity * 255) : 0;
      k = little ? ((a << 24) | (b << 16) | (g << 8) | r) >>> 0 : ((r << 24) | (g << 16) | (b << 8) | a) >>> 0;
      rgba.set(fill, k);
    }
    return k;
  };
  for (const c of v.cells) {
    if (c.value === null) continue;
    let left: number, right: number, top: number, bottom: number;
    if (grid) {
      left = ux[c.ix];
      right = ux[c.ix + 1];
      // Rows from the top; the grid's first row is at the bottom.
      top = ch - uy[c.iy + 1];
      bottom = ch - uy[c.iy];
    } else {
      const x0 = x(c.x0);
      const y1 = y(c.y1);
      left = Math.max(0, Math.floor(x0));
      top = Math.max(0, Math.floor(y1));
      right = Math.min(cw, Math.floor(x0) + Math.ceil(x(c.x1) - x0) + 1);
      bottom = Math.min(ch, Math.floor(y1) + Math.ceil(y(c.y0) - y1) + 1);
    }
    if (right <= left || bottom <= top) continue;
    const k = word(col(c.value));
    for (let row = top; row < bottom; row++) px.fill(k, row * cw + left, row * cw + right);
  }
  ctx.putImageData(img, 0, 0);
  if (grid) canvas.style.imageRendering = 'pixelated';
  return canvas;
}

export function drawPhase(node: SVGSVGElement, v: PhaseView, opts: DrawOptions & { announce?: (t: string) => void }): () => void {
  const id = safeId(opts.id, 'phase');
  const { width, height } = opts;
  const svg = initSvg(node, { width, height, id, title: phaseTitle(v), desc: describePhase(v), kind: 'phase' });
  const hatch = hatchPattern(svg, `${id}-hatch`);
  const margin = { top: 12, right: 24, bottom: 58, left: 76 };
  const innerW = Math.max(60, width - margin.left - margin.right);

  // Legend row: color ramp, success boundary, placeholder.
  const lg = svg.append('g').attr('transform', `translate(${margin.left},${margin.top + 8})`) as unknown as G;
  const rampW = Math.min(220, innerW * 0.4);
  const interp = d3.interpolateCividis;
  const dom = v.colorDomain ?? v.domain ?? [0, 1];
  const same = dom[0] === dom[1];
  // Clamped: outliers beyond the robust domain take the end colours (the legend says so).
  const col = d3.scaleSequential(interp).domain(same ? [dom[0] - 1, dom[0] + 1] : dom).clamp(true);
  const grad = svg.select('defs').append('linearGradient').attr('id', `${id}-ramp`);
  for (let i = 0; i <= 10; i++) grad.append('stop').attr('offset', `${i * 10}%`).attr('stop-color', interp(i / 10));
  const rampTitle = v.colorClipped ? `${withUnit(v.outcome)} (beyond the ends: end colours)` : withUnit(v.outcome);
  lg.append('text').attr('class', 'hc-axis-label').attr('x', 0).attr('y', 0).attr('dy', '0.35em').text(rampTitle);
  const rampY = 14;
  lg.append('rect').attr('x', 0).attr('y', rampY).attr('width', rampW).attr('height', 12).attr('fill', `url(#${id}-ramp)`).attr('stroke', color('muted'));
  const rx = d3.scaleLinear().domain(col.domain()).range([0, rampW]);
  const rampAxis = lg.append('g').attr('transform', `translate(0,${rampY + 12})`);
  rampAxis.call(d3.axisBottom(rx).ticks(4).tickSize(4));
  rampAxis.attr('font-size', null).attr('font-family', null).attr('class', 'hc-axis');
  // The boundary and placeholder items start right of the ramp and of its title (bold: ×1.12),
  // so a long title (the clipped colours' note) never runs under them.
  const side = lg.append('g').attr('transform', `translate(${Math.max(rampW, textWidth(rampTitle, FONT.label) * 1.12) + 28},0)`) as unknown as G;
  const bItem = side.append('g') as unknown as G;
  swatch(bItem, { label: '', color: 'fg', shape: 'line' });
  bItem.select('line').attr('stroke-width', STROKE.thick + 1);
  bItem.append('text').attr('x', 24).attr('dy', '0.35em').text('strike succeeds: boundary');
  // The placeholder's legend only while some cells wait (never "not computed yet" for a finished grid).
  if (v.pending > 0) {
    const hItem = side.append('g').attr('transform', 'translate(0,24)') as unknown as G;
    swatch(hItem, { label: '', color: 'grid', shape: 'hatch', pattern: hatch });
    hItem.append('text').attr('x', 24).attr('dy', '0.35em').text('not computed yet');
  } else if (v.cells.some((c) => c.value === null)) {
    const hItem = side.append('g').attr('transform', 'translate(0,24)') as unknown as G;
    swatch(hItem, { label: '', color: 'grid', shape: 'square' });
    hItem.append('text').attr('x', 24).attr('dy', '0.35em').text('no value here');
  }
  const top = margin.top + 8 + 56;
  const innerH = Math.max(100, height - top - margin.bottom);
  const root = svg.append('g').attr('transform', `translate(${margin.left},${top})`) as unknown as G;

  const x = d3.scaleLinear().domain([v.xEdges[0] ?? 0, v.xEdges[v.xEdges.length - 1] ?? 1]).range([0, innerW]);
  const y = d3.scaleLinear().domain([v.yEdges[0] ?? 0, v.yEdges[v.yEdges.length - 1] ?? 1]).range([innerH, 0]);

  const cells = root.append('g').attr('class', 'hc-cells');
  const raster = v.cells.length > RASTER_ABOVE && !opts.figure ? rasterize(v, x, y, col, innerW, innerH) : null;
  if (raster) {
    // Large grids: one canvas of the computed cells (a 64×64 grid is 4,096 rectangles, too many
    // DOM nodes to redraw while the diagram refines without blocking the page); pending cells
    // keep their hatched rectangles on top.
    const fo = cells
      .append('foreignObject')
      .attr('x', 0)
      .attr('y', 0)
      .attr('width', innerW)
      .attr('height', innerH);
    raster.setAttribute('class', 'hc-cells-image');
    raster.setAttribute('aria-hidden', 'true');
    raster.style.display = 'block';
    raster.style.width = `${innerW}px`;
    raster.style.height = `${innerH}px`;
    fo.node()!.appendChild(raster);
  }
  for (const c of v.cells) {
    if (raster && c.value !== null) continue;
    const x0 = x(c.x0);
    const x1 = x(c.x1);
    const y1 = y(c.y1);
    const y0 = y(c.y0);
    cells
      .append('rect')
      .attr('class', c.value === null ? (c.success === null ? 'hc-cell hc-pending' : 'hc-cell hc-empty') : 'hc-cell')
      .attr('x', x0)
      .attr('y', y1)
      .attr('width', Math.max(0, x1 - x0) + 0.5)
      .attr('height', Math.max(0, y0 - y1) + 0.5)
      .attr('fill', c.value === null ? (c.success === null ? `url(#${hatch})` : color('grid')) : col(c.value));
  }
  const clip = `${id}-clip`;
  svg.select('defs').append('clipPath').attr('id', clip).append('rect').attr('width', innerW).attr('height', innerH);
  const path = (cl: ContourLine) => {
    const p = d3.path();
    for (const line of cl.lines) line.forEach(([a, b], i) => (i === 0 ? p.moveTo(x(a), y(b)) : p.lineTo(x(a), y(b))));
    return p.toString();
  };
  const lines = root.append('g').attr('class', 'hc-contours').attr('clip-path', `url(#${clip})`);
  for (const cl of v.contours) {
    lines.append('path').attr('class', 'hc-contour').attr('data-value', cl.value).attr('fill', 'none').attr('stroke', color('bg')).attr('stroke-opacity', 0.85).attr('stroke-width', 1.5).attr('d', path(cl));
  }
  if (v.boundary) {
    const b = root.append('g').attr('class', 'hc-boundary').attr('clip-path', `url(#${clip})`);
    b.append('path').attr('fill', 'none').attr('stroke', color('bg')).attr('stroke-width', STROKE.thick + 4).attr('d', path(v.boundary));
    b.append('path').attr('fill', 'none').attr('stroke', color('fg')).attr('stroke-width', STROKE.thick + 1).attr('d', path(v.boundary));
  }
  if (v.successLabel) {
    // On the cell deepest inside the region; near a side, the text runs inward from the cell's
    // outer edge, so it starts (or ends) in the region rather than centred past the plot's edge.
    const [lx, ly] = v.successLabel;
    const at = x(lx);
    const py = Math.max(16, Math.min(innerH - 8, y(ly)));
    const [px, anchor] = at < 70 ? [Math.max(4, at - 6), 'start' as const] : at > innerW - 70 ? [Math.min(innerW - 4, at + 6), 'end' as const] : [at, 'middle' as const];
    annotate(root, px, py, 'strike succeeds', anchor).attr('font-size', FONT.title);
  }
  bottomAxis(root, x, innerW, innerH, { label: withUnit(v.xAxis) });
  sideAxis(root, y, innerW, innerH, { label: withUnit(v.yAxis), labelOffset: 56 });

  const nx = v.xs.length;
  const ny = v.ys.length;
  const tip = tooltip(svg.append('g').attr('transform', `translate(${margin.left},${top})`) as unknown as G, { width: innerW, height: innerH });
  navigator(root.append('g') as unknown as G, { width: innerW, height: innerH }, tip, {
    count: v.cells.length,
    label: `Phase grid of ${nx} by ${ny} points. Arrow keys move across and up.`,
    indexAt: (px, py) => {
      const ix = d3.bisectRight(v.xEdges, x.invert(px)) - 1;
      const iy = d3.bisectRight(v.yEdges, y.invert(py)) - 1;
      return ix >= 0 && ix < nx && iy >= 0 && iy < ny ? iy * nx + ix : null;
    },
    move: (i, key) => {
      const ix = i % nx;
      const iy = Math.floor(i / nx);
      switch (key) {
        case 'ArrowRight':
          return iy * nx + Math.min(nx - 1, ix + 1);
        case 'ArrowLeft':
          return iy * nx + Math.max(0, ix - 1);
        case 'ArrowUp':
          return Math.min(ny - 1, iy + 1) * nx + ix;
        case 'ArrowDown':
          return Math.max(0, iy - 1) * nx + ix;
        case 'Home':
          return 0;
        case 'End':
          return nx * ny - 1;
        default:
          return null;
      }
    },
    locate: (i) => {
      const c = v.cells[i];
      return {
        x: x(c.x),
        y: y(c.y),
        lines: [
          `${v.xAxis.label} ${fmt(c.x)}, ${v.yAxis.label} ${fmt(c.y)}`,
          c.value === null ? 'not computed yet' : `${v.outcome.label}: ${fmt(c.value)}${v.outcome.unit ? ` ${v.outcome.unit}` : ''}`,
          c.success === null ? '' : c.success === 1 ? 'strike succeeds' : 'strike fails',
        ].filter(Boolean),
        box: { x: x(c.x0), y: y(c.y1), width: x(c.x1) - x(c.x0), height: y(c.y0) - y(c.y1) },
      };
    },
    announce: opts.announce,
  });
  return () => {
    svg.selectAll('*').remove();
  };
}
