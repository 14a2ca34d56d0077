// @vitest-environment jsdom
// Issue 12, slider to chart: a redraw of the ladder in the same svg updates the last drawing's
// dense marks in place; what it draws is exactly what a drawing afresh draws (the exported SVG and
// `npm run figure` are drawings afresh, guarded by the snapshots in draw.test.ts).
import { afterEach, describe, expect, it } from 'vitest';
import { drawLadder } from '../../src/charts/ladder/draw';
import { ladderFromRows, ladderView, type LadderView } from '../../src/charts/ladder/data';
import { parseScenario, pledgeAllGroups, type ScenarioInput } from '../../src/engine';
import { solveScenario } from '../../src/engine/solve';
import { PRESETS } from '../../src/presets';

const SIZE = { width: 640, height: 400, id: 'inplace' };
const city = PRESETS.find((p) => p.id === 'crespo-city-public')!.scenario;

/** Crespo's city scaled to `n` defendants (its budget with it), every group pledging `share`. */
function view(n: number, share: number, fund?: number): LadderView {
  const doc = structuredClone(pledgeAllGroups(city, share)) as unknown as {
    groups: { count: number }[];
    prosecutor: { budget: number };
    levers: { strikeFund: { fund: number } };
  };
  const total = doc.groups.reduce((a, g) => a + g.count, 0);
  let left = n;
  doc.groups.forEach((g, i) => {
    g.count = i === doc.groups.length - 1 ? left : Math.round((g.count * n) / total);
    left -= g.count;
  });
  doc.prosecutor.budget = Math.round((doc.prosecutor.budget * n) / total);
  if (fund !== undefined) doc.levers.strikeFund.fund = fund;
  const r = parseScenario(doc as unknown as ScenarioInput);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  const s = r.scenario;
  const res = solveScenario(s, { rows: 'always' });
  return ladderView({
    rows: ladderFromRows(res.defendants!, s),
    budget: s.prosecutor.budget ?? 0,
    fund: s.levers.strikeFund.fund,
    stopRank: res.totals.stopRank,
    regime: res.regime,
  });
}

function svgEl(): SVGSVGElement {
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  document.body.appendChild(svg);
  return svg;
}

/** The markup of `v` drawn afresh into a new svg. */
function fresh(v: LadderView): string {
  const svg = svgEl();
  const cleanup = drawLadder(svg, v, SIZE);
  const html = svg.outerHTML;
  cleanup();
  svg.remove();
  return html;
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('the ladder redrawn in place', () => {
  it('ranks (300 defendants): the same markup as a drawing afresh, on the same mark elements', () => {
    const a = view(300, 0.2);
    const b = view(300, 0.6);
    expect(a.mode).toBe('ranks');
    const svg = svgEl();
    drawLadder(svg, a, SIZE);
    const firstMark = svg.querySelector('.hc-mark');
    const style = svg.querySelector('style');
    const marksBefore = svg.querySelectorAll('.hc-mark').length;
    expect(marksBefore).toBe(300);
    drawLadder(svg, b, SIZE);
    expect(svg.outerHTML).toBe(fresh(b));
    expect(svg.outerHTML).not.toBe(fresh(a));
    // The marks and the theme's style sheet were kept, not rebuilt.
    expect(svg.querySelector('.hc-mark')).toBe(firstMark);
    expect(svg.querySelector('style')).toBe(style);
    // And back.
    drawLadder(svg, a, SIZE);
    expect(svg.outerHTML).toBe(fresh(a));
  });

  it('bins (Crespo’s city, 7,000): the same markup as a drawing afresh', () => {
    const a = view(7000, 0.1);
    const b = view(7000, 0.5);
    expect(a.mode).toBe('bins');
    const svg = svgEl();
    drawLadder(svg, a, SIZE);
    const firstMark = svg.querySelector('.hc-mark');
    drawLadder(svg, b, SIZE);
    expect(svg.outerHTML).toBe(fresh(b));
    expect(svg.querySelector('.hc-mark')).toBe(firstMark);
  });

  it('between ranks and bins, with and without a fund, other sizes and few ranks (letters): always the drawing afresh', () => {
    const views = [view(300, 0.3), view(7000, 0.3), view(300, 0.3, 500), view(20, 0.5), view(250, 0.7), view(7000, 0.8, 900)];
    const svg = svgEl();
    for (const v of [...views, ...views.reverse()]) {
      drawLadder(svg, v, SIZE);
      expect(svg.outerHTML).toBe(fresh(v));
    }
    const wide = { ...SIZE, width: 900 };
    drawLadder(svg, views[0], wide);
    const again = svgEl();
    drawLadder(again, views[0], wide);
    expect(svg.outerHTML).toBe(again.outerHTML);
  });

  it('the cleanup still empties the svg, and the next drawing is a drawing afresh', () => {
    const svg = svgEl();
    const cleanup = drawLadder(svg, view(300, 0.2), SIZE);
    const firstMark = svg.querySelector('.hc-mark');
    cleanup();
    expect(svg.childNodes).toHaveLength(0);
    drawLadder(svg, view(300, 0.6), SIZE);
    expect(svg.outerHTML).toBe(fresh(view(300, 0.6)));
    expect(svg.querySelector('.hc-mark')).not.toBe(firstMark);
  });

  it('the player’s frames (reveal) are drawn afresh', () => {
    const v = view(300, 0.4);
    const svg = svgEl();
    drawLadder(svg, v, SIZE);
    const firstMark = svg.querySelector('.hc-mark');
    const reveal = { upTo: 100, cursorLo: 90, cursorHi: 100 };
    drawLadder(svg, v, { ...SIZE, reveal });
    expect(svg.querySelector('.hc-mark')).not.toBe(firstMark);
    const other = svgEl();
    drawLadder(other, v, { ...SIZE, reveal });
    expect(svg.outerHTML).toBe(other.outerHTML);
  });
});

/** A 2D context that records what is painted: each rectangle with its style as it was set. */
interface Op {
  op: 'fill' | 'stroke';
  x: number;
  y: number;
  w: number;
  h: number;
  style: string;
  alpha: number;
  lineWidth?: number;
}
function recordingContexts(): { ops: Op[][]; restore: () => void } {
  const ops: Op[][] = [];
  const proto = HTMLCanvasElement.prototype as unknown as { getContext: unknown };
  const original = proto.getContext;
  proto.getContext = function (this: HTMLCanvasElement) {
    const mine = ((this as unknown as { __ctx?: unknown }).__ctx ??= (() => {
      const ctx = {
        fillStyle: '',
        strokeStyle: '',
        globalAlpha: 1,
        lineWidth: 1,
        transform: [1, 0, 0, 1, 0, 0],
        setTransform(a: number, b: number, c: number, d: number, e: number, f: number) {
          ctx.transform = [a, b, c, d, e, f];
        },
        clearRect() {
          ops.push([]);
        },
        fillRect(x: number, y: number, w: number, h: number) {
          ops[ops.length - 1].push({ op: 'fill', x, y, w, h, style: ctx.fillStyle, alpha: ctx.globalAlpha });
        },
        strokeRect(x: number, y: number, w: number, h: number) {
          ops[ops.length - 1].push({ op: 'stroke', x, y, w, h, style: ctx.strokeStyle, alpha: ctx.globalAlpha, lineWidth: ctx.lineWidth });
        },
      };
      ops.push([]);
      return ctx;
    })());
    return mine;
  };
  return { ops, restore: () => void (proto.getContext = original) };
}

/**
 * What the SVG's marks, then its band, in `html` paint, each in order, as the canvas would (the
 * band moved down by its translation). The canvas gets them interleaved (each rank's mark, then
 * its band): the two never overlap, so each one's own order is what the picture depends on.
 */
function svgOps(html: string, color: (v: string) => string): { marks: Op[]; band: Op[]; bandTop: number } {
  const host = document.createElement('div');
  host.innerHTML = html;
  const out: Op[][] = [];
  let bandTop = 0;
  for (const sel of ['.hc-marks', '.hc-threat-band']) {
    const ops: Op[] = [];
    out.push(ops);
    const g = host.querySelector(sel)!;
    const dy = Number(/translate\(0,([\d.]+)\)/.exec(g.getAttribute('transform') ?? '')?.[1] ?? 0);
    if (dy) bandTop = dy;
    for (const r of g.querySelectorAll('rect')) {
      const a = (n: string, d: number) => (r.hasAttribute(n) ? Number(r.getAttribute(n)) : d);
      const fill = r.getAttribute('fill');
      if (fill && fill !== 'none') ops.push({ op: 'fill', x: a('x', 0), y: a('y', 0) + dy, w: a('width', 0), h: a('height', 0), style: color(fill), alpha: a('fill-opacity', 1) });
      const stroke = r.getAttribute('stroke');
      if (stroke && stroke !== 'none') ops.push({ op: 'stroke', x: a('x', 0), y: a('y', 0) + dy, w: a('width', 0), h: a('height', 0), style: color(stroke), alpha: 1, lineWidth: a('stroke-width', 1) });
    }
  }
  return { marks: out[0], band: out[1], bandTop };
}

/** The canvas's ops split as svgOps: above the band's top, the marks; from it down, the band. */
function split(ops: Op[], bandTop: number): { marks: Op[]; band: Op[]; bandTop: number } {
  return { marks: ops.filter((o) => o.y < bandTop), band: ops.filter((o) => o.y >= bandTop), bandTop };
}

/**
 * The markup of `svg` as the drawing at rest would leave it: without the canvas layer, the marks
 * and the band shown, with the content a drawing afresh of the same view puts there (the SVG's
 * own marks wait, as they were, while the lever moves). The marks are taken from `fresh(v)` by
 * the caller's comparison: here they are emptied on both sides.
 */
function withoutLayer(svg: SVGSVGElement): string {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  copy.removeAttribute('style');
  copy.querySelector('foreignObject.hc-moving-marks')?.remove();
  for (const g of copy.querySelectorAll('.hc-marks, .hc-threat-band')) {
    g.removeAttribute('display');
    g.replaceChildren();
  }
  return copy.outerHTML;
}
/** A drawing afresh with its marks and band emptied (see withoutLayer). */
function freshFrame(v: LadderView): string {
  const host = document.createElement('div');
  host.innerHTML = fresh(v);
  for (const g of host.querySelectorAll('.hc-marks, .hc-threat-band')) g.replaceChildren();
  return host.innerHTML;
}

describe('the ladder while a lever moves (issue 12, under the hand)', () => {
  // The app's colors, as the page's style sheet gives them (jsdom resolves the chart's variables
  // from the svg's inline style).
  const APP: Record<string, string> = { '--hc-plea': '#0072b2', '--hc-tried': '#d55e00', '--hc-free': '#009e73', '--hc-fg': '#1a1a1a', '--hc-muted': '#5c5c5c', '--hc-grid': '#dcdcdc' };
  const themed = (svg: SVGSVGElement) => {
    for (const [k, v] of Object.entries(APP)) svg.style.setProperty(k, v);
    return svg;
  };
  const resolve = (v: string) => APP[/^var\((--[\w-]+)\)$/.exec(v)?.[1] ?? ''] ?? v;

  for (const [name, a, b] of [
    ['ranks (300 defendants)', () => view(300, 0.2), () => view(300, 0.6)],
    ['bins (Crespo’s city, 7,000)', () => view(7000, 0.1), () => view(7000, 0.5)],
    ['bins with a fund', () => view(7000, 0.3, 900), () => view(7000, 0.7, 900)],
  ] as const) {
    it(`${name}: a redraw in place paints on a canvas exactly the rectangles the SVG draws, and the drawing at rest is the drawing afresh`, () => {
      const rec = recordingContexts();
      try {
        const va = a();
        const vb = b();
        const svg = themed(svgEl());
        drawLadder(svg, va, SIZE);
        const firstMark = svg.querySelector('.hc-mark');
        const axis = svg.querySelector('.hc-axis');
        drawLadder(svg, vb, { ...SIZE, moving: true, pixelRatio: 2 });
        const fo = svg.querySelector('foreignObject.hc-moving-marks')!;
        expect(fo).not.toBeNull();
        expect(fo.getAttribute('aria-hidden')).toBe('true');
        const canvas = fo.querySelector('canvas')!;
        const w = Number(fo.getAttribute('width'));
        const h = Number(fo.getAttribute('height'));
        expect(canvas.width).toBe(Math.round(w * 2));
        expect(canvas.height).toBe(Math.round(h * 2));
        // The SVG's marks wait, hidden, as they were.
        expect(svg.querySelector('.hc-marks')!.getAttribute('display')).toBe('none');
        expect(svg.querySelector('.hc-threat-band')!.getAttribute('display')).toBe('none');
        expect(svg.querySelector('.hc-mark')).toBe(firstMark);
        // What the canvas got: the rectangles of b's drawing afresh, in order, colors resolved.
        const painted = rec.ops[rec.ops.length - 1];
        const expected = svgOps(fresh(vb), resolve);
        expect(expected.bandTop).toBeGreaterThan(0);
        expect(expected.marks.length).toBeGreaterThan(10);
        expect(painted).toHaveLength(expected.marks.length + expected.band.length);
        expect(split(painted, expected.bandTop)).toEqual(expected);
        // Everything else is b's drawing afresh; the frame (legend, axes) was kept, not rebuilt.
        expect(withoutLayer(svg)).toBe(freshFrame(vb));
        expect(svg.querySelector('.hc-axis')).toBe(axis);
        // Everything else is b's drawing afresh: the svg without the canvas, marks shown as b's.
        drawLadder(svg, va, { ...SIZE, moving: true, pixelRatio: 2 });
        const back = svgOps(fresh(va), resolve);
        expect(split(rec.ops[rec.ops.length - 1], back.bandTop)).toEqual(back);
        expect(withoutLayer(svg)).toBe(freshFrame(va));
        expect(svg.querySelectorAll('foreignObject')).toHaveLength(1);
        // At rest: the drawing afresh, on the same mark elements, the canvas gone.
        drawLadder(svg, vb, SIZE);
        svg.removeAttribute('style');
        expect(svg.outerHTML).toBe(fresh(vb));
        expect(svg.querySelector('.hc-mark')).toBe(firstMark);
        expect(svg.querySelector('foreignObject')).toBeNull();
      } finally {
        rec.restore();
      }
    });
  }

  it('a moving lever that changes the frame (the fund: its axis, its margin) redraws the frame, the marks still on the canvas, over the band and under the stop rule', () => {
    const rec = recordingContexts();
    try {
      const views = [view(7000, 0.3, 900), view(7000, 0.3, 1500), view(7000, 0.5, 1500), view(7000, 0.5, 0)];
      const svg = svgEl();
      drawLadder(svg, views[0], SIZE);
      for (const v of views.slice(1)) {
        drawLadder(svg, v, { ...SIZE, moving: true });
        expect(withoutLayer(svg)).toBe(freshFrame(v));
        const fo = svg.querySelector('foreignObject.hc-moving-marks')!;
        expect(fo.previousElementSibling?.getAttribute('class')).toBe('hc-threat-band');
        expect(svg.querySelectorAll('foreignObject')).toHaveLength(1);
      }
      drawLadder(svg, views[3], SIZE);
      expect(svg.outerHTML).toBe(fresh(views[3]));
    } finally {
      rec.restore();
    }
  });

  it('a first drawing, a figure for a file, the player’s frames and a page without a 2D canvas keep the SVG marks', () => {
    const v = view(7000, 0.4);
    const svg = svgEl();
    drawLadder(svg, v, { ...SIZE, moving: true });
    expect(svg.outerHTML).toBe(fresh(v));
    // jsdom has no 2D context: the redraw in place writes the SVG as at rest.
    drawLadder(svg, view(7000, 0.6), { ...SIZE, moving: true });
    expect(svg.outerHTML).toBe(fresh(view(7000, 0.6)));
    const rec = recordingContexts();
    try {
      drawLadder(svg, v, { ...SIZE, moving: true, figure: true });
      expect(svg.querySelector('foreignObject')).toBeNull();
      drawLadder(svg, v, { ...SIZE, moving: true, reveal: { upTo: 10, cursorLo: 5, cursorHi: 10 } });
      expect(svg.querySelector('foreignObject')).toBeNull();
      expect(rec.ops).toHaveLength(0);
    } finally {
      rec.restore();
    }
  });
});
