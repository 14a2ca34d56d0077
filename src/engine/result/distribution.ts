// Distributions over runs (MODEL.md §5): mean, p5, p50, p95 (the ⌈p·n/100⌉-th smallest value,
// nulls skipped), nullCount, and a histogram: one bin per distinct value up to 50 of them
// (lo = hi = the value), else 50 equal-width bins over [min, max], each [lo, hi) but the last
// [lo, hi]; a value goes to bin ⌊(v − min)/width⌋ (snapped, §1), the maximum to the last bin.
import { snapFloor } from '../numeric';
import type { HistogramBin, Summary } from './types';

export const HISTOGRAM_BINS = 50;

export function percentile(sorted: ArrayLike<number>, p: number): number | null {
  const n = sorted.length;
  if (n === 0) return null;
  const rank = Math.max(1, Math.ceil((p * n) / 100));
  return sorted[Math.min(n, rank) - 1];
}

export function histogram(sorted: ArrayLike<number>): HistogramBin[] {
  const n = sorted.length;
  if (n === 0) return [];
  const distinct: number[] = [];
  const counts: number[] = [];
  for (let i = 0; i < n; i++) {
    const v = sorted[i];
    if (distinct.length > 0 && distinct[distinct.length - 1] === v) counts[counts.length - 1]++;
    else {
      distinct.push(v);
      counts.push(1);
      if (distinct.length > HISTOGRAM_BINS) break;
    }
  }
  if (distinct.length <= HISTOGRAM_BINS) {
    return distinct.map((v, i) => ({ lo: v, hi: v, count: counts[i] }));
  }
  const min = sorted[0];
  const max = sorted[n - 1];
  const width = (max - min) / HISTOGRAM_BINS;
  const bins: HistogramBin[] = [];
  for (let b = 0; b < HISTOGRAM_BINS; b++) {
    bins.push({
      lo: min + b * width,
      hi: b === HISTOGRAM_BINS - 1 ? max : min + (b + 1) * width,
      count: 0,
    });
  }
  for (let i = 0; i < n; i++) {
    const b = Math.min(HISTOGRAM_BINS - 1, Math.max(0, snapFloor((sorted[i] - min) / width)));
    bins[b].count++;
  }
  return bins;
}

/** summarizeColumn's sorting space when no histogram is asked for (see there). */
let sortScratch = new Float64Array(0);

/**
 * The summary of one quantity's runs kept column-wise (a sweep solves thousands of scenarios of
 * 32 runs each: no per-run objects). `values[from + j]` is run j's value, `nulls[from + j]` 1
 * where it is null; the same figures as {@link summarize} on the same values in run order.
 * Without `withHistogram` the histogram is left empty (sweeps and phase diagrams plot the mean
 * and the 5–95% band only).
 */
export function summarizeColumn(
  values: Float64Array,
  nulls: Uint8Array,
  from: number,
  n: number,
  withHistogram: boolean,
): Summary {
  let sum = 0;
  let m = 0;
  for (let j = from; j < from + n; j++) {
    if (nulls[j] === 1) continue;
    sum += values[j];
    m++;
  }
  // Without a histogram nothing keeps the sorted values past this call: they are sorted in a
  // scratch array kept for the next column (of the same length when no run is null), not in a
  // new one a column (eight a scenario, thousands of scenarios a phase diagram).
  let sorted: Float64Array;
  if (withHistogram) sorted = new Float64Array(m);
  else {
    if (sortScratch.length !== m) sortScratch = new Float64Array(m);
    sorted = sortScratch;
  }
  let at = 0;
  for (let j = from; j < from + n; j++) if (nulls[j] !== 1) sorted[at++] = values[j];
  sorted.sort();
  return {
    mean: m === 0 ? null : sum / m,
    p5: percentile(sorted, 5),
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    nullCount: n - m,
    histogram: withHistogram ? histogram(sorted) : [],
  };
}

export function summarize(values: readonly (number | null)[]): Summary {
  const cols = new Float64Array(values.length);
  const nulls = new Uint8Array(values.length);
  values.forEach((v, j) => {
    if (v === null) nulls[j] = 1;
    else cols[j] = v;
  });
  return summarizeColumn(cols, nulls, 0, values.length, true);
}
