// A large scenario in the editor (issue 11, item 4), in real Chromium against the production
// build: a valid 10,000-group file opens and takes quick-lever moves with the group list
// virtualized (a few rows in the page instead of 1.3 million DOM nodes), its rows reachable by
// keyboard and named "group k of N". Long tasks are watched with a PerformanceObserver.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { parseScenario } from '../../src/engine/scenario/parse';
import { readLink } from '../../src/app/link';
import { SHOTS, expectClean, useBrowser } from './browser';
import { axeViolations } from './axe';
// The same 10,000-group file W6's bench line opens.
import { BIG_GROUPS as GROUPS, bigScenario } from '../../bench/bigScenario';

const baseURL = inject('baseURL');
const { open } = useBrowser(baseURL);

async function watchLongTasks(page: Page) {
  await page.evaluate(() => {
    const w = window as unknown as { __long: number[] };
    w.__long = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__long.push(Math.round(e.duration));
    }).observe({ type: 'longtask' });
  });
}

async function takeLongTasks(page: Page): Promise<number[]> {
  return page.evaluate(() => {
    const w = window as unknown as { __long: number[] };
    const out = w.__long;
    w.__long = [];
    return out;
  });
}

async function solvedTitle(page: Page, title: string) {
  await page.waitForFunction(
    (t) => {
      const s = document.querySelector<HTMLElement>('[data-testid=result-status]');
      return s?.dataset.status === 'done' && (s.textContent ?? '').includes(t);
    },
    title,
    { timeout: 120_000 },
  );
}

describe('a 10,000-group scenario', () => {
  it('opens with a virtualized group list, takes quick-lever moves, rows by keyboard', async () => {
    const doc = bigScenario();
    expect(parseScenario(doc).ok).toBe(true);
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'holdout-big-')), 'big.json');
    fs.writeFileSync(file, JSON.stringify(doc));

    const w = await open('');
    const { page } = w;
    await page.waitForFunction(
      () =>
        document.querySelector<HTMLElement>('[data-testid=result-status]')?.dataset.status ===
        'done',
      undefined,
      { timeout: 60_000 },
    );
    await watchLongTasks(page);
    // Which engine functions the page asks its workers for (comlink's calls name their path).
    // And how each call's large scenario travels (src/client/argCodec.ts): whole, or as a patch
    // with the number of groups it carries.
    await page.evaluate(() => {
      const w = window as unknown as { __asked: string[]; __sent: string[] };
      w.__asked = [];
      w.__sent = [];
      const post = Worker.prototype.postMessage;
      Worker.prototype.postMessage = function (this: Worker, m: unknown, t?: unknown) {
        const msg = m as { path?: unknown; argumentList?: { value?: unknown }[] } | null;
        const path = msg?.path;
        if (Array.isArray(path)) {
          w.__asked.push(path.join('.'));
          for (const a of msg?.argumentList ?? []) {
            const v = a.value as { holdoutScenario?: string; changed?: unknown[]; groups?: unknown[] } | null;
            if (v?.holdoutScenario === 'whole') w.__sent.push(`${path.join('.')} whole`);
            else if (v?.holdoutScenario === 'patch') w.__sent.push(`${path.join('.')} patch ${v.changed?.length}`);
            else if (Array.isArray(v?.groups)) w.__sent.push(`${path.join('.')} plain ${v.groups.length}`);
          }
        }
        return post.call(this, m, t as never);
      } as typeof Worker.prototype.postMessage;
    });
    const sent = () =>
      page.evaluate(() => {
        const w = window as unknown as { __sent: string[] };
        const out = w.__sent;
        w.__sent = [];
        return out;
      });
    await page.setInputFiles('[data-testid=open-file]', file);
    await solvedTitle(page, '10,000 groups');
    await page.waitForTimeout(1500); // the debounced link and autosave
    const opening = await takeLongTasks(page);
    // The 10,000 groups went to the worker whole once, never as a clone of their own.
    const sentOpening = await sent();
    expect(sentOpening).toContain('resultScreen whole');
    expect(sentOpening.filter((x) => x.includes(' plain '))).toEqual([]);
    // The page did not read the file itself: the engine worker did (readScenarioFile).
    expect(
      await page.evaluate(() => (window as unknown as { __asked: string[] }).__asked),
    ).toContain('readScenarioFile');

    // A few rows in the page, not 10,000 cards (1.3 million nodes before).
    const nodes = await page.evaluate(() => document.getElementsByTagName('*').length);
    expect(nodes).toBeLessThan(5000);
    const list = page.getByRole('list', { name: 'Groups, 10,000 in all' });
    const rows = list.getByRole('listitem');
    expect(await rows.count()).toBeGreaterThan(0);
    expect(await rows.count()).toBeLessThan(20);
    expect(await rows.first().getAttribute('aria-posinset')).toBe('1');
    expect(await rows.first().getAttribute('aria-setsize')).toBe(String(GROUPS));
    expect(
      await page.getByRole('heading', { name: 'Group 1: g0 (group 1 of 10,000)' }).count(),
    ).toBe(1);
    expect(await page.getByText('10,000 groups, 19,999 defendants in all').count()).toBe(1);

    // Quick levers: the budget, then the pledged share of every group.
    const budget = page.getByRole('slider', { name: 'Trial budget (B)', exact: true });
    await budget.focus();
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction(() => location.hash.startsWith('#z='), undefined, {
      timeout: 30_000,
    });
    await page.waitForFunction(
      () =>
        document.querySelector<HTMLElement>('[data-testid=result-status]')?.dataset.status ===
        'done',
    );
    await page.waitForTimeout(1500);
    const lever = await takeLongTasks(page);
    expect(await page.locator('#ed-prosecutor-budget').inputValue()).toBe('501');
    // The budget move sent its scenario as a patch carrying no group (the worker kept them).
    const sentLever = await sent();
    expect(sentLever).toContain('resultScreen patch 0');
    expect(sentLever.filter((x) => !x.endsWith('patch 0'))).toEqual([]);

    // A tab switch (the view alone) leaves the 73 KB link as it is until the page loses the
    // focus (the address bar, another window), then writes it with the tab.
    const before = await page.evaluate(() => location.hash);
    await page.getByRole('tab', { name: 'Sweep', exact: true }).click();
    await page.waitForTimeout(1000);
    expect(await page.evaluate(() => location.hash)).toBe(before);
    await page.evaluate(() => window.dispatchEvent(new Event('blur')));
    await page.waitForFunction((b) => location.hash !== b, before, { timeout: 30_000 });
    const reread = readLink(await page.evaluate(() => location.hash));
    expect(reread.kind).toBe('scenario');
    if (reread.kind === 'scenario') {
      expect(reread.view.tab).toBe('sweep');
      expect((reread.doc as { prosecutor: { budget: number } }).prosecutor.budget).toBe(501);
      expect((reread.doc as { groups: unknown[] }).groups).toHaveLength(GROUPS);
    }
    await page.getByRole('tab', { name: 'Result', exact: true }).click();

    // Keyboard: End on the list brings the last group in; Tab moves into its row.
    await list.focus();
    await page.keyboard.press('End');
    const last = page.getByRole('heading', {
      name: /^Group 10000: g9999 \(group 10,000 of 10,000\)$/,
    });
    await last.waitFor({ timeout: 10_000 });
    await page.keyboard.press('Home');
    await page.getByRole('heading', { name: /^Group 1: g0/ }).waitFor();
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(
      () =>
        document.activeElement?.closest('[role=listitem]')?.getAttribute('aria-posinset') ?? null,
    );
    expect(focused).toBe('1');
    await page.screenshot({ path: path.join(SHOTS, 'big-scenario.png') });
    // The virtualized list and its rows pass axe (list, list items, labels, focusable box).
    expect(await axeViolations(page, '[data-virtual]')).toEqual([]);

    // Long tasks, reported for the README; the bounds are catastrophe guards against the freezes
    // of before (26.7 s to open, 16.6 s per lever move), not the 100 ms goal (W6's 10,000-group
    // lines in bench/browser.ts measure that; README).
    console.log(
      `10,000 groups: long tasks opening ${JSON.stringify(opening)} ms, lever ${JSON.stringify(lever)} ms`,
    );
    expect(Math.max(0, ...opening)).toBeLessThan(2000);
    expect(Math.max(0, ...lever)).toBeLessThan(1000);
    expectClean(w);
  });
});
