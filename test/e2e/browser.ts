// Headless Chromium for the e2e tests, with guards: every request is recorded and any that
// leaves 127.0.0.1 is a failure (an organizer's scenarios are sensitive), and so is any
// console error or uncaught exception (a Content-Security-Policy violation shows up there).
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect } from 'vitest';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

export interface Watched {
  context: BrowserContext;
  page: Page;
  /** Every URL requested, in order (the page and its workers). */
  requests: string[];
  /** Requests to anywhere but the app's own origin (data: and blob: are local). */
  foreign: string[];
  /** Console errors and uncaught exceptions. */
  errors: string[];
  /** URLs of the Web Workers the page started. */
  workers: string[];
}

export async function openPage(
  browser: Browser,
  baseURL: string,
  options: { colorScheme?: 'light' | 'dark'; serviceWorkers?: 'allow' | 'block' } = {},
): Promise<Watched> {
  const origin = new URL(baseURL).origin;
  const context = await browser.newContext({
    viewport: { width: 1280, height: 860 },
    deviceScaleFactor: 1,
    colorScheme: options.colorScheme ?? 'light',
    reducedMotion: 'reduce',
    // Blocked unless a test is about the offline app (test/e2e/offline.test.ts).
    serviceWorkers: options.serviceWorkers ?? 'block',
  });
  const watched: Watched = {
    context,
    page: await context.newPage(),
    requests: [],
    foreign: [],
    errors: [],
    workers: [],
  };
  const local = (url: string) => {
    if (url.startsWith('data:') || url.startsWith('blob:')) return true;
    try {
      return new URL(url).origin === origin;
    } catch {
      return false;
    }
  };
  context.on('request', (r) => {
    watched.requests.push(r.url());
    if (!local(r.url())) watched.foreign.push(r.url());
  });
  const { page } = watched;
  page.on('console', (m) => {
    if (m.type() === 'error') watched.errors.push(m.text());
  });
  page.on('pageerror', (e) => watched.errors.push(`${e.name}: ${e.message}`));
  page.on('worker', (w) => {
    watched.workers.push(w.url());
    w.on('console', (m) => {
      if (m.type() === 'error') watched.errors.push(`worker: ${m.text()}`);
    });
  });
  return watched;
}

/** Where the e2e tests save screenshots (git-ignored), to be looked at. */
export const SHOTS = fileURLToPath(new URL('../../screenshots', import.meta.url));

/**
 * One browser per test file: launched before its tests, closed after them with every page it
 * opened. `open(hash, colorScheme)` opens the app at that hash, watched for foreign requests
 * and console errors.
 */
export function useBrowser(baseURL: string) {
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
  return {
    async open(hash = '', colorScheme: 'light' | 'dark' = 'light'): Promise<Watched> {
      const w = await openPage(browser, baseURL, { colorScheme });
      opened.push(w);
      await w.page.goto(new URL(hash, baseURL).href);
      return w;
    },
  };
}

/** Nothing left 127.0.0.1 and nothing went wrong in the console. */
export function expectClean(w: Watched) {
  expect(w.foreign, 'requests that left 127.0.0.1').toEqual([]);
  expect(w.errors, 'console errors').toEqual([]);
}

/** Move a range input the way a person's drag ends: input and change events. */
export async function setSlider(page: Page, selector: string, value: number) {
  await page.$eval(
    selector,
    (el, v) => {
      const input = el as HTMLInputElement;
      const set = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
      set.call(input, String(v));
      input.dispatchEvent(new Event('input', { bubbles: true }));
      input.dispatchEvent(new Event('change', { bubbles: true }));
    },
    value,
  );
}
