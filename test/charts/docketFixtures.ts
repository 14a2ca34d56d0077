// The docket results of MODEL.md §7 E11b and E11d (week-by-week table and rows), written out by
// hand from the worked examples, for the docket chart's tests.
import type { DocketInput, DocketRowInput } from '../../src/charts/docket/data';

const wk = (week: number, arrivals: number, pleas: number, tried: number, free: number, trialsHeld: number, unitsUsed: number, backlog: number) => ({
  week,
  arrivals,
  pleas,
  tried,
  free,
  trialsHeld,
  unitsUsed,
  backlog,
});

/** E11b: W = 3, κ = 1, D = 1, 12 defendants half pledged: crash in week 0, no recovery. */
export const E11B_DOCKET: DocketInput = {
  weeks: 3,
  capacity: 1,
  deadline: 1,
  crashWeek: 0,
  byWeek: [wk(0, 4, 1, 2, 1, 1, 1, 1), wk(1, 4, 0, 1, 3, 1, 1, 1), wk(2, 4, 0, 1, 3, 1, 1, 1), wk(3, 0, 0, 0, 0, 1, 1, 0)],
};

/** E11d: W = 4, κ = 1, D = 1, a wave of 3 pledged in week 1: crash in week 1, recovery in week 2. */
export const E11D_DOCKET: DocketInput = {
  weeks: 4,
  capacity: 1,
  deadline: 1,
  crashWeek: 1,
  byWeek: [wk(0, 2, 2, 0, 0, 0, 0, 0), wk(1, 5, 1, 2, 2, 1, 1, 1), wk(2, 2, 2, 0, 0, 1, 1, 0), wk(3, 2, 2, 0, 0, 0, 0, 0), wk(4, 0, 0, 0, 0, 0, 0, 0)],
};

const r = (id: number, group: number, rank: number, outcome: DocketRowInput['outcome'], arrivalWeek: number, trialWeek: number | null, threatened: boolean): DocketRowInput => ({
  id,
  group,
  rank,
  outcome,
  offer: outcome === 'plea' ? 5 : null,
  threatened,
  pledged: group === 1,
  never: false,
  covered: false,
  arrivalWeek,
  trialWeek,
});

/** E11d's rows: 8 ordinary (2 a week), then the wave (ids 9–11, week 1: wave, ordinary, wave, ordinary, wave). */
export const E11D_ROWS: DocketRowInput[] = [
  r(1, 0, 1, 'plea', 0, null, true),
  r(2, 0, 2, 'plea', 0, null, true),
  r(3, 0, 4, 'plea', 1, null, true),
  r(4, 0, 6, 'free', 1, null, false),
  r(5, 0, 8, 'plea', 2, null, true),
  r(6, 0, 9, 'plea', 2, null, true),
  r(7, 0, 10, 'plea', 3, null, true),
  r(8, 0, 11, 'plea', 3, null, true),
  r(9, 1, 3, 'tried', 1, 1, true),
  r(10, 1, 5, 'tried', 1, 2, true),
  r(11, 1, 7, 'free', 1, null, false),
];

/** A long calendar: W weeks, D deadline, `perWeek` arrivals a week who all plead but for one tried a week. */
export function longDocket(weeks: number, deadline: number, perWeek: number, capacity: number): DocketInput {
  const byWeek = [];
  for (let w = 0; w < weeks + deadline; w++) {
    const arriving = w < weeks ? perWeek : 0;
    byWeek.push(wk(w, arriving, arriving ? arriving - 1 : 0, arriving ? 1 : 0, 0, w < weeks ? 1 : 0, w < weeks ? 1 : 0, 0));
  }
  return { weeks, capacity, deadline, crashWeek: null, byWeek };
}
