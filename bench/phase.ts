// W5: a 64×64 phase diagram over (pledged share, fund) on Crespo's city with a random ranking,
// computed coarse-first by a pool of worker threads (the same scheduling the browser client uses).
import { Worker } from 'node:worker_threads';
import { performance } from 'node:perf_hooks';
import { crespoCity } from './scenarios';
import { refinementOrder } from '../src/engine/sweep/grid';

export interface PhaseAxis {
  field: string;
  /** The axis runs from 0 to `max`. */
  max: number;
}

/** W5's axes: pledged share × strike fund. */
export const SHARE_BY_FUND: [PhaseAxis, PhaseAxis] = [
  { field: 'groups[0].pledgedShare', max: 0.9 },
  { field: 'levers.strikeFund.fund', max: 3000 },
];
/** W8's axes: pledged share × budget (every budget 0..N). */
export const SHARE_BY_BUDGET: [PhaseAxis, PhaseAxis] = [
  { field: 'groups[0].pledgedShare', max: 0.9 },
  { field: 'prosecutor.budget', max: 7000 },
];

export async function runPhaseBench(o: { grid: number; runs: number; workers: number; axes?: [PhaseAxis, PhaseAxis] }) {
  const [ax, ay] = o.axes ?? SHARE_BY_FUND;
  const integer = (field: string) => field === 'prosecutor.budget';
  const input = {
    ...crespoCity('priority', 'random', false, o.runs),
    levers: {
      pledge: { penalty: 5, secret: false },
      visibility: { observed: 1, sanction: 0 },
      strikeFund: { fund: 0, stipend: 1, insurance: 2 },
    },
  };
  const axis = (a: PhaseAxis) =>
    Array.from({ length: o.grid }, (_, i) => {
      const v = (a.max * i) / (o.grid - 1);
      return integer(a.field) ? Math.round(v) : v;
    });
  const xs = axis(ax);
  const ys = axis(ay);
  const order = refinementOrder(o.grid, o.grid);
  const coarseCount = order.levels[0];
  const values = new Array<number | null>(o.grid * o.grid).fill(null);
  // Cells computed (a value may be null: takeRatio at budget 0).
  const done = new Uint8Array(o.grid * o.grid);
  const batch = 32; // as the browser client (src/client/batch.ts)
  const batches: number[][] = [];
  for (let i = 0; i < order.cells.length; i += batch) batches.push(order.cells.slice(i, i + batch));
  const workers = Array.from(
    { length: o.workers },
    () => new Worker(new URL('./phaseWorker.mjs', import.meta.url)),
  );
  // Warm up each worker (module load and JIT) before timing.
  await Promise.all(
    workers.map(
      (w) =>
        new Promise<void>((resolve) => {
          w.once('message', () => resolve());
          w.postMessage({ id: -1, input, xField: ax.field, yField: ay.field, cells: [[xs[1], ys[1]]], outcome: 'takeRatio' });
        }),
    ),
  );
  const t0 = performance.now();
  let firstCoarseMs = NaN;
  let doneCells = 0;
  let next = 0;
  await new Promise<void>((resolve) => {
    let active = 0;
    const feed = (w: Worker) => {
      if (next >= batches.length) {
        if (active === 0) resolve();
        return;
      }
      const id = next++;
      active++;
      const cells = batches[id].map((c) => [xs[c % o.grid], ys[Math.floor(c / o.grid)]]);
      w.once('message', (r: { id: number; values: (number | null)[] }) => {
        active--;
        batches[r.id].forEach((c, i) => {
          values[c] = r.values[i];
          done[c] = 1;
        });
        doneCells += r.values.length;
        if (Number.isNaN(firstCoarseMs) && countDone(done, order.cells.slice(0, coarseCount)) === coarseCount) {
          firstCoarseMs = performance.now() - t0;
        }
        feed(w);
        if (next >= batches.length && active === 0) resolve();
      });
      w.postMessage({ id, input, xField: ax.field, yField: ay.field, cells, outcome: 'takeRatio' });
    };
    workers.forEach(feed);
  });
  const totalMs = performance.now() - t0;
  await Promise.all(workers.map((w) => w.terminate()));
  void doneCells;
  return { totalMs, firstCoarseMs, checksum: JSON.stringify(values) };
}

function countDone(done: Uint8Array, cells: number[]) {
  let n = 0;
  for (const c of cells) n += done[c];
  return n;
}
