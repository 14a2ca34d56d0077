// Workers that heal, in Chromium (issue 11, item 5): an engine worker that closes without a word
// or dies of an uncaught error while idle is noticed (its liveness lock, its error event) and
// replaced, so the next edit is solved instead of hanging on "Computing…" or failing.
import type { Page, Worker } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { PRESETS } from '../../src/presets';
import { useBrowser } from './browser';

const baseURL = inject('baseURL');
const { open } = useBrowser(baseURL);

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
