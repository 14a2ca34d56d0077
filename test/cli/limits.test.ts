// The command-line runner on input that would otherwise hurt the machine: files over the size
// cap, a stream that never ends, a long Monte Carlo solve (progress on standard error) and
// Ctrl-C in the middle of one.
import { spawn } from 'node:child_process';
import {
  closeSync,
  mkdtempSync,
  openSync,
  readFileSync,
  rmSync,
  ftruncateSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import {
  InputTooLargeError,
  MAX_INPUT_BYTES,
  readFileCapped,
  readStreamCapped,
} from '../../src/cli/readInput';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const tsx = join(repo, 'node_modules', '.bin', 'tsx');
const cli = join(repo, 'src', 'cli', 'solve.ts');
const j20 = join(repo, 'src', 'presets', 'j20.scenario.json');

const tmp = mkdtempSync(join(tmpdir(), 'holdout-limits-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Run the CLI; `onStderr` sees standard error as it arrives (and may signal the child). */
function run(
  args: string[],
  env: Record<string, string> = {},
  onStderr?: (soFar: string, kill: (s: NodeJS.Signals) => void) => void,
): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(tsx, [cli, ...args], {
      cwd: repo,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => {
      stderr += d;
      onStderr?.(stderr, (s) => child.kill(s));
    });
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

/** J20 with a random ranking, `runs` Monte Carlo runs over `count` defendants. */
function monteCarlo(count: number, runs: number): string {
  const s = JSON.parse(readFileSync(j20, 'utf8')) as {
    runs: number;
    groups: { count: number }[];
    prosecutor: { ranking: string };
  };
  s.runs = runs;
  s.groups[0].count = count;
  s.prosecutor.ranking = 'random';
  const file = join(tmp, `mc-${count}-${runs}.scenario.json`);
  writeFileSync(file, JSON.stringify(s));
  return file;
}

describe('input size cap (64 MiB)', () => {
  it('is 64 MiB', () => {
    expect(MAX_INPUT_BYTES).toBe(67_108_864);
  });

  it('refuses a larger file before reading it, with a clear message and status 2', async () => {
    const file = join(tmp, 'huge.scenario.json');
    const fd = openSync(file, 'w');
    ftruncateSync(fd, MAX_INPUT_BYTES + 1); // sparse: costs no disk
    closeSync(fd);
    const r = await run([file]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      `holdout solve: cannot read ${file}: it is larger than 64 MiB, the largest scenario file Holdout reads\n`,
    );
  }, 60_000);

  it('stops reading /dev/zero at the cap', async () => {
    const r = await run(['/dev/zero']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'holdout solve: cannot read /dev/zero: it is larger than 64 MiB, the largest scenario file Holdout reads\n',
    );
  }, 60_000);

  it('reads a file of exactly the cap, refuses one byte more (small caps)', () => {
    const file = join(tmp, 'ten.json');
    writeFileSync(file, '0123456789');
    expect(readFileCapped(file, 10).toString()).toBe('0123456789');
    expect(() => readFileCapped(file, 9)).toThrow(InputTooLargeError);
  });

  it('caps a stream and destroys it', async () => {
    const endless = new Readable({
      read() {
        this.push(Buffer.alloc(1024));
      },
    });
    await expect(readStreamCapped(endless, 10_000)).rejects.toThrow(
      'it is larger than 10000 bytes, the largest scenario file Holdout reads',
    );
    expect(endless.destroyed).toBe(true);
    const small = Readable.from([Buffer.from('ab'), Buffer.from('c')]);
    expect((await readStreamCapped(small, 3)).toString()).toBe('abc');
  });
});

describe('long solves', () => {
  it('print their progress on standard error, the result on standard output', async () => {
    const file = monteCarlo(2_000, 5);
    const r = await run([file, '--compact'], { HOLDOUT_PROGRESS_AFTER_MS: '0' });
    expect(r.code).toBe(0);
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines.length).toBe(5);
    expect(lines.map((l) => l.replace(/, [0-9.]+ s;/, ', T s;'))).toEqual(
      [1, 2, 3, 4, 5].map((k) => `holdout solve: ${k * 20}% (${k} of 5 runs, T s; Ctrl-C stops)`),
    );
    const result = JSON.parse(r.stdout) as { totals: { defendants: number } };
    expect(result.totals.defendants).toBe(2_000);
  }, 60_000);

  it('print nothing when they finish within a second (the default)', async () => {
    const r = await run([monteCarlo(50, 2), '--compact']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
  }, 60_000);

  it('stop at once on Ctrl-C (SIGINT) with no stack trace', async () => {
    // 10,000 runs of 20,000 defendants: a long solve, interrupted after its first line.
    const file = monteCarlo(20_000, 10_000);
    let sent = false;
    const r = await run([file, '--compact'], { HOLDOUT_PROGRESS_AFTER_MS: '0' }, (err, kill) => {
      if (!sent && err.includes('holdout solve: ')) {
        sent = true;
        kill('SIGINT');
      }
    });
    expect(sent).toBe(true);
    expect(r.code === 130 || r.signal === 'SIGINT').toBe(true);
    expect(r.stdout).toBe('');
    expect(r.stderr).not.toMatch(/Error|at .*\.ts/);
  }, 60_000);
});
