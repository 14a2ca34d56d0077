// The Sweep and Phase-diagram tabs in real Chromium, against the production build: a sweep of
// crespo-city-public whose result line matches the engine's sweep computed here in Node, a phase
// diagram cancelled mid-way (progress stops, no done marker, the app stays usable), a 16×16 run
// to completion, and the time of a 64×64 diagram. Screenshots land in screenshots/.
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { phaseCells, sweep } from '../../src/engine/api';
import { sweepValues } from '../../src/engine/sweep/sweep';
import { phaseSentence, sweepFields, sweepSentence } from '../../src/components/analysis/model';
import { PRESETS } from '../../src/presets';
import { SHOTS, expectClean, useBrowser } from './browser';

const baseURL = inject('baseURL');
const PRESET = 'crespo-city-public';
const scenario = PRESETS.find((p) => p.id === PRESET)!.scenario;
const CLOCK = 'crespo-city-clock';
const clockScenario = PRESETS.find((p) => p.id === CLOCK)!.scenario;
const field = (p: string) => sweepFields(scenario).find((f) => f.path === p)!;

const app = useBrowser(baseURL);
const open = () => app.open(`#preset=${PRESET}`);

async function openTab(page: Page, name: string) {
  await page.getByRole('tab', { name, exact: true }).click();
}

/** Type into a number input (replacing what is there). */
async function fill(page: Page, label: string | RegExp, value: string) {
  await page.getByLabel(label).fill(value);
}

async function progressNow(page: Page, name: string): Promise<number | null> {
  const bar = page.getByRole('progressbar', { name });
  if ((await bar.count()) === 0) return null;
  return Number(await bar.getAttribute('aria-valuenow'));
}

describe('the Sweep tab', () => {
  it('sweeps the pledged share of all groups and of a lever; the result lines are the engine’s', async () => {
    const w = await open();
    const { page } = w;
    await openTab(page, 'Sweep');
    await page.getByLabel('Field to sweep').selectOption('groups[*].pledgedShareOfRest');
    await page.click('[data-bench=run-sweep]');
    await page.waitForSelector('[data-bench=sweep-done]', { timeout: 60_000 });

    // The engine in Node, same sweep: every group pledges the same share of its members who are
    // not hard core, so every point is a valid scenario.
    const all = sweep(scenario, 'groups[*].pledgedShareOfRest', sweepValues(0, 1, 20));
    expect(all.skipped).toEqual([]);
    const allLine = sweepSentence(all.points, field('groups[*].pledgedShareOfRest'), {
      range: [0, 1],
      skipped: 0,
    });
    expect(await page.getByTestId('sweep-result').textContent()).toBe(allLine);
    expect(await page.locator('[data-bench=sweep-done] svg .hc-series-0 g path').count()).toBe(
      all.points.length,
    );
    await page.screenshot({ path: path.join(SHOTS, 'sweep-pledged-share.png'), fullPage: true });

    // A lever where the strike does succeed from some value on.
    await page.getByLabel('Field to sweep').selectOption('levers.visibility.sanction');
    expect(await page.getByLabel(/^From/).inputValue()).toBe('0');
    expect(await page.getByLabel(/^To\b/).inputValue()).toBe('20');
    await page.getByLabel("Prosecutor's take").check();
    await page.click('[data-bench=run-sweep]');
    await page.waitForSelector('[data-bench=sweep-done]', { timeout: 60_000 });
    await page.waitForFunction(() =>
      (document.querySelector('[data-testid=sweep-result]')?.textContent ?? '').includes(
        'community sanction',
      ),
    );
    const sanction = sweep(scenario, 'levers.visibility.sanction', sweepValues(0, 20, 20));
    expect(sanction.successAt).not.toBeNull();
    const line = await page.getByTestId('sweep-result').textContent();
    expect(line).toBe(
      sweepSentence(sanction.points, field('levers.visibility.sanction'), {
        range: [0, 20],
        skipped: 0,
      }),
    );
    expect(line).toContain(`from community sanction (h) ${sanction.successAt} years on`);
    const charts = page.locator('[data-bench=sweep-done] svg[role=img]');
    expect(await charts.count()).toBe(2);
    expect(await page.locator('[data-bench=sweep-done] svg .hc-series-0 g path').count()).toBe(
      2 * 21,
    );
    await page.screenshot({ path: path.join(SHOTS, 'sweep-sanction.png'), fullPage: true });
    expectClean(w);
  });
});

describe('the Phase diagram tab', () => {
  it('cancels a 64×64 diagram mid-way, then runs a 16×16 to completion', async () => {
    // Under the speedy-trial clock every cell is a forcedSpend solve over 7,000 ranks (a few
    // milliseconds whatever the budget since its value function is kept as linear pieces):
    // 4,096 of them are slow enough on two workers to cancel mid-way. (The priority knapsack
    // used here before is budget-independent too and finishes too soon.)
    const w = await app.open(`#preset=${CLOCK}`);
    const { page } = w;
    await openTab(page, 'Phase diagram');
    await page.getByLabel('Field across (x)').selectOption('levers.visibility.sanction');
    await fill(page, /^x to/, '8');
    await page.getByLabel('Field up (y)').selectOption('prosecutor.budget');
    await fill(page, /^y to/, '7000');
    await page.getByLabel('Resolution').selectOption('64');

    await page.click('[data-bench=run-phase]');
    await page.waitForFunction(
      () => {
        const bar = document.querySelector('progress[aria-label="Phase diagram progress"]');
        return bar !== null && Number(bar.getAttribute('aria-valuenow')) >= 10;
      },
      undefined,
      { timeout: 60_000 },
    );
    // The coarse picture is already there while the rest computes.
    await page.waitForSelector('.ha-output svg[role=img]');
    await page.screenshot({ path: path.join(SHOTS, 'phase-progress.png'), fullPage: true });
    const at = await progressNow(page, 'Phase diagram progress');
    expect(at).not.toBeNull();
    expect(at!).toBeLessThan(100);
    await page.getByRole('button', { name: 'Cancel' }).click();
    await page.getByText(/^Cancelled at \d+%/).waitFor();
    await page.waitForTimeout(1500);
    expect(await progressNow(page, 'Phase diagram progress')).toBeNull();
    expect(await page.locator('[data-bench=phase-done]').count()).toBe(0);
    expect(await page.locator('.ha-output').count()).toBe(0);

    // Still usable: a 16×16 diagram runs to the end.
    await page.getByLabel('Field up (y)').selectOption('levers.visibility.observed');
    await page.getByLabel('Resolution').selectOption('16');
    await page.click('[data-bench=run-phase]');
    await page.waitForSelector('[data-bench=phase-done]', { timeout: 120_000 });
    const xs = sweepValues(0, 8, 15);
    const ys = sweepValues(0, 1, 15);
    const cells = ys.flatMap((y) => xs.map((x) => [x, y] as [number, number]));
    const direct = phaseCells(
      clockScenario,
      'levers.visibility.sanction',
      'levers.visibility.observed',
      cells,
      'takeRatio',
    );
    const expected = phaseSentence(
      {
        xField: '',
        yField: '',
        xs,
        ys,
        outcome: 'takeRatio',
        values: direct.values.map((v) => (v === null ? NaN : v)),
        success: direct.success,
        level: 3,
      },
      field('levers.visibility.sanction'),
      field('levers.visibility.observed'),
    );
    expect(await page.getByTestId('phase-result').textContent()).toBe(expected);
    expect(await page.locator('[data-bench=phase-done] svg .hc-cell').count()).toBe(256);
    expect(await page.locator('[data-bench=phase-done] svg .hc-pending').count()).toBe(0);
    await page.screenshot({ path: path.join(SHOTS, 'phase-16.png'), fullPage: true });
    expectClean(w);
  });

  it('paints a 64×64 diagram coarse first, then to completion (timings are in npm run bench, W6)', async () => {
    const w = await open();
    const { page } = w;
    await openTab(page, 'Phase diagram');
    await page.getByLabel('Field across (x)').selectOption('levers.visibility.sanction');
    await fill(page, /^x to/, '8');
    await page.getByLabel('Field up (y)').selectOption('levers.visibility.observed');
    await page.getByLabel('Resolution').selectOption('64');
    await page.click('[data-bench=run-phase]');
    await page.waitForSelector('.ha-output svg[role=img]', { timeout: 60_000 });
    await page.waitForSelector('[data-bench=phase-done]', { timeout: 300_000 });
    // The finished 4,096-cell heatmap is one canvas, with contours and the success boundary.
    expect(await page.locator('[data-bench=phase-done] svg canvas.hc-cells-image').count()).toBe(1);
    expect(await page.locator('[data-bench=phase-done] svg .hc-boundary path').count()).toBeGreaterThan(0);
    expect(await page.locator('.ha-meta').textContent()).toContain('64 × 64 grid');
    await page.screenshot({ path: path.join(SHOTS, 'phase-64.png'), fullPage: true });
    expectClean(w);
  });
});
