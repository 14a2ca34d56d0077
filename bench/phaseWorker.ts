// A Node worker thread for W5: computes batches of phase-diagram cells with the engine.
import { parentPort } from 'node:worker_threads';
import { PerformanceObserver } from 'node:perf_hooks';
import { threadCpuMs } from './threadCpu';
import { phaseCells } from '../src/engine/sweep/sweep';
import type { OutcomeKey } from '../src/engine/sweep/types';

interface Job {
  id: number;
  input: unknown;
  xField: string;
  yField: string;
  cells: [number, number][];
  outcome: OutcomeKey;
}


// This thread's garbage-collection pauses so far (ms, summed). Node reports a collection a
// moment after it (the observer's callback runs in a later turn), so the count is asked for in
// messages of their own, after the warm-up and after the grid, answered a turn later.
let gcMs = 0;
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) gcMs += e.duration;
}).observe({ entryTypes: ['gc'] });

// When this worker last answered: each answer says how long it waited for that batch (ms, its
// own clock; NaN for its first).
let answeredAt = NaN;

parentPort!.on('message', (job: Job | { gc: true }) => {
  if ('gc' in job) {
    setTimeout(() => parentPort!.postMessage({ gcMs }), 1);
    return;
  }
  const waitMs = performance.now() - answeredAt;
  const r = phaseCells(job.input, job.xField, job.yField, job.cells, job.outcome);
  parentPort!.postMessage({ id: job.id, ...r, cpuMs: threadCpuMs(), waitMs });
  answeredAt = performance.now();
});
