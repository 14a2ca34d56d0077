import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseScenario } from '../../src/engine/scenario/parse';
import type { Scenario, ScenarioInput } from '../../src/engine/scenario/schema';
import { buildPopulation, describeKinds, type KindInfo } from '../../src/engine/population/kinds';
import type { DefendantRow } from '../../src/engine/result/types';
import {
  explainDefendant,
  explainThreshold,
  explanationText,
  fmt,
  budgetLeftAt,
} from '../../src/components/why/explain';

const example = (name: string) =>
  JSON.parse(readFileSync(new URL(`../fixtures/examples/${name}.scenario.json`, import.meta.url), 'utf8')) as ScenarioInput;

function scenarioOf(input: unknown): Scenario {
  const r = parseScenario(input);
  if (!r.ok) throw new Error(r.errors.map((e) => e.text).join('\n'));
  return r.scenario;
}
const kindsOf = (s: Scenario) => describeKinds(buildPopulation(s));

function row(over: Partial<DefendantRow>): DefendantRow {
  return {
    id: 1,
    group: 0,
    rank: 1,
    outcome: 'plea',
    offer: 5,
    threatened: true,
    withheld: false,
    pledged: false,
    never: false,
    covered: false,
    trialProbability: null,
    ...over,
  };
}

const base = (
  over: Record<string, unknown> = {},
  prosecutor: Record<string, unknown> = {},
  levers?: unknown,
) => ({
  schemaVersion: 1,
  groups: [{ count: 1, convictionProbability: 0.5, trialSentence: 10, ...over }],
  prosecutor: { budget: 1, regime: 'priority', ranking: 'arrival', ...prosecutor },
  ...(levers ? { levers } : {}),
});

describe('explainDefendant', () => {
  it('E2: defendant 1 pleads at 5 under a credible threat; ties go to the plea', () => {
    const s = scenarioOf(example('E2_priority_arrival'));
    const [kind] = kindsOf(s);
    const x = explainDefendant(row({}), kind, s, { regime: 'priority' });
    expect(x.headline).toBe('Defendant 1 pleaded');
    expect(x.tipping).toBeNull();
    expect(explanationText(x)).toBe(
      'Defendant 1 pleaded: threatened (the prosecutor could afford to try him, π = 1); offered 5 years; pleading costs 5 (offer 5 + collateral 0 + lever premium 0), refusing costs 5 (detention 0 + 1 × trial cost 5); ties go to the plea.',
    );
  });

  it('E2 with the budget left at his turn names the numbers', () => {
    const s = scenarioOf(example('E2_priority_arrival'));
    const [kind] = kindsOf(s);
    const x = explainDefendant(row({}), kind, s, { regime: 'priority', budgetLeft: 1 });
    expect(x.lines[0]).toBe(
      'threatened (the prosecutor could afford to try him: budget left 1 ≥ his trial cost 1, π = 1)',
    );
  });

  it('E9 priority, arrival: a never-pleader is tried; then the unraveling stops at rank 3', () => {
    const s = scenarioOf({
      ...example('E9_forcedSpend_arrival'),
      prosecutor: { budget: 2, regime: 'priority', ranking: 'arrival' },
    });
    const kinds = kindsOf(s);
    const never = kinds.find((k) => k.never)!;
    const plain = kinds.find((k) => k.group === 1)!;
    const tried = explainDefendant(row({ id: 1, outcome: 'tried', never: true }), never, s, {
      regime: 'priority',
      budgetLeft: 2,
    });
    expect(explanationText(tried)).toBe(
      'Defendant 1 was tried: threatened (the prosecutor could afford to try him: budget left 2 ≥ his trial cost 1, π = 1); a never-pleader: he refuses every plea, whatever it costs; offered 5 years; pleading costs 5 (offer 5 + collateral 0 + lever premium 0), refusing costs 5 (detention 0 + 1 × trial cost 5); so he refused; she tried him.',
    );
    const free = explainDefendant(
      row({ id: 3, group: 1, rank: 3, outcome: 'free', offer: null, threatened: false }),
      plain,
      s,
      { regime: 'priority', budgetLeft: 0 },
    );
    expect(explanationText(free)).toBe(
      'Defendant 3 went free: not threatened (the prosecutor could not afford to try him: budget left 0 < his trial cost 1, π = 0); no offer: the most he would accept (by what she knew), d + π·ê − K − L = 0, is not positive; with no offer he could not plead; she did not try him, so he went free.',
    );
    expect(free.tipping).toBeNull();
  });

  it('budgetLeftAt: B less the trial costs of those tried at earlier ranks', () => {
    const s = scenarioOf({
      ...example('E9_forcedSpend_arrival'),
      prosecutor: { budget: 2, regime: 'priority', ranking: 'arrival' },
    });
    const rows = [1, 2, 3, 4, 5].map((id) =>
      row({ id, rank: id, group: id <= 2 ? 0 : 1, outcome: id <= 2 ? 'tried' : 'free' }),
    );
    expect(rows.map((r) => budgetLeftAt(rows, s, r))).toEqual([2, 1, 0, 0, 0]);
    expect(budgetLeftAt(rows, s, { ...rows[0], rank: null })).toBeNull();
  });

  it('docket: the threat line names the arrival and trial weeks; no budget is left to show', () => {
    const s = scenarioOf(example('E11b_docket_half_pledged'));
    const kinds = kindsOf(s);
    const plain = kinds.find((k) => !k.pledged)!;
    const pledger = kinds.find((k) => k.pledged)!;
    const tried = row({ id: 1, outcome: 'tried', offer: null, pledged: true, arrivalWeek: 0, trialWeek: 0 });
    expect(explainDefendant(tried, pledger, s, { regime: 'docket' }).lines[0]).toBe(
      'threatened (arrived in week 0; booked for trial in week 0, π = 1)',
    );
    const pleaded = row({ id: 2, rank: 2, arrivalWeek: 0, trialWeek: null });
    expect(explainDefendant(pleaded, plain, s, { regime: 'docket' }).lines[0]).toBe(
      'threatened (arrived in week 0; a trial date was free within his deadline, π = 1)',
    );
    const free = row({ id: 4, rank: 4, outcome: 'free', offer: null, threatened: false, arrivalWeek: 0, trialWeek: null });
    expect(explainDefendant(free, plain, s, { regime: 'docket' }).lines[0]).toBe(
      'not threatened (arrived in week 0; no week before his speedy-trial deadline had room for his trial, π = 0)',
    );
    expect(budgetLeftAt([tried, pleaded, free], s, free)).toBeNull();
  });

  it('a time-served plea: unthreatened, but detention costs more than K + L', () => {
    const s = scenarioOf(base({ refusalCost: 2 }));
    const [kind] = kindsOf(s);
    const x = explainDefendant(row({ offer: 2, threatened: false }), kind, s, {
      regime: 'priority',
    });
    expect(explanationText(x)).toBe(
      'Defendant 1 pleaded: not threatened (the prosecutor could not afford to try him, π = 0); offered 2 years; pleading costs 2 (offer 2 + collateral 0 + lever premium 0), refusing costs 2 (detention 2 + 0 × trial cost 5); a time-served plea: though not threatened (π = 0), refusing still costs him detention 2, more than collateral 0 + lever premium 0; ties go to the plea.',
    );
  });

  it('names the sanction that tipped a fixed offer into a refusal', () => {
    const s = scenarioOf(base({ offer: 4 }, {}, { visibility: { observed: 1, sanction: 2 } }));
    const [kind] = kindsOf(s);
    const x = explainDefendant(row({ offer: 4, outcome: 'tried' }), kind, s, {
      regime: 'priority',
    });
    expect(explanationText(x)).toBe(
      "Defendant 1 was tried: threatened (the prosecutor could afford to try him, π = 1); offered his group's fixed offer of 4 years; pleading costs 6 (offer 4 + collateral 0 + lever premium 2), refusing costs 5 (detention 0 + 1 × trial cost 5); refusing is cheaper, so he refused; she tried him. The community sanction tipped it (q·h = 1 × 2 = 2): without it he would have pleaded (offer 4: pleading would cost 4, refusing 5).",
    );
  });

  it('secret pledges: her tailored offer asks more than a pledger accepts', () => {
    const s = scenarioOf(base({ pledgedShare: 1 }, {}, { pledge: { penalty: 3, secret: true } }));
    const [kind] = kindsOf(s);
    expect(kind.pledged).toBe(true);
    const x = explainDefendant(row({ offer: 5, outcome: 'tried', pledged: true }), kind, s, {
      regime: 'priority',
    });
    expect(x.lines).toEqual([
      'threatened (the prosecutor could afford to try him, π = 1)',
      'offered 5 years (tailored as if he had not pledged: the pledges are secret)',
      'pleading costs 8 (offer 5 + collateral 0 + lever premium 3), refusing costs 5 (detention 0 + 1 × trial cost 5)',
      'refusing is cheaper, so he refused',
      'she tried him',
    ]);
    expect(x.tipping).toBe(
      'The pledge penalty tipped it (q·F = 1 × 3 = 3): without it he would have pleaded (offer 5: pleading would cost 5, refusing 5). The secret pledges tipped it: she tailored the offer as if he had not pledged, so it asked more than he would accept; had she known, he would have pleaded (offer 2: pleading would cost 5, refusing 5).',
    );
  });

  it('withheld: his plea was worth less to her than a trial, and the sanction caused it', () => {
    const s = scenarioOf(
      base({}, { ranking: 'optimal' }, { visibility: { observed: 1, sanction: 2 } }),
    );
    const [kind] = kindsOf(s);
    const x = explainDefendant(row({ offer: null, withheld: true, outcome: 'tried' }), kind, s, {
      regime: 'priority',
    });
    expect(explanationText(x)).toBe(
      'Defendant 1 was tried: threatened (the prosecutor could afford to try him, π = 1); offer withheld: she chose to try him because his plea (P = 3) was worth less to her than a trial (w = 5); she tried him. Without the community sanction (q·h = 1 × 2 = 2) his plea would be worth 5 to her, at least a trial (w = 5), so she would have no reason to withhold it.',
    );
  });

  it('insurance lowers the cost of refusing', () => {
    const s = scenarioOf(
      base(
        { pledgedShare: 1, offer: 4 },
        {},
        { strikeFund: { fund: 100, stipend: 0, insurance: 2 } },
      ),
    );
    const [kind] = kindsOf(s);
    expect(kind.covered).toBe(true);
    const x = explainDefendant(
      row({ offer: 4, outcome: 'tried', pledged: true, covered: true }),
      kind,
      s,
      {
        regime: 'priority',
      },
    );
    expect(x.lines[2]).toBe(
      'pleading costs 4 (offer 4 + collateral 0 + lever premium 0), refusing costs 3 (detention 0 + 1 × insured trial cost 3 (5 less insurance))',
    );
    expect(x.tipping).toBe(
      'The insurance tipped it (I = 2): without it he would have pleaded (offer 4: pleading would cost 4, refusing 5).',
    );
  });

  it('E1 lottery at s = 2.5, all refuse: π = min(1, k/R)', () => {
    const s = scenarioOf(example('E1_lottery_s2_5'));
    const [kind] = kindsOf(s);
    const x = explainDefendant(
      row({ rank: null, outcome: 'refuse', offer: 2.5, trialProbability: 1 / 3 }),
      kind,
      s,
      { regime: 'lottery', k: 1, R: 3 },
    );
    expect(explanationText(x)).toBe(
      'Defendant 1 refused: one of R = 3 rejecters with budget for k = 1 trial: tried with probability π = min(1, 1/3) = 0.3333; offered the uniform offer of 2.5 years; pleading costs 2.5 (offer 2.5 + collateral 0 + lever premium 0), refusing costs 1.6667 (detention 0 + 0.3333 × trial cost 5); refusing is cheaper, so he refused; he is tried with probability 0.3333.',
    );
    const pleader = explainDefendant(
      row({ rank: null, outcome: 'plea', offer: 2.5, trialProbability: 0 }),
      kind,
      s,
      { regime: 'lottery', k: 1, R: 0 },
    );
    expect(pleader.lines[0]).toBe(
      'had he refused he would be one of R + 1 = 1 rejecters with budget for k = 1 trial: π = min(1, 1/1) = 1',
    );
    expect(pleader.lines[pleader.lines.length - 1]).toBe('pleading is cheaper, so he pleaded');
  });

  it('noPlea: no offers; tried or free by her knapsack', () => {
    const s = scenarioOf(example('E1_noPlea'));
    const [kind] = kindsOf(s);
    const x = explainDefendant(
      row({ rank: null, outcome: 'free', offer: null, threatened: false }),
      kind,
      s,
      {
        regime: 'noPlea',
      },
    );
    expect(explanationText(x)).toBe(
      'Defendant 1 went free: no plea bargaining (noPlea): no offers are made; she did not try him: her budget went to trials worth more to her (his is worth w = 5, costing 1 trial unit).',
    );
  });
});

describe('explainThreshold (E4: N = 10, B = 2, s = 3)', () => {
  const s = scenarioOf(example('E4_lottery_thresholds'));
  const kinds = kindsOf(s);
  const byGroup = (g: number): KindInfo => kinds.find((k) => k.group === g)!;

  it('reproduces the thresholds [0, 2, 2, 2, 2, 3, 3, 3, 3, 3]', () => {
    const got = s.groups.flatMap((g, i) =>
      Array.from({ length: g.count }, () => explainThreshold(byGroup(i), 3, 2, 10).threshold),
    );
    expect(got).toEqual([0, 2, 2, 2, 2, 3, 3, 3, 3, 3]);
  });

  it('explains why defendant 2 (L = 2) needs 2 others', () => {
    expect(explainThreshold(byGroup(1), 3, 2, 10).text).toBe(
      'He starts refusing once at least 2 other defendants refuse: then π = min(1, 2/3) = 0.6667 and refusing costs 0 + 0.6667 × 5 = 3.3333, less than the cost of pleading, a = 3 + 0 + 2 = 5; with 1 other rejecter, π = min(1, 2/2) = 1 and refusing costs 0 + 1 × 5 = 5, not less than the cost of pleading, a = 3 + 0 + 2 = 5.',
    );
  });

  it('explains the first defendant (L = 3) refusing alone', () => {
    expect(explainThreshold(byGroup(0), 3, 2, 10).text).toBe(
      'He refuses even as the only rejecter: π = min(1, 2/1) = 1 and refusing costs 0 + 1 × 5 = 5, less than the cost of pleading, a = 3 + 0 + 3 = 6.',
    );
  });

  it('caps at N and reports null when no number of rejecters is enough', () => {
    const k = byGroup(s.groups.length - 1);
    expect(explainThreshold(k, 3, 2, 3).threshold).toBe(3);
    expect(explainThreshold({ ...k, d: 3 }, 3, 2, 10)).toEqual({
      threshold: null,
      text: 'He never refuses: however many others refuse, refusing costs at least his detention 3, not less than the cost of pleading, a = 3 + 0 + 0 = 3.',
    });
    expect(explainThreshold({ ...k, never: true }, 3, 2, 10).threshold).toBe(0);
    expect(explainThreshold(k, null, 2, 10).threshold).toBe(0);
  });

  it('fmt trims float noise', () => {
    expect(fmt(0.1 + 0.2)).toBe('0.3');
    expect(fmt(5 / 3)).toBe('1.6667');
    expect(fmt(-0)).toBe('0');
  });
});
