// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  CONTRACT_NOTE,
  ExportMenu,
  cliCsvCommand,
  defendantsCsvText,
  fileName,
  provenance,
  resultJsonText,
  scenarioFileText,
  slugify,
  totalsCsvText,
  withSvgMetadata,
} from '../../src/components/export';
import { parseScenario } from '../../src/engine/scenario/parse';
import type { ScenarioInput } from '../../src/engine/scenario/schema';
import { solveScenario } from '../../src/engine/solve';
import type { Result } from '../../src/engine/result/types';
import { PRESETS } from '../../src/presets';

const examples = path.resolve(import.meta.dirname, '../fixtures/examples');
const E2_FILE = JSON.parse(
  readFileSync(path.join(examples, 'E2_priority_arrival.scenario.json'), 'utf8'),
) as unknown;

/** E2 as a person would write it: only the required fields and the ranking. */
const E2: ScenarioInput = {
  schemaVersion: 1,
  title: 'E2: divide and conquer',
  groups: [{ label: 'felony', count: 3, convictionProbability: 0.5, trialSentence: 10 }],
  prosecutor: { budget: 1, regime: 'priority', ranking: 'arrival' },
};

function solved(input: unknown): Result {
  const r = parseScenario(input);
  if (!r.ok) throw new Error(r.errors.map((e) => e.text).join('; '));
  return solveScenario(r.scenario);
}

const E2_RESULT = solved(E2);

describe('file names', () => {
  it('slugs the base name and names each kind', () => {
    expect(slugify('#J20, Washington, D.C., 2017: 230 defendants')).toBe(
      'j20-washington-d-c-2017-230-defendants',
    );
    expect(slugify('Crespo’s city')).toBe('crespo-s-city');
    expect(slugify('Málaga')).toBe('malaga');
    expect(slugify('  ')).toBe('holdout');
    expect(slugify('x'.repeat(100)).length).toBeLessThanOrEqual(72);
    expect(slugify('#J20, Washington, D.C., 2017: 230 defendants, a statement of unity ladder')).toBe(
      'j20-washington-d-c-2017-230-defendants-a-statement-of-unity-ladder',
    );
    const long = slugify(`${'word '.repeat(30)}ladder`);
    expect(long.length).toBeLessThanOrEqual(72);
    expect(long.endsWith('-word-ladder')).toBe(true);
    // A long title keeps the chart's words whole, so two charts' files never share a name.
    const title = 'Bar-Gill & Ben-Shahar: divide and conquer (100 defendants, budget 3)';
    expect(slugify(`${title} sweep takeRatio`)).toBe('bar-gill-ben-shahar-divide-and-conquer-100-budget-3-sweep-takeratio');
    expect(slugify(`${title} phase takeRatio`)).toBe('bar-gill-ben-shahar-divide-and-conquer-100-budget-3-phase-takeratio');
    expect(slugify(`${title} distribution-budgetUsed`)).toBe('bar-gill-ben-shahar-divide-and-conquer-100-distribution-budgetused');
    expect(slugify(`${title} ladder`)).toBe('bar-gill-ben-shahar-divide-and-conquer-100-defendants-budget-3-ladder');
    expect(slugify(`${title} ${'x'.repeat(40)}`)).toBe(`bar-gill-ben-shahar-divide-and-conquer-100-${'x'.repeat(24)}`);
    expect(fileName('E2: divide and conquer', 'scenarioJson')).toBe(
      'e2-divide-and-conquer.scenario.json',
    );
    expect(fileName('j20', 'svg')).toBe('j20.chart.svg');
    expect(fileName('j20', 'png2')).toBe('j20.chart@2x.png');
    expect(fileName('j20', 'png4')).toBe('j20.chart@4x.png');
    expect(fileName('j20', 'defendantsCsv')).toBe('j20.defendants.csv');
    expect(fileName('j20', 'totalsCsv')).toBe('j20.totals.csv');
    expect(fileName('j20', 'resultJson')).toBe('j20.result.json');
  });
});

describe('the scenario file', () => {
  it('is the exact §6 shape with every default applied, pretty-printed', () => {
    const r = scenarioFileText(E2);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value).toBe(`{
  "schemaVersion": 1,
  "title": "E2: divide and conquer",
  "seed": 1,
  "runs": 1,
  "groups": [
    {
      "label": "felony",
      "count": 3,
      "convictionProbability": 0.5,
      "trialSentence": 10,
      "collateralCost": 0,
      "refusalCost": 0,
      "trialCost": 1,
      "pledgedShare": 0,
      "neverPleadsShare": 0,
      "pledgePenalty": null,
      "offer": null
    }
  ],
  "prosecutor": {
    "budget": 1,
    "regime": "priority",
    "ranking": "arrival",
    "offers": "tailored",
    "uniformOffer": null,
    "equilibrium": "erosion"
  },
  "levers": {
    "pledge": {
      "penalty": 0,
      "secret": false
    },
    "visibility": {
      "observed": 1,
      "sanction": 0
    },
    "strikeFund": {
      "fund": 0,
      "stipend": 0,
      "insurance": 0
    }
  }
}
`);
    // The same document as the shared example file, and it reads back unchanged.
    expect(JSON.parse(r.value)).toEqual(E2_FILE);
    const back = parseScenario(JSON.parse(r.value));
    expect(back.ok).toBe(true);
  });

  it('writes the default ranking in the §6 key order when the input leaves it out', () => {
    const r = scenarioFileText({ ...E2, prosecutor: { budget: 1, regime: 'priority' } });
    if (!r.ok) throw new Error('invalid');
    expect(Object.keys(JSON.parse(r.value).prosecutor)).toEqual([
      'budget',
      'regime',
      'ranking',
      'offers',
      'uniformOffer',
      'equilibrium',
    ]);
    expect(JSON.parse(r.value).prosecutor.ranking).toBe('optimal');
  });

  it('round-trips every preset: the file parses to the preset’s own scenario, with no extra field', () => {
    for (const p of PRESETS) {
      const r = scenarioFileText(p.scenario);
      expect(r.ok, p.id).toBe(true);
      if (!r.ok) continue;
      const doc = JSON.parse(r.value) as unknown;
      expect(doc, p.id).toEqual(p.scenario); // the preset files write every field out
      const parsed = parseScenario(doc);
      expect(parsed.ok && parsed.scenario, p.id).toEqual(
        (parseScenario(p.scenario) as { scenario: unknown }).scenario,
      );
    }
  });

  it('refuses an invalid scenario with the messages', () => {
    const r = scenarioFileText({ ...E2, extra: 1 });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.length).toBeGreaterThan(0);
  });
});

describe('the E2 result as files', () => {
  it('Result as JSON: exactly the §6 result, pretty-printed', () => {
    expect(JSON.parse(resultJsonText(E2_RESULT))).toEqual(E2_RESULT);
    expect(resultJsonText(E2_RESULT)).toBe(`${JSON.stringify(E2_RESULT, null, 2)}\n`);
    expect(
      resultJsonText(E2_RESULT).startsWith(`{
  "schemaVersion": 1,
  "regime": "priority",
  "totals": {
    "defendants": 3,
    "pleas": 3,
`),
    ).toBe(true);
    // What MODEL §7 expects of E2 (the shared expected file).
    const expected = JSON.parse(
      readFileSync(path.join(examples, 'E2_priority_arrival.expected.json'), 'utf8'),
    ) as Pick<Result, 'totals'>;
    expect((JSON.parse(resultJsonText(E2_RESULT)) as Result).totals).toEqual(expected.totals);
  });

  it('Defendants as CSV: one row per defendant', () => {
    const r = defendantsCsvText(E2_RESULT, E2, 'e2');
    expect(r).toEqual({
      ok: true,
      value:
        'id,group,label,rank,outcome,offer,threatened,withheld,pledged,never,covered,trialProbability\r\n' +
        '1,0,felony,1,plea,5,true,false,false,false,false,\r\n' +
        '2,0,felony,2,plea,5,true,false,false,false,false,\r\n' +
        '3,0,felony,3,plea,5,true,false,false,false,false,\r\n',
    });
  });

  it('Totals as CSV: one row of totals', () => {
    expect(totalsCsvText(E2_RESULT)).toBe(
      'defendants,pleas,trials,free,take,noPleaTake,takeRatio,budgetUsed,fundPaid,stopRank,threatenedCount,strikeSucceeds\r\n' +
        '3,3,0,0,15,5,3,0,0,,3,false\r\n',
    );
  });

  it('Totals as CSV with a random ranking: run 0, then one row per statistic', () => {
    const input = { ...E2, runs: 5, prosecutor: { budget: 1, regime: 'priority', ranking: 'random' } };
    const res = solved(input);
    const d = res.distribution!;
    expect(d).toBeDefined();
    const lines = totalsCsvText(res).split('\r\n');
    expect(lines).toHaveLength(8); // header, run 0, 5 statistics, the final empty string
    expect(lines[0]).toBe(
      'statistic,defendants,pleas,trials,free,take,noPleaTake,takeRatio,budgetUsed,fundPaid,stopRank,threatenedCount,strikeSucceeds',
    );
    const t = res.totals;
    expect(lines[1]).toBe(
      `run 0,${t.defendants},${t.pleas},${t.trials},${t.free},${t.take},${t.noPleaTake},${t.takeRatio},${t.budgetUsed},${t.fundPaid},${t.stopRank ?? ''},${t.threatenedCount},${t.strikeSucceeds}`,
    );
    const cell = (v: number | null) => (v === null ? '' : String(v));
    for (const [i, stat] of (['mean', 'p5', 'p50', 'p95', 'nullCount'] as const).entries()) {
      expect(lines[2 + i]).toBe(
        `${stat},,${cell(d.pleas[stat])},${cell(d.trials[stat])},${cell(d.free[stat])},${cell(d.take[stat])},,${cell(d.takeRatio[stat])},${cell(d.budgetUsed[stat])},${cell(d.fundPaid[stat])},${cell(d.stopRank[stat])},,`,
      );
    }
    expect(lines[7]).toBe('');
  });

  it('says the rows are omitted above 100,000 defendants and gives the command line', () => {
    const big: Result = {
      ...E2_RESULT,
      totals: { ...E2_RESULT.totals, defendants: 250_000 },
      defendantsOmitted: true,
      defendants: undefined,
    };
    const r = defendantsCsvText(big, E2, 'big city');
    expect(r.ok).toBe(false);
    if (r.ok || !r.omitted) throw new Error('expected omitted');
    expect(r.message).toContain('above 100,000 defendants');
    expect(r.message).toContain('250,000');
    expect(r.command).toBe('npm run solve -- big-city.scenario.json --csv > big-city.defendants.csv');
    expect(cliCsvCommand('big city')).toBe(r.command);
  });
});

describe('chart provenance', () => {
  it('names the contract, the title and the seed', () => {
    expect(provenance(E2)).toBe(`${CONTRACT_NOTE}: “E2: divide and conquer”, seed 1, runs 1.`);
    expect(provenance({ nonsense: true })).toBe(`${CONTRACT_NOTE}.`);
  });

  it('adds an SVG <metadata> after the title, escaped', () => {
    const svg =
      '<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"><title>Ladder</title><g/></svg>\n';
    expect(withSvgMetadata(svg, 'a < b & "c"')).toBe(
      '<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"><title>Ladder</title><metadata>a &lt; b &amp; &quot;c&quot;</metadata><g/></svg>\n',
    );
    expect(withSvgMetadata('<svg width="2"><g/></svg>', 'n')).toBe(
      '<svg width="2"><metadata>n</metadata><g/></svg>',
    );
  });
});

describe('ExportMenu', () => {
  const saved: { name: string; blob: Blob }[] = [];
  let blobs: Map<string, Blob>;

  beforeEach(() => {
    saved.length = 0;
    blobs = new Map();
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
  });

  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  function chart(): SVGSVGElement {
    const ns = 'http://www.w3.org/2000/svg';
    const svg = document.createElementNS(ns, 'svg') as SVGSVGElement;
    svg.setAttribute('viewBox', '0 0 300 200');
    svg.setAttribute('role', 'img');
    const title = document.createElementNS(ns, 'title');
    title.textContent = 'The ladder';
    svg.appendChild(title);
    const rect = document.createElementNS(ns, 'rect');
    rect.setAttribute('fill', 'var(--plea)');
    svg.appendChild(rect);
    document.body.appendChild(svg);
    return svg;
  }

  it('is a menu button: arrow keys move, Escape closes and returns focus', async () => {
    const user = userEvent.setup();
    render(<ExportMenu scenario={E2} result={E2_RESULT} name="e2" />);
    const button = screen.getByRole('button', { name: /Export/ });
    expect(button.getAttribute('aria-haspopup')).toBe('menu');
    expect(button.getAttribute('aria-expanded')).toBe('false');
    button.focus();
    await user.keyboard('{ArrowDown}');
    expect(button.getAttribute('aria-expanded')).toBe('true');
    const items = screen.getAllByRole('menuitem');
    expect(items.map((i) => i.querySelector('.export-label')?.textContent)).toEqual([
      'Chart as SVG',
      'Chart as PNG (1×)',
      'Chart as PNG (2×)',
      'Chart as PNG (4×)',
      'Chart as PNG (300 dpi)',
      'Chart as PNG at a chosen DPI…',
      'Chart data as CSV',
      'Chart data as JSON',
      'Defendants as CSV',
      'Totals as CSV',
      'Result as JSON',
      'Scenario file (.json)',
    ]);
    // The last entry toggles the look (figure style or the screen's).
    const look = screen.getByRole('menuitemcheckbox', { name: /screen’s look/ });
    expect(look.getAttribute('aria-checked')).toBe('false');
    expect(document.activeElement).toBe(items[0]);
    await user.keyboard('{ArrowUp}');
    expect(document.activeElement).toBe(look);
    await user.keyboard('{ArrowDown}');
    expect(document.activeElement).toBe(items[0]);
    await user.keyboard('{End}');
    expect(document.activeElement).toBe(look);
    await user.keyboard('{ArrowUp}');
    expect(document.activeElement).toBe(items[11]);
    await user.keyboard('{Home}');
    expect(document.activeElement).toBe(items[0]);
    // No chart on this tab: the chart items say so.
    expect(items[0].getAttribute('aria-disabled')).toBe('true');
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('menu')).toBeNull();
    expect(document.activeElement).toBe(button);
  });

  it('saves the scenario file, the CSVs and the result JSON as the builders make them', async () => {
    const user = userEvent.setup();
    render(<ExportMenu scenario={E2} result={E2_RESULT} name="E2: divide and conquer" />);
    const pick = async (label: RegExp) => {
      await user.click(screen.getByRole('button', { name: /Export/ }));
      await user.click(screen.getByRole('menuitem', { name: label }));
    };
    await pick(/Scenario file/);
    await pick(/Defendants as CSV/);
    await pick(/Totals as CSV/);
    await pick(/Result as JSON/);
    expect(saved.map((s) => s.name)).toEqual([
      'e2-divide-and-conquer.scenario.json',
      'e2-divide-and-conquer.defendants.csv',
      'e2-divide-and-conquer.totals.csv',
      'e2-divide-and-conquer.result.json',
    ]);
    const texts = await Promise.all(saved.map((s) => s.blob.text()));
    expect(texts[0]).toBe((scenarioFileText(E2) as { value: string }).value);
    expect(texts[1]).toBe((defendantsCsvText(E2_RESULT, E2, 'e2') as { value: string }).value);
    expect(texts[2]).toBe(totalsCsvText(E2_RESULT));
    expect(texts[3]).toBe(resultJsonText(E2_RESULT));
    expect(screen.getByRole('status').textContent).toContain('Saved e2-divide-and-conquer.result.json');
  });

  it('saves the chart as a standalone SVG with its title, role and provenance', async () => {
    const user = userEvent.setup();
    const svg = chart();
    render(<ExportMenu scenario={E2} result={E2_RESULT} name="e2" chartSvg={() => svg} />);
    await user.click(screen.getByRole('button', { name: /Export/ }));
    await user.click(screen.getByRole('menuitem', { name: /Chart as SVG/ }));
    await waitFor(() => expect(saved).toHaveLength(1));
    expect(saved[0].name).toBe('e2.chart.svg');
    const text = await saved[0].blob.text();
    expect(text).toMatch(/^<\?xml/);
    expect(text).toContain('<title>The ladder</title>');
    expect(text).toContain('role="img"');
    expect(text).toContain(`<metadata>${CONTRACT_NOTE}: “E2: divide and conquer”, seed 1, runs 1.</metadata>`);
    expect(text).not.toContain('var(');
  });

  it('PNG at a chosen DPI: a form that checks the resolution, shows the pixels, and says what is wrong', async () => {
    const user = userEvent.setup();
    const svg = chart();
    svg.setAttribute('width', '300');
    svg.setAttribute('height', '200');
    render(<ExportMenu scenario={E2} result={E2_RESULT} name="e2" chartSvg={() => svg} />);
    await user.click(screen.getByRole('button', { name: /Export/ }));
    await user.click(screen.getByRole('menuitem', { name: /PNG at a chosen DPI/ }));
    expect(screen.queryByRole('menu')).toBeNull();
    const input = screen.getByLabelText('Resolution') as HTMLInputElement;
    expect(document.activeElement).toBe(input);
    expect(input.value).toBe('600');
    // 300 × 200 CSS px at 600 dpi: 6.25 times as many pixels each way.
    expect(screen.getByTestId('dpi-pixels').textContent).toBe('1,875 × 1,250 pixels, 600 dpi written into the file');
    for (const [typed, says] of [
      ['1500', '1500 dpi is above 1200, the highest resolution offered'],
      ['50', '50 dpi is below 72, the lowest resolution offered'],
      ['abc', '“abc” is not a number'],
      ['', 'Type a resolution in dots per inch, from 72 to 1200'],
    ] as const) {
      await user.clear(input);
      if (typed) await user.type(input, typed);
      await user.click(screen.getByRole('button', { name: 'Save PNG' }));
      const alert = screen.getByRole('alert');
      expect(alert.textContent).toContain(says);
      expect(input.getAttribute('aria-invalid')).toBe('true');
      expect(input.getAttribute('aria-describedby')).toContain(alert.id);
      expect(document.activeElement).toBe(input);
    }
    expect(saved).toEqual([]);
    await user.clear(input);
    await user.type(input, '72');
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getByTestId('dpi-pixels').textContent).toBe('225 × 150 pixels, 72 dpi written into the file');
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('form')).toBeNull();
    expect(document.activeElement).toBe(screen.getByRole('button', { name: /Export/ }));
    // A click elsewhere on the page closes it too.
    await user.click(screen.getByRole('button', { name: /Export/ }));
    await user.click(screen.getByRole('menuitem', { name: /PNG at a chosen DPI/ }));
    expect(screen.getByRole('form', { name: 'Chart as PNG at a chosen DPI' })).toBeTruthy();
    fireEvent.pointerDown(document.body);
    expect(screen.queryByRole('form')).toBeNull();
    expect(saved).toEqual([]);
  });

  it('for a result without rows, shows the command line instead of saving', async () => {
    const user = userEvent.setup();
    const big: Result = { ...E2_RESULT, defendantsOmitted: true, defendants: undefined };
    render(<ExportMenu scenario={E2} result={big} name="city" />);
    await user.click(screen.getByRole('button', { name: /Export/ }));
    const item = screen.getByRole('menuitem', { name: /Defendants as CSV/ });
    expect(item.textContent).toContain('rows omitted above 100,000');
    await user.click(item);
    expect(saved).toEqual([]);
    expect(screen.getByRole('status').textContent).toContain(
      'npm run solve -- city.scenario.json --csv',
    );
  });

  it('without a result, only the scenario file can be saved', async () => {
    const user = userEvent.setup();
    render(<ExportMenu scenario={E2} result={null} name="e2" />);
    await user.click(screen.getByRole('button', { name: /Export/ }));
    const items = screen.getAllByRole('menuitem');
    expect(items.map((i) => i.getAttribute('aria-disabled') === 'true')).toEqual([
      true, true, true, true, true, true, true, true, true, true, true, false,
    ]);
    await user.click(screen.getByRole('menuitem', { name: /Result as JSON/ }));
    expect(saved).toEqual([]);
    expect(screen.getByRole('status').textContent).toContain('No result yet');
  });
});
