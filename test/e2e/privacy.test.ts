// Privacy enforced, not claimed: the production server sends the Content-Security-Policy as a
// header (so it binds workers too), and the engine worker itself has no network at all. A
// server on another origin counts every request that reaches it: none may.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Worker } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { CSP_HEADER } from '../../src/app/csp';
import { expectClean, useBrowser, type Watched } from './browser';

const baseURL = inject('baseURL');
const { open } = useBrowser(baseURL);

let elsewhere: http.Server;
let target = '';
const hits: string[] = [];

beforeAll(async () => {
  elsewhere = http.createServer((req, res) => {
    hits.push(`${req.method} ${req.url}`);
    res.writeHead(200, { 'Access-Control-Allow-Origin': '*' });
    res.end('leaked');
  });
  await new Promise<void>((resolve) => elsewhere.listen(0, 'localhost', resolve));
  target = `http://localhost:${(elsewhere.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => elsewhere.close(() => resolve())));

async function engineWorker(w: Watched): Promise<Worker> {
  await w.page.waitForFunction(
    () =>
      document.querySelector<HTMLElement>('[data-testid=result-status]')?.dataset.status === 'done',
    undefined,
    { timeout: 60_000 },
  );
  const worker = w.page.workers().find((x) => x.url().includes('engine.worker'));
  if (!worker)
    throw new Error(
      `no engine worker among ${w.page
        .workers()
        .map((x) => x.url())
        .join(', ')}`,
    );
  return worker;
}

describe('the Content-Security-Policy is an HTTP header', () => {
  it('on the page and on the engine worker script', async () => {
    const w = await open('');
    const worker = await engineWorker(w);
    for (const url of [baseURL, worker.url()]) {
      const res = await fetch(url);
      expect(res.headers.get('content-security-policy'), url).toBe(CSP_HEADER);
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    }
    expect(CSP_HEADER).toContain("connect-src 'self'");
    expectClean(w);
  });
});

describe('the engine worker cannot reach any origin', () => {
  it('has no fetch, XMLHttpRequest, WebSocket, EventSource, importScripts, nested workers or caches', async () => {
    const w = await open('');
    const worker = await engineWorker(w);
    const outcomes = await worker.evaluate(async (to: string) => {
      const scope = self as unknown as Record<string, unknown>;
      const attempts: [string, () => unknown][] = [
        ['fetch', () => (scope.fetch as typeof fetch)(to)],
        [
          'XMLHttpRequest',
          () => {
            const x = new (scope.XMLHttpRequest as typeof XMLHttpRequest)();
            x.open('GET', to);
            x.send();
          },
        ],
        ['WebSocket', () => new (scope.WebSocket as typeof WebSocket)(to.replace('http', 'ws'))],
        ['EventSource', () => new (scope.EventSource as typeof EventSource)(to)],
        ['importScripts', () => (scope.importScripts as (u: string) => void)(`${to}/x.js`)],
        ['Worker', () => new (scope.Worker as typeof Worker)(`${to}/w.js`)],
        ['caches', () => (scope.caches as CacheStorage).open('x')],
      ];
      const out: Record<string, string> = {};
      for (const [name, attempt] of attempts) {
        try {
          await attempt();
          out[name] = 'allowed';
        } catch (e) {
          out[name] = (e as Error).name;
        }
      }
      // Through the prototype chain, too.
      const proto = Object.getPrototypeOf(self) as Record<string, unknown>;
      out.protoFetch = typeof proto.fetch;
      return out;
    }, target);
    expect(outcomes).toEqual({
      fetch: 'NoNetworkError',
      XMLHttpRequest: 'NoNetworkError',
      WebSocket: 'NoNetworkError',
      EventSource: 'NoNetworkError',
      importScripts: 'NoNetworkError',
      Worker: 'NoNetworkError',
      caches: 'TypeError', // caches is pinned to a function: caches.open is not a function
      protoFetch: 'undefined',
    });
    // The engine still works after all that.
    await w.page.getByLabel('Preset', { exact: true }).selectOption({ index: 1 });
    await engineWorker(w);
    expect(hits).toEqual([]);
    expectClean(w);
  });

  it('and a worker the page might start from a blob is held by the CSP header', async () => {
    const w = await open('');
    await engineWorker(w);
    const outcome = await w.page.evaluate(async (to: string) => {
      const src = `fetch(${JSON.stringify(to)}).then(() => postMessage('reached'), (e) => postMessage('blocked: ' + e.name));`;
      const worker = new Worker(URL.createObjectURL(new Blob([src], { type: 'text/javascript' })));
      return new Promise<string>((resolve) => {
        worker.onmessage = (ev) => resolve(String(ev.data));
      });
    }, target);
    expect(outcome).toBe('blocked: TypeError');
    expect(hits).toEqual([]);
    // The only console errors: the CSP refusing that request.
    expect(
      w.errors.every((e) => /Content Security Policy|Failed to fetch|connect-src/i.test(e)),
      w.errors.join('\n'),
    ).toBe(true);
    expect(w.foreign).toEqual([]);
  });
});
