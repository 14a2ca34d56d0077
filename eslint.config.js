// Lint walls: the engine (src/engine) is pure TypeScript. It may import zod and pure d3
// modules, never the DOM, React, comlink or Node built-ins; the rest of src/ imports it only
// through src/engine/index.ts. A violation fails `npm test`.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const engineForbidden = {
  paths: [
    { name: 'react', message: 'The engine is pure: no React.' },
    { name: 'react-dom', message: 'The engine is pure: no React.' },
    { name: 'comlink', message: 'The engine is pure: comlink belongs in workers/ and src/client.' },
    { name: 'd3', message: 'Import pure d3 modules (d3-array, d3-random) in the engine, not d3.' },
    { name: 'd3-selection', message: 'The engine is pure: no DOM.' },
  ],
  patterns: [
    { group: ['node:*', 'fs', 'path', 'os', 'child_process'], message: 'The engine runs in browsers too: no Node built-ins.' },
    { group: ['**/components/**', '**/charts/**', '**/client/**', '**/app/**', '**/cli/**'], message: 'The engine may not import the app.' },
  ],
};

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**', 'public/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-constant-condition': ['error', { checkLoops: false }],
    },
  },
  {
    // The page's code never imports the solver statically: it is computed in the workers, and
    // the client's inline answers load it on demand (import('../engine/compute') in
    // src/client/inline.ts), so the start-up chunks stay without it (issue 12). Node's code
    // (the CLI, the figure builder) imports it.
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/engine/**', 'src/cli/**', 'src/figure/build.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(\\.\\.?/)+(src/)?engine/.+',
              message:
                "Import the engine from its index (e.g. '../engine'). The page computes in the workers; only src/client/inline.ts loads '../engine/compute', on demand (import()).",
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}', 'workers/**/*.ts'],
    ignores: ['src/cli/**'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
    },
  },
  {
    files: ['src/engine/**/*.ts'],
    languageOptions: { globals: { ...globals.es2021 } },
    rules: {
      'no-restricted-imports': ['error', engineForbidden],
      'no-restricted-globals': [
        'error',
        { name: 'window', message: 'The engine is pure: no DOM.' },
        { name: 'document', message: 'The engine is pure: no DOM.' },
        { name: 'self', message: 'The engine is pure: no worker globals.' },
        { name: 'postMessage', message: 'The engine is pure: no worker globals.' },
        { name: 'process', message: 'The engine runs in browsers too.' },
      ],
      'no-restricted-properties': ['error', { object: 'Math', property: 'random', message: 'Use the seeded generator (src/engine/random).' }],
    },
  },
  {
    // The engine's front doors: outside src/engine, code imports the engine only from
    // src/engine/index.ts, and its computing functions from src/engine/compute.ts (the worker,
    // which exposes api.ts, and the tests may reach inside).
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/engine/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(\\.\\.?/)+(src/)?engine/(?!compute$).+',
              message:
                "Import the engine from its index (e.g. '../engine'), or its computing functions from '../engine/compute', not from a file inside it: those two are its public surface.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}', 'workers/**/*.ts'],
    ignores: ['src/engine/**', 'src/cli/**'],
    rules: {
      'no-restricted-properties': ['error', { object: 'Math', property: 'random', message: 'Results must come from the scenario seed.' }],
    },
  },
);
