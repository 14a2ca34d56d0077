// Draws the distribution of a total over runs: histogram bars with labelled p5/median/p95/mean rules.
import * as d3 from 'd3';
import { STROKE, color } from '../common/theme';
import { fmt, withUnit } from '../common/fields';
import { annotate, bottomAxis, initSvg, integerTicks, legend, navigator, numberFormat, safeId, sideAxis, textWidth, tooltip, type DrawOptions, type G, type LegendItem } from '../common/svg';
import { describeDistribution, distributionTitle, type DistRule, type DistView } from './data';

const RULE_STYLE: Record<DistRule['key'], { dash: string | null; color: 'fg' | 'accent' }> = {
  p5: { dash: '3 3', color: 'fg' },
  p50: { dash: null, color: 'fg' },
  p95: { dash: '3 3', color: 'fg' },
  mean: { dash: '9 4', color: 'accent' },
};

export function drawDistribution(node: SVGSVGElement, v: DistView, opts: DrawOptions & { announce?: (t: string) => void }): () => void {
  const id = safeId(opts.id, 'distribution');
  const { width, height } = opts;
  const svg = initSvg(node, { width, height, id, title: distributionTitle(v), desc: describeDistribution(v), kind: 'distribution' });
  const margin = { top: 12, right: 24, bottom: 58, left: 72 };
  const innerW = Math.max(60, width - margin.left - margin.right);
  const items: LegendItem[] = [
    { label: 'runs', color: 'plea', shape: 'rect' },
    { label: 'median', color: 'fg', shape: 'line' },
    { label: '5th / 95th percentile', color: 'fg', shape: 'dashed', dash: '3 3' },
    { label: 'mean', color: 'accent', shape: 'dashed', dash: '9 4' },
  ];
  const legendH = legend(svg.append('g') as unknown as G, items, margin.left, margin.top + 8, innerW);
  const labelRows = v.rules.length;
  const top = margin.top + legendH + 12 + labelRows * 18;
  const innerH = Math.max(80, height - top - margin.bottom);
  const root = svg.append('g').attr('transform', `translate(${margin.left},${top})`) as unknown as G;
  const lo = d3.min(v.bars, (b) => b.x0) ?? 0;
  const hi = d3.max(v.bars, (b) => b.x1) ?? 1;
  const x = d3.scaleLinear().domain(lo === hi ? [lo - 1, hi + 1] : [lo, hi]).nice().range([0, innerW]);
  const y = d3.scaleLinear().domain([0, d3.max(v.bars, (b) => b.count) ?? 1]).nice().range([innerH, 0]);
  bottomAxis(root, x, innerW, innerH, { label: withUnit(v.axis) });
  sideAxis(root, y, innerW, innerH, { label: 'runs', grid: true, format: numberFormat(v.runs), tickValues: integerTicks(y, 5) });
  root
    .append('g')
    .attr('class', 'hc-bars')
    .selectAll('rect')
    .data(v.bars)
    .join('rect')
    .attr('class', 'hc-bar')
    .attr('x', (b) => x(b.x0))
    .attr('width', (b) => Math.max(1, x(b.x1) - x(b.x0) - (b.single ? 0 : 1)))
    .attr('y', (b) => y(b.count))
    .attr('height', (b) => y(0) - y(b.count))
    .attr('fill', color('plea'));
  const rules = root.append('g').attr('class', 'hc-rules') as unknown as G;
  // The mean first (thick, dashed), so an equal median stays visible on top of it.
  const order = v.rules.map((r, i) => ({ r, i })).sort((a, b) => Number(b.r.key === 'mean') - Number(a.r.key === 'mean'));
  order.forEach(({ r, i }) => {
    const rx = x(r.value);
    const st = RULE_STYLE[r.key];
    const ly = -8 - (labelRows - 1 - i) * 18;
    rules.append('line').attr('class', `hc-rule hc-rule-${r.key}`).attr('x1', rx).attr('x2', rx).attr('y1', ly + 4).attr('y2', innerH).attr('stroke', color(st.color)).attr('stroke-width', r.key === 'mean' ? STROKE.thick : STROKE.rule + 0.5).attr('stroke-dasharray', st.dash);
    const right = rx + 6 + textWidth(r.label) <= innerW;
    annotate(rules, right ? rx + 6 : rx - 6, ly, r.label, right ? 'start' : 'end');
  });
  const tip = tooltip(svg.append('g').attr('transform', `translate(${margin.left},${top})`) as unknown as G, { width: innerW, height: innerH });
  const mids = v.bars.map((b) => (b.x0 + b.x1) / 2);
  navigator(root.append('g') as unknown as G, { width: innerW, height: innerH }, tip, {
    count: v.bars.length,
    label: `Histogram of ${v.bars.length} bins. Arrow keys move.`,
    indexAt: (px) => (mids.length ? d3.bisectCenter(mids, x.invert(px)) : null),
    locate: (i) => {
      const b = v.bars[i];
      const share = v.runs ? b.count / v.runs : 0;
      return {
        x: x(mids[i]),
        y: y(b.count),
        lines: [`${v.axis.label} ${b.single ? fmt(b.lo) : `${fmt(b.lo)} to ${fmt(b.hi)}`}`, `${fmt(b.count)} runs (${fmt(Math.round(share * 1000) / 10)}%)`],
        box: { x: x(b.x0) - 2, y: y(b.count) - 2, width: x(b.x1) - x(b.x0) + 4, height: y(0) - y(b.count) + 4 },
      };
    },
    announce: opts.announce,
  });
  return () => {
    svg.selectAll('*').remove();
  };
}
