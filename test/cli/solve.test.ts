// The command-line runner (npm run solve -- FILE): the same engine as the browser, run on the
// shared worked examples of MODEL.md §7 and on bad input.
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const examplesDir = fileURLToPath(new URL('../fixtures/examples/', import.meta.url));
const tsx = join(repo, 'node_modules', '.bin', 'tsx');
const cli = join(repo, 'src', 'cli', 'solve.ts');

const examples = readdirSync(examplesDir)
  .filter((f) => f.endsWith('.scenario.json'))
  .map((f) => f.slice(0, -'.scenario.json'.length))
  .sort();

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function run(args: string[], input?: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(tsx, [cli, ...args], { cwd: repo, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input ?? '');
  });
}

const tmp = mkdtempSync(join(tmpdir(), 'holdout-cli-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function writeTmp(name: string, content: string): string {
  const file = join(tmp, name);
  writeFileSync(file, content);
  return file;
}

/** Within relative tolerance 1e-6 (absolute 1e-9 near zero), as examples/README.md asks. */
function close(a: number, b: number): boolean {
  return Math.abs(a - b) <= Math.max(1e-9, 1e-6 * Math.max(Math.abs(a), Math.abs(b)));
}

/** Every field of `expected` is in `actual`, numbers within tolerance. Returns the mismatches. */
function mismatches(actual: unknown, expected: unknown, path = 'result'): string[] {
  if (typeof expected === 'number') {
    return typeof actual === 'number' && close(actual, expected)
      ? []
      : [`${path}: expected ${expected}, got ${JSON.stringify(actual)}`];
  }
  if (expected === null || typeof expected !== 'object') {
    return actual === expected
      ? []
      : [`${path}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`];
  }
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual) || actual.length !== expected.length) {
      return [`${path}: expected ${expected.length} entries, got ${JSON.stringify(actual)}`];
    }
    return expected.flatMap((e, i) => mismatches(actual[i], e, `${path}[${i}]`));
  }
  if (actual === null || typeof actual !== 'object' || Array.isArray(actual)) {
    return [`${path}: expected an object, got ${JSON.stringify(actual)}`];
  }
  return Object.entries(expected).flatMap(([k, e]) =>
    mismatches((actual as Record<string, unknown>)[k], e, `${path}.${k}`),
  );
}

describe('npm run solve on the worked examples', () => {
  it('finds them', () => {
    expect(examples.length).toBeGreaterThanOrEqual(17);
  });

  it.each(examples)(
    '%s',
    async (name) => {
      const r = await run([join(examplesDir, `${name}.scenario.json`)]);
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      const result = JSON.parse(r.stdout) as Record<string, unknown>;
      const expected = JSON.parse(
        readFileSync(join(examplesDir, `${name}.expected.json`), 'utf8'),
      ) as { totals: object; lottery?: { equilibria: object[] } };
      // The fixtures hold the totals, and for the lottery its summary figures and each
      // equilibrium's size, take, trials and free: all of them must match.
      expect(Object.keys(expected.totals).length).toBeGreaterThanOrEqual(12);
      if (name.includes('lottery')) expect(expected.lottery?.equilibria.length).toBeGreaterThan(0);
      expect(mismatches(result, expected)).toEqual([]);
      // Pretty-printed by default.
      expect(r.stdout.startsWith('{\n  "schemaVersion": 1,')).toBe(true);
      expect(r.stdout.endsWith('}\n')).toBe(true);
    },
    60_000,
  );
});

describe('npm run solve output options', () => {
  const e9 = join(examplesDir, 'E9_priority_arrival.scenario.json');

  it('--csv prints a header and one row per defendant', async () => {
    const r = await run([e9, '--csv']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\r\n');
    expect(lines.pop()).toBe(''); // the last row ends with CRLF too
    expect(lines).toEqual([
      'id,group,label,rank,outcome,offer,threatened,withheld,pledged,never,covered,trialProbability',
      '1,0,hard core,1,tried,5,true,false,false,true,false,',
      '2,0,hard core,2,tried,5,true,false,false,true,false,',
      '3,1,ordinary,3,free,,false,false,false,false,false,',
      '4,1,ordinary,4,free,,false,false,false,false,false,',
      '5,1,ordinary,5,free,,false,false,false,false,false,',
    ]);
  }, 60_000);

  it('--compact prints one line, the same result', async () => {
    const [pretty, compact] = await Promise.all([run([e9]), run(['--compact', e9])]);
    expect(compact.code).toBe(0);
    expect(compact.stdout.trimEnd().includes('\n')).toBe(false);
    expect(JSON.parse(compact.stdout)).toEqual(JSON.parse(pretty.stdout));
  }, 60_000);

  it('- reads the scenario from standard input', async () => {
    const r = await run(['-', '--compact'], readFileSync(e9, 'utf8'));
    expect(r.code).toBe(0);
    expect((JSON.parse(r.stdout) as { totals: { take: number } }).totals.take).toBe(10);
  }, 60_000);

  it('--csv gives every row even above 100,000 defendants, and quotes labels', async () => {
    const file = writeTmp(
      'big.scenario.json',
      JSON.stringify({
        schemaVersion: 1,
        groups: [
          { label: 'a, "b"', count: 100_001, convictionProbability: 0.5, trialSentence: 10 },
        ],
        prosecutor: { budget: 3, regime: 'priority', ranking: 'arrival' },
      }),
    );
    const r = await run([file, '--csv']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\r\n');
    expect(lines).toHaveLength(100_003); // header, 100,001 rows, and the empty tail
    expect(lines[1]).toBe('1,0,"a, ""b""",1,plea,5,true,false,false,false,false,');
    expect(lines[100_001]).toBe('100001,0,"a, ""b""",100001,plea,5,true,false,false,false,false,');
    // The JSON leaves the rows out above 100,000.
    const j = await run([file, '--compact']);
    expect(JSON.parse(j.stdout)).toMatchObject({ defendantsOmitted: true });
  }, 60_000);

  it('stops quietly when the reader goes away (EPIPE)', async () => {
    const file = writeTmp(
      'pipe.scenario.json',
      JSON.stringify({
        schemaVersion: 1,
        groups: [{ count: 300_000, convictionProbability: 0.5, trialSentence: 10 }],
        prosecutor: { budget: 3, regime: 'priority', ranking: 'arrival' },
      }),
    );
    const r = await new Promise<Run>((resolve, reject) => {
      const child = spawn(tsx, [cli, file, '--csv'], { cwd: repo });
      let stderr = '';
      child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
      child.stdout.once('data', () => child.stdout.destroy());
      child.on('error', reject);
      child.on('close', (code) => resolve({ code, stdout: '', stderr }));
    });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  }, 60_000);

  it('--help prints the usage and succeeds', async () => {
    const r = await run(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^usage: npm run solve -- FILE \[--csv\] \[--compact\]/);
  }, 60_000);
});

describe('npm run solve on bad input', () => {
  it('prints every validation message on standard error and exits 2', async () => {
    const file = writeTmp(
      'bad.scenario.json',
      JSON.stringify(
        {
          schemaVersion: 1,
          groups: [
            { count: 2.5, convictionProbability: 1.7, trialSentence: 10 },
            { count: 1, convictionProbability: 0.5 },
          ],
          prosecutor: { budget: 1, regime: 'plea' },
          levers: { pledge: { secrte: true } },
        },
        null,
        2,
      ),
    );
    const r = await run([file]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.split('\n')).toEqual([
      'groups[0].count: must be an integer, got 2.5',
      'groups[0].convictionProbability: must be at most 1, got 1.7',
      'groups[1].trialSentence: is required',
      'prosecutor.regime: must be one of "noPlea", "lottery", "priority", "forcedSpend", "docket", got "plea"',
      'levers.pledge.secrte: unknown field (allowed: penalty, secret)',
      '',
    ]);
  }, 60_000);

  it('rejects a file that is not valid UTF-8 and a key written twice (MODEL §6)', async () => {
    const file = join(tmp, 'latin1.scenario.json');
    const good = Buffer.from(
      '{"schemaVersion": 1, "title": "caf?", "groups": [{"count": 3, "convictionProbability": 0.5, "trialSentence": 10}], "prosecutor": {"budget": 1, "regime": "priority"}}',
    );
    good[good.indexOf(0x3f)] = 0xe9;
    writeFileSync(file, good);
    const r = await run([file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'scenario: is not valid UTF-8 text: byte 35 (line 1) is 0xE9, which does not start a valid UTF-8 character; save the file as UTF-8\n',
    );
    const dup = writeTmp(
      'dup.scenario.json',
      '{"schemaVersion": 1, "groups": [{"count": 3, "convictionProbability": 0.5, "trialSentence": 10}],\n "prosecutor": {"budget": 450, "regime": "priority", "budget": 2}}',
    );
    const d = await run([dup]);
    expect(d.code).toBe(2);
    expect(d.stderr).toBe(
      'prosecutor.budget: the key "budget" appears twice in this object (line 2, column 54); JSON readers would keep only the last, so remove one\n',
    );
  }, 60_000);

  it('reports a cross-field rule', async () => {
    const file = writeTmp(
      'rule.scenario.json',
      JSON.stringify({
        schemaVersion: 1,
        groups: [{ count: 3, convictionProbability: 0.5, trialSentence: 10 }],
        prosecutor: { budget: 1, regime: 'forcedSpend', ranking: 'optimal' },
      }),
    );
    const r = await run([file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      'prosecutor.ranking: optimal is not a forcedSpend order: use arrival, byValue, random or an explicit list\n',
    );
  }, 60_000);

  it('gives the line and column of a JSON syntax error', async () => {
    const file = writeTmp('broken.scenario.json', '{\n  "schemaVersion": 1,\n  "groups": [\n}\n');
    const r = await run([file]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      "scenario: not valid JSON at line 4, column 1: unexpected '}', expected a value\n",
    );
  }, 60_000);

  it('exits 2 on a missing file', async () => {
    const missing = join(tmp, 'no-such.scenario.json');
    const r = await run([missing]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`holdout solve: cannot read ${missing}: no such file\n`);
  }, 60_000);

  it('exits 2 with the usage when no file is given', async () => {
    const r = await run([]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^usage: npm run solve -- FILE/);
  }, 60_000);

  it('exits 2 on an unknown option', async () => {
    const r = await run(['--json', join(examplesDir, 'E2_priority_arrival.scenario.json')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^holdout solve: unknown option --json\nusage:/);
  }, 60_000);
});
