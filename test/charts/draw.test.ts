// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { drawLadder } from '../../src/charts/ladder/draw';
import { ladderFromRows, ladderView } from '../../src/charts/ladder/data';
import { drawSchelling, drawThreshold } from '../../src/charts/threshold/draw';
import { schellingData, thresholdData } from '../../src/charts/threshold/data';
import { drawSweep } from '../../src/charts/sweep/draw';
import { sweepView } from '../../src/charts/sweep/data';
import { drawPhase } from '../../src/charts/phase/draw';
import { phaseView } from '../../src/charts/phase/data';
import { drawDistribution } from '../../src/charts/distribution/draw';
import { distributionView } from '../../src/charts/distribution/data';
import { drawRegimes } from '../../src/charts/regimes/draw';
import { regimeView } from '../../src/charts/regimes/data';
import { svgToString } from '../../src/charts/common/export';
import { boxesOverlap, labelBox, textWidth } from '../../src/charts/common/svg';
import { E4_LOTTERY, E9_ROWS, E9_SCENARIO, REGIME_ROWS, SWEEP_A, SWEEP_B, SWEEP_RATIO_FALLS, SWEEP_RATIO_RISES, TAKE_SUMMARY, kind, phaseFixture, row } from './fixtures';

const SIZE = { width: 640, height: 400, id: 'snap' };

/**
 * Chart snapshots compare meaning, not float noise: every number with more than three decimals
 * (coordinates, path data, scale positions) is rounded to three before the snapshot.
 */
function normalizeSnapshot(markup: string): string {
  return markup.replace(/-?\d+\.\d{4,}(?:e-?\d+)?/g, (m) => String(Number(Number(m).toFixed(3))));
}

function svgEl(): SVGSVGElement {
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  document.body.appendChild(svg);
  return svg;
}

afterEach(() => {
  document.body.innerHTML = '';
});

function accessible(svg: SVGSVGElement): void {
  expect(svg.getAttribute('role')).toBe('img');
  const ids = (svg.getAttribute('aria-labelledby') ?? '').split(' ');
  expect(ids).toHaveLength(2);
  const title = svg.querySelector(`[id="${ids[0]}"]`);
  const desc = svg.querySelector(`[id="${ids[1]}"]`);
  expect(title?.tagName).toBe('title');
  expect(desc?.tagName).toBe('desc');
  expect(title?.textContent?.length).toBeGreaterThan(10);
  expect(desc?.textContent?.length).toBeGreaterThan(20);
  // Projector-readable: no font size below 13px anywhere.
  for (const m of svg.outerHTML.matchAll(/font-size(?:=|:)"?\s*(\d+(?:\.\d+)?)/g)) expect(Number(m[1])).toBeGreaterThanOrEqual(13);
}

describe('normalizeSnapshot', () => {
  it('rounds numbers with more than three decimals to three, and leaves the rest as written', () => {
    expect(normalizeSnapshot('<path d="M0.1234567,10L-3.99996,2.5"/><text>1.25 of 7</text>')).toBe(
      '<path d="M0.123,10L-4,2.5"/><text>1.25 of 7</text>',
    );
    expect(normalizeSnapshot('x="12.0004" y="0.00049"')).toBe('x="12" y="0"');
  });
});

describe('drawn SVGs (snapshots at a fixed width)', () => {
  it('ladder: marks per rank, budget and fund lines, the stop rank rule', () => {
    const svg = svgEl();
    const v = ladderView({ rows: ladderFromRows(E9_ROWS, E9_SCENARIO), budget: 2, fund: 10, stopRank: 3, regime: 'priority' });
    drawLadder(svg, v, SIZE);
    accessible(svg);
    expect(svg.querySelectorAll('.hc-mark')).toHaveLength(5);
    expect(svg.querySelectorAll('.hc-mark.hc-threatened')).toHaveLength(2);
    expect(svg.querySelector('.hc-stop-rank text')?.textContent).toBe('unraveling stops here (rank 3)');
    expect(svg.querySelector('.hc-fund-line')).not.toBeNull();
    // The resource axes' titles fit their panel: never squeezed (issue 10).
    expect(svg.querySelector('.hc-resources [textLength]')).toBeNull();
    expect(normalizeSnapshot(svg.outerHTML)).toMatchSnapshot();
  });

  it('ladder with 100,000 ranks draws at most 200 stacked bins', () => {
    const svg = svgEl();
    const v = ladderView({
      bins: Array.from({ length: 1000 }, (_, i) => ({ rankLo: i * 100 + 1, rankHi: i * 100 + 100, plea: i < 998 ? 100 : 0, tried: i >= 998 ? 100 : 0, free: 0, threatened: 100, budgetAfter: i < 998 ? 200 : (999 - i) * 100, fundAfter: 0 })),
      budget: 200,
      fund: 0,
      stopRank: null,
    });
    drawLadder(svg, v, SIZE);
    accessible(svg);
    expect(svg.querySelectorAll('.hc-mark').length).toBeLessThanOrEqual(400);
    expect(svg.querySelector('desc')?.textContent).toContain('99,800 plead, 200 are tried');
  });

  it('ladder: keyboard focus shows details; arrows move; Enter selects the defendant', () => {
    const svg = svgEl();
    const onSelect = vi.fn();
    const announce = vi.fn();
    drawLadder(svg, ladderView({ rows: ladderFromRows(E9_ROWS, E9_SCENARIO), budget: 2, fund: 10, stopRank: 3 }), { ...SIZE, onSelect, announce });
    const overlay = svg.querySelector<SVGRectElement>('.hc-overlay')!;
    expect(overlay.getAttribute('tabindex')).toBe('0');
    overlay.dispatchEvent(new FocusEvent('focus'));
    const tip = svg.querySelector<SVGGElement>('.hc-tooltip')!;
    expect(tip.style.display).toBe('');
    expect(tip.textContent).toContain('Rank 1: defendant 1');
    overlay.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight' }));
    overlay.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight' }));
    expect(tip.textContent).toContain('Rank 3: defendant 3');
    expect(announce).toHaveBeenLastCalledWith(expect.stringContaining('free; not threatened'));
    overlay.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter' }));
    expect(onSelect).toHaveBeenCalledWith(3);
    overlay.dispatchEvent(new KeyboardEvent('keydown', { key: 'End' }));
    overlay.dispatchEvent(new KeyboardEvent('keydown', { key: ' ' }));
    expect(onSelect).toHaveBeenLastCalledWith(5);
    overlay.dispatchEvent(new FocusEvent('blur'));
    expect(tip.style.display).toBe('none');
  });

  it('ladder: a click selects the defendant under the pointer', () => {
    const svg = svgEl();
    const onSelect = vi.fn();
    drawLadder(svg, ladderView({ rows: ladderFromRows(E9_ROWS, E9_SCENARIO), budget: 2, fund: 10, stopRank: 3 }), { ...SIZE, onSelect });
    const overlay = svg.querySelector<SVGRectElement>('.hc-overlay')!;
    // jsdom has no layout: d3.pointer falls back to clientX; the plot is 640 − 72 − 72 = 496 px wide, 5 ranks.
    overlay.dispatchEvent(new MouseEvent('click', { clientX: 496 * 0.5, clientY: 10 }));
    expect(onSelect).toHaveBeenCalledWith(3);
  });

  it('threshold diagram: E4 with equilibria, erosion point and critical mass', () => {
    const svg = svgEl();
    const onSelect = vi.fn();
    drawThreshold(svg, thresholdData(E4_LOTTERY, 10), { ...SIZE, onSelect });
    accessible(svg);
    expect(svg.querySelectorAll('.hc-equilibrium')).toHaveLength(2);
    expect(svg.textContent).toContain('equilibrium r = 10 (erosion point) ◆ selected');
    expect(svg.querySelector('.hc-critical-mass')?.textContent).toContain('Critical mass 1');
    expect(svg.querySelector('desc')?.textContent).toContain('G(r − 1) = r = G(r)');
    // The origin's 0 is written once, on the bottom axis: never "0 0" (issue 10).
    const zeros = [...svg.querySelectorAll('.hc-axis .tick text')].filter((t) => t.textContent === '0');
    expect(zeros).toHaveLength(1);
    const overlay = svg.querySelector<SVGRectElement>('.hc-overlay')!;
    overlay.dispatchEvent(new FocusEvent('focus'));
    overlay.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight' }));
    overlay.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter' }));
    expect(onSelect).toHaveBeenCalledWith({ threshold: 2, count: 4, ids: [2, 3, 4, 5] });
    expect(normalizeSnapshot(svg.outerHTML)).toMatchSnapshot();
  });

  it('Schelling diagram: E1 at s = 5/3', () => {
    const svg = svgEl();
    drawSchelling(svg, schellingData({ kind: kind(), offer: 5 / 3, k: 1, N: 3 }), SIZE);
    accessible(svg);
    expect(svg.textContent).toContain('threshold τ = 3');
    expect(normalizeSnapshot(svg.outerHTML)).toMatchSnapshot();
  });

  it('sweep: A and B compared, with a band and success rules', () => {
    const svg = svgEl();
    drawSweep(svg, sweepView('take', SWEEP_A, SWEEP_B), SIZE);
    accessible(svg);
    expect(svg.querySelectorAll('.hc-success-rule')).toHaveLength(2);
    expect(svg.querySelectorAll('.hc-band')).toHaveLength(1);
    expect(svg.textContent).toContain('strike succeeds from here (A): 3');
    // Both rules first, then both labels: no rule is drawn across the other's label.
    const labels = svg.querySelector('.hc-success-labels')!;
    expect([...labels.querySelectorAll('text')].map((t) => t.textContent)).toEqual(['strike succeeds from here (A): 3', 'strike succeeds from here (B): 4']);
    for (const rule of svg.querySelectorAll('.hc-success-rule')) expect(rule.compareDocumentPosition(labels) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(normalizeSnapshot(svg.outerHTML)).toMatchSnapshot();
  });

  it('sweep of take ÷ no-plea take: a no-plea line at ratio 1 (issue 10); none for other outcomes', () => {
    const svg = svgEl();
    drawSweep(svg, sweepView('takeRatio', SWEEP_A), SIZE);
    const line = svg.querySelector('.hc-noplea-line line');
    expect(line).not.toBeNull();
    expect(svg.textContent).toContain('take = trials alone');
    expect(svg.textContent).toContain('no-plea line (ratio 1)');
    const other = svgEl();
    drawSweep(other, sweepView('take', SWEEP_A), SIZE);
    expect(other.querySelector('.hc-noplea-line')).toBeNull();
  });

  it('the no-plea line’s label sits at the end the curve and the success rule leave free, above the curve', () => {
    const at = (r: typeof SWEEP_A) => {
      const svg = svgEl();
      drawSweep(svg, sweepView('takeRatio', r), SIZE);
      const t = svg.querySelector('.hc-noplea-line text')!;
      // Drawn after the series and the success rule (on top of them).
      expect(t.parentElement!.compareDocumentPosition(svg.querySelector('.hc-series')!) & Node.DOCUMENT_POSITION_PRECEDING).toBeTruthy();
      return [t.getAttribute('text-anchor'), t.getAttribute('x')];
    };
    expect(at(SWEEP_RATIO_FALLS)).toEqual(['start', '4']);
    expect(at(SWEEP_RATIO_RISES)[0]).toBe('end');
  });

  it('phase diagram: complete grid, and a progressive one with hatched cells', () => {
    const svg = svgEl();
    drawPhase(svg, phaseView(phaseFixture()), SIZE);
    accessible(svg);
    expect(svg.querySelector('.hc-boundary')).not.toBeNull();
    expect(svg.textContent).toContain('strike succeeds');
    // A finished grid has no placeholder in its legend (issue 10).
    expect(svg.textContent).not.toContain('not computed yet');
    expect(normalizeSnapshot(svg.outerHTML)).toMatchSnapshot();
    const svg2 = svgEl();
    drawPhase(svg2, phaseView(phaseFixture(true)), { ...SIZE, id: 'snap2' });
    expect(svg2.querySelectorAll('.hc-pending')).toHaveLength(8);
    expect(svg2.querySelector('.hc-pending')?.getAttribute('fill')).toBe('url(#snap2-hatch)');
    expect(svg2.textContent).toContain('not computed yet');
  });

  it('distribution: bars and labelled rules', () => {
    const svg = svgEl();
    drawDistribution(svg, distributionView(TAKE_SUMMARY, 'take'), SIZE);
    accessible(svg);
    expect(svg.querySelectorAll('.hc-bar')).toHaveLength(5);
    expect(svg.querySelectorAll('.hc-rule')).toHaveLength(4);
    expect(svg.textContent).toContain('median 12.5');
    expect(normalizeSnapshot(svg.outerHTML)).toMatchSnapshot();
  });

  it('regimes: take bars, the no-plea line, stacked outcomes', () => {
    const svg = svgEl();
    drawRegimes(svg, regimeView(REGIME_ROWS), SIZE);
    accessible(svg);
    expect(svg.querySelectorAll('.hc-take')).toHaveLength(4);
    expect(svg.querySelector('.hc-noplea-line')).not.toBeNull();
    expect(svg.querySelectorAll('.hc-stack')).toHaveLength(7); // zero segments are not drawn
    expect(normalizeSnapshot(svg.outerHTML)).toMatchSnapshot();
  });

  it('regimes: the axis titles clear the widest tick label; the no-plea label sits outside the plot', () => {
    const svg = svgEl();
    const v = regimeView(REGIME_ROWS);
    const big = { ...v, rows: v.rows.map((r) => ({ ...r, take: r.take * 1000 })), noPleaTake: (v.noPleaTake ?? 0) * 1000 };
    drawRegimes(svg, big, SIZE);
    for (const axis of svg.querySelectorAll('.hc-axis')) {
      const title = axis.querySelector('.hc-axis-label[transform]');
      if (!title) continue;
      const off = -Number(/translate\((-?[\d.]+),/.exec(title.getAttribute('transform') ?? '')![1]);
      const widest = Math.max(...[...axis.querySelectorAll('.tick text')].map((t) => textWidth(t.textContent ?? '', 13)));
      expect(off - 3).toBeGreaterThanOrEqual(9 + widest + 4);
    }
    const label = svg.querySelector('.hc-noplea-label')!;
    const line = svg.querySelector('.hc-noplea-line')!;
    expect(label.textContent).toBe('no plea5,000');
    expect(Number(label.getAttribute('x'))).toBeGreaterThan(Number(line.getAttribute('x2')));
  });

  it('schelling: the labels do not collide (a = 5 at the top, beside the threshold label)', () => {
    const svg = svgEl();
    drawSchelling(svg, schellingData({ kind: kind(), offer: 5 / 3, k: 1, N: 3 }), SIZE);
    const box = (sel: string) => {
      const t = svg.querySelector(sel)!;
      return labelBox(t.textContent ?? '', { x: Number(t.getAttribute('x')), y: Number(t.getAttribute('y')), anchor: t.getAttribute('text-anchor') as 'start' | 'end' | 'middle' });
    };
    expect(boxesOverlap(box('.hc-threshold-label'), box('.hc-plead-label'))).toBe(false);
  });

  it('redrawing replaces the previous drawing; the cleanup empties the svg', () => {
    const svg = svgEl();
    const v = ladderView({ rows: ladderFromRows([row({ id: 1, outcome: 'plea', threatened: true })], E9_SCENARIO), budget: 2, fund: 10, stopRank: null });
    drawLadder(svg, v, SIZE);
    const cleanup = drawLadder(svg, v, SIZE);
    expect(svg.querySelectorAll('title')).toHaveLength(1);
    cleanup();
    expect(svg.childNodes).toHaveLength(0);
  });
});

describe('export', () => {
  it('svgToString writes a standalone file: xmlns, title, concrete colors, no interaction layer', () => {
    const svg = svgEl();
    drawLadder(svg, ladderView({ rows: ladderFromRows(E9_ROWS, E9_SCENARIO), budget: 2, fund: 10, stopRank: 3 }), SIZE);
    const text = svgToString(svg);
    expect(text.startsWith('<?xml')).toBe(true);
    expect(text).toContain('xmlns="http://www.w3.org/2000/svg"');
    expect(text).toContain('<title id="snap-title">Unraveling ladder');
    expect(text).not.toContain('var(');
    expect(text).not.toContain('@media');
    expect(text).not.toContain('class="hc-overlay"');
    expect(text).not.toContain('class="hc-tooltip"');
    expect(text).toContain('#0072B2');
    // Parses as XML.
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    expect(doc.querySelector('parsererror')).toBeNull();
    // The live chart is untouched.
    expect(svg.outerHTML).toContain('var(--hc-plea)');
  });

  it('svgToString uses the page’s theme variables when set (dark mode)', () => {
    const svg = svgEl();
    drawSweep(svg, sweepView('take', SWEEP_A), SIZE);
    svg.style.setProperty('--plea', '#56B4E9');
    svg.style.setProperty('--bg', '#000000');
    const text = svgToString(svg);
    expect(text).toContain('#56B4E9');
    expect(text).toContain('fill:#000000');
  });
});

import fs from 'node:fs';
import { parseScenario } from '../../src/engine/scenario/parse';
import { solveScenario } from '../../src/engine/solve';

describe('the stop label says what happens after it (issue 10)', () => {
  const solved = (name: string) => {
    const r = parseScenario(JSON.parse(fs.readFileSync(`test/fixtures/examples/${name}.scenario.json`, 'utf8')));
    if (!r.ok) throw new Error(name);
    return { s: r.scenario, res: solveScenario(r.scenario, { rows: 'always' }) };
  };
  const label = (name: string) => {
    const { s, res } = solved(name);
    const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
    document.body.appendChild(svg);
    drawLadder(svg, ladderView({ rows: ladderFromRows(res.defendants!, s), budget: s.prosecutor.budget ?? 0, fund: 0, stopRank: res.totals.stopRank }), {
      width: 640,
      height: 400,
      id: name,
    });
    return svg.querySelector('.hc-stop-rank text')?.textContent;
  };
  it('E9 priority in arrival order: the unraveling stops at rank 3', () => {
    expect(label('E9_priority_arrival')).toBe('unraveling stops here (rank 3)');
  });
  it('E9 under the clock: threats resume after rank 2, so it is only the first rank not threatened', () => {
    expect(label('E9_forcedSpend_arrival')).toBe('first rank not threatened (2)');
  });
});
