// The numbers behind one defendant's choice (MODEL.md §3–5), for the why panel: π, the offer she
// made and what she believed he would accept, the cost of pleading a = s + K + L against the cost
// of refusing r = d (+ δ·wait) + π·ê, the accept rule, the lottery threshold τ, and, for every
// part of his lever premium (named by the lever registry), what he would have done without it.
// The why panel (src/components/why/explain.ts) only words these numbers.
import { leqTol, positive, tieEq } from './numeric';
import { maxAcceptable } from './regimes/decision';
import { threshold as lotteryTau } from './regimes/lottery';
import {
  kindLeverCosts,
  leverParts,
  leversOf,
  type KindLeverCosts,
  type LeverPart,
  type LeverScenario,
} from './levers';
import type { KindInfo } from './population/kinds';
import type { DefendantRow, Result } from './result/types';
import { budgetLeftAt } from './result/budget';
import type { RegimeName, Scenario } from './scenario/schema';

export interface ExplainContext {
  regime: RegimeName;
  /** Lottery: trials the budget allows, k = floor(B/c). */
  k?: number;
  /** Lottery: rejecters in the equilibrium the totals describe. */
  R?: number;
  /** Priority, forcedSpend: budget left at his turn (adds the numbers to the threat line). */
  budgetLeft?: number;
  /** Docket: the speedy-trial deadline D in weeks. */
  deadline?: number;
}

/** The §1 tolerance: |a − b| ≤ 1e-9 · max(1, |a|, |b|). */
export const nearlyEqual = tieEq;

/** His choice at an offer: pleads iff not never, the offer is positive, and a ≤ r (ties accept). */
export interface Choice {
  plea: boolean;
  /** The offer (years). */
  s: number;
  /** Whether the offer is positive (above the §1 tolerance): an offer he could take. */
  offered: boolean;
  /** Cost of pleading a = s + K + L. */
  a: number;
  /** Cost of refusing r = d + π·ê. */
  r: number;
}

/** The accept rule (MODEL.md §3), with the offer null when there is none. */
export function accepts(never: boolean, s: number | null, a: number, r: number): boolean {
  if (never || s === null || !positive(s)) return false;
  return leqTol(a, r);
}

/** One part of his premium as the registry names it (without its counterfactual function). */
export type PremiumPart = Omit<LeverPart, 'without'>;

export interface Counterfactual {
  /** The part taken away (or, for `together`, the first of them). */
  parts: PremiumPart[];
  /** Not withheld: what he would have done without them (same π, offer re-tailored). */
  choice?: Choice;
  /** Withheld: what his plea would have been worth to her without them. */
  pleaValue?: number;
  /** Whether it changes the outcome: he would choose otherwise, or she would not withhold. */
  flips: boolean;
}

export interface DefendantNumbers {
  /** π: the probability he is tried if he refuses, as the regime sets it. */
  pi: number;
  /** π that tailored offers assume (lottery offers: min(1, k), as if he were the only rejecter). */
  piOffer: number;
  /** What she believed he would accept: the fixed offer, or d + π·ê_b − K − L_b (π = 1 if withheld). */
  believedP: number;
  /** Docket: his wait in weeks when the row tells it (tried: t − α; not threatened: D); else null. */
  wait: number | null;
  /** d + δ·wait (d outside the docket). */
  detention: number;
  /** With an offer he could take: the cost of pleading and of refusing; else null. */
  a: number | null;
  r: number | null;
  /** a and r tie under the tolerance (ties go to the plea). */
  tie: boolean;
  /** He pleaded although not threatened, because detention costs more than K + L. */
  timeServed: boolean;
  /** The parts of his premium the registry names, in registry order. */
  parts: PremiumPart[];
  /** Per part: what taking it away would have done. */
  counterfactuals: Counterfactual[];
  /** When no single part flips it: all of them taken away together (null otherwise or if it flips nothing). */
  together: Counterfactual | null;
}

/** π: the probability he is tried if he refuses, as the regime sets it. */
export function piOf(row: DefendantRow, ctx: ExplainContext): number {
  if (ctx.regime === 'lottery') {
    if (ctx.k !== undefined && ctx.R !== undefined) {
      const R = row.outcome === 'refuse' ? ctx.R : ctx.R + 1;
      return R > 0 ? Math.min(1, ctx.k / R) : 0;
    }
    return row.trialProbability ?? (row.threatened ? 1 : 0);
  }
  return row.threatened ? 1 : 0;
}

/** π that tailored offers are computed for: lottery offers assume he is the only rejecter. */
export function offerPi(pi: number, ctx: ExplainContext): number {
  if (ctx.regime === 'lottery' && ctx.k !== undefined) return Math.min(1, ctx.k);
  return pi;
}

/** Docket: his wait in weeks when the row tells it (tried: t − α; not threatened: D); else null. */
export function docketWait(row: DefendantRow, ctx: ExplainContext): number | null {
  if (ctx.regime !== 'docket') return null;
  if (row.outcome === 'tried' && row.trialWeek != null && row.arrivalWeek !== undefined)
    return row.trialWeek - row.arrivalWeek;
  if (!row.threatened && ctx.deadline !== undefined) return ctx.deadline;
  return null;
}

const partInfo = ({ without: _w, ...p }: LeverPart): PremiumPart => p;

/** His costs with the levers of scenario `s` (his kind's pledged and covered flags kept). */
function costsIn(s: LeverScenario, kind: KindInfo): KindLeverCosts {
  return kindLeverCosts(
    leversOf(s),
    s,
    s.groups[kind.group] ?? {},
    kind.pledged ? 1 : 0,
    kind.covered ? 1 : 0,
    kind.e,
  );
}

/** The numbers behind one defendant's outcome (the row and kind the pass gave him). */
export function defendantNumbers(
  row: DefendantRow,
  kind: KindInfo,
  scenario: Scenario,
  ctx: ExplainContext,
): DefendantNumbers {
  const pi = ctx.regime === 'noPlea' ? 0 : piOf(row, ctx);
  const piOff = offerPi(pi, ctx);
  const fixed = kind.fixedOffer;
  const believedP =
    fixed !== null
      ? fixed
      : row.withheld
        ? maxAcceptable(kind.d, 1, kind.eHatB, kind.K, kind.Lb)
        : maxAcceptable(kind.d, piOff, kind.eHatB, kind.K, kind.Lb);
  const wait = docketWait(row, ctx);
  const detention = kind.d + (wait !== null ? kind.delta * wait : 0);
  const s = row.offer;
  let a: number | null = null;
  let r: number | null = null;
  if (s !== null && !row.withheld) {
    a = s + kind.K + kind.L;
    r = detention + pi * kind.eHat;
  }
  const tie = a !== null && r !== null && tieEq(a, r);
  const timeServed =
    row.outcome === 'plea' && !kind.never && a !== null && pi === 0 && detention > kind.K + kind.L;

  const ls = scenario as unknown as LeverScenario;
  const levers = leversOf(scenario);
  const all = kind.never
    ? []
    : leverParts(
        levers,
        ls,
        ls.groups[kind.group] ?? {},
        kind.pledged ? 1 : 0,
        kind.covered ? 1 : 0,
        kind.e,
      );
  const parts = all.map(partInfo);
  const counterfactuals: Counterfactual[] = [];
  let together: Counterfactual | null = null;
  if (ctx.regime !== 'noPlea' && all.length > 0 && !(row.withheld && fixed !== null)) {
    const without = (ps: LeverPart[]): Counterfactual => {
      let s2 = ls;
      for (const p of ps) s2 = p.without(s2);
      const c = costsIn(s2, kind);
      const info = ps.map(partInfo);
      if (row.withheld) {
        const P = maxAcceptable(kind.d, 1, c.eHatB, kind.K, c.Lb);
        return { parts: info, pleaValue: P, flips: P > kind.w || tieEq(P, kind.w) };
      }
      const s3 = fixed !== null ? fixed : maxAcceptable(kind.d, piOff, c.eHatB, kind.K, c.Lb);
      const a3 = s3 + kind.K + c.L;
      const r3 = kind.d + pi * c.eHat;
      const offered = positive(s3);
      const choice: Choice = {
        plea: accepts(false, offered ? s3 : null, a3, r3),
        s: s3,
        offered,
        a: a3,
        r: r3,
      };
      return { parts: info, choice, flips: choice.plea !== (row.outcome === 'plea') };
    };
    for (const p of all) counterfactuals.push(without([p]));
    if (!row.withheld && !counterfactuals.some((c) => c.flips)) {
      const t = without(all);
      together = t.flips ? t : null;
    }
  }
  return {
    pi,
    piOffer: piOff,
    believedP,
    wait,
    detention,
    a,
    r,
    tie,
    timeServed,
    parts,
    counterfactuals,
    together,
  };
}

export interface LotteryThreshold {
  /** The least number of OTHER rejecters at which he refuses (uncapped), or null if none; 0 when he always refuses. */
  tau: number | null;
  /** Why 0: a never-pleader, or no positive offer; null otherwise. */
  always: 'never' | 'noOffer' | null;
  /** Cost of pleading a = s + K + L (NaN when `always`). */
  a: number;
  /** π and the cost of refusing with m other rejecters. */
  at: (m: number) => { pi: number; r: number };
}

/**
 * Lottery (MODEL.md §5): his threshold τ, the least m of other rejecters at which
 * d + min(1, k/(m+1))·ê < a under the tolerance — the pass's own rule (regimes/lottery.ts), here
 * not capped at N so the why panel can say how many he would need.
 */
export function lotteryThreshold(
  kind: KindInfo,
  offer: number | null,
  k: number,
): LotteryThreshold {
  const at = (m: number) => {
    const pi = Math.min(1, k / (m + 1));
    return { pi, r: kind.d + pi * kind.eHat };
  };
  if (kind.never) return { tau: 0, always: 'never', a: NaN, at };
  if (offer === null || !positive(offer)) return { tau: 0, always: 'noOffer', a: NaN, at };
  const a = offer + kind.K + kind.L;
  const t = lotteryTau(false, offer, kind.K, kind.L, kind.d, kind.eHat, k, 2 ** 52);
  return { tau: t < 0 || t >= 2 ** 52 ? null : t, always: null, a, at };
}

/** The kind a defendant belongs to: same group, same pledged / never-pleads / covered flags. */
export function kindOfRow(row: DefendantRow, kinds: readonly KindInfo[] | null): KindInfo | null {
  if (!kinds) return null;
  return (
    kinds.find(
      (k) =>
        k.group === row.group &&
        k.pledged === row.pledged &&
        k.never === row.never &&
        k.covered === row.covered,
    ) ?? null
  );
}

/**
 * What the regime tells about his turn: k and R under the lottery, the budget left at his turn
 * under priority and forcedSpend (from the rows, else as given), the deadline under the docket.
 */
export function explainContextOf(
  result: Pick<Result, 'regime' | 'lottery' | 'docket' | 'defendants'>,
  scenario: Pick<Scenario, 'prosecutor' | 'groups'>,
  row: DefendantRow,
  budgetLeftGiven?: number | null,
): ExplainContext {
  if (result.regime === 'lottery' && result.lottery) {
    return { regime: 'lottery', k: result.lottery.k, R: result.lottery.selected };
  }
  if (result.regime === 'priority' || result.regime === 'forcedSpend') {
    const left = result.defendants
      ? budgetLeftAt(result.defendants, scenario, row)
      : (budgetLeftGiven ?? null);
    return { regime: result.regime, budgetLeft: left ?? undefined };
  }
  if (result.docket) return { regime: result.regime, deadline: result.docket.deadline };
  return { regime: result.regime };
}

/** Everything the why panel needs about one defendant, as plain data (it crosses the worker). */
export interface DefendantExplanation {
  row: DefendantRow;
  kind: KindInfo;
  context: ExplainContext;
  numbers: DefendantNumbers;
  /** Lottery: his threshold τ (uncapped; null: never refuses) and the cost of pleading. */
  threshold: { tau: number | null; always: 'never' | 'noOffer' | null; a: number } | null;
  /** The number of defendants. */
  N: number;
}

/**
 * explain(scenario, id): the numbers behind defendant `id`'s choice (1-based, arrival order), from
 * a solved result with rows and the kinds of the same scenario; null when there is no such
 * defendant or no kind matches his row.
 */
export function explainFrom(
  scenario: Scenario,
  result: Result,
  kinds: readonly KindInfo[],
  id: number,
): DefendantExplanation | null {
  const row = result.defendants?.[id - 1];
  if (!row) return null;
  const kind = kindOfRow(row, kinds);
  if (!kind) return null;
  const context = explainContextOf(result, scenario, row);
  const numbers = defendantNumbers(row, kind, scenario, context);
  let threshold: DefendantExplanation['threshold'] = null;
  if (context.regime === 'lottery' && context.k !== undefined) {
    const t = lotteryThreshold(kind, row.offer, context.k);
    threshold = { tau: t.tau, always: t.always, a: t.a };
  }
  return { row, kind, context, numbers, threshold, N: result.totals.defendants };
}
