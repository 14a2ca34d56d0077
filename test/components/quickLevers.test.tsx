// @vitest-environment jsdom
// A quick lever that can do nothing in the scenario says why (issue 10: the fund slider on
// Crespo's city moved and nothing happened).
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import { QuickLevers } from '../../src/components/results/QuickLevers';
import { PRESETS } from '../../src/presets';
import { setPath } from '../../src/engine/sweep/fieldPath';
import type { ScenarioInput } from '../../src/engine/scenario/schema';

afterEach(cleanup);

const city = PRESETS.find((p) => p.id === 'crespo-city-public')!.scenario;

describe('QuickLevers: a lever that can do nothing says why', () => {
  it('a fund with no stipend and no insurance pays nothing', () => {
    render(<QuickLevers draft={city} setDraft={() => {}} />);
    const fund = screen.getByRole('slider', { name: /Strike fund \(Φ\)/ });
    const why = document.getElementById(fund.getAttribute('aria-describedby') ?? '')!;
    expect(why.textContent).toContain('no stipend and no insurance pays nothing');
    // The pledge penalty does bite here: no note.
    expect(screen.getByRole('slider', { name: /Pledge penalty \(F\)/ }).getAttribute('aria-describedby')).toBeNull();
  });

  it('with insurance but no one pledged, the fund and the penalty say so; with both, nothing is said', () => {
    let d: ScenarioInput = setPath(city, 'levers.strikeFund.insurance', 5);
    d = setPath(d, 'groups[*].pledgedShare', 0);
    render(<QuickLevers draft={d} setDraft={() => {}} />);
    expect(document.querySelector('[data-idle="levers.strikeFund.fund"]')?.textContent).toContain('no one has pledged');
    expect(document.querySelector('[data-idle="levers.pledge.penalty"]')?.textContent).toContain('no one has pledged');
    cleanup();
    render(<QuickLevers draft={setPath(city, 'levers.strikeFund.insurance', 5)} setDraft={() => {}} />);
    expect(document.querySelectorAll('.quick-lever-idle')).toHaveLength(0);
  });
});
