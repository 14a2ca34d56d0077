// Threshold diagram data (lottery, MODEL.md §5): the curve G(m) = #{i : τ_i ≤ m} of how many
// would refuse when m others refuse, against the diagonal y = m + 1; an equilibrium of size r
// has G(r − 1) = r = G(r). And the Schelling view of one kind of defendant: his cost of pleading
// a = s + K + L against his cost of refusing r(m) = d + min(1, k/(m+1))·ê. Pure: no DOM.
import type { KindInfo } from '../../engine';
import type { LotteryResult } from '../../engine';
import { lessTol, positive } from '../../engine';
import type { TableData } from '../common/table';
import { fmt } from '../common/fields';

export interface ThresholdRun {
  threshold: number;
  count: number;
}

/** Thresholds per defendant, or compressed ({threshold, count}; null threshold = never refuses). */
export type ThresholdInput = readonly (number | null)[] | readonly { threshold: number | null; count: number }[];

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

function isCompressed(x: ThresholdInput): x is readonly { threshold: number | null; count: number }[] {
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
  const runs = [...counts.entries()].map(([threshold, count]) => ({ threshold, count })).sort((a, b) => a.threshold - b.threshold);
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
  const base = thresholdCurve([...kept, { threshold: null, count: curve.nullCount - nulls }], curve.N);
  const shifted = base.pieces.map((p) => ({ ...p, g: p.g + committed }));
  return { N: curve.N, runs: kept, nullCount: curve.nullCount - nulls, pieces: shifted };
}

export interface ThresholdData {
  curve: ThresholdCurve;
  k: number;
  equilibria: number[];
  selected: number;
  erosionPoint: number;
  cascadePoint: number;
  criticalMass: number;
  strikeProofOffer: number | null;
  /** G with the critical mass committed (null when it is 0 or N). */
  committed: ThresholdCurve | null;
  /** Defendant ids in threshold order, when the engine listed them. */
  rejecterOrder: readonly number[] | null;
}

/** Chart data from a lottery result (thresholds or a compressed form when they were omitted). */
export function thresholdData(lottery: LotteryResult, N: number, compressed?: ThresholdInput): ThresholdData {
  const input = lottery.thresholds ?? compressed ?? [];
  const curve = thresholdCurve(input, N);
  const cm = lottery.criticalMass;
  return {
    curve,
    k: lottery.k,
    equilibria: lottery.equilibria.map((e) => e.size).sort((a, b) => a - b),
    selected: lottery.selected,
    erosionPoint: lottery.erosionPoint,
    cascadePoint: lottery.cascadePoint,
    criticalMass: cm,
    strikeProofOffer: lottery.strikeProofOffer,
    committed: cm > 0 && cm < N ? committedCurve(curve, cm) : null,
    rejecterOrder: lottery.rejecterOrder ?? null,
  };
}

/** What a click on a threshold step selects. */
export interface ThresholdSelection {
  threshold: number;
  count: number;
  /** Ids of the defendants with this threshold (when the engine listed them). */
  ids: number[];
}

export function selectionForRun(d: ThresholdData, runIndex: number): ThresholdSelection {
  const run = d.curve.runs[runIndex];
  let before = 0;
  for (let i = 0; i < runIndex; i++) before += d.curve.runs[i].count;
  const ids = d.rejecterOrder ? d.rejecterOrder.slice(before, before + run.count) : [];
  return { threshold: run.threshold, count: run.count, ids: [...ids] };
}

export function thresholdTitle(d: ThresholdData): string {
  return `Threshold diagram: how many of ${fmt(d.curve.N)} defendants would refuse when m others refuse (lottery, ${fmt(d.k)} trials)`;
}

export function describeThreshold(d: ThresholdData): string {
  const eq = d.equilibria.map(fmt).join(', ');
  return [
    `The step curve G(m) counts the defendants who would refuse when m others refuse; the diagonal is m + 1.`,
    `A strike of r refusers holds where the curve meets the diagonal at m = r − 1 and stays at r at m = r: G(r − 1) = r = G(r).`,
    `Equilibrium sizes: ${eq || 'none'}${d.equilibria.length ? ` (the totals describe ${fmt(d.selected)})` : ''}.`,
    `Erosion point ${fmt(d.erosionPoint)}: a strike that starts with everyone shrinks to ${fmt(d.erosionPoint)} refusers.`,
    `Cascade point ${fmt(d.cascadePoint)}.`,
    `Critical mass ${fmt(d.criticalMass)}: committed defendants needed, beyond those who refuse anyway, for refusals to cascade to all.`,
    d.curve.nullCount ? `${fmt(d.curve.nullCount)} would not refuse even if all others did.` : '',
  ]
    .filter(Boolean)
    .join(' ');
}

export function thresholdTable(d: ThresholdData): TableData {
  let cum = 0;
  const rows = d.curve.runs.map((r) => {
    cum += r.count;
    return { threshold: r.threshold, count: r.count, g: cum };
  });
  if (d.curve.nullCount) rows.push({ threshold: null as unknown as number, count: d.curve.nullCount, g: cum });
  return {
    caption: 'Defendants by threshold τ (refuses once τ others refuse)',
    columns: [
      { key: 'threshold', label: 'Threshold τ (others refusing)', numeric: true },
      { key: 'count', label: 'Defendants', numeric: true },
      { key: 'g', label: 'G(τ): would refuse at τ', numeric: true },
    ],
    rows,
  };
}

// ---------------------------------------------------------------- Schelling view

export interface SchellingInput {
  kind: KindInfo;
  /** The offer s he faces. */
  offer: number;
  /** lottery.k: trials the budget allows. */
  k: number;
  /** Defendants in all. */
  N: number;
  /** Largest m to draw (default N). */
  maxM?: number;
}

export interface SchellingPoint {
  m: number;
  refuse: number;
}

export interface SchellingData {
  kind: KindInfo;
  offer: number;
  k: number;
  N: number;
  /** Cost of pleading a = s + K + L. */
  plead: number;
  /** r(m) at integer m = 0..maxM (sampled to ≤ 201 points above that). */
  points: SchellingPoint[];
  /** The real m* where r(m*) = a, when r starts above a and falls to it; else null. */
  crossing: number | null;
  /** τ as reported: least m ≥ 0 with r(m) < a (tolerance), capped at N; null if none; 0 if never or no offer. */
  threshold: number | null;
  reason: 'never' | 'noOffer' | 'crossing' | 'none';
}

/** His cost of refusing when m others refuse: d + min(1, k/(m+1))·ê. */
export function refusalCost(kind: KindInfo, k: number, m: number): number {
  return kind.d + Math.min(1, k / (m + 1)) * kind.eHat;
}

/** τ (MODEL.md §5) of one kind facing offer s, as the engine reports it. */
export function kindThreshold(kind: KindInfo, s: number, k: number, N: number): number | null {
  if (kind.never || !positive(s)) return 0;
  const a = s + kind.K + kind.L;
  const q = (m: number) => lessTol(refusalCost(kind, k, m), a);
  if (q(0)) return 0;
  // r(m) falls towards d: no m qualifies unless d < a.
  if (!lessTol(kind.d, a) || k <= 0 || kind.eHat <= 0) return null;
  const star = (k * kind.eHat) / (a - kind.d) - 1;
  let m = Math.max(0, Math.floor(star) - 2);
  if (!Number.isFinite(m)) return null;
  while (m > 0 && q(m - 1)) m--;
  for (let i = 0; i < 64 && !q(m); i++) m++;
  if (!q(m)) return null;
  return Math.min(m, N);
}

export function schellingData(input: SchellingInput): SchellingData {
  const { kind, offer, k, N } = input;
  const maxM = Math.max(1, input.maxM ?? N);
  const plead = offer + kind.K + kind.L;
  const step = maxM <= 200 ? 1 : maxM / 200;
  const points: SchellingPoint[] = [];
  for (let i = 0; ; i++) {
    const m = step === 1 ? i : Math.round(i * step);
    if (m > maxM) break;
    if (points.length && points[points.length - 1].m === m) continue;
    points.push({ m, refuse: refusalCost(kind, k, m) });
    if (m === maxM) break;
  }
  let crossing: number | null = null;
  const r0 = refusalCost(kind, k, 0);
  if (r0 >= plead && plead - kind.d > 0 && k > 0 && kind.eHat > 0) {
    const star = (k * kind.eHat) / (plead - kind.d) - 1;
    crossing = star >= Math.max(0, k - 1) ? star : Math.max(0, k - 1);
  }
  const threshold = kindThreshold(kind, offer, k, N);
  const reason = kind.never ? 'never' : !positive(offer) ? 'noOffer' : threshold === null ? 'none' : 'crossing';
  return { kind, offer, k, N, plead, points, crossing, threshold, reason };
}

export function schellingTitle(d: SchellingData): string {
  return `Schelling diagram: costs of pleading and of refusing for a defendant of group ${d.kind.group + 1} (${d.kind.sub}) as other refusers grow`;
}

export function describeSchelling(d: SchellingData): string {
  const parts = [
    `Pleading costs him a = s + K + L = ${fmt(d.offer)} + ${fmt(d.kind.K)} + ${fmt(d.kind.L)} = ${fmt(d.plead)} years whatever others do.`,
    `Refusing costs r(m) = d + min(1, k/(m+1))·ê = ${fmt(d.kind.d)} + min(1, ${fmt(d.k)}/(m+1))·${fmt(d.kind.eHat)} years when m others refuse: ${fmt(d.points[0]?.refuse)} alone.`,
  ];
  if (d.reason === 'never') parts.push('He never pleads: threshold 0.');
  else if (d.reason === 'noOffer') parts.push('He has no positive offer: threshold 0.');
  else if (d.threshold === null) parts.push('Refusing never becomes cheaper than pleading: he never refuses.');
  else {
    if (d.crossing !== null) parts.push(`The costs cross at m = ${fmt(d.crossing)} (ties accept).`);
    parts.push(`He refuses once ${fmt(d.threshold)} others refuse: threshold τ = ${fmt(d.threshold)}${d.threshold >= d.N ? ' (reported as N: he would not refuse even if everyone else did)' : ''}.`);
  }
  return parts.join(' ');
}

export function schellingTable(d: SchellingData): TableData {
  return {
    caption: 'Costs of pleading and refusing by the number of others refusing',
    columns: [
      { key: 'm', label: 'Others refusing m', numeric: true },
      { key: 'plead', label: 'Cost of pleading a (years)', numeric: true },
      { key: 'refuse', label: 'Cost of refusing r(m) (years)', numeric: true },
      { key: 'choice', label: 'He' },
    ],
    rows: d.points.map((p) => ({
      m: p.m,
      plead: d.plead,
      refuse: p.refuse,
      choice: d.threshold !== null && p.m >= d.threshold ? 'refuses' : 'pleads',
    })),
  };
}
