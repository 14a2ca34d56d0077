// `npm run solve` reads files of earlier Holdout versions through the engine's migrate step
// (test/fixtures/migration) and refuses a file from a newer Holdout, naming schemaVersion.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const dir = fileURLToPath(new URL('../fixtures/migration/', import.meta.url));
const tsx = join(repo, 'node_modules', '.bin', 'tsx');
const cli = join(repo, 'src', 'cli', 'solve.ts');

function run(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(tsx, [cli, ...args], { cwd: repo, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('npm run solve and older scenario files', () => {
  it('solves a preset file written before the weekly docket, unchanged', async () => {
    const r = await run(['--compact', join(dir, '2026-11-21_bgb-priority.scenario.json')]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.schemaVersion).toBe(1);
    expect(out.totals).toEqual({
      defendants: 100,
      pleas: 100,
      trials: 0,
      free: 0,
      take: 500,
      noPleaTake: 15,
      takeRatio: 500 / 15,
      budgetUsed: 0,
      fundPaid: 0,
      stopRank: null,
      threatenedCount: 100,
      strikeSucceeds: false,
    });
  });

  it('refuses a file from a newer Holdout with status 2, naming schemaVersion', async () => {
    const r = await run([join(dir, 'from-a-newer-holdout.scenario.json')]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim()).toBe(
      'schemaVersion: must be 1, got 2: the scenario was written by a newer Holdout than this one; open it with a version that reads schemaVersion 2',
    );
  });
});
