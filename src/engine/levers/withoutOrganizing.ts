// The status quo's scenario (issue 8 item 4): the same defendants, court and prosecutor with no
// organizing (no pledges, no community sanction h = 0, no strike fund). Apart from the status
// quo's solve (sweep/statusQuo.ts) so the page can build it without the solver.
import type { Scenario } from '../scenario/schema';
import { leversOf, type LeverScenario } from './index';

/** The scenario with the organizing levers removed: each lever says what that means for it. */
export function withoutOrganizing(s: Scenario): Scenario {
  let out = s as unknown as LeverScenario;
  for (const l of leversOf(s)) if (l.unorganized) out = l.unorganized(out);
  return out as unknown as Scenario;
}
