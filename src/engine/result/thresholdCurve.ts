// The lottery's threshold curve (MODEL.md §5): G(m) = #{i : τ_i ≤ m}, the number who would refuse
// when m others refuse; an equilibrium of size r has G(r − 1) = r = G(r); the erosion point
// r* = max{r : G(r − 1) ≥ r}; and G with c defendants committed. Computed from the thresholds'
// counts (exactly, for any N), for the threshold diagram and the tour; the chart only draws it.

export interface ThresholdRun {
  threshold: number;
  count: number;
}

/** Thresholds per defendant, or compressed ({threshold, count}; null threshold = never refuses). */
export type ThresholdInput =
  readonly (number | null)[] | readonly { threshold: number | null; count: number }[];

/** A piece of the step function: G(m) = g for every integer m in [from, to]. */
export interface Piece {
  from: number;
  to: number;
  g: number;
}

export interface ThresholdCurve {
  N: number;
  /** Distinct thresholds in increasing order with their counts. */
  runs: ThresholdRun[];
  /** Defendants with no threshold (would not refuse whatever others do). */
  nullCount: number;
  /** G over m = 0..N. */
  pieces: Piece[];
}

function isCompressed(
  x: ThresholdInput,
): x is readonly { threshold: number | null; count: number }[] {
  return x.length > 0 && typeof x[0] === 'object' && x[0] !== null;
}

/** The step function G(m) = #{i : τ_i ≤ m} for m = 0..N, computed exactly. */
export function thresholdCurve(input: ThresholdInput, n?: number): ThresholdCurve {
  const counts = new Map<number, number>();
  let nullCount = 0;
  let total = 0;
  if (isCompressed(input)) {
    for (const { threshold, count } of input) {
      total += count;
      if (threshold === null) nullCount += count;
      else counts.set(threshold, (counts.get(threshold) ?? 0) + count);
    }
  } else {
    for (const t of input as readonly (number | null)[]) {
      total++;
      if (t === null) nullCount++;
      else counts.set(t, (counts.get(t) ?? 0) + 1);
    }
  }
  const N = n ?? total;
  const runs = [...counts.entries()]
    .map(([threshold, count]) => ({ threshold, count }))
    .sort((a, b) => a.threshold - b.threshold);
  const pieces: Piece[] = [];
  let g = 0;
  let m = 0;
  for (const r of runs) {
    const t = Math.max(0, Math.min(N, r.threshold));
    if (t > m) {
      pieces.push({ from: m, to: t - 1, g });
      m = t;
    }
    g += r.count;
  }
  if (m <= N) pieces.push({ from: m, to: N, g });
  // Merge pieces of equal g (a run clamped onto another's threshold).
  const merged: Piece[] = [];
  for (const p of pieces) {
    const last = merged[merged.length - 1];
    if (last && last.g === p.g && last.to + 1 === p.from) last.to = p.to;
    else merged.push({ ...p });
  }
  return { N, runs, nullCount, pieces: merged };
}

/** G(m); 0 for m < 0. */
export function G(c: ThresholdCurve, m: number): number {
  if (m < 0) return 0;
  for (const p of c.pieces) if (m >= p.from && m <= p.to) return p.g;
  return c.pieces.length ? c.pieces[c.pieces.length - 1].g : 0;
}

/** Sizes r (0..N) with G(r − 1) = r = G(r). */
export function equilibriumSizes(c: ThresholdCurve): number[] {
  const out: number[] = [];
  for (const p of c.pieces) {
    const r = p.g;
    const lo = r === 0 ? 0 : r - 1; // G(−1) = 0
    if (r === 0 ? p.from === 0 : lo >= p.from && r <= p.to) out.push(r);
  }
  return out;
}

/** The erosion point r* = max{r : G(r − 1) ≥ r} (0 when none is positive). */
export function erosionPoint(c: ThresholdCurve): number {
  let best = 0;
  for (const p of c.pieces) {
    const r = Math.min(p.to + 1, p.g);
    if (r >= p.from + 1) best = Math.max(best, r);
  }
  return best;
}

/** G with c defendants committed (the highest thresholds, never-refusers first): G_c(m) = c + #{remaining τ ≤ m}. */
export function committedCurve(curve: ThresholdCurve, committed: number): ThresholdCurve {
  let left = committed;
  const nulls = Math.min(curve.nullCount, left);
  left -= nulls;
  const runs = curve.runs.map((r) => ({ ...r }));
  for (let i = runs.length - 1; i >= 0 && left > 0; i--) {
    const take = Math.min(runs[i].count, left);
    runs[i].count -= take;
    left -= take;
  }
  const kept = runs.filter((r) => r.count > 0);
  const base = thresholdCurve(
    [...kept, { threshold: null, count: curve.nullCount - nulls }],
    curve.N,
  );
  const shifted = base.pieces.map((p) => ({ ...p, g: p.g + committed }));
  return { N: curve.N, runs: kept, nullCount: curve.nullCount - nulls, pieces: shifted };
}
