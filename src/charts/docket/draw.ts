// Draws the weekly docket: three panels sharing a week axis. Top: the defendants arriving each
// week, stacked by outcome (pleaded, tried, went free). Middle: the trial units used each week
// against the weekly capacity. Bottom: the backlog (units booked for later weeks). Rules mark the
// crash week and, after a one-time wave, the week the calendar recovers. No model arithmetic here.
import * as d3 from 'd3';
import { FONT, STROKE, color } from '../common/theme';
import { fmt } from '../common/fields';
import {
  annotate,
  bottomAxis,
  initSvg,
  integerTicks,
  legend,
  navigator,
  numberFormat,
  safeId,
  sideAxis,
  textWidth,
  tooltip,
  type DrawOptions,
  type G,
  type LegendItem,
} from '../common/svg';
import { columnLines, crashLabel, deadlineWeek, describeDocket, docketTitle, recoveryLabel, type DocketReveal, type DocketView } from './data';

export interface DocketDrawOptions extends DrawOptions {
  /** Called with the weeks of a column on click, Enter or Space (list its defendants). */
  onSelectWeeks?: (weekLo: number, weekHi: number) => void;
  announce?: (text: string) => void;
  /** The classroom's player: weeks after `upTo` are drawn as outlines, the frame's weeks boxed. */
  reveal?: DocketReveal | null;
}

const OUTCOMES = ['pleas', 'tried', 'free'] as const;
const OUTCOME_COLOR = { pleas: 'plea', tried: 'tried', free: 'free' } as const;

export function drawDocket(node: SVGSVGElement, v: DocketView, opts: DocketDrawOptions): () => void {
  const id = safeId(opts.id, 'docket');
  const { width, height } = opts;
  const reveal = opts.reveal ?? null;
  const shown = (week: number) => !reveal || week <= reveal.upTo;
  const svg = initSvg(node, { width, height, id, title: docketTitle(v), desc: describeDocket(v), kind: 'docket' });
  const margin = { top: 12, right: 24, bottom: 56, left: 84 };
  const innerW = Math.max(60, width - margin.left - margin.right);

  const items: LegendItem[] = [
    { label: 'pleaded', color: 'plea', shape: 'rect' },
    { label: 'tried', color: 'tried', shape: 'rect' },
    { label: 'went free', color: 'free', shape: 'rect' },
    { label: 'trial units used', color: 'muted', shape: 'rect' },
    { label: 'weekly capacity', color: 'fg', shape: 'dashed' },
    { label: 'backlog', color: 'accent', shape: 'line' },
  ];
  const legendH = legend(svg.append('g') as unknown as G, items, margin.left, margin.top + 8, innerW);
  // Room above the plot for the crash and recovery labels (one line each).
  const labelRows = (v.crashWeek !== null ? 1 : 0) + (v.recoveryWeek !== null ? 1 : 0);
  const top = margin.top + legendH + 12 + labelRows * 20;
  const innerH = Math.max(150, height - top - margin.bottom);
  const gap = 16;
  const arrH = Math.round((innerH - 2 * gap) * 0.46);
  const calH = Math.round((innerH - 2 * gap) * 0.3);
  const backH = innerH - 2 * gap - arrH - calH;

  const root = svg.append('g').attr('transform', `translate(${margin.left},${top})`) as unknown as G;
  const x = d3.scaleLinear().domain([0, Math.max(1, v.calendarWeeks)]).range([0, innerW]);
  const colPx = innerW / Math.max(1, v.columns.length);
  const pad = colPx >= 6 ? 1 : 0;
  const unit = v.binSize > 1 ? ` per ${fmt(v.binSize)} weeks` : ' per week';

  // --- the tail (weeks W..W−1+D): no arrivals, only finishing cases
  if (v.calendarWeeks > v.weeks) {
    root
      .append('rect')
      .attr('class', 'hc-docket-tail')
      .attr('x', x(v.weeks))
      .attr('width', x(v.calendarWeeks) - x(v.weeks))
      .attr('y', 0)
      .attr('height', innerH)
      .attr('fill', color('grid'))
      .attr('fill-opacity', 0.35);
  }

  // --- top: arrivals by outcome
  const arr = root.append('g').attr('class', 'hc-docket-arrivals') as unknown as G;
  const maxArr = d3.max(v.columns, (c) => c.arrivals) ?? 0;
  const ya = d3.scaleLinear().domain([0, Math.max(1, maxArr)]).nice().range([arrH, 0]);
  sideAxis(arr, ya, innerW, arrH, { label: `arrivals${unit}`, short: 'arrivals', grid: true, format: numberFormat(maxArr), tickValues: integerTicks(ya, 3) });
  const marks = arr.append('g').attr('class', 'hc-marks').attr('shape-rendering', colPx < 4 ? 'crispEdges' : null);
  for (const c of v.columns) {
    let acc = 0;
    const x0 = x(c.weekLo) + pad;
    const w = Math.max(0.5, x(c.weekHi + 1) - x(c.weekLo) - 2 * pad);
    if (!shown(c.weekLo)) {
      // Not reached yet: the week's arrivals as a faint outline, their outcomes still unknown.
      if (c.arrivals > 0)
        marks
          .append('rect')
          .attr('class', 'hc-mark hc-future')
          .attr('data-week', c.weekLo)
          .attr('x', x0)
          .attr('width', w)
          .attr('y', ya(c.arrivals))
          .attr('height', Math.max(0.5, ya(0) - ya(c.arrivals)))
          .attr('fill', color('grid'))
          .attr('fill-opacity', 0.35)
          // An outline in the axis colour, so the weeks to come read in the dark theme too.
          .attr('stroke', w >= 4 ? color('muted') : null)
          .attr('stroke-opacity', w >= 4 ? 0.55 : null)
          .attr('stroke-width', w >= 4 ? 1 : null);
      continue;
    }
    for (const k of OUTCOMES) {
      const n = c[k];
      if (n > 0) {
        marks
          .append('rect')
          .attr('class', `hc-mark hc-${OUTCOME_COLOR[k]}`)
          .attr('data-week', c.weekLo)
          .attr('x', x0)
          .attr('width', w)
          .attr('y', ya(acc + n))
          .attr('height', Math.max(0.5, ya(acc) - ya(acc + n)))
          .attr('fill', color(OUTCOME_COLOR[k]));
      }
      acc += n;
    }
  }
  if (v.calendarWeeks > v.weeks && x(v.calendarWeeks) - x(v.weeks) > textWidth('no arrivals', FONT.tick) + 8) {
    arr
      .append('text')
      .attr('class', 'hc-muted')
      .attr('x', (x(v.weeks) + x(v.calendarWeeks)) / 2)
      .attr('y', arrH / 2)
      .attr('text-anchor', 'middle')
      .attr('font-size', FONT.tick)
      .text('no arrivals');
  }

  // --- middle: units used vs capacity
  const cal = root.append('g').attr('class', 'hc-docket-calendar').attr('transform', `translate(0,${arrH + gap})`) as unknown as G;
  const maxCap = Math.max(1, d3.max(v.columns, (c) => Math.max(c.capacityUnits, c.unitsUsed)) ?? 1);
  const yc = d3.scaleLinear().domain([0, maxCap]).nice().range([calH, 0]);
  sideAxis(cal, yc, innerW, calH, { label: `units${unit}`, short: 'units', grid: true, format: numberFormat(maxCap), tickValues: integerTicks(yc, 2) });
  cal
    .append('g')
    .attr('class', 'hc-units')
    .selectAll('rect')
    .data(v.columns.filter((c) => shown(c.weekLo)))
    .join('rect')
    .attr('class', 'hc-units-used')
    .attr('x', (c) => x(c.weekLo) + pad)
    .attr('width', (c) => Math.max(0.5, x(c.weekHi + 1) - x(c.weekLo) - 2 * pad))
    .attr('y', (c) => yc(c.unitsUsed))
    .attr('height', (c) => yc(0) - yc(c.unitsUsed))
    .attr('fill', color('muted'));
  const capPts = v.columns.flatMap((c) => [
    { x: x(c.weekLo), y: yc(c.capacityUnits) },
    { x: x(c.weekHi + 1), y: yc(c.capacityUnits) },
  ]);
  cal
    .append('path')
    .attr('class', 'hc-capacity-line')
    .attr('fill', 'none')
    .attr('stroke', color('fg'))
    .attr('stroke-width', STROKE.line)
    .attr('stroke-dasharray', '7 4')
    .attr('d', d3.line<{ x: number; y: number }>().x((p) => p.x).y((p) => p.y)(capPts));

  // --- bottom: backlog
  const back = root.append('g').attr('class', 'hc-docket-backlog').attr('transform', `translate(0,${arrH + calH + 2 * gap})`) as unknown as G;
  const maxBack = d3.max(v.columns, (c) => c.backlog) ?? 0;
  const yb = d3.scaleLinear().domain([0, Math.max(1, maxBack)]).nice().range([backH, 0]);
  sideAxis(back, yb, innerW, backH, { label: 'backlog (units)', short: 'backlog', grid: true, format: numberFormat(maxBack), tickValues: integerTicks(yb, 2) });
  const backPts = v.columns.filter((c) => shown(c.weekLo)).map((c) => ({ x: x(c.weekHi + 1), y: yb(c.backlog) }));
  backPts.unshift({ x: x(0), y: yb(0) });
  back
    .append('path')
    .attr('class', 'hc-backlog-line')
    .attr('fill', color('accent'))
    .attr('fill-opacity', 0.2)
    .attr('stroke', color('accent'))
    .attr('stroke-width', STROKE.line)
    .attr('d', d3.area<{ x: number; y: number }>().x((p) => p.x).y0(yb(0)).y1((p) => p.y)(backPts));
  const span = v.calendarWeeks;
  bottomAxis(back, x, innerW, backH, {
    label: 'Week (0 = the first week of arrivals)',
    format: d3.format('d'),
    tickValues: span <= 24 ? d3.range(0, span + 1) : integerTicks(x as d3.ScaleLinear<number, number>, Math.max(2, Math.floor(innerW / 70))),
  });

  // --- crash and recovery rules
  let row = 0;
  const rule = (cls: string, week: number, long: string, short: string, dash: string, key: 'fg' | 'free') => {
    const rx = x(week);
    const ly = -8 - (labelRows - 1 - row) * 20;
    row++;
    const g = root.append('g').attr('class', cls) as unknown as G;
    const line = g.append('line').attr('x1', rx).attr('x2', rx).attr('y1', ly + 4).attr('y2', innerH).attr('stroke', color(key)).attr('stroke-width', STROKE.thick).attr('stroke-dasharray', dash);
    // The label sits right of the rule, else left of it, else wherever it fits in the chart;
    // a chart too narrow for it gets the short label.
    const lo = -margin.left + 4;
    const hi = innerW + margin.right - 4;
    const place = (t: string): { x: number; anchor: 'start' | 'end' } | null => {
      // Bold labels run wider than the estimate: keep a margin.
      const w = textWidth(t, FONT.annotation) * 1.12;
      if (rx + 6 + w <= hi) return { x: rx + 6, anchor: 'start' };
      if (rx - 6 - w >= lo) return { x: rx - 6, anchor: 'end' };
      if (w <= hi - lo) return { x: Math.max(lo, hi - w), anchor: 'start' };
      return null;
    };
    const spot = place(long);
    const at = spot ?? place(short) ?? { x: lo, anchor: 'start' as const };
    const text = spot ? long : short;
    const w = textWidth(text, FONT.annotation) * 1.12;
    const x0 = at.anchor === 'start' ? at.x : at.x - w;
    // A label that had to sit across its own rule: the rule starts under the last label row.
    if (x0 - 3 <= rx && rx <= x0 + w + 3) line.attr('y1', -4);
    // A rule from a row above passes through this row: a backing box keeps it off the words.
    if (row > 1) g.append('rect').attr('class', 'hc-bg').attr('x', x0 - 3).attr('y', ly - FONT.annotation).attr('width', w + 6).attr('height', FONT.annotation + 6);
    annotate(g, at.x, ly, text, at.anchor);
  };
  if (v.crashWeek !== null && shown(v.crashWeek)) rule('hc-crash-week', v.crashWeek, crashLabel(v.crashWeek), `week ${fmt(v.crashWeek)}: crash`, '8 5', 'fg');
  else if (v.crashWeek !== null) row++;
  if (v.recoveryWeek !== null && shown(v.recoveryWeek)) rule('hc-recovery-week', v.recoveryWeek, recoveryLabel(v.recoveryWeek), `week ${fmt(v.recoveryWeek)}: recovers`, '3 3', 'free');

  // --- the player's frame: its weeks boxed; for arrival weeks, the speedy-trial window of its
  // arrivals (weeks α..α + D) shaded on the calendar, with the deadline drawn as a rule.
  if (reveal) {
    const cx0 = x(reveal.cursorLo);
    const cx1 = x(reveal.cursorHi + 1);
    const g = root.append('g').attr('class', 'hc-docket-frame').attr('pointer-events', 'none');
    if (reveal.cursorLo < v.weeks) {
      const last = Math.min(deadlineWeek(Math.min(reveal.cursorHi, v.weeks - 1), v.deadline), v.calendarWeeks - 1);
      const dx = x(last + 1);
      g.append('rect')
        .attr('class', 'hc-deadline-window')
        .attr('x', cx0)
        .attr('y', arrH + gap)
        .attr('width', Math.max(1, dx - cx0))
        .attr('height', calH)
        .attr('fill', color('accent'))
        .attr('fill-opacity', 0.12);
      g.append('line')
        .attr('class', 'hc-deadline-line')
        .attr('x1', dx)
        .attr('x2', dx)
        .attr('y1', arrH + gap)
        .attr('y2', innerH)
        .attr('stroke', color('accent'))
        .attr('stroke-width', STROKE.thick)
        .attr('stroke-dasharray', '2 3');
      const long = `deadline: week ${fmt(last)}`;
      const short = `wk ${fmt(last)}`;
      const fitsRight = (t: string) => dx + 4 + textWidth(t, FONT.tick) <= innerW;
      const fitsLeft = (t: string) => dx - 4 - textWidth(t, FONT.tick) >= 0;
      const label = fitsRight(long) || fitsLeft(long) ? long : fitsRight(short) || fitsLeft(short) ? short : null;
      if (label) {
        const right = fitsRight(label);
        g.append('text')
          .attr('class', 'hc-deadline-label')
          .attr('x', right ? dx + 4 : dx - 4)
          .attr('y', arrH + gap + 2)
          .attr('dy', '0.8em')
          .attr('text-anchor', right ? 'start' : 'end')
          .attr('font-size', FONT.tick)
          .attr('fill', color('fg'))
          .text(label);
      }
    }
    g.append('rect')
      .attr('class', 'hc-cursor')
      .attr('x', cx0 - 1)
      .attr('y', -3)
      .attr('width', Math.max(3, cx1 - cx0 + 2))
      .attr('height', innerH + 3)
      .attr('fill', 'none')
      .attr('stroke', color('accent'))
      .attr('stroke-width', STROKE.line);
  }

  // --- interaction: one stop per column
  const tip = tooltip(svg.append('g').attr('transform', `translate(${margin.left},${top})`) as unknown as G, { width: innerW, height: innerH });
  const starts = v.columns.map((c) => c.weekLo);
  navigator(root.append('g') as unknown as G, { width: innerW, height: innerH }, tip, {
    count: v.columns.length,
    label: `The docket, ${v.columns.length} ${v.binSize > 1 ? `bins of ${v.binSize} weeks` : 'weeks'}. Arrow keys move; Enter lists the defendants arriving then.`,
    indexAt: (px) => {
      const i = d3.bisectRight(starts, x.invert(px)) - 1;
      return i >= 0 && i < v.columns.length ? i : null;
    },
    locate: (i) => {
      const c = v.columns[i];
      const x0 = x(c.weekLo);
      const x1 = x(c.weekHi + 1);
      return { x: (x0 + x1) / 2, y: ya(c.arrivals), lines: columnLines(v, c), box: { x: x0 - 1, y: -2, width: x1 - x0 + 2, height: innerH + 4 } };
    },
    onActivate: (i) => opts.onSelectWeeks?.(v.columns[i].weekLo, v.columns[i].weekHi),
    announce: opts.announce,
  });
  return () => {
    svg.selectAll('*').remove();
  };
}
