import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { cspHeader, cspMeta, SECURITY_HEADERS } from './src/app/csp.ts';

const CSP_TAG = /<meta\s+http-equiv="Content-Security-Policy"\s+content="[^"]*"\s*\/>/;

/**
 * The CSP from src/app/csp.ts, one policy for index.html's meta tag and the servers' header.
 * The production build has no inline script. The dev server has one (the React refresh
 * preamble): its sha256 is allowed by hash, so `npm start` runs under the same strict policy.
 */
function csp(): Plugin {
  const hashes = new Set<string>();
  let ready: Promise<unknown> | null = null;
  return {
    name: 'holdout-csp',
    transformIndexHtml: {
      order: 'post',
      handler(html) {
        if (!CSP_TAG.test(html))
          throw new Error('index.html lost its Content-Security-Policy meta tag');
        for (const m of html.matchAll(/<script\b(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)) {
          if (m[1].trim() === '') continue;
          hashes.add(`sha256-${createHash('sha256').update(m[1]).digest('base64')}`);
        }
        return html.replace(
          CSP_TAG,
          `<meta http-equiv="Content-Security-Policy" content="${cspMeta([...hashes])}" />`,
        );
      },
    },
    configureServer(server) {
      // Before any response: learn the inline scripts' hashes once, then send the header.
      server.middlewares.use((_req, res, next) => {
        ready ??= server.transformIndexHtml(
          '/',
          readFileSync(path.join(server.config.root, 'index.html'), 'utf8'),
        );
        ready.then(
          () => {
            res.setHeader('Content-Security-Policy', cspHeader([...hashes]));
            next();
          },
          (e: unknown) => next(e),
        );
      });
    },
  };
}

// The dev server's CSP header comes from the csp plugin (it knows the preamble's hash).
const { 'Content-Security-Policy': _csp, ...otherHeaders } = SECURITY_HEADERS;

// One config for the app (vite) and the tests (vitest projects: unit and e2e).
export default defineConfig({
  base: './',
  plugins: [react(), csp()],
  // The CSP as an HTTP header: unlike the meta tag it also binds the engine worker (the dev
  // server's header is set again by the csp plugin, with the preamble's hash).
  server: { headers: otherHeaders },
  preview: { headers: { ...SECURITY_HEADERS } },
  worker: { format: 'es' },
  build: { target: 'es2022', sourcemap: true, chunkSizeWarningLimit: 800 },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/**/*.test.{ts,tsx}'],
          exclude: ['test/e2e/**'],
          environment: 'node',
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['test/e2e/globalSetup.ts'],
          testTimeout: 120_000,
          hookTimeout: 300_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
