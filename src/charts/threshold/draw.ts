// Draws the threshold diagram (G(m) against the diagonal m + 1, equilibria, erosion point,
// critical mass) and the Schelling diagram of one kind (cost of pleading vs refusing).
import * as d3 from 'd3';
import { FONT, STROKE, color } from '../common/theme';
import { fmt } from '../common/fields';
import {
  annotate,
  bottomAxis,
  initSvg,
  legend,
  navigator,
  safeId,
  sideAxis,
  textWidth,
  tooltip,
  placeLabel,
  type Box,
  type DrawOptions,
  type G as Grp,
  type LabelSpot,
  type LegendItem,
} from '../common/svg';
import { G, type Piece } from '../../engine';
import {
  describeSchelling,
  describeThreshold,
  schellingTitle,
  selectionForRun,
  thresholdTitle,
  type SchellingData,
  type ThresholdData,
  type ThresholdSelection,
} from './data';

export interface ThresholdDrawOptions extends DrawOptions {
  onSelect?: (sel: ThresholdSelection) => void;
  announce?: (text: string) => void;
}

/** Step path through the pieces: G(m) held from m to m + 1. */
function stepPoints(pieces: Piece[], N: number): [number, number][] {
  const pts: [number, number][] = [];
  for (const p of pieces) pts.push([p.from, p.g]);
  const last = pieces[pieces.length - 1];
  if (last) pts.push([Math.max(N, last.to), last.g]);
  return pts;
}

export function drawThreshold(node: SVGSVGElement, d: ThresholdData, opts: ThresholdDrawOptions): () => void {
  const id = safeId(opts.id, 'threshold');
  const { width, height } = opts;
  const N = d.curve.N;
  const svg = initSvg(node, { width, height, id, title: thresholdTitle(d), desc: describeThreshold(d), kind: 'threshold' });
  const margin = { top: 12, right: 24, bottom: 58, left: 72 };
  const innerW = Math.max(60, width - margin.left - margin.right);
  const items: LegendItem[] = [
    { label: 'G(m): would refuse', color: 'refuse', shape: 'line' },
    { label: 'diagonal m + 1', color: 'muted', shape: 'dashed' },
    { label: 'equilibrium', color: 'fg', shape: 'circle' },
  ];
  if (d.committed) items.push({ label: `with critical mass ${fmt(d.criticalMass)} committed`, color: 'free', shape: 'dashed', dash: '3 3' });
  const legendH = legend(svg.append('g') as unknown as Grp, items, margin.left, margin.top + 8, innerW);
  const cmText =
    d.criticalMass === 0
      ? 'Critical mass 0: refusals cascade on their own.'
      : `Critical mass ${fmt(d.criticalMass)}: commit ${fmt(d.criticalMass)} more (beyond those who refuse anyway) and refusals cascade to all.`;
  const cmShort = d.criticalMass === 0 ? 'Critical mass 0' : `Critical mass ${fmt(d.criticalMass)}: commit ${fmt(d.criticalMass)} and all refuse.`;
  svg.append('text').attr('class', 'hc-annotation hc-critical-mass').attr('x', margin.left).attr('y', margin.top + legendH + 10).attr('dy', '0.35em').text(textWidth(cmText, FONT.annotation) <= innerW ? cmText : cmShort);
  const top = margin.top + legendH + 32;
  const innerH = Math.max(100, height - top - margin.bottom);
  const root = svg.append('g').attr('transform', `translate(${margin.left},${top})`) as unknown as Grp;

  const x = d3.scaleLinear().domain([0, Math.max(1, N)]).range([0, innerW]);
  const y = d3.scaleLinear().domain([0, Math.max(1, N)]).range([innerH, 0]);
  const intFmt = d3.format(N > 9999 ? '~s' : 'd');
  bottomAxis(root, x, innerW, innerH, { label: 'm: others refusing (defendants)', format: intFmt, grid: true, tickValues: N <= 12 ? d3.range(0, N + 1) : undefined });
  // The origin's 0 is labelled once (on the bottom axis), so the two zeros never run together.
  const yFmt = (v: d3.NumberValue) => (+v === 0 ? '' : intFmt(v));
  sideAxis(root, y, innerW, innerH, { label: 'G(m): would refuse (defendants)', format: yFmt, grid: true, tickValues: N <= 12 ? d3.range(0, N + 1) : undefined });

  const clip = `${id}-clip`;
  svg.insert('defs', 'style').append('clipPath').attr('id', clip).append('rect').attr('width', innerW).attr('height', innerH + 2).attr('y', -2);
  const plot = root.append('g').attr('clip-path', `url(#${clip})`);
  // Diagonal y = m + 1.
  plot
    .append('line')
    .attr('class', 'hc-diagonal')
    .attr('x1', x(0))
    .attr('y1', y(1))
    .attr('x2', x(N))
    .attr('y2', y(N + 1))
    .attr('stroke', color('muted'))
    .attr('stroke-width', STROKE.line)
    .attr('stroke-dasharray', '8 5');
  const line = d3.line<[number, number]>().x((p) => x(p[0])).y((p) => y(p[1])).curve(d3.curveStepAfter);
  if (d.committed) {
    plot
      .append('path')
      .attr('class', 'hc-committed')
      .attr('fill', 'none')
      .attr('stroke', color('free'))
      .attr('stroke-width', STROKE.line)
      .attr('stroke-dasharray', '3 3')
      .attr('d', line(stepPoints(d.committed.pieces, N)));
  }
  plot
    .append('path')
    .attr('class', 'hc-curve')
    .attr('fill', 'none')
    .attr('stroke', color('refuse'))
    .attr('stroke-width', STROKE.thick)
    .attr('d', line(stepPoints(d.curve.pieces, N)));
  if (N <= 60) {
    plot
      .append('g')
      .attr('class', 'hc-curve-dots')
      .selectAll('circle')
      .data(d3.range(0, N + 1))
      .join('circle')
      .attr('cx', (m) => x(m))
      .attr('cy', (m) => y(G(d.curve, m)))
      .attr('r', 3.5)
      .attr('fill', color('refuse'));
  }

  // Equilibria on the diagonal at (r − 1, r).
  const eq = root.append('g').attr('class', 'hc-equilibria');
  for (const r of d.equilibria) {
    const ex = x(Math.max(0, r - 1));
    const ey = y(r);
    const sel = r === d.selected;
    eq.append('circle')
      .attr('class', `hc-equilibrium${sel ? ' hc-selected' : ''}`)
      .attr('cx', ex)
      .attr('cy', ey)
      .attr('r', sel ? 9 : 7)
      .attr('fill', sel ? color('fg') : color('bg'))
      .attr('stroke', color('fg'))
      .attr('stroke-width', STROKE.line);
  }
  // Annotations: equilibria, erosion point, critical mass.
  const notes = root.append('g').attr('class', 'hc-notes') as unknown as Grp;
  // Obstacles for the labels: the step curve (segments and jumps), the diagonal (sampled), the
  // equilibrium marks, and every label already placed.
  const obstacles: Box[] = [];
  const steps = stepPoints(d.curve.pieces, N);
  steps.forEach(([m, g], i) => {
    const next = steps[i + 1];
    if (!next) return;
    const [x0, x1, yy] = [x(m), x(next[0]), y(g)];
    obstacles.push({ x0, x1, y0: yy - 3, y1: yy + 3 });
    const y2 = y(next[1]);
    obstacles.push({ x0: x1 - 3, x1: x1 + 3, y0: Math.min(yy, y2), y1: Math.max(yy, y2) });
  });
  for (let i = 0; i <= 40; i++) {
    const m = (i / 40) * N;
    obstacles.push({ x0: x(m) - 3, x1: x(m) + 3, y0: y(m + 1) - 3, y1: y(m + 1) + 3 });
  }
  for (const r of d.equilibria) obstacles.push({ x0: x(Math.max(0, r - 1)) - 10, x1: x(Math.max(0, r - 1)) + 10, y0: y(r) - 10, y1: y(r) + 10 });
  const bounds: Box = { x0: -4, x1: innerW + 4, y0: 0, y1: innerH };
  const labelAt = (m: number, g: number, text: string, dy: number) => {
    const px = x(m);
    const py = y(g);
    const spots: LabelSpot[] = [];
    for (const oy of [dy, -dy, dy * 2, -dy * 2]) {
      const ly = Math.min(innerH - 4, Math.max(14, py + oy));
      spots.push({ x: px + 12, y: ly, anchor: 'start' }, { x: px - 12, y: ly, anchor: 'end' });
    }
    const { spot, box } = placeLabel(text, spots, obstacles, bounds);
    annotate(notes, spot.x, spot.y, text, spot.anchor);
    obstacles.push(box);
  };
  const eqText = (r: number) =>
    `equilibrium r = ${fmt(r)}${r === d.erosionPoint ? ' (erosion point)' : ''}${r === d.cascadePoint && r !== d.erosionPoint ? ' (cascade point)' : ''}${r === d.selected ? ' ◆ selected' : ''}`;
  d.equilibria.forEach((r) => labelAt(Math.max(0, r - 1), r, eqText(r), y(r) < innerH / 2 ? 24 : -14));
  if (!d.equilibria.includes(d.erosionPoint)) labelAt(Math.max(0, d.erosionPoint - 1), d.erosionPoint, `erosion point r* = ${fmt(d.erosionPoint)}`, 22);

  // Interaction: each threshold step (a run of equal τ).
  const tip = tooltip(svg.append('g').attr('transform', `translate(${margin.left},${top})`) as unknown as Grp, { width: innerW, height: innerH });
  const runs = d.curve.runs;
  const ts = runs.map((r) => r.threshold);
  navigator(root.append('g') as unknown as Grp, { width: innerW, height: innerH }, tip, {
    count: runs.length,
    label: `Threshold steps, ${runs.length} distinct thresholds. Arrow keys move; Enter selects the defendants of a step.`,
    indexAt: (px) => {
      if (!runs.length) return null;
      const m = x.invert(px);
      const i = d3.bisectRight(ts, m) - 1;
      return Math.max(0, Math.min(runs.length - 1, i));
    },
    locate: (i) => {
      const r = runs[i];
      const g = G(d.curve, r.threshold);
      return {
        x: x(r.threshold),
        y: y(g),
        lines: [
          `τ = ${fmt(r.threshold)}: ${fmt(r.count)} defendant${r.count === 1 ? '' : 's'}`,
          `refuse once ${fmt(r.threshold)} others refuse`,
          `G(${fmt(r.threshold)}) = ${fmt(g)} (diagonal ${fmt(r.threshold + 1)})`,
        ],
        box: { x: x(r.threshold) - 8, y: y(g) - 8, width: 16, height: Math.max(16, y(G(d.curve, r.threshold - 1)) - y(g) + 16) },
      };
    },
    onActivate: (i) => opts.onSelect?.(selectionForRun(d, i)),
    announce: opts.announce,
  });
  return () => {
    svg.selectAll('*').remove();
  };
}

export interface SchellingDrawOptions extends DrawOptions {
  announce?: (text: string) => void;
}

export function drawSchelling(node: SVGSVGElement, d: SchellingData, opts: SchellingDrawOptions): () => void {
  const id = safeId(opts.id, 'schelling');
  const { width, height } = opts;
  const svg = initSvg(node, { width, height, id, title: schellingTitle(d), desc: describeSchelling(d), kind: 'schelling' });
  const margin = { top: 12, right: 24, bottom: 58, left: 72 };
  const innerW = Math.max(60, width - margin.left - margin.right);
  const items: LegendItem[] = [
    { label: 'cost of pleading a = s + K + L', color: 'plea', shape: 'line' },
    { label: 'cost of refusing r(m)', color: 'refuse', shape: 'line' },
  ];
  const legendH = legend(svg.append('g') as unknown as Grp, items, margin.left, margin.top + 8, innerW);
  const top = margin.top + legendH + 12;
  const innerH = Math.max(100, height - top - margin.bottom);
  const root = svg.append('g').attr('transform', `translate(${margin.left},${top})`) as unknown as Grp;
  const maxM = d.points[d.points.length - 1]?.m ?? 1;
  const x = d3.scaleLinear().domain([0, Math.max(1, maxM)]).range([0, innerW]);
  const yMax = Math.max(d.plead, d3.max(d.points, (p) => p.refuse) ?? 0) * 1.1 || 1;
  const y = d3.scaleLinear().domain([0, yMax]).nice().range([innerH, 0]);
  bottomAxis(root, x, innerW, innerH, { label: 'm: others refusing (defendants)', grid: true, format: d3.format(maxM > 9999 ? '~s' : ',d'), tickValues: maxM <= 12 ? d3.range(0, maxM + 1) : undefined });
  sideAxis(root, y, innerW, innerH, { label: 'cost to him (years)', grid: true });

  root.append('line').attr('class', 'hc-plead').attr('x1', 0).attr('x2', innerW).attr('y1', y(d.plead)).attr('y2', y(d.plead)).attr('stroke', color('plea')).attr('stroke-width', STROKE.thick);
  // The refusal cost as a smooth curve in m, with points at whole numbers of refusers.
  const dense = d3.range(0, 241).map((i) => (i / 240) * maxM);
  const curve = d3.line<number>().x((m) => x(m)).y((m) => y(d.kind.d + Math.min(1, d.k / (m + 1)) * d.kind.eHat));
  root.append('path').attr('class', 'hc-refuse').attr('fill', 'none').attr('stroke', color('refuse')).attr('stroke-width', STROKE.line).attr('d', curve(dense));
  if (d.points.length <= 61) {
    root
      .append('g')
      .selectAll('circle')
      .data(d.points)
      .join('circle')
      .attr('cx', (p) => x(p.m))
      .attr('cy', (p) => y(p.refuse))
      .attr('r', 4.5)
      .attr('fill', (p) => (d.threshold !== null && p.m >= d.threshold ? color('refuse') : color('bg')))
      .attr('stroke', color('refuse'))
      .attr('stroke-width', 2);
  }
  const notes = root.append('g') as unknown as Grp;
  // Labels are placed clear of the marks and of each other: obstacles are the cost-of-pleading
  // line, the refusal curve (sampled), the threshold rule and the labels already placed.
  const ly = y(d.plead);
  const bounds: Box = { x0: 0, x1: innerW, y0: 0, y1: innerH };
  const obstacles: Box[] = [{ x0: 0, x1: innerW, y0: ly - 3, y1: ly + 3 }];
  for (let i = 0; i < dense.length; i += 4) {
    const m = dense[i];
    const px = x(m);
    const py = y(d.kind.d + Math.min(1, d.k / (m + 1)) * d.kind.eHat);
    obstacles.push({ x0: px - 3, x1: px + 3, y0: py - 3, y1: py + 3 });
  }
  if (d.crossing !== null && d.crossing <= maxM) {
    notes.append('circle').attr('cx', x(d.crossing)).attr('cy', ly).attr('r', 7).attr('fill', 'none').attr('stroke', color('fg')).attr('stroke-width', STROKE.line);
  }
  const tops = [16, 36, innerH - 8];
  if (d.threshold !== null && d.threshold <= maxM) {
    const tx = x(d.threshold);
    notes.append('line').attr('class', 'hc-threshold-rule').attr('x1', tx).attr('x2', tx).attr('y1', 0).attr('y2', innerH).attr('stroke', color('fg')).attr('stroke-width', STROKE.rule).attr('stroke-dasharray', '6 4');
    const text = `threshold τ = ${fmt(d.threshold)}: refuses from here`;
    const spots = tops.flatMap((ty): LabelSpot[] => [
      { x: tx + 8, y: ty, anchor: 'start' },
      { x: tx - 8, y: ty, anchor: 'end' },
    ]);
    const { spot, box } = placeLabel(text, spots, obstacles, bounds);
    annotate(notes, spot.x, spot.y, text, spot.anchor).classed('hc-threshold-label', true);
    obstacles.push(box, { x0: tx - 2, x1: tx + 2, y0: 0, y1: innerH });
  } else if (d.threshold === null) {
    const text = 'never refuses: pleading stays cheaper';
    const { spot, box } = placeLabel(text, tops.map((ty): LabelSpot => ({ x: innerW - 6, y: ty, anchor: 'end' })), obstacles, bounds);
    annotate(notes, spot.x, spot.y, text, spot.anchor);
    obstacles.push(box);
  }
  const aText = `a = ${fmt(d.plead)}`;
  const aSpots: LabelSpot[] = [
    { x: 6, y: ly - 8, anchor: 'start' },
    { x: innerW - 6, y: ly - 8, anchor: 'end' },
    { x: 6, y: ly + 20, anchor: 'start' },
    { x: innerW - 6, y: ly + 20, anchor: 'end' },
    { x: innerW / 2, y: ly - 8, anchor: 'middle' },
    { x: innerW / 2, y: ly + 20, anchor: 'middle' },
  ];
  const a = placeLabel(aText, aSpots, obstacles, bounds).spot;
  annotate(notes, a.x, a.y, aText, a.anchor).classed('hc-plead-label', true);

  const tip = tooltip(svg.append('g').attr('transform', `translate(${margin.left},${top})`) as unknown as Grp, { width: innerW, height: innerH });
  const ms = d.points.map((p) => p.m);
  navigator(root.append('g') as unknown as Grp, { width: innerW, height: innerH }, tip, {
    count: d.points.length,
    label: 'Costs by number of others refusing. Arrow keys move.',
    indexAt: (px) => {
      const m = x.invert(px);
      const i = d3.bisectCenter(ms, m);
      return i >= 0 && i < ms.length ? i : null;
    },
    locate: (i) => {
      const p = d.points[i];
      const refuses = d.threshold !== null && p.m >= d.threshold;
      return {
        x: x(p.m),
        y: y(p.refuse),
        lines: [`m = ${fmt(p.m)} others refusing`, `refusing costs ${fmt(p.refuse)} years`, `pleading costs ${fmt(d.plead)} years`, refuses ? 'he refuses' : 'he pleads'],
        box: { x: x(p.m) - 8, y: y(p.refuse) - 8, width: 16, height: 16 },
      };
    },
    announce: opts.announce,
  });
  return () => {
    svg.selectAll('*').remove();
  };
}
