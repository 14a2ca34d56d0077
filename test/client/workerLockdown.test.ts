// The engine worker's lockdown (workers/network.ts), on a fake worker scope built like a real
// one: the network functions live on prototypes, as WorkerGlobalScope's do. The e2e test
// (test/e2e/reliability.test.ts) checks the real engine worker in Chromium.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { NETWORK_GLOBALS, NoNetworkError, removeNetwork } from '../../workers/network';

function fakeScope() {
  const calls: string[] = [];
  const proto: Record<string, unknown> = {};
  for (const name of NETWORK_GLOBALS) proto[name] = () => calls.push(name);
  const navProto = { sendBeacon: () => calls.push('sendBeacon') };
  const scope = Object.create(proto) as Record<string, unknown>;
  scope.navigator = Object.create(navProto) as object;
  scope.postMessage = () => calls.push('postMessage');
  scope.fetch = () => calls.push('own fetch'); // an own property too
  return { scope, calls, proto };
}

describe('removeNetwork', () => {
  it('reports every capability it found', () => {
    const { scope } = fakeScope();
    expect(removeNetwork(scope)).toEqual([...NETWORK_GLOBALS, 'navigator.sendBeacon']);
  });

  it('leaves each one throwing, on the scope and on its prototypes', () => {
    const { scope, calls, proto } = fakeScope();
    removeNetwork(scope);
    for (const name of NETWORK_GLOBALS) {
      expect(() => (scope[name] as () => void)()).toThrow(NoNetworkError);
      expect(Object.prototype.hasOwnProperty.call(proto, name)).toBe(false);
    }
    const nav = scope.navigator as { sendBeacon: () => void };
    expect(() => nav.sendBeacon()).toThrow('navigator.sendBeacon is disabled');
    expect(calls).toEqual([]);
  });

  it('cannot be undone by assignment or redefinition', () => {
    const { scope } = fakeScope();
    removeNetwork(scope);
    expect(() => {
      'use strict';
      scope.fetch = () => 'restored';
    }).toThrow(TypeError);
    expect(() => Object.defineProperty(scope, 'fetch', { value: () => 'restored' })).toThrow(
      TypeError,
    );
    expect(() => (scope.fetch as () => void)()).toThrow(NoNetworkError);
  });

  it('leaves the rest of the scope alone (comlink needs postMessage)', () => {
    const { scope, calls } = fakeScope();
    removeNetwork(scope);
    (scope.postMessage as () => void)();
    expect(calls).toEqual(['postMessage']);
  });

  it('runs first in the engine worker, before comlink and the engine', () => {
    const src = readFileSync(new URL('../../workers/engine.worker.ts', import.meta.url), 'utf8');
    const imports = [...src.matchAll(/^import .*?['"](.+)['"];$/gm)].map((m) => m[1]);
    expect(imports).toEqual(['./lockdown', './alive', 'comlink', '../src/engine/api', '../src/client/rowCodec', '../src/client/argCodec']);
  });
});
