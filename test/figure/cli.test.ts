// `npm run figure`: every chart from a scenario file, in the figure style, as valid standalone
// SVG with provenance; PNG at the asked scale with the DPI in the file; CSV and JSON that parse
// back to exactly the data drawn; the batch form with its progress lines.
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { JSDOM } from 'jsdom';
import { main } from '../../src/cli/figure';
import { buildFigure } from '../../src/figure/build';
import { parseScenario } from '../../src/engine/scenario/parse';
import { canonicalScenarioText } from '../../src/figure/meta';
import { sha256 } from '../../src/figure/sha256';
import { readPngInfo } from '../../src/figure/png';
import { tableCsv } from '../../src/figure/table';
import * as api from '../../src/engine/api';
import pkg from '../../package.json';

const root = path.resolve(__dirname, '../..');
const PRIORITY = path.join(root, 'src/presets/bgb-priority.scenario.json');
const LOTTERY = path.join(root, 'src/presets/bgb-lottery.scenario.json');
const RANDOM = path.join(root, 'test/fixtures/figures/random-priority.scenario.json');
const WAVE = path.join(root, 'src/presets/crespo-docket-wave.scenario.json');
const SWEEP = 'groups[*].pledgedShare=0:1:10';
const PHASE = 'x=groups[*].pledgedShare:0:1,y=prosecutor.budget:0:10,res=16';

async function cli(args: string[]) {
  let out = '';
  let err = '';
  const code = await main(args, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}

const tmp = () => mkdtempSync(path.join(os.tmpdir(), 'holdout-figure-'));

/** RFC 4180 reader (quotes, doubled quotes, CRLF). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let q = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (q) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') q = false;
      else cell += c;
    } else if (c === '"') q = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  return rows;
}

const CASES: { chart: string; file: string; extra?: string[] }[] = [
  { chart: 'ladder', file: PRIORITY },
  { chart: 'threshold', file: LOTTERY },
  { chart: 'schelling', file: LOTTERY },
  { chart: 'distribution', file: RANDOM, extra: ['--outcome', 'trials'] },
  { chart: 'regimes', file: PRIORITY },
  { chart: 'sweep', file: PRIORITY, extra: ['--sweep', SWEEP] },
  { chart: 'phase', file: PRIORITY, extra: ['--phase', PHASE] },
  { chart: 'compare', file: PRIORITY, extra: ['--pinned', LOTTERY] },
  { chart: 'docket', file: WAVE },
];

describe('npm run figure', () => {
  for (const c of CASES) {
    it(`draws the ${c.chart} chart as a valid standalone SVG with its provenance`, async () => {
      const dir = tmp();
      const out = path.join(dir, `${c.chart}.svg`);
      const r = await cli([c.file, '--chart', c.chart, ...(c.extra ?? []), '--out', out]);
      expect(r.err).toMatch(/^wrote /);
      expect(r.code).toBe(0);
      const text = readFileSync(out, 'utf8');
      const doc = new new JSDOM('').window.DOMParser().parseFromString(text, 'image/svg+xml');
      expect(doc.getElementsByTagName('parsererror')).toHaveLength(0);
      const svg = doc.documentElement;
      expect(svg.localName).toBe('svg');
      expect(svg.getAttribute('xmlns')).toBe('http://www.w3.org/2000/svg');
      expect(svg.getAttribute('width')).toBe('624');
      expect(svg.getAttribute('data-chart')).toBe(c.chart);
      const scenario = JSON.parse(readFileSync(c.file, 'utf8')) as { title: string };
      expect(svg.querySelector('title')?.textContent).toContain(` — ${scenario.title}`);
      const meta = svg.querySelector('metadata > holdout');
      expect(meta?.getAttribute('version')).toBe(pkg.version);
      expect(meta?.getAttribute('chart')).toBe(c.chart);
      expect(meta?.getAttribute('look')).toBe('figure');
      expect(meta?.getAttribute('scenario')).toBe(scenario.title);
      expect(meta?.getAttribute('scenario-sha256')).toBe(sha256(canonicalScenarioText(scenario)!));
      // Standalone: no CSS variables, no interaction layer, no image of another host.
      expect(text).not.toContain('var(');
      expect(text).not.toMatch(/class="[^"]*(hc-overlay|hc-tooltip|hc-focus-ring)|tabindex=/);
      expect(text).not.toMatch(/https?:\/\/(?!www\.w3\.org)/);
      // The figure palette, not the screen's.
      expect(text).toContain('.hc .hc-fill-plea{fill:#004488}');
      expect(text).toContain('font-family:"DejaVu Sans"');
    });
  }

  it('writes the sweep and phase settings into the metadata', async () => {
    const dir = tmp();
    await cli([PRIORITY, '--chart', 'sweep', '--sweep', SWEEP, '--outcome', 'shareFree', '--out', path.join(dir, 's.svg')]);
    const s = readFileSync(path.join(dir, 's.svg'), 'utf8');
    expect(s).toContain(`setting-sweep="${SWEEP}"`);
    expect(s).toContain('setting-outcome="shareFree"');
    await cli([PRIORITY, '--chart', 'phase', '--phase', PHASE, '--out', path.join(dir, 'p.svg')]);
    expect(readFileSync(path.join(dir, 'p.svg'), 'utf8')).toContain(`setting-phase="${PHASE}"`);
  });

  it('the same call gives the same bytes', async () => {
    const dir = tmp();
    await cli([PRIORITY, '--chart', 'sweep', '--sweep', SWEEP, '--out', path.join(dir, 'a.svg')]);
    await cli([PRIORITY, '--chart', 'sweep', '--sweep', SWEEP, '--out', path.join(dir, 'b.svg')]);
    expect(readFileSync(path.join(dir, 'a.svg'), 'utf8')).toBe(readFileSync(path.join(dir, 'b.svg'), 'utf8'));
  });

  it('PNG: the scale sets the pixels and the DPI is written into the file', async () => {
    const dir = tmp();
    for (const [args, w, h, dpi] of [
      [['--scale', '1'], 624, 400, 96],
      [[], 1248, 800, 192],
      [['--scale', '4'], 2496, 1600, 384],
      [['--dpi', '300'], 1950, 1250, 300],
      [['--scale', '2', '--dpi', '600'], 1248, 800, 600],
    ] as const) {
      const out = path.join(dir, `l${w}-${dpi}.png`);
      const r = await cli([PRIORITY, '--chart', 'ladder', ...args, '--out', out]);
      expect(r.code).toBe(0);
      const info = readPngInfo(new Uint8Array(readFileSync(out)));
      expect({ width: info.width, height: info.height, crcOk: info.crcOk }).toEqual({ width: w, height: h, crcOk: true });
      expect(info.dpi).toBeCloseTo(dpi, 1);
    }
  }, 120_000); // five PNGs up to 2,496 × 1,600: slow on a loaded machine

  it('CSV parses back to exactly the rows drawn, with units in the header', async () => {
    const dir = tmp();
    const out = path.join(dir, 'sweep.csv');
    await cli([PRIORITY, '--chart', 'sweep', '--sweep', SWEEP, '--out', out]);
    const text = readFileSync(out, 'utf8');
    const parsed = parseScenario(JSON.parse(readFileSync(PRIORITY, 'utf8')));
    if (!parsed.ok) throw new Error('preset');
    const src = await buildFigure(parsed.scenario, { chart: 'sweep', sweep: { field: 'groups[*].pledgedShare', from: 0, to: 1, steps: 10 } });
    expect(text).toBe(tableCsv(src.table));
    const rows = parseCsv(text);
    expect(rows[0]).toEqual(src.table.columns.map((c) => c.label));
    expect(rows[0][0]).toMatch(/\(share\)$/);
    expect(rows).toHaveLength(12);
    const back = rows.slice(1).map((r) => Object.fromEntries(src.table.columns.map((c, i) => [c.key, r[i] === '' ? null : Number(r[i])])));
    expect(back).toEqual(src.table.rows);
    expect(back.map((r) => r.x)).toEqual([0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1]);
  });

  it('docket CSV: one row per week of the whole calendar, parsing back to the engine\'s weeks', async () => {
    const dir = tmp();
    const out = path.join(dir, 'docket.csv');
    expect((await cli([WAVE, '--chart', 'docket', '--out', out])).code).toBe(0);
    const rows = parseCsv(readFileSync(out, 'utf8'));
    const parsed = parseScenario(JSON.parse(readFileSync(WAVE, 'utf8')));
    if (!parsed.ok) throw new Error('preset');
    const r = api.solve(parsed.scenario, { rows: 'never' });
    if (!r.ok || !r.value.docket) throw new Error('solve');
    const d = r.value.docket;
    expect(rows).toHaveLength(1 + d.byWeek.length);
    const col = (name: RegExp) => rows[0].findIndex((h) => name.test(h));
    const week = col(/^Week/);
    const arrivals = col(/^Arriv/);
    const backlog = col(/^Backlog/);
    expect([week, arrivals, backlog].every((i) => i >= 0)).toBe(true);
    expect(rows.slice(1).map((x) => Number(x[week]))).toEqual(d.byWeek.map((w) => w.week));
    expect(rows.slice(1).map((x) => Number(x[arrivals]))).toEqual(d.byWeek.map((w) => w.arrivals));
    expect(rows.slice(1).map((x) => Number(x[backlog]))).toEqual(d.byWeek.map((w) => w.backlog));
  });

  it('JSON carries the rows, the units and the provenance', async () => {
    const dir = tmp();
    const out = path.join(dir, 'regimes.json');
    await cli([PRIORITY, '--chart', 'regimes', '--out', out]);
    const doc = JSON.parse(readFileSync(out, 'utf8'));
    expect(doc.holdout).toBe(pkg.version);
    expect(doc.chart).toBe('regimes');
    expect(doc.scenario.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(doc.columns.find((c: { key: string }) => c.key === 'take')).toEqual({ key: 'take', label: 'Take (years)', unit: 'years' });
    expect(doc.rows.map((r: { regime: string }) => r.regime)).toEqual(['no plea', 'lottery', 'priority', 'forced spend']);
    // Bar-Gill & Ben-Shahar: 100 defendants, budget 3: priority extracts 100 pleas.
    expect(doc.rows[2]).toMatchObject({ regime: 'priority', pleas: 100, trials: 0, free: 0 });
    expect(doc.rows[0]).toMatchObject({ regime: 'no plea', pleas: 0, trials: 3, free: 97 });
  });

  it('--batch rebuilds a set of figures with a progress line each', async () => {
    const dir = tmp();
    writeFileSync(
      path.join(dir, 'figures.json'),
      JSON.stringify([
        { scenario: PRIORITY, chart: 'ladder', out: 'out/fig1.svg' },
        { scenario: PRIORITY, chart: 'sweep', sweep: SWEEP, out: 'out/fig2.png', scale: 1 },
        { scenario: PRIORITY, chart: 'regimes', out: 'out/fig3.csv' },
      ]),
    );
    const r = await cli(['--batch', path.join(dir, 'figures.json')]);
    expect(r.code).toBe(0);
    const lines = r.err.trim().split('\n');
    expect(lines.map((l) => l.replace(/ \(.*\)$/, ''))).toEqual([
      '[1/3] ladder → out/fig1.svg',
      '[2/3] sweep → out/fig2.png',
      '[3/3] regimes → out/fig3.csv',
      '3 of 3 figures written',
    ]);
    expect(readFileSync(path.join(dir, 'out/fig1.svg'), 'utf8')).toMatch(/^<\?xml/);
    expect(readPngInfo(new Uint8Array(readFileSync(path.join(dir, 'out/fig2.png')))).width).toBe(624);
  });

  it('Compare A/B: A.json --compare B.json draws both sweep curves and both totals; batch too', async () => {
    const dir = tmp();
    const swept = path.join(dir, 'ab-sweep.svg');
    expect((await cli([LOTTERY, '--compare', PRIORITY, '--chart', 'sweep', '--sweep', SWEEP, '--out', swept])).code).toBe(0);
    const text = readFileSync(swept, 'utf8');
    const lottery = JSON.parse(readFileSync(LOTTERY, 'utf8')) as { title: string };
    const priority = JSON.parse(readFileSync(PRIORITY, 'utf8')) as { title: string };
    // B (the scenario being edited) is the figure's scenario; A (pinned) is named by its hash.
    expect(text).toContain(`scenario-sha256="${sha256(canonicalScenarioText(priority)!)}"`);
    expect(text).toContain(`setting-pinned="${sha256(canonicalScenarioText(lottery)!)}"`);
    expect(text).toContain('hc-series hc-series-0');
    expect(text).toContain('hc-series hc-series-1');
    expect(text).toContain('scenarios A and B');
    // The other spelling says the same: the same bytes.
    const other = path.join(dir, 'ab-sweep-2.svg');
    await cli([PRIORITY, '--pinned', LOTTERY, '--chart', 'sweep', '--sweep', SWEEP, '--out', other]);
    expect(readFileSync(other, 'utf8')).toBe(text);
    // The data: one row per x, a column for A and one for B.
    const csv = path.join(dir, 'ab-sweep.csv');
    await cli([LOTTERY, '--compare', PRIORITY, '--chart', 'sweep', '--sweep', SWEEP, '--out', csv]);
    const rows = parseCsv(readFileSync(csv, 'utf8'));
    expect(rows).toHaveLength(1 + 11);
    expect(rows[0]).toEqual(['Pledged share (share)', 'A: Take / no-plea take (×)', 'B: Take / no-plea take (×)']);
    // Batch: "compare" next to "scenario" (A).
    writeFileSync(
      path.join(dir, 'figures.json'),
      JSON.stringify([
        { scenario: LOTTERY, compare: PRIORITY, chart: 'sweep', sweep: SWEEP, out: 'b/ab-sweep.svg' },
        { scenario: LOTTERY, compare: PRIORITY, chart: 'compare', out: 'b/ab.svg' },
      ]),
    );
    const r = await cli(['--batch', path.join(dir, 'figures.json')]);
    expect(r.code).toBe(0);
    expect(readFileSync(path.join(dir, 'b/ab-sweep.svg'), 'utf8')).toBe(text);
    const direct = path.join(dir, 'ab.svg');
    await cli([LOTTERY, '--compare', PRIORITY, '--chart', 'compare', '--out', direct]);
    expect(readFileSync(path.join(dir, 'b/ab.svg'), 'utf8')).toBe(readFileSync(direct, 'utf8'));
    // Without --compare, a sweep has one curve.
    const one = path.join(dir, 'one.svg');
    await cli([PRIORITY, '--chart', 'sweep', '--sweep', SWEEP, '--out', one]);
    expect(readFileSync(one, 'utf8')).not.toContain('hc-series-1');
    expect(readFileSync(one, 'utf8')).not.toContain('setting-pinned');
  });

  it('says what is wrong and exits 2', async () => {
    const dir = tmp();
    const o = path.join(dir, 'x.svg');
    expect(await cli([PRIORITY, '--chart', 'pie', '--out', o])).toMatchObject({ code: 2, err: expect.stringContaining('--chart: unknown chart “pie”') });
    expect(await cli([PRIORITY, '--chart', 'threshold', '--out', o])).toMatchObject({ code: 2, err: expect.stringContaining('lottery') });
    expect(await cli([PRIORITY, '--chart', 'docket', '--out', o])).toMatchObject({ code: 2, err: expect.stringContaining('--chart docket: drawn for scenarios with a weekly docket') });
    expect(await cli([PRIORITY, '--chart', 'sweep', '--sweep', 'nope=0:1:5', '--out', o])).toMatchObject({ code: 2, err: expect.stringContaining('“nope” is not a field that can be swept') });
    expect(await cli([PRIORITY, '--chart', 'sweep', '--sweep', 'x=0:1', '--out', o])).toMatchObject({ code: 2, err: expect.stringContaining('FROM:TO:STEPS') });
    expect(await cli([PRIORITY, '--chart', 'ladder', '--out', path.join(dir, 'x.gif')])).toMatchObject({ code: 2, err: expect.stringContaining('.svg, .png, .csv, .json') });
    expect(await cli([LOTTERY, '--compare', PRIORITY, '--chart', 'ladder', '--out', o])).toMatchObject({ code: 2, err: expect.stringContaining('--compare: scenarios A and B are drawn together by --chart compare and --chart sweep, not by --chart ladder') });
    expect(await cli([LOTTERY, '--compare', PRIORITY, '--pinned', LOTTERY, '--chart', 'compare', '--out', o])).toMatchObject({ code: 2, err: expect.stringContaining('give one') });
    expect(await cli([PRIORITY, '--chart', 'compare', '--out', o])).toMatchObject({ code: 2, err: expect.stringContaining('A.json --compare B.json') });
    expect(await cli([LOTTERY, '--compare', path.join(dir, 'none.json'), '--chart', 'compare', '--out', o])).toMatchObject({ code: 2, err: expect.stringContaining('none.json: no such file') });
    const bad = path.join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ schemaVersion: 1, groups: [{ count: 3, convictionProbability: 1.7, trialSentence: 10 }], prosecutor: { budget: 1, regime: 'priority' } }));
    expect(await cli([bad, '--chart', 'ladder', '--out', o])).toMatchObject({ code: 2, err: expect.stringContaining('groups[0].convictionProbability: must be at most 1, got 1.7') });
  });
});
