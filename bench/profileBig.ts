// A breakdown of the 10,000-group scenario in the editor (issue 11 item 4; not a benchmark line,
// W6's "10,000 groups" line in bench/browser.ts is): for each step — opening the file, each quick
// lever moved once, a group field edited, a tab switched — the long tasks (> 50 ms) on the main
// thread and a CPU profile of the main thread, self time grouped by function.
// Usage: npx tsx bench/profileBig.ts [--no-build] [--top 25]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, preview } from 'vite';
import { chromium } from 'playwright-core';
import { bigScenario, bigSteps } from './bigScenario';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const argv = process.argv.slice(2);
const topN = Number(argv[argv.indexOf("--top") + 1]) || 25;
const outDir = path.join(root, 'node_modules', '.cache', 'holdout-profile-dist');
const shared = { root, configFile: path.join(root, 'vite.config.ts'), logLevel: 'warn' as const, build: { outDir, emptyOutDir: true, minify: false } };
if (!argv.includes('--no-build')) await build({ ...shared, mode: 'production' });
const server = await preview({ ...shared, preview: { port: 0, host: '127.0.0.1', strictPort: true, open: false } });
const url = server.resolvedUrls!.local[0];
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'holdout-big-')), 'big.json');
fs.writeFileSync(file, JSON.stringify(bigScenario()));
type Profile = { nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }[]; samples: number[]; timeDeltas: number[] };
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await bigSteps(page, url, file, {
    before: async () => {
      await cdp.send('Profiler.start');
    },
    after: async (name, long) => {
      const { profile } = (await cdp.send('Profiler.stop')) as { profile: Profile };
      const byId = new Map(profile.nodes.map((n) => [n.id, n]));
      const parent = new Map<number, number>();
      for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
      const self = new Map<string, number>();
      const incl = new Map<string, number>();
      let all = 0;
      profile.samples.forEach((id, j) => {
        const n = byId.get(id)!;
        const dt = profile.timeDeltas[j] / 1000;
        const fn = n.callFrame.functionName;
        if (fn === '(idle)' || fn === '(program)') return;
        all += dt;
        const key = `${fn || '(anon)'} ${path.basename(n.callFrame.url)}:${n.callFrame.lineNumber + 1}`;
        self.set(key, (self.get(key) ?? 0) + dt);
        const seen = new Set<string>();
        for (let k: number | undefined = id; k !== undefined; k = parent.get(k)) {
          const c = byId.get(k)!.callFrame;
          seen.add(`${c.functionName || '(anon)'} ${path.basename(c.url)}:${c.lineNumber + 1}`);
        }
        for (const s of seen) incl.set(s, (incl.get(s) ?? 0) + dt);
      });
      console.log(`\n== ${name}: long tasks ${JSON.stringify(long)} ms; main thread busy ${all.toFixed(0)} ms`);
      // Each busy stretch of the profile (samples between idle ones) over 50 ms: its own top
      // functions by inclusive time, a long task's causes one by one.
      const label = (k: number) => {
        const c = byId.get(k)!.callFrame;
        return `${c.functionName || '(anon)'} ${path.basename(c.url)}:${c.lineNumber + 1}`;
      };
      let run: number[] = [];
      let runMs = 0;
      const flush = () => {
        if (runMs > 50) {
          const inc = new Map<string, number>();
          const own = new Map<string, number>();
          for (const j of run) {
            const dt = profile.timeDeltas[j] / 1000;
            const id0 = profile.samples[j];
            own.set(label(id0), (own.get(label(id0)) ?? 0) + dt);
            const seen = new Set<string>();
            for (let k: number | undefined = id0; k !== undefined; k = parent.get(k)) seen.add(label(k));
            for (const s of seen) inc.set(s, (inc.get(s) ?? 0) + dt);
          }
          const top = [...inc].filter(([k]) => !/^\((root|program)\)|performWorkUntilDeadline|performWorkOnRoot|renderRootSync|workLoopSync|beginWork|renderWithHooks|updateFunctionComponent|commitRoot|completeRoot|flushSyncWork|runWithFiberInDEV|recursivelyTraverse|commitPassiveMountOnFiber|commitHookEffectListMount|flushPassiveEffects|processRootSchedule|performSyncWorkOnRoot|flushSyncWorkAcrossRoots|workLoopConcurrent|performUnitOfWork|renderRootConcurrent/.test(k));
          console.log(`  busy stretch ${runMs.toFixed(0)} ms: ` + top.sort((a, b) => b[1] - a[1]).slice(0, 8).map(([k, v]) => `${k} ${v.toFixed(0)}`).join(' | '));
          console.log(`    self: ` + [...own].sort((a, b) => b[1] - a[1]).slice(0, 6).map(([k, v]) => `${k} ${v.toFixed(0)}`).join(' | '));
        }
        run = [];
        runMs = 0;
      };
      profile.samples.forEach((id, j) => {
        const fn = byId.get(id)!.callFrame.functionName;
        if (fn === '(idle)') flush();
        else {
          run.push(j);
          runMs += profile.timeDeltas[j] / 1000;
        }
      });
      flush();
      console.log('  self:');
      for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, topN)) console.log(`${v.toFixed(1).padStart(8)} ms  ${k}`);
      console.log('  inclusive:');
      for (const [k, v] of [...incl].sort((a, b) => b[1] - a[1]).slice(0, topN)) console.log(`${v.toFixed(1).padStart(8)} ms  ${k}`);
    },
  });
} finally {
  await browser.close();
  await new Promise<void>((r) => server.httpServer.close(() => r()));
}
