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
import { chromium, type Browser, type Page } from 'playwright-core';
import { DEFAULT_VIEW, encodeLink } from '../src/app/link';
import type { ScenarioInput } from '../src/engine';
import { PRESETS } from '../src/presets';
import fs from 'node:fs';
import os from 'node:os';
import type { BenchLine } from './run';
import { BIG_GROUPS, bigScenario, bigSteps, type StepKind } from './bigScenario';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Build the production app, serve it on a free port and launch Debian's Chromium headless. */
async function serveAndLaunch() {
  const outDir = path.join(root, 'node_modules', '.cache', 'holdout-bench-dist');
  const shared = { root, configFile: path.join(root, 'vite.config.ts'), logLevel: 'warn' as const, build: { outDir, emptyOutDir: true } };
  await build({ ...shared, mode: 'production' });
  const server = await preview({ ...shared, preview: { port: 0, host: '127.0.0.1', strictPort: true, open: false } });
  const url = server.resolvedUrls!.local[0];
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
  return { outDir, server, url, browser };
}

export async function runBrowserBench(o: { quick: boolean; print: (l: BenchLine) => void; bigOnly?: boolean; sliderOnly?: boolean }) {
  if (!existsSync('/usr/bin/chromium')) {
    console.error('W6: skipped, /usr/bin/chromium is not installed');
    return;
  }
  const { outDir, server, url, browser } = await serveAndLaunch();
  try {
    // The 10,000-group scenario: long tasks per step, grouped by kind of step.
    if (!o.sliderOnly) {
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
    if (!o.sliderOnly) await startup(o, browser, url, outDir);

    // Slider → chart: needs the workbench's pledge slider and its chart status attribute. On
    // Crespo's city (7,000 defendants), then on the same city scaled to 100,000 defendants.
    const page = await browser.newPage({ viewport: SLIDER_VIEWPORT });
    const steps = o.quick ? 5 : 40;
    await page.goto(`${url}#preset=crespo-city-public`, { waitUntil: 'networkidle' });
    const drag = await dragTimes(page, steps);
    if (drag) o.print(dragLine("W6 slider dragged by the pointer to painted chart, Crespo's city", 7000, drag));
    const times = await sliderTimes(page, steps);
    if (times) o.print({ name: "W6 slider change to updated chart, Crespo's city", n: 7000, runs: times.length, median_ms: quantile(times, 0.5), p95_ms: quantile(times, 0.95), throughput: 0, unit: 'ms', workers: 0 });
    const big = await browser.newPage({ viewport: SLIDER_VIEWPORT });
    await big.goto(`${url}${encodeLink({ scenario: scaledCity(100_000), view: DEFAULT_VIEW })}`, { waitUntil: 'networkidle' });
    const bigDrag = await dragTimes(big, steps);
    if (bigDrag) o.print(dragLine("W6 slider dragged by the pointer to painted chart, Crespo's city scaled to 100,000 defendants", 100_000, bigDrag));
    const bigTimes = await sliderTimes(big, steps);
    if (bigTimes) o.print({ name: "W6 slider change to updated chart, Crespo's city scaled to 100,000 defendants", n: 100_000, runs: bigTimes.length, median_ms: quantile(bigTimes, 0.5), p95_ms: quantile(bigTimes, 0.95), throughput: 0, unit: 'ms', workers: 0 });
    await big.close();
    if (o.sliderOnly) {
      await page.close();
      return;
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

/** W6's first contentful paint and the JavaScript fetched before the page is idle. */
async function startup(o: { quick: boolean; print: (l: BenchLine) => void }, browser: Browser, url: string, outDir: string) {
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
}

/**
 * W8 in the browser: the app's Phase diagram tab, its worker pool, a 64×64 diagram of pledged
 * share × budget (0..7,000) on Crespo's city (7,000 defendants, random ranking, 32 runs: the
 * Node W8 scenario), opened from a link. Times from the click on Run to the painted final
 * diagram (the frame after the panel says it is done) and to the first coarse picture; each
 * page load's first diagram runs on fresh workers (cold), then Run again on the same ones (warm).
 */
export async function runPhaseBrowserBench(o: {
  quick: boolean;
  print: (l: BenchLine) => void;
  scenario: unknown;
  /** Random runs a cell (the scenario's). */
  runs: number;
  grid: number;
  /** Workers in the app's pool (navigator.hardwareConcurrency as the page sees it). */
  workers?: number;
}) {
  if (!existsSync('/usr/bin/chromium')) {
    console.error('W8 in the browser: skipped, /usr/bin/chromium is not installed');
    return;
  }
  const { encodeLink } = await import('../src/app/link');
  const hash = encodeLink({
    scenario: o.scenario as never,
    view: {
      tab: 'phase',
      phase: {
        x: { field: 'groups[0].pledgedShare', from: '0', to: '0.9' },
        y: { field: 'prosecutor.budget', from: '0', to: '7000' },
        res: o.grid,
        outcome: 'takeRatio',
        criterion: { kind: 'takeAtMostNoPlea' },
        ran: false,
      },
    },
  });
  const { server, url, browser } = await serveAndLaunch();
  const cold: { total: number; coarse: number }[] = [];
  const warm: { total: number; coarse: number }[] = [];
  let workers = 0;
  try {
    for (let rep = 0; rep < (o.quick ? 1 : 3); rep++) {
      const page = await browser.newPage();
      await page.goto(`${url}${hash}`, { waitUntil: 'networkidle' });
      await page.waitForSelector('[data-bench="run-phase"]:not([disabled])', { timeout: 60_000 });
      workers = (await page.evaluate('navigator.hardwareConcurrency')) as number;
      for (const into of [cold, warm]) {
        // A plain string: tsx would otherwise wrap named inner functions in a helper the page lacks.
        const r = (await page.evaluate(`(async () => {
          const panel = document.querySelector('[data-bench="run-phase"]').closest('form')?.parentElement ?? document.body;
          const t0 = performance.now();
          let coarse = NaN;
          document.querySelector('[data-bench="run-phase"]').click();
          await new Promise((resolve, reject) => {
            setTimeout(() => reject(new Error('no phase diagram within 300 s')), 300000);
            let started = false;
            const check = () => {
              const done = document.querySelector('[data-bench="phase-done"]');
              const out = document.querySelector('.ha-output svg');
              if (!started && !done) started = true;
              if (started && Number.isNaN(coarse) && out) coarse = performance.now() - t0;
              if (started && done) resolve(null);
              else requestAnimationFrame(check);
            };
            // The panel drops the last diagram when a run starts: wait for that frame first.
            requestAnimationFrame(check);
          });
          await new Promise((r) => requestAnimationFrame(() => r(null)));
          return { total: performance.now() - t0, coarse };
        })()`)) as { total: number; coarse: number };
        into.push(r);
      }
      await page.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
  const med = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
  for (const [kind, list] of [['fresh workers', cold], ['warm workers', warm]] as const) {
    const totals = list.map((r) => r.total);
    o.print({
      name: `W8 in the browser: phase diagram ${o.grid}x${o.grid} pledged share x budget, Crespo's city, ${o.runs} random runs a cell, time to the painted diagram (${kind})`,
      n: o.grid * o.grid,
      runs: list.length,
      median_ms: med(totals.slice()),
      p95_ms: Math.max(...totals),
      throughput: (o.grid * o.grid) / (med(totals.slice()) / 1000),
      unit: 'cells/s',
      workers,
      first_coarse_ms: Math.round(med(list.map((r) => r.coarse))),
    });
  }
}

/** Crespo's city (the public-pledge preset) with its groups and budget scaled to `n` defendants. */
export function scaledCity(n: number): ScenarioInput {
  const base = PRESETS.find((p) => p.id === 'crespo-city-public')!.scenario as {
    groups: { count: number }[];
    prosecutor: { budget: number };
  };
  const s = structuredClone(base);
  const total = base.groups.reduce((a, g) => a + g.count, 0);
  let left = n;
  s.groups.forEach((g, i) => {
    g.count = i === s.groups.length - 1 ? left : Math.round((g.count * n) / total);
    left -= g.count;
  });
  s.prosecutor.budget = Math.round((base.prosecutor.budget * n) / total);
  return s as unknown as ScenarioInput;
}

function quantile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))];
}

/** The page's pledge slider once its first result is on screen; null (said) when it has none. */
/**
 * The window of the slider lines: a 1920 × 1080 screen, scrolled as a hand at the levers would
 * have it (the quick levers' card at the top), so the totals and the ladder are on screen and the
 * frame timed really paints the chart. (Until 2026-12-03 these lines ran at 1280 × 720–800
 * with the levers where the page opens: the ladder was below the fold, its raster not in the
 * frames timed.)
 */
export const SLIDER_VIEWPORT = { width: 1920, height: 1080 } as const;

async function pledgeSlider(page: Page, line: string) {
  const slider = page.locator('[data-bench="lever-slider"]').first();
  if ((await slider.count()) === 0) {
    console.error(`W6: ${line} skipped, the page has no [data-bench="lever-slider"]`);
    return null;
  }
  await page.waitForSelector('[data-bench="result"][data-busy="false"]', { timeout: 120_000 });
  const inView = (await page.evaluate(`(() => {
    const slider = document.querySelector('[data-bench="lever-slider"]');
    (slider.closest('.card') ?? slider).scrollIntoView({ block: 'start' });
    const chart = document.querySelector('[data-bench="result"] .hc-figure svg');
    if (!chart) return false;
    const r = chart.getBoundingClientRect();
    return r.top >= 0 && r.bottom <= innerHeight;
  })()`)) as boolean;
  if (!inView) console.error(`W6: ${line}: the chart is not wholly on screen (${JSON.stringify(page.viewportSize())})`);
  return slider;
}

/**
 * `steps` slider changes, each timed from the input event to the end of the frame that paints the
 * new result (sorted, ms): the commit is caught by a MutationObserver, the chart's draw (a passive
 * effect) has run by the next task, and a task queued in the following animation frame runs after
 * that frame's paint. (Until 2026-12-02 the time ran to the animation frame after the frame that
 * painted it, one frame more.) Null when the page has no pledge slider.
 */
async function sliderTimes(page: Page, steps: number): Promise<number[] | null> {
  if (!(await pledgeSlider(page, 'slider-to-chart'))) return null;
  const times: number[] = [];
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
      // The commit that shows the new result, seen as it happens (not at the next frame's poll).
      await new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('no new result within 20 s')), 20000);
        const done = () => {
          if (chart.getAttribute('data-version') === before || chart.getAttribute('data-busy') === 'true') return;
          observer.disconnect();
          clearTimeout(timer);
          resolve(null);
        };
        const observer = new MutationObserver(done);
        observer.observe(chart, { attributes: true, attributeFilter: ['data-version', 'data-busy'] });
        done();
      });
      const afterTask = () => new Promise((r) => { const c = new MessageChannel(); c.port1.onmessage = () => r(null); c.port2.postMessage(null); });
      // A task queued after the commit runs after React's passive effects (the chart's D3 draw);
      // then the next frame paints, and a task queued in its animation frame runs after that paint.
      await afterTask();
      await new Promise((r) => requestAnimationFrame(() => r(null)));
      await afterTask();
      return performance.now() - t0;
    })()`)) as number;
    times.push(ms);
  }
  return times.sort((a, b) => a - b);
}

/** How long the pointer rests on the slider's thumb before pressing (a hand's reach and aim). */
const HOVER_MS = 300;

export interface DragStep {
  /** From the slider's input event to the end of the frame that paints the chart (ms). */
  ms: number;
  /** The same from the pointer event's time stamp (when the browser took the pointer's move). */
  fromPointer: number;
  /** From the input event to the DOM commit of the new result. */
  commit: number;
}

function dragLine(name: string, n: number, steps: DragStep[]): BenchLine {
  const q = (k: keyof DragStep, p: number) => quantile(steps.map((s) => s[k]).sort((a, b) => a - b), p);
  return {
    name,
    n,
    runs: steps.length,
    median_ms: q('ms', 0.5),
    p95_ms: q('ms', 0.95),
    throughput: 0,
    unit: 'ms',
    workers: 0,
    from_pointer_p50_ms: Math.round(q('fromPointer', 0.5) * 10) / 10,
    from_pointer_p95_ms: Math.round(q('fromPointer', 0.95) * 10) / 10,
    commit_p50_ms: Math.round(q('commit', 0.5) * 10) / 10,
    commit_p95_ms: Math.round(q('commit', 0.95) * 10) / 10,
  };
}

/**
 * The pledge slider dragged as a hand drags it: the pointer on its thumb for HOVER_MS, the button
 * pressed, then `steps`
 * pointer moves through Chromium's input pipeline (CDP), each to a new position, waiting for
 * each one's chart. Chromium hands a drag's moves to the page at the start of a frame (before
 * its animation-frame callbacks, as it does a mouse's), so the frame that follows can show the
 * answer. Each step is timed from the slider's input event (the page's first word of the move)
 * to the end of the frame that paints the new result: the commit is caught by a
 * MutationObserver, and a task queued from the next animation-frame callback runs after that
 * frame's paint (a commit made while the input is handled is painted in the input's own frame).
 * Also timed from the pointer event's time stamp (which adds the wait for the frame) and to the
 * commit. Null when the page has no pledge slider.
 */
export async function dragTimes(page: Page, steps: number): Promise<DragStep[] | null> {
  const slider = await pledgeSlider(page, 'slider drag');
  if (!slider) return null;
  const box = (await slider.boundingBox())!;
  // A plain string: tsx would otherwise wrap named inner functions in a helper the page lacks.
  // Installed once a page; a second drag on the page (a warm one) starts a new record.
  await page.evaluate(`(() => {
    window.__drag = [];
    if (window.__dragInstalled) return;
    window.__dragInstalled = true;
    const input = document.querySelector('[data-bench="lever-slider"]');
    const chart = document.querySelector('[data-bench="result"]');
    let pending = null;
    let pointerAt = NaN;
    window.addEventListener('pointermove', (e) => { pointerAt = e.timeStamp; }, true);
    window.addEventListener('input', (e) => {
      if (e.target !== input) return;
      pending = { t0: performance.now(), pointerAt, before: chart.getAttribute('data-version') };
    }, true);
    const afterTask = (f) => { const c = new MessageChannel(); c.port1.onmessage = f; c.port2.postMessage(null); };
    new MutationObserver(() => {
      const p = pending;
      if (!p || chart.getAttribute('data-version') === p.before || chart.getAttribute('data-busy') === 'true') return;
      pending = null;
      const commit = performance.now() - p.t0;
      requestAnimationFrame(() => afterTask(() => {
        const end = performance.now();
        window.__drag.push({ ms: end - p.t0, fromPointer: end - p.pointerAt, commit });
        if (window.__dragSeen) window.__dragSeen();
      }));
    }).observe(chart, { attributes: true, attributeFilter: ['data-version', 'data-busy'] });
  })()`);
  const y = box.y + box.height / 2;
  // The pointer comes to the thumb and rests there a moment before the button goes down, as a
  // hand's does (the page loads and warms the engine of its inline answers on that hover).
  await page.mouse.move(box.x + box.width * 0.05, y);
  await new Promise((r) => setTimeout(r, HOVER_MS));
  await page.mouse.down();
  const out: DragStep[] = [];
  for (let i = 0; i < steps; i++) {
    // Positions 10%–90% of the track, consecutive ones far apart: every step is a new value.
    const frac = 0.1 + 0.8 * (((i * 7) % 17) / 16);
    // Wait inside the page for this move's chart (no polling from here: each evaluate is a task
    // on the page's main thread, which would compete with the frame being timed).
    const seen = page.evaluate(`new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('W6 drag: no chart for step ${i} within 20 s')), 20000);
      const check = () => { if (window.__drag.length > ${i}) { clearTimeout(timer); window.__dragSeen = null; resolve(null); } };
      window.__dragSeen = check;
      check();
    })`);
    await page.mouse.move(box.x + box.width * frac, y);
    await seen;
    // A pause between moves, as a hand's (and so the last step's frame is over).
    await new Promise((r) => setTimeout(r, 40));
  }
  await page.mouse.up();
  out.push(...((await page.evaluate('window.__drag')) as DragStep[]));
  return out;
}
