// Every stylesheet parses: braces balance outside comments and strings. (A merge once dropped a
// closing brace, and every rule after it — the totals' help tips among them — silently broke.)
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../../src');
function cssFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = path.join(dir, f);
    return statSync(p).isDirectory() ? cssFiles(p) : f.endsWith('.css') ? [p] : [];
  });
}

/** The depth of {} nesting at the end, or the first line where it went negative. */
function braceProblem(css: string): string | null {
  const text = css.replace(/\/\*[\s\S]*?\*\//g, (c) => c.replace(/[^\n]/g, ' ')).replace(/"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'/g, '""');
  let depth = 0;
  const open: number[] = [];
  let line = 1;
  for (const ch of text) {
    if (ch === '\n') line++;
    else if (ch === '{') {
      depth++;
      open.push(line);
    } else if (ch === '}') {
      depth--;
      open.pop();
      if (depth < 0) return `an unmatched } on line ${line}`;
    }
  }
  return depth === 0 ? null : `a { on line ${open[open.length - 1]} is never closed`;
}

describe('stylesheets', () => {
  const files = cssFiles(root);
  it('are found', () => expect(files.length).toBeGreaterThan(3));
  it.each(files.map((f) => [path.relative(root, f), f]))('%s balances its braces', (_, f) => {
    expect(braceProblem(readFileSync(f, 'utf8'))).toBeNull();
  });
});
