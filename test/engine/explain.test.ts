// explain(scenario, id) in the engine (issue 7): the numbers behind a defendant's choice agree with
// the pass for random scenarios — the accept rule on his a and r gives the outcome the pass gave
// him, the offer is what she believed he would accept, π is the regime's — and the worker's
// follow-up questions about the same scenario do not parse or solve it again.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { solveScenario } from '../../src/engine/solve';
import { buildPopulation, describeKinds } from '../../src/engine/population/kinds';
import { accepts, explainFrom, lotteryThreshold } from '../../src/engine/explain';
import { threshold } from '../../src/engine/regimes/lottery';
import { defendant, explain, preparedCount } from '../../src/engine/api';
import { leqTol, tieEq } from '../../src/engine/numeric';
import type { Scenario } from '../../src/engine/scenario/schema';
import { scenarioArb } from './arbitraries';

const RUNS = Number(process.env.FUZZ_RUNS ?? 200);

/** Every defendant's explanation agrees with the pass that solved the scenario. */
function agrees(s: Scenario) {
  const result = solveScenario(s, { rows: 'always' });
  const kinds = describeKinds(buildPopulation(s));
  for (const row of result.defendants!) {
    const x = explainFrom(s, result, kinds, row.id)!;
    expect(x, `defendant ${row.id}`).not.toBeNull();
    const n = x.numbers;
    const regime = s.prosecutor.regime;
    // π is the regime's: 1 or 0 by the threat in the passes; k/R or k/(R + 1) in the lottery.
    if (regime === 'priority' || regime === 'forcedSpend')
      expect(n.pi).toBe(row.threatened ? 1 : 0);
    if (row.withheld || row.offer === null) {
      expect(row.outcome).not.toBe('plea');
      continue;
    }
    expect(n.a).not.toBeNull();
    // The accept rule on his costs is the pass's decision.
    expect(accepts(x.kind.never, row.offer, n.a!, n.r!), `defendant ${row.id}`).toBe(
      row.outcome === 'plea',
    );
    // Tailored offers are what she believed he would accept, at the π offers assume.
    if (x.kind.fixedOffer === null)
      expect(tieEq(n.believedP, row.offer), `defendant ${row.id}`).toBe(true);
    else expect(row.offer).toBe(x.kind.fixedOffer);
    // A part that tips him flips the accept rule; the others leave it.
    for (const c of n.counterfactuals) {
      if (!c.choice) continue;
      expect(c.flips).toBe(
        leqTol(c.choice.a, c.choice.r) && c.choice.offered
          ? row.outcome !== 'plea'
          : row.outcome === 'plea',
      );
    }
    if (regime === 'lottery' && x.threshold && x.threshold.always === null) {
      // Uncapped τ, capped at N, is the pass's τ.
      const t = lotteryThreshold(x.kind, row.offer, result.lottery!.k);
      const capped = threshold(
        false,
        row.offer,
        x.kind.K,
        x.kind.L,
        x.kind.d,
        x.kind.eHat,
        result.lottery!.k,
        x.N,
      );
      expect(t.tau === null ? -1 : Math.min(t.tau, x.N)).toBe(capped);
    }
  }
}

describe('explain() agrees with the pass', () => {
  it('priority, every ranking but random', () => {
    fc.assert(
      fc.property(
        fc
          .constantFrom('optimal', 'arrival', 'byValue' as const)
          .chain((ranking) => scenarioArb({ regime: 'priority', ranking, fixedOffers: true })),
        agrees,
      ),
      { numRuns: RUNS },
    );
  });

  it('forcedSpend', () => {
    fc.assert(
      fc.property(
        scenarioArb({ regime: 'forcedSpend', ranking: 'arrival', fixedOffers: true }),
        agrees,
      ),
      { numRuns: RUNS },
    );
  });

  it('lottery', () => {
    fc.assert(
      fc.property(scenarioArb({ regime: 'lottery', equalCosts: true, fixedOffers: true }), agrees),
      { numRuns: RUNS },
    );
  });
});

describe('explain(scenario, id) through the API', () => {
  const E2 = {
    schemaVersion: 1,
    groups: [{ count: 3, convictionProbability: 0.5, trialSentence: 10, offer: 4 }],
    prosecutor: { budget: 1, regime: 'priority', ranking: 'arrival' },
    levers: { visibility: { observed: 1, sanction: 2 } },
  };

  it('returns both costs, the offer, π, the budget left and the lever that tipped him', () => {
    const r = explain(E2, 1);
    if (!r.ok) throw new Error(r.errors[0].text);
    const x = r.value!;
    expect(x.row).toMatchObject({ id: 1, outcome: 'tried', offer: 4, threatened: true });
    expect(x.context).toEqual({ regime: 'priority', budgetLeft: 1 });
    expect(x.numbers).toMatchObject({ pi: 1, a: 6, r: 5, tie: false, timeServed: false });
    expect(x.numbers.parts).toEqual([
      {
        lever: 'visibility',
        key: 'sanction',
        name: 'community sanction',
        symbol: 'q·h',
        factors: [1, 2],
        amount: 2,
      },
    ]);
    expect(x.numbers.counterfactuals).toEqual([
      {
        parts: x.numbers.parts,
        choice: { plea: true, s: 4, offered: true, a: 4, r: 5 },
        flips: true,
      },
    ]);
    const third = explain(E2, 3);
    expect(third.ok && third.value!.context).toEqual({ regime: 'priority', budgetLeft: 0 });
    expect(explain(E2, 4)).toEqual({ ok: true, value: null });
    const bad = explain({ ...E2, prosecutor: { budget: -1, regime: 'priority' } }, 1);
    expect(bad.ok).toBe(false);
  });

  it('a follow-up question about the same scenario does not parse or solve it again', () => {
    const other = { ...E2, title: 'follow-up' };
    const before = preparedCount.value;
    explain(other, 1);
    expect(preparedCount.value).toBe(before + 1);
    explain(other, 2);
    defendant(other, 3);
    explain(JSON.parse(JSON.stringify(other)), 1);
    expect(preparedCount.value).toBe(before + 1);
    explain({ ...other, title: 'changed' }, 1);
    expect(preparedCount.value).toBe(before + 2);
    // What JSON would blur is not the same content: NaN is an error, not the null it prints as.
    const withNull = { ...E2, groups: [{ ...E2.groups[0], offer: null }] };
    expect(explain(withNull, 1).ok).toBe(true);
    const withNaN = explain({ ...E2, groups: [{ ...E2.groups[0], offer: NaN }] }, 1);
    expect(withNaN.ok).toBe(false);
  });
});
