// The Result tab's job coalescer: one job runs, the latest question waits (newer ones replace
// it), answers carry their question's number and whether it is still the latest, and an answer
// that comes after cancel() is dropped.
import { describe, expect, it } from 'vitest';
import { createCoalescer, type Settled } from '../../src/client/coalesce';

/** Jobs that settle when the test says so. */
function manual(asked: { n: number } = { n: 0 }) {
  const jobs: { args: string; signal: AbortSignal; resolve: (v: string) => void; reject: (e: unknown) => void; progress: (p: unknown) => void }[] = [];
  const settled: { args: string; seq: number; outcome: Settled<string>; latest: boolean }[] = [];
  /** For each answer, the newest question asked when it came. */
  const newest: number[] = [];
  const progress: { args: string; seq: number; progress: unknown }[] = [];
  const c = createCoalescer<string, string>({
    run: (args, signal, onProgress) =>
      new Promise<string>((resolve, reject) => jobs.push({ args, signal, resolve, reject, progress: onProgress })),
    onSettled: (args, seq, outcome, latest) => {
      settled.push({ args, seq, outcome, latest });
      newest.push(asked.n);
    },
    onProgress: (args, seq, p) => progress.push({ args, seq, progress: p }),
  });
  return { c, jobs, settled, progress, newest };
}
const tick = () => new Promise((r) => setTimeout(r, 0));

describe('createCoalescer', () => {
  it('runs one job at a time; the latest question waiting wins, the ones in between never run', async () => {
    const m = manual();
    m.c.submit('a', 1);
    m.c.submit('b', 2);
    m.c.submit('c', 3);
    m.c.submit('d', 4);
    expect(m.jobs.map((j) => j.args)).toEqual(['a']);
    expect(m.c.stats()).toEqual({ running: 1, waiting: 1 });
    m.jobs[0].resolve('A');
    await tick();
    // a is answered (stale: d was asked since) and d starts; b and c never ran.
    expect(m.settled).toEqual([{ args: 'a', seq: 1, outcome: { ok: true, value: 'A' }, latest: false }]);
    expect(m.jobs.map((j) => j.args)).toEqual(['a', 'd']);
    expect(m.jobs[0].signal.aborted).toBe(false); // nothing was aborted on the way
    m.jobs[1].resolve('D');
    await tick();
    expect(m.settled[1]).toEqual({ args: 'd', seq: 4, outcome: { ok: true, value: 'D' }, latest: true });
    expect(m.c.stats()).toEqual({ running: 0, waiting: 0 });
  });

  it('starts at once when nothing runs, and reports failures with their number', async () => {
    const m = manual();
    m.c.submit('a', 7);
    m.jobs[0].reject(new Error('boom'));
    await tick();
    expect(m.settled).toHaveLength(1);
    expect(m.settled[0].seq).toBe(7);
    expect(m.settled[0].latest).toBe(true);
    expect(m.settled[0].outcome.ok).toBe(false);
    m.c.submit('b', 8);
    expect(m.jobs.map((j) => j.args)).toEqual(['a', 'b']);
  });

  it('a question answered elsewhere (supersede) forgets the waiting one and makes the running one stale', async () => {
    const m = manual();
    m.c.submit('a', 1);
    m.c.submit('b', 2);
    m.c.supersede(3);
    m.jobs[0].resolve('A');
    await tick();
    expect(m.settled).toEqual([{ args: 'a', seq: 1, outcome: { ok: true, value: 'A' }, latest: false }]);
    expect(m.jobs.map((j) => j.args)).toEqual(['a']); // b never runs
  });

  it('cancel aborts the running job, forgets the waiting one, and drops the answer that comes after', async () => {
    const m = manual();
    m.c.submit('a', 1);
    m.c.submit('b', 2);
    m.jobs[0].progress(0.5);
    m.c.cancel();
    expect(m.jobs[0].signal.aborted).toBe(true);
    m.jobs[0].progress(0.9); // too late: not reported
    m.jobs[0].resolve('A'); // too late: dropped
    await tick();
    expect(m.settled).toEqual([]);
    expect(m.progress).toEqual([{ args: 'a', seq: 1, progress: 0.5 }]);
    expect(m.jobs).toHaveLength(1);
    // A new question after cancel runs at once.
    m.c.submit('c', 3);
    m.jobs[1].resolve('C');
    await tick();
    expect(m.settled).toEqual([{ args: 'c', seq: 3, outcome: { ok: true, value: 'C' }, latest: true }]);
  });

  it('never reports an answer to an older question after a newer one (random schedules)', async () => {
    for (let trial = 0; trial < 50; trial++) {
      const asked = { n: 0 };
      const m = manual(asked);
      let n = 0;
      let rand = trial + 1;
      const next = () => ((rand = (rand * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
      for (let step = 0; step < 40; step++) {
        const r = next();
        if (r < 0.5) {
          asked.n = ++n;
          m.c.submit(`q${n}`, n);
        }
        else {
          const open = m.jobs.filter((j) => !j.signal.aborted);
          const j = open[open.length - 1];
          if (j) j.resolve(j.args.toUpperCase());
          await tick();
        }
      }
      const seqs = m.settled.map((s) => s.seq);
      expect([...seqs].sort((a, b) => a - b)).toEqual(seqs);
      // An answer is the latest exactly when no newer question was asked before it came.
      expect(m.settled.map((s) => s.latest)).toEqual(m.settled.map((s, i) => s.seq === m.newest[i]));
      // Every question is answered or replaced: the last one asked is answered once nothing runs.
      if (m.c.stats().running === 0 && n > 0) expect(seqs[seqs.length - 1]).toBe(n);
    }
  });
});
