// The weekly docket in real Chromium, against the production build: each docket preset shows the
// docket chart with the engine's crash week and the status quo beside it; dragging the weekly
// capacity moves the crash week; clicking a week lists its defendants; the wave tool compares the
// same pledgers spread and as one wave; the default docket phase diagram (pledged share × weekly
// capacity) runs. Screenshots (light and dark, 1280×800 and 1920×1080) land in screenshots/.
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { solve } from '../../src/engine/api';
import { setPath } from '../../src/engine/sweep/fieldPath';
import { PRESETS } from '../../src/presets';
import type { Result, ScenarioInput } from '../../src/engine/api';
import { describeDocketFrame, docketView } from '../../src/charts/docket/data';
import { SHOTS, expectClean, setSlider, useBrowser } from './browser';

const baseURL = inject('baseURL');
const app = useBrowser(baseURL);
const preset = (id: string) => PRESETS.find((p) => p.id === id)!.scenario;

function solved(s: ScenarioInput): Result {
  const r = solve(s);
  if (!r.ok) throw new Error('does not solve');
  return r.value;
}

async function waitDone(page: Page) {
  await page.waitForSelector('[data-bench=result][data-busy=false] [data-testid=result-status][data-status=done]', { timeout: 60_000 });
}


const reading = (page: Page) => page.locator('[data-chart=docket] .docket-reading').first().textContent();

describe('the weekly docket', () => {
  for (const [id, crash, free] of [
    ['crespo-docket-status-quo', null, 0],
    ['crespo-docket-sustained', 11, 2374],
    ['crespo-docket-wave', 26, 354],
  ] as const) {
    it(`${id}: the docket chart, its crash week and the status quo`, async () => {
      const w = await app.open(`#preset=${id}`);
      const { page } = w;
      await waitDone(page);
      const r = solved(preset(id));
      expect(r.docket?.crashWeek ?? null).toBe(crash);
      expect(r.totals.free).toBe(free);
      const svg = page.locator('[data-chart=docket] svg[role=img]').first();
      await svg.waitFor();
      expect(await svg.locator('title').textContent()).toBe('The weekly docket: 52 weeks of arrivals by outcome, trials held and the backlog');
      expect(await reading(page)).toContain(
        crash === null ? 'the calendar never crashes' : `Week ${crash}: the first defendant finds no trial date before his deadline.`,
      );
      if (crash !== null) expect(await svg.locator('.hc-crash-week text').textContent()).toMatch(new RegExp(`^week ${crash}: `));
      // The status quo beside it: nearly everyone pleads.
      const sq = page.getByTestId('status-quo');
      await page.waitForFunction(() => !/Computing/.test(document.querySelector('[data-testid=status-quo]')?.textContent ?? ''), null, { timeout: 60_000 });
      expect(await sq.textContent()).toContain('6,550 of 7,000 plead (93.6%)');
      expect(await sq.locator('[data-warning]').count()).toBe(0);
      expectClean(w);
    });
  }

  it('dragging the weekly capacity moves the crash week; clicking a week lists its defendants', async () => {
    const w = await app.open('#preset=crespo-docket-sustained');
    const { page } = w;
    await waitDone(page);
    expect(await reading(page)).toContain('Week 11:');
    const at = (k: number) => solved(setPath(preset('crespo-docket-sustained'), 'docket.capacity', k) as ScenarioInput).docket!.crashWeek;
    expect([at(8), at(10), at(12)]).not.toContain(11);
    for (const k of [10, 12, 8]) {
      await setSlider(page, '[data-bench=capacity-slider]', k);
      await waitDone(page);
      const c = at(k);
      await page.waitForFunction(
        (t) => (document.querySelector('[data-chart=docket] .docket-reading')?.textContent ?? '').includes(t),
        c === null ? 'never crashes' : `Week ${c}:`,
        { timeout: 60_000 },
      );
    }
    // Back to 9: focus the chart, move to week 11 and press Enter: week 11's defendants are listed.
    await setSlider(page, '[data-bench=capacity-slider]', 9);
    await waitDone(page);
    await page.waitForFunction(() => (document.querySelector('[data-chart=docket] .docket-reading')?.textContent ?? '').includes('Week 11:'));
    const overlay = page.locator('[data-chart=docket] svg[role=img] .hc-overlay').first();
    await overlay.focus();
    for (let i = 0; i < 11; i++) await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    const list = page.locator('.hc-docket-week').first();
    await list.waitFor();
    const r = solved(preset('crespo-docket-sustained'));
    const week11 = r.docket!.byWeek[11];
    expect(await list.locator('h4').textContent()).toContain(`Defendants arriving in week 11 (${week11.arrivals})`);
    expect(await list.locator('li').count()).toBe(week11.arrivals);
    await list.locator('li button').first().click();
    await page.locator('.hf-why').first().waitFor();
    expect(await page.locator('.hf-why').first().textContent()).toMatch(/arrived in week 11/);
    await page.screenshot({ path: path.join(SHOTS, 'docket-week-list.png'), fullPage: true });
    expectClean(w);
  });

  it('plays, pauses and steps the docket week by week; every frame is the engine’s byWeek', async () => {
    const w = await app.open('#preset=crespo-docket-sustained');
    const { page } = w;
    await waitDone(page);
    const r = solved(preset('crespo-docket-sustained'));
    const v = docketView(r.docket!);
    const last = v.columns.length - 1;
    expect(last).toBe(59); // 52 arrival weeks and 8 to finish them, one frame each
    const player = page.locator('[data-chart=docket] .docket-player').first();
    const frameText = () => player.getByTestId('frame-text').textContent();
    const frame = async () => Number(await player.locator('.player').getAttribute('data-frame'));
    // At rest on the last frame: the whole result, no frame box.
    expect(await frameText()).toBe(describeDocketFrame(v, last));
    expect(await player.locator('.hc-cursor').count()).toBe(0);
    // First frame: week 0 drawn, the other 51 arrival weeks outlined, no crash yet.
    await player.getByRole('button', { name: 'First frame' }).click();
    expect(await frameText()).toBe(describeDocketFrame(v, 0));
    const w0 = r.docket!.byWeek[0];
    expect(await frameText()).toMatch(new RegExp(`^Week 0: ${w0.arrivals} defendants arrive: ${w0.pleas} plead, ${w0.tried} are tried, ${w0.free} go free\\. `));
    expect(await frameText()).toContain(`using ${w0.unitsUsed} of 9 trial units`);
    expect(await frameText()).toContain(`Backlog at the end: ${w0.backlog} trial unit`);
    expect(await frameText()).toContain("This week's arrivals must be tried by week 8 or go free.");
    expect(await player.locator('.hc-mark.hc-future').count()).toBe(51);
    expect(await player.locator('.hc-crash-week').count()).toBe(0);
    expect(await player.locator('.hc-deadline-label').textContent()).toBe('deadline: week 8');
    // Step forward to the week before the crash (button, then the slider's arrows): no crash yet.
    await player.getByRole('button', { name: 'Step forward' }).click();
    expect(await frameText()).toBe(describeDocketFrame(v, 1));
    const slider = player.getByRole('slider', { name: 'Frame' });
    await slider.focus();
    for (let k = 1; k < 10; k++) await page.keyboard.press('ArrowRight');
    expect(await frame()).toBe(10);
    expect(await frameText()).toBe(describeDocketFrame(v, 10));
    expect(await player.locator('.hc-crash-week').count()).toBe(0);
    // Week 11: the crash week appears, in the sentence and on the chart.
    await page.keyboard.press('ArrowRight');
    expect(await frameText()).toBe(describeDocketFrame(v, 11));
    expect(await frameText()).toContain('The calendar crashes: the first defendant finds no trial date before his deadline.');
    expect(await frameText()).toContain(`${r.docket!.byWeek[11].free} go free`);
    expect(await player.locator('.hc-crash-week').count()).toBe(1);
    expect(await player.locator('.hc-units-used').count()).toBe(12);
    await page.screenshot({ path: path.join(SHOTS, 'docket-player-week11.png') });
    // Space on the slider plays; Space pauses; the frame shown is the engine's week.
    await page.keyboard.press(' ');
    expect(await player.getByRole('button', { name: 'Pause' }).getAttribute('aria-pressed')).toBe('true');
    await page.waitForFunction(() => Number(document.querySelector('[data-chart=docket] .player')?.getAttribute('data-frame')) >= 12, undefined, {
      timeout: 60_000,
    });
    await page.keyboard.press(' ');
    expect(await player.getByRole('button', { name: 'Play' }).getAttribute('aria-pressed')).toBe('false');
    const at = await frame();
    expect(at).toBeGreaterThanOrEqual(12);
    expect(await frameText()).toBe(describeDocketFrame(v, at));
    expect(await player.locator('.player [aria-live=polite]').textContent()).toBe(describeDocketFrame(v, at));
    // End: the last frame, the whole result again.
    await page.keyboard.press('End');
    expect(await frameText()).toBe(describeDocketFrame(v, last));
    expect(await player.locator('.hc-cursor').count()).toBe(0);
    expectClean(w);
  });

  it('the wave tool: the same pledgers spread over the year and as one wave in week 26', async () => {
    const w = await app.open('#preset=crespo-docket-sustained');
    const { page } = w;
    await waitDone(page);
    const tool = page.getByTestId('wave-tool');
    await tool.locator('[data-testid=wave-wave]').waitFor({ timeout: 60_000 });
    await tool.locator('[data-testid=wave-spread]').waitFor({ timeout: 60_000 });
    expect(await tool.locator('[data-testid=wave-wave]').getAttribute('data-free')).toBe('354');
    expect(await tool.textContent()).toContain('The sustained pledge does more.');
    await tool.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(SHOTS, 'docket-wave-tool.png') });
    expectClean(w);
  });

  it('the default docket phase diagram is pledged share × weekly capacity, with the boundary', async () => {
    const w = await app.open('#preset=crespo-docket-sustained');
    const { page } = w;
    await waitDone(page);
    await page.getByRole('tab', { name: 'Phase diagram', exact: true }).click();
    expect(await page.getByLabel('Field across (x)').inputValue()).toBe('groups[*].pledgedShareOfRest');
    expect(await page.getByLabel('Field up (y)').inputValue()).toBe('docket.capacity');
    await page.getByLabel('Resolution').selectOption('16');
    await page.click('[data-bench=run-phase]');
    await page.waitForSelector('[data-bench=phase-done]', { timeout: 120_000 });
    expect(await page.locator('[data-bench=phase-done] svg .hc-cell').count()).toBe(256);
    expect(await page.getByTestId('phase-result').textContent()).toMatch(/weekly capacity/i);
    await page.screenshot({ path: path.join(SHOTS, 'docket-phase-16.png'), fullPage: true });
    expectClean(w);
  });

  for (const [dark, width, height] of [
    [false, 1280, 800],
    [true, 1280, 800],
    [false, 1920, 1080],
    [true, 1920, 1080],
  ] as const) {
    it(`screenshot: the wave preset, ${dark ? 'dark' : 'light'}, ${width}×${height}`, async () => {
      const w = await app.open('#preset=crespo-docket-wave', dark ? 'dark' : 'light');
      const { page } = w;
      await page.setViewportSize({ width, height });
      await waitDone(page);
      await page.locator('[data-chart=docket]').first().scrollIntoViewIfNeeded();
      await page.screenshot({ path: path.join(SHOTS, `docket-wave-${dark ? 'dark' : 'light'}-${width}.png`) });
      expectClean(w);
    });
  }
});
