// npm run bench [-- --quick] [-- --only W1,W2] (W6big: only W6's 10,000-group lines)
// Prints one JSON object per line:
//   {"name","n","runs","median_ms","p95_ms","throughput","unit","workers"}
// --quick: a short smoke version (CI checks that it runs, never its times).
// Each line carries `vs_readme`: its change against bench/baseline.json (README's table);
// --write-baseline rewrites that file from this run.
import { performance } from 'node:perf_hooks';
import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { ScenarioSchema } from '../src/engine/scenario/schema';
import { solveScenario, prepare } from '../src/engine/solve';
import { priorityPass } from '../src/engine/regimes/priority';
import { arrivalRanking } from '../src/engine/regimes/ranking';
import { crespoCity, docketCity, w1City, w3Lottery } from './scenarios';
import { runPhaseBench, shareByBudget } from './phase';
import { runBrowserBench, runPhaseBrowserBench } from './browser';
import { budgetSweepScenarios, sweepBudgets } from './budget';
import { forgetForcedSpendMemo } from '../src/engine/regimes/forcedSpend';
import { runCPass } from './cpass';

const argv = process.argv.slice(2);
const quick = argv.includes('--quick');
const onlyArg = argv.find((a) => a.startsWith('--only'));
const only = onlyArg
  ? new Set((onlyArg.includes('=') ? onlyArg.split('=')[1] : argv[argv.indexOf(onlyArg) + 1]).split(','))
  : null;
const want = (w: string) => !only || only.has(w);
// `--ahead 1`: W5's workers get one batch at a time (the scheduling before batches were sent
// ahead), for A/B runs; default 2.
const aheadArg = argv.find((a) => a.startsWith('--ahead'));
const w5Ahead = aheadArg
  ? Number(aheadArg.includes('=') ? aheadArg.split('=')[1] : argv[argv.indexOf(aheadArg) + 1])
  : undefined;

export interface BenchLine {
  name: string;
  n: number;
  runs: number;
  median_ms: number;
  p95_ms: number;
  throughput: number;
  unit: string;
  workers: number;
  [extra: string]: unknown;
}

const baselineUrl = new URL('./baseline.json', import.meta.url);
type Figures = Partial<Record<'median_ms' | 'p95_ms' | 'throughput' | 'first_coarse_ms' | 'worst_ms', number>>;
const baseline = JSON.parse(readFileSync(baselineUrl, 'utf8')) as { note: string; date: string; lines: Record<string, Figures> };
const written: Record<string, Figures> = {};
const lineKey = (line: BenchLine) => `${line.name}|${line.n}|${line.workers}`;

/** Each baseline figure's change, e.g. "median_ms -12.5%" (quick runs are not comparable). */
export function versusBaseline(line: BenchLine): string {
  if (quick) return 'quick run, not compared';
  const base = baseline.lines[lineKey(line)];
  if (!base) return 'new line, no baseline';
  const parts: string[] = [];
  for (const [key, was] of Object.entries(base) as [keyof Figures, number][]) {
    const now = line[key];
    if (typeof now !== 'number' || !was) continue;
    const pct = ((now - was) / was) * 100;
    parts.push(`${key} ${pct >= 0 ? '+' : ''}${pct.toFixed(1)}%`);
  }
  return parts.join(', ') || 'no comparable figure';
}

export function print(line: BenchLine) {
  const round = (x: number) => Math.round(x * 1000) / 1000;
  const out = { ...line, median_ms: round(line.median_ms), p95_ms: round(line.p95_ms), throughput: Math.round(line.throughput) };
  const figures: Figures = { median_ms: out.median_ms, p95_ms: out.p95_ms, throughput: out.throughput };
  for (const key of ['first_coarse_ms', 'worst_ms'] as const) {
    const v = (line as Record<string, unknown>)[key];
    if (typeof v === 'number') figures[key] = v;
  }
  written[lineKey(line)] = figures;
  console.log(JSON.stringify({ ...out, vs_readme: versusBaseline(line) }));
}

/** Time fn: warm up, then repeat until `minMs` spent and at least `minRuns` runs. */
export function measure(fn: () => void, minRuns: number, minMs: number): number[] {
  fn();
  const times: number[] = [];
  const start = performance.now();
  while (times.length < minRuns || (performance.now() - start < minMs && times.length < 1000)) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  return times.sort((a, b) => a - b);
}

export const median = (xs: number[]) => xs[Math.floor((xs.length - 1) / 2)];
export const p95 = (xs: number[]) => xs[Math.min(xs.length - 1, Math.ceil(0.95 * xs.length) - 1)];

const reps = quick ? { runs: 2, ms: 0 } : { runs: 7, ms: 1500 };

/** A phase-diagram bench line (W5, W8, W10): the whole grid's time and the first coarse picture. */
function phaseLine(
  name: string,
  grid: number,
  workers: number,
  r: PhaseRun,
) {
  // Process CPU while the grid ran, the workers' threads' share, and the rest (the main
  // thread's scheduling and V8's helper threads: JIT compilation and GC), in ms.
  const cpu =
    r.cpuMs === undefined
      ? {}
      : {
          cpu_ms: Math.round(r.cpuMs),
          workers_cpu_ms: Number.isFinite(r.workersCpuMs) ? Math.round(r.workersCpuMs!) : null,
          other_cpu_ms: Number.isFinite(r.workersCpuMs) ? Math.round(r.cpuMs - r.workersCpuMs!) : null,
          // Of the rest, the main thread's own share (the others are V8's helper threads).
          main_cpu_ms: Number.isFinite(r.mainCpuMs) ? Math.round(r.mainCpuMs!) : null,
          // The workers' garbage-collection pauses (summed), part of workers_cpu_ms.
          gc_ms: Number.isFinite(r.gcMs) ? Math.round(r.gcMs!) : null,
        };
  return {
    name,
    n: grid * grid,
    runs: 1,
    median_ms: r.totalMs,
    p95_ms: r.totalMs,
    throughput: (grid * grid) / (r.totalMs / 1000),
    unit: 'cells/s',
    workers,
    first_coarse_ms: Math.round(r.firstCoarseMs),
    ...cpu,
    // The workers' idle time inside the grid (summed): waiting for a batch, and at the tail.
    ...(r.waitMs === undefined ? {} : { wait_ms: Math.round(r.waitMs), tail_ms: Math.round(r.tailMs ?? NaN) }),
  };
}

type PhaseRun = {
  totalMs: number;
  firstCoarseMs: number;
  cpuMs?: number;
  workersCpuMs?: number;
  mainCpuMs?: number;
  gcMs?: number;
  waitMs?: number;
  tailMs?: number;
};

/**
 * A phase line over several runs of the same grid: the median of each figure (its time's range
 * beside it, `p95_ms` the slowest run), so one run's noise on the shared machine moves it less.
 */
function phaseSeriesLine(name: string, grid: number, workers: number, rs: PhaseRun[]) {
  const med = (f: (r: PhaseRun) => number | undefined) => {
    const xs = rs.map(f);
    return xs.some((x) => x === undefined) ? undefined : median((xs as number[]).slice().sort((a, b) => a - b));
  };
  const times = rs.map((r) => r.totalMs).sort((a, b) => a - b);
  const line = phaseLine(name, grid, workers, {
    totalMs: median(times),
    firstCoarseMs: med((r) => r.firstCoarseMs)!,
    cpuMs: med((r) => r.cpuMs),
    workersCpuMs: med((r) => r.workersCpuMs),
    mainCpuMs: med((r) => r.mainCpuMs),
    gcMs: med((r) => r.gcMs),
    waitMs: med((r) => r.waitMs),
    tailMs: med((r) => r.tailMs),
  });
  // other_cpu_ms: the median of each run's own rest (not the difference of two medians).
  const other = med((r) => (r.cpuMs === undefined || r.workersCpuMs === undefined ? undefined : r.cpuMs - r.workersCpuMs));
  return {
    ...line,
    runs: rs.length,
    p95_ms: times[times.length - 1],
    range_ms: [Math.round(times[0]), Math.round(times[times.length - 1])],
    ...(other === undefined || !('other_cpu_ms' in line) ? {} : { other_cpu_ms: Number.isFinite(other) ? Math.round(other) : null }),
  };
}

async function main() {
  if (want('W1')) {
    const sizes = quick ? [1e3, 1e5] : [1e3, 1e4, 1e5, 1e6, 1e7];
    for (const n of sizes) {
      const s = ScenarioSchema.parse(w1City(n));
      let kinds = 0;
      const t = measure(() => {
        kinds = solveScenario(s, { rows: 'never' }).totals.defendants;
      }, n >= 1e7 ? 3 : reps.runs, n >= 1e7 ? 0 : reps.ms);
      void kinds;
      print({ name: 'W1 priority optimal, totals', n, runs: t.length, median_ms: median(t), p95_ms: p95(t), throughput: n / (median(t) / 1000), unit: 'defendants/s', workers: 1 });
    }
    for (const n of quick ? [1e4] : [1e4, 1e5, 1e6]) {
      const s = ScenarioSchema.parse(w1City(n));
      const t = measure(() => solveScenario(s, { rows: 'always' }), reps.runs, reps.ms);
      print({ name: 'W1 priority optimal, per-defendant rows', n, runs: t.length, median_ms: median(t), p95_ms: p95(t), throughput: n / (median(t) / 1000), unit: 'defendants/s', workers: 1 });
    }
  }
  if (want('W2')) {
    const s = ScenarioSchema.parse(crespoCity('priority', 'arrival', true));
    const prep = prepare(s, true);
    const ranking = arrivalRanking(prep.pop.N);
    const input = { pop: prep.pop, dec: prep.dec, kindOf: prep.kindOf!, ranking, budget: s.prosecutor.budget! };
    const passesPerRep = quick ? 100 : 2000;
    const t = measure(() => {
      for (let r = 0; r < passesPerRep; r++) priorityPass(input);
    }, reps.runs, reps.ms);
    const steps = prep.pop.N * passesPerRep;
    // The plain C pass on the same data, right after (full runs only: CI never needs a compiler).
    // Both sides keep their fastest repetition for the ratio (the machine may be shared).
    const c = quick ? { skipped: 'quick run' } : runCPass(input, passesPerRep);
    const jsBest = t[0] / passesPerRep;
    const cFigures =
      'nsPerPass' in c
        ? {
            c_ms: Math.round(c.nsPerPass) / 1e6,
            js_best_ms: Math.round(jsBest * 1e6) / 1e6,
            ratio_to_c: Math.round((c.nsPerPass / 1e6 / jsBest) * 100) / 100,
            // The textbook loop in C (every rank, every outcome summed as it comes): what the engine ran before.
            c_textbook_ms: Math.round(c.nsPerPassTextbook) / 1e6,
            ratio_to_c_textbook: Math.round((c.nsPerPassTextbook / 1e6 / jsBest) * 100) / 100,
          }
        : { ratio_to_c: null, c_skipped: c.skipped };
    print({ name: 'W2 priority arrival, secret pledges, per-defendant pass', n: prep.pop.N, runs: t.length, median_ms: median(t) / passesPerRep, p95_ms: p95(t) / passesPerRep, throughput: steps / (median(t) / 1000), unit: 'defendant-steps/s', workers: 1, ...cFigures });
    const full = measure(() => solveScenario(s, { rows: 'always' }), reps.runs, reps.ms);
    print({ name: 'W2 full solve with rows', n: prep.pop.N, runs: full.length, median_ms: median(full), p95_ms: p95(full), throughput: prep.pop.N / (median(full) / 1000), unit: 'defendants/s', workers: 1 });
  }
  if (want('W3')) {
    const n = quick ? 1e5 : 1e6;
    const s = ScenarioSchema.parse(w3Lottery(n));
    const t = measure(() => solveScenario(s, { rows: 'never' }), reps.runs, reps.ms);
    print({ name: 'W3 lottery thresholds, equilibria, erosion, critical mass, strike-proof offer', n, runs: t.length, median_ms: median(t), p95_ms: p95(t), throughput: n / (median(t) / 1000), unit: 'defendants/s', workers: 1 });
  }
  if (want('W4')) {
    const s = ScenarioSchema.parse(crespoCity('forcedSpend', 'arrival', false));
    const t = measure(() => solveScenario(s, { rows: 'never' }), reps.runs, reps.ms);
    // The value function is kept as linear pieces (not 7,000 × 451 table cells): ranks per second.
    print({ name: "W4 forcedSpend, Crespo's city", n: 7000, runs: t.length, median_ms: median(t), p95_ms: p95(t), throughput: 7000 / (median(t) / 1000), unit: 'ranks/s', workers: 1 });
  }
  if (want('W5')) {
    // Each line is the median of several runs, 1 and 2 workers alternated (1, 2 then 2, 1: a
    // drift of the shared machine's load hits both alike); the speed-up is the median of the
    // pairs' ratios (each pair run back to back), with its range. Fresh workers: 3 pairs (1 in
    // --quick); warm workers: 5 pairs (none in --quick).
    const all = Math.max(1, os.availableParallelism?.() ?? os.cpus().length);
    const grid = quick ? 8 : 64;
    const runs = quick ? 4 : 32;
    const counts = [...new Set([1, 2, all])];
    let reference: string | undefined;
    for (const warm of quick ? [false] : [false, true]) {
      const pairs = warm ? 5 : quick ? 1 : 3;
      const load0 = os.loadavg()[0];
      const out = new Map<number, Awaited<ReturnType<typeof runPhaseBench>>[]>(counts.map((w) => [w, []]));
      for (let rep = 0; rep < pairs; rep++) {
        for (const workers of rep % 2 === 0 ? counts : [...counts].reverse()) {
          const r = await runPhaseBench({ grid, runs, workers, warm, ahead: w5Ahead });
          reference ??= r.checksum;
          out.get(workers)!.push(r);
        }
      }
      const load = [load0, os.loadavg()[0]].map((l) => Math.round(l * 100) / 100);
      for (const workers of counts) {
        const rs = out.get(workers)!;
        const ratios = rs.map((r, i) => out.get(1)![i].totalMs / r.totalMs).sort((a, b) => a - b);
        // What the CPU alone allows, for a loaded machine where the wall clock also counts other
        // work: one worker's wall is about its own thread's CPU (its helpers run on a free core),
        // `workers` workers' is at best their process's whole CPU spread over `workers` free cores.
        const cpuRatios = rs
          .map((r, i) => (workers * out.get(1)![i].workersCpuMs) / r.cpuMs)
          .filter((x) => Number.isFinite(x))
          .sort((a, b) => a - b);
        const r2 = (x: number) => Math.round(x * 100) / 100;
        print({
          ...phaseSeriesLine(
            `W5 phase diagram ${grid}x${grid}, ${runs} runs/cell, random ranking${warm ? ', warm workers' : ''}`,
            grid,
            workers,
            rs,
          ),
          speedup_vs_1: r2(median(ratios)),
          speedup_range: [r2(ratios[0]), r2(ratios[ratios.length - 1])],
          cpu_speedup_vs_1: workers === 1 ? 1 : cpuRatios.length ? r2(median(cpuRatios)) : null,
          identical_to_1_worker: rs.every((r) => r.checksum === reference),
          load_avg: load,
        });
      }
    }
  }
  if (want('W9')) {
    // The docket pass (MODEL §4.5), totals only: target ≤ 100 ms at 1,000,000 defendants × 520
    // weeks (issue 8 item 6). Then how the cost grows with N, the weeks and the deadline.
    const cases: [number, number, number, boolean][] = quick
      ? [[1e5, 520, 8, false], [1e5, 520, 8, true]]
      : [
          [1e6, 520, 8, false],
          [1e6, 520, 8, true],
          [1e5, 520, 8, false],
          [1e7, 520, 8, false],
          [1e6, 52, 8, false],
          [1e6, 520, 0, false],
          [1e6, 520, 520, false],
          [1e6, 520, 520, true],
        ];
    for (const [n, weeks, deadline, mixed] of cases) {
      const s = ScenarioSchema.parse(docketCity(n, weeks, deadline, mixed));
      // CPU time beside wall time: on a shared machine the wall clock also counts other work.
      const cpu: number[] = [];
      const t = measure(() => {
        const c0 = process.cpuUsage().user;
        solveScenario(s, { rows: 'never' });
        cpu.push((process.cpuUsage().user - c0) / 1000);
      }, n >= 1e7 ? 3 : reps.runs, n >= 1e7 ? 0 : reps.ms);
      cpu.shift(); // the warm-up run
      print({
        name: `W9 docket totals, ${mixed ? 'mixed trial costs 1-5' : 'equal trial costs'}`,
        n,
        runs: t.length,
        median_ms: median(t),
        p95_ms: p95(t),
        throughput: n / (median(t) / 1000),
        unit: 'defendants/s',
        workers: 1,
        weeks,
        deadline,
        cpu_median_ms: Math.round(median(cpu.sort((a, b) => a - b)) * 10) / 10,
      });
    }
  }
  // `--only W6big`: just W6's 10,000-group lines; `--only W6slider`: just its slider lines.
  if (want('W6') || want('W6big') || want('W6slider')) {
    await runBrowserBench({ quick, print, bigOnly: !want('W6') && want('W6big'), sliderOnly: !want('W6') && !want('W6big') });
  }
  if (want('W7')) {
    // Budget-independent solves: every regime on Crespo's city, each budget 0..N.
    for (const { label, input } of budgetSweepScenarios()) {
      // forcedSpend keeps its last backward pass only for the next solve with the same ranks,
      // believed kinds and range 0..B′ (a pass over another range can differ in the last bits), so
      // every budget of a sweep computes its own backward pass: the warm line is every budget of
      // a sweep, solved in turn in one process (it costs what a cold solve does); the cold line
      // forgets the kept pass before each solve (the first solve of a fresh scenario), every
      // 250th budget. The budgets still above 1.2× the median after the reps are timed again,
      // up to 8 more passes over those only (bench/budget.ts: the machine's slow stretches).
      // `retimed` counts them.
      const fs = label.startsWith('forcedSpend');
      // The cold line's 29 budgets take 3 reps in a tenth of a second, all inside one of the
      // machine's slow stretches when there is one (its median then rose with it: 0.99–1.25 ms
      // where the sweep's was 0.66–0.69): it takes 30 reps (about a second and a half).
      const lines: { kind: string; stride: number; reps: number; before?: () => void }[] = [
        { kind: fs ? ', warm (a sweep)' : '', stride: quick ? 3500 : 1, reps: 3 },
      ];
      if (fs) lines.push({ kind: ', cold (first solve)', stride: quick ? 3500 : 250, reps: 30, before: forgetForcedSpendMemo });
      for (const line of lines) {
        const f = sweepBudgets(label, input, {
          stride: line.stride,
          reps: quick ? 1 : line.reps,
          options: { rows: 'never' },
          before: line.before,
          retime: quick ? 0 : 8,
        });
        print({
          name: `W7 budget sweep 0..N, Crespo's city, ${label}${line.kind}, totals`,
          n: f.n,
          runs: f.budgets,
          median_ms: f.medianMs,
          p95_ms: f.worstMs,
          throughput: f.budgets / ((f.medianMs * f.budgets) / 1000),
          unit: 'solves/s',
          workers: 1,
          worst_ms: Math.round(f.worstMs * 1000) / 1000,
          worst_budget: f.worstBudget,
          budget_stride: line.stride,
          retimed: f.retimed,
        });
      }
    }
  }
  if (want('W8')) {
    // Phase diagrams over the budget: pledged share × budget 0..N, random ranking, 32 runs a cell.
    const runs = quick ? 4 : 32;
    for (const grid of quick ? [8] : argv.includes('--no-256') ? [64] : [64, 256]) {
      const workers = 2;
      const r = await runPhaseBench({ grid, runs, workers, spec: shareByBudget(runs) });
      print(phaseLine(`W8 phase diagram ${grid}x${grid} pledged share x budget, ${runs} runs/cell, random ranking`, grid, workers, r));
    }
    // The same diagram in the app (production build, headless Chromium, the app's worker pool).
    if (!argv.includes('--no-browser')) {
      await runPhaseBrowserBench({ quick, print, scenario: shareByBudget(runs).input, runs, grid: quick ? 8 : 64 });
    }
  }
  if (want('W10')) {
    // The default docket phase diagram: Crespo's city on a weekly docket (7,000 defendants,
    // 52 weeks, deadline 8), pledged share of the other felonies 0–0.2 × weekly capacity 1–30,
    // on 2 workers (target ≤ 10 s).
    const grid = quick ? 8 : 64;
    const input = JSON.parse(readFileSync(new URL('../src/presets/crespo-docket-sustained.scenario.json', import.meta.url), 'utf8')) as unknown;
    const r = await runPhaseBench({
      grid,
      runs: 1,
      workers: 2,
      spec: {
        input,
        xField: 'groups[1].pledgedShare',
        yField: 'docket.capacity',
        x: (i, g) => (0.2 * i) / (g - 1),
        y: (i, g) => 1 + Math.round((29 * i) / (g - 1)),
        outcome: 'takeRatio',
      },
    });
    print(phaseLine(`W10 docket phase diagram ${grid}x${grid}, Crespo's city on a weekly docket (pledged share x weekly capacity)`, grid, 2, r));
  }
  if (argv.includes('--write-baseline')) {
    const lines = { ...baseline.lines, ...written };
    const date = new Date().toISOString().slice(0, 10);
    writeFileSync(baselineUrl, JSON.stringify({ note: baseline.note, date, lines }, null, 2) + '\n');
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
