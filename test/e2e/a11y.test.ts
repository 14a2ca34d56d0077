// Accessibility (issue 11, item 9): axe-core (pinned, its source injected into the page) on every
// tab, both dialogs and every step of the guided tour, in light and dark themes: no violations.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { STEPS, TAB_NAMES } from '../../src/walkthrough/steps';
import { expectClean, useBrowser } from './browser';

const baseURL = inject('baseURL');
const { open } = useBrowser(baseURL);
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

/** Run axe on the page (or a part of it); the violations, summarised. */
async function axe(page: Page, where: string): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE);
  const violations = await page.evaluate(async () => {
    const w = window as unknown as {
      axe: { run(ctx: unknown, o: unknown): Promise<{ violations: Violation[] }> };
    };
    const r = await w.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes
        .slice(0, 3)
        .map((n) => ({ target: n.target, failureSummary: n.failureSummary })),
    }));
  });
  return violations.map(
    (v) =>
      `${where}: ${v.id} (${v.impact}) ${v.help} at ${v.nodes.map((n) => `${n.target.join(' ')} ${n.failureSummary ?? ''}`).join(' | ')}`,
  );
}

async function waitSolved(page: Page) {
  await page.waitForFunction(
    () =>
      document.querySelector<HTMLElement>('[data-testid=result-status]')?.dataset.status === 'done',
    undefined,
    { timeout: 60_000 },
  );
}

describe.each(['light', 'dark'] as const)('axe-core finds no violations (%s theme)', (scheme) => {
  it('on every tab', async () => {
    const w = await open('', scheme);
    const { page } = w;
    await waitSolved(page);
    const found: string[] = [];
    for (const tab of TAB_NAMES) {
      await page.getByRole('tab', { name: new RegExp(`^${tab}`) }).click();
      await page.waitForTimeout(300);
      if (tab === 'Sweep' || tab === 'Phase diagram') {
        await page
          .locator('.ha-panel, [data-analysis]')
          .first()
          .waitFor({ timeout: 30_000 })
          .catch(() => {});
      }
      found.push(...(await axe(page, tab)));
    }
    expect(found).toEqual([]);
    expectClean(w);
  });

  it('on the weekly docket’s Result tab, its week-by-week player at rest and at a frame', async () => {
    const w = await open('#preset=crespo-docket-sustained', scheme);
    const { page } = w;
    await waitSolved(page);
    const player = page.locator('.docket-player').first();
    await player.waitFor();
    const found = await axe(page, 'docket at rest');
    await player.getByRole('button', { name: 'First frame' }).click();
    await player.getByRole('button', { name: 'Step forward' }).click();
    found.push(...(await axe(page, 'docket at week 1')));
    expect(found).toEqual([]);
    expectClean(w);
  });

  it('in the presets dialog and on every step of the guided tour', async () => {
    const w = await open('', scheme);
    const { page } = w;
    await waitSolved(page);
    const found: string[] = [];
    await page
      .getByRole('navigation', { name: 'Workbench' })
      .getByRole('button', { name: 'Presets' })
      .click();
    await page.getByRole('dialog', { name: 'Presets' }).waitFor();
    found.push(...(await axe(page, 'presets dialog')));
    await page.keyboard.press('Escape');
    await page.getByRole('dialog', { name: 'Presets' }).waitFor({ state: 'detached' });

    await page
      .getByRole('navigation', { name: 'Workbench' })
      .getByRole('button', { name: 'Guided tour' })
      .click();
    // The guided tour is a presenter dialog: each step is ready when its chart is drawn.
    for (let i = 0; i < STEPS.length; i++) {
      await page.waitForSelector(`.tour-presenter[data-index="${i}"] .tour-grid[data-ready=true]`, {
        timeout: 120_000,
      });
      await page.getByRole('dialog').getByRole('heading', { level: 2, name: STEPS[i].title }).waitFor();
      await page.waitForFunction(() => !document.querySelector('[aria-busy=true]'), undefined, {
        timeout: 60_000,
      });
      await page.waitForTimeout(300);
      found.push(...(await axe(page, `tour step ${i + 1}`)));
      if (i < STEPS.length - 1) await page.getByRole('dialog').getByRole('button', { name: /^Next/ }).click();
    }
    expect(found).toEqual([]);
    expectClean(w);
  }, 300_000);
});
