// The link packed off the page for large drafts (src/app/linkEncoder.ts, workers/link.worker.ts):
// the same fragment as encodeLink (the worker's packing is linkCodec's, the page's too), small
// links at once, the latest edit wins when a worker answers late, and a worker that fails or
// cannot be made leaves the packing to the page.
import { afterEach, describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { deflateSync, strToU8 } from 'fflate';
import { encodeLink, linkJson, readLink, type LinkState } from '../../src/app/link';
import { linkFromJson } from '../../src/app/linkCodec';
import { PRESETS } from '../../src/presets';

const b64url = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64').replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

/** A scenario whose link JSON is well over LINK_WORKER_CHARS. */
const big = (title: string): LinkState => ({
  scenario: { ...PRESETS[0].scenario, title, groups: Array.from({ length: 2000 }, (_, i) => ({ label: `g${i}`, count: 1, convictionProbability: 0.5, trialSentence: 3 })) },
  view: { tab: 'result' },
});

/** A stand-in for the link worker: answers with linkCodec's packing when told to, or fails. */
class FakeWorker {
  static made: FakeWorker[] = [];
  static throwOnNew = false;
  posted: { id: number; json: string }[] = [];
  listeners = new Map<string, ((e: unknown) => void)[]>();
  terminated = false;
  constructor() {
    if (FakeWorker.throwOnNew) throw new Error('no workers here');
    FakeWorker.made.push(this);
  }
  addEventListener(type: string, f: (e: unknown) => void) {
    this.listeners.set(type, [...(this.listeners.get(type) ?? []), f]);
  }
  postMessage(m: { id: number; json: string }) {
    this.posted.push(m);
  }
  terminate() {
    this.terminated = true;
  }
  answer(k: number) {
    const m = this.posted[k];
    for (const f of this.listeners.get('message') ?? []) f({ data: { id: m.id, hash: linkFromJson(m.json) } });
  }
  fail() {
    for (const f of this.listeners.get('error') ?? []) f({});
  }
}

async function fresh() {
  vi.resetModules();
  FakeWorker.made = [];
  FakeWorker.throwOnNew = false;
  vi.stubGlobal('Worker', FakeWorker);
  return import('../../src/app/linkEncoder');
}

afterEach(() => vi.unstubAllGlobals());

describe('the link packing', () => {
  it('is the same DEFLATE and base64url as before: linkFromJson(linkJson(state)) is encodeLink(state) (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...PRESETS), fc.constantFrom<LinkState['view']['tab']>('result', 'sweep', 'regimes'), fc.boolean(), (p, tab, asPreset) => {
        const state: LinkState = asPreset ? { preset: p.id, view: { tab } } : { scenario: p.scenario, view: { tab } };
        const json = linkJson(state);
        if (json === null) {
          expect(encodeLink(state)).toBe(`#preset=${p.id}`);
          return;
        }
        expect(encodeLink(state)).toBe(linkFromJson(json));
        expect(linkFromJson(json)).toBe(`#z=${b64url(deflateSync(strToU8(json), { level: 6 }))}`);
      }),
      { numRuns: 60 },
    );
  });

  it('a small link is packed at once, on the page', async () => {
    const { encodeLinkSoon } = await fresh();
    const got: string[] = [];
    const state: LinkState = { scenario: PRESETS[0].scenario, view: { tab: 'result' } };
    encodeLinkSoon(state, (h) => got.push(h));
    expect(got).toEqual([encodeLink(state)]);
    encodeLinkSoon({ preset: PRESETS[0].id, view: { tab: 'result' } }, (h) => got.push(h));
    expect(got[1]).toBe(`#preset=${PRESETS[0].id}`);
    expect(FakeWorker.made).toHaveLength(0);
  });

  it('a large one in the worker; a cancelled (older) job’s late answer is dropped, the latest is written', async () => {
    const { encodeLinkSoon, LINK_WORKER_CHARS } = await fresh();
    const a = big('first');
    const b = big('second');
    expect(linkJson(a)!.length).toBeGreaterThanOrEqual(LINK_WORKER_CHARS);
    const got: string[] = [];
    const cancelA = encodeLinkSoon(a, (h) => got.push(h));
    expect(got).toEqual([]); // not on the page
    cancelA(); // a newer edit came
    encodeLinkSoon(b, (h) => got.push(h));
    const w = FakeWorker.made[0];
    expect(FakeWorker.made).toHaveLength(1);
    w.answer(1);
    w.answer(0); // the older answer arrives late
    expect(got).toEqual([encodeLink(b)]);
    const r = readLink(got[0]);
    expect(r.kind === 'scenario' && r.doc.title).toBe('second');
  });

  it('a worker that fails: what was waiting is packed on the page, and the next job gets a fresh worker', async () => {
    const { encodeLinkSoon } = await fresh();
    const got: string[] = [];
    encodeLinkSoon(big('x'), (h) => got.push(h));
    FakeWorker.made[0].fail();
    expect(got).toEqual([encodeLink(big('x'))]);
    expect(FakeWorker.made[0].terminated).toBe(true);
    encodeLinkSoon(big('y'), (h) => got.push(h));
    expect(FakeWorker.made).toHaveLength(2);
    FakeWorker.made[1].answer(0);
    expect(got[1]).toBe(encodeLink(big('y')));
  });

  it('no worker can be made: packed on the page', async () => {
    const { encodeLinkSoon } = await fresh();
    FakeWorker.throwOnNew = true;
    const got: string[] = [];
    encodeLinkSoon(big('z'), (h) => got.push(h));
    expect(got).toEqual([encodeLink(big('z'))]);
  });
});
