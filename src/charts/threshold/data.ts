// Threshold diagram data (lottery, MODEL.md §5): the curve G(m) = #{i : τ_i ≤ m} of how many
// would refuse when m others refuse, against the diagonal y = m + 1; an equilibrium of size r
// has G(r − 1) = r = G(r). And the Schelling view of one kind of defendant: his cost of pleading
// a = s + K + L against his cost of refusing r(m) = d + min(1, k/(m+1))·ê. Pure: no DOM.
import type { KindInfo } from '../../engine';
import type { LotteryResult } from '../../engine';
import { lotteryThreshold as lotteryThresholdOf } from '../../engine';
import type { TableData } from '../common/table';
import { fmt } from '../common/fields';
import {
  committedCurve,
  thresholdCurve,
  type ThresholdCurve,
  type ThresholdInput,
} from '../../engine';


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
export function thresholdData(
  lottery: LotteryResult,
  N: number,
  compressed?: ThresholdInput,
): ThresholdData {
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
  if (d.curve.nullCount)
    rows.push({ threshold: null as unknown as number, count: d.curve.nullCount, g: cum });
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

/** His cost of refusing when m others refuse: d + min(1, k/(m+1))·ê (the engine's). */
export function refusalCost(kind: KindInfo, k: number, m: number): number {
  return lotteryThresholdOf(kind, null, k).at(m).r;
}

/** τ (MODEL.md §5) of one kind facing offer s, as the engine reports it: capped at N, null if none. */
export function kindThreshold(kind: KindInfo, s: number, k: number, N: number): number | null {
  const t = lotteryThresholdOf(kind, s, k);
  return t.tau === null ? null : Math.min(t.tau, N);
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
  const t = lotteryThresholdOf(kind, offer, k);
  const threshold = t.tau === null ? null : Math.min(t.tau, N);
  const reason = t.always ?? (threshold === null ? 'none' : 'crossing');
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
  else if (d.threshold === null)
    parts.push('Refusing never becomes cheaper than pleading: he never refuses.');
  else {
    if (d.crossing !== null) parts.push(`The costs cross at m = ${fmt(d.crossing)} (ties accept).`);
    parts.push(
      `He refuses once ${fmt(d.threshold)} others refuse: threshold τ = ${fmt(d.threshold)}${d.threshold >= d.N ? ' (reported as N: he would not refuse even if everyone else did)' : ''}.`,
    );
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
