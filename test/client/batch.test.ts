// Sweeps and phase diagrams spread over the worker pool: the same arrays whatever the number of
// workers, coarse-first updates, monotone progress, and cancellation that stops everything.
import { describe, expect, it } from 'vitest';
import { createEnginePool, isAbortError, type EnginePool } from '../../src/client';
import { runPhase, runSweep, splitRange } from '../../src/client/batch';
import { phaseCells, sweep } from '../../src/engine/api';
import { sweepValues } from '../../src/engine/sweep/sweep';
import type { PhaseResult } from '../../src/engine/sweep/types';
import { fakeWorkers, flush } from './fakeWorkers';
import { inProcessWorkers } from './inProcessWorker';

const scenario = {
  schemaVersion: 1,
  seed: 3,
  groups: [
    { count: 12, convictionProbability: 0.6, trialSentence: 10, pledgedShare: 0.2 },
    { count: 8, convictionProbability: 0.8, trialSentence: 4, trialCost: 2 },
  ],
  prosecutor: { budget: 4, regime: 'priority', ranking: 'arrival' },
  levers: { pledge: { penalty: 3 } },
};

const pools: EnginePool[] = [];
const inProcess = (size: number) => {
  const p = createEnginePool({ createWorker: inProcessWorkers, size });
  pools.push(p);
  return p;
};

const X = 'groups[*].pledgedShare';
const Y = 'prosecutor.budget';
const xs = sweepValues(0, 1, 19); // 20 columns
const ys = sweepValues(0, 12, 12, true); // 13 rows

describe('splitRange', () => {
  it('covers 0..n with contiguous, non-empty, near-equal ranges', () => {
    expect(splitRange(10, 3)).toEqual([
      [0, 3],
      [3, 6],
      [6, 10],
    ]);
    expect(splitRange(2, 6)).toEqual([
      [0, 1],
      [1, 2],
    ]);
    expect(splitRange(0, 4)).toEqual([]);
  });
});

describe('runSweep', () => {
  // Conviction probability above 1 is invalid: those points are skipped.
  const values = sweepValues(0.3, 1.3, 25);

  it('gives the engine’s single-call sweep exactly, with 1, 2 or 3 workers', async () => {
    const direct = sweep(scenario, 'groups[0].convictionProbability', values);
    expect(direct.skipped.length).toBeGreaterThan(0);
    for (const size of [1, 2, 3]) {
      const r = await runSweep(
        inProcess(size),
        scenario,
        'groups[0].convictionProbability',
        values,
      );
      expect(r).toEqual(direct);
    }
  });

  it('recomputes successAt as the smallest x at which the strike succeeds', async () => {
    const v = sweepValues(0, 1, 20);
    const direct = sweep(scenario, X, v);
    const r = await runSweep(inProcess(3), scenario, X, v);
    expect(r.successAt).toBe(direct.successAt);
    const reversed = await runSweep(inProcess(2), scenario, X, [...v].reverse());
    expect(reversed.successAt).toBe(direct.successAt);
    expect(reversed.points.map((p) => p.x)).toEqual([...v].reverse());
  });

  it('reports monotone progress that ends at 1', async () => {
    const seen: number[] = [];
    await runSweep(inProcess(2), scenario, X, sweepValues(0, 1, 30), {
      onProgress: (f) => seen.push(f),
    });
    expect(seen.length).toBeGreaterThan(3);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect(seen[seen.length - 1]).toBe(1);
  });

  it('splits the values into contiguous chunks, a few per worker', async () => {
    const f = fakeWorkers();
    const pool = createEnginePool({ createWorker: f.factory, size: 2 });
    const v = sweepValues(0, 1, 11); // 12 values → 6 chunks of 2
    const p = runSweep(pool, scenario, X, v);
    await flush();
    expect(f.calls.map((c) => c.args[2])).toEqual([
      [0, 1 / 11],
      [2 / 11, 3 / 11],
    ]);
    // Answer out of order: the points still come back in x order.
    const answer = (i: number) => {
      const c = f.calls[i];
      c.resolve(sweep(c.args[0], c.args[1] as string, c.args[2] as number[]));
    };
    answer(1);
    await flush();
    answer(0);
    for (let i = 2; i < 6; i++) {
      await flush();
      answer(i);
    }
    const r = await p;
    expect(r).toEqual(sweep(scenario, X, v));
    expect(f.calls.length).toBe(6);
  });

  it('cancels every chunk on abort and rejects with an AbortError, delivering nothing', async () => {
    const f = fakeWorkers();
    const pool = createEnginePool({ createWorker: f.factory, size: 2 });
    const controller = new AbortController();
    const progress: number[] = [];
    const p = runSweep(pool, scenario, X, sweepValues(0, 1, 40), {
      signal: controller.signal,
      onProgress: (x) => progress.push(x),
    });
    await flush();
    expect(f.calls.length).toBe(2);
    f.calls[0].onProgress?.(0.5);
    expect(progress.length).toBe(1);
    controller.abort();
    await expect(p).rejects.toSatisfy(isAbortError);
    // Both busy workers were terminated, nothing is queued, no chunk was started after.
    expect(f.workers.slice(0, 2).every((w) => w.terminated)).toBe(true);
    expect(pool.stats()).toMatchObject({ busy: 0, queued: 0 });
    await flush();
    expect(f.calls.length).toBe(2);
    // A late report from a cancelled chunk reaches no one.
    f.calls[1].onProgress?.(0.9);
    expect(progress.length).toBe(1);
  });

  it('rejects at once when the signal is already aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(
      runSweep(inProcess(1), scenario, X, [0, 1], { signal: controller.signal }),
    ).rejects.toSatisfy(isAbortError);
  });
});

describe('runPhase', () => {
  const spec = { xField: X, xs, yField: Y, ys, outcome: 'takeRatio' as const };
  const allCells: [number, number][] = ys.flatMap((y) => xs.map((x) => [x, y] as [number, number]));

  it('gives identical arrays with 1, 2 or 3 workers, equal to the engine’s cells', async () => {
    const direct = phaseCells(scenario, X, Y, allCells, 'takeRatio');
    const expectedValues = direct.values.map((v) => (v === null ? NaN : v));
    const results: PhaseResult[] = [];
    for (const size of [1, 2, 3]) results.push(await runPhase(inProcess(size), scenario, spec));
    for (const r of results) {
      expect(r.values).toEqual(expectedValues);
      expect(r.success).toEqual(direct.success);
      expect(r.level).toBe(3);
      expect(r.xs).toEqual(xs);
      expect(r.ys).toEqual(ys);
    }
    // Both outcomes occur, so the grid is a real test.
    expect(new Set(direct.success)).toEqual(new Set([0, 1]));
  });

  it('sends the stride-8 lattice first and reports level 0 first, then finer levels, then exact', async () => {
    const updates: PhaseResult[] = [];
    const final = await runPhase(inProcess(2), scenario, spec, {
      fill: 'none',
      onUpdate: (u) => updates.push(u),
    });
    expect(updates.length).toBeGreaterThanOrEqual(4);
    const first = updates[0];
    expect(first.level).toBe(0);
    for (let iy = 0; iy < ys.length; iy++)
      for (let ix = 0; ix < xs.length; ix++) {
        const onLattice = ix % 8 === 0 && iy % 8 === 0;
        if (onLattice) expect(first.success[iy * xs.length + ix]).not.toBe(-1);
      }
    const levels = updates.map((u) => u.level);
    expect(levels).toEqual([...levels].sort((a, b) => a - b));
    expect(new Set(levels)).toEqual(new Set([0, 1, 2, 3]));
    expect(updates[updates.length - 1]).toEqual(final);
  });

  it('batches never mix levels: the first calls carry only coarse cells', async () => {
    const f = fakeWorkers();
    const pool = createEnginePool({ createWorker: f.factory, size: 2 });
    const p = runPhase(pool, scenario, {
      ...spec,
      xs: sweepValues(0, 1, 63),
      ys: sweepValues(0, 12, 63),
    });
    await flush();
    // 64×64: the stride-8 lattice is 64 cells, sent as two batches of 32, one to each worker;
    // behind each waits a batch of the stride-4 lattice (sent ahead).
    expect(f.calls.map((c) => (c.args[3] as unknown[]).length)).toEqual([32, 32, 32, 32]);
    expect(f.calls.map((c) => c.worker.id)).toEqual([0, 1, 0, 1]);
    const gx = sweepValues(0, 1, 63);
    const gy = sweepValues(0, 12, 63);
    const onLattice = (stride: number, [x, y]: [number, number]) =>
      gx.indexOf(x) % stride === 0 && gy.indexOf(y) % stride === 0;
    for (const c of f.calls.slice(0, 2))
      for (const cell of c.args[3] as [number, number][]) expect(onLattice(8, cell)).toBe(true);
    for (const c of f.calls.slice(2))
      for (const cell of c.args[3] as [number, number][])
        expect(onLattice(4, cell) && !onLattice(8, cell)).toBe(true);
    pool.dispose();
    await expect(p).rejects.toSatisfy(isAbortError);
  });

  it('keeps a worker two batches ahead: the next sent before the page handles the answer it just gave', async () => {
    const f = fakeWorkers();
    const pool = createEnginePool({ createWorker: f.factory, size: 1 });
    const sentWhenHandled: number[] = [];
    const p = runPhase(pool, scenario, spec, {
      onProgress: () => sentWhenHandled.push(f.calls.length),
      onUpdate: () => sentWhenHandled.push(-f.calls.length),
    });
    await flush();
    for (let k = 0; k < f.calls.length; k++) {
      const c = f.calls[k];
      c.resolve(phaseCells(c.args[0], X, Y, c.args[3] as [number, number][], 'takeRatio'));
      await flush();
    }
    const r = await p;
    const batches = f.calls.length;
    expect(batches).toBeGreaterThan(3);
    // Batch k's answer (progress, then the update of a finished level) is handled with batch
    // k + 1 (running) and k + 2 (waiting at the worker behind it) already sent.
    const progress = sentWhenHandled.filter((x) => x > 0);
    expect(progress).toEqual(progress.map((_, k) => Math.min(k + 3, batches)));
    expect(sentWhenHandled.filter((x) => x < 0).every((x) => -x === batches || progress.includes(-x))).toBe(true);
    expect(r.values).toEqual((await runPhase(inProcess(1), scenario, spec)).values);
  });

  it('fills cells not computed yet from the nearest coarse cell, so the picture is whole', async () => {
    const updates: PhaseResult[] = [];
    await runPhase(inProcess(1), scenario, spec, { onUpdate: (u) => updates.push(u) });
    const first = updates[0];
    expect(first.level).toBe(0);
    expect(first.success.every((s) => s === 0 || s === 1)).toBe(true);
    // Cell (3, 2) takes its value from (0, 0); (5, 2) from (8, 0).
    const at = (ix: number, iy: number) => first.values[iy * xs.length + ix];
    expect(at(3, 2)).toBe(at(0, 0));
    expect(at(5, 2)).toBe(at(8, 0));
    expect(at(19, 12)).toBe(at(16, 8));
  });

  it('reports monotone progress reaching 1', async () => {
    const seen: number[] = [];
    await runPhase(inProcess(3), scenario, spec, { onProgress: (x) => seen.push(x) });
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect(seen[seen.length - 1]).toBe(1);
  });

  it('stops every batch on abort: rejects with an AbortError, no update after', async () => {
    const f = fakeWorkers();
    const pool = createEnginePool({ createWorker: f.factory, size: 3 });
    const controller = new AbortController();
    const updates: PhaseResult[] = [];
    const p = runPhase(pool, scenario, spec, {
      signal: controller.signal,
      onUpdate: (u) => updates.push(u),
    });
    await flush();
    const started = f.calls.length;
    expect(started).toBe(6); // a batch running at each worker, and one waiting behind it
    controller.abort();
    await expect(p).rejects.toSatisfy(isAbortError);
    expect(f.workers.slice(0, 3).every((w) => w.terminated)).toBe(true);
    // A cancelled batch's answer arriving late changes nothing.
    const c = f.calls[0];
    c.resolve(phaseCells(c.args[0], X, Y, c.args[3] as [number, number][], 'takeRatio'));
    await flush();
    expect(updates).toEqual([]);
    expect(f.calls.length).toBe(started);
    expect(pool.stats()).toMatchObject({ busy: 0, queued: 0 });
  });
});
