// Shared SVG scaffolding: the accessible root (role=img, <title>, <desc>), axes with units,
// legends, an in-SVG tooltip, and a focusable overlay that shows details on hover and on
// keyboard focus (arrow keys move, Enter selects).
import * as d3 from 'd3';
import { FONT, STROKE, color, themeCss, type ThemeKey } from './theme';
import { EPS } from '../../engine';

export type Svg = d3.Selection<SVGSVGElement, unknown, null, undefined>;
export type G = d3.Selection<SVGGElement, unknown, null, undefined>;

export interface DrawOptions {
  width: number;
  height: number;
  /** Prefix for element ids (title, desc, gradients, patterns); unique per page. */
  id?: string;
  /** Drawing for a file (src/figure): vector marks only, no canvas raster. */
  figure?: boolean;
  /** Device pixels per drawing unit on screen (a canvas layer's resolution); 1 if not given. */
  pixelRatio?: number;
}

export interface Margin {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

/** A safe id prefix (React's useId contains characters that break url(#…)). */
export function safeId(id: string | undefined, fallback: string): string {
  const s = (id ?? fallback).replace(/[^A-Za-z0-9_-]/g, '-').replace(/^-+/, '');
  return s === '' || /^[0-9]/.test(s) ? `c-${s}` : s;
}

/**
 * Clears `node` and sets up an accessible chart root: role=img, aria-labelledby its <title>
 * and <desc>, the theme <style>, and a background. Returns the root selection.
 */
/**
 * Empties a chart's svg: its element children leave the page with their subtrees in one removal
 * each (d3's selectAll('*').remove() removed every descendant, ~800 removals a ladder redraw).
 */
export function clearSvg(node: Element, keep?: (child: Element) => boolean): void {
  for (let c = node.firstElementChild; c; ) {
    const next = c.nextElementSibling;
    if (!keep?.(c)) c.remove();
    c = next;
  }
}

export function initSvg(
  node: SVGSVGElement,
  opts: { width: number; height: number; id: string; title: string; desc: string; kind: string },
  /**
   * A child of `node` the drawing keeps (a redraw in place: the ladder's plot, whose dense marks
   * are updated rather than rebuilt). Everything else goes but the theme <style> when its text is
   * the same (a new style sheet restyles the page); the new title, desc, style and background go
   * before the kept child, so the markup is that of a fresh drawing.
   */
  keep?: Element | null,
): Svg {
  const svg = d3.select(node);
  const css = themeCss();
  let keptStyle: Element | null = null;
  if (keep) {
    clearSvg(node, (c) => {
      if (c === keep) return true;
      if (keptStyle !== null || c.tagName !== 'style' || c.textContent !== css) return false;
      keptStyle = c;
      return true;
    });
    const before = () => (keptStyle ?? keep) as Element;
    svg.attr('xmlns', 'http://www.w3.org/2000/svg').attr('class', `hc hc-${opts.kind}`).attr('role', 'img').attr('width', opts.width).attr('height', opts.height).attr('viewBox', `0 0 ${opts.width} ${opts.height}`).attr('aria-labelledby', `${opts.id}-title ${opts.id}-desc`).attr('data-chart', opts.kind);
    svg.insert('title', before).attr('id', `${opts.id}-title`).text(opts.title);
    svg.insert('desc', before).attr('id', `${opts.id}-desc`).text(opts.desc);
    if (!keptStyle) svg.insert('style', () => keep).text(css);
    svg.insert('rect', () => keep).attr('class', 'hc-bg hc-background').attr('width', opts.width).attr('height', opts.height);
    return svg;
  }
  clearSvg(node);
  svg
    .attr('xmlns', 'http://www.w3.org/2000/svg')
    .attr('class', `hc hc-${opts.kind}`)
    .attr('role', 'img')
    .attr('width', opts.width)
    .attr('height', opts.height)
    .attr('viewBox', `0 0 ${opts.width} ${opts.height}`)
    .attr('aria-labelledby', `${opts.id}-title ${opts.id}-desc`)
    .attr('data-chart', opts.kind);
  svg.append('title').attr('id', `${opts.id}-title`).text(opts.title);
  svg.append('desc').attr('id', `${opts.id}-desc`).text(opts.desc);
  svg.append('style').text(css);
  svg
    .append('rect')
    .attr('class', 'hc-bg hc-background')
    .attr('width', opts.width)
    .attr('height', opts.height);
  return svg;
}

/** Tick format for counts and amounts: SI prefixes only for large numbers (no "500m" for 0.5). */
export function numberFormat(max: number): (d: d3.NumberValue) => string {
  const si = d3.format('~s');
  const plain = d3.format(',~g');
  return (d) => (Math.abs(max) >= 1e5 ? si(d) : plain(d));
}

/** Ticks for whole-number quantities (people, trial units): only integers. */
export function integerTicks(scale: d3.ScaleLinear<number, number>, count: number): number[] {
  return scale.ticks(count).filter((t) => Number.isInteger(t));
}

/** Splits tick labels on spaces into stacked lines (band axes with long names). */
export function wrapTicks(axis: G): void {
  axis.selectAll<SVGTextElement, unknown>('.tick text').each(function () {
    const t = d3.select(this);
    const words = t.text().split(' ');
    if (words.length < 2) return;
    t.text(null);
    words.forEach((w, i) => t.append('tspan').attr('x', 0).attr('dy', i === 0 ? '0.71em' : '1.1em').text(w));
  });
}

/** Estimated width of a text at a font size (no layout in jsdom or workers: deterministic). */
export function textWidth(s: string, size: number = FONT.label): number {
  let w = 0;
  // Generous (bold 600 labels): a label that is estimated to fit must really fit.
  for (const ch of s) w += /[A-Z0-9mwMW%]/.test(ch) ? 0.72 : /[ il.,:;'|!()[\]]/.test(ch) ? 0.34 : 0.6;
  return w * size;
}

type AnyScale = d3.AxisScale<d3.NumberValue> | d3.AxisScale<string>;

/** Tick length plus d3's padding: where a side axis's tick labels start. */
const TICK_REACH = 9;
/** Gap between the widest tick label and the rotated title's descenders. */
const TITLE_GAP = 9;
/** Room the rotated title needs beyond its baseline (cap height and a little air). */
const TITLE_BODY = 15;

/**
 * Distance from a side axis to its rotated title's baseline so the title clears the widest
 * tick label (estimated widths, so a drawing is deterministic).
 */
export function axisTitleOffset(tickLabels: readonly string[], size: number = FONT.tick): number {
  const w = Math.max(0, ...tickLabels.map((t) => textWidth(t, size)));
  return Math.ceil(TICK_REACH + w + TITLE_GAP);
}

/** The room a side axis with these tick labels and a rotated title takes beside the plot. */
/** Rough width of one character of an axis title (bold, 13 px), for fitting it to the plot. */
const TITLE_CHAR_WIDTH = 7.4;

export function sideAxisWidth(tickLabels: readonly string[]): number {
  return axisTitleOffset(tickLabels) + TITLE_BODY;
}

/**
 * The tick labels a linear side axis will show (before its range is known, to size the margin):
 * the union over the tick counts a plot height can ask for, so the estimate is never short.
 */
export function sideTickLabels(
  y: d3.ScaleLinear<number, number>,
  spec: Pick<AxisSpec, 'ticks' | 'format' | 'tickValues'> = {},
): string[] {
  const counts = spec.ticks !== undefined ? [spec.ticks] : [2, 3, 4, 5, 6, 7, 8, 9, 10];
  const out = new Set<string>();
  for (const n of counts) {
    const values = spec.tickValues ?? y.ticks(n);
    const f = spec.format ?? y.tickFormat(n);
    for (const v of values) out.add(f(v));
  }
  return [...out];
}

export interface AxisSpec {
  label: string;
  ticks?: number;
  format?: (d: d3.NumberValue) => string;
  grid?: boolean;
  tickValues?: number[];
}

function styleAxis(g: G): void {
  // Keep d3's fill="none" (so the domain path is not filled); sizes and colors come from the theme.
  g.attr('font-size', null).attr('font-family', null).attr('class', 'hc-axis');
}

function styleGrid(grid: G): void {
  grid.attr('font-size', null).attr('font-family', null);
  grid.select('.domain').remove();
  grid.selectAll('text').remove();
}

/** Bottom axis at y = plot height, with its label (and unit) centred below. */
export function bottomAxis(root: G, x: AnyScale, innerW: number, innerH: number, spec: AxisSpec): G {
  const axis = d3.axisBottom(x as d3.AxisScale<d3.NumberValue>).ticks(spec.ticks ?? Math.max(2, Math.floor(innerW / 90)));
  if (spec.format) axis.tickFormat(spec.format);
  if (spec.tickValues) axis.tickValues(spec.tickValues);
  if (spec.grid) {
    const grid = root.append('g').attr('class', 'hc-grid').attr('transform', `translate(0,${innerH})`).attr('aria-hidden', 'true');
    grid.call(axis.tickSize(-innerH).tickFormat(() => ''));
    styleGrid(grid);
    axis.tickSize(6);
    if (spec.format) axis.tickFormat(spec.format);
    else axis.tickFormat(null);
  }
  const g = root.append('g').attr('transform', `translate(0,${innerH})`);
  g.call(axis);
  styleAxis(g);
  g.append('text')
    .attr('class', 'hc-axis-label')
    .attr('x', innerW / 2)
    .attr('y', 42)
    .attr('text-anchor', 'middle')
    .text(spec.label);
  return g;
}

/** Left (or right, with side='right') axis with its label rotated along it. */
export function sideAxis(
  root: G,
  y: AnyScale,
  innerW: number,
  innerH: number,
  spec: AxisSpec & { side?: 'left' | 'right'; labelOffset?: number; /** A shorter title for a plot too short for `label`. */ short?: string },
): G {
  const right = spec.side === 'right';
  const make = right ? d3.axisRight : d3.axisLeft;
  const axis = make(y as d3.AxisScale<d3.NumberValue>).ticks(spec.ticks ?? Math.max(2, Math.min(10, Math.floor(innerH / 50))));
  if (spec.format) axis.tickFormat(spec.format);
  if (spec.tickValues) axis.tickValues(spec.tickValues);
  if (spec.grid && !right) {
    const grid = root.append('g').attr('class', 'hc-grid').attr('aria-hidden', 'true');
    grid.call(axis.tickSize(-innerW).tickFormat(() => ''));
    styleGrid(grid);
    axis.tickSize(6);
    if (spec.format) axis.tickFormat(spec.format);
    else axis.tickFormat(null);
  }
  const g = root.append('g').attr('transform', right ? `translate(${innerW},0)` : null);
  g.call(axis);
  styleAxis(g);
  // The title sits clear of the widest tick label (measured, not guessed).
  const shown = g.selectAll<SVGTextElement, unknown>('.tick text').nodes().map((n) => n.textContent ?? '');
  const off = Math.max(spec.labelOffset ?? 0, axisTitleOffset(shown));
  const title = g
    .append('text')
    .attr('class', 'hc-axis-label')
    .attr('transform', `translate(${right ? off : -off},${innerH / 2}) rotate(${right ? 90 : -90})`)
    .attr('text-anchor', 'middle');
  // A title longer than a short plot takes its short form, else is squeezed to its height rather
  // than cut off.
  const fits = (t: string) => t.length * TITLE_CHAR_WIDTH <= innerH - 8;
  const text = !fits(spec.label) && spec.short !== undefined ? spec.short : spec.label;
  title.text(text);
  if (!fits(text)) {
    title.attr('textLength', Math.max(40, innerH - 8)).attr('lengthAdjust', 'spacingAndGlyphs');
  }
  return g;
}

export type SwatchShape = 'rect' | 'hollow' | 'faded' | 'line' | 'dashed' | 'circle' | 'square' | 'triangle' | 'band' | 'hatch';

export interface LegendItem {
  label: string;
  color: ThemeKey;
  shape: SwatchShape;
  /** Pattern id for 'hatch'. */
  pattern?: string;
  dash?: string;
}

/** A one-line (wrapping) legend; returns its height. */
export function legend(root: G, items: LegendItem[], x: number, y: number, maxWidth: number): number {
  const g = root.append('g').attr('class', 'hc-legend').attr('transform', `translate(${x},${y})`);
  let cx = 0;
  let cy = 0;
  const rowH = 22;
  for (const it of items) {
    const w = 26 + textWidth(it.label, FONT.label) + 18;
    if (cx > 0 && cx + w > maxWidth) {
      cx = 0;
      cy += rowH;
    }
    const item = g.append('g').attr('class', 'hc-legend-item').attr('transform', `translate(${cx},${cy})`);
    swatch(item, it);
    item.append('text').attr('x', 24).attr('y', 0).attr('dy', '0.35em').text(it.label);
    cx += w;
  }
  return cy + rowH;
}

export function swatch(g: G, it: LegendItem): void {
  const c = color(it.color);
  switch (it.shape) {
    case 'rect':
    case 'band':
      g.append('rect').attr('x', 0).attr('y', it.shape === 'band' ? -3 : -7).attr('width', 16).attr('height', it.shape === 'band' ? 6 : 14).attr('fill', c);
      break;
    case 'faded':
      g.append('rect').attr('x', 0).attr('y', -7).attr('width', 16).attr('height', 14).attr('fill', c).attr('fill-opacity', 0.35);
      break;
    case 'hollow':
      g.append('rect').attr('x', 1).attr('y', -6).attr('width', 14).attr('height', 12).attr('fill', 'none').attr('stroke', c).attr('stroke-width', STROKE.line);
      break;
    case 'hatch':
      g.append('rect').attr('x', 0).attr('y', -7).attr('width', 16).attr('height', 14).attr('fill', it.pattern ? `url(#${it.pattern})` : c).attr('stroke', color('muted'));
      break;
    case 'line':
    case 'dashed':
      g.append('line').attr('x1', 0).attr('x2', 18).attr('y1', 0).attr('y2', 0).attr('stroke', c).attr('stroke-width', STROKE.line)
        .attr('stroke-dasharray', it.dash ?? (it.shape === 'dashed' ? '6 4' : null));
      break;
    case 'circle':
      g.append('circle').attr('cx', 8).attr('cy', 0).attr('r', 6).attr('fill', c);
      break;
    case 'square':
      g.append('rect').attr('x', 2).attr('y', -6).attr('width', 12).attr('height', 12).attr('fill', c);
      break;
    case 'triangle':
      g.append('path').attr('d', 'M8,-7L15,6L1,6Z').attr('fill', c);
      break;
  }
}

/** A diagonal-hatch pattern for placeholders ("not computed yet"). */
export function hatchPattern(svg: Svg, id: string): string {
  let defs = svg.select<SVGDefsElement>('defs');
  if (defs.empty()) defs = svg.insert<SVGDefsElement>('defs', 'style');
  const p = defs
    .append('pattern')
    .attr('id', id)
    .attr('patternUnits', 'userSpaceOnUse')
    .attr('width', 8)
    .attr('height', 8)
    .attr('patternTransform', 'rotate(45)');
  p.append('rect').attr('width', 8).attr('height', 8).attr('fill', color('grid'));
  p.append('line').attr('x1', 0).attr('y1', 0).attr('x2', 0).attr('y2', 8).attr('stroke', color('muted')).attr('stroke-width', 2);
  return id;
}

/** A label with a background halo, readable over marks. */
export function annotate(
  g: G,
  x: number,
  y: number,
  text: string,
  anchor: 'start' | 'middle' | 'end' = 'start',
  cls = 'hc-annotation',
): d3.Selection<SVGTextElement, unknown, null, undefined> {
  return g
    .append('text')
    .attr('class', `${cls} hc-halo`)
    .attr('x', x)
    .attr('y', y)
    .attr('text-anchor', anchor)
    .text(text);
}

export interface Tooltip {
  show(x: number, y: number, lines: string[]): void;
  hide(): void;
}

/** A tooltip drawn inside the SVG (so it needs no HTML and stays within the chart's bounds). */
export function tooltip(root: G, bounds: { width: number; height: number }): Tooltip {
  const g = root.append('g').attr('class', 'hc-tooltip').attr('pointer-events', 'none').attr('aria-hidden', 'true').style('display', 'none');
  const rect = g.append('rect').attr('rx', 4);
  const text = g.append('text');
  return {
    show(x, y, lines) {
      text.selectAll('tspan').remove();
      lines.forEach((l, i) => {
        text.append('tspan').attr('x', 8).attr('y', 18 + i * 18).attr('font-weight', i === 0 ? 600 : null).text(l);
      });
      const w = Math.max(...lines.map((l) => textWidth(l, FONT.tick))) + 18;
      const h = lines.length * 18 + 10;
      rect.attr('width', w).attr('height', h);
      let tx = x + 14;
      if (tx + w > bounds.width) tx = x - 14 - w;
      if (tx < 0) tx = Math.max(0, bounds.width - w);
      let ty = y - h - 10;
      if (ty < 0) ty = Math.min(y + 14, bounds.height - h);
      g.attr('transform', `translate(${tx},${ty})`).style('display', null);
    },
    hide() {
      g.style('display', 'none');
    },
  };
}

export interface FocusPoint {
  /** Position of the tooltip anchor, in the overlay's coordinates. */
  x: number;
  y: number;
  lines: string[];
  /** Highlight box around the focused mark. */
  box?: { x: number; y: number; width: number; height: number };
}

export interface NavigatorSpec {
  count: number;
  locate(i: number): FocusPoint;
  /** The index under a pointer position (overlay coordinates), or null. */
  indexAt(px: number, py: number): number | null;
  onActivate?: (i: number) => void;
  /** Where a key moves the focus; defaults to 1-D (left/right, up/down, Home/End, PageUp/Down). */
  move?: (i: number, key: string) => number | null;
  /** Called with the first tooltip line and the rest when the focus moves (live region). */
  announce?: (text: string) => void;
  label: string;
}

/**
 * A transparent, focusable overlay covering the plot: hover or focus shows the tooltip for the
 * nearest mark; arrow keys move between marks; Enter/Space or a click activates one.
 */
export function navigator(plot: G, size: { width: number; height: number }, tip: Tooltip, spec: NavigatorSpec): void {
  if (spec.count === 0) return;
  const ring = plot.append('rect').attr('class', 'hc-focus-ring').attr('pointer-events', 'none').attr('aria-hidden', 'true').style('display', 'none');
  const overlay = plot
    .append('rect')
    .attr('class', 'hc-overlay')
    .attr('width', size.width)
    .attr('height', size.height)
    .attr('tabindex', 0)
    .attr('focusable', 'true')
    // A role that may carry a name (a bare rect may not: axe's aria-prohibited-attr), and that
    // hands the arrow keys to the chart in a screen reader.
    .attr('role', 'application')
    .attr('aria-label', spec.label);
  let current = -1;
  const show = (i: number) => {
    current = Math.max(0, Math.min(spec.count - 1, i));
    const p = spec.locate(current);
    tip.show(p.x, p.y, p.lines);
    if (p.box) ring.attr('x', p.box.x).attr('y', p.box.y).attr('width', p.box.width).attr('height', p.box.height).style('display', null);
    else ring.style('display', 'none');
    spec.announce?.(p.lines.join('; '));
  };
  const hide = () => {
    tip.hide();
    ring.style('display', 'none');
  };
  const defaultMove = (i: number, key: string): number | null => {
    const page = Math.max(1, Math.round(spec.count / 10));
    switch (key) {
      case 'ArrowRight':
      case 'ArrowUp':
        return i + 1;
      case 'ArrowLeft':
      case 'ArrowDown':
        return i - 1;
      case 'PageUp':
        return i + page;
      case 'PageDown':
        return i - page;
      case 'Home':
        return 0;
      case 'End':
        return spec.count - 1;
      default:
        return null;
    }
  };
  overlay
    .on('pointermove', (ev: PointerEvent) => {
      const [px, py] = d3.pointer(ev, overlay.node());
      const i = spec.indexAt(px, py);
      if (i === null) hide();
      else show(i);
    })
    .on('pointerleave', () => {
      if (document.activeElement !== overlay.node()) hide();
    })
    .on('click', (ev: MouseEvent) => {
      const [px, py] = d3.pointer(ev, overlay.node());
      const i = spec.indexAt(px, py);
      if (i !== null) {
        show(i);
        spec.onActivate?.(i);
      }
    })
    .on('focus', () => show(current < 0 ? 0 : current))
    .on('blur', hide)
    .on('keydown', (ev: KeyboardEvent) => {
      if (ev.key === 'Enter' || ev.key === ' ') {
        if (current >= 0) spec.onActivate?.(current);
        ev.preventDefault();
        return;
      }
      if (ev.key === 'Escape') {
        hide();
        return;
      }
      const from = current < 0 ? 0 : current;
      const to = (spec.move ?? defaultMove)(from, ev.key);
      if (to === null) return;
      ev.preventDefault();
      show(to);
    });
}

/** An axis-aligned box in a plot's coordinates (x0 < x1, y0 < y1). */
export interface Box {
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}

export interface LabelSpot {
  x: number;
  /** Baseline. */
  y: number;
  anchor: 'start' | 'middle' | 'end';
}

/** The (estimated) box of a one-line label drawn at a spot, halo included. */
export function labelBox(text: string, at: LabelSpot, size: number = FONT.annotation): Box {
  const w = textWidth(text, size);
  const x0 = at.anchor === 'start' ? at.x : at.anchor === 'end' ? at.x - w : at.x - w / 2;
  return { x0: x0 - 2, x1: x0 + w + 2, y0: at.y - size * 0.8 - 2, y1: at.y + size * 0.25 + 2 };
}

export function boxesOverlap(a: Box, b: Box): boolean {
  return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
}

/**
 * Simple label placement: the first candidate spot whose box stays inside `bounds` and clear of
 * every obstacle; when none is clear, the one with the fewest collisions (ties: the first).
 */
export function placeLabel(text: string, candidates: LabelSpot[], obstacles: Box[], bounds: Box, size: number = FONT.annotation): { spot: LabelSpot; box: Box } {
  let best: { spot: LabelSpot; box: Box; hits: number } | null = null;
  for (const spot of candidates) {
    const box = labelBox(text, spot, size);
    const outside = box.x0 < bounds.x0 || box.x1 > bounds.x1 || box.y0 < bounds.y0 || box.y1 > bounds.y1;
    const hits = obstacles.filter((o) => boxesOverlap(box, o)).length + (outside ? 100 : 0);
    if (hits === 0) return { spot, box };
    if (!best || hits < best.hits) best = { spot, box, hits };
  }
  if (!best) throw new Error('placeLabel needs at least one candidate');
  return { spot: best.spot, box: best.box };
}

/**
 * The smallest span a chart's value axis is given, so an all-zero chart still has a scale to draw
 * (d3 collapses an empty domain): the engine's tolerance, below which the model counts two values
 * equal, so a narrower span would show nothing the model tells apart.
 */
export const MIN_AXIS_SPAN = EPS;
