// W6: the production build in headless Chromium — first contentful paint, JavaScript loaded at
// start (gzipped), time from a slider change to the updated chart (p50, p95) on Crespo's city,
// and long tasks (> 50 ms) on the main thread while a sweep runs; and the 10,000-group scenario
// (issue 11 item 4, bench/bigScenario.ts): the long tasks opening its file, per quick-lever move,
// per group edit and per tab switch, each step waiting for the Result tab's answer.
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { readFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build, preview } from 'vite';
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import os from 'node:os';
import type { BenchLine } from './run';
import { BIG_GROUPS, bigScenario, bigSteps, type StepKind } from './bigScenario';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export async function runBrowserBench(o: { quick: boolean; print: (l: BenchLine) => void; bigOnly?: boolean }) {
  if (!existsSync('/usr/bin/chromium')) {
    console.error('W6: skipped, /usr/bin/chromium is not installed');
    return;
  }
  const outDir = path.join(root, 'node_modules', '.cache', 'holdout-bench-dist');
  const shared = { root, configFile: path.join(root, 'vite.config.ts'), logLevel: 'warn' as const, build: { outDir, emptyOutDir: true } };
  await build({ ...shared, mode: 'production' });
  const server = await preview({ ...shared, preview: { port: 0, host: '127.0.0.1', strictPort: true, open: false } });
  const url = server.resolvedUrls!.local[0];
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
  try {
    // The 10,000-group scenario: long tasks per step, grouped by kind of step.
    {
      const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'holdout-big-')), 'big.json');
      fs.writeFileSync(file, JSON.stringify(bigScenario()));
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      const steps = new Map<StepKind, number[][]>();
      await bigSteps(page, url, file, {
        after: async (_name, long, kind) => void steps.set(kind, [...(steps.get(kind) ?? []), long]),
      });
      await page.close();
      const words: Record<StepKind, string> = { open: 'opening the file', lever: 'per quick-lever move', edit: 'per group-row edit', tab: 'per tab switch' };
      for (const [kind, runs] of steps) {
        const longest = runs.map((l) => Math.max(0, ...l)).sort((a, b) => a - b);
        const all = runs.flat().sort((a, b) => a - b);
        o.print({
          name: `W6 10,000 groups: longest main-thread task ${words[kind]}`,
          n: BIG_GROUPS,
          runs: runs.length,
          median_ms: longest[Math.floor((longest.length - 1) / 2)],
          p95_ms: all.length ? all[Math.min(all.length - 1, Math.ceil(0.95 * all.length) - 1)] : 0,
          throughput: all.filter((d) => d > 100).length,
          unit: 'long tasks over 100 ms',
          workers: 0,
          max_ms: longest[longest.length - 1],
          long_tasks: runs,
        });
      }
    }
    if (o.bigOnly) return;

    // First contentful paint and the JavaScript fetched before the page is idle.
    const fcps: number[] = [];
    let startupBytes = 0;
    for (let i = 0; i < (o.quick ? 1 : 5); i++) {
      const page = await browser.newPage();
      const scripts = new Set<string>();
      page.on('response', (r) => {
        if (r.request().resourceType() === 'script') scripts.add(new URL(r.url()).pathname);
      });
      await page.goto(url, { waitUntil: 'networkidle' });
      const fcp = await page.evaluate(
        () => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
      );
      fcps.push(fcp);
      startupBytes = 0;
      for (const p of scripts) {
        const file = path.join(outDir, p.replace(/^\//, ''));
        if (existsSync(file)) startupBytes += gzipSync(readFileSync(file)).length;
      }
      await page.close();
    }
    fcps.sort((a, b) => a - b);
    o.print({ name: 'W6 first contentful paint (production build, local server)', n: 1, runs: fcps.length, median_ms: fcps[Math.floor((fcps.length - 1) / 2)], p95_ms: fcps[fcps.length - 1], throughput: 0, unit: 'ms', workers: 0 });
    o.print({ name: 'W6 JavaScript loaded at start, gzipped', n: 1, runs: 1, median_ms: 0, p95_ms: 0, throughput: startupBytes, unit: 'bytes (gzip)', workers: 0 });

    // Slider → chart: needs the workbench's pledge slider and its chart status attribute.
    const page = await browser.newPage();
    await page.goto(`${url}#preset=crespo-city-public`, { waitUntil: 'networkidle' });
    const slider = page.locator('[data-bench="lever-slider"]').first();
    if ((await slider.count()) === 0) {
      console.error('W6: slider-to-chart skipped, the page has no [data-bench="lever-slider"]');
    } else {
      const times: number[] = [];
      const steps = o.quick ? 5 : 40;
      for (let i = 0; i < steps; i++) {
        // A plain string: tsx would otherwise wrap named inner functions in a helper the page lacks.
        const ms = (await page.evaluate(`(async () => {
          const i = ${i};
          const input = document.querySelector('[data-bench="lever-slider"]');
          const chart = document.querySelector('[data-bench="result"]');
          const before = chart.getAttribute('data-version');
          const t0 = performance.now();
          const min = Number(input.min || 0);
          const max = Number(input.max || 1);
          // Consecutive values always differ (0.1, 0.2, …, 0.9 of the range), so every step is a new scenario.
          const v = min + ((max - min) * ((i % 9) + 1)) / 10;
          const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
          setter.call(input, String(v));
          input.dispatchEvent(new Event('input', { bubbles: true }));
          input.dispatchEvent(new Event('change', { bubbles: true }));
          await new Promise((resolve, reject) => {
            setTimeout(() => reject(new Error('no new result within 20 s')), 20000);
            const check = () => {
              if (chart.getAttribute('data-version') !== before && chart.getAttribute('data-busy') !== 'true') resolve(null);
              else requestAnimationFrame(check);
            };
            check();
          });
          await new Promise((r) => requestAnimationFrame(() => r(null)));
          return performance.now() - t0;
        })()`)) as number;
        times.push(ms);
      }
      times.sort((a, b) => a - b);
      o.print({ name: "W6 slider change to updated chart, Crespo's city", n: 7000, runs: times.length, median_ms: times[Math.floor((times.length - 1) / 2)], p95_ms: times[Math.min(times.length - 1, Math.ceil(0.95 * times.length) - 1)], throughput: 0, unit: 'ms', workers: 0 });
    }

    // Long tasks (> 50 ms) on the main thread while a sweep and a phase diagram run in workers.
    await page.evaluate(`(() => {
      window.__long = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) window.__long.push(e.duration);
      }).observe({ type: 'longtask', buffered: false });
    })()`);
    const longSince = async (from: number) => ((await page.evaluate('window.__long')) as number[]).slice(from);
    await page.getByRole('tab', { name: 'Sweep' }).click();
    const t0 = Date.now();
    await page.locator('[data-bench="run-sweep"]').click();
    await page.waitForSelector('[data-bench="sweep-done"]', { timeout: 120_000 });
    const sweepLong = await longSince(0);
    o.print({ name: "W6 long tasks (> 50 ms) during a 21-point sweep, Crespo's city", n: 21, runs: 1, median_ms: Date.now() - t0, p95_ms: sweepLong.length ? Math.max(...sweepLong) : 0, throughput: sweepLong.length, unit: 'long tasks', workers: 0 });
    await page.getByRole('tab', { name: 'Phase diagram' }).click();
    const grid = o.quick ? '16' : '64';
    await page.getByLabel('Field up (y)').selectOption('levers.strikeFund.fund');
    await page.getByLabel('Resolution').selectOption(grid);
    const before = sweepLong.length;
    const t1 = Date.now();
    await page.getByRole('button', { name: 'Run phase diagram' }).click();
    await page.waitForSelector('[data-bench="phase-done"]', { timeout: 300_000 });
    const phaseLong = await longSince(before);
    o.print({ name: `W6 long tasks (> 50 ms) during a ${grid}x${grid} phase diagram (pledged share x fund), Crespo's city`, n: Number(grid) ** 2, runs: 1, median_ms: Date.now() - t1, p95_ms: phaseLong.length ? Math.max(...phaseLong) : 0, throughput: phaseLong.length, unit: 'long tasks', workers: 0 });
    await page.close();
  } finally {
    await browser.close();
    await server.close();
  }
}
