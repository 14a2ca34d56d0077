// Scholars in real Chromium against the production build: every chart's export is the figure
// `npm run figure` draws (byte-identical SVG), PNGs carry their size and DPI, a copied link
// opens the same view in a fresh browser profile, the library survives a reload, a preset that
// replaced an edit can be undone, and a dropped file opens (or says every problem).
import fs from 'node:fs';
import path from 'node:path';
import { JSDOM } from 'jsdom';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { parseScenario } from '../../src/engine/scenario/parse';
import type { Scenario } from '../../src/engine/scenario/schema';
import { PRESETS } from '../../src/presets';
import { buildFigure, type FigureRequest } from '../../src/figure/build';
import { renderFigureSvg } from '../../src/figure/render';
import { tableCsv } from '../../src/figure/table';
import { readPngInfo } from '../../src/figure/png';
import { SHOTS, expectClean, useBrowser } from './browser';
import { axeViolations } from './axe';
import { encodeLink } from '../../src/app/link';
import { DEFAULT_CRITERION } from '../../src/engine/sweep/types';

const baseURL = inject('baseURL');
const app = useBrowser(baseURL);

const preset = (id: string) => {
  const p = PRESETS.find((x) => x.id === id);
  if (!p) throw new Error(`no preset ${id}`);
  const r = parseScenario(p.scenario);
  if (!r.ok) throw new Error(id);
  return { ...p, parsed: r.scenario };
};

async function waitSolved(page: Page, title: string) {
  await page.waitForFunction(
    (t) =>
      Array.from(document.querySelectorAll<HTMLElement>('[role=status][data-status]')).some(
        (s) => s.dataset.status === 'done' && (s.textContent ?? '').includes(t),
      ),
    title,
    { timeout: 60_000 },
  );
}

async function cliSvg(scenario: Scenario, req: FigureRequest) {
  const src = await buildFigure(scenario, req);
  return { svg: renderFigureSvg(new JSDOM('').window.document, src, scenario), csv: tableCsv(src.table) };
}

async function save(page: Page, menu: Locator, item: RegExp) {
  await menu.click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: item }).click()]);
  const file = await download.path();
  return { name: download.suggestedFilename(), bytes: fs.readFileSync(file) };
}

const exportIn = (scope: Locator) => scope.locator('button[aria-haspopup=menu]', { hasText: 'Export' });

describe('scholars', () => {
  it('exports each chart exactly as npm run figure draws it; PNG size and DPI', async () => {
    const w = await app.open('#preset=bgb-priority', 'dark');
    const { page } = w;
    const p = preset('bgb-priority');
    await waitSolved(page, p.title);
    // The Result tab's ladder, although the screen is dark: the figure style is light.
    const ladderCard = page.locator('section[data-chart=ladder]');
    const ladder = await save(page, exportIn(ladderCard), /Chart as SVG/);
    const expected = await cliSvg(p.parsed, { chart: 'ladder' });
    expect(ladder.bytes.toString('utf8')).toBe(expected.svg);
    const csv = await save(page, exportIn(ladderCard), /Chart data as CSV/);
    expect(csv.bytes.toString('utf8')).toBe(expected.csv);
    const png = await save(page, exportIn(ladderCard), /PNG \(300 dpi\)/);
    const info = readPngInfo(new Uint8Array(png.bytes));
    expect({ width: info.width, height: info.height, crcOk: info.crcOk }).toEqual({ width: 1950, height: 1250, crcOk: true });
    expect(info.dpi).toBeCloseTo(300, 1);
    const png2 = readPngInfo(new Uint8Array((await save(page, exportIn(ladderCard), /PNG \(2×\)/)).bytes));
    expect([png2.width, png2.height, Math.round(png2.dpi ?? 0)]).toEqual([1248, 800, 192]);
    // A chosen DPI: a wrong value says why and saves nothing; 600 dpi is 624 × 400 px × 600/96.
    await exportIn(ladderCard).click();
    await page.getByRole('menuitem', { name: /PNG at a chosen DPI/ }).click();
    const dpi = page.getByLabel('Resolution');
    await dpi.fill('2400');
    await page.getByRole('button', { name: 'Save PNG' }).click();
    await page.getByRole('alert').filter({ hasText: '2400 dpi is above 1200' }).waitFor();
    expect(await dpi.getAttribute('aria-invalid')).toBe('true');
    await page.screenshot({ path: path.join(SHOTS, 'scholars-dpi-error-dark.png') });
    // WCAG 2.1 A/AA on the form with its message (labelled input, described by the error).
    expect(await axeViolations(page, 'section[data-chart=ladder] .export-menu')).toEqual([]);
    await dpi.fill('600');
    expect(await page.getByTestId('dpi-pixels').textContent()).toBe('3,900 × 2,500 pixels, 600 dpi written into the file');
    const [dl600] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Save PNG' }).click()]);
    expect(dl600.suggestedFilename()).toMatch(/\.chart@600dpi\.png$/);
    const png600 = readPngInfo(new Uint8Array(fs.readFileSync(await dl600.path())));
    expect({ width: png600.width, height: png600.height, crcOk: png600.crcOk }).toEqual({ width: 3900, height: 2500, crcOk: true });
    expect(png600.dpi).toBeCloseTo(600, 1);

    // Regimes.
    await page.getByRole('tab', { name: 'Regimes' }).click();
    const regimesCard = page.locator('section[data-chart=regimes]');
    await regimesCard.locator('svg[role=img]').waitFor();
    const regimes = await save(page, exportIn(regimesCard), /Chart as SVG/);
    expect(regimes.bytes.toString('utf8')).toBe((await cliSvg(p.parsed, { chart: 'regimes' })).svg);
    // The Regimes tab has no result of its own: its menu offers the chart and the scenario only.
    await exportIn(regimesCard).click();
    const regimeItems = await page.getByRole('menuitem').allTextContents();
    await page.keyboard.press('Escape');
    expect(regimeItems.some((t) => t.startsWith('Chart data as JSON'))).toBe(true);
    expect(regimeItems.some((t) => /Defendants as CSV|Totals as CSV|Result as JSON/.test(t))).toBe(false);

    // Sweep: pledged share 0..1 in 4 steps, take.
    await page.getByRole('tab', { name: 'Sweep' }).click();
    await page.getByLabel('Field to sweep').selectOption('groups[*].pledgedShare');
    await page.getByLabel(/^From/).fill('0');
    await page.getByLabel(/^To\b/).fill('1');
    await page.getByLabel(/^Steps/).fill('4');
    await page.getByRole('button', { name: 'Run sweep' }).click();
    const sweepFig = page.locator('.exportable-figure').first();
    await sweepFig.locator('svg[role=img]').waitFor({ timeout: 60_000 });
    const sweep = await save(page, exportIn(sweepFig), /Chart as SVG/);
    const sweepReq: FigureRequest = { chart: 'sweep', outcome: 'takeRatio', sweep: { field: 'groups[*].pledgedShare', from: 0, to: 1, steps: 4 } };
    expect(sweep.bytes.toString('utf8')).toBe((await cliSvg(p.parsed, sweepReq)).svg);
    await page.screenshot({ path: path.join(SHOTS, 'scholars-sweep-export-dark.png') });

    // Lottery: the threshold diagram.
    const lot = preset('bgb-lottery');
    await page.goto(new URL('#preset=bgb-lottery', baseURL).href);
    await page.reload();
    await waitSolved(page, lot.title);
    const thr = await save(page, exportIn(page.locator('section[data-chart=thresholds]')), /Chart as SVG/);
    expect(thr.bytes.toString('utf8')).toBe((await cliSvg(lot.parsed, { chart: 'threshold' })).svg);
    expectClean(w);
  });

  it('exports the docket, distribution, Schelling, phase, Compare A/B and A/B sweep charts exactly as npm run figure draws them', async () => {
    const priority = preset('bgb-priority');
    const lottery = preset('bgb-lottery');
    const wave = preset('crespo-docket-wave');
    const random = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../fixtures/figures/random-priority.scenario.json'), 'utf8'));
    const randomParsed = parseScenario(random);
    if (!randomParsed.ok) throw new Error('fixture');
    const sweepView = { field: 'groups[*].pledgedShare', from: '0', to: '1', steps: '4', outcomes: ['takeRatio' as const], criterion: DEFAULT_CRITERION, ran: true };
    const phaseView = { x: { field: 'groups[*].pledgedShare', from: '0', to: '1' }, y: { field: 'prosecutor.budget', from: '0', to: '10' }, res: 16, outcome: 'takeRatio' as const, criterion: DEFAULT_CRITERION, ran: true };
    const cases: { name: string; hash: string; scope: string; scenario: Scenario; req: FigureRequest }[] = [
      { name: 'docket', hash: '#preset=crespo-docket-wave', scope: 'section[data-chart=docket]', scenario: wave.parsed, req: { chart: 'docket' } },
      { name: 'distribution', hash: encodeLink({ scenario: random, view: { tab: 'result', outcome: 'trials' } }), scope: 'section[data-chart^=distribution]', scenario: randomParsed.scenario, req: { chart: 'distribution', outcome: 'trials' } },
      { name: 'schelling', hash: '#preset=bgb-lottery', scope: 'section[data-chart=schelling]', scenario: lottery.parsed, req: { chart: 'schelling' } },
      { name: 'phase', hash: encodeLink({ preset: 'bgb-priority', view: { tab: 'phase', phase: phaseView } }), scope: '.exportable-figure', scenario: priority.parsed, req: { chart: 'phase', phase: { x: { field: 'groups[*].pledgedShare', from: 0, to: 1 }, y: { field: 'prosecutor.budget', from: 0, to: 10 }, res: 16 } } },
      { name: 'compare', hash: encodeLink({ preset: 'bgb-priority', view: { tab: 'compare', pinned: lottery.scenario } }), scope: '.compare-chart', scenario: priority.parsed, req: { chart: 'compare', pinned: lottery.parsed } },
      { name: 'A/B sweep', hash: encodeLink({ preset: 'bgb-priority', view: { tab: 'sweep', sweep: sweepView, pinned: lottery.scenario } }), scope: '.exportable-figure', scenario: priority.parsed, req: { chart: 'sweep', outcome: 'takeRatio', pinned: lottery.parsed, sweep: { field: 'groups[*].pledgedShare', from: 0, to: 1, steps: 4 } } },
    ];
    const w = await app.open('#preset=bgb-priority');
    // The app has started (its first answer is in) before the address changes under it: a hash
    // set while it is still starting, before it listens for hashchange, would be written over.
    await waitSolved(w.page, priority.title);
    for (const c of cases) {
      const { page } = w;
      await page.goto(new URL(c.hash, baseURL).href);
      await page.reload();
      const scope = page.locator(c.scope).first();
      await scope.locator('svg[role=img]').waitFor({ timeout: 60_000 });
      const expected = await cliSvg(c.scenario, c.req);
      const svg = await save(page, exportIn(scope), /Chart as SVG/);
      expect(svg.bytes.toString('utf8'), c.name).toBe(expected.svg);
      const csv = await save(page, exportIn(scope), /Chart data as CSV/);
      expect(csv.bytes.toString('utf8'), c.name).toBe(expected.csv);
      const json = JSON.parse((await save(page, exportIn(scope), /Chart data as JSON/)).bytes.toString('utf8'));
      expect(json.chart, c.name).toBe(expected.svg.match(/ chart="([^"]+)"/)![1]);
      const png = readPngInfo(new Uint8Array((await save(page, exportIn(scope), /PNG \(1×\)/)).bytes));
      const [, pw, ph] = expected.svg.match(/<svg[^>]* width="(\d+)" height="(\d+)"/)!;
      expect([png.width, png.height, Math.round(png.dpi ?? 0)], c.name).toEqual([Number(pw), Number(ph), 96]);
    }
    expectClean(w);
  });

  it('a copied link opens the same view in a fresh browser profile', async () => {
    const w = await app.open('#preset=crespo-city-public');
    const { page } = w;
    await w.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(baseURL).origin });
    const p = preset('crespo-city-public');
    await waitSolved(page, p.title);
    // The Regimes tab: the link must keep the tab as well as the scenario.
    await page.getByRole('tab', { name: 'Regimes' }).click();
    await page.locator('section[data-chart=regimes] svg[role=img]').waitFor({ timeout: 60_000 });
    await page.getByRole('button', { name: 'Copy link' }).click();
    await page.getByText(/Link copied \(\d+ characters\)/).waitFor();
    const url = await page.evaluate(() => navigator.clipboard.readText());
    expect(url).toContain('#z=');
    expect(url.length).toBeLessThan(2000);
    // What is drawn: the chart's size and its marks (React's inline style on the element and the
    // per-page ids aside).
    const drawnOf = (p: Page) =>
      p.locator('section[data-chart=regimes] svg[role=img]').evaluate((s) => `${s.getAttribute('width')}x${s.getAttribute('height')} ${s.innerHTML.replace(/id="[^"]*"|url\(#[^)]*\)/g, '')}`);
    const drawn = await drawnOf(page);

    const fresh = await app.open(new URL(url).hash);
    await fresh.page.locator('section[data-chart=regimes] svg[role=img]').waitFor({ timeout: 60_000 });
    expect(await fresh.page.getByRole('tab', { name: 'Regimes' }).getAttribute('aria-selected')).toBe('true');
    expect(await drawnOf(fresh.page)).toBe(drawn);
    expect(drawn.length).toBeGreaterThan(2000);
    expectClean(w);
    expectClean(fresh);
  });

  it('a copied link keeps the sweep with its pinned A, the distribution’s total and the defendant explained', async () => {
    const random = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../fixtures/figures/random-priority.scenario.json'), 'utf8'));
    const pinnedA = { ...random, title: 'Random rankings, budget 2', prosecutor: { ...random.prosecutor, budget: 2 } };
    const w = await app.open(encodeLink({ scenario: random, view: { tab: 'result', pinned: pinnedA } }));
    const { page } = w;
    await w.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(baseURL).origin });
    await waitSolved(page, random.title);
    // The distribution's total, and a defendant explained.
    await page.getByLabel('Total', { exact: true }).selectOption('trials');
    await page.getByLabel('Why did defendant').fill('3');
    await page.getByRole('button', { name: 'Explain' }).click();
    await page.getByRole('heading', { name: 'Why defendant 3?' }).waitFor();
    const distOf = (p: Page) =>
      p.locator('section[data-chart^=distribution] svg[role=img]').evaluate((s) => `${s.getAttribute('width')}x${s.getAttribute('height')} ${s.innerHTML.replace(/id="[^"]*"|url\(#[^)]*\)/g, '')}`);
    const dist = await distOf(page);
    // The Sweep tab, run with A pinned: both curves.
    await page.getByRole('tab', { name: 'Sweep' }).click();
    await page.getByLabel('Field to sweep').selectOption('groups[*].pledgedShare');
    await page.getByLabel(/^Steps/).fill('4');
    await page.getByRole('button', { name: 'Run sweep' }).click();
    const sweepSvg = (p: Page) => p.locator('.exportable-figure svg[role=img]').first();
    await sweepSvg(page).waitFor({ timeout: 60_000 });
    const sweepOf = (p: Page) => sweepSvg(p).evaluate((s) => `${s.getAttribute('width')}x${s.getAttribute('height')} ${s.innerHTML.replace(/id="[^"]*"|url\(#[^)]*\)/g, '')}`);
    const sweep = await sweepOf(page);
    expect(sweep).toContain('hc-series-1');
    await page.getByRole('button', { name: 'Copy link' }).click();
    await page.getByText(/Link copied \(\d+ characters\)/).waitFor();
    const url = await page.evaluate(() => navigator.clipboard.readText());
    expect(url.length).toBeLessThan(2000);

    // A fresh browser profile: the same tab, the sweep run again and drawn the same.
    const fresh = await app.open(new URL(url).hash);
    await sweepSvg(fresh.page).waitFor({ timeout: 60_000 });
    expect(await fresh.page.getByRole('tab', { name: 'Sweep' }).getAttribute('aria-selected')).toBe('true');
    expect(await sweepOf(fresh.page)).toBe(sweep);
    await fresh.page.locator('.pin-chip').waitFor();
    // …and the Result tab as it was left: the same total drawn, the same defendant explained.
    await fresh.page.getByRole('tab', { name: 'Result' }).click();
    await fresh.page.getByRole('heading', { name: 'Why defendant 3?' }).waitFor({ timeout: 60_000 });
    expect(await fresh.page.getByLabel('Total', { exact: true }).inputValue()).toBe('trials');
    expect(await distOf(fresh.page)).toBe(dist);
    expect(dist.length).toBeGreaterThan(2000);
    expectClean(w);
    expectClean(fresh);
  });

  it('saves to the library, keeps it across a reload; undoes a preset that replaced an edit', async () => {
    const w = await app.open('#preset=j20');
    const { page } = w;
    const j20 = preset('j20');
    await waitSolved(page, j20.title);
    // Edit: the JSON title, through the editor's JSON tab.
    await page.getByRole('tab', { name: 'JSON' }).click();
    const text = page.locator('textarea').first();
    const json = JSON.parse(await text.inputValue());
    json.title = 'My edited J20';
    await text.fill(JSON.stringify(json, null, 2));
    await waitSolved(page, 'My edited J20');

    await page.locator('header').getByRole('button', { name: 'Library' }).click();
    const dialog = page.getByRole('dialog', { name: 'Library' });
    await dialog.getByLabel('Name').fill('J20 for the seminar');
    await dialog.getByLabel('Notes').fill('budget as in the paper');
    await dialog.getByRole('button', { name: 'Save current scenario' }).click();
    await dialog.getByText('Saved “J20 for the seminar”.').waitFor();
    await page.screenshot({ path: path.join(SHOTS, 'scholars-library-light.png') });
    await dialog.getByRole('button', { name: 'Close' }).click();

    // A preset replaces the edit; Undo brings it back.
    await page.locator('select').first().selectOption('bgb-priority');
    await waitSolved(page, preset('bgb-priority').title);
    const notice = page.getByTestId('replaced');
    await notice.getByRole('button', { name: 'Undo' }).click();
    await waitSolved(page, 'My edited J20');

    // Reload: the library keeps the entry.
    await page.reload();
    await page.locator('header').getByRole('button', { name: 'Library' }).click();
    const d2 = page.getByRole('dialog', { name: 'Library' });
    await d2.getByText('J20 for the seminar').waitFor();
    await d2.getByText('budget as in the paper').waitFor();
    expectClean(w);
  });

  it('restores the autosaved draft when the app opens without a link', async () => {
    const w = await app.open('#preset=j20');
    const { page } = w;
    await waitSolved(page, preset('j20').title);
    await page.getByRole('tab', { name: 'JSON' }).click();
    const text = page.locator('textarea').first();
    const json = JSON.parse(await text.inputValue());
    json.title = 'Draft kept by autosave';
    await text.fill(JSON.stringify(json, null, 2));
    await waitSolved(page, 'Draft kept by autosave');
    await page.waitForTimeout(800); // the autosave's debounce
    await page.goto(new URL('/', baseURL).href.replace(/#.*$/, ''));
    await page.reload();
    await waitSolved(page, 'Draft kept by autosave');
    await page.getByTestId('restored').waitFor();
    expectClean(w);
  });

  it('opens a dropped scenario file; a bad one lists every problem and changes nothing', async () => {
    const w = await app.open('#preset=j20');
    const { page } = w;
    const j20 = preset('j20');
    await waitSolved(page, j20.title);
    const drop = (name: string, text: string) =>
      page.evaluate(
        ([n, t]) => {
          const dt = new DataTransfer();
          dt.items.add(new File([t], n, { type: 'application/json' }));
          window.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, cancelable: true }));
          window.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, cancelable: true }));
        },
        [name, text] as const,
      );
    const bad = JSON.stringify({ schemaVersion: 1, groups: [{ count: 3, convictionProbability: 1.7, trialSentence: -2 }], prosecutor: { budget: 1, regime: 'priority' } });
    await drop('bad.scenario.json', bad);
    const problem = page.getByTestId('file-problem');
    await problem.waitFor();
    await expect(problem.textContent()).resolves.toContain('groups[0].convictionProbability');
    await expect(problem.textContent()).resolves.toContain('groups[0].trialSentence');
    await waitSolved(page, j20.title);
    const good = preset('bgb-lottery');
    await drop('lottery.scenario.json', JSON.stringify(good.scenario));
    await waitSolved(page, good.title);
    expectClean(w);
  });
});
