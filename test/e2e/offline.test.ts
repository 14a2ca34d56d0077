// The offline app (issue 11, item 6), in real Chromium against the production build with its
// service worker allowed: after a first visit the app says it is ready to work offline; with the
// network cut it reloads, says it is working offline, opens every tab (Sweep, Phase diagram,
// Regimes, Compare), the guided tour, and solves new scenarios. Then a new deployment: the open
// page says "A new version is ready", Reload brings the new version in.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { PRESETS } from '../../src/presets';
import { SHOTS, expectClean, launch, openPage, type Watched } from './browser';
import { serveStatic, type StaticServer } from './staticServer';

const baseURL = inject('baseURL');
// Where test/e2e/globalSetup.ts builds the app.
const DIST = fileURLToPath(new URL('../../node_modules/.cache/holdout-e2e-dist', import.meta.url));

let browser: Browser;
const opened: Watched[] = [];
beforeAll(async () => {
  fs.mkdirSync(SHOTS, { recursive: true });
  browser = await launch();
});
afterAll(async () => {
  for (const w of opened) await w.context.close().catch(() => {});
  await browser?.close();
});

async function visit(url: string): Promise<Watched> {
  const w = await openPage(browser, url, { serviceWorkers: 'allow' });
  opened.push(w);
  await w.page.goto(url);
  return w;
}

async function solved(page: Page, title?: string) {
  await page.waitForFunction(
    (t) => {
      const s = document.querySelector<HTMLElement>('[data-testid=result-status]');
      return s?.dataset.status === 'done' && (!t || (s.textContent ?? '').includes(t));
    },
    title,
    { timeout: 60_000 },
  );
}

const status = (page: Page) => page.getByTestId('offline-status');

describe('offline', () => {
  it('after a first visit, works with the network cut: every tab, the tour, new solves', async () => {
    const w = await visit(baseURL);
    const { page, context } = w;
    await solved(page);
    // Every file is precached once the service worker is installed.
    await expect
      .poll(() => status(page).textContent(), { timeout: 60_000 })
      .toBe('Ready to work offline');
    const cached = await page.evaluate(async () => {
      const names = await caches.keys();
      const urls: string[] = [];
      for (const n of names) {
        const c = await caches.open(n);
        for (const r of await c.keys()) urls.push(new URL(r.url).pathname);
      }
      return urls;
    });
    // The start-up bundle, the lazy analysis chunk, the engine worker, the styles, the manifest.
    for (const re of [
      /\/assets\/index-[\w-]+\.js$/,
      /\/assets\/analysis-[\w-]+\.js$/,
      /\/assets\/engine\.worker-[\w-]+\.js$/,
      /\/assets\/index-[\w-]+\.css$/,
      /\/manifest\.webmanifest$/,
      /\/index\.html$/,
    ])
      expect(
        cached.some((u) => re.test(u.replace(/\?.*$/, ''))),
        String(re),
      ).toBe(true);
    // Every JavaScript and CSS file of the build is in the cache.
    const built = fs
      .readdirSync(path.join(DIST, 'assets'))
      .filter((f) => /\.(js|css)$/.test(f))
      .map((f) => `/assets/${f}`);
    for (const f of built)
      expect(
        cached.map((u) => u.replace(/\?.*$/, '')),
        f,
      ).toContain(f);

    await context.setOffline(true);
    const before = w.requests.length;
    await page.reload();
    await solved(page);
    // A document opened under the context's offline emulation reads navigator.onLine === true in
    // Chromium 150 (with playwright-core 1.65.1; a real network cut reads false), and only pages
    // already open get the change as events. Where the emulation reaches the new document, the
    // app must say so from its first read; where it does not, the cut is announced to this page
    // the way a cut after opening is (online, then offline).
    if (await page.evaluate(() => navigator.onLine)) {
      await context.setOffline(false);
      await context.setOffline(true);
    }
    expect(await page.evaluate(() => navigator.onLine)).toBe(false);
    await expect.poll(() => status(page).textContent()).toBe('Working offline');
    await page.screenshot({ path: path.join(SHOTS, 'offline-working.png') });

    // A new solve, on a fresh scenario.
    const other = PRESETS.find((p) => p.id === 'crespo-city-public')!;
    await page.getByLabel('Preset', { exact: true }).selectOption(other.id);
    await solved(page, other.scenario.title);

    // Sweep (a lazy chunk) and a sweep run.
    await page.getByRole('tab', { name: 'Sweep', exact: true }).click();
    await page.click('[data-bench=run-sweep]');
    await page.waitForSelector('[data-bench=sweep-done] svg', { timeout: 60_000 });
    // Phase diagram, run to completion.
    await page.getByRole('tab', { name: 'Phase diagram', exact: true }).click();
    await page.click('[data-bench=run-phase]');
    await page.waitForSelector('[data-bench=phase-done]', { timeout: 120_000 });
    for (const name of ['Regimes', 'Compare A/B']) {
      await page.getByRole('tab', { name, exact: true }).click();
      await page.getByRole('tabpanel').first().waitFor();
    }
    expect(await page.getByTestId('error-boundary').count()).toBe(0);
    // The guided tour.
    await page.locator('header').getByRole('button', { name: 'Guided tour', exact: true }).click();
    await page.waitForSelector('.tour-presenter .tour-grid[data-ready=true]', { timeout: 60_000 });
    await page.keyboard.press('Escape');
    // Everything came from the cache: nothing reached the network (the context is offline,
    // so a request that did would have failed and shown as an error).
    expect(w.requests.length).toBeGreaterThan(before);
    expectClean(w);
  });

  it('a new deployment: the open page offers Reload, which brings the new version in', async () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'holdout-offline-'));
    const v1 = path.join(tmp, 'v1');
    const v2 = path.join(tmp, 'v2');
    fs.cpSync(DIST, v1, { recursive: true });
    fs.cpSync(DIST, v2, { recursive: true });
    // Version 2: a changed index.html (its title), and a service worker whose precache list says
    // so (its revision of index.html), as a rebuild would write it.
    const html = path.join(v2, 'index.html');
    fs.writeFileSync(
      html,
      fs.readFileSync(html, 'utf8').replace(/<title>([^<]*)<\/title>/, '<title>$1 (v2)</title>'),
    );
    const sw = path.join(v2, 'sw.js');
    const swText = fs.readFileSync(sw, 'utf8');
    const next = swText.replace(/(url:\s*"index\.html",\s*revision:\s*")([^"]+)"/, '$1$2-v2"');
    expect(next).not.toBe(swText);
    fs.writeFileSync(sw, next);

    let server: StaticServer | null = null;
    try {
      server = await serveStatic(v1);
      const w = await visit(server.url);
      const { page } = w;
      await solved(page);
      await expect
        .poll(() => status(page).textContent(), { timeout: 60_000 })
        .toBe('Ready to work offline');
      const oldTitle = await page.title();
      expect(oldTitle).not.toContain('(v2)');
      // Once controlled, edit something: the prompt must not take the page by itself.
      await page.reload();
      await solved(page);

      server.deploy(v2);
      // The browser checks for a new service worker (as it does on navigations and hourly).
      await page.evaluate(async () => {
        const reg = await navigator.serviceWorker.getRegistration();
        await reg?.update();
      });
      await expect
        .poll(() => status(page).textContent(), { timeout: 60_000 })
        .toContain('A new version is ready');
      expect(await page.title()).toBe(oldTitle);
      await page.screenshot({ path: path.join(SHOTS, 'offline-update.png') });
      await Promise.all([
        page.waitForEvent('load', { timeout: 60_000 }),
        status(page).getByRole('button', { name: 'Reload' }).click(),
      ]);
      await expect.poll(() => page.title(), { timeout: 30_000 }).toContain('(v2)');
      await solved(page);
      expectClean(w);
    } finally {
      await server?.close();
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });
});
