import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
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

/**
 * The offline app (issue 11, item 6): a service worker (Workbox, generated at build time) that
 * precaches every file of the build — the lazy Sweep/Phase/tour chunks, the engine worker and its
 * chunks, the styles, icons and the JSON Schema — and answers navigations with index.html. It
 * has no runtime caching: it never fetches anything but the build's own files (same origin), so
 * the CSP's connect-src 'self' holds for it too. A new deployment waits until the user reloads
 * (registerType 'prompt'; src/app/offline.tsx asks).
 */
const pwa = VitePWA({
  registerType: 'prompt',
  injectRegister: false,
  // The manifest and the service worker in the build only (`npm start` stays uncached).
  devOptions: { enabled: false },
  manifest: {
    name: 'Holdout: plea-bargaining strikes',
    short_name: 'Holdout',
    description:
      'A workbench for the game theory of plea-bargaining strikes. Runs entirely in your browser, offline too.',
    start_url: './',
    scope: './',
    display: 'standalone',
    background_color: '#ffffff',
    theme_color: '#0072B2',
    icons: [
      { src: 'icons/icon-192.png', sizes: '192x192', type: 'image/png' },
      { src: 'icons/icon-512.png', sizes: '512x512', type: 'image/png' },
      { src: 'icons/icon.svg', sizes: 'any', type: 'image/svg+xml' },
      { src: 'icons/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
    ],
  },
  workbox: {
    globPatterns: ['**/*.{js,mjs,css,html,svg,png,json,webmanifest,woff2,wasm}'],
    // The engine bundle and the analysis chunks are large; every one must be precached.
    maximumFileSizeToCacheInBytes: 16 * 1024 * 1024,
    navigateFallback: 'index.html',
    cleanupOutdatedCaches: true,
    clientsClaim: false,
    skipWaiting: false,
    // No runtimeCaching: nothing outside the build is ever fetched or cached by the worker.
    runtimeCaching: [],
    // The Workbox runtime as a file of the build (no CDN), loaded with importScripts from 'self'.
    inlineWorkboxRuntime: false,
    sourcemap: false,
    // Minified whatever NODE_ENV says (the e2e build runs under vitest's NODE_ENV=test).
    mode: 'production',
  },
});

// One config for the app (vite) and the tests (vitest projects: unit and e2e).
export default defineConfig({
  base: './',
  plugins: [react(), csp(), pwa],
  // The CSP as an HTTP header: unlike the meta tag it also binds the engine worker (the dev
  // server's header is set again by the csp plugin, with the preamble's hash).
  server: { headers: otherHeaders },
  preview: { headers: { ...SECURITY_HEADERS } },
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    sourcemap: true,
    chunkSizeWarningLimit: 800,
    // A lazy chunk's JavaScript dependencies are fetched by its own import, not preloaded with
    // <link rel=modulepreload>: a preload that fails (the network down) is remembered by the
    // browser, so Retry could never load the chunk again (issue 11 item 3, issue 12). Its CSS
    // is still loaded with it; index.html keeps its preloads (the start-up chunks).
    modulePreload: {
      resolveDependencies: (_file, deps, { hostType }) =>
        hostType === 'html' ? deps : deps.filter((d) => d.endsWith('.css')),
    },
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/**/*.test.{ts,tsx}'],
          exclude: ['test/e2e/**'],
          environment: 'node',
          // A timeout here catches a hang, not slowness (speed is `npm run bench`'s): property
          // tests and the in-process app tests took 5–20 s on a 2-core machine at load 11–18.
          testTimeout: 30_000,
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
