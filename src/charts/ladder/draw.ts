// Draws the unraveling ladder: an outcome mark per rank (filled when threatened, hollow when
// not) with a thin "threatened" band, or stacked plea/tried/free bars per bin; below, the
// prosecutor's budget (left axis) and the strike fund (right axis) along the ranking; a rule at
// the stop rank t*.
import * as d3 from 'd3';
import type { LadderBin } from '../../engine';
import { FONT, STROKE, color, type ThemeKey } from '../common/theme';
import { resolveTheme, resolveVars } from '../common/export';
import { fmt } from '../common/fields';
import {
  annotate,
  bottomAxis,
  clearSvg,
  initSvg,
  integerTicks,
  legend,
  navigator,
  numberFormat,
  safeId,
  sideAxis,
  sideAxisWidth,
  sideTickLabels,
  textWidth,
  tooltip,
  type DrawOptions,
  type G,
  type LegendItem,
} from '../common/svg';
import { describeLadder, ladderTitle, resourceSteps, type LadderRow, type LadderView } from './data';

export interface LadderDrawOptions extends DrawOptions {
  onSelect?: (id: number) => void;
  /** Called with a bin's index on click or Enter (binned ladders). */
  onSelectBin?: (index: number) => void;
  announce?: (text: string) => void;
  /**
   * The player's frame: ranks after `upTo` are drawn as outlines not yet reached, the budget line
   * stops at `upTo`, the stop line appears once reached, and ranks cursorLo..cursorHi are boxed.
   */
  reveal?: { upTo: number; cursorLo: number; cursorHi: number } | null;
  /**
   * A lever is moving (issue 12, under the hand): a redraw in place paints the dense marks on a
   * canvas laid over the plot (one bitmap) instead of updating ~800 SVG elements, which the
   * browser would restyle, lay out and repaint at every step; the SVG's own marks wait, hidden,
   * and the next drawing at rest puts them back (the SVG stays what an export and a screen reader
   * get). Ignored for a figure, a first drawing and the player's frames.
   */
  moving?: boolean;
}

const OUTCOME_LABEL = { plea: 'plea', tried: 'tried', free: 'free', refuse: 'refused' } as const;
const LETTER = { plea: 'P', tried: 'T', free: 'F', refuse: 'R' } as const;

const SVG_NS = 'http://www.w3.org/2000/svg';

/** A dense mark as last written: its tag and attribute names (in order), and their values. */
type Written = Element & { hcShape?: string; hcValues?: string[] };

/**
 * Writes a group's dense marks in order, updating the marks a previous drawing left in it in
 * place (issue 12, slider to chart): a mark whose tag and attribute names are those asked for
 * keeps its element, and only its changed values are set; any other is replaced by a new element,
 * and what is left over at the end goes. The markup is that of a drawing afresh (null attributes
 * left out, the others in the order given), without creating, restyling and laying out ~800 new
 * elements a redraw. On an empty group it appends: the drawing afresh, as before.
 */
class MarkWriter {
  private next: Element | null;
  constructor(private readonly parent: Element) {
    this.next = parent.firstElementChild;
  }
  put(tag: string, attrs: Record<string, string | number | null>): void {
    let shape = tag;
    const values: string[] = [];
    for (const name in attrs) {
      const v = attrs[name];
      if (v === null) continue;
      shape += ` ${name}`;
      values.push(String(v));
    }
    const old = this.next as Written | null;
    if (old && old.hcShape === shape && old.hcValues) {
      const was = old.hcValues;
      let j = 0;
      for (const name in attrs) {
        if (attrs[name] === null) continue;
        if (was[j] !== values[j]) old.setAttribute(name, values[j]);
        j++;
      }
      old.hcValues = values;
      this.next = old.nextElementSibling;
      return;
    }
    const node = this.parent.ownerDocument.createElementNS(SVG_NS, tag) as Written;
    let j = 0;
    for (const name in attrs) if (attrs[name] !== null) node.setAttribute(name, values[j++]);
    node.hcShape = shape;
    node.hcValues = values;
    if (old) {
      this.next = old.nextElementSibling;
      this.parent.replaceChild(node, old);
    } else this.parent.appendChild(node);
  }
  /** The marks the previous drawing had beyond these go. */
  end(): void {
    for (let c = this.next; c; ) {
      const after = c.nextElementSibling;
      c.remove();
      c = after;
    }
    this.next = null;
  }
}

/** Where the dense marks go: the SVG's elements (MarkWriter) or a moving lever's canvas. */
interface MarkSink {
  put(tag: string, attrs: Record<string, string | number | null>): void;
  end(): void;
}

const num = (v: string | number | null | undefined, fallback: number): number => (v === null || v === undefined ? fallback : Number(v));

/**
 * Paints the rectangles MarkWriter would write, with their SVG meaning (fill and fill-opacity,
 * stroke and stroke-width, `dy` for the group's translation), on a canvas context whose
 * transform maps the plot's units. Colors come as the theme's `var(--hc-…)`, resolved once a drag.
 */
class CanvasMarks implements MarkSink {
  constructor(
    private readonly ctx: CanvasRenderingContext2D,
    private readonly dy: number,
    private readonly paint: (c: string) => string,
  ) {}
  put(tag: string, a: Record<string, string | number | null>): void {
    if (tag !== 'rect') return;
    const ctx = this.ctx;
    const x = num(a.x, 0);
    const y = num(a.y, 0) + this.dy;
    const w = num(a.width, 0);
    const h = num(a.height, 0);
    const fill = a.fill;
    if (fill !== null && fill !== undefined && fill !== 'none') {
      ctx.globalAlpha = num(a['fill-opacity'], 1);
      ctx.fillStyle = this.paint(String(fill));
      ctx.fillRect(x, y, w, h);
    }
    const stroke = a.stroke;
    const sw = num(a['stroke-width'], 1);
    if (stroke !== null && stroke !== undefined && stroke !== 'none' && sw > 0) {
      ctx.globalAlpha = 1;
      ctx.strokeStyle = this.paint(String(stroke));
      ctx.lineWidth = sw;
      ctx.strokeRect(x, y, w, h);
    }
  }
  end(): void {
    this.ctx.globalAlpha = 1;
  }
}

/** A moving lever's layer: a canvas in a foreignObject over the plot's marks and band. */
interface FastLayer {
  fo: Element;
  canvas: HTMLCanvasElement;
  ctx: CanvasRenderingContext2D;
  /** `var(--hc-plea)` → the color it resolves to on this svg (kept for the drag). */
  colors: Map<string, string>;
  /** The chart's theme as the page resolves it (export.ts's resolveTheme), read on first use. */
  theme: Record<ThemeKey, string> | null;
}

/**
 * What a drawing's frame was drawn from: everything but the marks, the resource lines, the stop
 * rule and the interaction (legend, axes, labels) depends only on these (see frameKey).
 */
interface Frame {
  key: string;
  legendH: number;
  budgetLine: Element;
  fundLine: Element | null;
  stop: Element | null;
  tip: Element;
  nav: Element;
}

/** The plot a drawing left in its svg, which the next drawing updates in place. */
interface Plot {
  root: Element;
  marks: Element;
  band: Element;
  fast: FastLayer | null;
  frame: Frame;
}

/**
 * The moving lever's canvas, `w` × `h` plot units at `ratio` device pixels a unit, cleared: the
 * last one's, else a new one put right after the plot's band (over the marks and the band, under
 * the stop rule and the rest). Null where no 2D canvas exists (jsdom): the marks then go to the
 * SVG as at rest.
 */
function fastLayer(last: FastLayer | null, band: Element, w: number, h: number, ratio: number): FastLayer | null {
  let layer = last;
  if (!layer) {
    const doc = band.ownerDocument;
    const canvas = doc.createElement('canvas');
    const ctx = typeof canvas.getContext === 'function' ? canvas.getContext('2d') : null;
    if (!ctx) return null;
    const fo = doc.createElementNS(SVG_NS, 'foreignObject');
    fo.setAttribute('class', 'hc-moving-marks');
    fo.setAttribute('aria-hidden', 'true');
    fo.setAttribute('pointer-events', 'none');
    canvas.style.display = 'block';
    fo.appendChild(canvas);
    band.after(fo);
    layer = { fo, canvas, ctx, colors: new Map(), theme: null };
  }
  const { fo, canvas, ctx } = layer;
  const cw = Math.max(1, Math.round(w * ratio));
  const ch = Math.max(1, Math.round(h * ratio));
  // Only a changed size is written (setting a canvas's size reallocates and clears it).
  if (fo.getAttribute('width') !== String(w)) fo.setAttribute('width', String(w));
  if (fo.getAttribute('height') !== String(h)) fo.setAttribute('height', String(h));
  if (canvas.width !== cw || canvas.height !== ch) {
    canvas.width = cw;
    canvas.height = ch;
    canvas.style.width = `${w}px`;
    canvas.style.height = `${h}px`;
  } else ctx.clearRect(0, 0, cw, ch);
  ctx.setTransform(cw / w, 0, 0, ch / h, 0, 0);
  return layer;
}

/** The layer's colors: the theme's `var(--hc-…)` resolved as an export resolves them, once a drag. */
function layerPaint(layer: FastLayer, node: SVGSVGElement): (c: string) => string {
  const colors = layer.colors;
  return (c: string): string => {
    let v = colors.get(c);
    if (v === undefined) {
      v = resolveVars(c, (layer.theme ??= resolveTheme(node)));
      colors.set(c, v);
    }
    return v;
  };
}

/**
 * A moving lever's marks: the plot's canvas layer (made, or the last one cleared), the SVG's marks
 * and band hidden as they are, the marks painted on the canvas. Null where no 2D canvas exists:
 * the caller writes the SVG's marks as at rest.
 */
function paintOnLayer(node: SVGSVGElement, last: FastLayer | null, marks: Element, band: Element, v: LadderView, g: Geometry, ratio: number): FastLayer | null {
  const layer = fastLayer(last, band, g.innerW, g.outcomeH + 6 + g.bandH, ratio);
  if (!layer) return null;
  showGroup(marks, false);
  showGroup(band, false);
  const paint = layerPaint(layer, node);
  paintMarks(v, g, new CanvasMarks(layer.ctx, 0, paint), new CanvasMarks(layer.ctx, g.outcomeH + 6, paint), null, null);
  return layer;
}

/** Shows or hides an SVG group (the marks a moving lever's canvas stands for), writing only a change. */
function showGroup(g: Element, shown: boolean): void {
  if (shown) {
    if (g.hasAttribute('display')) g.removeAttribute('display');
  } else if (g.getAttribute('display') !== 'none') g.setAttribute('display', 'none');
}
const plots = new WeakMap<SVGSVGElement, Plot>();

function rowLines(r: LadderRow): string[] {
  const lines = [`Rank ${fmt(r.rank)}: defendant ${fmt(r.id)} (group ${r.group + 1})`];
  lines.push(`${OUTCOME_LABEL[r.outcome]}${r.withheld ? ' (offer withheld)' : ''}; ${r.threatened ? 'threatened' : 'not threatened'}`);
  lines.push(`offer ${r.offer === null ? 'none' : `${fmt(r.offer)} years`}`);
  const tags = [r.pledged && 'pledged', r.covered && 'covered by fund', r.never && 'never pleads'].filter(Boolean);
  if (tags.length) lines.push(tags.join(', '));
  lines.push(`budget ${fmt(r.budgetBefore)} → ${fmt(r.budgetAfter)}; fund ${fmt(r.fundBefore)} → ${fmt(r.fundAfter)}`);
  return lines;
}

function binLines(b: LadderBin): string[] {
  const n = b.plea + b.tried + b.free;
  return [
    `Ranks ${fmt(b.rankLo)}–${fmt(b.rankHi)} (${fmt(n)} defendants)`,
    `plea ${fmt(b.plea)}, tried ${fmt(b.tried)}, free ${fmt(b.free)}`,
    `threatened ${fmt(b.threatened)}`,
    `after: budget ${fmt(b.budgetAfter)}, fund ${fmt(b.fundAfter)}`,
  ];
}

/** The plot's geometry below the legend (a drawing and a moving lever's redraw share it). */
interface Geometry {
  margin: { top: number; right: number; bottom: number; left: number };
  innerW: number;
  innerH: number;
  top: number;
  marksH: number;
  bandH: number;
  outcomeH: number;
  resH: number;
  gap: number;
  colW: number;
  hollowOk: boolean;
  lo: number;
  hi: number;
  x: d3.ScaleLinear<number, number>;
}

/**
 * The dense marks (an outcome mark per rank, or stacked bars per bin) and the threat band, to
 * their sinks (the SVG's elements, or a moving lever's canvas). Letters go to `letters` (ranks
 * wide enough: only in a drawing afresh).
 */
function paintMarks(v: LadderView, g: Geometry, marksOut: MarkSink, bandOut: MarkSink, reveal: LadderDrawOptions['reveal'], letters: G | null): void {
  const { x, colW, outcomeH, bandH, innerW, hollowOk } = g;
  if (v.mode === 'ranks') {
    const pad = colW >= 6 ? Math.min(3, colW * 0.15) : 0;
    const sw = colW >= 6 ? STROKE.line : 0;
    for (const r of v.rows) {
      if (reveal && r.rank > reveal.upTo) {
        marksOut.put('rect', {
          class: 'hc-mark hc-future',
          'data-rank': r.rank,
          x: x(r.rank - 0.5) + pad,
          y: 0,
          width: Math.max(0.5, colW - 2 * pad),
          height: outcomeH,
          fill: color('grid'),
          'fill-opacity': 0.35,
        });
        continue;
      }
      const x0 = x(r.rank - 0.5) + pad;
      const w = Math.max(0.5, colW - 2 * pad);
      const c = color(r.outcome);
      const filled = r.threatened || !hollowOk;
      marksOut.put('rect', {
        class: `hc-mark hc-${r.outcome}${r.threatened ? ' hc-threatened' : ''}`,
        'data-rank': r.rank,
        x: x0 + (filled ? 0 : sw / 2),
        y: filled ? 0 : sw / 2,
        width: Math.max(0.5, w - (filled ? 0 : sw)),
        height: outcomeH - (filled ? 0 : sw),
        fill: filled ? c : 'none',
        'fill-opacity': r.threatened ? null : hollowOk ? null : 0.35,
        stroke: filled ? null : c,
        'stroke-width': filled ? null : sw,
      });
      if (colW >= 18 && letters) {
        // Letters: only in a drawing afresh (few ranks: never in place), after their marks.
        letters
          .append('text')
          .attr('class', 'hc-mark-letter')
          .attr('x', x0 + w / 2)
          .attr('y', outcomeH / 2)
          .attr('dy', '0.35em')
          .attr('text-anchor', 'middle')
          .attr('aria-hidden', 'true')
          .attr('fill', r.threatened ? color('bg') : c)
          .style('fill', r.threatened ? color('bg') : c)
          .attr('font-weight', 700)
          .text(LETTER[r.outcome]);
      }
      if (r.threatened) bandOut.put('rect', { x: x(r.rank - 0.5), width: Math.max(0.5, colW), height: bandH, fill: color('fg') });
    }
  } else {
    const y = binScale(v, outcomeH);
    for (const b of v.bins) {
      const x0 = x(b.rankLo - 0.5);
      const w = Math.max(0.5, x(b.rankHi + 0.5) - x0 - (innerW / v.bins.length > 4 ? 1 : 0));
      if (reveal && b.rankHi > reveal.upTo) {
        const size = b.plea + b.tried + b.free;
        marksOut.put('rect', {
          class: 'hc-mark hc-future',
          x: x0,
          width: w,
          y: y(size),
          height: outcomeH - y(size),
          fill: color('grid'),
          'fill-opacity': 0.35,
        });
        continue;
      }
      let acc = 0;
      for (const k of ['plea', 'tried', 'free'] as const) {
        const n = b[k];
        if (n > 0) {
          marksOut.put('rect', { class: `hc-mark hc-${k}`, x: x0, width: w, y: y(acc + n), height: y(acc) - y(acc + n), fill: color(k) });
        }
        acc += n;
      }
      const size = b.plea + b.tried + b.free;
      if (b.threatened > 0) {
        bandOut.put('rect', { x: x0, width: w, height: bandH, fill: color('fg'), 'fill-opacity': size ? Math.max(0.15, b.threatened / size) : 0 });
      }
    }
  }
  bandOut.put('rect', { width: innerW, height: bandH, fill: 'none', stroke: color('muted'), 'stroke-width': 1 });
  marksOut.end();
  bandOut.end();
}

/** The largest bin's size (the binned ladder's y domain). */
const maxBin = (v: LadderView): number => (v.mode === 'bins' ? (d3.max(v.bins, (b) => b.plea + b.tried + b.free) ?? 1) : 0);

/** The binned ladder's y scale (defendants in a bin). */
function binScale(v: LadderView, outcomeH: number): d3.ScaleLinear<number, number> {
  return d3.scaleLinear().domain([0, maxBin(v)]).nice().range([outcomeH, 0]);
}

/** The budget's and the fund's lines along the ranking (their `d`), as far as the player has come. */
function resourceLines(v: LadderView, g: Geometry, reveal: LadderDrawOptions['reveal']): { budget: string | null; fund: string | null } {
  const allPts = resourceSteps(v);
  const pts = reveal ? allPts.filter((p) => p.x <= reveal.upTo + 0.5) : allPts;
  const curve = v.mode === 'ranks' ? d3.curveStepAfter : d3.curveLinear;
  const yb = d3.scaleLinear().domain([0, Math.max(1, v.budget)]).nice().range([g.resH, 0]);
  const budget = d3.line<(typeof pts)[number]>().x((p) => g.x(p.x)).y((p) => yb(p.budget)).curve(curve)(pts);
  if (!(v.fund > 0)) return { budget, fund: null };
  const yf = d3.scaleLinear().domain([0, v.fund]).nice().range([g.resH, 0]);
  return { budget, fund: d3.line<(typeof pts)[number]>().x((p) => g.x(p.x)).y((p) => yf(p.fund)).curve(curve)(pts) };
}

/** The rule at the stop rank t*, with its words (null: no stop rank, or not reached yet). */
function drawStop(root: G, v: LadderView, g: Geometry, reveal: LadderDrawOptions['reveal']): Element | null {
  if (v.stopRank === null || (reveal && v.stopRank > reveal.upTo)) return null;
  const { x, innerW, innerH } = g;
  const stop = v.stopRank;
  const sx = x(stop - 0.5);
  const rule = root.append('g').attr('class', 'hc-stop-rank');
  rule.append('line').attr('x1', sx).attr('x2', sx).attr('y1', -14).attr('y2', innerH).attr('stroke', color('fg')).attr('stroke-width', STROKE.thick).attr('stroke-dasharray', '8 5');
  // Pleas after the stop rank (time served, fixed offers): the threats stop, the pleas do not.
  const pleasAfter =
    v.mode === 'ranks' ? v.rows.some((r) => r.rank >= stop && r.outcome === 'plea') : v.bins.some((b) => b.rankHi >= stop && b.plea > 0 && b.rankLo >= stop);
  // Threats after the stop rank (the clock, mixed trial costs): it is only the first rank not threatened.
  const threatsAfter =
    v.mode === 'ranks' ? v.rows.some((r) => r.rank > stop && r.threatened) : v.bins.some((b) => b.rankLo > stop && b.threatened > 0);
  const long = threatsAfter
    ? `first rank not threatened (${fmt(stop)})`
    : pleasAfter
      ? `no threat from rank ${fmt(stop)} on; pleas go on`
      : `unraveling stops here (rank ${fmt(stop)})`;
  const short = threatsAfter ? `first unthreatened: ${fmt(stop)}` : pleasAfter ? `no threat from ${fmt(stop)}` : `stops at ${fmt(stop)}`;
  const fits = (t: string) => textWidth(t, FONT.annotation) <= Math.max(sx - 6, innerW - sx - 6);
  const label = fits(long) ? long : short;
  const right = sx + 6 + textWidth(label, FONT.annotation) <= innerW;
  annotate(rule as unknown as G, right ? sx + 6 : sx - 6, -4, label, right ? 'start' : 'end');
  return rule.node()!;
}

/** The tooltip (appended to the svg) and the keyboard and pointer navigator over the plot (to root). */
function drawInteraction(svg: G, root: G, v: LadderView, g: Geometry, opts: LadderDrawOptions): { tip: Element; nav: Element } {
  const { x, innerW, innerH, outcomeH, marksH, colW, margin, top, lo } = g;
  const tipG = svg.append('g').attr('transform', `translate(${margin.left},${top})`) as unknown as G;
  const tip = tooltip(tipG, { width: innerW, height: innerH });
  const plotNav = root.append('g') as unknown as G;
  if (v.mode === 'ranks') {
    const rows = v.rows;
    navigator(plotNav, { width: innerW, height: innerH }, tip, {
      count: rows.length,
      label: `Defendants in rank order, ${rows.length} ranks. Arrow keys move; Enter explains a defendant.`,
      indexAt: (px) => {
        const r = Math.round(x.invert(px));
        const i = r - lo;
        return i >= 0 && i < rows.length ? i : null;
      },
      locate: (i) => {
        const r = rows[i];
        return { x: x(r.rank), y: outcomeH / 2, lines: rowLines(r), box: { x: x(r.rank - 0.5) - 2, y: -2, width: Math.max(4, colW) + 4, height: marksH + 4 } };
      },
      onActivate: (i) => opts.onSelect?.(rows[i].id),
      announce: opts.announce,
    });
  } else {
    const bins = v.bins;
    const starts = bins.map((b) => b.rankLo - 0.5);
    navigator(plotNav, { width: innerW, height: innerH }, tip, {
      count: bins.length,
      label: `Ranks grouped into ${bins.length} bins. Arrow keys move between bins${opts.onSelectBin ? '; Enter opens a bin' : ''}.`,
      indexAt: (px) => {
        const i = d3.bisectRight(starts, x.invert(px)) - 1;
        return i >= 0 && i < bins.length ? i : null;
      },
      locate: (i) => {
        const b = bins[i];
        const x0 = x(b.rankLo - 0.5);
        const x1 = x(b.rankHi + 0.5);
        return { x: (x0 + x1) / 2, y: outcomeH / 2, lines: binLines(b), box: { x: x0 - 2, y: -2, width: x1 - x0 + 4, height: marksH + 4 } };
      },
      onActivate: opts.onSelectBin ? (i) => opts.onSelectBin?.(i) : undefined,
      announce: opts.announce,
    });
  }
  return { tip: tipG.node()!, nav: plotNav.node()! };
}

/** Sets an attribute only where it changed (null: removes it, as d3's attr does). */
function setIf(el: Element | null, name: string, value: string | null): void {
  if (!el || el.getAttribute(name) === value) return;
  if (value === null) el.removeAttribute(name);
  else el.setAttribute(name, value);
}

export function drawLadder(node: SVGSVGElement, v: LadderView, opts: LadderDrawOptions): () => void {
  const id = safeId(opts.id, 'ladder');
  const { width, height } = opts;
  const hasFund = v.fund > 0;
  const reveal = opts.reveal ?? null;
  // Room on the right for the fund axis: its widest tick label and its title.
  const fundTicks = hasFund
    ? sideTickLabels(d3.scaleLinear().domain([0, v.fund]).nice(), { ticks: 3, format: numberFormat(v.fund) })
    : [];
  const margin = { top: 12, right: hasFund ? Math.max(72, sideAxisWidth(fundTicks) + 6) : 24, bottom: 56, left: 84 };
  const innerW = Math.max(40, width - margin.left - margin.right);
  const colW = v.mode === 'ranks' ? innerW / Math.max(1, v.rows.length) : 0;
  // A redraw of the same svg updates the last drawing's dense marks in place (not the player's
  // frames, nor ranks wide enough for letters: few marks, drawn afresh).
  const last = plots.get(node);
  const inPlace = last !== undefined && last.root.parentNode === node && !reveal && colW < 18 ? last : null;

  const items: LegendItem[] = [
    { label: 'plea', color: 'plea', shape: 'rect' },
    { label: 'tried', color: 'tried', shape: 'rect' },
    { label: 'free', color: 'free', shape: 'rect' },
  ];
  // Unthreatened ranks are hollow where a column is wide enough to show an outline, else faded:
  // the legend shows the mark as it is drawn.
  const hollowOk = v.mode === 'ranks' && innerW / Math.max(1, v.rows.length) >= 5;
  if (v.mode === 'ranks')
    items.push(hollowOk ? { label: 'not threatened (hollow)', color: 'fg', shape: 'hollow' } : { label: 'not threatened (faded)', color: 'fg', shape: 'faded' });
  items.push({ label: v.mode === 'ranks' ? 'threatened (band)' : 'share threatened (band)', color: 'fg', shape: 'band' });
  items.push({ label: 'budget left (trial units)', color: 'fg', shape: 'line' });
  if (hasFund) items.push({ label: 'fund left (years)', color: 'accent', shape: 'dashed' });
  const lo = v.mode === 'ranks' ? (v.rows[0]?.rank ?? 1) : (v.bins[0]?.rankLo ?? 1);
  const hi = v.mode === 'ranks' ? (v.rows[v.rows.length - 1]?.rank ?? 1) : (v.bins[v.bins.length - 1]?.rankHi ?? 1);
  // The frame (legend, axes, labels) is drawn from these alone.
  const frameKey = JSON.stringify([width, height, id, v.mode, margin.right, items.map((i) => i.label), lo, hi, maxBin(v), v.budget, v.fund, colW >= 6]);
  const geometry = (legendH: number): Geometry => {
    const top = margin.top + legendH + 24;
    const innerH = Math.max(120, height - top - margin.bottom);
    const gap = 22;
    const marksH = Math.round((innerH - gap) * 0.58);
    const bandH = 8;
    const x = d3.scaleLinear().domain([lo - 0.5, hi + 0.5]).range([0, innerW]);
    return { margin, innerW, innerH, top, marksH, bandH, outcomeH: marksH - bandH - 6, resH: innerH - marksH - gap, gap, colW, hollowOk, lo, hi, x };
  };

  // A moving lever's redraw of the same frame: the frame stays as it is (not rebuilt at every
  // step), the marks go to the canvas, and only what moves is redrawn: the title and description,
  // the resource lines, the stop rule and the interaction.
  const kept = inPlace && opts.moving && !opts.figure && inPlace.frame.key === frameKey ? inPlace : null;
  if (kept) {
    const g = geometry(kept.frame.legendH);
    const layer = paintOnLayer(node, kept.fast, kept.marks, kept.band, v, g, opts.pixelRatio ?? 1);
    if (layer) {
      const title = node.querySelector(`:scope > title`);
      const desc = node.querySelector(`:scope > desc`);
      const t = ladderTitle(v);
      const d = describeLadder(v);
      if (title && title.textContent !== t) title.textContent = t;
      if (desc && desc.textContent !== d) desc.textContent = d;
      const lines = resourceLines(v, g, null);
      setIf(kept.frame.budgetLine, 'd', lines.budget);
      setIf(kept.frame.fundLine, 'd', lines.fund);
      // The stop rule, the tooltip and the navigator are the last children of the plot and of
      // the svg: redrawn at the end, they keep the order of a drawing afresh.
      kept.frame.stop?.remove();
      kept.frame.nav.remove();
      kept.frame.tip.remove();
      const root = d3.select(kept.root as SVGGElement) as unknown as G;
      const stop = drawStop(root, v, g, null);
      const { tip, nav } = drawInteraction(d3.select(node) as unknown as G, root, v, g, opts);
      kept.fast = layer;
      kept.frame = { ...kept.frame, stop, tip, nav };
      return () => {
        clearSvg(node);
      };
    }
  }
  plots.delete(node);
  const svg = initSvg(node, { width, height, id, title: ladderTitle(v), desc: describeLadder(v), kind: 'ladder' }, inPlace?.root);

  // Legend first: it sets the top of the plot.
  const lg = (inPlace ? svg.insert('g', () => inPlace.root) : svg.append('g')) as unknown as G;
  const legendH = legend(lg, items, margin.left, margin.top + 8, innerW);
  const g = geometry(legendH);
  const { top, marksH, bandH, outcomeH, resH, gap, x } = g;

  // The plot: kept from the last drawing (emptied but its marks and band) or new.
  if (inPlace) clearSvg(inPlace.root, (c) => c === inPlace.marks || c === inPlace.band || c === inPlace.fast?.fo);
  const root = (inPlace ? d3.select(inPlace.root as SVGGElement) : svg.append('g')).attr('transform', `translate(${margin.left},${top})`) as unknown as G;

  // --- top panel: outcome marks
  const marks = (inPlace ? d3.select(inPlace.marks as SVGGElement) : root.append('g')).attr('class', 'hc-marks').attr('shape-rendering', colW > 0 && colW < 4 ? 'crispEdges' : null);
  const band = (inPlace ? d3.select(inPlace.band as SVGGElement) : root.append('g')).attr('class', 'hc-threat-band').attr('transform', `translate(0,${outcomeH + 6})`);
  // A moving lever's redraw in place (of another frame) paints the marks and the band on one
  // canvas over them (inPlace: never the player's frames).
  const layer =
    inPlace && opts.moving && !opts.figure
      ? paintOnLayer(node, inPlace.fast, marks.node()!, band.node()!, v, g, opts.pixelRatio ?? 1)
      : null;
  if (!layer) {
    inPlace?.fast?.fo.remove();
    showGroup(marks.node()!, true);
    showGroup(band.node()!, true);
    paintMarks(v, g, new MarkWriter(marks.node()!), new MarkWriter(band.node()!), reveal, marks as unknown as G);
  }
  if (v.mode === 'ranks') {
    root.append('text').attr('class', 'hc-axis-label').attr('x', -12).attr('y', outcomeH / 2).attr('dy', '0.35em').attr('text-anchor', 'end').text('outcome');
    root.append('text').attr('class', 'hc-muted').attr('x', -10).attr('y', outcomeH + 6 + bandH / 2).attr('dy', '0.35em').attr('text-anchor', 'end').attr('font-size', FONT.tick).text('threat');
  } else {
    const y = binScale(v, outcomeH);
    sideAxis(root, y, innerW, outcomeH, { label: 'defendants', format: numberFormat(maxBin(v)), tickValues: integerTicks(y, 3) });
  }

  // --- bottom panel: budget (left) and fund (right)
  const res = root.append('g').attr('class', 'hc-resources').attr('transform', `translate(0,${marksH + gap})`) as unknown as G;
  const lines = resourceLines(v, g, reveal);
  const yb = d3.scaleLinear().domain([0, Math.max(1, v.budget)]).nice().range([resH, 0]);
  sideAxis(res, yb, innerW, resH, { label: 'budget', grid: true, format: numberFormat(v.budget), tickValues: integerTicks(yb, 3) });
  const budgetLine = res
    .append('path')
    .attr('class', 'hc-budget-line')
    .attr('fill', 'none')
    .attr('stroke', color('fg'))
    .attr('stroke-width', STROKE.line)
    .attr('d', lines.budget)
    .node()!;
  let fundLine: Element | null = null;
  if (hasFund) {
    const yf = d3.scaleLinear().domain([0, v.fund]).nice().range([resH, 0]);
    sideAxis(res, yf, innerW, resH, { label: 'fund', ticks: 3, side: 'right', format: numberFormat(v.fund) });
    fundLine = res
      .append('path')
      .attr('class', 'hc-fund-line')
      .attr('fill', 'none')
      .attr('stroke', color('accent'))
      .attr('stroke-width', STROKE.line)
      .attr('stroke-dasharray', '7 4')
      .attr('d', lines.fund)
      .node()!;
  }
  const span = hi - lo + 1;
  bottomAxis(res, x, innerW, resH, {
    label: 'Rank: the order she targets defendants (1 = first)',
    format: d3.format(span > 9999 ? '~s' : ',d'),
    tickValues: span <= 20 ? d3.range(lo, hi + 1) : undefined,
  });

  // --- stop rank
  const stop = drawStop(root, v, g, reveal);

  // --- the player's cursor
  if (reveal) {
    const cx0 = x(reveal.cursorLo - 0.5);
    const cx1 = x(reveal.cursorHi + 0.5);
    root
      .append('rect')
      .attr('class', 'hc-cursor')
      .attr('x', cx0 - 1)
      .attr('y', -3)
      .attr('width', Math.max(3, cx1 - cx0 + 2))
      .attr('height', marksH + 3)
      .attr('fill', 'none')
      .attr('stroke', color('accent'))
      .attr('stroke-width', STROKE.line)
      .attr('pointer-events', 'none');
  }

  // --- interaction
  const { tip, nav } = drawInteraction(svg as unknown as G, root, v, g, opts);
  plots.set(node, {
    root: root.node()!,
    marks: marks.node()!,
    band: band.node()!,
    fast: layer,
    frame: { key: frameKey, legendH, budgetLine, fundLine, stop, tip, nav },
  });
  return () => {
    clearSvg(node);
  };
}
