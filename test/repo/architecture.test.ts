// docs/architecture.md is checked against the code: every file its rule table names exists and
// exports every function named beside it, and every source path the page mentions exists.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const doc = readFileSync(path.join(root, 'docs/architecture.md'), 'utf8');

/** The rows of the table under a heading: cells, without the header and separator rows. */
function tableUnder(heading: string): string[][] {
  const start = doc.indexOf(`\n## ${heading}\n`);
  expect(start, `docs/architecture.md has a section "${heading}"`).toBeGreaterThan(0);
  const rest = doc.slice(start + heading.length + 5);
  const end = rest.search(/\n## /);
  const lines = (end < 0 ? rest : rest.slice(0, end)).split('\n').filter((l) => l.startsWith('|'));
  return lines.slice(2).map((l) => l.split('|').slice(1, -1).map((c) => c.trim()));
}

const ticked = (cell: string) => [...cell.matchAll(/`([^`]+)`/g)].map((m) => m[1]);

describe('docs/architecture.md', () => {
  const rules = tableUnder('Where each rule lives');

  it('names a file and at least one function for every rule of MODEL.md §3–5', () => {
    expect(rules.length).toBeGreaterThanOrEqual(30);
    const sections = new Set(rules.map((r) => /^§(\d)/.exec(r[0])?.[1]));
    for (const s of ['1', '2', '3', '4', '5', '6']) expect(sections, `a rule of §${s}`).toContain(s);
    for (const [rule, file, fns] of rules) {
      expect(ticked(file), rule).toHaveLength(1);
      expect(ticked(fns).length, rule).toBeGreaterThan(0);
    }
  });

  it('every named file exists and exports every named function', async () => {
    const missing: string[] = [];
    for (const [rule, fileCell, fnCell] of rules) {
      const [file] = ticked(fileCell);
      const abs = path.join(root, file);
      if (!existsSync(abs)) {
        missing.push(`${rule}: no file ${file}`);
        continue;
      }
      const mod = (await import(pathToFileURL(abs).href)) as Record<string, unknown>;
      for (const fn of ticked(fnCell)) {
        if (typeof mod[fn] !== 'function') missing.push(`${rule}: ${file} does not export ${fn}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('every source path the page mentions exists', () => {
    const paths = new Set(
      [...doc.matchAll(/`((?:src|workers|test)\/[^`\s]+)`/g)]
        .map((m) => m[1])
        .filter((p) => !p.includes('<')),
    );
    expect(paths.size).toBeGreaterThan(20);
    expect([...paths].filter((p) => !existsSync(path.join(root, p)))).toEqual([]);
  });

  it('is linked from the README', () => {
    expect(readFileSync(path.join(root, 'README.md'), 'utf8')).toContain('(docs/architecture.md)');
  });
});
