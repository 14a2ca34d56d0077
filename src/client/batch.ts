// Batch jobs spread over the worker pool: a 1-D lever sweep split into contiguous chunks, and a
// phase diagram sent in coarse-first batches so a rough picture appears early and sharpens.
// Every point is an ordinary scenario with the scenario's seed, so the numbers do not depend on
// which worker computed them: one worker or eight give identical arrays. The main thread only
// schedules and assembles arrays; every solve happens in a worker.
import { refinementOrder } from '../engine';
import type {
  OutcomeKey,
  PhaseResult,
  SuccessCriterion,
  SweepPoint,
  SweepResult,
} from '../engine';
import { meetsCriterion } from '../engine';
import type { EnginePool } from './engine';
import { abortError } from './pool';

/** What a batch needs of the pool (tests pass pools of fake or in-process workers). */
export type BatchPool = Pick<EnginePool, 'run' | 'size'>;

export interface BatchOptions {
  /** What counts as success (default: take ≤ noPlea take). */
  criterion?: SuccessCriterion | null;
  /** Abort: every chunk is cancelled (queued ones leave the queue, busy workers are terminated). */
  signal?: AbortSignal;
  /** Fraction of points done, 0..1, never decreasing; 1 once everything is in. */
  onProgress?: (fraction: number) => void;
}

export type SweepOutput = SweepResult & { skipped: { x: number; message: string }[] };

/** Chunks per worker for a sweep: a few, so a worker that draws cheap points takes more. */
export const CHUNKS_PER_WORKER = 3;
/** Cells per phase-diagram batch. */
export const PHASE_BATCH = 32;
/** Phase-diagram batches in flight a worker: one running, one waiting behind it. */
export const AHEAD = 2;
/** Least time between two progressive phase-diagram updates within a refinement level. */
export const UPDATE_INTERVAL_MS = 150;

/** Split 0..n into `parts` contiguous [start, end) ranges of near-equal length (none empty). */
export function splitRange(n: number, parts: number): [number, number][] {
  const k = Math.max(1, Math.min(n, Math.floor(parts)));
  const out: [number, number][] = [];
  for (let i = 0; i < k; i++) {
    const a = Math.floor((i * n) / k);
    const b = Math.floor(((i + 1) * n) / k);
    if (b > a) out.push([a, b]);
  }
  return out;
}

/**
 * Run tasks 0..n−1 with at most `concurrency` in flight, in index order; a task's successor is
 * launched before its `onDone` runs. The first failure (or an abort of `outer`) cancels every
 * task still running or waiting and rejects; `onDone` is never called after that.
 */
function runQueue<T>(
  n: number,
  concurrency: number,
  outer: AbortSignal | undefined,
  run: (i: number, signal: AbortSignal) => Promise<T>,
  onDone: (i: number, value: T) => void,
): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    if (outer?.aborted) {
      reject(abortError(outer.reason));
      return;
    }
    const inner = new AbortController();
    let next = 0;
    let active = 0;
    let finished = 0;
    let over = false;
    const stop = () => {
      over = true;
      outer?.removeEventListener('abort', onAbort);
    };
    const fail = (e: unknown) => {
      if (over) return;
      stop();
      inner.abort(e);
      reject(e);
    };
    const onAbort = () => fail(abortError(outer?.reason));
    outer?.addEventListener('abort', onAbort, { once: true });
    const launch = () => {
      while (!over && active < concurrency && next < n) {
        const i = next++;
        active++;
        let p: Promise<T>;
        try {
          p = run(i, inner.signal);
        } catch (e) {
          p = Promise.reject(e);
        }
        p.then(
          (value) => {
            if (over) return;
            active--;
            finished++;
            // The next task goes to the freed worker before this answer is handed over: the
            // worker computes while the page assembles and draws what came back.
            launch();
            try {
              onDone(i, value);
            } catch (e) {
              fail(e);
              return;
            }
            if (finished === n) {
              stop();
              resolve();
            }
          },
          (e: unknown) => fail(e),
        );
      }
    };
    if (n === 0) {
      stop();
      resolve();
      return;
    }
    launch();
  });
}

/** Reports only increases, so progress never goes back (chunks finish out of order). */
function monotone(report?: (fraction: number) => void) {
  let last = -1;
  return (f: number) => {
    const v = Math.min(1, Math.max(0, f));
    if (report && v > last) {
      last = v;
      report(v);
    }
  };
}

const asFraction = (p: unknown) => (typeof p === 'number' && Number.isFinite(p) ? p : 0);

/**
 * A 1-D sweep over the pool: `values` split into contiguous chunks (a few per worker), points
 * reassembled in the order of `values`, `skipped` merged, `successAt` (smallest x at which the
 * strike succeeds) and `random` recomputed. Rejects with an AbortError when aborted, and then
 * delivers nothing.
 */
export async function runSweep(
  pool: BatchPool,
  input: unknown,
  field: string,
  values: readonly number[],
  options: BatchOptions = {},
): Promise<SweepOutput> {
  const { signal } = options;
  const report = monotone(options.onProgress);
  const total = values.length;
  const chunks = splitRange(total, pool.size * CHUNKS_PER_WORKER);
  const parts: (SweepOutput | null)[] = chunks.map(() => null);
  const doneIn = chunks.map(() => 0);
  const progress = () => report(total === 0 ? 1 : doneIn.reduce((a, b) => a + b, 0) / total);

  await runQueue(
    chunks.length,
    Math.max(1, pool.size),
    signal,
    (i, s) => {
      const [a, b] = chunks[i];
      return pool.run('sweep', [input, field, values.slice(a, b), options.criterion ?? null], {
        signal: s,
        onProgress: (p) => {
          doneIn[i] = Math.max(doneIn[i], asFraction(p) * (b - a));
          progress();
        },
      });
    },
    (i, part) => {
      parts[i] = part;
      doneIn[i] = chunks[i][1] - chunks[i][0];
      progress();
    },
  );
  if (signal?.aborted) throw abortError(signal.reason);

  const points: SweepPoint[] = [];
  const skipped: SweepOutput['skipped'] = [];
  let random = false;
  for (const part of parts) {
    if (!part) continue;
    points.push(...part.points);
    skipped.push(...part.skipped);
    random ||= part.random;
  }
  report(1);
  return { field, points, random, successAt: successAt(points, options.criterion), skipped };
}

/** Smallest x at which the strike succeeds (run 0's value is 1), or null. */
export function successAt(
  points: readonly SweepPoint[],
  criterion?: SuccessCriterion | null,
): number | null {
  let best: number | null = null;
  for (const p of points) {
    if (meetsCriterion(p.outcomes, criterion) === 1 && (best === null || p.x < best)) best = p.x;
  }
  return best;
}

export interface PhaseSpec {
  xField: string;
  xs: readonly number[];
  yField: string;
  ys: readonly number[];
  outcome: OutcomeKey;
}

export interface PhaseOptions extends BatchOptions {
  /**
   * The picture so far: after each refinement level (level 0 = the stride-8 lattice) and at most
   * every ~150 ms in between. Never called after an abort.
   */
  onUpdate?: (phase: PhaseResult) => void;
  /**
   * How an update shows the cells not computed yet: 'nearest' (default) paints each with the
   * nearest cell of the finest completed lattice, so the picture is whole and sharpens in place;
   * 'none' leaves them NaN / −1 (the chart hatches them). The final result is exact either way.
   */
  fill?: 'nearest' | 'none';
  /** Cells per batch (default 32). */
  batchSize?: number;
  /** Least time between in-level updates (default 150 ms). */
  updateIntervalMs?: number;
}

const STRIDES = [8, 4, 2, 1];

/** The finest completed lattice's nearest cell for every cell not computed yet. */
function nearestFill(
  values: readonly number[],
  success: readonly number[],
  computed: Uint8Array,
  nx: number,
  ny: number,
  stride: number,
): { values: number[]; success: number[] } {
  const v = values.slice();
  const s = success.slice();
  const lastX = Math.floor((nx - 1) / stride) * stride;
  const lastY = Math.floor((ny - 1) / stride) * stride;
  const snapX = new Int32Array(nx);
  for (let ix = 0; ix < nx; ix++) snapX[ix] = Math.min(lastX, Math.round(ix / stride) * stride);
  for (let iy = 0; iy < ny; iy++) {
    const sy = Math.min(lastY, Math.round(iy / stride) * stride);
    for (let ix = 0; ix < nx; ix++) {
      const c = iy * nx + ix;
      if (computed[c]) continue;
      const src = sy * nx + snapX[ix];
      v[c] = values[src];
      s[c] = success[src];
    }
  }
  return { values: v, success: s };
}

/**
 * A phase diagram over the pool, coarse first: cells in refinementOrder, batches of ~32 that
 * never straddle a level, so the stride-8 picture is done first. Resolves with the exact grid
 * (level = the last level); invalid points stay NaN / −1. Rejects with an AbortError when aborted.
 */
export async function runPhase(
  pool: BatchPool,
  input: unknown,
  spec: PhaseSpec,
  options: PhaseOptions = {},
): Promise<PhaseResult> {
  const { signal, onUpdate } = options;
  const fill = options.fill ?? 'nearest';
  const batchSize = Math.max(1, Math.floor(options.batchSize ?? PHASE_BATCH));
  const interval = options.updateIntervalMs ?? UPDATE_INTERVAL_MS;
  const report = monotone(options.onProgress);
  const xs = [...spec.xs];
  const ys = [...spec.ys];
  const nx = xs.length;
  const ny = ys.length;
  const total = nx * ny;
  const { cells: order, levels } = refinementOrder(nx, ny);

  // Batches, level by level: enough per level to keep every worker busy on a small level.
  const batches: { level: number; cells: number[] }[] = [];
  let at = 0;
  levels.forEach((count, level) => {
    const nb = Math.max(Math.ceil(count / batchSize), Math.min(count, pool.size));
    for (const [a, b] of splitRange(count, nb))
      batches.push({ level, cells: order.slice(at + a, at + b) });
    at += count;
  });

  const values: number[] = new Array<number>(total).fill(NaN);
  const success: number[] = new Array<number>(total).fill(-1);
  const computed = new Uint8Array(total);
  const leftInLevel = levels.slice();
  let doneCells = 0;
  let completeLevels = 0; // levels 0..completeLevels−1 are complete
  let lastUpdate = -Infinity;
  const now = () => (typeof performance !== 'undefined' ? performance.now() : Date.now());

  const snapshot = (level: number): PhaseResult => {
    const stride = STRIDES[Math.min(level, STRIDES.length - 1)];
    const shown =
      fill === 'nearest' && completeLevels < levels.length
        ? nearestFill(values, success, computed, nx, ny, stride)
        : { values: values.slice(), success: success.slice() };
    return {
      xField: spec.xField,
      yField: spec.yField,
      xs,
      ys,
      outcome: spec.outcome,
      ...shown,
      level,
    };
  };

  // Two batches a worker in flight: the one it computes and the next, sent ahead to wait at
  // the worker behind it (the pool's `ahead`), so it starts the next the moment it answers.
  await runQueue(
    batches.length,
    AHEAD * Math.max(1, pool.size),
    signal,
    (i, s) => {
      const cells = batches[i].cells.map(
        (c) => [xs[c % nx], ys[Math.floor(c / nx)]] as [number, number],
      );
      // No progress callback: a batch is small (a few ms to ~100 ms) and progress moves as each
      // one comes back. A callback would cost a MessageChannel a batch and two messages per
      // report through the page's main thread, which the diagram's drawing already keeps busy.
      return pool.run('phaseCells', [input, spec.xField, spec.yField, cells, spec.outcome, options.criterion ?? null], {
        signal: s,
        ahead: true,
      });
    },
    (i, part) => {
      const batch = batches[i];
      batch.cells.forEach((c, k) => {
        const v = part.values[k];
        values[c] = v === null || v === undefined ? NaN : v;
        success[c] = part.success[k] ?? -1;
        computed[c] = 1;
      });
      doneCells += batch.cells.length;
      leftInLevel[batch.level] -= batch.cells.length;
      const before = completeLevels;
      while (completeLevels < levels.length && leftInLevel[completeLevels] === 0) completeLevels++;
      report(doneCells / total);
      if (!onUpdate || completeLevels === 0) return;
      const t = now();
      if (completeLevels > before || t - lastUpdate >= interval) {
        lastUpdate = t;
        onUpdate(snapshot(completeLevels - 1));
      }
    },
  );
  if (signal?.aborted) throw abortError(signal.reason);
  report(1);
  const final = snapshot(Math.max(0, levels.length - 1));
  return final;
}
