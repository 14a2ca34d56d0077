// @vitest-environment jsdom
// One file opener (src/app/openFile.ts) for the header's picker, drag and drop on the page, and
// the library's import: file → scenario for any valid scenario (property), the size cap before a
// byte is read, the UTF-8 check naming the byte, a byte-order mark dropped; and each of the three
// doors says the same thing about the same bad file and changes nothing.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { act, cleanup, fireEvent, render, renderHook, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { OFF_THREAD_BYTES, openScenarioFile, openScenarioText, readFileText } from '../../src/app/openFile';
import { useScenarioDraft } from '../../src/components/editor/useScenarioDraft';
import { App } from '../../src/app/App';
import { LibraryDialog } from '../../src/library/LibraryDialog';
import { openLibrary } from '../../src/library/store';
import { createEnginePool, EngineProvider } from '../../src/client';
import { parseScenario, readScenarioFile } from '../../src/engine/scenario/parse';
import { scenarioFileText } from '../../src/components/export/exportData';
import { PRESETS } from '../../src/presets';
import { scenarioArb } from '../engine/arbitraries';
import { inProcessWorkers } from '../client/inProcessWorker';

const fileOf = (bytes: Uint8Array, name = 'city.scenario.json', size = bytes.length) => ({
  name,
  size,
  arrayBuffer: async () => bytes.slice().buffer,
});
const enc = (t: string) => new TextEncoder().encode(t);
const NOT_UTF8 = new Uint8Array([0x7b, 0x22, 0x61, 0xff, 0x22, 0x7d]); // {"a\xff"}

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
  history.replaceState(null, '', '#');
});
afterEach(cleanup);

describe('openScenarioFile', () => {
  it('file → scenario: any valid scenario’s file opens to that scenario, with or without a byte-order mark (property)', async () => {
    await fc.assert(
      fc.asyncProperty(scenarioArb({ maxGroups: 3 }), fc.boolean(), async (s, bom) => {
        const text = (scenarioFileText(s) as { ok: true; value: string }).value;
        const r = await openScenarioFile(fileOf(enc(bom ? `\uFEFF${text}` : text)));
        if (!r.ok) throw new Error(r.errors.map((e) => e.text).join('; '));
        const direct = parseScenario(JSON.parse(text));
        if (!direct.ok) throw new Error('arbitrary');
        expect(r.scenario).toEqual(direct.scenario);
        expect(r.doc).toEqual(JSON.parse(text));
        expect(r.text).toBe(text);
      }),
      { numRuns: 60 },
    );
  });

  it('refuses a file over the cap before reading it, and text that is not UTF-8 naming the byte', async () => {
    let read = false;
    const big = await readFileText({ name: 'big.json', size: 101, arrayBuffer: async () => ((read = true), new ArrayBuffer(0)) }, 100);
    expect(read).toBe(false);
    expect(big).toEqual({ ok: false, name: 'big.json', text: null, errors: [{ path: 'file', message: 'is 101 bytes, larger than 100 bytes, the largest scenario file Holdout reads', text: 'file: is 101 bytes, larger than 100 bytes, the largest scenario file Holdout reads' }] });
    expect((await openScenarioFile(fileOf(NOT_UTF8))).ok).toBe(false);
    expect(await readFileText(fileOf(NOT_UTF8))).toMatchObject({ ok: false, errors: [{ text: 'file: is not UTF-8 text at byte 4; save it as UTF-8' }] });
  });

  it('a scenario with problems: every message with its field path, the text kept', () => {
    const text = JSON.stringify({ schemaVersion: 1, groups: [{ count: 3, convictionProbability: 1.7, trialSentence: -1 }], prosecutor: { budget: 1, regime: 'nope' } });
    const r = openScenarioText('bad.json', text);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.text).toBe(text);
    expect(r.errors.map((e) => e.path)).toEqual(expect.arrayContaining(['groups[0].convictionProbability', 'groups[0].trialSentence', 'prosecutor.regime']));
  });
});

describe('the three doors open files through it', () => {
  const mount = () => {
    const pool = createEnginePool({ createWorker: inProcessWorkers, size: 1 });
    render(
      <EngineProvider pool={pool}>
        <App />
      </EngineProvider>,
    );
  };
  const title = () => (screen.getByLabelText('Title', { exact: true }) as HTMLInputElement).value;
  const dropFile = (file: File) =>
    act(() => {
      const ev = new Event('drop', { bubbles: true, cancelable: true });
      Object.defineProperty(ev, 'dataTransfer', { value: { types: ['Files'], files: [file] } });
      window.dispatchEvent(ev);
    });

  it('the header’s picker and drag and drop: a file that is not UTF-8 says so and changes nothing; a good one opens', async () => {
    mount();
    await waitFor(() => expect(screen.getByTestId('result-status').dataset.status).toBe('done'));
    const before = title();
    const user = userEvent.setup();
    await user.upload(screen.getByTestId('open-file'), new File([NOT_UTF8], 'latin1.json', { type: 'application/json' }));
    await waitFor(() => expect(screen.getByTestId('file-problem').textContent).toContain('file: is not UTF-8 text at byte 4; save it as UTF-8'));
    expect(title()).toBe(before);
    fireEvent.click(screen.getByRole('button', { name: 'Dismiss' }));

    await dropFile(new File([NOT_UTF8], 'dropped.json', { type: 'application/json' }));
    await waitFor(() => expect(screen.getByTestId('file-problem').textContent).toContain('“dropped.json” was not opened: nothing changed'));
    expect(screen.getByTestId('file-problem').textContent).toContain('file: is not UTF-8 text at byte 4');
    expect(title()).toBe(before);

    const lottery = PRESETS.find((p) => p.id === 'bgb-lottery')!;
    await dropFile(new File([`\uFEFF${JSON.stringify(lottery.scenario)}`], 'lottery.json', { type: 'application/json' }));
    await waitFor(() => expect(title()).toBe(lottery.scenario.title));
    expect(screen.queryByTestId('file-problem')).toBeNull();
  }, 30_000);

  it('the library’s import: the same check, nothing imported', async () => {
    const library = openLibrary();
    render(<LibraryDialog open onClose={() => {}} library={library} draft={PRESETS[0].scenario} onOpenEntry={() => {}} />);
    const input = await waitFor(() => {
      const el = document.querySelector<HTMLInputElement>('dialog input[type=file]');
      if (!el) throw new Error('no import input');
      return el;
    });
    await userEvent.setup().upload(input, new File([NOT_UTF8], 'lib.json', { type: 'application/json' }));
    await waitFor(() => expect(document.querySelector('dialog')?.textContent).toContain('lib.json was not imported; nothing changed'));
    expect(document.querySelector('dialog')?.textContent).toContain('file: is not UTF-8 text at byte 4; save it as UTF-8');
    expect(await (await library).list()).toEqual([]);
  });
});

describe('a large file is read in the engine worker', () => {
  // The worker's side, run here: the engine's readScenarioFile (what the worker runs) must give
  // the opener the same answer as reading the file on the main thread.
  const inWorker = async (bytes: Uint8Array) => readScenarioFile(bytes);
  const files: [string, Uint8Array][] = [
    ['valid', enc(JSON.stringify(PRESETS[0].scenario))],
    ['valid with a byte-order mark', enc(`\uFEFF${JSON.stringify(PRESETS[0].scenario, null, 2)}`)],
    ['an older schemaVersion', enc(JSON.stringify({ ...PRESETS[0].scenario, schemaVersion: 0 }))],
    ['a newer schemaVersion', enc(JSON.stringify({ ...PRESETS[0].scenario, schemaVersion: 9 }))],
    ['not UTF-8', NOT_UTF8],
    ['broken JSON', enc('{"schemaVersion": 1,\n  "groups": [1, 2,]\n}')],
    ['a key twice', enc('{"schemaVersion": 1, "title": "a", "title": "b"}')],
    ['field problems', enc(JSON.stringify({ schemaVersion: 1, groups: [{ count: 3, convictionProbability: 1.7, trialSentence: -1 }], prosecutor: { budget: 1, regime: 'nope' } }))],
    ['empty', new Uint8Array(0)],
    ['not an object', enc('[1, 2, 3]')],
  ];
  for (const [what, bytes] of files) {
    it(`${what}: the same answer as the main thread`, async () => {
      const here = await openScenarioFile(fileOf(bytes), undefined, null);
      const sent: Uint8Array[] = [];
      const there = await openScenarioFile(fileOf(bytes), undefined, (b) => (sent.push(b), inWorker(b)), 0);
      expect(sent).toHaveLength(1);
      expect(there).toEqual(here);
    });
  }

  it('any valid scenario’s file: the same answer either way (property)', async () => {
    await fc.assert(
      fc.asyncProperty(scenarioArb({ maxGroups: 3 }), fc.boolean(), async (s, bom) => {
        const text = (scenarioFileText(s) as { ok: true; value: string }).value;
        const bytes = enc(bom ? `\uFEFF${text}` : text);
        const here = await openScenarioFile(fileOf(bytes), undefined, null);
        expect(await openScenarioFile(fileOf(bytes), undefined, inWorker, 0)).toEqual(here);
      }),
      { numRuns: 40 },
    );
  });

  it('only files of OFF_THREAD_BYTES or more go to the worker; a worker that fails leaves it to the main thread', async () => {
    const bytes = enc(JSON.stringify(PRESETS[0].scenario));
    let calls = 0;
    const count = async (b: Uint8Array) => (calls++, inWorker(b));
    await openScenarioFile(fileOf(bytes), undefined, count);
    expect(calls).toBe(bytes.length >= OFF_THREAD_BYTES ? 1 : 0);
    await openScenarioFile(fileOf(bytes), undefined, count, bytes.length);
    expect(calls).toBe(1);
    const failing = async () => {
      throw new Error('the worker died');
    };
    expect(await openScenarioFile(fileOf(bytes), undefined, failing, 0)).toEqual(await openScenarioFile(fileOf(bytes), undefined, null));
  });

  it('a file opened by the worker is loaded as the draft without parsing its groups again', async () => {
    const doc = { ...PRESETS[0].scenario, groups: Array.from({ length: 3000 }, (_, i) => ({ label: `g${i}`, count: 1, convictionProbability: 0.5, trialSentence: 3, trialCost: 1 })) };
    const r = await openScenarioFile(fileOf(enc(JSON.stringify(doc))), undefined, inWorker);
    if (!r.ok) throw new Error(r.errors[0].text);
    const { result } = renderHook(() => useScenarioDraft(r.doc));
    // The primed groups are the worker's own outputs: the draft check reused them.
    expect(result.current.valid?.groups[2999]).toBe(r.scenario.groups[2999]);
    expect(result.current.valid).toEqual(parseScenario(r.doc).ok ? (parseScenario(r.doc) as { scenario: unknown }).scenario : null);
  });
});
