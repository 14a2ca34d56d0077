// The command-line runner: the same engine the browser uses, on a scenario file.
//   npm run solve -- FILE [--csv] [--compact]      (FILE `-` reads standard input)
// Exit status: 0 solved; 2 bad usage, unreadable file or a scenario that fails validation
// (every message on standard error, one per line); 1 an internal error.
import path from 'node:path';
import { parseScenarioBytes } from '../engine';
import { SCHEMA_VERSION } from '../engine';
import { solveScenario } from '../engine/compute';
import { csvRows } from '../engine';
import { formatBytes, MAX_INPUT_BYTES, readFileCapped, readStreamCapped } from './readInput';

const USAGE = `usage: npm run solve -- FILE [--csv] [--compact]

Solve the Holdout scenario in FILE (a .scenario.json file; - reads standard input) and print
the result as JSON on standard output.

  --csv      print one CSV row per defendant instead (every row, however many defendants)
  --compact  print the JSON on one line
  --help     show this help

Files over ${formatBytes(MAX_INPUT_BYTES)} are refused. A solve that runs longer than a second
prints its progress on standard error; Ctrl-C stops it at once.

Exit status: 0 solved; 2 bad usage, unreadable or too large file, or a scenario that fails
validation (the messages go to standard error, one per line); 1 internal error.
`;

interface Options {
  file: string;
  csv: boolean;
  compact: boolean;
}

type Parsed =
  { kind: 'run'; options: Options } | { kind: 'help' } | { kind: 'error'; message?: string };

function parseArgs(args: readonly string[]): Parsed {
  let csv = false;
  let compact = false;
  const files: string[] = [];
  let optionsDone = false;
  for (const a of args) {
    if (!optionsDone && a === '--') optionsDone = true;
    else if (!optionsDone && (a === '--help' || a === '-h')) return { kind: 'help' };
    else if (!optionsDone && a === '--csv') csv = true;
    else if (!optionsDone && a === '--compact') compact = true;
    else if (!optionsDone && a.startsWith('-') && a !== '-') {
      return { kind: 'error', message: `unknown option ${a}` };
    } else files.push(a);
  }
  if (files.length === 0) return { kind: 'error' };
  if (files.length > 1) return { kind: 'error', message: `one FILE only, got ${files.length}` };
  return { kind: 'run', options: { file: files[0], csv, compact } };
}

function readReason(e: unknown): string {
  const code = (e as { code?: unknown } | null)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'it is a directory';
    case 'ETOOBIG':
      return (e as Error).message;
    default:
      return e instanceof Error ? e.message : String(e);
  }
}

/**
 * Progress on standard error for a solve that runs longer than a second (Monte Carlo runs, or
 * one run's knapsack or forcedSpend table at the limits):
 * one line rewritten in place on a terminal, a line per ten percent otherwise.
 */
function progressReporter(runs: number): { report: (done: number) => void; end: () => void } {
  const started = Date.now();
  // HOLDOUT_PROGRESS_AFTER_MS: when the first progress line may appear (tests set 0).
  const after = Number(process.env.HOLDOUT_PROGRESS_AFTER_MS ?? 1000);
  const tty = process.stderr.isTTY === true;
  let shown = false;
  let lastTenth = -1;
  let lastWrite = 0;
  return {
    report(done: number) {
      const now = Date.now();
      if (now - started < after) return;
      const pct = Math.floor(done * 100);
      const tenth = Math.floor(done * 10);
      if (tty ? now - lastWrite < 100 && done < 1 : tenth === lastTenth) return;
      lastTenth = tenth;
      lastWrite = now;
      const secs = ((now - started) / 1000).toFixed(1);
      // One run reports its own long steps (the knapsack, forcedSpend's table): no run count.
      const what = runs > 1 ? `${Math.round(done * runs)} of ${runs} runs, ` : '';
      const line = `holdout solve: ${pct}% (${what}${secs} s; Ctrl-C stops)`;
      process.stderr.write(tty ? `\r${line}\x1b[K` : `${line}\n`);
      shown = true;
    },
    end() {
      if (shown && tty) process.stderr.write('\n');
    },
  };
}

/** Write, waiting for the stream to drain when its buffer is full. */
function write(text: string): Promise<void> {
  return new Promise((resolve) => {
    if (process.stdout.write(text)) resolve();
    else process.stdout.once('drain', resolve);
  });
}

/** `npm run` starts scripts in the package's folder; a relative path is the user's, from INIT_CWD. */
const userPath = (file: string): string =>
  path.resolve(process.env.INIT_CWD ?? process.cwd(), file);

const err = (text: string) => process.stderr.write(text.endsWith('\n') ? text : `${text}\n`);

async function main(argv: readonly string[]): Promise<number> {
  const parsed = parseArgs(argv);
  if (parsed.kind === 'help') {
    await write(USAGE);
    return 0;
  }
  if (parsed.kind === 'error') {
    if (parsed.message) err(`holdout solve: ${parsed.message}`);
    err(USAGE);
    return 2;
  }
  const { file, csv, compact } = parsed.options;

  // Bytes, not text: a file that is not valid UTF-8 is rejected (MODEL.md §6), not patched with U+FFFD.
  let bytes: Uint8Array;
  try {
    bytes = file === '-' ? await readStreamCapped(process.stdin) : readFileCapped(userPath(file));
  } catch (e) {
    err(`holdout solve: cannot read ${file === '-' ? 'standard input' : file}: ${readReason(e)}`);
    return 2;
  }

  const checked = parseScenarioBytes(bytes);
  if (!checked.ok) {
    err(checked.errors.map((m) => m.text).join('\n'));
    return 2;
  }
  if (checked.migratedFrom !== undefined) {
    err(
      `holdout solve: note: the scenario was written for schemaVersion ${checked.migratedFrom}; it was upgraded to schemaVersion ${SCHEMA_VERSION} before solving`,
    );
  }

  let result;
  const progress = progressReporter(checked.scenario.runs);
  try {
    result = solveScenario(checked.scenario, {
      rows: csv ? 'always' : 'auto',
      onProgress: progress.report,
    });
    progress.end();
  } catch (e) {
    progress.end();
    err(
      `holdout solve: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`,
    );
    return 1;
  }

  if (csv) {
    // Stream in chunks: ten million rows would not fit in one string.
    let chunk = '';
    for (const line of csvRows(result, checked.scenario)) {
      chunk += line;
      if (chunk.length >= 1 << 16) {
        await write(chunk);
        chunk = '';
      }
    }
    if (chunk) await write(chunk);
  } else {
    await write((compact ? JSON.stringify(result) : JSON.stringify(result, null, 2)) + '\n');
  }
  return 0;
}

// Ctrl-C: no SIGINT listener on purpose. The solve runs on this thread, where a listener would
// only run after it finished; the default action ends the process at once (status 130 in a shell).

// A reader that goes away (`| head`) is not an error: stop quietly.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  err(`holdout solve: cannot write the output: ${e.message}`);
  process.exit(1);
});

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    err(
      `holdout solve: internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`,
    );
    process.exitCode = 1;
  },
);
