// When a status quo (the scenario without organizing: sweep/statusQuo.ts, withoutOrganizing) is
// implausible as a model of a real court, and whether a scenario is already its own status quo.
// Pure.
import type { Scenario } from './scenario/schema';
import type { Result } from './result/types';

/** True when the scenario already uses no organizing lever (it is its own status quo). */
export function isStatusQuo(s: Scenario): boolean {
  const f = s.levers.strikeFund;
  return s.groups.every((g) => g.pledgedShare === 0) && s.levers.visibility.sanction === 0 && f.fund === 0 && f.stipend === 0 && f.insurance === 0;
}

/** Real courts resolve 90–97% of their cases by plea; a status quo far below that is suspect. */
export const REAL_PLEA_RATE = { low: 0.9, high: 0.97 } as const;
/** Below this plea rate the status quo is flagged ("far below" real courts' 90%). */
export const IMPLAUSIBLE_PLEA_RATE = 0.75;

export interface StatusQuoWarning {
  code: 'lowPleaRate' | 'lotteryUnequalValues';
  text: string;
}

/**
 * Warnings about a status-quo result: a plea rate far below real courts' 90–97%, and a lottery
 * over defendants whose trials are worth different amounts to her (random trials spend her budget
 * on small cases, which no prosecutor does).
 */
export function statusQuoWarnings(s: Scenario, statusQuo: Pick<Result, 'totals'>): StatusQuoWarning[] {
  const out: StatusQuoWarning[] = [];
  const t = statusQuo.totals;
  if (t.defendants > 0) {
    const rate = t.pleas / t.defendants;
    if (rate < IMPLAUSIBLE_PLEA_RATE) {
      out.push({
        code: 'lowPleaRate',
        text: `Without organizing, only ${(Math.round(rate * 1000) / 10).toString()}% of defendants plead; real courts resolve 90–97% of their cases by plea. This status quo is implausible as a model of a real court, so read what organizing changes here with care.`,
      });
    }
  }
  if (s.prosecutor.regime === 'lottery') {
    const values = new Set<number>();
    for (const g of s.groups) if (g.count > 0) values.add(g.convictionProbability * g.trialSentence);
    if (values.size > 1) {
      out.push({
        code: 'lotteryUnequalValues',
        text: 'A lottery picks whom to try at random, but these defendants differ in what a trial is worth to her (p·S): random trials spend her budget on small cases, which no real prosecutor does.',
      });
    }
  }
  return out;
}
