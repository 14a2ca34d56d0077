// Draws the regime comparison: take per regime as bars with the no-plea take line (left), and
// a stacked plea/tried/free bar per regime (right).
import * as d3 from 'd3';
import { FONT, STROKE, color } from '../common/theme';
import { fmt } from '../common/fields';
import { MIN_AXIS_SPAN, annotate, bottomAxis, initSvg, integerTicks, legend, navigator, numberFormat, safeId, sideAxis, sideAxisWidth, sideTickLabels, textWidth, tooltip, wrapTicks, type DrawOptions, type G, type LegendItem } from '../common/svg';
import { describeRegimes, regimeLabel, regimesTitle, type RegimeView } from './data';

export function drawRegimes(node: SVGSVGElement, v: RegimeView, opts: DrawOptions & { announce?: (t: string) => void }): () => void {
  const id = safeId(opts.id, 'regimes');
  const { width, height } = opts;
  const svg = initSvg(node, { width, height, id, title: regimesTitle(), desc: describeRegimes(v), kind: 'regimes' });
  // Scales' domains first: the tick labels size the margins so no axis title touches them.
  const takeMax = Math.max(d3.max(v.rows, (r) => r.take) ?? 0, v.noPleaTake ?? 0, MIN_AXIS_SPAN);
  const yt = d3.scaleLinear().domain([0, takeMax]).nice();
  const yc = d3.scaleLinear().domain([0, Math.max(MIN_AXIS_SPAN, v.maxTotal)]).nice();
  const takeAxis = { label: "prosecutor's take (years)", grid: true, ticks: 5 };
  const countAxis = { label: 'defendants', grid: true, format: numberFormat(v.maxTotal), tickValues: integerTicks(yc, 5) };
  // The no-plea line is labelled at its right end, outside the plot, in the gap between panels.
  const refLines = v.noPleaTake !== null ? ['no plea', fmt(v.noPleaTake)] : [];
  const refW = refLines.length ? Math.ceil(Math.max(...refLines.map((t) => textWidth(t, FONT.annotation)))) + 8 : 0;
  const margin = { top: 12, right: 16, bottom: 66, left: Math.max(60, sideAxisWidth(sideTickLabels(yt, takeAxis))) };
  const innerW = Math.max(120, width - margin.left - margin.right);
  const items: LegendItem[] = [
    { label: 'take', color: 'accent', shape: 'rect' },
    { label: 'no-plea take', color: 'fg', shape: 'dashed' },
    { label: 'plea', color: 'plea', shape: 'rect' },
    { label: 'tried', color: 'tried', shape: 'rect' },
    { label: 'free', color: 'free', shape: 'rect' },
  ];
  const legendH = legend(svg.append('g') as unknown as G, items, margin.left, margin.top + 8, innerW);
  const top = margin.top + legendH + 20;
  const innerH = Math.max(80, height - top - margin.bottom);
  const gapW = refW + Math.max(40, sideAxisWidth(sideTickLabels(yc, countAxis))) + 8;
  const panelW = (innerW - gapW) / 2;
  const names = v.rows.map((r) => r.regime);
  const xb = d3.scaleBand<string>().domain(names).range([0, panelW]).padding(0.25);
  const tickFormat = (d: d3.NumberValue | string) => regimeLabel(String(d));

  const left = svg.append('g').attr('transform', `translate(${margin.left},${top})`) as unknown as G;
  yt.range([innerH, 0]);
  yc.range([innerH, 0]);
  sideAxis(left, yt, panelW, innerH, takeAxis);
  wrapTicks(bottomAxis(left, xb as unknown as d3.AxisScale<string>, panelW, innerH, { label: 'regime', format: tickFormat as (d: d3.NumberValue) => string }));
  left
    .append('g')
    .attr('class', 'hc-take-bars')
    .selectAll('rect')
    .data(v.rows)
    .join('rect')
    .attr('class', 'hc-take')
    .attr('x', (r) => xb(r.regime) ?? 0)
    .attr('width', xb.bandwidth())
    .attr('y', (r) => yt(Math.max(0, r.take)))
    .attr('height', (r) => yt(0) - yt(Math.max(0, r.take)))
    .attr('fill', color('accent'));
  if (v.noPleaTake !== null) {
    const ly = yt(v.noPleaTake);
    left.append('line').attr('class', 'hc-noplea-line').attr('x1', 0).attr('x2', panelW + 4).attr('y1', ly).attr('y2', ly).attr('stroke', color('fg')).attr('stroke-width', STROKE.rule + 0.5).attr('stroke-dasharray', '8 4');
    // Two lines centred on the line's end; kept within the plot's height.
    const y0 = Math.max(4, Math.min(innerH - 14, ly - 4));
    const ref = annotate(left, panelW + 8, y0, '', 'start').attr('class', 'hc-annotation hc-halo hc-noplea-label');
    refLines.forEach((t, i) => ref.append('tspan').attr('x', panelW + 8).attr('dy', i === 0 ? 0 : '1.15em').text(t));
  }
  left
    .append('g')
    .selectAll('text')
    .data(v.rows)
    .join('text')
    .attr('class', 'hc-bar-label hc-halo')
    .attr('x', (r) => (xb(r.regime) ?? 0) + xb.bandwidth() / 2)
    .attr('y', (r) => yt(Math.max(0, r.take)) - 6)
    .attr('text-anchor', 'middle')
    .text((r) => fmt(r.take));

  const right = svg.append('g').attr('transform', `translate(${margin.left + panelW + gapW},${top})`) as unknown as G;
  sideAxis(right, yc, panelW, innerH, countAxis);
  wrapTicks(bottomAxis(right, xb as unknown as d3.AxisScale<string>, panelW, innerH, { label: 'regime', format: tickFormat as (d: d3.NumberValue) => string }));
  right
    .append('g')
    .attr('class', 'hc-stacks')
    .selectAll('rect')
    .data(v.stacks.filter((s) => s.count > 0))
    .join('rect')
    .attr('class', (s) => `hc-stack hc-${s.key}`)
    .attr('x', (s) => xb(s.regime) ?? 0)
    .attr('width', xb.bandwidth())
    .attr('y', (s) => yc(s.y1))
    .attr('height', (s) => yc(s.y0) - yc(s.y1))
    .attr('fill', (s) => color(s.key))
    .attr('stroke', color('bg'))
    .attr('stroke-width', 1);

  const tip = tooltip(svg.append('g').attr('transform', `translate(${margin.left},${top})`) as unknown as G, { width: innerW, height: innerH });
  const nav = svg.append('g').attr('transform', `translate(${margin.left},${top})`) as unknown as G;
  navigator(nav, { width: innerW, height: innerH }, tip, {
    count: v.rows.length,
    label: `${v.rows.length} regimes. Arrow keys move.`,
    indexAt: (px) => {
      const inRight = px > panelW + gapW / 2;
      const local = inRight ? px - panelW - gapW : px;
      const step = xb.step();
      const i = Math.floor((local - xb(names[0])! + (step - xb.bandwidth()) / 2) / step);
      return i >= 0 && i < names.length ? i : null;
    },
    locate: (i) => {
      const r = v.rows[i];
      const bx = xb(r.regime) ?? 0;
      return {
        x: bx + xb.bandwidth() / 2,
        y: yt(Math.max(0, r.take)),
        lines: [
          regimeLabel(r.regime),
          `take ${fmt(r.take)} years${r.takeRatio !== null ? ` (${fmt(r.takeRatio)}× no plea)` : ''}`,
          `pleas ${fmt(r.pleas)}, tried ${fmt(r.trials)}, free ${fmt(r.free)}`,
        ],
        box: { x: bx - 3, y: -3, width: xb.bandwidth() + 6, height: innerH + 6 },
      };
    },
    announce: opts.announce,
  });
  return () => {
    svg.selectAll('*').remove();
  };
}
