// The engine is pure TypeScript: lint and its own tsconfig wall it off from the DOM, React,
// comlink and Node. These tests prove the walls stand (a violation fails `npm test`).
import { ESLint } from 'eslint';
import { readFileSync } from 'node:fs';
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
