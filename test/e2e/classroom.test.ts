// The classroom in real Chromium, against the production build: the presets gallery loads a
// preset and the export menu saves the scenario file and a chart as SVG (real downloads, checked with the
// engine). Screenshots of the gallery, light and dark, land in screenshots/.
import fs from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { parseScenario, parseScenarioText } from '../../src/engine/scenario/parse';
import { PRESETS } from '../../src/presets';
import { SHOTS, expectClean, useBrowser } from './browser';

const baseURL = inject('baseURL');

const preset = (id: string) => {
  const p = PRESETS.find((x) => x.id === id);
  if (!p) throw new Error(`no preset ${id}`);
  return p;
};

/** Wait until the result's status line says this scenario is solved. */
async function waitSolved(page: Page, title: string) {
  await page.waitForFunction(
    (t) =>
      Array.from(document.querySelectorAll<HTMLElement>('[role=status][data-status]')).some(
        (s) => s.dataset.status === 'done' && (s.textContent ?? '').includes(t),
      ),
    title,
    { timeout: 60_000 },
  );
}

const app = useBrowser(baseURL);
const open = (colorScheme: 'light' | 'dark', hash = '') => app.open(hash, colorScheme);

const headerButton = (page: Page, name: string) =>
  page.locator('header').getByRole('button', { name, exact: true });

describe('the classroom', () => {
  it('the gallery loads #J20 and shows its title', async () => {
    const w = await open('light');
    const { page } = w;
    await headerButton(page, 'Presets').click();
    const dialog = page.getByRole('dialog', { name: 'Presets' });
    await dialog.waitFor();
    expect(await dialog.locator('[data-preset]').count()).toBe(PRESETS.length);
    for (const p of PRESETS) {
      await expect(dialog.getByRole('button', { name: `Load ${p.title}` }).count()).resolves.toBe(1);
    }
    await page.screenshot({ path: path.join(SHOTS, 'gallery-light.png') });

    const j20 = preset('j20');
    await dialog.getByRole('button', { name: `Load ${j20.title}` }).click();
    await dialog.waitFor({ state: 'detached' });
    await waitSolved(page, j20.title);
    expect(decodeURIComponent(new URL(page.url()).hash)).toContain('j20');
    // Focus went back to the header button.
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Presets');
    expectClean(w);
  });

  it('Escape closes the gallery; the dark theme looks right too', async () => {
    const w = await open('dark');
    const { page } = w;
    await headerButton(page, 'Presets').click();
    const dialog = page.getByRole('dialog', { name: 'Presets' });
    await dialog.waitFor();
    // Show a story, as a class would.
    await dialog.locator('[data-preset=bgb-lottery] summary').click();
    await page.screenshot({ path: path.join(SHOTS, 'gallery-dark.png') });
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expectClean(w);
  });

  it('exports the scenario file and a chart as SVG', async () => {
    const w = await open('light', '#preset=j20');
    const { page } = w;
    const j20 = preset('j20');
    await waitSolved(page, j20.title);
    const menus = page.locator('button[aria-haspopup=menu]', { hasText: 'Export' });
    await menus.first().waitFor();

    async function save(menuButton: Locator, item: RegExp) {
      await menuButton.click();
      const entry = page.getByRole('menuitem', { name: item });
      const [download] = await Promise.all([page.waitForEvent('download'), entry.click()]);
      const file = await download.path();
      return { name: download.suggestedFilename(), text: fs.readFileSync(file, 'utf8') };
    }

    // The scenario file: parses with the engine and is the preset.
    const scenario = await save(menus.first(), /Scenario file/);
    expect(scenario.name).toMatch(/\.scenario\.json$/);
    const parsed = parseScenarioText(scenario.text);
    expect(parsed.ok).toBe(true);
    const expected = parseScenario(j20.scenario);
    expect(parsed.ok && parsed.scenario).toEqual(expected.ok && expected.scenario);
    expect(JSON.parse(scenario.text)).toEqual(j20.scenario);

    // A chart as SVG: from the first menu whose chart item is enabled.
    let chartMenu: Locator | null = null;
    for (let i = 0; i < (await menus.count()); i++) {
      const m = menus.nth(i);
      await m.click();
      const enabled =
        (await page.getByRole('menuitem', { name: /Chart as SVG/ }).getAttribute('aria-disabled')) !==
        'true';
      await page.keyboard.press('Escape');
      if (enabled) {
        chartMenu = m;
        break;
      }
    }
    expect(chartMenu, 'an export menu next to a chart').not.toBeNull();
    await chartMenu!.click();
    await page.getByRole('menu').waitFor();
    await page.screenshot({ path: path.join(SHOTS, 'export-menu-light.png') });
    await page.keyboard.press('Escape');
    const svg = await save(chartMenu!, /Chart as SVG/);
    expect(svg.name).toMatch(/\.chart\.svg$/);
    expect(svg.text).toMatch(/^<\?xml/);
    expect(svg.text).toMatch(/<svg[^>]*role="img"/);
    expect(svg.text).toMatch(/<title[^>]*>[^<]+<\/title>/);
    expect(svg.text).toContain('Holdout scenario schemaVersion 1');
    expect(svg.text).not.toContain('var(--');
    expectClean(w);
  });
});
