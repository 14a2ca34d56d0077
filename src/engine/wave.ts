// The wave tool (issue 8, item 3): the same pledgers spread over the year (weeks 0..W − 1), or
// concentrated in one chosen week, as two docket scenarios with the same groups. Pure.
//
// Each group with pledgers is split in two: its members who did not pledge (same weeks, same
// never-pleaders) and its pledgers (a group of their own, appended after the original groups).
// The two scenarios differ only in the pledgers' weeks: all W weeks (spread) or the chosen week
// (wave). Pledger and never-pleader counts are the engine's (buildPopulation).
import type { Scenario } from './scenario/schema';
import { buildPopulation } from './population/kinds';

export interface WaveScenarios {
  spread: Scenario;
  wave: Scenario;
  /** Pledgers in all (the same in both). */
  pledgers: number;
  /** The wave's week, clamped to 0..W − 1. */
  week: number;
}

/** The two scenarios, or null when the scenario is not a docket or has no pledgers. */
export function waveScenarios(s: Scenario, week: number): WaveScenarios | null {
  if (s.prosecutor.regime !== 'docket' || !s.docket) return null;
  const W = s.docket.weeks;
  const w = Math.max(0, Math.min(W - 1, Math.floor(week)));
  const pop = buildPopulation(s);
  const rest: Scenario['groups'] = [];
  const spreadPledgers: Scenario['groups'] = [];
  const wavePledgers: Scenario['groups'] = [];
  let pledgers = 0;
  s.groups.forEach((g, i) => {
    const layout = pop.groups[i];
    const P = layout.pledged;
    if (P === 0) {
      rest.push(g);
      return;
    }
    pledgers += P;
    const others = g.count - P;
    rest.push({ ...g, count: others, pledgedShare: 0, neverPleadsShare: others > 0 ? layout.never / others : 0 });
    const own = { ...g, label: `${g.label || `group ${i + 1}`}: pledgers`, count: P, pledgedShare: 1, neverPleadsShare: 0 };
    spreadPledgers.push({ ...own, firstWeek: 0, lastWeek: W - 1 });
    wavePledgers.push({ ...own, firstWeek: w, lastWeek: w });
  });
  if (pledgers === 0) return null;
  const title = s.title || 'Scenario';
  return {
    spread: { ...s, title: `${title}: the ${pledgers} pledgers spread over the year`, groups: [...rest, ...spreadPledgers] },
    wave: { ...s, title: `${title}: the ${pledgers} pledgers as one wave in week ${w}`, groups: [...rest, ...wavePledgers] },
    pledgers,
    week: w,
  };
}
