// A breakdown of W6's slider → chart on Crespo's city (not a benchmark line): for each slider
// change, the worker round trips (messages out and back, time to the last reply), the time to the
// DOM commit of the new bundle (data-version), and the time to the next painted frame; plus a CPU
// profile of the main thread over the changes, self time grouped by function.
// With --trace, a Chromium trace over the changes instead of the CPU profile: each thread's time
// per change by event (script, style, layout, paint, the compositor commit, the worker). With
// --big, Crespo's city scaled to 100,000 defendants (W6's second slider line). With --css
// '<rules>', a style sheet added to the page (an experiment: hide a part to see what it costs).
// With --drag, the steps are W6's drag by the pointer (bench/browser.ts's dragTimes: real input
// through Chromium's pipeline, the lever moving) instead of script-dispatched changes; the trace
// then also gives each thread's CPU a step (its time on a core, robust to the machine's load).
// With --each (and --drag), each move's time in the order of the moves.
// Usage: npx tsx bench/profileW6.ts [--no-build] [--steps 40] [--trace] [--big] [--drag] [--each] [--css '<rules>']
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, preview } from 'vite';
import { chromium } from 'playwright-core';
import { DEFAULT_VIEW, encodeLink } from '../src/app/link';
import { SLIDER_VIEWPORT, dragTimes, scaledCity } from './browser';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const steps = Number(argv[argv.indexOf('--steps') + 1]) || 40;
// One build per checkout (two worktrees may share node_modules for an A/B).
const outDir = path.join(root, 'node_modules', '.cache', `holdout-profile-dist-${path.basename(root)}`);
const shared = { root, configFile: path.join(root, 'vite.config.ts'), logLevel: 'warn' as const, build: { outDir, emptyOutDir: true, minify: false } };
if (!argv.includes('--no-build')) await build({ ...shared, mode: 'production' });
const server = await preview({ ...shared, preview: { port: 0, host: '127.0.0.1', strictPort: true, open: false } });
const url = server.resolvedUrls!.local[0];
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
try {
  const page = await browser.newPage({ viewport: SLIDER_VIEWPORT });
  await page.addInitScript(`(() => {
    window.__msgs = [];
    const post = Worker.prototype.postMessage;
    Worker.prototype.postMessage = function (...a) { window.__msgs.push({ d: 'out', t: performance.now() }); return post.apply(this, a); };
    const W = window.Worker;
    window.Worker = function (...a) { const w = new W(...a); w.addEventListener('message', () => window.__msgs.push({ d: 'in', t: performance.now() })); return w; };
    window.Worker.prototype = W.prototype;
  })()`);
  const big = argv.includes('--big');
  const trace = argv.includes('--trace');
  const start = big ? encodeLink({ scenario: scaledCity(100_000), view: DEFAULT_VIEW }) : '#preset=crespo-city-public';
  await page.goto(`${url}${start}`, { waitUntil: 'networkidle' });
  await page.waitForSelector('[data-bench="lever-slider"]');
  await page.waitForSelector('[data-bench="result"][data-busy="false"]', { timeout: 120_000 });
  if (argv.includes('--css')) await page.addStyleTag({ content: argv[argv.indexOf('--css') + 1] });
  const cdp = await page.context().newCDPSession(page);
  type TraceEvent = { name: string; ph: string; dur?: number; tdur?: number; tid: number; pid: number; ts: number; args?: { name?: string } };
  const traceEvents: TraceEvent[] = [];
  if (trace) {
    cdp.on('Tracing.dataCollected', (e) => void traceEvents.push(...(e.value as unknown as TraceEvent[])));
    await cdp.send('Tracing.start', { categories: 'devtools.timeline,disabled-by-default-devtools.timeline,toplevel', transferMode: 'ReportEvents' });
  } else {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await cdp.send('Profiler.start');
  }
  const rows: { total: number; commit: number; lastReply: number; firstPost: number; outs: number; ins: number }[] = [];
  if (argv.includes('--drag')) {
    const drag = await dragTimes(page, steps);
    for (const d of drag ?? []) rows.push({ total: d.ms, commit: d.commit, lastReply: NaN, firstPost: NaN, outs: 0, ins: 0 });
    if (argv.includes('--each')) console.log('each move (ms):', (drag ?? []).map((d) => d.ms.toFixed(1)).join(' '));
  }
  for (let i = 0; i < (argv.includes('--drag') ? 0 : steps); i++) {
    rows.push((await page.evaluate(`(async () => {
      const i = ${i};
      const input = document.querySelector('[data-bench="lever-slider"]');
      const chart = document.querySelector('[data-bench="result"]');
      const before = chart.getAttribute('data-version');
      window.__msgs = [];
      let commit = NaN;
      const t0 = performance.now();
      const mo = new MutationObserver(() => { if (Number.isNaN(commit) && chart.getAttribute('data-version') !== before && chart.getAttribute('data-busy') !== 'true') commit = performance.now() - t0; });
      mo.observe(chart, { attributes: true });
      const v = Number(input.min || 0) + ((Number(input.max || 1) - Number(input.min || 0)) * ((i % 9) + 1)) / 10;
      Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set.call(input, String(v));
      input.dispatchEvent(new Event('input', { bubbles: true }));
      input.dispatchEvent(new Event('change', { bubbles: true }));
      await new Promise((resolve) => { const check = () => { if (chart.getAttribute('data-version') !== before && chart.getAttribute('data-busy') !== 'true') resolve(null); else requestAnimationFrame(check); }; check(); });
      await new Promise((r) => requestAnimationFrame(() => r(null)));
      const total = performance.now() - t0;
      mo.disconnect();
      const outs = window.__msgs.filter((m) => m.d === 'out');
      const ins = window.__msgs.filter((m) => m.d === 'in');
      return { total, commit, firstPost: outs.length ? outs[0].t - t0 : NaN, lastReply: ins.length ? ins[ins.length - 1].t - t0 : NaN, outs: outs.length, ins: ins.length };
    })()`)) as (typeof rows)[number]);
  }
  const q = (k: keyof (typeof rows)[number], p: number) => { const s = rows.map((r) => r[k]).sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)]; };
  if (trace) {
    const done = new Promise<void>((r) => cdp.once('Tracing.tracingComplete', () => r()));
    await cdp.send('Tracing.end');
    await done;
    for (const k of ['total', 'commit', 'lastReply', 'firstPost', 'outs', 'ins'] as const) console.log(`${k.padEnd(10)} p50 ${q(k, 0.5).toFixed(1)}  p95 ${q(k, 0.95).toFixed(1)}`);
    const threads = new Map<string, string>();
    for (const e of traceEvents) if (e.ph === 'M' && e.name === 'thread_name') threads.set(`${e.pid}:${e.tid}`, e.args?.name ?? '');
    const groups = new Map<string, TraceEvent[]>();
    for (const e of traceEvents) if (e.ph === 'X' && e.dur !== undefined) { const k = `${e.pid}:${e.tid}`; if (!groups.has(k)) groups.set(k, []); groups.get(k)!.push(e); }
    // Self time by event name on each thread (a nested event's time is taken from its parent's).
    const byThread = new Map<string, Map<string, number>>();
    // Each thread's CPU (tdur: time on a core, not waiting for one), summed over its top-level events.
    const cpuOf = new Map<string, number>();
    for (const [k, evs] of groups) {
      const tname = threads.get(k) ?? k;
      if (!/CrRendererMain|Compositor|DedicatedWorker/.test(tname)) continue;
      evs.sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
      const self = byThread.get(tname) ?? new Map<string, number>();
      const stack: { end: number; name: string }[] = [];
      let topEnd = -Infinity;
      for (const e of evs) {
        if (e.ts >= topEnd) {
          cpuOf.set(tname, (cpuOf.get(tname) ?? 0) + (e.tdur ?? 0) / 1000);
          topEnd = e.ts + e.dur!;
        }
        while (stack.length && stack[stack.length - 1].end <= e.ts) stack.pop();
        const d = e.dur! / 1000;
        self.set(e.name, (self.get(e.name) ?? 0) + d);
        if (stack.length) { const p = stack[stack.length - 1].name; self.set(p, (self.get(p) ?? 0) - d); }
        stack.push({ end: e.ts + e.dur!, name: e.name });
      }
      byThread.set(tname, self);
    }
    for (const [t, self] of byThread) {
      const sum = [...self.values()].reduce((a, b) => a + b, 0);
      console.log(`${t}: ${(sum / steps).toFixed(2)} ms a change (self time by event); CPU ${((cpuOf.get(t) ?? 0) / steps).toFixed(2)} ms a change:`);
      for (const [n, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 14)) if (v / steps >= 0.05) console.log(`${(v / steps).toFixed(2).padStart(8)} ms  ${n}`);
    }
  } else {
  const { profile } = (await cdp.send('Profiler.stop')) as { profile: { nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount?: number }[]; samples: number[]; timeDeltas: number[] } };
  for (const k of ['total', 'commit', 'lastReply', 'firstPost', 'outs', 'ins'] as const) console.log(`${k.padEnd(10)} p50 ${q(k, 0.5).toFixed(1)}  p95 ${q(k, 0.95).toFixed(1)}`);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  let all = 0;
  profile.samples.forEach((id, j) => {
    const n = byId.get(id)!;
    const dt = profile.timeDeltas[j] / 1000;
    all += dt;
    const key = `${n.callFrame.functionName || "(anon)"} ${path.basename(n.callFrame.url)}:${n.callFrame.lineNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + dt);
  });
  console.log(`main thread profile over ${steps} changes: ${all.toFixed(0)} ms`);
  for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log(`${v.toFixed(1).padStart(8)} ms  ${k}`);
  // Inclusive time of the stages: a sample counts once for every stage on its stack.
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of (n as { children?: number[] }).children ?? []) parent.set(c, n.id);
  const stages = ['dispatchDiscreteEvent', 'handleMessage', 'performWorkUntilDeadline', 'workLoopSync', 'commitRoot', 'resultScreen', 'solveScenario', 'ladderBins', 'ladderFromRows', 'ladderView', 'ladderTable', 'drawLadder', 'paintMarks', 'ChartFrame', 'QuickLevers', 'Editor', 'useWorkbench', 'parseScenario', 'safeParse', 'DataTable', 'postMessage', 'requestAnimationFrame'];
  const incl = new Map<string, number>();
  profile.samples.forEach((id, j) => {
    const seen = new Set<string>();
    for (let k: number | undefined = id; k !== undefined; k = parent.get(k)) seen.add(byId.get(k)!.callFrame.functionName);
    for (const st of seen) if (stages.includes(st) || /^[A-Z][a-z]/.test(st)) incl.set(st, (incl.get(st) ?? 0) + profile.timeDeltas[j] / 1000);
  });
  console.log('inclusive, per change:');
  for (const st of stages) console.log(`${((incl.get(st) ?? 0) / steps).toFixed(2).padStart(8)} ms  ${st}`);
  const under = new Map<string, number>();
  profile.samples.forEach((id, j) => {
    const names: string[] = [];
    for (let k: number | undefined = id; k !== undefined; k = parent.get(k)) names.push(byId.get(k)!.callFrame.functionName || '(anon)');
    const at = names.indexOf('drawLadder');
    if (at > 0) { const key = names.slice(Math.max(0, at - 3), at).reverse().join(' > '); under.set(key, (under.get(key) ?? 0) + profile.timeDeltas[j] / 1000); }
  });
  console.log('inside drawLadder (per change):');
  for (const [k, v] of [...under].sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log(`${(v / steps).toFixed(2).padStart(8)} ms  ${k}`);
  console.log('components (inclusive, per change):');
  for (const [k, v] of [...incl].filter(([k]) => !stages.includes(k)).sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`${(v / steps).toFixed(2).padStart(8)} ms  ${k}`);
  }
} finally {
  await browser.close();
  await new Promise<void>((r) => server.httpServer.close(() => r()));
}
