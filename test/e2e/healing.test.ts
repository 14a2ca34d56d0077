// Workers that heal, in Chromium (issue 11, item 5): an engine worker that closes without a word
// or dies of an uncaught error while idle is noticed (its liveness lock, its error event) and
// replaced, so the next edit is solved instead of hanging on "Computing…" or failing. Real
// faults, no test hook in the app: a worker made to spin in an endless loop (evaluated in it by
// the test, or appended to its script by the test's network route) never acknowledges its next
// job and is replaced (the watchdog, src/client/watchdog.ts); a fault that comes back on the
// fresh worker shows Retry, and Retry works once the fault is gone. The rest of the app goes on.
// (A worker that runs out of V8's heap takes the whole renderer down in Chromium — "Target
// crashed" — so it cannot be healed from inside the page: the engine's limits prevent it.)
import type { Page, Worker } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { PRESETS } from '../../src/presets';
import { useBrowser } from './browser';

const baseURL = inject('baseURL');
const { open } = useBrowser(baseURL);

const SPIN = 'setTimeout(() => { for (;;) {} }, 0)';

async function solved(page: Page, title: string) {
  await page.waitForFunction(
    (t) => {
      const s = document.querySelector<HTMLElement>('[data-testid=result-status]');
      return s?.dataset.status === 'done' && (s.textContent ?? '').includes(t);
    },
    title,
    { timeout: 60_000 },
  );
}

const engineWorkers = (page: Page): Worker[] =>
  page.workers().filter((w) => w.url().includes('engine.worker'));

describe('a dead engine worker is replaced', () => {
  it.each([
    ['closes without a word', 'self.close()'],
    ['throws an uncaught error', "setTimeout(() => { throw new Error('injected fault'); }, 0)"],
  ])('when it %s while idle: the next edit is solved', async (_, fault) => {
    const w = await open('');
    const { page } = w;
    const first = PRESETS.find((p) => p.id === 'bgb-priority')!;
    await solved(page, first.scenario.title!);
    const before = engineWorkers(page);
    expect(before.length).toBeGreaterThan(0);
    // Every engine worker dies the same way.
    for (const worker of before) await worker.evaluate(fault).catch(() => {});
    await page.waitForTimeout(500);
    for (const other of PRESETS.filter((p) => p.id !== first.id).slice(0, 2)) {
      await page.getByLabel('Preset', { exact: true }).selectOption(other.id);
      await solved(page, other.scenario.title!);
    }
    // Fresh workers did the work.
    expect(engineWorkers(page).some((x) => !before.includes(x))).toBe(true);
    expect(w.foreign).toEqual([]);
  });
});

describe('a stuck engine worker (an endless loop) is replaced', () => {
  it('when it spins while idle: the next edit is solved on a fresh worker', async () => {
    const w = await open('');
    const { page } = w;
    const first = PRESETS.find((p) => p.id === 'bgb-priority')!;
    await solved(page, first.scenario.title!);
    const before = engineWorkers(page);
    for (const worker of before) await worker.evaluate(SPIN).catch(() => {});
    const other = PRESETS.find((p) => p.id === 'crespo-city-public')!;
    await page.getByLabel('Preset', { exact: true }).selectOption(other.id);
    await solved(page, other.scenario.title!);
    expect(engineWorkers(page).some((x) => !before.includes(x))).toBe(true);
    // The stuck workers were terminated.
    await expect
      .poll(() => engineWorkers(page).filter((x) => before.includes(x)).length, {
        timeout: 30_000,
      })
      .toBe(0);
    expect(w.foreign).toEqual([]);
  });

  it('when every fresh worker is stuck too: Retry is offered, and works once the fault is gone', async () => {
    const w = await open('');
    const { page, context } = w;
    const first = PRESETS.find((p) => p.id === 'bgb-priority')!;
    await solved(page, first.scenario.title!);
    // From now on every engine worker's script ends in an endless loop: it never starts.
    let faulty = true;
    await context.route(/engine\.worker-[\w-]+\.js$/, async (route) => {
      if (!faulty) return route.continue();
      const response = await route.fetch();
      await route.fulfill({ response, body: `${await response.text()}\nfor (;;) {}\n` });
    });
    for (const worker of engineWorkers(page)) await worker.evaluate(SPIN).catch(() => {});
    const other = PRESETS.find((p) => p.id === 'crespo-city-public')!;
    await page.getByLabel('Preset', { exact: true }).selectOption(other.id);
    const retry = page.getByRole('alert').getByRole('button', { name: 'Retry' });
    await retry.waitFor({ timeout: 110_000 });
    expect(await page.getByRole('alert').textContent()).toContain('did not start');
    // The rest of the app goes on: the editor and the tabs answer.
    await page.getByRole('tab', { name: 'Regimes', exact: true }).click();
    await page.getByRole('tab', { name: 'Result', exact: true }).click();
    faulty = false;
    await page.getByRole('alert').getByRole('button', { name: 'Retry' }).click();
    await solved(page, other.scenario.title!);
    expect(w.foreign).toEqual([]);
  }, 240_000);
});
