// The workbench end to end in real Chromium, against the production build: every preset's
// totals are the engine's; a lever moves the ladder's stop line; an invalid edit keeps the last
// valid result; a broken link says what is wrong and the app still works; the why panel
// explains a clicked defendant; Compare A/B shows the differences; every tab is screenshotted
// in light and dark. Nothing leaves 127.0.0.1 and the console stays clean.
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { solve } from '../../src/engine/api';
import type { Totals } from '../../src/engine/result/types';
import type { ScenarioInput } from '../../src/engine/scenario/schema';
import { PRESETS } from '../../src/presets';
import { TOTAL_FIELDS, formatTotal } from '../../src/app/format';
import { setAllPledged } from '../../src/components/results/QuickLevers';
import { diffTotal } from '../../src/components/compare/diff';
import { formatNumber as formatEditorNumber } from '../../src/components/editor/controls';
import { SHOTS, expectClean, setSlider, useBrowser } from './browser';

const baseURL = inject('baseURL');

function totalsOf(scenario: unknown): Totals {
  const r = solve(scenario);
  if (!r.ok) throw new Error(r.errors.map((e) => e.text).join('; '));
  return r.value.totals;
}

const preset = (id: string) => PRESETS.find((p) => p.id === id)!;

const app = useBrowser(baseURL);
const open = (hash = '', colorScheme: 'light' | 'dark' = 'light') => app.open(hash, colorScheme);

/** Wait until the result on screen belongs to the current scenario. */
async function waitDone(page: Page) {
  await page.waitForSelector(
    '[data-bench=result][data-busy=false] [data-testid=result-status][data-status=done]',
    {
      timeout: 60_000,
    },
  );
}

async function shownTotals(page: Page): Promise<Record<string, unknown>> {
  const pairs = await page.$$eval('[data-bench=result] .totals-grid .total', (els) =>
    els.map((el) => [(el as HTMLElement).dataset.key!, (el as HTMLElement).dataset.value] as const),
  );
  return Object.fromEntries(
    pairs.map(([k, v]) => [k, v === undefined ? undefined : JSON.parse(v)]),
  );
}

async function expectTotals(page: Page, expected: Totals) {
  const shown = await shownTotals(page);
  expect(shown).toEqual(Object.fromEntries(TOTAL_FIELDS.map((f) => [f.key, expected[f.key]])));
  for (const f of TOTAL_FIELDS) {
    const text = await page.textContent(`[data-bench=result] .total[data-key="${f.key}"] .value`);
    expect({ key: f.key, text }).toEqual({ key: f.key, text: formatTotal(f.key, expected) });
  }
}


const stopLabel = (page: Page) =>
  page.evaluate(
    () => document.querySelector('[data-chart=ladder] .hc-stop-rank')?.textContent ?? null,
  );

describe('the workbench', () => {
  it('shows every preset’s totals exactly as the engine solves them', async () => {
    const w = await open();
    await waitDone(w.page);
    for (const p of PRESETS) {
      await w.page.getByLabel('Preset', { exact: true }).selectOption(p.id);
      await waitDone(w.page);
      await expectTotals(w.page, totalsOf(p.scenario));
      expect(new URL(w.page.url()).hash).toBe(`#preset=${p.id}`);
    }
    expectClean(w);
  });

  it('moves the ladder’s stop line with the pledged-share slider on Crespo’s city', async () => {
    const w = await open('#preset=crespo-city-public');
    await waitDone(w.page);
    const slider = '[data-bench="lever-slider"]';
    const base = preset('crespo-city-public').scenario;
    const version = async () =>
      Number(await w.page.getAttribute('[data-bench=result]', 'data-version'));

    // Nobody pledged: every rank is threatened, no stop line.
    const v0 = await version();
    await setSlider(w.page, slider, 0);
    await w.page.waitForFunction(
      (v) =>
        Number(document.querySelector('[data-bench=result]')!.getAttribute('data-version')) > v,
      v0,
    );
    await waitDone(w.page);
    const none = totalsOf(setAllPledged(base, 0));
    expect(none.stopRank).toBeNull();
    await expectTotals(w.page, none);
    expect(await stopLabel(w.page)).toBeNull();

    // 20% pledged: the stop line appears where the engine says.
    await setSlider(w.page, slider, 0.2);
    await w.page.waitForFunction(
      () => document.querySelector('[data-chart=ladder] .hc-stop-rank') !== null,
    );
    await waitDone(w.page);
    const twenty = totalsOf(setAllPledged(base, 0.2));
    expect(twenty.stopRank).not.toBeNull();
    await expectTotals(w.page, twenty);
    expect(await stopLabel(w.page)).toContain(`rank ${twenty.stopRank!.toLocaleString('en-US')}`);

    // 50%: it moves up the ladder.
    await setSlider(w.page, slider, 0.5);
    const fifty = totalsOf(setAllPledged(base, 0.5));
    await w.page.waitForFunction(
      (r) =>
        (document.querySelector('[data-chart=ladder] .hc-stop-rank')?.textContent ?? '').includes(
          `rank ${r}`,
        ),
      fifty.stopRank!.toLocaleString('en-US'),
    );
    await waitDone(w.page);
    await expectTotals(w.page, fifty);
    expect(fifty.stopRank!).toBeLessThan(twenty.stopRank!);
    // The edit is in the link (written after a short debounce, which a fast solve can beat).
    await w.page.waitForFunction(() => location.hash.startsWith('#z='));
    expect(new URL(w.page.url()).hash).toMatch(/^#z=[A-Za-z0-9_-]+$/); // link format 2 (src/app/link.ts)
    await w.page.screenshot({ path: path.join(SHOTS, 'workbench-lever-moved.png') });
    expectClean(w);
  });

  it('a lever dragged by the pointer is answered in the frame of its input, on the main thread, and the worker agrees once it rests', async () => {
    const w = await open('#preset=crespo-city-public');
    await waitDone(w.page);
    const base = preset('crespo-city-public').scenario;
    // Count the questions sent to the engine's workers (comlink posts {path: [method]}), and note
    // for each input of the slider whether its new result is on screen at the next animation frame.
    await w.page.evaluate(`(() => {
      window.__asked = [];
      const post = Worker.prototype.postMessage;
      Worker.prototype.postMessage = function (...a) {
        const m = a[0] && a[0].path && a[0].path[0];
        if (m) window.__asked.push(m);
        return post.apply(this, a);
      };
      window.__frames = [];
      const chart = document.querySelector('[data-bench=result]');
      const input = document.querySelector('[data-bench="lever-slider"]');
      window.addEventListener('input', (e) => {
        if (e.target !== input) return;
        const before = chart.getAttribute('data-version');
        requestAnimationFrame(() => window.__frames.push({
          value: input.value,
          changed: chart.getAttribute('data-version') !== before,
          busy: chart.getAttribute('data-busy'),
          // The ladder's dense marks on its canvas layer, the SVG's own hidden until it rests.
          canvas: document.querySelectorAll('[data-chart=ladder] .hc-moving-marks canvas').length,
          marks: document.querySelector('[data-chart=ladder] .hc-marks').getAttribute('display'),
        }));
      }, true);
    })()`);
    const slider = w.page.locator('[data-bench="lever-slider"]');
    await slider.scrollIntoViewIfNeeded();
    const box = (await slider.boundingBox())!;
    const y = box.y + box.height / 2;
    await w.page.mouse.move(box.x + 4, y);
    await w.page.mouse.down();
    // The engine's code for inline answers loads on the first step: wait for it to be used.
    await w.page.mouse.move(box.x + box.width * 0.15, y);
    await w.page.waitForFunction(() => (window as unknown as { __frames: unknown[] }).__frames.length > 0);
    await w.page.waitForTimeout(400);
    const askedBefore = ((await w.page.evaluate('window.__asked.length')) as number);
    const framesBefore = ((await w.page.evaluate('window.__frames.length')) as number);
    for (const frac of [0.3, 0.22, 0.45, 0.6, 0.38]) {
      await w.page.mouse.move(box.x + box.width * frac, y);
      await w.page.waitForTimeout(60); // less than the rest (250 ms): the lever keeps moving
    }
    const moving = (await w.page.evaluate('window.__frames')) as { value: string; changed: boolean; busy: string }[];
    const during = moving.slice(framesBefore);
    expect(during.length).toBeGreaterThanOrEqual(5);
    // Each move's result was on screen, done, at the first frame after its input, the ladder's
    // marks painted on its canvas layer.
    for (const f of during) expect(f).toEqual({ value: f.value, changed: true, busy: 'false', canvas: 1, marks: 'none' });
    // No question went to a worker while the lever moved.
    expect(((await w.page.evaluate('window.__asked')) as string[]).slice(askedBefore)).toEqual([]);
    await w.page.mouse.up();
    const value = Number(await slider.inputValue());
    const expected = totalsOf(setAllPledged(base, value));
    await expectTotals(w.page, expected); // the inline answer: the engine's totals
    // It rests: one question to a worker (the full answer, with the rows), and the same totals.
    await w.page.waitForFunction(
      (n) => (window as unknown as { __asked: string[] }).__asked.length > n,
      askedBefore,
    );
    await waitDone(w.page);
    expect(((await w.page.evaluate('window.__asked')) as string[]).slice(askedBefore)).toEqual(['resultScreen']);
    await expectTotals(w.page, expected);
    // At rest the marks are the SVG's again (what an export and a screen reader get), the canvas gone.
    expect(await w.page.locator('[data-chart=ladder] .hc-moving-marks').count()).toBe(0);
    expect(await w.page.locator('[data-chart=ladder] .hc-marks').getAttribute('display')).toBeNull();
    expect(await w.page.locator('[data-chart=ladder] .hc-marks .hc-mark').count()).toBeGreaterThan(100);
    expectClean(w);
  });

  it('a dragged lever: the editor holds its fields until the lever rests, and the ladder is updated in place', async () => {
    const w = await open('#preset=crespo-city-public');
    await waitDone(w.page);
    const base = preset('crespo-city-public').scenario;
    const fields = 'input.hf-number[id$="-pledgedShare"]';
    const before = await w.page.$$eval(fields, (els) => els.map((e) => (e as HTMLInputElement).value));
    expect(before.length).toBeGreaterThan(0);
    // Five steps of a drag, a frame apart: right after each step (its input event handled, the
    // page rendered with the new draft) the editor's fields still read what they read before it.
    const held = (await w.page.evaluate(
      `(async () => {
        window.__firstMark = document.querySelector('[data-chart=ladder] .hc-mark');
        const input = document.querySelector('[data-bench="lever-slider"]');
        const set = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
        const read = () => [...document.querySelectorAll('${fields}')].map((e) => e.value);
        const out = [];
        for (const v of [0.3, 0.35, 0.4, 0.45, 0.5]) {
          const was = read();
          set.call(input, String(v));
          input.dispatchEvent(new Event('input', { bubbles: true }));
          input.dispatchEvent(new Event('change', { bubbles: true }));
          out.push({ was, now: read(), lever: input.value });
          await new Promise((r) => requestAnimationFrame(() => r(null)));
        }
        return out;
      })()`,
    )) as { was: string[]; now: string[]; lever: string }[];
    for (const step of held) expect(step.now).toEqual(step.was);
    expect(held.map((s) => s.lever)).toEqual(['0.3', '0.35', '0.4', '0.45', '0.5']);
    // The lever rests: the editor catches up with the draft the lever made.
    const final = setAllPledged(base, 0.5) as { groups: { pledgedShare?: number }[] };
    const expected = final.groups.map((g) => formatEditorNumber(g.pledgedShare ?? 0));
    await w.page.waitForFunction(
      ([sel, want]) => JSON.stringify([...document.querySelectorAll(sel)].map((e) => (e as HTMLInputElement).value)) === want,
      [fields, JSON.stringify(expected)] as const,
    );
    expect(expected).not.toEqual(before);
    await waitDone(w.page);
    await expectTotals(w.page, totalsOf(final));
    // The ladder (Crespo's city: 7,000 ranks in bins) was redrawn over its marks, not rebuilt.
    expect(
      await w.page.evaluate(
        () =>
          document.querySelector('[data-chart=ladder] .hc-mark') ===
          (window as unknown as { __firstMark: Element | null }).__firstMark,
      ),
    ).toBe(true);
    expectClean(w);
  });

  it('an invalid edit in the JSON view names the field and keeps the last valid result', async () => {
    const w = await open('#preset=bgb-priority');
    await waitDone(w.page);
    const before = totalsOf(preset('bgb-priority').scenario);
    await w.page.getByRole('tab', { name: 'JSON' }).click();
    const text = await w.page.inputValue('textarea.hf-json-text');
    const doc = JSON.parse(text) as { groups: { convictionProbability: number }[] };
    doc.groups[0].convictionProbability = 1.7;
    await w.page.fill('textarea.hf-json-text', JSON.stringify(doc, null, 2));
    await w.page
      .getByText('groups[0].convictionProbability: must be at most 1, got 1.7')
      .first()
      .waitFor();
    await expectTotals(w.page, before);
    expect(await w.page.locator('[data-chart=ladder] svg[role=img]').count()).toBe(1);

    // The same edit in the form: the draft is invalid, and the views say they show the last valid scenario.
    await w.page.getByRole('tab', { name: 'Form' }).click();
    const p = w.page.getByRole('spinbutton', { name: /Conviction probability/ }).first();
    await p.fill('1.7');
    await w.page.getByText('these views show the last valid scenario').waitFor();
    await w.page.getByText('must be at most 1, got 1.7').first().waitFor();
    await expectTotals(w.page, before);
    expect(await w.page.getAttribute('[data-bench=result]', 'data-busy')).toBe('false');
    await w.page.screenshot({ path: path.join(SHOTS, 'workbench-invalid-edit.png') });
    expectClean(w);
  });

  it('a malformed #s= link shows what is wrong, and the app still works', async () => {
    const w = await open('#s=this-is-not*base64!');
    await w.page.getByTestId('link-problem').waitFor();
    expect(await w.page.textContent('[data-testid=link-problem]')).toMatch(/not valid base64url/);
    // What the link held opens in the JSON view, to be fixed there.
    const json = (p: Page) => p.getByRole('textbox', { name: 'Scenario JSON' });
    expect(await json(w.page).inputValue()).toBe('this-is-not*base64!');
    expect(await w.page.locator('.hf-json-errors').textContent()).toMatch(
      /not valid JSON at line 1, column 1/,
    );
    await waitDone(w.page);
    await expectTotals(w.page, totalsOf(preset('bgb-priority').scenario));

    // Valid base64 of broken JSON.
    const badJson = Buffer.from('{"schemaVersion": 1, "groups": [').toString('base64url');
    const w2 = await open(`#s=${badJson}`);
    await w2.page.getByTestId('link-problem').waitFor();
    expect(await w2.page.textContent('[data-testid=link-problem]')).toMatch(/JSON/);
    // The broken text is in the JSON view (its tab open), with the line and column of the error;
    // the charts show the default preset.
    expect(await w2.page.getByRole('tab', { name: 'JSON' }).getAttribute('aria-selected')).toBe(
      'true',
    );
    expect(await json(w2.page).inputValue()).toBe('{"schemaVersion": 1, "groups": [');
    expect(await json(w2.page).getAttribute('aria-invalid')).toBe('true');
    expect(await w2.page.locator('.hf-json-errors').textContent()).toMatch(
      /scenario: not valid JSON at line 1, column 33/,
    );
    await waitDone(w2.page);
    await expectTotals(w2.page, totalsOf(preset('bgb-priority').scenario));
    await w2.page.screenshot({ path: path.join(SHOTS, 'workbench-broken-link.png') });
    // Fixing the text in place loads it: nothing was lost.
    const fixed = setAllPledged(preset('crespo-city-public').scenario, 0.3);
    await json(w2.page).fill(JSON.stringify(fixed, null, 2));
    await waitDone(w2.page);
    await expectTotals(w2.page, totalsOf(fixed));

    // JSON that is not a valid scenario: the field is named, the editor holds it, the charts show the fallback.
    const bad = structuredClone(preset('crespo-city-public').scenario) as ScenarioInput & {
      groups: { convictionProbability: number }[];
    };
    bad.groups[0].convictionProbability = 1.7;
    const w3 = await open(`#s=${Buffer.from(JSON.stringify(bad)).toString('base64url')}`);
    await w3.page.getByTestId('link-problem').waitFor();
    expect(await w3.page.textContent('[data-testid=link-problem]')).toContain(
      'groups[0].convictionProbability: must be at most 1, got 1.7',
    );
    await waitDone(w3.page);
    await expectTotals(w3.page, totalsOf(preset('bgb-priority').scenario));
    // Still usable: pick another preset. The draft in the editor is the link's (the class's
    // work), so replacing it is undoable (issue 9, issue 10: never lose the class's work): no
    // dialog interrupts the class, and the notice offers Undo.
    const asked: string[] = [];
    w3.page.on('dialog', (d) => {
      asked.push(d.message());
      void d.dismiss();
    });
    await w3.page.getByLabel('Preset', { exact: true }).selectOption('bgb-lottery');
    await w3.page.getByTestId('replaced').getByRole('button', { name: 'Undo' }).waitFor();
    expect(asked).toEqual([]);
    await waitDone(w3.page);
    await expectTotals(w3.page, totalsOf(preset('bgb-lottery').scenario));
    for (const x of [w, w2, w3]) expectClean(x);
  });

  it('a #s= link reproduces an edited scenario', async () => {
    const edited = setAllPledged(preset('crespo-city-public').scenario, 0.3);
    const w = await open(`#s=${Buffer.from(JSON.stringify(edited)).toString('base64url')}`);
    await waitDone(w.page);
    await expectTotals(w.page, totalsOf(edited));
    expectClean(w);
  });

  it('stays readable at a million defendants: totals from the engine, the ladder in bins', async () => {
    const city = {
      schemaVersion: 1,
      title: 'A million alike defendants, budget for 30,000 trials',
      groups: [
        { label: 'pledged felony', count: 300_000, convictionProbability: 0.5, trialSentence: 10, pledgedShare: 1 },
        { label: 'felony', count: 700_000, convictionProbability: 0.5, trialSentence: 10 },
      ],
      prosecutor: { budget: 30_000, regime: 'priority', ranking: 'arrival' },
      levers: { pledge: { penalty: 10 } },
    };
    const w = await open(`#s=${Buffer.from(JSON.stringify(city)).toString('base64url')}`);
    await waitDone(w.page);
    await expectTotals(w.page, totalsOf(city));
    // Rows are left out above 100,000 defendants; the ladder is drawn from the engine's bins.
    const ladder = w.page.locator('[data-bench=result] svg[role=img]').first();
    await ladder.waitFor();
    expect(await ladder.getAttribute('aria-labelledby')).toBeTruthy();
    expect(await w.page.locator('[data-bench=result]').textContent()).toContain('The unraveling stops at rank 30,001');
    // The why panel asks the worker for the one defendant it explains.
    await w.page.getByLabel('Why did defendant').fill('30001');
    await w.page.getByRole('button', { name: 'Explain' }).click();
    const panel = w.page.getByRole('heading', { name: 'Why defendant 30001?' });
    await panel.waitFor({ timeout: 60_000 });
    expect(await w.page.locator('[data-bench=result]').textContent()).toContain('Defendant 30001');
    await w.page.screenshot({ path: path.join(SHOTS, 'workbench-million.png'), fullPage: true });
    expectClean(w);
  });

  it('clicking a defendant in the ladder opens the why panel, with numbers', async () => {
    const w = await open('#preset=bgb-priority');
    await waitDone(w.page);
    const overlay = w.page.locator('[data-chart=ladder] .hc-overlay').first();
    // The chart may still redraw once after the answer (the status quo's panel arriving beside it
    // can change the page's width), replacing the overlay: the locator's own click scrolls to the
    // overlay in place now and resolves it again if it was replaced.
    const box = (await overlay.boundingBox())!;
    // The first rank sits at the left of the plot.
    await overlay.click({ position: { x: 6, y: Math.round(box.height * 0.3) } });
    const why = w.page.locator('.hf-why');
    await why.waitFor();
    const text = (await why.textContent()) ?? '';
    expect(text).toMatch(/Why defendant \d+\?/);
    expect(text).toMatch(/pleaded/);
    expect(text).toMatch(/\d/);
    await w.page.screenshot({ path: path.join(SHOTS, 'workbench-why.png') });
    // Escape closes it.
    await w.page.keyboard.press('Escape');
    await expect.poll(() => why.count()).toBe(0);

    // By number, from the keyboard.
    await w.page.getByLabel('Why did defendant').fill('100');
    await w.page.getByLabel('Why did defendant').press('Enter');
    await w.page.getByText('Why defendant 100?').waitFor();
    expectClean(w);
  });

  it('pins A, changes B, and shows the differences in totals', async () => {
    const w = await open('#preset=crespo-city-public');
    await waitDone(w.page);
    await w.page.getByRole('button', { name: 'Pin as A' }).click();
    await setSlider(w.page, '[data-bench="lever-slider"]', 0.3);
    await waitDone(w.page);
    await w.page.getByRole('tab', { name: /Compare A\/B/ }).click();
    await w.page.waitForSelector('[data-testid=compare][aria-busy=false]', { timeout: 60_000 });
    const a = totalsOf(preset('crespo-city-public').scenario);
    const b = totalsOf(setAllPledged(preset('crespo-city-public').scenario, 0.3));
    for (const f of TOTAL_FIELDS) {
      const row = w.page.locator(`[data-testid=compare] tr[data-key="${f.key}"]`);
      expect(await row.locator('[data-side=a]').textContent()).toBe(formatTotal(f.key, a));
      expect(await row.locator('[data-side=b]').textContent()).toBe(formatTotal(f.key, b));
      const d = diffTotal(f.key, a, b);
      expect(await row.locator('[data-side=diff] .diff-text').textContent()).toBe(d.text);
    }
    // Fewer pleas in B: a minus sign, and the word, not only the color.
    const pleas = w.page.locator('[data-testid=compare] tr[data-key=pleas] [data-side=diff]');
    expect(await pleas.textContent()).toMatch(/\u2212/);
    expect(await pleas.textContent()).toMatch(/better/);
    await w.page.screenshot({ path: path.join(SHOTS, 'workbench-compare.png'), fullPage: true });
    // The pin survives a reload (sessionStorage), and Unpin clears it.
    await w.page.reload();
    await w.page.getByRole('tab', { name: /Compare A\/B/ }).click();
    await w.page.waitForSelector('[data-testid=compare]');
    await w.page.getByRole('button', { name: 'Unpin A' }).click();
    await w.page.getByRole('button', { name: 'Pin as A' }).first().waitFor();
    expectClean(w);
  });

  it('is operable from the keyboard: skip link, tabs with arrow keys', async () => {
    const w = await open('#preset=bgb-priority');
    await waitDone(w.page);
    await w.page.keyboard.press('Tab');
    expect(await w.page.evaluate(() => document.activeElement?.textContent)).toBe(
      'Skip to the results',
    );
    await w.page.keyboard.press('Enter');
    expect(await w.page.evaluate(() => document.activeElement?.id)).toBe('main');
    expect(new URL(w.page.url()).hash).toBe('#preset=bgb-priority');
    await w.page.getByRole('tab', { name: 'Result' }).focus();
    await w.page.keyboard.press('ArrowRight');
    expect(await w.page.getByRole('tab', { name: 'Sweep' }).getAttribute('aria-selected')).toBe(
      'true',
    );
    await w.page.keyboard.press('End');
    expect(
      await w.page.getByRole('tab', { name: /Compare A\/B/ }).getAttribute('aria-selected'),
    ).toBe('true');
    await w.page.keyboard.press('Home');
    expect(await w.page.getByRole('tab', { name: 'Result' }).getAttribute('aria-selected')).toBe(
      'true',
    );
    expectClean(w);
  });

  for (const scheme of ['light', 'dark'] as const) {
    it(`screenshots every tab (${scheme})`, async () => {
      const w = await open('#preset=crespo-city-public', scheme);
      await waitDone(w.page);
      await w.page.screenshot({
        path: path.join(SHOTS, `workbench-result-${scheme}.png`),
        fullPage: true,
      });
      const lottery = await open('#preset=bgb-lottery', scheme);
      await waitDone(lottery.page);
      await lottery.page.screenshot({
        path: path.join(SHOTS, `workbench-result-lottery-${scheme}.png`),
        fullPage: true,
      });
      for (const [name, file] of [
        ['Sweep', 'sweep'],
        ['Phase diagram', 'phase'],
        ['Regimes', 'regimes'],
        ['Compare A/B', 'compare'],
      ] as const) {
        await w.page.getByRole('tab', { name }).click();
        if (file === 'regimes')
          await w.page.waitForSelector('[data-chart=regimes] svg[role=img]', { timeout: 60_000 });
        else await w.page.waitForTimeout(500);
        await w.page.screenshot({
          path: path.join(SHOTS, `workbench-${file}-${scheme}.png`),
          fullPage: true,
        });
      }
      expectClean(w);
      expectClean(lottery);
    });
  }

  // A narrow laptop and a wide projector: the Result tab of a priority and a lottery preset.
  for (const [name, viewport] of [
    ['narrow', { width: 800, height: 900 }],
    ['projector', { width: 1920, height: 1080 }],
  ] as const) {
    it(`screenshots the Result tab on a ${name} screen (${viewport.width}×${viewport.height})`, async () => {
      for (const id of ['crespo-city-public', 'bgb-lottery']) {
        const w = await open(`#preset=${id}`);
        await w.page.setViewportSize(viewport);
        await waitDone(w.page);
        // Charts redraw on resize (ResizeObserver); let them settle.
        await w.page.waitForTimeout(300);
        // No chart is wider than its card (nothing cut off).
        const overflow = await w.page.$$eval('[data-chart] svg[role=img]', (svgs) =>
          svgs.filter((s) => {
            const r = s.getBoundingClientRect();
            const card = s.closest('section, .card, .chart-card') ?? s.parentElement!;
            return r.right > card.getBoundingClientRect().right + 1;
          }).length,
        );
        expect(overflow).toBe(0);
        await w.page.screenshot({
          path: path.join(SHOTS, `workbench-result-${id}-${name}.png`),
          fullPage: true,
        });
        expectClean(w);
      }
    });
  }

  it('projector mode draws the page and its charts larger, and is remembered', async () => {
    const w = await open('#preset=crespo-city-public');
    await w.page.setViewportSize({ width: 1920, height: 1080 });
    await waitDone(w.page);
    const fontPx = () =>
      w.page.$eval('[data-chart] svg[role=img] .hc-axis text', (t) => t.getBoundingClientRect().height);
    const before = await fontPx();
    const toggle = w.page.getByRole('button', { name: 'Projector' });
    await toggle.click();
    expect(await toggle.getAttribute('aria-pressed')).toBe('true');
    expect(await w.page.getAttribute('html', 'data-size')).toBe('large');
    await w.page.waitForTimeout(300);
    expect(await fontPx()).toBeGreaterThan(before * 1.2);
    await w.page.screenshot({ path: path.join(SHOTS, 'workbench-projector-mode.png'), fullPage: true });
    await w.page.reload();
    await waitDone(w.page);
    expect(await w.page.getAttribute('html', 'data-size')).toBe('large');
    await w.page.getByRole('button', { name: 'Projector' }).click();
    expect(await w.page.getAttribute('html', 'data-size')).toBeNull();
    expectClean(w);
  });
});
