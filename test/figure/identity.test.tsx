// @vitest-environment jsdom
// The app's chart hosts register exactly what `npm run figure` draws: a chart rendered by React
// (ChartFrame registers its draw code and table with the card around it) and the command line's
// source give the same SVG bytes and the same data. (test/e2e/scholars.test.ts checks the
// same in Chromium, through the export menu.)
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createEnginePool, EngineProvider } from '../../src/client';
import { SweepPanel } from '../../src/components/analysis';
import { ComparePanel } from '../../src/components/compare';
import { inProcessWorkers } from '../client/inProcessWorker';
import { scenarioIdentity } from '../../src/figure/meta';
import { JSDOM } from 'jsdom';
import type { ReactNode } from 'react';
import { FigureContext } from '../../src/figure/FigureContext';
import type { FigureSource } from '../../src/figure/render';
import { renderFigureSvg } from '../../src/figure/render';
import { buildFigure, inProcessPool } from '../../src/figure/build';
import { tableCsv } from '../../src/figure/table';
import { parseScenario } from '../../src/engine/scenario/parse';
import * as api from '../../src/engine/api';
import type { Scenario } from '../../src/engine/scenario/schema';
import { LadderChart, RegimesChart, SweepChart, PhaseChart, ThresholdChart, DistributionChart, SchellingChart } from '../../src/charts';
import { CompareChart } from '../../src/charts/compare/Chart';
import { DocketChart } from '../../src/charts/docket/Chart';
import { drawnRegimeRows } from '../../src/figure/regimeRows';
import { runPhase, runSweep } from '../../src/client/batch';
import { DEFAULT_CRITERION } from '../../src/engine/sweep/types';

afterEach(cleanup);
const root = path.resolve(__dirname, '../..');
const load = (p: string): Scenario => {
  const r = parseScenario(JSON.parse(readFileSync(path.join(root, p), 'utf8')));
  if (!r.ok) throw new Error(p);
  return r.scenario;
};
const PRIORITY = load('src/presets/bgb-priority.scenario.json');
const LOTTERY = load('src/presets/bgb-lottery.scenario.json');
const RANDOM = load('test/fixtures/figures/random-priority.scenario.json');
const WAVE = load('src/presets/crespo-docket-wave.scenario.json');

function registered(node: ReactNode): FigureSource {
  let src: FigureSource | null = null;
  render(<FigureContext.Provider value={(s) => (src = s ?? src)}>{node}</FigureContext.Provider>);
  if (!src) throw new Error('nothing registered');
  return src;
}

async function same(app: FigureSource, scenario: Scenario, req: Parameters<typeof buildFigure>[1]) {
  const cli = await buildFigure(scenario, req);
  expect(app.kind).toBe(cli.kind);
  const a = renderFigureSvg(document, { ...app, settings: cli.settings }, scenario);
  const b = renderFigureSvg(new JSDOM('').window.document, cli, scenario);
  expect(a).toBe(b);
  expect(a.length).toBeGreaterThan(2000);
  expect(tableCsv(app.table)).toBe(tableCsv(cli.table));
}

describe('app chart hosts and npm run figure draw the same figure', () => {
  it('ladder', async () => {
    const r = api.solve(PRIORITY, { rows: 'auto' });
    const k = api.kinds(PRIORITY);
    if (!r.ok || !k.ok) throw new Error('solve');
    const src = registered(
      <LadderChart rows={r.value.defendants} scenario={PRIORITY} kinds={k.value} stopRank={r.value.totals.stopRank} regime={r.value.regime} onSelect={() => {}} />,
    );
    await same(src, PRIORITY, { chart: 'ladder' });
  });

  it('threshold', async () => {
    const r = api.solve(LOTTERY, { rows: 'auto' });
    if (!r.ok || !r.value.lottery) throw new Error('solve');
    const src = registered(<ThresholdChart lottery={r.value.lottery} N={r.value.totals.defendants} onSelect={() => {}} />);
    await same(src, LOTTERY, { chart: 'threshold' });
  });

  it('schelling (defendant 1, as the Result tab shows before a selection)', async () => {
    const r = api.solve(LOTTERY, { rows: 'auto' });
    const k = api.kinds(LOTTERY);
    if (!r.ok || !r.value.lottery || !k.ok || !r.value.defendants) throw new Error('solve');
    const row = r.value.defendants[0];
    const kind = k.value.find((x) => x.group === row.group && x.pledged === row.pledged && x.never === row.never && x.covered === row.covered)!;
    const src = registered(<SchellingChart kind={kind} offer={row.offer!} k={r.value.lottery.k} N={r.value.totals.defendants} />);
    await same(src, LOTTERY, { chart: 'schelling' });
  });

  it('compare A/B', async () => {
    const a = api.solve(LOTTERY, { rows: 'never' });
    const b = api.solve(PRIORITY, { rows: 'never' });
    if (!a.ok || !b.ok) throw new Error('solve');
    const src = registered(
      <CompareChart a={{ label: 'A', title: LOTTERY.title!, totals: a.value.totals }} b={{ label: 'B', title: PRIORITY.title!, totals: b.value.totals }} />,
    );
    await same(src, PRIORITY, { chart: 'compare', pinned: LOTTERY });
  });

  it('distribution', async () => {
    const r = api.solve(RANDOM, { rows: 'auto' });
    if (!r.ok || !r.value.distribution) throw new Error('solve');
    const src = registered(<DistributionChart distribution={r.value.distribution} field="pleas" />);
    await same(src, RANDOM, { chart: 'distribution', outcome: 'pleas' });
  });

  it('docket (the whole calendar, as the Result tab draws it for a docket scenario)', async () => {
    const r = api.solve(WAVE, { rows: 'auto' });
    if (!r.ok || !r.value.docket) throw new Error('solve');
    const src = registered(<DocketChart docket={r.value.docket} rows={r.value.defendants} onSelect={() => {}} />);
    await same(src, WAVE, { chart: 'docket' });
  });

  it('regimes', async () => {
    const src = registered(<RegimesChart rows={drawnRegimeRows(api.compareRegimes(PRIORITY)).drawn} />);
    await same(src, PRIORITY, { chart: 'regimes' });
  });

  it('sweep (the panel runs the same batch code on the worker pool)', async () => {
    const xs = [0, 0.25, 0.5, 0.75, 1];
    const out = await runSweep(inProcessPool, PRIORITY, 'groups[*].pledgedShare', xs, { criterion: DEFAULT_CRITERION });
    const src = registered(<SweepChart sweep={{ ...out, field: 'groups[].pledgedShare' }} outcome="take" height={320} />);
    await same(src, PRIORITY, { chart: 'sweep', outcome: 'take', sweep: { field: 'groups[*].pledgedShare', from: 0, to: 1, steps: 4 } });
  });

  it('phase', async () => {
    const xs = Array.from({ length: 16 }, (_, i) => i / 15);
    const ys = Array.from({ length: 11 }, (_, i) => i);
    const phase = await runPhase(inProcessPool, PRIORITY, { xField: 'groups[*].pledgedShare', xs, yField: 'prosecutor.budget', ys, outcome: 'takeRatio' }, { criterion: DEFAULT_CRITERION });
    const src = registered(<PhaseChart phase={{ ...phase, xField: 'groups[].pledgedShare', yField: 'prosecutor.budget' }} contours={8} height={520} />);
    await same(src, PRIORITY, {
      chart: 'phase',
      phase: { x: { field: 'groups[*].pledgedShare', from: 0, to: 1 }, y: { field: 'prosecutor.budget', from: 0, to: 10 }, res: 16 },
    });
  });
});

describe('the screen look', () => {
  it('takes the screen’s size and colours instead of the figure style', async () => {
    const src = await buildFigure(PRIORITY, { chart: 'regimes' });
    const dark = { fg: '#ececec', bg: '#121212', muted: '#a9a9a9', grid: '#3b3b3b', accent: '#E3A6C8', plea: '#56B4E9', tried: '#F07E2E', free: '#2CC29A', refuse: '#F0B429' };
    const screenSvg = renderFigureSvg(document, src, PRIORITY, { look: 'screen', width: 443, height: 360, colors: dark });
    expect(screenSvg).toContain('width="443" height="360" viewBox="0 0 443 360"');
    expect(screenSvg).toContain('.hc .hc-bg{fill:#121212}');
    expect(screenSvg).toContain('look="screen"');
    expect(screenSvg).toContain('font-family:system-ui');
    const figureSvg = renderFigureSvg(document, src, PRIORITY);
    expect(figureSvg).toContain('width="624" height="380"');
    expect(figureSvg).toContain('.hc .hc-bg{fill:#ffffff}');
    expect(figureSvg).toContain('look="figure"');
  });
});

/** What the export menus save, captured instead of downloaded. */
function captureSaves(): { name: string; blob: Blob }[] {
  const saved: { name: string; blob: Blob }[] = [];
  const blobs = new Map<string, Blob>();
  let n = 0;
  vi.stubGlobal('URL', Object.assign(Object.create(URL) as typeof URL, URL, {
    createObjectURL: (b: Blob) => {
      const url = `blob:test/${n++}`;
      blobs.set(url, b);
      return url;
    },
    revokeObjectURL: () => {},
  }));
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    saved.push({ name: this.download, blob: blobs.get(this.getAttribute('href')!)! });
  });
  return saved;
}

describe('Compare A/B: the app’s exports and npm run figure -- A.json --compare B.json', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });
  const cliText = async (scenario: Scenario, req: Parameters<typeof buildFigure>[1]) =>
    renderFigureSvg(new JSDOM('').window.document, await buildFigure(scenario, req), scenario);

  it('the Sweep tab with a pinned A: both curves, the same bytes, A’s hash in the metadata', async () => {
    const saved = captureSaves();
    const user = userEvent.setup();
    const pool = createEnginePool({ createWorker: inProcessWorkers, size: 2 });
    render(
      <EngineProvider pool={pool}>
        <SweepPanel
          scenario={PRIORITY}
          pinned={LOTTERY}
          initial={{ field: 'groups[*].pledgedShare', from: '0', to: '1', steps: '4', outcomes: ['takeRatio'], criterion: DEFAULT_CRITERION, ran: false }}
        />
      </EngineProvider>,
    );
    await user.click(screen.getByRole('button', { name: 'Run sweep' }));
    await waitFor(() => expect(document.querySelector('[data-bench=sweep-done] svg[role=img]')).not.toBeNull(), { timeout: 20_000 });
    await user.click(screen.getByRole('button', { name: /Export/ }));
    await user.click(screen.getByRole('menuitem', { name: /Chart as SVG/ }));
    await waitFor(() => expect(saved).toHaveLength(1));
    const app = await saved[0].blob.text();
    const cli = await cliText(PRIORITY, { chart: 'sweep', outcome: 'takeRatio', pinned: LOTTERY, sweep: { field: 'groups[*].pledgedShare', from: 0, to: 1, steps: 4 } });
    expect(app).toBe(cli);
    expect(app).toContain(`setting-pinned="${scenarioIdentity(LOTTERY)!.sha256}"`);
    expect(app).toContain('scenarios A and B');
    // Two curves: A (pinned) and B (current).
    expect(app).toContain('hc-series hc-series-1');
    pool.dispose();
  }, 30_000);

  it('the Compare A/B tab: the same bytes', async () => {
    const saved = captureSaves();
    const user = userEvent.setup();
    const pool = createEnginePool({ createWorker: inProcessWorkers, size: 1 });
    render(
      <EngineProvider pool={pool}>
        <ComparePanel pinned={LOTTERY} current={PRIORITY} onPin={() => {}} onUnpin={() => {}} />
      </EngineProvider>,
    );
    await waitFor(() => expect(document.querySelector('.compare-chart svg[role=img]')).not.toBeNull(), { timeout: 20_000 });
    await user.click(screen.getByRole('button', { name: /Export/ }));
    await user.click(screen.getByRole('menuitem', { name: /Chart as SVG/ }));
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(await saved[0].blob.text()).toBe(await cliText(PRIORITY, { chart: 'compare', pinned: LOTTERY }));
    pool.dispose();
  }, 30_000);
});
