// Distribution of a total over runs (random rankings): the engine's histogram as bars, with the
// p5, median, p95 and mean rules. The percentiles are the engine's; this only lays them out.
import type { DistributionKey, Summary } from '../../engine';
import type { TableData } from '../common/table';
import { DISTRIBUTION_LABELS, fmt, withUnit, type AxisLabel } from '../common/fields';

export interface DistBar {
  lo: number;
  hi: number;
  /** Drawn extent: [lo, hi], or a band around a single distinct value. */
  x0: number;
  x1: number;
  count: number;
  single: boolean;
}

export interface DistRule {
  key: 'p5' | 'p50' | 'p95' | 'mean';
  label: string;
  value: number;
}

export interface DistView {
  key: DistributionKey;
  axis: AxisLabel;
  bars: DistBar[];
  rules: DistRule[];
  runs: number;
  nullCount: number;
}

export function distributionView(summary: Summary, key: DistributionKey): DistView {
  const singles = summary.histogram.filter((b) => b.lo === b.hi).map((b) => b.lo).sort((a, b) => a - b);
  let gap = Infinity;
  for (let i = 1; i < singles.length; i++) gap = Math.min(gap, singles[i] - singles[i - 1]);
  const ranged = summary.histogram.filter((b) => b.hi > b.lo);
  if (ranged.length) gap = Math.min(gap, ...ranged.map((b) => b.hi - b.lo));
  if (!Number.isFinite(gap) || gap <= 0) gap = singles.length ? Math.max(1, Math.abs(singles[0]) * 0.1) : 1;
  const half = (gap * 0.8) / 2;
  const bars = summary.histogram.map((b) => ({
    lo: b.lo,
    hi: b.hi,
    x0: b.lo === b.hi ? b.lo - half : b.lo,
    x1: b.lo === b.hi ? b.lo + half : b.hi,
    count: b.count,
    single: b.lo === b.hi,
  }));
  const rules: DistRule[] = [];
  const add = (k: DistRule['key'], label: string, v: number | null) => {
    if (v !== null && Number.isFinite(v)) rules.push({ key: k, label: `${label} ${fmt(v)}`, value: v });
  };
  add('p5', '5th percentile', summary.p5);
  add('p50', 'median', summary.p50);
  add('mean', 'mean', summary.mean);
  add('p95', '95th percentile', summary.p95);
  const runs = bars.reduce((s, b) => s + b.count, 0) + summary.nullCount;
  return { key, axis: DISTRIBUTION_LABELS[key], bars, rules, runs, nullCount: summary.nullCount };
}

export function distributionTitle(v: DistView): string {
  return `Distribution of ${v.axis.label} over ${fmt(v.runs)} runs`;
}

export function describeDistribution(v: DistView): string {
  const r = (k: DistRule['key']) => v.rules.find((q) => q.key === k)?.value ?? null;
  const parts = [
    `${withUnit(v.axis)} over ${fmt(v.runs)} random rankings, in ${v.bars.length} bins.`,
    `5th percentile ${fmt(r('p5'))}, median ${fmt(r('p50'))}, 95th percentile ${fmt(r('p95'))}, mean ${fmt(r('mean'))}.`,
  ];
  if (v.nullCount) parts.push(`${fmt(v.nullCount)} runs have no value (not shown).`);
  return parts.join(' ');
}

export function distributionTable(v: DistView): TableData {
  return {
    caption: `Runs by ${v.axis.label}`,
    columns: [
      { key: 'range', label: withUnit(v.axis) },
      { key: 'count', label: 'Runs', numeric: true },
    ],
    rows: v.bars.map((b) => ({ range: b.single ? fmt(b.lo) : `${fmt(b.lo)} to ${fmt(b.hi)}`, count: b.count })),
  };
}
