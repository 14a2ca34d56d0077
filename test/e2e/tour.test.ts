// The guided tour in presenter mode, in real Chromium against the production build: every step
// walked by keyboard at 1024×768 and 1920×1080 (light and dark), the chart at least 60% of the
// viewport's width and no SVG text outside its SVG; the player's frames against the engine's
// ledger; each step opened in the workbench carries exactly its scenario; axe finds nothing.
// Screenshots of every step land in screenshots/ (tour-<size>-<theme>-<n>-<id>.png), to be looked at.
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { STEPS, SUMMARY_ROWS, resolveScenario, sweepValuesOf } from '../../src/walkthrough/steps';
import { sweep } from '../../src/engine/sweep/sweep';
import { workbenchHash } from '../../src/walkthrough/Tour';
import { describeFrame, MAX_FRAMES } from '../../src/walkthrough/views';
import { describeDocketFrame, docketView } from '../../src/charts/docket/data';
import { ledger } from '../../src/engine/sweep/ledger';
import { parseScenario } from '../../src/engine/scenario/parse';
import { readLink } from '../../src/app/link';
import { PRESETS } from '../../src/presets';
import { solveScenario } from '../../src/engine/solve';
import { SHOTS, expectClean, useBrowser } from './browser';
import { axeViolations } from './axe';

const baseURL = inject('baseURL');
const app = useBrowser(baseURL);

const parsed = (i: number) => {
  const r = parseScenario(resolveScenario(STEPS[i].scenario));
  if (!r.ok) throw new Error(STEPS[i].id);
  return r.scenario;
};

async function waitReady(page: Page, i: number) {
  await page.waitForSelector(`.tour-presenter[data-index="${i}"] .tour-grid[data-ready=true]`, { timeout: 120_000 });
  // Charts draw after their container is measured.
  await page.waitForFunction(
    () => {
      const stage = document.querySelector('.tour-stage');
      if (!stage) return false;
      if (stage.querySelector('.tour-wait')) return false;
      // The summary's rows each wait for their sweep.
      if (stage.querySelector('.summary-table tr[data-row]:not([data-success])')) return false;
      const svgs = stage.querySelectorAll('svg');
      return svgs.length === 0 || [...svgs].every((s) => s.childElementCount > 0);
    },
    undefined,
    { timeout: 120_000 },
  );
}

/** SVG text outside its SVG's box (clipped), as "svg#: text". */
async function clippedText(page: Page, within = '.tour-stage'): Promise<string[]> {
  return page.evaluate((sel) => {
    const out: string[] = [];
    document.querySelectorAll(`${sel} svg.hc`).forEach((svg, k) => {
      const box = svg.getBoundingClientRect();
      svg.querySelectorAll('text').forEach((t) => {
        if (!t.textContent?.trim()) return;
        const style = getComputedStyle(t);
        if (style.display === 'none' || style.visibility === 'hidden') return;
        if (t.closest('[style*="display: none"]')) return;
        const r = t.getBoundingClientRect();
        if (r.width === 0 && r.height === 0) return;
        if (r.left < box.left - 1 || r.right > box.right + 1 || r.top < box.top - 1 || r.bottom > box.bottom + 1) {
          out.push(`svg${k}: “${t.textContent}” [${Math.round(r.left)}–${Math.round(r.right)} in ${Math.round(box.left)}–${Math.round(box.right)}]`);
        }
      });
    });
    return out;
  }, within);
}

const SIZES = [
  { width: 1024, height: 768, scheme: 'light' as const },
  { width: 1920, height: 1080, scheme: 'dark' as const },
  { width: 1024, height: 768, scheme: 'dark' as const },
  { width: 1920, height: 1080, scheme: 'light' as const },
];

describe('projector mode in the workbench', () => {
  for (const size of [
    { width: 1024, height: 768 },
    { width: 1280, height: 720 },
    { width: 1920, height: 1080 },
  ]) {
    it(`one column, the chart at full width, larger type, nothing clipped (${size.width}×${size.height})`, async () => {
      const w = await app.open('about:blank', 'light');
      const { page } = w;
      await page.setViewportSize(size);
      await page.addInitScript(() => localStorage.setItem('holdout.textSize', 'large'));
      await page.goto(new URL('#preset=crespo-city-arrival', baseURL).href);
      await page.waitForSelector('svg.hc-ladder, svg[data-chart=ladder]', { timeout: 60_000 });
      await page.waitForFunction(() => document.querySelector('[data-bench=result]')?.getAttribute('data-busy') === 'false');
      const chart = await page.locator('svg[data-chart=ladder]').boundingBox();
      expect(chart!.width).toBeGreaterThanOrEqual(0.85 * size.width);
      expect(chart!.height).toBeGreaterThanOrEqual(0.6 * size.height);
      const fontPx = await page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
      expect(fontPx).toBeGreaterThanOrEqual(18);
      // The editor is below the results, not beside them.
      const main = await page.locator('main').boundingBox();
      const side = await page.locator('aside.sidebar').boundingBox();
      expect(side!.y).toBeGreaterThanOrEqual(main!.y + main!.height - 1);
      expect(await clippedText(page, 'main')).toEqual([]);
      await page.locator('svg[data-chart=ladder]').scrollIntoViewIfNeeded();
      await page.screenshot({ path: path.join(SHOTS, `projector-${size.width}.png`) });
      expectClean(w);
    });
  }
});

describe('projector mode on the analysis tabs', () => {
  for (const size of [
    { width: 1024, height: 768 },
    { width: 1280, height: 720 },
    { width: 1920, height: 1080 },
  ]) {
    it(`the sweep and the phase diagram take the full width and most of the height, nothing clipped (${size.width}×${size.height})`, async () => {
      const w = await app.open('about:blank', 'light');
      const { page } = w;
      await page.setViewportSize(size);
      await page.addInitScript(() => localStorage.setItem('holdout.textSize', 'large'));
      await page.goto(new URL('#preset=bgb-priority', baseURL).href);
      await page.waitForFunction(() => document.querySelector('[data-bench=result]')?.getAttribute('data-busy') === 'false', undefined, {
        timeout: 60_000,
      });
      for (const [tab, done] of [
        ['Sweep', '[data-bench=sweep-done]'],
        ['Phase diagram', '[data-bench=phase-done]'],
      ] as const) {
        await page.getByRole('tab', { name: tab, exact: true }).click();
        await page.locator('.ha-run').first().click();
        await page.waitForSelector(`${done} svg.hc`, { timeout: 120_000 });
        const svg = page.locator(`${done} svg.hc`).first();
        await svg.scrollIntoViewIfNeeded();
        const box = await svg.boundingBox();
        expect(box!.width, `${tab}: chart width`).toBeGreaterThanOrEqual(0.6 * size.width);
        expect(box!.height, `${tab}: chart height`).toBeGreaterThanOrEqual(0.6 * size.height);
        expect(await clippedText(page, done), tab).toEqual([]);
        await page.screenshot({ path: path.join(SHOTS, `projector-${tab === 'Sweep' ? 'sweep' : 'phase'}-${size.width}.png`) });
      }
      expectClean(w);
    });
  }
});

describe('the why panel takes a rank or a defendant number and says which', () => {
  it('rank 1 in her optimal order in Crespo’s city, with public pledges', async () => {
    const w = await app.open('#preset=crespo-city-public', 'light');
    const { page } = w;
    await page.waitForFunction(() => document.querySelector('[data-bench=result]')?.getAttribute('data-busy') === 'false', undefined, {
      timeout: 60_000,
    });
    const r = parseScenario(PRESETS.find((p) => p.id === 'crespo-city-public')!.scenario);
    if (!r.ok) throw new Error('preset');
    const rows = solveScenario(r.scenario, { rows: 'always' }).defendants!;
    const first = rows.find((x) => x.rank === 1)!;
    await page.getByLabel('Ask by').selectOption('rank');
    await page.getByLabel('Rank in her order').fill('1');
    await page.getByLabel('Rank in her order').press('Enter');
    await page.getByRole('heading', { name: `Why defendant ${first.id}?` }).waitFor();
    expect(await page.locator('.hf-why-which').textContent()).toBe(
      `You asked for rank 1 in her order: that is defendant ${first.id} (his number in order of arrival).`,
    );
    // The sentence first; the arithmetic behind a disclosure.
    expect(await page.locator('.hf-why-headline').textContent()).toMatch(new RegExp(`^Defendant ${first.id} pleaded: `));
    expect(await page.locator('.hf-why-details summary').textContent()).toBe('Show the arithmetic');
    expectClean(w);
  });
});

describe('the guided tour in presenter mode', () => {
  for (const size of SIZES) {
    it(`every step by keyboard at ${size.width}×${size.height} (${size.scheme}): the chart ≥ 60% wide, no clipped text`, async () => {
      const w = await app.open('#tour=1', size.scheme);
      const { page } = w;
      await page.setViewportSize({ width: size.width, height: size.height });
      const dialog = page.getByRole('dialog');
      await dialog.waitFor();
      for (let i = 0; i < STEPS.length; i++) {
        await waitReady(page, i);
        expect(await page.locator('.tour-count').textContent()).toBe(`Step ${i + 1} of ${STEPS.length}`);
        expect(await page.locator('.tour-title').textContent()).toBe(STEPS[i].title);
        expect(new URL(page.url()).hash).toContain(`tour=${i + 1}`);
        const stage = await page.locator('.tour-stage').boundingBox();
        const notes = await page.locator('.tour-notes').boundingBox();
        expect(stage!.width, `${STEPS[i].id}: chart width`).toBeGreaterThanOrEqual(0.6 * size.width);
        // Beside the text, never under it or covered by it.
        expect(notes!.x, `${STEPS[i].id}: text beside the chart`).toBeGreaterThanOrEqual(stage!.x + stage!.width);
        const svg = page.locator('.tour-stage svg').first();
        if ((await svg.count()) > 0) {
          const b = await svg.boundingBox();
          expect(b!.width, `${STEPS[i].id}: svg width`).toBeGreaterThanOrEqual(0.55 * size.width);
        }
        expect(await clippedText(page), STEPS[i].id).toEqual([]);
        await page.screenshot({ path: path.join(SHOTS, `tour-${size.width}-${size.scheme}-${String(i + 1).padStart(2, '0')}-${STEPS[i].id}.png`) });
        if (STEPS[i].view.kind === 'summary') {
          // The closing table: each size is the engine's (the same sweeps as the unit test).
          for (const row of SUMMARY_ROWS) {
            const want = sweep(resolveScenario(row.scenario), row.sweep.field, sweepValuesOf({ ...row.sweep, outcome: 'takeRatio' })).successAt;
            expect(await page.locator(`tr[data-row="${row.id}"]`).getAttribute('data-success'), row.id).toBe(String(want));
          }
        }
        if (size.width === 1024 && size.scheme === 'light') {
          expect(await axeViolations(page, '.tour-presenter'), STEPS[i].id).toEqual([]);
        }
        if (i < STEPS.length - 1) {
          await page.locator('.tour-presenter').focus();
          await page.keyboard.press('ArrowRight');
        }
      }
      // Home goes back to the first step; Escape closes the tour and the address forgets it.
      await page.keyboard.press('Home');
      await waitReady(page, 0);
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached' });
      expect(new URL(page.url()).hash).not.toContain('tour=');
      expectClean(w);
    });
  }

  it('plays and steps the unraveling; every frame is the engine’s ledger', async () => {
    const i = STEPS.findIndex((s) => s.id === 'divide-and-conquer');
    const w = await app.open(`#tour=${i + 1}`, 'light');
    const { page } = w;
    await waitReady(page, i);
    const s = parsed(i);
    const l = ledger(s, MAX_FRAMES);
    const frameText = () => page.getByTestId('frame-text').textContent();
    await page.waitForFunction(() => document.querySelector('[data-testid=frame-text]')?.textContent?.startsWith('Rank 1 '));
    expect(await frameText()).toBe(describeFrame(l, 0, s));
    await page.getByRole('button', { name: 'Step forward' }).click();
    await page.getByRole('button', { name: 'Step forward' }).click();
    expect(await frameText()).toBe(describeFrame(l, 2, s));
    // The budget line and the marks follow: ranks after the frame are not drawn yet.
    expect(await page.locator('.tour-stage .hc-mark.hc-future').count()).toBe(100 - 3);
    // Space plays (from anywhere but a text field), Space pauses.
    await page.locator('.tour-presenter').focus();
    await page.keyboard.press(' ');
    await page.waitForFunction(() => Number(document.querySelector('.player')?.getAttribute('data-frame')) >= 4, undefined, {
      timeout: 60_000,
    });
    await page.keyboard.press(' ');
    const at = Number(await page.locator('.player').getAttribute('data-frame'));
    expect(await page.getByRole('button', { name: 'Play' }).getAttribute('aria-pressed')).toBe('false');
    expect(await frameText()).toBe(describeFrame(l, at, s));
    // The slider reaches every frame by keyboard; the last frame is the result.
    await page.getByRole('slider', { name: 'Frame' }).focus();
    await page.keyboard.press('End');
    expect(await frameText()).toBe(describeFrame(l, l.frames.length - 1, s));
    expect(l.frames.at(-1)!.take).toBe(500);
    // The live region says the same.
    expect(await page.locator('.player [aria-live=polite]').textContent()).toBe(describeFrame(l, l.frames.length - 1, s));
    expectClean(w);
  });

  it('plays and steps the weekly docket week by week; every frame is the engine’s byWeek', async () => {
    const i = STEPS.findIndex((s) => s.id === 'weekly-docket');
    const w = await app.open(`#tour=${i + 1}`, 'light');
    const { page } = w;
    await waitReady(page, i);
    const r = solveScenario(parsed(i), { rows: 'auto' });
    const v = docketView(r.docket!);
    const last = v.columns.length - 1;
    const frameText = () => page.getByTestId('frame-text').textContent();
    // The step opens on the whole result (every figure it cites drawn: the crash week among them).
    await page.waitForFunction(() => document.querySelector('.tour-stage [data-testid=frame-text]') !== null);
    expect(await frameText()).toBe(describeDocketFrame(v, last));
    expect(await page.locator('.tour-stage .hc-crash-week text').textContent()).toMatch(/^week 11: /);
    await page.getByRole('button', { name: 'First frame' }).click();
    expect(await frameText()).toBe(describeDocketFrame(v, 0));
    expect(await page.locator('.tour-stage .hc-crash-week').count()).toBe(0);
    await page.getByRole('button', { name: 'Step forward' }).click();
    expect(await frameText()).toBe(describeDocketFrame(v, 1));
    // Space plays (from the presenter), Space pauses; the frame is the engine's week.
    await page.locator('.tour-presenter').focus();
    await page.keyboard.press(' ');
    await page.waitForFunction(() => Number(document.querySelector('.tour-stage .player')?.getAttribute('data-frame')) >= 3, undefined, {
      timeout: 60_000,
    });
    await page.keyboard.press(' ');
    const at = Number(await page.locator('.tour-stage .player').getAttribute('data-frame'));
    expect(await frameText()).toBe(describeDocketFrame(v, at));
    // The slider reaches every frame: week 11, the crash.
    await page.getByRole('slider', { name: 'Frame' }).focus();
    await page.keyboard.press('Home');
    for (let k = 0; k < 11; k++) await page.keyboard.press('ArrowRight');
    expect(await frameText()).toBe(describeDocketFrame(v, 11));
    expect(await frameText()).toContain('The calendar crashes');
    expect(await page.locator('.tour-stage .hc-crash-week').count()).toBe(1);
    expect(await page.locator('.tour-stage .player [aria-live=polite]').textContent()).toBe(describeDocketFrame(v, 11));
    await page.screenshot({ path: path.join(SHOTS, 'tour-docket-week11.png') });
    expect(await clippedText(page)).toEqual([]);
    // The same frame in the dark theme (the weeks to come are outlined, to be looked at).
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.screenshot({ path: path.join(SHOTS, 'tour-docket-week11-dark.png') });
    await page.emulateMedia({ colorScheme: 'light' });
    expectClean(w);
  });

  it('at 7,000 defendants the player runs over bins, and a bin opens to explain its defendants', async () => {
    const i = STEPS.findIndex((s) => s.id === 'crespo-city');
    const w = await app.open(`#tour=${i + 1}`, 'light');
    const { page } = w;
    await waitReady(page, i);
    const s = parsed(i);
    const l = ledger(s, MAX_FRAMES);
    expect(l.perFrame).toBe(70);
    const stopFrame = l.frames.findIndex((f) => f.stopRank !== null);
    await page.getByRole('slider', { name: 'Frame' }).focus();
    for (let k = 0; k < stopFrame; k++) await page.keyboard.press('ArrowRight');
    expect(await page.getByTestId('frame-text').textContent()).toBe(describeFrame(l, stopFrame, s));
    expect(await page.getByTestId('frame-text').textContent()).toContain('The unraveling stops at rank 3,562');
    await expect(page.locator('.tour-stage .hc-stop-rank').count()).resolves.toBe(1);
    await page.getByRole('button', { name: /Who is in ranks/ }).click();
    const items = page.locator('.tour-bin-list li');
    expect(await items.count()).toBe(l.frames[stopFrame].parts.length);
    expect(await page.locator('.tour-bin').textContent()).toContain('refuse and go free: she has no budget left to try them');
    await page.screenshot({ path: path.join(SHOTS, 'tour-bin-open.png') });
    expectClean(w);
  });

  it('each step opens in the workbench with exactly its scenario', async () => {
    const w = await app.open('#tour=1', 'light');
    const { page } = w;
    for (let i = 0; i < STEPS.length; i++) {
      if (STEPS[i].view.kind === 'summary') continue;
      await page.goto(new URL(`#tour=${i + 1}`, baseURL).href);
      await page.reload();
      await waitReady(page, i);
      await page.getByRole('link', { name: 'Open this in the workbench' }).click();
      await page.getByRole('dialog').waitFor({ state: 'detached' });
      await page.waitForFunction(() => !location.hash.includes('tour='));
      // The link opens (its hash is the step's #preset= or #s=), then the workbench writes the
      // whole view (#z=, link format 2): read whichever the address holds.
      const want = resolveScenario(STEPS[i].scenario);
      const holds = async () => {
        const h = readLink(new URL(page.url()).hash);
        return h.kind === 'preset' ? PRESETS.find((p) => p.id === h.id)!.scenario : h.kind === 'scenario' ? h.doc : null;
      };
      await expect.poll(holds, { timeout: 30_000 }).toEqual(want);
      // The workbench shows the step's tab.
      const tab = await page.locator('[role=tab][data-tab][aria-selected=true]').textContent();
      expect(tab ?? '', STEPS[i].id).toContain(STEPS[i].tab);
    }
    expectClean(w);
  });

  it('prints a teacher’s page per step, with its question, exercises and the links', async () => {
    const w = await app.open('#tour=3', 'light');
    const { page } = w;
    await waitReady(page, 2);
    await page.emulateMedia({ media: 'print' });
    const pages = page.locator('.tour-print-page');
    expect(await pages.count()).toBe(STEPS.length);
    expect(await page.locator('.tour-grid').isVisible()).toBe(false);
    expect(await page.locator('.workbench').isVisible()).toBe(false);
    for (let i = 0; i < STEPS.length; i++) {
      const text = (await pages.nth(i).textContent()) ?? '';
      expect(text, STEPS[i].id).toContain(STEPS[i].question);
      for (const x of STEPS[i].exercises) expect(text, STEPS[i].id).toContain(x);
      expect(text, STEPS[i].id).toContain(`#tour=${i + 1}`);
      if (STEPS[i].view.kind !== 'summary') expect(text, STEPS[i].id).toContain(workbenchHash(STEPS[i]));
    }
    await page.emulateMedia({ media: 'screen' });
    expectClean(w);
  });

  it('never loses the class’s work: opening a step over an edited scenario can be undone', async () => {
    const w = await app.open('#preset=j20', 'light');
    const { page } = w;
    // The class edits the budget.
    const budget = page.getByRole('spinbutton', { name: /budget/i }).first();
    await budget.fill('40');
    await page.waitForFunction(() => location.hash.startsWith('#z='));
    const asked: string[] = [];
    page.on('dialog', (d) => {
      asked.push(d.message());
      void d.dismiss();
    });
    await page.locator('header').getByRole('button', { name: 'Guided tour', exact: true }).click();
    await waitReady(page, 0);
    await page.getByRole('link', { name: 'Open this in the workbench' }).click();
    await page.getByRole('dialog').waitFor({ state: 'detached' });
    // The step's scenario replaced the class's edit, and Undo brings the edit back.
    await page.getByTestId('replaced').getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => budget.inputValue(), { timeout: 30_000 }).toBe('40');
    expect(asked).toEqual([]);
    expectClean(w);
  });
});
