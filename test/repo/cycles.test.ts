// No import cycles among the source files (src/ and workers/), found with the TypeScript
// compiler's parser and Tarjan's strongly connected components. A value import cycle (one that
// survives compilation) is never allowed. Cycles through `import type` are erased at compile
// time; the few the engine still has are listed here, and none may be added.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');

function sourceFiles(dir: string, out: string[] = []): string[] {
  for (const f of readdirSync(dir)) {
    const p = path.join(dir, f);
    if (statSync(p).isDirectory()) sourceFiles(p, out);
    else if (/\.tsx?$/.test(f) && !f.endsWith('.d.ts')) out.push(p);
  }
  return out;
}

function resolveImport(from: string, spec: string): string | null {
  if (!spec.startsWith('.')) return null;
  const base = path.resolve(path.dirname(from), spec);
  for (const c of [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts'), path.join(base, 'index.tsx')]) {
    if (existsSync(c) && statSync(c).isFile()) return c;
  }
  return null;
}

/** Each file's imports (relative, resolved), with whether each is erased at compile time. */
function importGraph(files: readonly string[], withTypes: boolean): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const f of files) {
    const sf = ts.createSourceFile(f, readFileSync(f, 'utf8'), ts.ScriptTarget.Latest, false);
    const deps: string[] = [];
    for (const st of sf.statements) {
      let spec: string | null = null;
      let typeOnly = false;
      if (ts.isImportDeclaration(st) && ts.isStringLiteral(st.moduleSpecifier)) {
        spec = st.moduleSpecifier.text;
        const c = st.importClause;
        const named = c?.namedBindings;
        typeOnly =
          !!c &&
          (c.isTypeOnly ||
            (!c.name && !!named && ts.isNamedImports(named) && named.elements.length > 0 && named.elements.every((e) => e.isTypeOnly)));
      } else if (ts.isExportDeclaration(st) && st.moduleSpecifier && ts.isStringLiteral(st.moduleSpecifier)) {
        spec = st.moduleSpecifier.text;
        typeOnly = st.isTypeOnly;
      }
      if (spec === null || (typeOnly && !withTypes)) continue;
      const r = resolveImport(f, spec);
      if (r) deps.push(r);
    }
    graph.set(f, deps);
  }
  return graph;
}

/** The strongly connected components with more than one file (or a file importing itself). */
function cycles(graph: Map<string, string[]>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const found: string[][] = [];
  const visit = (v: string) => {
    index.set(v, next);
    low.set(v, next);
    next++;
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const scc: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        scc.push(w);
      } while (w !== v);
      if (scc.length > 1 || (graph.get(v) ?? []).includes(v)) {
        found.push(scc.map((f) => path.relative(root, f).split(path.sep).join('/')).sort());
      }
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return found;
}

const files = [...sourceFiles(path.join(root, 'src')), ...sourceFiles(path.join(root, 'workers'))];

/** Type-only cycles the engine still has (each a set of files); fixing one shrinks this list. */
const KNOWN_TYPE_CYCLES: readonly (readonly string[])[] = [
  // Through optimalItems.ts since it left optimal.ts (2026-12-02, issue 12): arrivals,
  // knapsackItems and optimal are out of it.
  [
    'src/engine/population/kinds.ts',
    'src/engine/regimes/decision.ts',
    'src/engine/regimes/optimalItems.ts',
    'src/engine/scenario/compose.ts',
    'src/engine/scenario/rules.ts',
    'src/engine/scenario/schema.ts',
  ],
  ['src/engine/regimes/priority.ts', 'src/engine/regimes/tally.ts'],
  ['src/engine/regimes/priorityKinds.ts', 'src/engine/solve.ts'],
];

describe('import cycles', () => {
  it('the checker finds a cycle when there is one', () => {
    const g = new Map([
      ['/r/src/a.ts', ['/r/src/b.ts']],
      ['/r/src/b.ts', ['/r/src/c.ts']],
      ['/r/src/c.ts', ['/r/src/a.ts']],
      ['/r/src/d.ts', ['/r/src/a.ts']],
    ]);
    expect(cycles(g).map((c) => c.length)).toEqual([3]);
    expect(cycles(new Map([['/r/x.ts', ['/r/x.ts']]]))).toHaveLength(1);
  });

  it('no value import cycle anywhere in src/ and workers/ (engine, app, components, charts …)', () => {
    expect(files.length).toBeGreaterThan(150);
    expect(cycles(importGraph(files, false))).toEqual([]);
  });

  it('no type-only cycle beyond the known ones in the engine', () => {
    const extra = cycles(importGraph(files, true)).filter(
      (c) => !KNOWN_TYPE_CYCLES.some((known) => c.every((f) => known.includes(f))),
    );
    expect(extra).toEqual([]);
  });
});
