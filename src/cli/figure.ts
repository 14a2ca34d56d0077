// The figure builder: the app's charts, drawn by the same code in Node, written as SVG, PNG,
// CSV or JSON. One figure:
//   npm run figure -- SCENARIO.json --chart NAME [--sweep FIELD=FROM:TO:STEPS]
//        [--phase x=FIELD:FROM:TO,y=FIELD:FROM:TO[,res=32]] [--outcome KEY] [--defendant N]
//        [--compare B.json] [--scale 1|2|4] [--dpi N] --out FILE.svg|.png|.csv|.json
// A paper's set of figures: npm run figure -- --batch FIGURES.json
// Exit status: 0 written; 2 bad usage, unreadable or invalid scenario, a figure that cannot be
// drawn (every message on standard error); 1 an internal error.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { JSDOM } from 'jsdom';
import { parseScenarioText } from '../engine';
import { buildFigure, FigureError, type FigureRequest } from '../figure/build';
import { renderFigureSvg } from '../figure/render';
import { tableCsv, tableJson } from '../figure/table';
import { figureMeta } from '../figure/meta';
import { parsePhaseSpec, parseSweepSpec } from '../figure/settings';
import { FIGURE_CHARTS } from '../figure/sources';
import { svgToPngBytes } from './raster';
import { DPI_MAX, DPI_MIN, parseDpi } from '../figure/png';

const USAGE = `usage: npm run figure -- SCENARIO.json --chart NAME --out FILE [options]
       npm run figure -- --batch FIGURES.json

Draws one of Holdout's charts from a scenario file with the app's own drawing code, in the
figure style (light, ${'6.5'} in wide, colour-blind and grayscale safe), and writes it as
SVG, PNG (with its DPI), or the data drawn as CSV or JSON (units in the header).

  --chart NAME      ${FIGURE_CHARTS.join(', ')}
  --out FILE        .svg, .png, .csv or .json (the extension picks the format)
  --sweep F=A:B:N   sweep field F from A to B in N steps (N + 1 points), e.g.
                    --sweep 'groups[*].pledgedShareOfRest=0:1:20'
  --phase SPEC      x=F:A:B,y=G:C:D[,res=16|32|64], e.g.
                    --phase 'x=groups[*].pledgedShareOfRest:0:1,y=prosecutor.budget:0:20'
  --outcome KEY     sweep/phase: takeRatio (default), take, shareFree, pleas, trials, stopRank…;
                    distribution: take (default), takeRatio, pleas, trials, free, budgetUsed…
  --defendant N     schelling: whose choice to draw (default 1)
  --compare B.json  compare A/B (SCENARIO.json is A, the pinned one; B.json the edited one):
                    --chart compare draws both totals, --chart sweep both curves
  --pinned A.json   the same the other way round (SCENARIO.json is B)
  --scale S         PNG: 1, 2 or 4 times the figure's size (default 2)
  --dpi N           PNG: the resolution written into the file, ${DPI_MIN} to ${DPI_MAX} (default 96 × scale);
                    --dpi alone sets the scale to N / 96 (e.g. --dpi 300)
  --batch FILE      a JSON list of figures: [{ "scenario": "a.json", "chart": "sweep",
                    "sweep": "...", "compare": "b.json", "out": "fig1.svg" }, …]
                    (paths relative to FILE)

Exit status: 0 written; 2 bad usage, unreadable or invalid scenario, or a figure that cannot
be drawn (messages on standard error); 1 internal error.
`;

export interface FigureJob extends Omit<FigureRequest, 'pinned'> {
  scenario: string;
  /** Compare: the pinned scenario A's file. */
  pinnedFile?: string;
  out: string;
  scale?: number;
  dpi?: number;
}

class UsageError extends Error {}

function value(args: string[], i: number, name: string): string {
  const v = args[i + 1];
  if (v === undefined || v.startsWith('--')) throw new UsageError(`${name} needs a value`);
  return v;
}

function positiveNumber(text: string, name: string): number {
  const n = Number(text);
  if (!Number.isFinite(n) || n <= 0) throw new UsageError(`${name} must be a positive number, got “${text}”`);
  return n;
}

/** A resolution from 72 to 1200 dpi (the app's DPI input takes the same). */
function dpiOf(text: string, name: string): number {
  const d = parseDpi(text);
  if (!d.ok) throw new UsageError(`${name}: ${d.message}`);
  return d.dpi;
}

/** Turns a job's text settings into a request (shared by flags and batch entries). */
function request(chart: string, sweep?: string, phase?: string, outcome?: string, defendant?: number): FigureRequest {
  const req: FigureRequest = { chart };
  if (sweep !== undefined) {
    const s = parseSweepSpec(sweep);
    if (typeof s === 'string') throw new UsageError(s);
    req.sweep = s;
  }
  if (phase !== undefined) {
    const p = parsePhaseSpec(phase);
    if (typeof p === 'string') throw new UsageError(p);
    req.phase = p;
  }
  if (outcome !== undefined) req.outcome = outcome;
  if (defendant !== undefined) req.defendant = defendant;
  return req;
}

/**
 * Compare A/B as the app has it: B is the scenario being edited, A the pinned one.
 * `A.json --compare B.json` and `B.json --pinned A.json` say the same.
 */
function sides(file: string, compare: string | undefined, pinned: string | undefined, dash: string): Pick<FigureJob, 'scenario' | 'pinnedFile'> {
  if (compare !== undefined && pinned !== undefined) throw new UsageError(`${dash}compare and ${dash}pinned say the same thing two ways: give one (A.json ${dash}compare B.json)`);
  if (compare !== undefined) return { scenario: compare, pinnedFile: file };
  if (pinned !== undefined) return { scenario: file, pinnedFile: pinned };
  return { scenario: file };
}

type Parsed = { kind: 'help' } | { kind: 'batch'; file: string } | { kind: 'one'; job: FigureJob };

export function parseArgs(args: string[]): Parsed {
  const opt: Record<string, string> = {};
  const files: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--help' || a === '-h') return { kind: 'help' };
    if (a === '--') continue;
    if (['--chart', '--out', '--sweep', '--phase', '--outcome', '--defendant', '--scale', '--dpi', '--batch', '--pinned', '--compare'].includes(a)) {
      opt[a.slice(2)] = value(args, i, a);
      i++;
    } else if (a.startsWith('--')) throw new UsageError(`unknown option ${a}`);
    else files.push(a);
  }
  if (opt.batch !== undefined) {
    if (files.length > 0 || Object.keys(opt).length > 1) throw new UsageError('--batch takes no other arguments');
    return { kind: 'batch', file: opt.batch };
  }
  if (files.length !== 1) throw new UsageError(files.length === 0 ? 'give one SCENARIO.json file' : `one SCENARIO file only, got ${files.length}`);
  if (!opt.chart) throw new UsageError('--chart NAME is required');
  if (!opt.out) throw new UsageError('--out FILE is required');
  const defendant = opt.defendant !== undefined ? positiveNumber(opt.defendant, '--defendant') : undefined;
  const job: FigureJob = { scenario: files[0], out: opt.out, ...request(opt.chart, opt.sweep, opt.phase, opt.outcome, defendant) };
  if (opt.scale !== undefined) job.scale = positiveNumber(opt.scale, '--scale');
  if (opt.dpi !== undefined) job.dpi = dpiOf(opt.dpi, '--dpi');
  Object.assign(job, sides(files[0], opt.compare, opt.pinned, '--'));
  return { kind: 'one', job };
}

const FORMATS = ['.svg', '.png', '.csv', '.json'];

/** Draws one figure and writes it; returns the bytes written. */
export async function runJob(job: FigureJob, baseDir: string): Promise<number> {
  const ext = path.extname(job.out).toLowerCase();
  if (!FORMATS.includes(ext)) throw new UsageError(`--out: the file must end in ${FORMATS.join(', ')}, got “${job.out}”`);
  const parsed = { ok: true as const, scenario: readScenario(baseDir, job.scenario) };
  const pinned = job.pinnedFile !== undefined ? readScenario(baseDir, job.pinnedFile) : undefined;
  const source = await buildFigure(parsed.scenario, { ...job, pinned });
  let bytes: Uint8Array | string;
  if (ext === '.csv') bytes = tableCsv(source.table);
  else if (ext === '.json') {
    const dom = new JSDOM('');
    const meta = figureMeta(source.kind, svgTitle(dom.window.document, source, parsed.scenario), parsed.scenario, source.settings);
    bytes = tableJson(source.table, meta);
  } else {
    const dom = new JSDOM('');
    const svg = renderFigureSvg(dom.window.document, source, parsed.scenario);
    if (ext === '.svg') bytes = svg;
    else {
      const scale = job.scale ?? (job.dpi ? job.dpi / 96 : 2);
      bytes = svgToPngBytes(svg, scale, job.dpi ?? 96 * scale);
    }
  }
  const out = path.resolve(baseDir, job.out);
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(out, bytes);
  return typeof bytes === 'string' ? Buffer.byteLength(bytes) : bytes.length;
}

function readScenario(baseDir: string, name: string) {
  let text: string;
  try {
    text = readFileSync(path.resolve(baseDir, name), 'utf8');
  } catch (e) {
    throw new UsageError(`${name}: ${(e as { code?: string }).code === 'ENOENT' ? 'no such file' : 'cannot be read'}`);
  }
  const parsed = parseScenarioText(text);
  if (!parsed.ok) throw new UsageError(parsed.errors.map((m) => `${name}: ${m.text}`).join('\n'));
  return parsed.scenario;
}

/** The chart's own title (the figure's <title> before the scenario name is added). */
function svgTitle(doc: Document, source: Parameters<typeof renderFigureSvg>[1], scenario: unknown): string {
  const svg = doc.createElementNS('http://www.w3.org/2000/svg', 'svg');
  source.draw(svg, { width: 624, height: 400, id: 'fig', announce: () => {}, figure: true });
  void scenario;
  return svg.querySelector('title')?.textContent ?? source.kind;
}

function readBatch(file: string): FigureJob[] {
  let doc: unknown;
  try {
    doc = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new UsageError(`${file}: ${e instanceof SyntaxError ? `not JSON (${e.message})` : 'cannot be read'}`);
  }
  const list = Array.isArray(doc) ? doc : (doc as { figures?: unknown })?.figures;
  if (!Array.isArray(list)) throw new UsageError(`${file}: expected a list of figures (or { "figures": [...] })`);
  return list.map((e: Record<string, unknown>, i) => {
    const where = `${file}: figures[${i}]`;
    for (const k of ['scenario', 'chart', 'out']) if (typeof e?.[k] !== 'string') throw new UsageError(`${where}.${k}: a string is required`);
    try {
      const job: FigureJob = {
        scenario: e.scenario as string,
        out: e.out as string,
        ...request(e.chart as string, e.sweep as string | undefined, e.phase as string | undefined, e.outcome as string | undefined, e.defendant as number | undefined),
      };
      for (const k of ['compare', 'pinned']) if (e[k] !== undefined && typeof e[k] !== 'string') throw new UsageError(`${k}: a scenario file name is required`);
      Object.assign(job, sides(e.scenario as string, e.compare as string | undefined, e.pinned as string | undefined, ''));
      if (e.scale !== undefined) job.scale = positiveNumber(String(e.scale), 'scale');
      if (e.dpi !== undefined) job.dpi = dpiOf(String(e.dpi), 'dpi');
      return job;
    } catch (err) {
      throw new UsageError(`${where}: ${(err as Error).message}`);
    }
  });
}

export async function main(args: string[], io: { out: (s: string) => void; err: (s: string) => void; isTTY?: boolean }): Promise<number> {
  try {
    const p = parseArgs(args);
    if (p.kind === 'help') {
      io.out(USAGE);
      return 0;
    }
    if (p.kind === 'one') {
      const n = await runJob(p.job, process.cwd());
      io.err(`wrote ${p.job.out} (${n.toLocaleString('en-US')} bytes)\n`);
      return 0;
    }
    const batchFile = path.resolve(process.cwd(), p.file);
    const jobs = readBatch(batchFile);
    const base = path.dirname(batchFile);
    const failures: string[] = [];
    for (const [i, job] of jobs.entries()) {
      const head = `[${i + 1}/${jobs.length}] ${job.chart} → ${job.out}`;
      try {
        const n = await runJob(job, base);
        io.err(`${head} (${n.toLocaleString('en-US')} bytes)\n`);
      } catch (e) {
        const msg = e instanceof Error ? e.message : String(e);
        failures.push(`figures[${i}] (${job.out}): ${msg}`);
        io.err(`${head} FAILED: ${msg}\n`);
      }
    }
    io.err(`${jobs.length - failures.length} of ${jobs.length} figures written\n`);
    return failures.length ? 2 : 0;
  } catch (e) {
    if (e instanceof UsageError || e instanceof FigureError) {
      io.err(`${e.message}\n`);
      if (e instanceof UsageError && !e.message.includes(':')) io.err(`\n${USAGE}`);
      return 2;
    }
    io.err(`internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    return 1;
  }
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname);
if (isMain) {
  void main(process.argv.slice(2), { out: (s) => process.stdout.write(s), err: (s) => process.stderr.write(s) }).then((code) => {
    process.exitCode = code;
  });
}
