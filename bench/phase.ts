// W5: a 64×64 phase diagram over (pledged share, fund) on Crespo's city with a random ranking,
// computed coarse-first by a pool of worker threads (the same scheduling the browser client uses).
import { Worker } from 'node:worker_threads';
import { threadCpuMs } from './threadCpu';
import { performance } from 'node:perf_hooks';
import { crespoCity } from './scenarios';
import { refinementOrder } from '../src/engine/sweep/grid';

/** What a phase bench computes: W5's default, or another scenario and pair of fields (W8). */
export interface PhaseSpec {
  input: unknown;
  xField: string;
  yField: string;
  /** The axis values for cell i of `grid`. */
  x: (i: number, grid: number) => number;
  y: (i: number, grid: number) => number;
  outcome: string;
}

export async function runPhaseBench(o: {
  grid: number;
  runs: number;
  workers: number;
  spec?: PhaseSpec;
  /**
   * Warm each worker on the whole grid before timing (V8 has compiled the engine's paths by
   * then): what a second diagram on the same workers costs. Default: one cell.
   */
  warm?: boolean;
  /** Batches in flight at each worker (default 2: one computing, one queued behind it). */
  ahead?: number;
}) {
  const spec: PhaseSpec = o.spec ?? shareByFund(o.runs);
  const input = spec.input;
  const xs = Array.from({ length: o.grid }, (_, i) => spec.x(i, o.grid));
  const ys = Array.from({ length: o.grid }, (_, i) => spec.y(i, o.grid));
  const order = refinementOrder(o.grid, o.grid);
  const coarseCount = order.levels[0];
  const values = new Array<number | null>(o.grid * o.grid).fill(null);
  // Which cells came back (a cell's value may be null: no noPlea take at budget 0, for one).
  const done = new Uint8Array(o.grid * o.grid);
  const batch = 32; // as the browser client (src/client/batch.ts)
  const batches: number[][] = [];
  for (let i = 0; i < order.cells.length; i += batch) batches.push(order.cells.slice(i, i + batch));
  const workers = Array.from(
    { length: o.workers },
    () => new Worker(new URL('./phaseWorker.mjs', import.meta.url)),
  );
  const warmCells = o.warm
    ? order.cells.map((c) => [xs[c % o.grid], ys[Math.floor(c / o.grid)]])
    : [[xs[1] ?? xs[0], ys[1] ?? ys[0]]];
  // Each worker thread's own CPU time (ms), as it last reported it (Linux; NaN elsewhere).
  const workerCpu = workers.map(() => NaN);
  const workerCpu0 = workers.map(() => NaN);
  // Each worker's garbage-collection pauses so far (ms, summed), asked for before and after the grid.
  const gcPauses = () =>
    Promise.all(
      workers.map(
        (w) =>
          new Promise<number>((resolve) => {
            w.once('message', (r: { gcMs: number }) => resolve(r.gcMs));
            w.postMessage({ gc: true });
          }),
      ),
    );
  // How long each worker waited between two timed batches (its own clock), and when it last answered.
  const workerWait = workers.map(() => 0);
  const lastAnswer = workers.map(() => NaN);
  // Warm up each worker (module load and JIT) before timing.
  await Promise.all(
    workers.map(
      (w, k) =>
        new Promise<void>((resolve) => {
          w.once('message', (r: { cpuMs: number }) => {
            workerCpu0[k] = r.cpuMs;
            resolve();
          });
          w.postMessage({ id: -1, input, xField: spec.xField, yField: spec.yField, cells: warmCells, outcome: spec.outcome });
        }),
    ),
  );
  const gc0 = await gcPauses();
  const cpu0 = process.cpuUsage();
  const main0 = threadCpuMs();
  const t0 = performance.now();
  let firstCoarseMs = NaN;
  let doneCells = 0;
  let next = 0;
  // Each worker holds up to `ahead` batches: the one it computes and the next, queued behind it,
  // so it starts the next the moment it posts an answer instead of waiting a round trip through
  // the main thread (as src/client/batch.ts with the pool's queueing ahead).
  const ahead = o.ahead ?? 2;
  await new Promise<void>((resolve) => {
    let active = 0;
    const feed = (w: Worker) => {
      if (next >= batches.length) return;
      const id = next++;
      active++;
      const cells = batches[id].map((c) => [xs[c % o.grid], ys[Math.floor(c / o.grid)]]);
      w.postMessage({ id, input, xField: spec.xField, yField: spec.yField, cells, outcome: spec.outcome });
    };
    workers.forEach((w, k) => {
      w.on('message', (r: { id: number; values: (number | null)[]; cpuMs: number; waitMs: number }) => {
        active--;
        // The next batch first, then this answer (as src/client/batch.ts's runQueue).
        feed(w);
        workerCpu[k] = r.cpuMs;
        // Not before its first timed batch: that wait began before the timing did.
        if (!Number.isNaN(lastAnswer[k])) workerWait[k] += r.waitMs;
        lastAnswer[k] = performance.now();
        batches[r.id].forEach((c, i) => {
          values[c] = r.values[i];
          done[c] = 1;
        });
        doneCells += r.values.length;
        if (Number.isNaN(firstCoarseMs) && countDone(done, order.cells.slice(0, coarseCount)) === coarseCount) {
          firstCoarseMs = performance.now() - t0;
        }
        if (next >= batches.length && active === 0) resolve();
      });
    });
    // The first batches round-robin (each worker starts on one at once), then one more each.
    for (let d = 0; d < ahead; d++) workers.forEach((w) => feed(w));
  });
  const t1 = performance.now();
  const totalMs = t1 - t0;
  const cpu = process.cpuUsage(cpu0);
  const mainCpuMs = threadCpuMs() - main0;
  workers.forEach((w) => w.removeAllListeners('message'));
  const gc1 = await gcPauses();
  await Promise.all(workers.map((w) => w.terminate()));
  void doneCells;
  // CPU time of the whole process while the grid ran, of the workers' own threads, and of the
  // main thread (scheduling): the rest is V8's helper threads (JIT compilation, GC).
  const cpuMs = (cpu.user + cpu.system) / 1000;
  const workersCpuMs = workerCpu.reduce((a, c, k) => a + (c - workerCpu0[k]), 0);
  // The workers' garbage-collection pauses inside the grid (summed; V8's helper threads do part
  // of the work beside them).
  const gcMs = gc1.reduce((a, c, k) => a + (c - gc0[k]), 0);
  // Workers idle inside the grid, summed over the workers, in ms: waiting for their next batch,
  // and after their last answer while another worker finished the grid (the tail).
  const waitMs = workerWait.reduce((a, c) => a + c, 0);
  const tailMs = lastAnswer.reduce((a, c) => a + (Number.isNaN(c) ? totalMs : t1 - c), 0);
  return { totalMs, firstCoarseMs, checksum: JSON.stringify(values), cpuMs, workersCpuMs, mainCpuMs, gcMs, waitMs, tailMs };
}

function countDone(done: Uint8Array, cells: number[]) {
  let n = 0;
  for (const c of cells) n += done[c];
  return n;
}

/** Crespo's city, random ranking, a pledge penalty and a fund paying stipend 1 and insurance 2. */
function cityWithFund(runs: number): unknown {
  return {
    ...crespoCity('priority', 'random', false, runs),
    levers: {
      pledge: { penalty: 5, secret: false },
      visibility: { observed: 1, sanction: 0 },
      strikeFund: { fund: 0, stipend: 1, insurance: 2 },
    },
  };
}

/** W5's spec: pledged share × strike fund. */
export function shareByFund(runs: number): PhaseSpec {
  return {
    input: cityWithFund(runs),
    xField: 'groups[0].pledgedShare',
    yField: 'levers.strikeFund.fund',
    x: (i, g) => (0.9 * i) / (g - 1),
    y: (i, g) => (3000 * i) / (g - 1),
    outcome: 'takeRatio',
  };
}

/** W8's spec: pledged share × budget (every budget 0..N, whole units) on Crespo's city, random ranking. */
export function shareByBudget(runs: number): PhaseSpec {
  return { ...shareByFund(runs), yField: 'prosecutor.budget', y: (i, g) => Math.round((7000 * i) / (g - 1)) };
}
