// The draft's one JSON text (src/library/jsonText.ts), shared by the autosave and the link: the
// link's JSON is byte for byte what JSON.stringify of the whole link document writes (the naive
// reference below is linkJson before the text was shared), and a text is made once per object.
import { describe, expect, it, vi } from 'vitest';
import fc from 'fast-check';
import { LINK_VERSION, linkJson, type LinkState, type ViewState } from '../../src/app/link';
import { jsonText } from '../../src/library/jsonText';
import { PRESETS } from '../../src/presets';

/** linkJson as it was: one JSON.stringify of the document. */
function naiveLinkJson(state: LinkState): string | null {
  const v = state.view;
  const isDefault = v.tab === 'result' && !v.sweep && !v.phase && !v.pinned && (v.outcome ?? 'take') === 'take' && v.defendant === undefined;
  if (state.preset && isDefault) return null;
  const doc: Record<string, unknown> = { v: LINK_VERSION };
  if (state.preset) doc.p = state.preset;
  else if (state.scenario !== undefined) doc.s = state.scenario;
  if (v.tab !== 'result') doc.t = v.tab;
  if (v.sweep) doc.sw = v.sweep;
  if (v.phase) doc.ph = v.phase;
  if (v.pinned) doc.a = v.pinned;
  if (v.outcome && v.outcome !== 'take') doc.o = v.outcome;
  if (v.defendant !== undefined) doc.d = v.defendant;
  return JSON.stringify(doc);
}

const view = fc.record(
  {
    tab: fc.constantFrom('result', 'sweep', 'editor', 'compare'),
    pinned: fc.constantFrom(...PRESETS.slice(0, 3).map((p) => p.scenario)),
    outcome: fc.constantFrom('take', 'pleas', 'free'),
    defendant: fc.integer({ min: 1, max: 50 }),
  },
  { requiredKeys: ['tab'] },
) as unknown as fc.Arbitrary<ViewState>;

describe('linkJson with the shared draft text', () => {
  it('writes what JSON.stringify of the whole document writes (fast-check)', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.constantFrom(...PRESETS.map((p) => p.scenario)),
          fc.dictionary(fc.string(), fc.jsonValue({ maxDepth: 3 }), { maxKeys: 5 }),
        ),
        fc.option(fc.constantFrom(...PRESETS.map((p) => p.id)), { nil: undefined }),
        view,
        (scenario, preset, v) => {
          const state = (preset ? { preset, view: v } : { scenario, view: v }) as LinkState;
          expect(linkJson(state)).toBe(naiveLinkJson(state));
        },
      ),
    );
  });

  it('a draft object is turned into text once, by whichever asks first', () => {
    const draft = { ...PRESETS[0].scenario, title: 'once' };
    const spy = vi.spyOn(JSON, 'stringify');
    const a = jsonText(draft);
    const link = linkJson({ scenario: draft, view: { tab: 'result' } });
    const calls = spy.mock.calls.filter((c) => c[0] === draft).length;
    spy.mockRestore();
    expect(a).toBe(JSON.stringify(draft));
    expect(link).toBe(`{"v":${LINK_VERSION},"s":${a}}`);
    expect(calls).toBe(1);
    // A new object (an edit) gets its own text.
    const edited = { ...draft, title: 'twice' };
    expect(jsonText(edited)).toBe(JSON.stringify(edited));
  });
});
