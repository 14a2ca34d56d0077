// A breakdown of W6's long tasks during the 64×64 phase diagram (not a benchmark line): the same
// steps as bench/browser.ts (Crespo's city, pledged share × strike fund, 64×64), the long tasks
// (> 50 ms) on the main thread, and a CPU profile of the main thread over the run: self time and
// inclusive time by function.
// Usage: npx tsx bench/profileW6phase.ts [--no-build] [--runs 3] [--minify]
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, preview } from 'vite';
import { chromium } from 'playwright-core';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const runs = Number(argv[argv.indexOf('--runs') + 1]) || 3;
const outDir = path.join(root, 'node_modules', '.cache', 'holdout-profile-phase-dist');
const shared = { root, configFile: path.join(root, 'vite.config.ts'), logLevel: 'warn' as const, build: { outDir, emptyOutDir: true, minify: argv.includes('--minify') } };
if (!argv.includes('--no-build')) await build({ ...shared, mode: 'production' });
const server = await preview({ ...shared, preview: { port: 0, host: '127.0.0.1', strictPort: true, open: false } });
const url = server.resolvedUrls!.local[0];
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
type Node = { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] };
try {
  const self = new Map<string, number>();
  const incl = new Map<string, number>();
  let all = 0;
  for (let r = 0; r < runs; r++) {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await page.goto(`${url}#preset=crespo-city-public`, { waitUntil: 'networkidle' });
    await page.waitForSelector('[data-bench="result"][data-busy="false"]', { timeout: 120_000 });
    await page.getByRole('tab', { name: 'Phase diagram' }).click();
    await page.getByLabel('Field up (y)').selectOption('levers.strikeFund.fund');
    await page.getByLabel('Resolution').selectOption('64');
    await page.evaluate(`(() => {
      window.__long = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) { window.__long.push(Math.round(e.duration)); (window.__lt ??= []).push([e.startTime, e.duration]); }
      }).observe({ type: 'longtask', buffered: false });
    })()`);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await cdp.send('Profiler.start');
    const pageT0 = (await page.evaluate('performance.now()')) as number;
    const t0 = Date.now();
    await page.getByRole('button', { name: 'Run phase diagram' }).click();
    await page.waitForSelector('[data-bench="phase-done"]', { timeout: 300_000 });
    await page.evaluate('new Promise((r) => requestAnimationFrame(() => setTimeout(r, 100)))');
    const { profile } = (await cdp.send('Profiler.stop')) as { profile: { nodes: Node[]; samples: number[]; timeDeltas: number[]; startTime: number } };
    // Each long task: the functions its samples were in (self time), the profile's clock aligned
    // to the page's at Profiler.start (a few ms off at most).
    {
      const lt = (await page.evaluate('window.__lt ?? []')) as [number, number][];
      const byId0 = new Map(profile.nodes.map((n) => [n.id, n]));
      const par = new Map<number, number>();
      for (const n of profile.nodes) for (const c of n.children ?? []) par.set(c, n.id);
      let t = 0;
      const times = profile.timeDeltas.map((d) => (t += d) / 1000 + pageT0);
      for (const [s0, d] of lt) {
        const selfIn = new Map<string, number>();
        const inclIn = new Map<string, number>();
        profile.samples.forEach((id, j) => {
          if (times[j] < s0 || times[j] > s0 + d) return;
          const n = byId0.get(id)!;
          const dt = profile.timeDeltas[j] / 1000;
          const nm = (m: Node) => m.callFrame.functionName || '(anon)';
          selfIn.set(nm(n), (selfIn.get(nm(n)) ?? 0) + dt);
          const seen = new Set<string>();
          for (let k: number | undefined = id; k !== undefined; k = par.get(k)) seen.add(nm(byId0.get(k)!));
          for (const x of seen) inclIn.set(x, (inclIn.get(x) ?? 0) + dt);
        });
        const top = (m: Map<string, number>, n: number, keep: (k: string) => boolean) => [...m].filter(([k]) => keep(k)).sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, v]) => `${k} ${v.toFixed(0)}`).join(', ');
        console.log(`  long task ${d.toFixed(0)} ms: self ${top(selfIn, 6, () => true)}`);
        console.log(`      incl ${top(inclIn, 10, (k) => !/^(\(root\)|\(anon\)|performWorkUntilDeadline|flushPassiveEffects|commit.*|recursively.*|performWorkOnRoot.*|renderRootSync|workLoopSync|beginWork|updateFunctionComponent|renderWithHooks|completeRoot.*)$/.test(k))}`);
      }
    }
    console.log(`run ${r + 1}: ${Date.now() - t0} ms, long tasks ${JSON.stringify(await page.evaluate('window.__long'))}`);
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    const parent = new Map<number, number>();
    for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
    const name = (n: Node) => `${n.callFrame.functionName || '(anon)'} ${path.basename(n.callFrame.url)}:${n.callFrame.lineNumber + 1}`;
    profile.samples.forEach((id, j) => {
      const n = byId.get(id)!;
      const dt = profile.timeDeltas[j] / 1000;
      if (n.callFrame.functionName === '(idle)' || n.callFrame.functionName === '(program)') return;
      all += dt;
      self.set(name(n), (self.get(name(n)) ?? 0) + dt);
      const seen = new Set<string>();
      for (let k: number | undefined = id; k !== undefined; k = parent.get(k)) seen.add(name(byId.get(k)!));
      for (const s of seen) incl.set(s, (incl.get(s) ?? 0) + dt);
    });
    await page.close();
  }
  console.log(`main thread busy (sampled, not idle) per run: ${(all / runs).toFixed(0)} ms`);
  console.log('self time per run:');
  for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`${(v / runs).toFixed(1).padStart(8)} ms  ${k}`);
  console.log('inclusive time per run:');
  for (const [k, v] of [...incl].sort((a, b) => b[1] - a[1]).slice(0, 45)) console.log(`${(v / runs).toFixed(1).padStart(8)} ms  ${k}`);
} finally {
  await browser.close();
  await new Promise<void>((r) => server.httpServer.close(() => r()));
}
