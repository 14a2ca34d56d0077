// Side payments (MODEL.md §3): a fund Φ that must be solvent in the worst case. Every covered
// defendant refuses (T each) and as many of them are tried as the regime could ever try (I each),
// so with M that bound the fund covers the largest n ≤ #pledged with n·T + min(n, M)·I ≤ Φ: the
// first `covered` pledged defendants in arrival order (docket order under the docket). It pays T
// to a covered defendant who does not plead and I, in full, to one who is tried.
// This file is the only place the rule lives; every regime reads `coveredCount` and
// `fundTrialBound` through the population (population/kinds.ts).
import { intDiv, snapFloor } from '../numeric';
import { money } from '../scenario/fieldMeta';
import { anyPledged, defineLever, draftNumber, withLeverField, type LeverPart } from './meta';

export type FundRegime = 'noPlea' | 'lottery' | 'priority' | 'forcedSpend' | 'docket';

export interface FundBoundInput {
  regime: FundRegime;
  /** B (unused under the docket). */
  budget: number;
  /** The smallest trial cost among pledged defendants (Infinity when nobody pledged). */
  pledgedMinCost: number;
  /** The lottery's common trial cost c (k = floor(B/c)); null when costs differ. */
  equalCost: number | null;
  /** W, D and κ under the docket. */
  docket?: { weeks: number; deadline: number; capacity: number };
}

/**
 * M, the most trials of covered defendants the regime can ever hold: floor(B/c_min) under noPlea,
 * priority and forcedSpend; k = floor(B/c) under the lottery; (W + D)·floor(κ/c_min) under the
 * docket. c_min is over pledged defendants; with none pledged nobody is covered and M is 0.
 */
export function fundTrialBound(x: FundBoundInput): number {
  if (x.regime === 'lottery') {
    return x.equalCost === null ? 0 : intDiv(x.budget, x.equalCost);
  }
  if (!Number.isFinite(x.pledgedMinCost)) return 0;
  if (x.regime === 'docket') {
    const d = x.docket!;
    return (d.weeks + d.deadline) * intDiv(d.capacity, x.pledgedMinCost);
  }
  return intDiv(x.budget, x.pledgedMinCost);
}

/**
 * How many pledged defendants the fund covers (MODEL.md §3's closed form, each floor snapped):
 * with n₁ = floor(Φ/(T + I)), min(#pledged, n₁) if n₁ < M; otherwise #pledged if T = 0, else
 * min(#pledged, floor((Φ − M·I)/T)); none when Φ = 0 or T + I = 0.
 */
export function coveredCount(
  pledgedTotal: number,
  fund: number,
  stipend: number,
  insurance: number,
  maxTrials: number,
): number {
  const each = stipend + insurance;
  if (!(each > 0) || !(fund > 0) || pledgedTotal <= 0) return 0;
  const n1 = snapFloor(fund / each);
  if (n1 < maxTrials) return Math.min(pledgedTotal, n1);
  if (stipend === 0) return pledgedTotal;
  return Math.max(0, Math.min(pledgedTotal, snapFloor((fund - maxTrials * insurance) / stipend)));
}

/** The worst case the fund must meet with n covered: n·T + min(n, M)·I. */
export function worstCasePayout(
  n: number,
  stipend: number,
  insurance: number,
  maxTrials: number,
): number {
  return n * stipend + Math.min(n, maxTrials) * insurance;
}

/**
 * What the fund pays (MODEL §3): the stipend T to each covered defendant who does not plead, and
 * the insurance I, in full, to each covered defendant who is tried. Every pass counts its covered
 * tried and covered untried non-pleaders and asks this.
 */
export function fundPayout(
  coveredTried: number,
  coveredFree: number,
  stipend: number,
  insurance: number,
): number {
  return coveredTried * (stipend + insurance) + coveredFree * stipend;
}

/** The stipend part of the premium: T·covered. */
export function stipendPremium(stipend: number, covered: 0 | 1): number {
  return stipend * covered;
}

/** ê = max(0, e − I·covered). */
export function insuredTrialCost(e: number, insurance: number, covered: 0 | 1): number {
  return Math.max(0, e - insurance * covered);
}

export const strikeFundLever = defineLever({
  id: 'strikeFund',
  label: 'Strike fund (side payments)',
  help: 'Covers pledgers in arrival order: a stipend T for refusing, insurance I if tried. Insurance is needed only for as many trials as the court can hold.',
  parameters: [
    'levers.strikeFund.fund',
    'levers.strikeFund.stipend',
    'levers.strikeFund.insurance',
  ],
  citation: 'Crespo, Part II: strike funds and bail funds as side payments',
  levers: {
    strikeFund: {
      fund: money({
        title: 'Strike fund (Φ)',
        description: 'Money the fund holds, in sentence-equivalent years.',
        unit: 'years',
        section: 'Levers',
        sliderMax: 5000,
        quickMax: 1000,
        step: 1,
        citation: 'Crespo, Part II (side payments)',
      }),
      stipend: money({
        title: 'Stipend (T)',
        description: 'Paid to a covered defendant who does not plead (bail, family support).',
        unit: 'years',
        section: 'Levers',
        sliderMax: 10,
        step: 0.1,
      }),
      insurance: money({
        title: 'Insurance (I)',
        description: 'Paid in full to a covered defendant who is tried.',
        unit: 'years',
        section: 'Levers',
        sliderMax: 10,
        step: 0.1,
      }),
    },
  },
  premium: (x) => stipendPremium(x.scenario.levers.strikeFund.stipend as number, x.covered),
  insurance: (x) => (x.scenario.levers.strikeFund.insurance as number) * x.covered,
  idle: {
    'levers.strikeFund.fund': (d) =>
      draftNumber(d, ['levers', 'strikeFund', 'stipend']) +
        draftNumber(d, ['levers', 'strikeFund', 'insurance']) ===
      0
        ? 'A strike fund with no stipend and no insurance pays nothing, so this slider changes nothing: set a stipend or insurance under Levers in the editor.'
        : !anyPledged(d)
          ? 'The fund covers only pledged defendants, and no one has pledged: raise the pledged share first.'
          : null,
  },
  unorganized: (s) => ({
    ...s,
    levers: { ...s.levers, strikeFund: { fund: 0, stipend: 0, insurance: 0 } },
  }),
  parts: (x) => {
    const T = x.scenario.levers.strikeFund.stipend as number;
    const I = x.scenario.levers.strikeFund.insurance as number;
    const out: LeverPart[] = [];
    if (!x.covered) return out;
    if (T > 0) {
      out.push({
        lever: 'strikeFund',
        key: 'stipend',
        name: 'stipend',
        symbol: 'T',
        factors: [],
        amount: T,
        without: (s) => withLeverField(s, 'strikeFund', 'stipend', 0),
      });
    }
    if (I > 0 && x.e > 0) {
      out.push({
        lever: 'strikeFund',
        key: 'insurance',
        name: 'insurance',
        symbol: 'I',
        factors: [],
        amount: I,
        without: (s) => withLeverField(s, 'strikeFund', 'insurance', 0),
      });
    }
    return out;
  },
});
