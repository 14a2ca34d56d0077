// The watchdog that tells a stuck worker from a busy one (src/client/watchdog.ts): a call not
// acknowledged within ackMs of reaching a started worker that is free (has answered every call
// it acknowledged), or within startMs while the worker has not started, makes it report the
// worker stuck, once; acknowledged calls never do, however long the work behind them takes,
// nor do calls queued behind them.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createWatchdog } from '../../src/client/watchdog';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

function make() {
  const stuck: string[] = [];
  const wd = createWatchdog({
    ackMs: 5000,
    startMs: 30000,
    onStuck: (m) => stuck.push(m),
    now: () => Date.now(),
  });
  return { wd, stuck };
}

describe('createWatchdog', () => {
  it('an acknowledged call is never reported, however long its work', () => {
    const { wd, stuck } = make();
    wd.started();
    wd.sent();
    vi.advanceTimersByTime(1000);
    wd.acked();
    vi.advanceTimersByTime(10 * 60_000);
    expect(stuck).toEqual([]);
  });

  it('a started worker that does not acknowledge within ackMs is stuck (reported once)', () => {
    const { wd, stuck } = make();
    wd.started();
    wd.sent();
    vi.advanceTimersByTime(4900);
    expect(stuck).toEqual([]);
    vi.advanceTimersByTime(400);
    expect(stuck).toEqual([
      'The engine worker did not take its job within 5 s: it is stuck (busy in an endless computation).',
    ]);
    vi.advanceTimersByTime(60_000);
    expect(stuck).toHaveLength(1);
  });

  it('a call sent before the worker started waits startMs for the start, then ackMs', () => {
    const { wd, stuck } = make();
    wd.sent();
    vi.advanceTimersByTime(20_000);
    expect(stuck).toEqual([]);
    wd.started(); // a slow start, under load
    vi.advanceTimersByTime(4900);
    expect(stuck).toEqual([]);
    vi.advanceTimersByTime(400);
    expect(stuck).toHaveLength(1);
  });

  it('a worker that never starts is reported after startMs', () => {
    const { wd, stuck } = make();
    wd.sent();
    vi.advanceTimersByTime(29_900);
    expect(stuck).toEqual([]);
    vi.advanceTimersByTime(400);
    expect(stuck).toEqual(['The engine worker did not start within 30 s.']);
  });

  it('calls are acknowledged in order; a later unacknowledged call is timed from when it was sent', () => {
    const { wd, stuck } = make();
    wd.started();
    wd.sent();
    wd.acked();
    wd.answered();
    vi.advanceTimersByTime(60_000); // idle for a minute: nothing to watch
    wd.sent();
    vi.advanceTimersByTime(4900);
    expect(stuck).toEqual([]);
    vi.advanceTimersByTime(400);
    expect(stuck).toHaveLength(1);
  });

  it('a call queued behind another is timed only from when the worker answered the one before', () => {
    const { wd, stuck } = make();
    wd.started();
    wd.sent();
    wd.acked(); // the worker took the first call
    wd.sent(); // the next, sent ahead: the worker takes it when it is free
    vi.advanceTimersByTime(60_000); // a long first job: the second cannot be acknowledged yet
    expect(stuck).toEqual([]);
    wd.answered();
    vi.advanceTimersByTime(4900);
    expect(stuck).toEqual([]);
    vi.advanceTimersByTime(400);
    expect(stuck).toEqual([
      'The engine worker did not take its job within 5 s: it is stuck (busy in an endless computation).',
    ]);
  });

  it('calls in a row, each acknowledged when the one before is answered, are never reported', () => {
    const { wd, stuck } = make();
    wd.started();
    wd.sent();
    wd.sent();
    wd.acked();
    for (let k = 0; k < 5; k++) {
      vi.advanceTimersByTime(20_000);
      wd.sent();
      wd.answered();
      vi.advanceTimersByTime(100);
      wd.acked();
    }
    vi.advanceTimersByTime(20_000);
    wd.answered();
    wd.acked();
    vi.advanceTimersByTime(60_000);
    wd.answered();
    vi.advanceTimersByTime(60_000);
    expect(stuck).toEqual([]);
  });

  it('dispose stops it', () => {
    const { wd, stuck } = make();
    wd.started();
    wd.sent();
    wd.dispose();
    vi.advanceTimersByTime(60_000);
    expect(stuck).toEqual([]);
  });
});
