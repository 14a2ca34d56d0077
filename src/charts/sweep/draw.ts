// Draws a lever sweep: line with points, 5–95% band when random, and a rule where the strike
// starts to succeed; a second series (B) in another color, dash and point shape.
import * as d3 from 'd3';
import { FONT, STROKE, color, type ThemeKey } from '../common/theme';
import { fmt, withUnit } from '../common/fields';
import { MIN_AXIS_SPAN, annotate, bottomAxis, initSvg, legend, navigator, safeId, sideAxis, textWidth, tooltip, type DrawOptions, type G, type LegendItem } from '../common/svg';
import { describeSweep, sweepTitle, type SweepRow, type SweepView } from './data';

const STYLE: { color: ThemeKey; dash: string | null; shape: 'circle' | 'square' }[] = [
  { color: 'plea', dash: null, shape: 'circle' },
  { color: 'tried', dash: '9 5', shape: 'square' },
];

export function drawSweep(node: SVGSVGElement, v: SweepView, opts: DrawOptions & { announce?: (t: string) => void }): () => void {
  const id = safeId(opts.id, 'sweep');
  const { width, height } = opts;
  const svg = initSvg(node, { width, height, id, title: sweepTitle(v), desc: describeSweep(v), kind: 'sweep' });
  const margin = { top: 12, right: 24, bottom: 58, left: 76 };
  const innerW = Math.max(60, width - margin.left - margin.right);
  const two = v.series.length > 1;
  const items: LegendItem[] = [];
  v.series.forEach((s, i) => {
    items.push({ label: two ? `${s.label}` : v.yAxis.label, color: STYLE[i % 2].color, shape: STYLE[i % 2].dash ? 'dashed' : 'line', dash: STYLE[i % 2].dash ?? undefined });
    if (s.random) items.push({ label: `${two ? `${s.label}: ` : ''}5–95% of runs`, color: STYLE[i % 2].color, shape: 'band' });
  });
  if (v.series.some((s) => s.successAt !== null)) items.push({ label: 'strike succeeds from here', color: 'fg', shape: 'dashed' });
  // Take ÷ no-plea take: the line at 1 is where plea bargaining extracts no more than trials alone.
  const noPleaLine = v.outcome === 'takeRatio';
  if (noPleaLine) items.push({ label: 'no-plea line (ratio 1)', color: 'muted', shape: 'dashed', dash: '2 4' });
  const legendH = legend(svg.append('g') as unknown as G, items, margin.left, margin.top + 8, innerW);
  const top = margin.top + legendH + 12;
  const innerH = Math.max(100, height - top - margin.bottom);
  const root = svg.append('g').attr('transform', `translate(${margin.left},${top})`) as unknown as G;

  const all = v.series.flatMap((s) => s.rows);
  const xExt = d3.extent(all, (r) => r.x) as [number, number];
  const x = d3.scaleLinear().domain(xExt[0] === undefined ? [0, 1] : xExt[0] === xExt[1] ? [xExt[0] - 1, xExt[0] + 1] : xExt).range([0, innerW]);
  const ys = all.flatMap((r) => [r.y, r.lo, r.hi]).filter((q): q is number => q !== null && Number.isFinite(q));
  const yMin = Math.min(0, d3.min(ys) ?? 0);
  // The no-plea line (ratio 1) is always in view on a take ratio.
  const yMax = Math.max(yMin + MIN_AXIS_SPAN, d3.max(ys) ?? 1, noPleaLine ? 1.1 : -Infinity);
  const y = d3.scaleLinear().domain([yMin, yMax === yMin ? yMin + 1 : yMax]).nice().range([innerH, 0]);
  bottomAxis(root, x, innerW, innerH, { label: withUnit(v.xAxis), grid: true });
  sideAxis(root, y, innerW, innerH, { label: withUnit(v.yAxis), grid: true, labelOffset: 56 });

  let noPleaLabel: G | null = null;
  if (noPleaLine && y.domain()[1] >= 1) {
    const ny = y(1);
    const g = root.append('g').attr('class', 'hc-noplea-line') as unknown as G;
    g.append('line').attr('x1', 0).attr('x2', innerW).attr('y1', ny).attr('y2', ny).attr('stroke', color('muted')).attr('stroke-width', STROKE.rule).attr('stroke-dasharray', '2 4');
    const label = 'take = trials alone';
    const lw = textWidth(label, FONT.annotation) + 8;
    if (lw <= innerW) {
      // At the end of the line where fewer points and no success rule fall under it (the curves
      // usually meet the line on the right, where the strike succeeds); drawn over the curves.
      const box = (x0: number) => ({ x0, x1: x0 + lw, y0: ny - 6 - FONT.annotation - 4, y1: ny + 4 });
      const hits = (b: { x0: number; x1: number; y0: number; y1: number }) =>
        all.filter((r) => r.y !== null && Number.isFinite(r.y) && x(r.x) >= b.x0 - 4 && x(r.x) <= b.x1 + 4 && y(r.y) >= b.y0 && y(r.y) <= b.y1).length +
        v.series.filter((q) => q.successAt !== null && x(q.successAt) >= b.x0 - 4 && x(q.successAt) <= b.x1 + 4).length * 100;
      const left = hits(box(0)) < hits(box(innerW - lw));
      annotate(g, left ? 4 : innerW - 4, ny - 6, label, left ? 'start' : 'end');
      noPleaLabel = g;
    }
  }

  const defined = (r: SweepRow) => r.y !== null && Number.isFinite(r.y);
  v.series.forEach((s, i) => {
    const st = STYLE[i % 2];
    const g = root.append('g').attr('class', `hc-series hc-series-${i}`);
    if (s.random) {
      const area = d3
        .area<SweepRow>()
        .defined((r) => r.lo !== null && r.hi !== null)
        .x((r) => x(r.x))
        .y0((r) => y(r.lo as number))
        .y1((r) => y(r.hi as number));
      g.append('path').attr('class', 'hc-band').attr('fill', color(st.color)).attr('fill-opacity', 0.18).attr('d', area(s.rows));
    }
    g.append('path')
      .attr('class', 'hc-line')
      .attr('fill', 'none')
      .attr('stroke', color(st.color))
      .attr('stroke-width', STROKE.line)
      .attr('stroke-dasharray', st.dash)
      .attr('d', d3.line<SweepRow>().defined(defined).x((r) => x(r.x)).y((r) => y(r.y as number))(s.rows));
    const pts = s.rows.filter(defined);
    if (pts.length <= 80) {
      const sym = d3.symbol().type(st.shape === 'circle' ? d3.symbolCircle : d3.symbolSquare).size(st.shape === 'circle' ? 50 : 44);
      g.append('g')
        .selectAll('path')
        .data(pts)
        .join('path')
        .attr('transform', (r) => `translate(${x(r.x)},${y(r.y as number)})`)
        .attr('d', sym())
        .attr('fill', color(st.color))
        .attr('stroke', color('bg'))
        .attr('stroke-width', 1);
    }
  });
  // Success rules: every rule first, then every label, so no rule is drawn across another's
  // label (the labels' halo covers the rules under them).
  const rules: { sx: number; i: number; text: string }[] = [];
  v.series.forEach((s, i) => {
    if (s.successAt === null) return;
    const sx = x(s.successAt);
    if (sx < -0.5 || sx > innerW + 0.5) return;
    const g = root.append('g').attr('class', 'hc-success-rule') as unknown as G;
    g.append('line').attr('x1', sx).attr('x2', sx).attr('y1', 0).attr('y2', innerH).attr('stroke', two ? color(STYLE[i % 2].color) : color('fg')).attr('stroke-width', STROKE.thick).attr('stroke-dasharray', '8 5');
    rules.push({ sx, i, text: `strike succeeds from here${two ? ` (${s.label})` : ''}: ${fmt(s.successAt)}` });
  });
  const ruleLabels = root.append('g').attr('class', 'hc-success-labels') as unknown as G;
  for (const r of rules) {
    const right = r.sx + 8 + textWidth(r.text, FONT.annotation) <= innerW;
    annotate(ruleLabels, right ? r.sx + 8 : r.sx - 8, 16 + r.i * 20, r.text, right ? 'start' : 'end');
  }

  noPleaLabel?.raise();

  const xs = [...new Set(all.map((r) => r.x))].sort((a, b) => a - b);
  const tip = tooltip(svg.append('g').attr('transform', `translate(${margin.left},${top})`) as unknown as G, { width: innerW, height: innerH });
  navigator(root.append('g') as unknown as G, { width: innerW, height: innerH }, tip, {
    count: xs.length,
    label: `Sweep of ${xs.length} values. Arrow keys move.`,
    indexAt: (px) => (xs.length ? d3.bisectCenter(xs, x.invert(px)) : null),
    locate: (i) => {
      const xv = xs[i];
      const lines = [`${v.xAxis.label} = ${fmt(xv)}${v.xAxis.unit ? ` ${v.xAxis.unit}` : ''}`];
      let yy = innerH / 2;
      for (const s of v.series) {
        const r = s.rows.find((q) => q.x === xv);
        if (!r) continue;
        if (r.y !== null) yy = y(r.y);
        const band = s.random && r.lo !== null && r.hi !== null ? ` (5–95%: ${fmt(r.lo)}–${fmt(r.hi)})` : '';
        lines.push(`${two ? `${s.label}: ` : ''}${v.yAxis.label} ${fmt(r.y)}${band}`);
      }
      return { x: x(xv), y: yy, lines, box: { x: x(xv) - 8, y: yy - 8, width: 16, height: 16 } };
    },
    announce: opts.announce,
  });
  return () => {
    svg.selectAll('*').remove();
  };
}
