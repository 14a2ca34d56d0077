// Lever sweep data: one outcome of a SweepResult along the swept field (MODEL.md §5), with the
// 5–95% band over runs when the scenario is random, and where the strike starts to succeed.
import type { OutcomeKey, SweepPoint, SweepResult } from '../../engine';
import type { TableData } from '../common/table';
import { OUTCOME_LABELS, fieldLabel, fmt, withUnit, type AxisLabel } from '../common/fields';

export interface SweepRow {
  x: number;
  y: number | null;
  lo: number | null;
  hi: number | null;
}

export interface SweepSeries {
  label: string;
  rows: SweepRow[];
  successAt: number | null;
  random: boolean;
}

export interface SweepView {
  field: string;
  outcome: OutcomeKey;
  xAxis: AxisLabel;
  yAxis: AxisLabel;
  series: SweepSeries[];
}

/** Smallest swept x at which the strike succeeds (run 0's value, else the share of runs ≥ 0.5). */
export function successFrom(points: readonly SweepPoint[]): number | null {
  let best: number | null = null;
  for (const p of points) {
    const s = p.outcomes.strikeSucceeds;
    const v = s.value ?? s.mean;
    if (v !== null && v >= 0.5 && (best === null || p.x < best)) best = p.x;
  }
  return best;
}

/** Rows of one outcome: the run-0 value (or the mean over runs when random) and the 5–95% band. */
export function sweepSeries(result: SweepResult, outcome: OutcomeKey, label = 'A'): SweepSeries {
  const rows = [...result.points]
    .sort((a, b) => a.x - b.x)
    .map((p) => {
      const o = p.outcomes[outcome];
      const y = result.random ? (o.mean ?? o.value) : (o.value ?? o.mean);
      return { x: p.x, y, lo: result.random ? o.p5 : null, hi: result.random ? o.p95 : null };
    });
  return { label, rows, successAt: result.successAt !== undefined ? result.successAt : successFrom(result.points), random: result.random };
}

/** One sweep, or A and B compared (same field expected; the axis names A's). */
/**
 * The curves a sweep draws: A is the pinned scenario and B the current one when both have valid
 * points; otherwise the one curve that has them (the current scenario's, when neither has).
 */
export function sweepSides<T extends SweepResult>(current: T, pinned: T | null | undefined): { a: T; b: T | null } {
  const pinnedDrawn = !!pinned && pinned.points.length > 0;
  return {
    a: pinnedDrawn ? pinned : current,
    b: pinnedDrawn && current.points.length > 0 ? current : null,
  };
}

export function sweepView(outcome: OutcomeKey, a: SweepResult, b?: SweepResult | null): SweepView {
  const series = [sweepSeries(a, outcome, b ? 'A' : a.field)];
  if (b) series.push(sweepSeries(b, outcome, 'B'));
  return { field: a.field, outcome, xAxis: fieldLabel(a.field), yAxis: OUTCOME_LABELS[outcome], series };
}

export function sweepTitle(v: SweepView): string {
  const cmp = v.series.length > 1 ? ', scenarios A and B' : '';
  return `Lever sweep: ${v.yAxis.label} as ${v.xAxis.label} varies${cmp}`;
}

export function describeSweep(v: SweepView): string {
  const parts: string[] = [];
  for (const s of v.series) {
    const pts = s.rows.filter((r) => r.y !== null);
    const name = v.series.length > 1 ? `${s.label}: ` : '';
    if (!pts.length) {
      parts.push(`${name}no values.`);
      continue;
    }
    const first = pts[0];
    const last = pts[pts.length - 1];
    parts.push(
      `${name}${withUnit(v.yAxis)} goes from ${fmt(first.y)} at ${fmt(first.x)} to ${fmt(last.y)} at ${fmt(last.x)} ${v.xAxis.unit}`.trim() +
        '.' +
        (s.successAt === null ? ' The strike does not succeed in this range.' : ` The strike succeeds from ${fmt(s.successAt)}${v.xAxis.unit ? ` ${v.xAxis.unit}` : ''}.`) +
        (s.random ? ' The band is the 5–95% range over runs.' : ''),
    );
  }
  return parts.join(' ');
}

export function sweepTable(v: SweepView): TableData {
  const two = v.series.length > 1;
  const columns = [{ key: 'x', label: withUnit(v.xAxis), numeric: true }];
  for (const s of v.series) {
    const p = two ? `${s.label}: ` : '';
    columns.push({ key: `${s.label}-y`, label: `${p}${withUnit(v.yAxis)}`, numeric: true });
    if (s.random) {
      columns.push({ key: `${s.label}-lo`, label: `${p}5%`, numeric: true });
      columns.push({ key: `${s.label}-hi`, label: `${p}95%`, numeric: true });
    }
  }
  const xs = [...new Set(v.series.flatMap((s) => s.rows.map((r) => r.x)))].sort((a, b) => a - b);
  const rows = xs.map((x) => {
    const row: Record<string, number | null> = { x };
    for (const s of v.series) {
      const r = s.rows.find((q) => q.x === x);
      row[`${s.label}-y`] = r?.y ?? null;
      if (s.random) {
        row[`${s.label}-lo`] = r?.lo ?? null;
        row[`${s.label}-hi`] = r?.hi ?? null;
      }
    }
    return row;
  });
  return { caption: `${v.yAxis.label} by ${v.xAxis.label}`, columns, rows };
}
