// CSV rows (MODEL §6): a docket result's rows add arrivalWeek and trialWeek; other regimes keep
// the columns they had.
import { describe, expect, it } from 'vitest';
import { ScenarioSchema } from '../../src/engine/scenario/schema';
import { solveScenario } from '../../src/engine/solve';
import { resultToCsv, CSV_COLUMNS } from '../../src/engine/result/csv';

describe('CSV', () => {
  it('docket rows end with the arrival week and the trial week (empty unless tried)', () => {
    const s = ScenarioSchema.parse({
      schemaVersion: 1,
      groups: [{ label: 'felony', count: 4, convictionProbability: 0.5, trialSentence: 10, pledgedShare: 0.5 }],
      prosecutor: { regime: 'docket' },
      levers: { pledge: { penalty: 10 } },
      docket: { weeks: 1, capacity: 1, deadline: 1 },
    });
    const lines = resultToCsv(solveScenario(s, { rows: 'always' }), s).split('\r\n');
    expect(lines[0]).toBe(`${CSV_COLUMNS.join(',')},arrivalWeek,trialWeek`);
    expect(lines.slice(1, 5)).toEqual([
      '1,0,felony,1,tried,,true,false,true,false,false,,0,0',
      '2,0,felony,2,plea,5,true,false,false,false,false,,0,',
      '3,0,felony,3,tried,,true,false,true,false,false,,0,1',
      '4,0,felony,4,free,,false,false,false,false,false,,0,',
    ]);
  });
  it('other regimes keep their columns', () => {
    const s = ScenarioSchema.parse({
      schemaVersion: 1,
      groups: [{ count: 1, convictionProbability: 0.5, trialSentence: 10 }],
      prosecutor: { budget: 1, regime: 'priority' },
    });
    expect(resultToCsv(solveScenario(s), s).split('\r\n')[0]).toBe(CSV_COLUMNS.join(','));
  });
});
