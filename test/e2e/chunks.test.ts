// A lazy chunk that fails to load (issue 11, item 3): with the network cut for the analysis
// panels' JavaScript and CSS, opening the Sweep tab says so instead of blanking the app; the
// rest of the workbench goes on; once the network is back, Retry loads the panel. And the code
// the first screen does not need (issue 12) — the tabs other than Result, the presets gallery,
// the guided tour, the Library and Cite dialogs — loads when each is first opened, and opens.
import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectClean, useBrowser } from './browser';

const baseURL = inject('baseURL');
const { open } = useBrowser(baseURL);

describe('a lazy chunk that fails to load', () => {
  it('says so, keeps the app, and Retry loads it once the network is back', async () => {
    const w = await open('');
    const { page, context } = w;
    await page.waitForFunction(
      () =>
        document.querySelector<HTMLElement>('[data-testid=result-status]')?.dataset.status ===
        'done',
      undefined,
      { timeout: 60_000 },
    );
    // Everything not yet loaded fails from now on, as when the network drops.
    let cut = true;
    await context.route('**/*', (route) =>
      cut ? route.abort('internetdisconnected') : route.continue(),
    );
    await page.getByRole('tab', { name: 'Sweep' }).click();
    const alert = page.getByTestId('error-boundary');
    await alert.waitFor({ timeout: 30_000 });
    const text = (await alert.textContent()) ?? '';
    expect(text).toContain('The Sweep tab could not be loaded');
    expect(text).toContain('the network may be down');
    // The rest of the app is still there and working.
    await page.getByRole('tab', { name: 'Result' }).click();
    await page.getByTestId('result-status').waitFor();
    expect(await page.getByLabel('Preset', { exact: true }).isVisible()).toBe(true);
    // Network back: Retry loads the panel.
    cut = false;
    await page.getByRole('tab', { name: 'Sweep' }).click();
    await page.getByRole('button', { name: 'Retry' }).click();
    await page.locator('.ha-panel').first().waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('error-boundary').count()).toBe(0);
    expect(w.foreign).toEqual([]);
  });
});

const resultDone = (page: Page) =>
  page.waitForFunction(
    () =>
      document.querySelector<HTMLElement>('[data-testid=result-status]')?.dataset.status === 'done',
    undefined,
    { timeout: 60_000 },
  );

/** The build's chunk (file name prefix, as the bundler names it) behind each lazy piece. */
const LAZY = ['analysis', 'RegimesTab', 'ComparePanel', 'gallery', 'walkthrough', 'LibraryDialog', 'CiteDialog'];
const chunk = (name: string) => new RegExp(`/assets/${name}-[\\w-]+\\.js$`);

describe('the code the first screen does not need', () => {
  it('is not loaded at start, and every tab and every dialog of the header opens', async () => {
    const w = await open('');
    const { page } = w;
    await resultDone(page);
    await page.waitForLoadState('networkidle');
    for (const name of LAZY)
      expect(w.requests.some((u) => chunk(name).test(new URL(u).pathname)), name).toBe(false);

    const panel = page.getByRole('tabpanel');
    const tabs: [string, string][] = [
      ['Sweep', '[data-bench=run-sweep]'],
      ['Phase diagram', '[data-bench=run-phase]'],
      ['Regimes', '.regimes-tab'],
      ['Compare A/B', 'h2'],
      ['Result', '[data-testid=result-status]'],
    ];
    for (const [name, sel] of tabs) {
      await page.getByRole('tab', { name, exact: true }).click();
      await panel.locator(sel).first().waitFor({ timeout: 30_000 });
    }
    const header = page.locator('header');
    await header.getByRole('button', { name: 'Presets', exact: true }).click();
    await page.locator('.gallery[role=dialog]').waitFor({ timeout: 30_000 });
    await page.keyboard.press('Escape');
    await page.locator('.gallery[role=dialog]').waitFor({ state: 'detached' });
    await header.getByRole('button', { name: 'Guided tour', exact: true }).click();
    await page.waitForSelector('.tour-presenter .tour-grid[data-ready=true]', { timeout: 60_000 });
    await page.keyboard.press('Escape');
    await page.locator('.tour-presenter').waitFor({ state: 'detached' });
    for (const [button, dialog] of [
      ['Library', 'dialog.library-dialog'],
      ['Cite', 'dialog.cite-dialog'],
    ]) {
      await header.getByRole('button', { name: button, exact: true }).click();
      await page.locator(`${dialog}[open]`).waitFor({ timeout: 30_000 });
      await page.keyboard.press('Escape');
      await page.locator(`${dialog}:not([open])`).waitFor({ state: 'attached' });
      // Focus is back on the button that opened it.
      expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe(button);
    }
    for (const name of LAZY)
      expect(w.requests.some((u) => chunk(name).test(new URL(u).pathname)), name).toBe(true);
    expect(await page.getByTestId('error-boundary').count()).toBe(0);
    expectClean(w);
  });

  it('a dialog whose code fails to load says so, and Retry opens it once the network is back', async () => {
    const w = await open('');
    const { page, context } = w;
    await resultDone(page);
    let cut = true;
    await context.route('**/*', (route) =>
      cut ? route.abort('internetdisconnected') : route.continue(),
    );
    await page.locator('header').getByRole('button', { name: 'Cite', exact: true }).click();
    const alert = page.getByTestId('error-boundary');
    await alert.waitFor({ timeout: 30_000 });
    expect((await alert.textContent()) ?? '').toContain('The citation dialog could not be loaded');
    // The workbench is still there.
    expect(await page.getByLabel('Preset', { exact: true }).isVisible()).toBe(true);
    cut = false;
    await page.getByRole('button', { name: 'Retry' }).click();
    await page.locator('dialog.cite-dialog[open]').waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('error-boundary').count()).toBe(0);
    expect(w.foreign).toEqual([]);
  });
});
