// W5 (or W8) in one thread, as one fresh worker computes it: the grid's cells in the coarse-first
// order, in batches of 32, through phaseCells (not a benchmark line). Prints the wall and CPU time
// and a checksum of the values, so a change can be checked for identical numbers and profiled
// (node --cpu-prof, --trace-opt --trace-deopt).
// Usage: npx tsx bench/profileW5.ts [--w8] [--grid 64] [--runs 32] [--repeat 1]
import { performance } from 'node:perf_hooks';
import { createHash } from 'node:crypto';
import { phaseCells } from '../src/engine/sweep/sweep';
import { refinementOrder } from '../src/engine/sweep/grid';
import { shareByBudget, shareByFund } from './phase';

const argv = process.argv.slice(2);
const arg = (name: string, d: number) => (argv.includes(name) ? Number(argv[argv.indexOf(name) + 1]) : d);
const grid = arg('--grid', 64);
const runs = arg('--runs', 32);
const repeat = arg('--repeat', 1);
const spec = argv.includes('--w8') ? shareByBudget(runs) : shareByFund(runs);
const xs = Array.from({ length: grid }, (_, i) => spec.x(i, grid));
const ys = Array.from({ length: grid }, (_, i) => spec.y(i, grid));
const order = refinementOrder(grid, grid).cells;
for (let r = 0; r < repeat; r++) {
  const values = new Array<number | null>(grid * grid).fill(null);
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  for (let i = 0; i < order.length; i += 32) {
    const batch = order.slice(i, i + 32);
    const cells = batch.map((c) => [xs[c % grid], ys[Math.floor(c / grid)]] as [number, number]);
    const out = phaseCells(spec.input, spec.xField, spec.yField, cells, spec.outcome as 'takeRatio');
    batch.forEach((c, k) => (values[c] = out.values[k]));
    if (process.env.W5_MARK) console.log(`-- cell ${i + batch.length}`);
  }
  const ms = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  const sum = createHash('sha256').update(JSON.stringify(values)).digest('hex').slice(0, 16);
  console.log(JSON.stringify({ repeat: r, wall_ms: Math.round(ms), cpu_ms: Math.round((cpu.user + cpu.system) / 1000), checksum: sum }));
}
// Each thread's CPU time (Linux): the main thread, V8's helper threads (compiling, GC), libuv's.
try {
  const { readdirSync, readFileSync } = await import('node:fs');
  const threads = readdirSync('/proc/self/task').map((t) => {
    const st = readFileSync(`/proc/self/task/${t}/stat`, 'utf8');
    const name = st.slice(st.indexOf('(') + 1, st.lastIndexOf(')'));
    const f = st.slice(st.lastIndexOf(')') + 2).split(' ');
    return { name, ms: (Number(f[11]) + Number(f[12])) * 10 };
  });
  console.log(JSON.stringify({ threads: threads.filter((t) => t.ms > 0) }));
} catch {
  // not Linux
}
