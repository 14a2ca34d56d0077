// A fresh clone has nothing beside it: the repository owns its test data. Nothing tracked by git may
// read outside the repository, and no doc points there (the worked examples live in test/fixtures/examples).
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const tracked = execFileSync('git', ['ls-files', '-z'], { cwd: root, encoding: 'utf8' })
  .split('\0')
  .filter((f) => f && /\.(ts|tsx|js|mjs|cjs|json|sh|html|md|cff)$|^\.ci\//.test(f))
  .filter((f) => f !== 'package-lock.json');

// The steering folder a session's checkout sits beside, as a relative or an absolute path (the
// name is assembled so that this file does not match itself).
const DIR = ['sha', 'red'].join('');
const OUTSIDE = new RegExp(String.raw`(\.\./)+${DIR}/|/work/${DIR}\b`);

describe('the repository owns its fixtures', () => {
  it('no tracked file reads the steering folder beside the checkout', () => {
    const offenders = tracked.filter((f) => {
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
