// A fresh clone has no ../shared: the repository owns its test data. Nothing tracked by git may
// read outside the repository (code and data; the docs may name MODEL.md's home) (the worked examples live in test/fixtures/examples).
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const tracked = execFileSync('git', ['ls-files', '-z'], { cwd: root, encoding: 'utf8' })
  .split('\0')
  .filter((f) => f && /\.(ts|tsx|js|mjs|cjs|json|sh|html)$|^\.ci\//.test(f))
  .filter((f) => f !== 'package-lock.json' && !f.startsWith('test/fixtures/'));

// "../shared" or an absolute /work/shared, the paths a session's checkout sits beside.
const OUTSIDE = /(\.\.\/)+shared\/|\/work\/shared\b/;

describe('the repository owns its fixtures', () => {
  it('no tracked file reads ../shared', () => {
    const offenders = tracked.filter((f) => {
      if (f === 'test/repo/ownsFixtures.test.ts') return false;
      return OUTSIDE.test(readFileSync(path.join(root, f), 'utf8'));
    });
    expect(offenders).toEqual([]);
  });

  it('every worked example has its expected result beside it', () => {
    const files = readdirSync(path.join(root, 'test/fixtures/examples'));
    const scenarios = files.filter((f) => f.endsWith('.scenario.json'));
    expect(scenarios.length).toBeGreaterThanOrEqual(17);
    for (const f of scenarios) expect(files).toContain(f.replace('.scenario.json', '.expected.json'));
  });
});
