// A Node worker thread for W5: computes batches of phase-diagram cells with the engine.
import { parentPort } from 'node:worker_threads';
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

parentPort!.on('message', (job: Job) => {
  const r = phaseCells(job.input, job.xField, job.yField, job.cells, job.outcome);
  parentPort!.postMessage({ id: job.id, ...r });
});
