// src/client/inline.ts: a moving lever's question answered on the main thread by the engine
// function the worker runs — the worker's answer to the bit (rows, kinds, bins), only for small
// work, and no longer for a scenario shape whose answers keep taking more than a frame.
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  INLINE_LONG_MS,
  INLINE_MAX_GROUPS,
  INLINE_MAX_WORK,
  INLINE_SLOW_MS,
  SLOW_AFTER,
  WARM_ANSWERS,
  inlineResultScreen,
  inlineWork,
  prepareInline,
  resetInline,
} from '../../src/client/inline';
import { packResultScreenAnswer, unpackResultScreenAnswer } from '../../src/client/rowCodec';
import * as api from '../../src/engine/api';
import { PRESETS } from '../../src/presets';
import { setAllPledged } from '../../src/components/results/QuickLevers';

const city = () => PRESETS.find((p) => p.id === 'crespo-city-public')!.scenario;
const LIGHT = { rows: 'auto' as const, bins: 200, leaveRowsOut: true };

afterEach(() => {
  resetInline();
  vi.restoreAllMocks();
});

describe('inlineWork', () => {
  it('counts defendants × Monte Carlo runs', () => {
    expect(inlineWork(city())).toBe(7000);
    expect(inlineWork({ ...city(), runs: 3 })).toBe(21_000);
    expect(inlineWork({ groups: [{ count: 5 }, { count: 'x' }], runs: 0 })).toBe(5);
    expect(inlineWork(null)).toBe(Infinity);
    expect(inlineWork({ groups: 'no' })).toBe(Infinity);
  });
});

describe('inlineResultScreen', () => {
  // The valve times each answer: these tests are about what is answered, not how fast, so the
  // clock stands still (a cold first answer on a loaded machine took over INLINE_LONG_MS and
  // turned its shape over to the workers mid-test). The valve's own tests set their clocks.
  const stillClock = () => vi.spyOn(performance, 'now').mockReturnValue(0);

  it('answers nothing until the engine has loaded, then what the worker answers, to the bit', async () => {
    stillClock();
    const s = setAllPledged(city(), 0.3);
    expect(inlineResultScreen(s, LIGHT)).toBeNull(); // starts the load
    await prepareInline();
    for (const [scenario, options] of [
      [s, LIGHT],
      [setAllPledged(city(), 0.07), { rows: 'auto' as const, bins: 400 }],
      [PRESETS.find((p) => p.id === 'bgb-lottery')!.scenario, { rows: 'auto' as const, bins: 400 }],
    ] as const) {
      const here = inlineResultScreen(scenario, options);
      // The worker's: the same function, its answer packed for the trip and unpacked.
      const { answer } = packResultScreenAnswer(api.resultScreen(scenario, options));
      const there = unpackResultScreenAnswer(answer) as ReturnType<typeof api.resultScreen>;
      expect(here).not.toBeNull();
      expect(here).toEqual(there);
      if (!here!.ok || !there.ok) throw new Error('invalid');
      expect(here!.value.result.totals).toEqual(there.value.result.totals);
    }
  });

  it('gives the invalid answer for an invalid scenario, as the worker does', async () => {
    stillClock();
    await prepareInline();
    const bad = { ...city(), seed: 'x' };
    expect(inlineResultScreen(bad, LIGHT)).toEqual(api.resultScreen(bad, LIGHT));
  });

  it('leaves work above INLINE_MAX_WORK defendant-runs to the workers', async () => {
    stillClock();
    await prepareInline();
    const runs = Math.floor(INLINE_MAX_WORK / 7000) + 1;
    expect(inlineResultScreen({ ...city(), runs, prosecutor: { ...city().prosecutor, ranking: 'random' } }, LIGHT)).toBeNull();
    expect(inlineResultScreen({ ...city(), runs: 1 }, LIGHT)).not.toBeNull();
  });

  it('leaves scenarios of more than INLINE_MAX_GROUPS groups to the workers, however few defendants', async () => {
    stillClock();
    await prepareInline();
    const group = city().groups[1];
    const many = { ...city(), groups: Array.from({ length: INLINE_MAX_GROUPS + 1 }, () => ({ ...group, count: 2 })) };
    expect(inlineResultScreen(many, LIGHT)).toBeNull();
    expect(inlineResultScreen({ ...many, groups: many.groups.slice(1) }, LIGHT)).not.toBeNull();
  });

  it('stops answering for a shape at once after one answer slower than INLINE_LONG_MS (a long task)', async () => {
    await prepareInline();
    let clock = 0;
    vi.spyOn(performance, 'now').mockImplementation(() => (clock += INLINE_LONG_MS + 1));
    expect(inlineResultScreen(setAllPledged(city(), 0.1), LIGHT)).not.toBeNull();
    expect(inlineResultScreen(setAllPledged(city(), 0.2), LIGHT)).toBeNull();
  });

  it(`stops answering for a shape after ${SLOW_AFTER} answers in a row slower than INLINE_SLOW_MS; a fast one resets the count`, async () => {
    await prepareInline();
    let clock = 0;
    let cost = INLINE_SLOW_MS + 1;
    vi.spyOn(performance, 'now').mockImplementation(() => (clock += cost));
    const at = (share: number) => setAllPledged(city(), share);
    for (let i = 0; i < SLOW_AFTER - 1; i++) expect(inlineResultScreen(at(0.1 + i / 100), LIGHT)).not.toBeNull();
    cost = 1; // one fast answer: the count starts again
    expect(inlineResultScreen(at(0.5), LIGHT)).not.toBeNull();
    cost = INLINE_SLOW_MS + 1;
    for (let i = 0; i < SLOW_AFTER; i++) expect(inlineResultScreen(at(0.2 + i / 100), LIGHT)).not.toBeNull();
    // That shape is off; another shape (another regime) is not.
    expect(inlineResultScreen(at(0.6), LIGHT)).toBeNull();
    const other = { ...at(0.6), prosecutor: { ...city().prosecutor, regime: 'forcedSpend' as const, ranking: 'arrival' as const } };
    cost = 1;
    expect(inlineResultScreen(other, LIGHT)).not.toBeNull();
  });
});

describe('prepareInline(warmWith)', () => {
  it(`loads the engine and answers the scenario WARM_ANSWERS times, in later tasks, once a page`, async () => {
    vi.useFakeTimers({ toFake: ['setTimeout'] });
    try {
      const spy = vi.spyOn(await import('../../src/engine/compute'), 'resultScreen');
      await prepareInline(city());
      await prepareInline(city()); // once a page
      expect(spy).toHaveBeenCalledTimes(0); // nothing in the loading task itself
      await vi.advanceTimersByTimeAsync(50);
      expect(spy).toHaveBeenCalledTimes(WARM_ANSWERS);
      expect(spy.mock.calls[0][0]).toEqual(city());
    } finally {
      vi.useRealTimers();
    }
  });

  it('warms nothing up for work above INLINE_MAX_WORK', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout'] });
    try {
      const spy = vi.spyOn(await import('../../src/engine/compute'), 'resultScreen');
      await prepareInline({ ...city(), runs: 100 });
      await vi.advanceTimersByTimeAsync(10);
      expect(spy).not.toHaveBeenCalled();
    } finally {
      vi.useRealTimers();
    }
  });
});
