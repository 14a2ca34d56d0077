// The engine is pure TypeScript: lint and its own tsconfig wall it off from the DOM, React,
// comlink and Node. These tests prove the walls stand (a violation fails `npm test`): the engine
// is compiled with the ES library alone (no DOM, no Node types) and compiles, while a probe that
// touches `document` or `process` does not; outside the engine, code imports it only through
// src/engine/index.ts.
import { ESLint } from 'eslint';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { LEVERS } from '../../src/engine/levers';

describe('engine walls', () => {
  const eslint = new ESLint({ cwd: process.cwd() });
  const lint = async (code: string) =>
    (await eslint.lintText(code, { filePath: 'src/engine/regimes/_probe.ts' }))[0].messages.map(
      (m) => m.ruleId,
    );
  it('rejects React, comlink, d3-selection and Node built-ins in the engine', async () => {
    for (const mod of ['react', 'comlink', 'd3-selection', 'node:fs']) {
      expect(await lint(`import * as x from '${mod}';\nexport const y = x;\n`)).toContain(
        'no-restricted-imports',
      );
    }
  });
  it('rejects DOM globals and Math.random in the engine', async () => {
    expect(await lint('export const y = document.title;\n')).toContain('no-restricted-globals');
    expect(await lint('export const y = Math.random();\n')).toContain('no-restricted-properties');
  });
  it('outside the engine, imports go through src/engine/index.ts', async () => {
    const lintAt = async (filePath: string, code: string) =>
      (await eslint.lintText(code, { filePath }))[0].messages.map((m) => m.ruleId);
    const deep =
      "import { parseScenario } from '../../engine/scenario/parse';\nexport const p = parseScenario;\n";
    const front =
      "import { parseScenario } from '../../engine';\nexport const p = parseScenario;\n";
    for (const file of ['src/components/results/_probe.tsx', 'src/charts/ladder/_probe.ts']) {
      expect(await lintAt(file, deep)).toContain('no-restricted-imports');
      expect(await lintAt(file, front)).toEqual([]);
    }
    for (const [file, from] of [
      ['src/client/_probe.ts', '../engine/api'],
      ['src/cli/_probe.ts', '../engine/solve'],
      ['src/library/_probe.ts', '../engine/index'],
    ]) {
      expect(await lintAt(file, `import * as x from '${from}';\nexport const y = x;\n`)).toContain(
        'no-restricted-imports',
      );
    }
    // Inside the engine, files import each other directly; the client's own engine.ts is not the engine.
    expect(
      await lintAt(
        'src/engine/sweep/_probe.ts',
        deep.replace('../../engine/scenario', '../scenario'),
      ),
    ).toEqual([]);
    expect(
      await lintAt(
        'src/client/_probe.ts',
        "import { enginePool } from './engine';\nexport const y = enginePool;\n",
      ),
    ).toEqual([]);
  });
  it('allows zod and pure code', async () => {
    expect(await lint("import { z } from 'zod';\nexport const s = z.number();\n")).toEqual([]);
  });
  it('compiles the engine without the DOM library', () => {
    const cfg = JSON.parse(readFileSync('tsconfig.engine.json', 'utf8'));
    expect(cfg.compilerOptions.lib).toEqual(['ES2023']);
    expect(cfg.compilerOptions.types).toEqual([]);
    expect(cfg.include).toEqual(['src/engine']);
  });
});

const root = path.resolve(import.meta.dirname, '../..');

function tsFiles(dir: string, out: string[] = []): string[] {
  for (const f of readdirSync(dir)) {
    const p = path.join(dir, f);
    if (statSync(p).isDirectory()) tsFiles(p, out);
    else if (/\.tsx?$/.test(f)) out.push(p);
  }
  return out;
}

/** Compile with the ES2022 library only: no DOM, no Node types, nothing from node_modules/@types. */
function compileEsOnly(
  rootNames: string[],
  virtual: Record<string, string> = {},
): { errors: string[]; loaded: string[] } {
  const options: ts.CompilerOptions = {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    lib: ['lib.es2022.d.ts'],
    types: [],
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    isolatedModules: true,
    verbatimModuleSyntax: true,
    resolveJsonModule: true,
  };
  const host = ts.createCompilerHost(options);
  const read = host.readFile.bind(host);
  const exists = host.fileExists.bind(host);
  host.readFile = (f) => virtual[f] ?? read(f);
  host.fileExists = (f) => f in virtual || exists(f);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (f, lang, ...rest) =>
    f in virtual ? ts.createSourceFile(f, virtual[f], lang) : getSourceFile(f, lang, ...rest);
  const program = ts.createProgram({
    rootNames: [...rootNames, ...Object.keys(virtual)],
    options,
    host,
  });
  const errors = ts
    .getPreEmitDiagnostics(program)
    .map(
      (d) =>
        `${d.file ? path.relative(root, d.file.fileName) : ''}: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`,
    );
  return { errors, loaded: program.getSourceFiles().map((f) => f.fileName) };
}

describe('the no-DOM wall, proved by compiling', () => {
  it('src/engine compiles with lib ES2022 alone, and never loads the DOM or Node typings', () => {
    const files = tsFiles(path.join(root, 'src/engine'));
    expect(files.length).toBeGreaterThan(50);
    const { errors, loaded } = compileEsOnly(files);
    expect(errors).toEqual([]);
    expect(loaded.filter((f) => /lib\.dom|lib\.webworker|@types\/node/.test(f))).toEqual([]);
    expect(loaded.some((f) => f.endsWith('lib.es2022.d.ts'))).toBe(true);
  }, 180_000);

  it('a probe in the engine that uses document, window or process does not compile', () => {
    const probe = path.join(root, 'src/engine/__probe__.ts');
    const { errors } = compileEsOnly([], {
      [probe]: [
        "import { EPS } from './numeric';",
        'export const title: string = document.title;',
        'export const w = window.innerWidth;',
        'export const env = process.env.HOME;',
        'export const e = EPS;',
        '',
      ].join('\n'),
    });
    expect(errors.map((e) => e.replace(/ Do you need.*$/, ''))).toEqual([
      "src/engine/__probe__.ts: Cannot find name 'document'.",
      "src/engine/__probe__.ts: Cannot find name 'window'.",
      "src/engine/__probe__.ts: Cannot find name 'process'.",
    ]);
  });

  it('the engine imports no package but zod (no react, comlink, d3 or Node built-ins)', () => {
    const bare = new Set<string>();
    for (const f of tsFiles(path.join(root, 'src/engine'))) {
      for (const m of readFileSync(f, 'utf8').matchAll(
        /^\s*(?:import|export)\b[^'"]*?from\s+'([^'.][^']*)'/gm,
      )) {
        bare.add(m[1]);
      }
    }
    expect([...bare]).toEqual(['zod']);
  });
});

describe('lever registry', () => {
  it('every lever declares a unique id, a label, help, its parameters and a citation', () => {
    const ids = LEVERS.map((l) => l.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const l of LEVERS) {
      expect(l.label.length).toBeGreaterThan(3);
      expect(l.help.length).toBeGreaterThan(10);
      expect(l.parameters.length).toBeGreaterThan(0);
      expect(l.citation.length).toBeGreaterThan(5);
    }
  });
});
