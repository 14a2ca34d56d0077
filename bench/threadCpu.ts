// The calling thread's CPU time so far in ms (Linux: /proc/thread-self/schedstat, in ns; its
// stat's utime + stime count ticks of 10 ms, too coarse for a ~0.3 s grid), NaN elsewhere.
// W5's main thread and its worker threads read their own with it.
import { readFileSync } from 'node:fs';

export function threadCpuMs(): number {
  try {
    return Number(readFileSync('/proc/thread-self/schedstat', 'utf8').split(' ')[0]) / 1e6;
  } catch {
    return NaN;
  }
}
