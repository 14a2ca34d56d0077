// W8 in the browser, taken apart (not a benchmark line): the app's Phase diagram tab runs the
// 64×64 pledged share × budget diagram on Crespo's city (fresh workers, then warm), and the page
// logs each worker's calls: when a batch was posted, when its answer came back, and the main
// thread's long tasks. Prints, per run, the total, each worker's busy time (posted → answered)
// and idle time (answered → next posted), and the long tasks.
// Usage: npx tsx bench/profileW8.ts [--no-build] [--grid 64] [--reps 1]
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, preview } from 'vite';
import { chromium } from 'playwright-core';
import { encodeLink } from '../src/app/link';
import { shareByBudget } from './phase';
import { readdirSync, readFileSync } from 'node:fs';

/** CPU ms by thread name over the processes descended from this one (Chromium's), Linux only. */
function threadCpu(): Map<string, number> {
  const parent = new Map<number, number>();
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const st = readFileSync(`/proc/${d}/stat`, 'utf8');
      parent.set(Number(d), Number(st.slice(st.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // gone
    }
  }
  const mine = (pid: number): boolean => {
    for (let p = parent.get(pid); p !== undefined && p > 1; p = parent.get(p)) if (p === process.pid) return true;
    return false;
  };
  const out = new Map<string, number>();
  for (const pid of parent.keys()) {
    if (!mine(pid)) continue;
    let type = 'browser';
    try {
      type = /--type=([a-z-]+)/.exec(readFileSync(`/proc/${pid}/cmdline`, 'utf8'))?.[1] ?? 'browser';
    } catch {
      // gone
    }
    try {
      for (const t of readdirSync(`/proc/${pid}/task`)) {
        const st = readFileSync(`/proc/${pid}/task/${t}/stat`, 'utf8');
        const name = `${type}:${st.slice(st.indexOf('(') + 1, st.lastIndexOf(')')).replace(/[0-9]+$/, '')}`;
        const f = st.slice(st.lastIndexOf(')') + 2).split(' ');
        out.set(name, (out.get(name) ?? 0) + (Number(f[11]) + Number(f[12])) * 10);
      }
    } catch {
      // gone
    }
  }
  return out;
}

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const arg = (name: string, d: number) => (argv.includes(name) ? Number(argv[argv.indexOf(name) + 1]) : d);
const grid = arg('--grid', 64);
const reps = arg('--reps', 1);
const outDir = path.join(root, 'node_modules', '.cache', 'holdout-profile-dist');
const shared = { root, configFile: path.join(root, 'vite.config.ts'), logLevel: 'warn' as const, build: { outDir, emptyOutDir: true, minify: !argv.includes('--profile') } };
if (!argv.includes('--no-build')) await build({ ...shared, mode: 'production' });
const server = await preview({ ...shared, preview: { port: 0, host: '127.0.0.1', strictPort: true, open: false } });
const url = server.resolvedUrls!.local[0];
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
const hash = encodeLink({
  scenario: shareByBudget(32).input as never,
  view: {
    tab: 'phase',
    phase: {
      x: { field: 'groups[0].pledgedShare', from: '0', to: '0.9' },
      y: { field: 'prosecutor.budget', from: '0', to: '7000' },
      res: grid,
      outcome: 'takeRatio',
      criterion: { kind: 'takeAtMostNoPlea' },
      ran: false,
    },
  },
} as never);
try {
  for (let rep = 0; rep < reps; rep++) {
    const page = await browser.newPage();
    await page.addInitScript(`(() => {
      window.__log = [];
      window.__long = [];
      new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__long.push({ t: e.startTime, d: e.duration }); }).observe({ type: 'longtask', buffered: true });
      const W = window.Worker;
      let n = 0;
      window.Worker = function (...a) {
        const w = new W(...a);
        const id = n++;
        const post = w.postMessage.bind(w);
        w.postMessage = (m, ...rest) => { if (m && m.type === 'APPLY') window.__log.push({ w: id, d: 'out', t: performance.now(), m: m.path && m.path[0] }); return post(m, ...rest); };
        w.addEventListener('message', (ev) => { const d = ev.data; if (d && typeof d === 'object' && 'id' in d && 'type' in d) window.__log.push({ w: id, d: 'in', t: performance.now() }); });
        return w;
      };
      window.Worker.prototype = W.prototype;
    })()`);
    await page.goto(`${url}${hash}`, { waitUntil: 'networkidle' });
    await page.waitForSelector('[data-bench="run-phase"]:not([disabled])', { timeout: 60_000 });
    const cdp = await page.context().newCDPSession(page);
    for (const kind of ['fresh', 'warm']) {
      if (argv.includes('--profile')) {
        await cdp.send('Profiler.enable');
        await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
        await cdp.send('Profiler.start');
      }
      const cpu0 = threadCpu();
      const r = (await page.evaluate(`(async () => {
        window.__log.length = 0;
        window.__long.length = 0;
        const t0 = performance.now();
        document.querySelector('[data-bench="run-phase"]').click();
        await new Promise((resolve) => {
          let started = false;
          const check = () => {
            const done = document.querySelector('[data-bench="phase-done"]');
            if (!started && !done) started = true;
            if (started && done) resolve(null); else requestAnimationFrame(check);
          };
          requestAnimationFrame(check);
        });
        await new Promise((r) => requestAnimationFrame(() => r(null)));
        return { t0, total: performance.now() - t0, log: window.__log.slice(), long: window.__long.filter((e) => e.t >= t0) };
      })()`)) as { t0: number; total: number; log: { w: number; d: string; t: number; m?: string }[]; long: { t: number; d: number }[] };
      const byWorker = new Map<number, { busy: number; idle: number; jobs: number; last: number; open: number }>();
      for (const e of r.log) {
        if (e.d === 'out' && e.m !== 'phaseCells') continue;
        const s = byWorker.get(e.w) ?? { busy: 0, idle: 0, jobs: 0, last: r.t0, open: NaN };
        if (e.d === 'out') {
          s.idle += e.t - s.last;
          s.open = e.t;
          s.jobs++;
        } else if (!Number.isNaN(s.open)) {
          s.busy += e.t - s.open;
          s.last = e.t;
          s.open = NaN;
        }
        byWorker.set(e.w, s);
      }
      const cpu1 = threadCpu();
      if (argv.includes('--profile')) {
        const { profile } = (await cdp.send('Profiler.stop')) as { profile: { nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number } }[]; samples: number[]; timeDeltas: number[] } };
        const byId = new Map(profile.nodes.map((n) => [n.id, n]));
        const self = new Map<string, number>();
        profile.samples.forEach((id, j) => {
          const n = byId.get(id)!;
          const key = `${n.callFrame.functionName || '(anon)'} ${path.basename(n.callFrame.url)}:${n.callFrame.lineNumber + 1}:${n.callFrame.columnNumber}`;
          self.set(key, (self.get(key) ?? 0) + profile.timeDeltas[j] / 1000);
        });
        console.log(`main thread, ${kind}:`);
        for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`${v.toFixed(1).padStart(8)} ms  ${k}`);
      }
      const cpu: Record<string, number> = {};
      for (const [k, v] of cpu1) if (v - (cpu0.get(k) ?? 0) >= 20) cpu[k] = v - (cpu0.get(k) ?? 0);
      const end = r.t0 + r.total;
      console.log(JSON.stringify({
        rep,
        kind,
        total_ms: Math.round(r.total),
        workers: [...byWorker.values()].map((s) => ({ jobs: s.jobs, busy_ms: Math.round(s.busy), idle_ms: Math.round(s.idle), tail_ms: Math.round(end - s.last) })),
        long_tasks: r.long.length,
        long_ms: Math.round(r.long.reduce((a, e) => a + e.d, 0)),
        longest_ms: Math.round(Math.max(0, ...r.long.map((e) => e.d))),
        thread_cpu_ms: cpu,
      }));
    }
    await page.close();
  }
} finally {
  await browser.close();
  await server.close();
}
