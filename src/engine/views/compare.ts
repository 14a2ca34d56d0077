// The same defendants under every regime, side by side. Rankings carry over where they are
// valid (priority's optimal becomes arrival for forcedSpend; noPlea and lottery ignore them);
// lottery needs equal trial costs and reports why not otherwise.
import { parseScenario } from '../scenario/parse';
import { solveScenario } from '../solve';
import type { RegimeName } from '../scenario/schema';
import { setPath } from '../sweep/fieldPath';

export interface RegimeRow {
  regime: RegimeName;
  ok: boolean;
  take: number | null;
  noPleaTake: number | null;
  takeRatio: number | null;
  pleas: number | null;
  trials: number | null;
  free: number | null;
  strikeSucceeds: boolean | null;
  message?: string;
}

export const REGIMES: readonly RegimeName[] = ['noPlea', 'lottery', 'priority', 'forcedSpend'];

/**
 * A scenario with a docket is compared under the docket too. Where it gives no budget (the
 * docket does not need one), the static regimes get the docket's whole capacity as their budget,
 * B = (W + D)·κ (at most 10^9): the same trial units held at once instead of week by week.
 */
export function compareRegimes(input: unknown): RegimeRow[] {
  const docket = (input as { docket?: { weeks?: unknown; capacity?: unknown; deadline?: unknown } })
    ?.docket;
  const budget = (input as { prosecutor?: { budget?: unknown } })?.prosecutor?.budget;
  const hasDocket = docket !== null && typeof docket === 'object';
  const regimes: RegimeName[] = hasDocket ? [...REGIMES, 'docket'] : [...REGIMES];
  return regimes.map((regime) => {
    let s = setPath(input, 'prosecutor.regime', regime);
    if (regime !== 'docket' && budget === undefined && hasDocket) {
      const W = typeof docket.weeks === 'number' ? docket.weeks : 52;
      const D = typeof docket.deadline === 'number' ? docket.deadline : 8;
      const k = typeof docket.capacity === 'number' ? docket.capacity : 0;
      s = setPath(s, 'prosecutor.budget', Math.min(1e9, (W + D) * k));
    }
    const ranking = (input as { prosecutor?: { ranking?: unknown } })?.prosecutor?.ranking;
    if (regime === 'forcedSpend' && (ranking === 'optimal' || ranking === undefined)) {
      s = setPath(s, 'prosecutor.ranking', 'arrival');
    }
    if (regime === 'priority' && ranking === undefined) s = setPath(s, 'prosecutor.ranking', 'optimal');
    if ((regime === 'noPlea' || regime === 'lottery') && ranking === 'optimal') {
      s = setPath(s, 'prosecutor.ranking', 'arrival');
    }
    if (regime !== 'priority' && regime !== 'forcedSpend') s = setPath(s, 'runs', 1);
    if ((regime === 'noPlea' || regime === 'lottery' || regime === 'docket') && ranking === 'random') {
      s = setPath(s, 'prosecutor.ranking', 'arrival');
    }
    const parsed = parseScenario(s);
    const empty = { take: null, noPleaTake: null, takeRatio: null, pleas: null, trials: null, free: null, strikeSucceeds: null };
    if (!parsed.ok) return { regime, ok: false, ...empty, message: parsed.errors[0]?.text };
    const r = solveScenario(parsed.scenario, { rows: 'never' });
    const t = r.totals;
    return {
      regime,
      ok: true,
      take: t.take,
      noPleaTake: t.noPleaTake,
      takeRatio: t.takeRatio,
      pleas: t.pleas,
      trials: t.trials,
      free: t.free,
      strikeSucceeds: t.strikeSucceeds,
    };
  });
}
