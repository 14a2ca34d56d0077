// What the export menu saves, as pure functions (no DOM): file names, the scenario file, the
// result as JSON, the defendants and the totals as CSV, and the provenance note a chart SVG
// carries. Every text ends with a line break; CSV follows RFC 4180 (CRLF, quoted when needed),
// like src/engine/result/csv.ts.
import { parseScenario, type ValidationMessage } from '../../engine';
import { canonicalScenario } from '../../engine';
import type { Scenario } from '../../engine';
import { csvField, resultToCsv } from '../../engine';
import { DISTRIBUTION_KEYS, type Result, type Totals } from '../../engine';
import { TOTAL_KEYS } from '../../engine';

/** The engine contract every exported file belongs to (MODEL.md §6). */
export const CONTRACT_NOTE = 'Holdout scenario schemaVersion 1';

/** Above this many defendants a result leaves its rows out (MODEL.md §6). */
export const ROWS_LIMIT = 100_000;

export type ExportKind =
  | 'svg'
  | 'png1'
  | 'png2'
  | 'png4'
  | 'png300'
  | 'pngDpi'
  | 'chartCsv'
  | 'chartJson'
  | 'defendantsCsv'
  | 'totalsCsv'
  | 'resultJson'
  | 'scenarioJson';

const SUFFIX: Record<ExportKind, string> = {
  svg: '.chart.svg',
  png1: '.chart@1x.png',
  png2: '.chart@2x.png',
  png4: '.chart@4x.png',
  png300: '.chart@300dpi.png',
  pngDpi: '.chart@dpi.png',
  chartCsv: '.chart.csv',
  chartJson: '.chart.json',
  defendantsCsv: '.defendants.csv',
  totalsCsv: '.totals.csv',
  resultJson: '.result.json',
  scenarioJson: '.scenario.json',
};

export const MIME: Record<ExportKind, string> = {
  svg: 'image/svg+xml;charset=utf-8',
  png1: 'image/png',
  png2: 'image/png',
  png4: 'image/png',
  png300: 'image/png',
  pngDpi: 'image/png',
  chartCsv: 'text/csv;charset=utf-8',
  chartJson: 'application/json;charset=utf-8',
  defendantsCsv: 'text/csv;charset=utf-8',
  totalsCsv: 'text/csv;charset=utf-8',
  resultJson: 'application/json;charset=utf-8',
  scenarioJson: 'application/json;charset=utf-8',
};

const MAX_SLUG = 72;
const MAX_TAIL = 24;

/** A safe file base name: lower case, ASCII letters and digits joined by hyphens. */
export function slugify(name: string, fallback = 'holdout'): string {
  let slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length > MAX_SLUG) {
    // Cut at a word, keeping the last words up to MAX_TAIL characters (the chart and its
    // setting after a long title: `…-sweep-takeratio` and `…-phase-takeratio` stay apart).
    const words = slug.split('-');
    let tail = words.pop()!.slice(0, MAX_TAIL);
    while (words.length > 1 && tail.length + 1 + words[words.length - 1].length <= MAX_TAIL) tail = `${words.pop()}-${tail}`;
    const rest = words.join('-');
    const room = MAX_SLUG - tail.length - 1;
    const head = rest.slice(0, room + 1);
    const cut = head.lastIndexOf('-');
    slug = `${(cut > 0 ? head.slice(0, cut) : head.slice(0, room)).replace(/-+$/g, '')}-${tail}`;
  }
  return slug || fallback;
}

/** `crespo-city-public` + svg → `crespo-city-public.chart.svg` (+ pngDpi, 600 → `….chart@600dpi.png`). */
export function fileName(name: string, kind: ExportKind, dpi?: number): string {
  // A PNG at a chosen resolution names it: `….chart@600dpi.png`.
  const suffix = kind === 'pngDpi' && dpi !== undefined ? `.chart@${String(dpi).replace('.', '_')}dpi.png` : SUFFIX[kind];
  return `${slugify(name)}${suffix}`;
}

const EOL = '\r\n';

/** Pretty-printed JSON with a final line break. */
export const jsonText = (v: unknown): string => `${JSON.stringify(v, null, 2)}\n`;

export type Built<T> = { ok: true; value: T } | { ok: false; errors: ValidationMessage[] };

/**
 * The scenario exactly in the §6 shape: every default applied, keys in the order of the
 * format, nothing else (no metadata: the format rejects unknown fields). Walked from the schema
 * by the engine, so no field list is kept here.
 */
export { canonicalScenario };

/** Validates a scenario (any JSON value) and applies the defaults. */
export function parsedScenario(scenario: unknown): Built<Scenario> {
  const r = parseScenario(scenario);
  return r.ok ? { ok: true, value: r.scenario } : { ok: false, errors: r.errors };
}

/** The scenario file: reproducible (it holds the seed), reopens in the app and the CLI. */
export function scenarioFileText(scenario: unknown): Built<string> {
  const r = parsedScenario(scenario);
  return r.ok ? { ok: true, value: jsonText(canonicalScenario(r.value)) } : r;
}

/** The result exactly as `npm run solve -- FILE` prints it (MODEL.md §6), pretty-printed. */
export function resultJsonText(result: Result): string {
  return jsonText(result);
}

export type DefendantsCsv =
  | { ok: true; value: string }
  | { ok: false; omitted: true; message: string; command: string }
  | { ok: false; omitted: false; errors: ValidationMessage[] };

/** The command that writes every row of a big scenario's defendants. */
export function cliCsvCommand(name: string): string {
  return `npm run solve -- ${fileName(name, 'scenarioJson')} --csv > ${fileName(name, 'defendantsCsv')}`;
}

/** One CSV row per defendant (src/engine/result/csv.ts), or why there are none. */
export function defendantsCsvText(result: Result, scenario: unknown, name: string): DefendantsCsv {
  if (result.defendantsOmitted || !result.defendants) {
    return {
      ok: false,
      omitted: true,
      message: `The per-defendant rows are left out above ${ROWS_LIMIT.toLocaleString('en-US')} defendants (this scenario has ${result.totals.defendants.toLocaleString('en-US')}). Save the scenario file and run the command line, which always writes them:`,
      command: cliCsvCommand(name),
    };
  }
  const s = parsedScenario(scenario);
  if (!s.ok) return { ok: false, omitted: false, errors: s.errors };
  return { ok: true, value: resultToCsv(result, s.value) };
}

/** The totals' columns: the keys of the engine's table of result quantities, in its order. */
export const TOTALS_COLUMNS: readonly (keyof Totals)[] = TOTAL_KEYS;

export const STATISTICS = ['mean', 'p5', 'p50', 'p95', 'nullCount'] as const;

const line = (cells: readonly (string | number | boolean | null | undefined)[]) =>
  cells.map(csvField).join(',') + EOL;

/**
 * The totals as CSV. One header and one row; with a random ranking (a distribution over runs)
 * a `statistic` column comes first, the first row is run 0 (what the totals describe) and then
 * one row per statistic (mean, p5, p50, p95, nullCount), empty where the distribution has no
 * figure (defendants, noPleaTake, threatenedCount, strikeSucceeds).
 */
export function totalsCsvText(result: Result): string {
  const t = result.totals;
  const d = result.distribution;
  if (!d) return line(TOTALS_COLUMNS) + line(TOTALS_COLUMNS.map((k) => t[k]));
  let out = line(['statistic', ...TOTALS_COLUMNS]);
  out += line(['run 0', ...TOTALS_COLUMNS.map((k) => t[k])]);
  const has = (k: string): k is (typeof DISTRIBUTION_KEYS)[number] =>
    (DISTRIBUTION_KEYS as readonly string[]).includes(k);
  for (const stat of STATISTICS) {
    out += line([stat, ...TOTALS_COLUMNS.map((k) => (has(k) ? d[k][stat] : null))]);
  }
  return out;
}

const escapeXml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The provenance line a chart file carries: contract, title, seed, runs. */
export function provenance(scenario: unknown): string {
  const r = parsedScenario(scenario);
  if (!r.ok) return `${CONTRACT_NOTE}.`;
  const s = r.value;
  const title = s.title ? `“${s.title}”, ` : '';
  return `${CONTRACT_NOTE}: ${title}seed ${s.seed}, runs ${s.runs}.`;
}

/**
 * Adds an SVG <metadata> element (the format allows it; viewers ignore it) with the provenance
 * line right after the root's first <title>, or right after the root's start tag.
 */
export function withSvgMetadata(svgText: string, note: string): string {
  const meta = `<metadata>${escapeXml(note)}</metadata>`;
  const titleEnd = svgText.indexOf('</title>');
  const root = svgText.search(/<svg[\s>]/);
  if (root < 0) return svgText;
  if (titleEnd > root) {
    const at = titleEnd + '</title>'.length;
    return svgText.slice(0, at) + meta + svgText.slice(at);
  }
  const open = svgText.indexOf('>', root);
  if (open < 0) return svgText;
  return svgText.slice(0, open + 1) + meta + svgText.slice(open + 1);
}
