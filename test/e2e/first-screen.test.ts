// The first screen in real Chromium, against the production build: the totals on screen are
// the engine's (solved here in Node for comparison), switching presets changes them, nothing
// leaves 127.0.0.1, and light and dark screenshots land in screenshots/.
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { solve } from '../../src/engine/api';
import type { Totals } from '../../src/engine/result/types';
import { PRESETS } from '../../src/presets';
import { DEFAULT_PRESET } from '../../src/app/presetChoice';
import { TOTAL_FIELDS, formatTotal } from '../../src/app/format';
import { SHOTS, expectClean, useBrowser } from './browser';

const baseURL = inject('baseURL');

function expectedTotals(id: string): Totals {
  const preset = PRESETS.find((p) => p.id === id);
  if (!preset) throw new Error(`no preset ${id}`);
  const r = solve(preset.scenario);
  if (!r.ok)
    throw new Error(`preset ${id} does not solve: ${r.errors.map((e) => e.text).join('; ')}`);
  return r.value.totals;
}

function titleOf(id: string): string {
  return PRESETS.find((p) => p.id === id)!.title;
}

/** Wait until the status line says the given preset is solved. */
async function waitSolved(page: Page, title: string) {
  await page.waitForFunction(
    (t) => {
      const s = document.querySelector<HTMLElement>('[data-testid=result-status]');
      return s?.dataset.status === 'done' && (s.textContent ?? '').includes(t);
    },
    title,
    { timeout: 60_000 },
  );
}

/** The preset picker in the scenario column. */
function presetSelect(page: Page) {
  return page.getByLabel('Preset', { exact: true });
}

/** What the totals list shows: per key, the raw value and the visible text. */
async function shownTotals(page: Page) {
  return page.$$eval('.totals-grid .total', (els) =>
    els.map((el) => ({
      key: (el as HTMLElement).dataset.key!,
      raw: (el as HTMLElement).dataset.value,
      label: el.querySelector('dt')?.textContent ?? '',
      text: el.querySelector('.value')?.textContent ?? '',
    })),
  );
}

async function expectTotalsShown(page: Page, expected: Totals) {
  const shown = await shownTotals(page);
  expect(shown.map((s) => s.key)).toEqual(TOTAL_FIELDS.map((f) => f.key));
  for (const s of shown) {
    const key = s.key as keyof Totals;
    expect({ key, value: JSON.parse(s.raw ?? 'undefined') }).toEqual({ key, value: expected[key] });
    expect({ key, text: s.text }).toEqual({ key, text: formatTotal(key, expected) });
  }
  const verdict = await page.textContent('[data-testid=verdict]');
  expect(verdict).toContain(expected.strikeSucceeds ? 'The strike succeeds' : 'The strike fails');
}

const app = useBrowser(baseURL);
const open = (colorScheme: 'light' | 'dark', hash = '') => app.open(hash, colorScheme);

describe('the first screen', () => {
  it('shows the totals of the default preset, computed in a worker, exactly as the engine gives them', async () => {
    const w = await open('light');
    await waitSolved(w.page, titleOf(DEFAULT_PRESET));
    await expectTotalsShown(w.page, expectedTotals(DEFAULT_PRESET));
    expect(await presetSelect(w.page).inputValue()).toBe(DEFAULT_PRESET);
    expect(w.workers.some((u) => /engine\.worker/.test(u))).toBe(true);
    await w.page.screenshot({ path: path.join(SHOTS, 'first-screen-light.png'), fullPage: true });
    expectClean(w);
  });

  it('switches presets: the totals change to the new preset’s and the hash names it', async () => {
    const w = await open('light');
    await waitSolved(w.page, titleOf(DEFAULT_PRESET));
    const before = expectedTotals(DEFAULT_PRESET);
    // Another preset whose totals differ from the default's.
    const other = PRESETS.map((p) => p.id).find(
      (id) =>
        id !== DEFAULT_PRESET && JSON.stringify(expectedTotals(id)) !== JSON.stringify(before),
    );
    expect(other, 'a preset with other totals').toBeDefined();
    await presetSelect(w.page).selectOption(other!);
    await waitSolved(w.page, titleOf(other!));
    await expectTotalsShown(w.page, expectedTotals(other!));
    expect(new URL(w.page.url()).hash).toBe(`#preset=${other}`);

    // The hash reopens that preset.
    await w.page.reload();
    await waitSolved(w.page, titleOf(other!));
    expect(await presetSelect(w.page).inputValue()).toBe(other);
    await expectTotalsShown(w.page, expectedTotals(other!));
    expectClean(w);
  });

  it('solves every preset on screen as the engine does', async () => {
    const w = await open('light');
    await waitSolved(w.page, titleOf(DEFAULT_PRESET));
    for (const p of PRESETS) {
      if (p.id === DEFAULT_PRESET) continue;
      await presetSelect(w.page).selectOption(p.id);
      await waitSolved(w.page, p.title);
      await expectTotalsShown(w.page, expectedTotals(p.id));
      await w.page.screenshot({ path: path.join(SHOTS, `preset-${p.id}.png`) });
    }
    expectClean(w);
  });

  it('follows the system’s dark preference and the toggle; dark screenshot', async () => {
    const w = await open('dark');
    await waitSolved(w.page, titleOf(DEFAULT_PRESET));
    const toggle = w.page.getByRole('button', { name: 'Dark theme' });
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    const bg = () =>
      w.page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
    expect(await bg()).toBe('rgb(18, 20, 23)');
    await w.page.screenshot({ path: path.join(SHOTS, 'first-screen-dark.png'), fullPage: true });
    await toggle.click();
    expect(await toggle.getAttribute('aria-pressed')).toBe('false');
    expect(await bg()).toBe('rgb(247, 247, 245)');
    // remembered across a reload
    await w.page.reload();
    await waitSolved(w.page, titleOf(DEFAULT_PRESET));
    expect(await bg()).toBe('rgb(247, 247, 245)');
    expectClean(w);
  });

  it('has a narrow layout that still reads', async () => {
    const w = await open('light');
    await w.page.setViewportSize({ width: 390, height: 844 });
    await waitSolved(w.page, titleOf(DEFAULT_PRESET));
    const overflow = await w.page.evaluate(
      () => document.documentElement.scrollWidth > document.documentElement.clientWidth,
    );
    expect(overflow, 'horizontal scrolling on a phone').toBe(false);
    await w.page.screenshot({ path: path.join(SHOTS, 'first-screen-narrow.png'), fullPage: true });
    expectClean(w);
  });

  it('serves a Content-Security-Policy that allows only this origin', async () => {
    const w = await open('light');
    const csp = await w.page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content');
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).toContain("worker-src 'self' blob:");
    // A request to another host is refused by the page itself.
    const refused = await w.page.evaluate(async () => {
      try {
        await fetch('http://192.0.2.1/');
        return false;
      } catch {
        return true;
      }
    });
    expect(refused).toBe(true);
    expect(w.foreign).toEqual([]);
  });
});
