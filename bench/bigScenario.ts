// The 10,000-group scenario of issue 11 item 4 and the steps W6's "10,000 groups" line and
// bench/profileBig.ts take in the production app: open the file, move each quick lever once (the
// keyboard's ArrowRight), edit a field of the first group row, switch tabs (Sweep and back to
// Result, the editor's JSON tab and back to the form). Each step waits for the Result tab's
// answer and for the debounced link and autosave, then reports the long tasks (> 50 ms) it saw.
import type { Page } from 'playwright-core';

export const BIG_GROUPS = 10_000;

/** 10,000 groups of one to three defendants (19,999 in all), varied p and S, priority in arrival order. */
export function bigScenario() {
  const groups = [];
  for (let i = 0; i < BIG_GROUPS; i++)
    groups.push({
      label: `g${i}`,
      count: 1 + (i % 3),
      convictionProbability: 0.3 + (i % 7) / 10,
      trialSentence: 1 + (i % 13),
      trialCost: 1,
    });
  return {
    schemaVersion: 1,
    title: '10,000 groups',
    seed: 1,
    runs: 1,
    groups,
    prosecutor: { budget: 500, regime: 'priority', ranking: 'arrival' },
  };
}

export type StepKind = 'open' | 'lever' | 'edit' | 'tab';

export interface StepHooks {
  /** Called just before a step's action (after the page settled from the last one). */
  before?: (name: string, kind: StepKind) => Promise<void>;
  /** Called after the step settled, with its long tasks (ms, rounded). */
  after: (name: string, long: number[], kind: StepKind) => Promise<void>;
}

const SETTLE_MS = 1500; // past the debounced link (250 ms) and autosave (400 ms)

async function settled(page: Page) {
  await page.waitForTimeout(300);
  await page.waitForFunction(
    () => {
      // Off the Result tab there is no status to wait for.
      const s = document.querySelector<HTMLElement>('[data-testid=result-status]');
      return !s || s.dataset.status === 'done';
    },
    undefined,
    { timeout: 120_000 },
  );
  await page.waitForTimeout(SETTLE_MS);
}

async function take(page: Page): Promise<number[]> {
  return page.evaluate(() => {
    const w = window as unknown as { __long: number[] };
    const out = w.__long;
    w.__long = [];
    return out;
  });
}

/** Run every step on a fresh page at `url` (the app's root). */
export async function bigSteps(page: Page, url: string, file: string, hooks: StepHooks) {
  await page.goto(url, { waitUntil: 'networkidle' });
  await settled(page);
  await page.evaluate(() => {
    const w = window as unknown as { __long: number[] };
    w.__long = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__long.push(Math.round(e.duration));
    }).observe({ type: 'longtask' });
  });
  const step = async (name: string, kind: StepKind, act: () => Promise<void>) => {
    await take(page);
    await hooks.before?.(name, kind);
    await act();
    await settled(page);
    await hooks.after(name, await take(page), kind);
  };
  await step('open the file', 'open', async () => {
    await page.setInputFiles('[data-testid=open-file]', file);
    await page.waitForFunction(
      () => {
        const s = document.querySelector<HTMLElement>('[data-testid=result-status]');
        return s?.dataset.status === 'done' && (s.textContent ?? '').includes('10,000 groups');
      },
      undefined,
      { timeout: 120_000 },
    );
  });
  const paths = await page.$$eval('.quick-levers input[type=range]', (els) => els.map((e) => e.getAttribute('data-path') ?? ''));
  for (const p of paths) {
    await step(`quick lever ${p}`, 'lever', async () => {
      // Focused by the page itself: Playwright's selector engine on the page is a long task of its own.
      await page.evaluate((q) => document.querySelector<HTMLElement>(q)?.focus(), `.quick-levers input[data-path="${p}"]`);
      await page.keyboard.press('ArrowRight');
    });
  }
  await step('edit groups[0].trialSentence', 'edit', async () => {
    const box = page.locator('#ed-groups-0-trialSentence');
    await box.fill('7');
    await box.press('Tab');
  });
  await step('edit groups[1].label', 'edit', async () => {
    const box = page.locator('#ed-groups-1-label');
    await box.fill('renamed');
    await box.press('Tab');
  });
  await step('tab Sweep', 'tab', async () => {
    await page.getByRole('tab', { name: 'Sweep', exact: true }).click();
  });
  await step('tab Result', 'tab', async () => {
    await page.getByRole('tab', { name: 'Result', exact: true }).click();
  });
  await step('editor tab JSON', 'tab', async () => {
    await page.getByRole('tab', { name: 'JSON', exact: true }).click();
  });
  await step('editor tab Form', 'tab', async () => {
    await page.getByRole('tab', { name: 'Form', exact: true }).click();
  });
}
