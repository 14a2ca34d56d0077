// The status quo of a scenario (issue 8 item 4): the same defendants, court and prosecutor with
// no organizing (no pledges, no community sanction h = 0, no strike fund), and what organizing
// changed. Pure: the UI only words and draws it.
import type { Scenario } from '../scenario/schema';
import { parseScenario, type ValidationMessage } from '../scenario/parse';
import { solveScenario } from '../solve';
import type { Totals } from '../result/types';
import { withoutOrganizing } from '../levers/withoutOrganizing';

export { withoutOrganizing };

export interface Figures {
  pleas: number;
  trials: number;
  free: number;
  take: number;
  /** pleas / defendants. */
  pleaRate: number;
  /** Docket only: the crash week (null when every defendant is threatened); null elsewhere. */
  crashWeek: number | null;
  strikeSucceeds: boolean;
}

export interface StatusQuoComparison {
  /** The scenario as given. */
  organized: Figures;
  /** No pledges, h = 0, no fund. */
  statusQuo: Figures;
  /** organized − statusQuo; crashWeek: the two weeks (a change in either direction, or none). */
  change: {
    pleas: number;
    free: number;
    take: number;
    crashWeek: { statusQuo: number | null; organized: number | null };
  };
}

function figures(t: Totals, crashWeek: number | null): Figures {
  return {
    pleas: t.pleas,
    trials: t.trials,
    free: t.free,
    take: t.take,
    pleaRate: t.defendants > 0 ? t.pleas / t.defendants : 0,
    crashWeek,
    strikeSucceeds: t.strikeSucceeds,
  };
}

/** Both results' figures (run 0 with a random ranking) and the differences. */
export function compareWithStatusQuo(s: Scenario): StatusQuoComparison {
  const a = solveScenario(s, { rows: 'never' });
  const b = solveScenario(withoutOrganizing(s), { rows: 'never' });
  const organized = figures(a.totals, a.docket?.crashWeek ?? null);
  const statusQuo = figures(b.totals, b.docket?.crashWeek ?? null);
  return {
    organized,
    statusQuo,
    change: {
      pleas: organized.pleas - statusQuo.pleas,
      free: organized.free - statusQuo.free,
      take: organized.take - statusQuo.take,
      crashWeek: { statusQuo: statusQuo.crashWeek, organized: organized.crashWeek },
    },
  };
}

/** Validate, then compare (the status-quo scenario is checked too: its limits may differ). */
export function statusQuoOf(
  input: unknown,
): { ok: true; value: StatusQuoComparison } | { ok: false; errors: ValidationMessage[] } {
  const r = parseScenario(input);
  if (!r.ok) return { ok: false, errors: r.errors };
  const sq = parseScenario(withoutOrganizing(r.scenario));
  if (!sq.ok) return { ok: false, errors: sq.errors };
  return { ok: true, value: compareWithStatusQuo(r.scenario) };
}
