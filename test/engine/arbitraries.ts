// fast-check arbitraries for small random scenarios (valid by construction).
import fc from 'fast-check';
import { ScenarioSchema, type Scenario } from '../../src/engine/scenario/schema';

const half = (max: number) => fc.integer({ min: 0, max: max * 2 }).map((x) => x / 2);
const prob = fc.constantFrom(0, 0.25, 0.5, 0.75, 1, 0.3, 0.1);

export interface ScenarioOpts {
  maxGroups?: number;
  maxCount?: number;
  regime?: Scenario['prosecutor']['regime'];
  ranking?: 'optimal' | 'arrival' | 'byValue' | 'random';
  equalCosts?: boolean;
  secret?: boolean;
  fixedOffers?: boolean;
  maxBudget?: number;
}

export function scenarioArb(o: ScenarioOpts = {}): fc.Arbitrary<Scenario> {
  const group = fc.record({
    count: fc.integer({ min: 0, max: o.maxCount ?? 3 }),
    convictionProbability: prob,
    trialSentence: fc.constantFrom(0, 2, 4, 5, 6, 10, 16),
    collateralCost: fc.oneof(fc.constant(0), half(3)),
    refusalCost: fc.oneof(fc.constant(0), fc.constant(0), half(2)),
    trialCost: o.equalCosts ? fc.constant(1) : fc.integer({ min: 1, max: 3 }),
    pledgedShare: fc.constantFrom(0, 0, 0.5, 1, 0.34),
    neverPleadsShare: fc.constantFrom(0, 0, 0.5, 0.25),
    pledgePenalty: fc.oneof(fc.constant(null), half(4)),
    offer: o.fixedOffers ? fc.oneof(fc.constant(null), half(6)) : fc.constant(null),
  });
  return fc
    .record({
      groups: fc.array(group, { minLength: 1, maxLength: o.maxGroups ?? 3 }),
      budget: fc.integer({ min: 0, max: o.maxBudget ?? 4 }),
      penalty: half(4),
      secret: o.secret === undefined ? fc.boolean() : fc.constant(o.secret),
      observed: fc.constantFrom(1, 0.5, 0),
      sanction: fc.oneof(fc.constant(0), half(2)),
      fund: fc.constantFrom(0, 0, 3, 10, 100),
      stipend: fc.constantFrom(0, 1, 2.5),
      insurance: fc.constantFrom(0, 1, 4),
      uniform: o.fixedOffers ? fc.oneof(fc.constant(null), half(6)) : fc.constant(null),
      seed: fc.integer({ min: -1000, max: 1000 }),
    })
    .map((r) => {
      const groups = r.groups.map((g) => ({
        label: '',
        ...g,
        neverPleadsShare: Math.min(g.neverPleadsShare, 1 - g.pledgedShare),
      }));
      if (groups.every((g) => g.count === 0)) groups[0].count = 1;
      const uniform = r.uniform;
      const input = {
        schemaVersion: 1,
        seed: r.seed,
        groups,
        prosecutor: {
          budget: r.budget,
          regime: o.regime ?? 'priority',
          ...(o.ranking ? { ranking: o.ranking } : {}),
          offers: uniform !== null ? 'uniform' : 'tailored',
          uniformOffer: uniform,
        },
        levers: {
          pledge: { penalty: r.penalty, secret: r.secret },
          visibility: { observed: r.observed, sanction: r.sanction },
          strikeFund: { fund: r.fund, stipend: r.stipend, insurance: r.insurance },
        },
      };
      return ScenarioSchema.parse(input);
    });
}
