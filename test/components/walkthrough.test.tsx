// @vitest-environment jsdom
// The guided tour: its steps as data (every number a step cites is a figure the engine puts on
// screen), the closing summary computed by the engine, and the presenter component driven by
// keyboard (steps, Escape, "open this in the workbench") with the real engine in-process.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { ReactNode } from 'react';
import { createEnginePool, EngineProvider } from '../../src/client';
import { inProcessWorkers } from '../client/inProcessWorker';
import { SUMMARY_ROWS, STEPS, TAB_NAMES, Tour, resolveScenario, stepById, sweepValuesOf, workbenchHash } from '../../src/walkthrough';
import { givenPhrases, numbersIn, stepFigures } from '../../src/walkthrough/figures';
import { parseScenario } from '../../src/engine/scenario/parse';
import { solveScenario } from '../../src/engine/solve';
import { sweep } from '../../src/engine/sweep/sweep';
import { payoffTable } from '../../src/engine/sweep/payoff';
import { readScenarioHash } from '../../src/app/scenarioHash';
import { formatNumber } from '../../src/app/format';
import { PRESETS } from '../../src/presets';

afterEach(cleanup);

const sentences = (text: string) =>
  text
    .split(/(?<=[.!?])\s+(?=[A-Z0-9#“"(])/)
    .map((s) => s.trim())
    .filter(Boolean);

function parsed(ref: (typeof STEPS)[number]['scenario']) {
  const r = parseScenario(resolveScenario(ref));
  if (!r.ok) throw new Error(r.errors.map((e) => e.text).join('; '));
  return r.scenario;
}

const SLOW = 120_000; // the engine in-process on a shared machine: many sweeps of 7,000 defendants
const seen = new Map<string, ReturnType<typeof computeOnScreen>>();
const onScreen = (step: (typeof STEPS)[number]) => {
  if (!seen.has(step.id)) seen.set(step.id, computeOnScreen(step));
  return seen.get(step.id)!;
};

/** Everything a step puts on screen as text, computed here with the engine in-process. */
function computeOnScreen(step: (typeof STEPS)[number]) {
  const scenario = parsed(step.scenario);
  const result = solveScenario(scenario);
  const spec = step.view.kind === 'sweep' ? step.view.sweep : null;
  const sweepA = spec ? sweep(resolveScenario(step.scenario), spec.field, sweepValuesOf(spec)) : null;
  const sweepB = spec?.compare ? sweep(resolveScenario(spec.compare), spec.field, sweepValuesOf(spec)) : null;
  const figures = stepFigures(step, { scenario, result, sweepA, sweepB });
  const texts = [...figures.map((f) => f.value), ...givenPhrases(scenario)];
  if (step.view.kind === 'payoff') {
    const t = payoffTable(scenario)!;
    texts.push(...t.cells.map((c) => formatNumber(c.years)), formatNumber(t.offer ?? 0), formatNumber(t.k));
  }
  return { figures, texts, result };
}

describe('the tour as data (steps.ts)', () => {
  it('has a step for each lesson, with 2–5 sentences, a question, an assumption and exercises', () => {
    expect(STEPS.map((s) => s.id)).toEqual([
      'two-defendants',
      'lottery',
      'divide-and-conquer',
      'public-pledges',
      'secret-pledges',
      'court-watching',
      'side-payments',
      'commitment',
      'j20',
      'crespo-city',
      'how-big',
      'weekly-docket',
      'one-wave',
      'summary',
    ]);
    for (const s of STEPS) {
      const n = sentences(s.body).length;
      expect(n, `${s.id}: ${n} sentences`).toBeGreaterThanOrEqual(2);
      expect(n, `${s.id}: ${n} sentences`).toBeLessThanOrEqual(5);
      expect(s.question.trim(), s.id).toMatch(/\?$/);
      expect(s.assumes.trim(), s.id).not.toBe('');
      expect(s.exercises.length, s.id).toBeGreaterThanOrEqual(2);
      expect(TAB_NAMES, s.id).toContain(s.tab);
      parsed(s.scenario); // every scenario is valid
    }
    expect(new Set(STEPS.map((s) => s.view.kind))).toEqual(new Set(['payoff', 'thresholds', 'ladder', 'sweep', 'docket', 'summary']));
    expect(stepById('divide-and-conquer')?.view).toEqual({ kind: 'ladder', start: 'first' });
    // #J20 is a calibration, not a reproduction; the clock is a lesson on commitment.
    expect(stepById('j20')!.body).toContain('calibration, not a reproduction');
    expect(stepById('commitment')!.body).toContain('Without commitment, no threat is credible');
  });

  it('every number a step’s text cites is on screen, as the engine computes it', () => {
    for (const step of STEPS) {
      if (step.view.kind === 'summary') continue;
      const { texts } = onScreen(step);
      const shown = new Set(texts.flatMap((t) => numbersIn(t)));
      for (const x of numbersIn(step.body)) expect(shown, `${step.id}: ${x} is not on screen (${[...shown].join(' ')})`).toContain(x);
    }
  }, SLOW);

  it('the figures are the model’s (docs/presets.md)', () => {
    const fig = (id: string) => Object.fromEntries(onScreen(stepById(id)!).figures.map((f) => [f.key, f.value]));
    expect(fig('divide-and-conquer')).toMatchObject({ pleas: '100', trials: '0', take: '500', noPleaTake: '15', takeRatio: '33.333' });
    expect(fig('lottery')).toMatchObject({ take: '15', criticalMass: '3', strikeProofOffer: '0.15' });
    expect(fig('public-pledges')).toMatchObject({ take: '18,466.2', stopRank: '6,673', free: '328' });
    expect(fig('secret-pledges')).toMatchObject({ plannedTake: '19,155', take: '15,219' });
    expect(fig('court-watching')).toMatchObject({ successAt: '0.85' });
    expect(fig('commitment')).toMatchObject({ pleas: '0', trials: '450', free: '6,550', take: '5,400' });
    expect(fig('j20')).toMatchObject({ pleas: '20', trials: '23', free: '187', stopRank: '44' });
    expect(fig('crespo-city')).toMatchObject({ free: '3,439', take: '10,309.5', stopRank: '3,562' });
    expect(fig('how-big')).toMatchObject({ successAt: '0.2', successAtB: '0' });
    expect(fig('two-defendants')).toMatchObject({ offer: '3', budget: '1' });
  }, SLOW);

  it('the link of each step opens exactly its scenario', () => {
    for (const step of STEPS) {
      const h = readScenarioHash(workbenchHash(step));
      const doc = resolveScenario(step.scenario);
      if (h.kind === 'preset') expect(PRESETS.find((p) => p.id === h.id)!.scenario, step.id).toBe(doc);
      else if (h.kind === 'scenario') expect(h.doc, step.id).toEqual(doc);
      else throw new Error(`${step.id}: ${h.kind}`);
    }
  });
});

describe('the closing summary (computed by the engine)', () => {
  const at = (id: string) => {
    const row = SUMMARY_ROWS.find((r) => r.id === id)!;
    return sweep(resolveScenario(row.scenario), row.sweep.field, sweepValuesOf({ ...row.sweep, outcome: 'takeRatio' })).successAt;
  };
  it('which lever stops the unraveling, under which regime, at what size', () => {
    expect(at('pledge-priority-public')).toBe(1); // she ranks the pledgers last: only everyone will do
    expect(at('pledge-priority-arrival')).toBe(0.2); // cases as they come: a fifth
    expect(at('pledge-clock')).toBe(0); // the clock: no pledge needed
    expect(at('court-watching')).toBe(0.85); // sanction 6 years: 5 − 6q ≤ 0 from q = 5/6
    expect(at('stipend')).toBe(500); // 5 years to each of the 100
    expect(at('lottery-pledge')).toBe(0.03); // the critical mass: 3 of 100
    expect(at('docket-sustained')).toBe(0.25); // a court at capacity: a quarter pledged all year (5% gives 2.28×)
  }, SLOW);
  // MODEL rev 4 §3 (E12): the fund insures only as many trials as the regime can hold (3), so
  // 15 years insure all 100 (the rule before rev 4, floor(Φ / I) covered, needed 500).
  it('insurance is cheap: 15 years insure everyone (MODEL rev 4 §3, E12)', () => {
    expect(at('insurance')).toBe(15);
  });
});

const pool = () => createEnginePool({ createWorker: inProcessWorkers, size: 2 });
const withPool = (ui: ReactNode) => <EngineProvider pool={pool()}>{ui}</EngineProvider>;

describe('Tour (presenter mode)', () => {
  it('renders nothing while closed', () => {
    render(withPool(<Tour open={false} step={0} onStep={() => {}} onClose={() => {}} onOpenInWorkbench={() => {}} />));
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('shows the step, its progress, the figures from the engine, the question and the assumption', async () => {
    const i = STEPS.findIndex((s) => s.id === 'divide-and-conquer');
    render(withPool(<Tour open step={i} onStep={() => {}} onClose={() => {}} onOpenInWorkbench={() => {}} />));
    const dialog = screen.getByRole('dialog', { name: STEPS[i].title });
    expect(dialog.textContent).toContain(`Step ${i + 1} of ${STEPS.length}`);
    expect(screen.getByRole('progressbar').getAttribute('aria-valuenow')).toBe(String(i + 1));
    await waitFor(() => expect(dialog.querySelector('[data-figure=take] .tour-figure-value')?.textContent).toBe('500'));
    expect(dialog.textContent).toContain(STEPS[i].question);
    expect(dialog.textContent).toContain(STEPS[i].assumes);
    // The player's first frame, from the engine's ledger.
    await waitFor(() =>
      expect(screen.getByTestId('frame-text').textContent).toBe(
        'Rank 1 of 100: defendant 1 (alike felony defendants) is threatened (budget 3 left) and pleads at 5 years. So far: 1 plea, 0 trials, 0 free; her take 5 years; budget left 3.',
      ),
    );
    fireEvent.click(screen.getByRole('button', { name: 'Step forward' }));
    expect(screen.getByTestId('frame-text').textContent).toContain('Rank 2 of 100');
    expect(screen.getByTestId('frame-text').textContent).toContain('her take 10 years');
  });

  it('arrows step, Escape closes, and the open button hands over the exact scenario and tab', async () => {
    const onStep = vi.fn();
    const onClose = vi.fn();
    const onOpen = vi.fn();
    const i = STEPS.findIndex((s) => s.id === 'court-watching');
    render(withPool(<Tour open step={i} onStep={onStep} onClose={onClose} onOpenInWorkbench={onOpen} />));
    const dialog = screen.getByRole('dialog');
    expect(document.activeElement).toBe(dialog);
    fireEvent.keyDown(dialog, { key: 'ArrowRight' });
    expect(onStep).toHaveBeenLastCalledWith(i + 1);
    fireEvent.keyDown(dialog, { key: 'ArrowLeft' });
    expect(onStep).toHaveBeenLastCalledWith(i - 1);
    fireEvent.keyDown(dialog, { key: 'End' });
    expect(onStep).toHaveBeenLastCalledWith(STEPS.length - 1);
    fireEvent.click(within(dialog).getByRole('link', { name: 'Open this in the workbench' }));
    expect(onOpen).toHaveBeenCalledWith(resolveScenario(STEPS[i].scenario), 'Sweep');
    fireEvent.keyDown(dialog, { key: 'Escape' });
    expect(onClose).toHaveBeenCalled();
  });
});

describe('the player’s words (views.tsx)', () => {
  it('a frame and a bin are described in plain sentences from the ledger', async () => {
    const { describeFrame, explainPart } = await import('../../src/walkthrough/views');
    const { ledger } = await import('../../src/engine/sweep/ledger');
    const s = parsed(stepById('crespo-city')!.scenario);
    const l = ledger(s, 100);
    const f = l.frames.findIndex((x) => x.stopRank !== null);
    expect(describeFrame(l, f, s)).toBe(
      'Ranks 3,501–3,570 of 7,000: 0 plead, 61 tried, 9 go free. The unraveling stops at rank 3,562: from here on no threat is credible. So far: 3,111 pleas, 450 trials, 9 free; her take 10,309.5 years; budget left 0.',
    );
    expect(l.frames[f].parts.map((p) => explainPart(p, s))).toEqual([
      '61 defendants of Q3: serious felonies, tried anyway, who refuse every plea (first: defendant 3,501) refuse and are tried: she still has the budget to try them.',
      '9 defendants of Q3: serious felonies, tried anyway, who refuse every plea (first: defendant 3,562) refuse and go free: she has no budget left to try them.',
    ]);
  }, SLOW);
});
