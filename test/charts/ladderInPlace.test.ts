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
