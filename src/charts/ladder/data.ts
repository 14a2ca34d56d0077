// Unraveling ladder data (priority, forcedSpend): defendants in rank order with their outcome,
// whether they were threatened, and the prosecutor's budget and the strike fund's money left
// after each rank (MODEL.md §3–4). Pure: no DOM.
import type { DefendantRow, Outcome } from '../../engine';
import type { LadderBin } from '../../engine';
import type { KindInfo } from '../../engine';
import type { TableData } from '../common/table';
import { fmt } from '../common/fields';
import { rowLedger } from '../../engine';

/** What the ladder reads from a scenario (a validated Scenario fits). */
export interface LadderScenario {
  groups: readonly { trialCost: number; label?: string }[];
  prosecutor: { budget?: number };
  levers: { strikeFund: { fund: number; stipend: number; insurance: number } };
}

export interface LadderRow {
  rank: number;
  id: number;
  group: number;
  outcome: Outcome;
  threatened: boolean;
  withheld: boolean;
  pledged: boolean;
  never: boolean;
  covered: boolean;
  offer: number | null;
  /** Budget left when his turn came, and after it. */
  budgetBefore: number;
  budgetAfter: number;
  /** Fund money left before and after his turn. */
  fundBefore: number;
  fundAfter: number;
}

/**
 * Rows in rank order (rank null, as in noPlea, falls back to arrival order), with the budget and
 * fund the engine's ledger keeps (engine/result/rowLedger.ts).
 */
export function ladderFromRows(
  rows: readonly DefendantRow[],
  scenario: LadderScenario,
  kinds?: readonly KindInfo[],
): LadderRow[] {
  const costOf = new Map<number, number>();
  if (kinds) for (const k of kinds) costOf.set(k.group, k.c);
  const cost = (g: number) => costOf.get(g) ?? scenario.groups[g]?.trialCost ?? 1;
  return rowLedger(rows, scenario, cost).map(
    ({ row: r, rank, budgetBefore, budgetAfter, fundBefore, fundAfter }) => ({
      rank,
      id: r.id,
      group: r.group,
      outcome: r.outcome,
      threatened: r.threatened,
      withheld: r.withheld,
      pledged: r.pledged,
      never: r.never,
      covered: r.covered,
      offer: r.offer,
      budgetBefore,
      budgetAfter,
      fundBefore,
      fundAfter,
    }),
  );
}

/**
 * Aggregates rank-ordered rows into at most `maxBins` bins of equal width (the last may be
 * shorter). Counts are conserved; each bin's budget and fund are those after its last rank.
 */
export function binLadder(rows: readonly LadderRow[], maxBins: number): LadderBin[] {
  const n = rows.length;
  if (n === 0) return [];
  const width = Math.max(1, Math.ceil(n / Math.max(1, Math.floor(maxBins))));
  const bins: LadderBin[] = [];
  for (let lo = 0; lo < n; lo += width) {
    const hi = Math.min(n, lo + width);
    const bin: LadderBin = {
      rankLo: rows[lo].rank,
      rankHi: rows[hi - 1].rank,
      plea: 0,
      tried: 0,
      free: 0,
      threatened: 0,
      budgetAfter: rows[hi - 1].budgetAfter,
      fundAfter: rows[hi - 1].fundAfter,
    };
    for (let i = lo; i < hi; i++) {
      const o = rows[i].outcome;
      if (o === 'plea') bin.plea++;
      else if (o === 'tried') bin.tried++;
      else bin.free++;
      if (rows[i].threatened) bin.threatened++;
    }
    bins.push(bin);
  }
  return bins;
}

/** Merges consecutive engine bins so at most `maxBins` remain (counts summed, ends kept). */
export function rebin(bins: readonly LadderBin[], maxBins: number): LadderBin[] {
  if (bins.length <= maxBins) return [...bins];
  const per = Math.ceil(bins.length / maxBins);
  const out: LadderBin[] = [];
  for (let i = 0; i < bins.length; i += per) {
    const part = bins.slice(i, i + per);
    const last = part[part.length - 1];
    out.push({
      rankLo: part[0].rankLo,
      rankHi: last.rankHi,
      plea: part.reduce((s, b) => s + b.plea, 0),
      tried: part.reduce((s, b) => s + b.tried, 0),
      free: part.reduce((s, b) => s + b.free, 0),
      threatened: part.reduce((s, b) => s + b.threatened, 0),
      budgetAfter: last.budgetAfter,
      fundAfter: last.fundAfter,
    });
  }
  return out;
}

/** Above this many ranks the ladder draws stacked bins. */
export const MAX_RANKS = 400;

interface ViewCommon {
  /** Number of defendants. */
  n: number;
  budget: number;
  fund: number;
  stopRank: number | null;
  regime?: string;
}
export type LadderView =
  | (ViewCommon & { mode: 'ranks'; rows: LadderRow[] })
  | (ViewCommon & { mode: 'bins'; bins: LadderBin[] });

export interface LadderInput {
  /** Rank-ordered rows (ladderFromRows), or the engine's bins when rows are omitted. */
  rows?: readonly LadderRow[];
  bins?: readonly LadderBin[];
  budget: number;
  fund: number;
  stopRank: number | null;
  regime?: string;
}

/** Rows when they fit (≤ maxRanks), else stacked bins. */
export function ladderView(input: LadderInput, maxRanks = MAX_RANKS): LadderView {
  const common = {
    budget: input.budget,
    fund: input.fund,
    stopRank: input.stopRank,
    regime: input.regime,
  };
  if (input.rows && input.rows.length <= maxRanks) {
    return { ...common, mode: 'ranks', n: input.rows.length, rows: [...input.rows] };
  }
  const bins = input.rows
    ? binLadder(input.rows, Math.min(maxRanks, 200))
    : rebin(input.bins ?? [], Math.min(maxRanks, 200));
  const n = bins.length ? bins[bins.length - 1].rankHi - bins[0].rankLo + 1 : 0;
  return { ...common, mode: 'bins', n, bins };
}

export interface LadderTotals {
  plea: number;
  tried: number;
  free: number;
  threatened: number;
  budgetLeft: number;
  fundLeft: number;
}

export function ladderTotals(v: LadderView): LadderTotals {
  if (v.mode === 'ranks') {
    const t = { plea: 0, tried: 0, free: 0, threatened: 0, budgetLeft: v.budget, fundLeft: v.fund };
    for (const r of v.rows) {
      if (r.outcome === 'plea') t.plea++;
      else if (r.outcome === 'tried') t.tried++;
      else t.free++;
      if (r.threatened) t.threatened++;
    }
    if (v.rows.length) {
      t.budgetLeft = v.rows[v.rows.length - 1].budgetAfter;
      t.fundLeft = v.rows[v.rows.length - 1].fundAfter;
    }
    return t;
  }
  const t = { plea: 0, tried: 0, free: 0, threatened: 0, budgetLeft: v.budget, fundLeft: v.fund };
  for (const b of v.bins) {
    t.plea += b.plea;
    t.tried += b.tried;
    t.free += b.free;
    t.threatened += b.threatened;
  }
  if (v.bins.length) {
    t.budgetLeft = v.bins[v.bins.length - 1].budgetAfter;
    t.fundLeft = v.bins[v.bins.length - 1].fundAfter;
  }
  return t;
}

export function ladderTitle(v: LadderView): string {
  return `Unraveling ladder${v.regime ? ` (${v.regime})` : ''}: ${fmt(v.n)} defendants in the order the prosecutor targets them`;
}

export function describeLadder(v: LadderView): string {
  const t = ladderTotals(v);
  const parts = [
    `${fmt(t.plea)} plead, ${fmt(t.tried)} are tried and ${fmt(t.free)} go free; ${fmt(t.threatened)} of ${fmt(v.n)} were threatened with trial.`,
    `Trial budget ${fmt(v.budget)} trial units, ${fmt(v.budget - t.budgetLeft)} used, ${fmt(t.budgetLeft)} left.`,
  ];
  if (v.fund > 0)
    parts.push(
      `Strike fund ${fmt(v.fund)} years, ${fmt(v.fund - t.fundLeft)} paid, ${fmt(t.fundLeft)} left.`,
    );
  parts.push(
    v.stopRank === null
      ? 'Every defendant is threatened: the unraveling never stops.'
      : `The unraveling stops at rank ${fmt(v.stopRank)}: the first defendant the prosecutor can no longer threaten.`,
  );
  if (v.mode === 'bins') parts.push(`Ranks are grouped into ${v.bins.length} bins.`);
  return parts.join(' ');
}

export function ladderTable(v: LadderView): TableData {
  if (v.mode === 'ranks') {
    return {
      caption: 'Defendants in rank order',
      columns: [
        { key: 'rank', label: 'Rank', numeric: true },
        { key: 'id', label: 'Defendant', numeric: true },
        { key: 'group', label: 'Group', numeric: true },
        { key: 'outcome', label: 'Outcome' },
        { key: 'threatened', label: 'Threatened' },
        { key: 'offer', label: 'Offer (years)', numeric: true },
        { key: 'budgetAfter', label: 'Budget left (trial units)', numeric: true },
        { key: 'fundAfter', label: 'Fund left (years)', numeric: true },
      ],
      rows: v.rows.map((r) => ({
        rank: r.rank,
        id: r.id,
        group: r.group + 1,
        outcome: r.outcome,
        threatened: r.threatened,
        offer: r.offer,
        budgetAfter: r.budgetAfter,
        fundAfter: r.fundAfter,
      })),
    };
  }
  return {
    caption: 'Ranks grouped into bins',
    columns: [
      { key: 'ranks', label: 'Ranks' },
      { key: 'plea', label: 'Plea', numeric: true },
      { key: 'tried', label: 'Tried', numeric: true },
      { key: 'free', label: 'Free', numeric: true },
      { key: 'threatened', label: 'Threatened', numeric: true },
      { key: 'budgetAfter', label: 'Budget left (trial units)', numeric: true },
      { key: 'fundAfter', label: 'Fund left (years)', numeric: true },
    ],
    rows: v.bins.map((b) => ({
      ranks: `${fmt(b.rankLo)}–${fmt(b.rankHi)}`,
      plea: b.plea,
      tried: b.tried,
      free: b.free,
      threatened: b.threatened,
      budgetAfter: b.budgetAfter,
      fundAfter: b.fundAfter,
    })),
  };
}

/** Step-line points for the budget and fund panel: value available at each rank's turn. */
export interface ResourcePoint {
  /** Left edge of the rank (or bin) in rank units: rank − 0.5. */
  x: number;
  budget: number;
  fund: number;
}

export function resourceSteps(v: LadderView): ResourcePoint[] {
  const pts: ResourcePoint[] = [];
  if (v.mode === 'ranks') {
    for (const r of v.rows)
      pts.push({ x: r.rank - 0.5, budget: r.budgetBefore, fund: r.fundBefore });
    const last = v.rows[v.rows.length - 1];
    if (last) pts.push({ x: last.rank + 0.5, budget: last.budgetAfter, fund: last.fundAfter });
  } else {
    // Bins: the budget and fund at each bin's end, joined by straight lines.
    if (v.bins.length) pts.push({ x: v.bins[0].rankLo - 0.5, budget: v.budget, fund: v.fund });
    for (const bin of v.bins)
      pts.push({ x: bin.rankHi + 0.5, budget: bin.budgetAfter, fund: bin.fundAfter });
  }
  return pts;
}
