// @vitest-environment jsdom
// Issue 7's acceptance test: a lever added in one file (test/fixtures/levers/solidarity.ts), and
// composed with the registry, appears in the editor, the sweep fields and the why panel, is
// validated, written in the file's key order and counted in the premium, with no other edit.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { ScenarioEditor } from '../../src/components/editor/ScenarioEditor';
import { groupFields, scenarioFields } from '../../src/components/editor/fields';
import { sweepFields } from '../../src/components/analysis/model';
import { WhyPanel } from '../../src/components/why/WhyPanel';
import { explainDefendant } from '../../src/components/why/explain';
import { LEVERS } from '../../src/engine/levers';
import { composeScenarioSchema } from '../../src/engine/scenario/compose';
import { canonicalScenario } from '../../src/engine/scenario/canonical';
import { parseScenario } from '../../src/engine/scenario/parse';
import { solveScenario } from '../../src/engine/solve';
import { buildPopulation, describeKinds } from '../../src/engine/population/kinds';
import { explainFrom } from '../../src/engine/explain';
import type { Scenario, ScenarioInput } from '../../src/engine/scenario/schema';
import { solidarityLever } from '../fixtures/levers/solidarity';

afterEach(cleanup);

const composed = composeScenarioSchema([...LEVERS, solidarityLever]);

// One group with a fixed offer of 4 against an expected trial sentence of 5: without σ the
// threatened defendant pleads (a = 4 ≤ r = 5); with σ = 2 pleading costs 6 and he refuses.
const input = {
  schemaVersion: 1,
  title: 'Solidarity',
  groups: [
    {
      label: 'g',
      count: 2,
      convictionProbability: 0.5,
      trialSentence: 10,
      offer: 4,
      solidarityPay: 2,
    },
  ],
  prosecutor: { budget: 1, regime: 'priority', ranking: 'arrival' },
} as unknown as ScenarioInput;

function parsed(): Scenario {
  const r = composed.schema.safeParse(input);
  if (!r.success) throw new Error(JSON.stringify(r.error.issues));
  return r.data as unknown as Scenario;
}

describe('a lever added in one file', () => {
  it('is a field of the composed schema, after the field it names, and nowhere in the registry’s', () => {
    expect(groupFields(composed.object).map((f) => f.key)).toEqual([
      'label',
      'count',
      'convictionProbability',
      'trialSentence',
      'collateralCost',
      'refusalCost',
      'solidarityPay',
      'trialCost',
      'pledgedShare',
      'neverPleadsShare',
      'pledgePenalty',
      'offer',
      'firstWeek',
      'lastWeek',
      'detentionPerWeek',
    ]);
    expect(scenarioFields().some((f) => f.key === 'solidarityPay')).toBe(false);
    // The registry's schema rejects it as an unknown field; the composed one validates it.
    expect(parseScenario(input).ok).toBe(false);
    const bad = composed.schema.safeParse({
      ...input,
      groups: [{ ...(input.groups[0] as object), solidarityPay: -1 }],
    });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues[0].path).toEqual(['groups', 0, 'solidarityPay']);
  });

  it('is written in the file in its place, with its default when left out', () => {
    const s = parsed();
    expect(Object.keys(canonicalScenario(s, composed.object).groups[0])).toEqual([
      'label',
      'count',
      'convictionProbability',
      'trialSentence',
      'collateralCost',
      'refusalCost',
      'solidarityPay',
      'trialCost',
      'pledgedShare',
      'neverPleadsShare',
      'pledgePenalty',
      'offer',
    ]);
    const noPay = composed.schema.parse({
      ...input,
      groups: [{ count: 1, convictionProbability: 0.5, trialSentence: 10 }],
    });
    expect((noPay.groups[0] as Record<string, unknown>).solidarityPay).toBe(0);
  });

  it('appears in the editor, with its label, unit, range and help from its own file', () => {
    render(
      <ScenarioEditor value={input} onChange={() => {}} errors={[]} schema={composed.object} />,
    );
    const slider = screen.getByRole('slider', { name: /Solidarity pay \(σ\)/ });
    expect(slider.getAttribute('max')).toBe('10');
    expect(slider.getAttribute('step')).toBe('0.5');
    expect(document.body.textContent).toContain(
      'What the community pays each member who holds out.',
    );
    cleanup();
    // The registry's editor does not show it.
    render(<ScenarioEditor value={input} onChange={() => {}} errors={[]} />);
    expect(screen.queryByRole('slider', { name: /Solidarity pay/ })).toBeNull();
  });

  it('appears among the sweep fields', () => {
    const f = sweepFields(input, composed.object).find((x) => x.path === 'groups[*].solidarityPay');
    expect(f).toMatchObject({
      label: 'Solidarity pay (σ) — all groups',
      unit: 'years',
      section: 'Levers',
      from: 0,
      to: 10,
      min: 0,
      max: 100,
    });
    expect(sweepFields(input).some((x) => x.path.endsWith('solidarityPay'))).toBe(false);
  });

  it('counts in his premium and the pass, and the why panel names it as the lever that tipped him', () => {
    const s = parsed();
    const result = solveScenario(s, { rows: 'always' });
    const kinds = describeKinds(buildPopulation(s));
    expect(kinds[0].L).toBe(2);
    expect(result.defendants![0].outcome).toBe('tried');
    const x = explainFrom(s, result, kinds, 1)!;
    expect(x.numbers.parts).toEqual([
      {
        lever: 'solidarity',
        key: 'solidarity',
        name: 'solidarity pay',
        symbol: 'σ',
        factors: [],
        amount: 2,
      },
    ]);
    expect(x.numbers.a).toBe(6);
    expect(x.numbers.r).toBe(5);
    expect(x.numbers.counterfactuals[0].choice).toEqual({
      plea: true,
      s: 4,
      offered: true,
      a: 4,
      r: 5,
    });
    const words = explainDefendant(x.row, x.kind, s, x.context);
    expect(words.tipping).toBe(
      'The solidarity pay tipped it (σ = 2): without it he would have pleaded (offer 4: pleading would cost 4, refusing 5).',
    );
    render(
      <WhyPanel row={x.row} kind={x.kind} scenario={s} context={x.context} onClose={() => {}} />,
    );
    expect(document.body.textContent).toContain('The solidarity pay tipped it (σ = 2)');
    expect(document.body.textContent).toContain('lever premium 2');
    // Without the lever file the same defendant pleads.
    const { solidarityPay: _sigma, ...group } = input.groups[0] as Record<string, unknown>;
    const plain = parseScenario({ ...input, groups: [group] });
    if (!plain.ok) throw new Error(plain.errors[0].text);
    expect(solveScenario(plain.scenario, { rows: 'always' }).defendants![0].outcome).toBe('plea');
  });
});
