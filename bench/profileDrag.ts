// Where a dragged lever's frame goes (not a benchmark line): W6's drag on Crespo's city under a
// Chromium trace, then the renderer main thread's self time per move by event (script, style,
// layout, paint…), and the DOM's size. Usage: npx tsx bench/profileDrag.ts [--no-build] [--steps 40]
// [--css '<rules>'] (a style sheet added to the page: an experiment).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, preview } from 'vite';
import { chromium } from 'playwright-core';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const steps = Number(argv[argv.indexOf('--steps') + 1]) || 40;
const outDir = path.join(root, 'node_modules', '.cache', `holdout-profile-dist-${path.basename(root)}`);
const shared = { root, configFile: path.join(root, 'vite.config.ts'), logLevel: 'warn' as const, build: { outDir, emptyOutDir: true, minify: false } };
if (!argv.includes('--no-build')) await build({ ...shared, mode: 'production' });
const server = await preview({ ...shared, preview: { port: 0, host: '127.0.0.1', strictPort: true, open: false } });
const url = server.resolvedUrls!.local[0];
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  await page.goto(`${url}#preset=crespo-city-public`, { waitUntil: 'networkidle' });
  await page.waitForSelector('[data-bench="result"][data-busy="false"]', { timeout: 120_000 });
  if (argv.includes('--css')) await page.addStyleTag({ content: argv[argv.indexOf('--css') + 1] });
  console.log('DOM elements:', await page.evaluate('document.getElementsByTagName("*").length'),
    'in SVGs:', await page.evaluate('[...document.querySelectorAll("svg")].map((s) => s.getElementsByTagName("*").length).join(",")'));
  const slider = page.locator('[data-bench="lever-slider"]').first();
  await slider.scrollIntoViewIfNeeded();
  const box = (await slider.boundingBox())!;
  await page.evaluate(`(() => {
    window.__drag = [];
    const input = document.querySelector('[data-bench="lever-slider"]');
    const chart = document.querySelector('[data-bench="result"]');
    let pending = null;
    window.addEventListener('input', (e) => { if (e.target === input) pending = { t0: performance.now(), before: chart.getAttribute('data-version') }; }, true);
    const afterTask = (f) => { const c = new MessageChannel(); c.port1.onmessage = f; c.port2.postMessage(null); };
    new MutationObserver(() => {
      const p = pending;
      if (!p || chart.getAttribute('data-version') === p.before || chart.getAttribute('data-busy') === 'true') return;
      pending = null;
      const commit = performance.now() - p.t0;
      requestAnimationFrame(() => afterTask(() => { window.__drag.push({ ms: performance.now() - p.t0, commit }); if (window.__dragSeen) window.__dragSeen(); }));
    }).observe(chart, { attributes: true, attributeFilter: ['data-version', 'data-busy'] });
  })()`);
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + box.width * 0.05, y);
  await new Promise((r) => setTimeout(r, 300));
  await page.mouse.down();
  // Two warm-up moves, then the trace.
  for (const f of [0.3, 0.6]) { await page.mouse.move(box.x + box.width * f, y); await new Promise((r) => setTimeout(r, 60)); }
  await page.evaluate('window.__drag = []');
  const cdp = await page.context().newCDPSession(page);
  type TraceEvent = { name: string; ph: string; dur?: number; tdur?: number; tid: number; pid: number; ts: number; args?: { name?: string } };
  const traceEvents: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected', (e) => void traceEvents.push(...(e.value as unknown as TraceEvent[])));
  const cpu = argv.includes('--cpu');
  if (cpu) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
    await cdp.send('Profiler.start');
  } else await cdp.send('Tracing.start', { categories: 'devtools.timeline,disabled-by-default-devtools.timeline,toplevel,blink,v8.execute', transferMode: 'ReportEvents' });
  for (let i = 0; i < steps; i++) {
    const frac = 0.1 + 0.8 * (((i * 7) % 17) / 16);
    const seen = page.evaluate(`new Promise((resolve) => { const check = () => { if (window.__drag.length > ${i}) { window.__dragSeen = null; resolve(null); } }; window.__dragSeen = check; check(); })`);
    await page.mouse.move(box.x + box.width * frac, y);
    await seen;
    await new Promise((r) => setTimeout(r, 40));
  }
  await page.mouse.up();
  type Node = { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] };
  let profile: { nodes: Node[]; samples: number[]; timeDeltas: number[] } | undefined;
  if (cpu) profile = ((await cdp.send('Profiler.stop')) as unknown as { profile: typeof profile }).profile;
  else {
    const done = new Promise<void>((r) => cdp.once('Tracing.tracingComplete', () => r()));
    await cdp.send('Tracing.end');
    await done;
  }
  const drag = (await page.evaluate('window.__drag')) as { ms: number; commit: number }[];
  const q = (k: 'ms' | 'commit', p: number) => { const s = drag.map((d) => d[k]).sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)]; };
  console.log(`to painted chart p50 ${q('ms', 0.5).toFixed(1)} p95 ${q('ms', 0.95).toFixed(1)}; to commit p50 ${q('commit', 0.5).toFixed(1)} p95 ${q('commit', 0.95).toFixed(1)}`);
  if (profile) {
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    const parent = new Map<number, number>();
    for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
    const self = new Map<string, number>();
    const incl = new Map<string, number>();
    profile.samples.forEach((id, j) => {
      const dt = profile!.timeDeltas[j] / 1000;
      const n = byId.get(id)!;
      const key = `${n.callFrame.functionName || '(anon)'} ${path.basename(n.callFrame.url)}:${n.callFrame.lineNumber + 1}`;
      self.set(key, (self.get(key) ?? 0) + dt);
      const seen = new Set<string>();
      for (let k: number | undefined = id; k !== undefined; k = parent.get(k)) { const f = byId.get(k)!.callFrame; seen.add(`${f.functionName || '(anon)'} ${path.basename(f.url)}:${f.lineNumber + 1}`); }
      for (const s2 of seen) incl.set(s2, (incl.get(s2) ?? 0) + dt);
    });
    // Inside drawLadder: inclusive time by the function it called.
    const under = new Map<string, number>();
    profile.samples.forEach((id, j) => {
      const names: string[] = [];
      for (let k: number | undefined = id; k !== undefined; k = parent.get(k)) names.push(byId.get(k)!.callFrame.functionName || '(anon)');
      const at = names.indexOf('drawLadder');
      if (at >= 0) { const key = at > 0 ? names[at - 1] : '(self)'; under.set(key, (under.get(key) ?? 0) + profile!.timeDeltas[j] / 1000); }
    });
    console.log('inside drawLadder, by callee (per move):');
    for (const [k, v] of [...under].sort((a, b) => b[1] - a[1]).slice(0, 20)) console.log(`${(v / steps).toFixed(2).padStart(8)} ms  ${k}`);
    console.log('self time per move:');
    for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log(`${(v / steps).toFixed(2).padStart(8)} ms  ${k}`);
    console.log('components and engine stages (inclusive, per move):');
    for (const [k, v] of [...incl].filter(([k]) => /^([A-Z][A-Za-z]+|resultScreen|solveScenario|ladderBins|ladderView|ladderFromRows|ladderTable|parseScenario|safeParse|drawLadder|paintMarks) /.test(k)).sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log(`${(v / steps).toFixed(2).padStart(8)} ms  ${k}`);
    console.log('inclusive per move:');
    for (const [k, v] of [...incl].filter(([k]) => !/^\((root|program|idle)\)/.test(k)).sort((a, b) => b[1] - a[1]).slice(0, 60)) console.log(`${(v / steps).toFixed(2).padStart(8)} ms  ${k}`);
  }
  const threads = new Map<string, string>();
  for (const e of traceEvents) if (e.ph === 'M' && e.name === 'thread_name') threads.set(`${e.pid}:${e.tid}`, e.args?.name ?? '');
  const groups = new Map<string, TraceEvent[]>();
  for (const e of traceEvents) if (e.ph === 'X' && e.dur !== undefined) { const k = `${e.pid}:${e.tid}`; if (!groups.has(k)) groups.set(k, []); groups.get(k)!.push(e); }
  for (const [k, evs] of groups) {
    const tname = threads.get(k) ?? k;
    if (!/CrRendererMain|Compositor$|VizCompositor/.test(tname)) continue;
    evs.sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
    const self = new Map<string, number>();
    const stack: { end: number; name: string }[] = [];
    for (const e of evs) {
      while (stack.length && stack[stack.length - 1].end <= e.ts) stack.pop();
      const d = e.dur! / 1000;
      self.set(e.name, (self.get(e.name) ?? 0) + d);
      if (stack.length) { const p = stack[stack.length - 1].name; self.set(p, (self.get(p) ?? 0) - d); }
      stack.push({ end: e.ts + e.dur!, name: e.name });
    }
    const sum = [...self.values()].reduce((a, b) => a + b, 0);
    // The thread's CPU time (tdur: time on a core, not waiting for one): the top-level events'.
    let cpu = 0;
    let end = -Infinity;
    for (const e of evs) if (e.ts >= end) { cpu += (e.tdur ?? 0) / 1000; end = e.ts + e.dur!; }
    console.log(`${tname}: ${(sum / steps).toFixed(2)} ms a move (self time by event); CPU ${(cpu / steps).toFixed(2)} ms a move:`);
    for (const [n, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 16)) if (v / steps >= 0.05) console.log(`${(v / steps).toFixed(2).padStart(8)} ms  ${n}`);
  }
} finally {
  await browser.close();
  await new Promise<void>((r) => server.httpServer.close(() => r()));
}
