// Build the production app and serve it on 127.0.0.1 (a free port) for the e2e tests:
// the tests exercise exactly what `npm run build` ships.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, preview, type PreviewServer } from 'vite';
import type { TestProject } from 'vitest/node';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
// Under node_modules/.cache: ignored by git, lint and prettier, and apart from dist/ so that
// `npm run build` and the e2e tests never clobber each other.
const outDir = path.join(root, 'node_modules', '.cache', 'holdout-e2e-dist');

export default async function setup(project: TestProject) {
  const shared = {
    root,
    configFile: path.join(root, 'vite.config.ts'),
    logLevel: 'warn' as const,
    build: { outDir, emptyOutDir: true },
  };
  // What `npm run build` ships: production React too (vitest sets NODE_ENV=test, under which
  // Vite would bundle React's development build, several times slower).
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ ...shared, mode: 'production' });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
  const server: PreviewServer = await preview({
    ...shared,
    preview: { port: 0, host: '127.0.0.1', strictPort: true, open: false },
  });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('The preview server did not report its address.');
  project.provide('baseURL', url);
  return async () => {
    await server.close();
  };
}
