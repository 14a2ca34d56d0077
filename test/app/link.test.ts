// Links that keep the whole view: scenario → link → scenario for any scenario (fast-check),
// the view's pieces, the old `#s=` and `#preset=` formats through the migration step, and the
// largest preset's link size.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { deflateSync, strToU8 } from 'fflate';
import { DEFAULT_VIEW, LINK_VERSION, TAB_KEYS, encodeLink, inflateCapped, readLink, type ViewState } from '../../src/app/link';
import { DISTRIBUTION_KEYS } from '../../src/engine/result/types';
import { scenarioHash } from '../../src/app/scenarioHash';
import { PRESETS } from '../../src/presets';

const b64url = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64').replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
const json = fc.jsonValue({ maxDepth: 4 });
const VIEW: ViewState = {
  tab: 'phase',
  sweep: { field: 'groups[*].pledgedShareOfRest', from: '0', to: '1', steps: '20', outcomes: ['takeRatio', 'shareFree'], criterion: { kind: 'takeAtMostNoPlea' }, ran: true },
  phase: { x: { field: 'groups[*].pledgedShareOfRest', from: '0', to: '1' }, y: { field: 'prosecutor.budget', from: '0', to: '20' }, res: 16, outcome: 'shareFree', criterion: { kind: 'takeAtMostNoPlea' }, ran: false },
};

describe('links', () => {
  it('scenario → link → scenario, for any JSON object the editor could hold (property)', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), json), fc.constantFrom<ViewState['tab']>('result', 'sweep', 'phase', 'regimes', 'compare'), (doc, tab) => {
        const r = readLink(encodeLink({ scenario: doc as never, view: { tab } }));
        expect(r.kind).toBe('scenario');
        if (r.kind !== 'scenario') return;
        // A link carries JSON, where -0 is written 0: the document as JSON is what comes back.
        expect(r.doc).toEqual(JSON.parse(JSON.stringify(doc)));
        expect(r.view.tab).toBe(tab);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps the tab, the sweep and phase settings, the pinned A, the distribution’s total and the defendant explained', () => {
    const p = PRESETS[0];
    const view: ViewState = { ...VIEW, pinned: PRESETS[1].scenario, outcome: 'trials', defendant: 17 };
    const r = readLink(encodeLink({ scenario: p.scenario, view }));
    expect(r).toEqual({ kind: 'scenario', doc: p.scenario, view });
  });

  it('view → link → view, for every tab, total and defendant (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<ViewState['tab']>(...TAB_KEYS),
        fc.option(fc.constantFrom(...DISTRIBUTION_KEYS), { nil: undefined }),
        fc.option(fc.integer({ min: 1, max: 10_000_000 }), { nil: undefined }),
        fc.boolean(),
        (tab, outcome, defendant, preset) => {
          const view: ViewState = { tab, outcome, defendant };
          const back = readLink(encodeLink(preset ? { preset: 'j20', view } : { scenario: PRESETS[0].scenario, view }));
          if (back.kind !== 'preset' && back.kind !== 'scenario') throw new Error(back.kind);
          // The default total (take) is left out of the link: it reads back as no total.
          const want: ViewState = { tab };
          if (outcome !== undefined && outcome !== 'take') want.outcome = outcome;
          if (defendant !== undefined) want.defendant = defendant;
          expect(back.view).toEqual(want);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('an untouched preset on the Result tab with the default total and no defendant is #preset=<id>', () => {
    expect(encodeLink({ preset: 'j20', view: { tab: 'result', outcome: 'take' } })).toBe('#preset=j20');
    expect(encodeLink({ preset: 'j20', view: { tab: 'result', outcome: 'pleas' } })).toMatch(/^#z=/);
    expect(encodeLink({ preset: 'j20', view: { tab: 'result', defendant: 3 } })).toMatch(/^#z=/);
  });

  it('an untouched preset with the default view is #preset=<id>; with a view, its name in #z=', () => {
    expect(encodeLink({ preset: 'j20', view: DEFAULT_VIEW })).toBe('#preset=j20');
    const h = encodeLink({ preset: 'j20', view: { tab: 'regimes' } });
    expect(h.startsWith('#z=')).toBe(true);
    expect(readLink(h)).toEqual({ kind: 'preset', id: 'j20', view: { tab: 'regimes' } });
  });

  it('the largest preset’s link, with a sweep, a phase diagram and a pinned A, fits a chat message', () => {
    const sizes = PRESETS.map((p) => ({
      id: p.id,
      json: JSON.stringify(p.scenario).length,
      alone: encodeLink({ scenario: p.scenario, view: DEFAULT_VIEW }).length,
      full: encodeLink({ scenario: p.scenario, view: { ...VIEW, pinned: p.scenario } }).length,
    }));
    const largest = sizes.reduce((a, b) => (b.json > a.json ? b : a));
    expect(largest.id).toMatch(/^crespo-city/);
    // The old #s= link of the same scenario, for comparison.
    const old = scenarioHash(PRESETS.find((p) => p.id === largest.id)!.scenario).length;
    expect(old).toBeGreaterThan(2800);
    expect(largest.alone).toBeLessThan(700);
    expect(largest.full).toBeLessThan(1000); // Discord and Signal cap a message at 2,000
  });

  it('opens old #s= links through the migration step', () => {
    const p = PRESETS[2];
    const r = readLink(scenarioHash(p.scenario));
    expect(r).toEqual({ kind: 'scenario', doc: p.scenario, view: DEFAULT_VIEW, migratedFrom: 1 });
    expect(readLink('#preset=bgb-lottery')).toEqual({ kind: 'preset', id: 'bgb-lottery', view: DEFAULT_VIEW });
  });

  it('says why a link cannot be opened', () => {
    const z = (doc: unknown) => `#z=${b64url(deflateSync(strToU8(JSON.stringify(doc))))}`;
    const text = (h: string) => {
      const r = readLink(h);
      return r.kind === 'broken' ? r.errors.map((e) => e.text).join('; ') : r.kind;
    };
    expect(text(z({ v: LINK_VERSION + 1, s: {} }))).toBe(
      `link.v: this link was made by a newer Holdout (link format ${LINK_VERSION + 1}; this one reads up to ${LINK_VERSION}): open it with that version`,
    );
    expect(text(z({ s: {} }))).toBe('link.v: the link has no format version');
    expect(text(z({ v: 2, p: 'nope' }))).toBe('preset: no preset is called “nope”');
    expect(text(z({ v: 2 }))).toBe('link.s: the link holds no scenario');
    expect(text('#z=%%%')).toContain('not valid base64url');
    expect(text('#z=AAAA')).toContain('does not unpack');
    // A bomb: 3 MB of zeros in a few KB is refused, not unpacked.
    const bomb = deflateSync(new Uint8Array(3_000_000));
    expect(bomb.length).toBeLessThan(5000);
    expect(inflateCapped(bomb)).toBeNull();
    expect(text(`#z=${b64url(bomb)}`)).toContain('does not unpack');
  });

  it('drops a malformed piece of the view instead of failing the link', () => {
    const h = `#z=${b64url(deflateSync(strToU8(JSON.stringify({ v: 2, p: 'j20', t: 'nowhere', sw: { field: 3 } }))))}`;
    expect(readLink(h)).toEqual({ kind: 'preset', id: 'j20', view: { tab: 'result' } });
    for (const bad of [{ o: 'median' }, { o: 3 }, { d: 0 }, { d: 2.5 }, { d: '4' }, { d: -1 }, { d: 1e300 }]) {
      const z = `#z=${b64url(deflateSync(strToU8(JSON.stringify({ v: 2, p: 'j20', t: 'sweep', ...bad }))))}`;
      expect(readLink(z)).toEqual({ kind: 'preset', id: 'j20', view: { tab: 'sweep' } });
    }
  });
});

describe('links to older and newer scenario versions (the engine migrate step)', () => {
  const fixture = (name: string) => readFileSync(new URL(`../fixtures/migration/${name}`, import.meta.url), 'utf8');

  it('an #s= link (link format 1) to a file written before the weekly docket opens as written', () => {
    const old = fixture('2026-11-21_bgb-priority.scenario.json');
    const r = readLink(`#s=${Buffer.from(old).toString('base64url')}`);
    expect(r).toEqual({ kind: 'scenario', doc: JSON.parse(old), view: DEFAULT_VIEW, migratedFrom: 1 });
  });

  it('an #s= link to a scenario from a newer Holdout is broken, naming schemaVersion', () => {
    const newer = fixture('from-a-newer-holdout.scenario.json');
    const r = readLink(`#s=${Buffer.from(newer).toString('base64url')}`);
    expect(r.kind === 'broken' && r.errors.map((e) => e.text)).toEqual([
      'schemaVersion: must be 1, got 2: the scenario was written by a newer Holdout than this one; open it with a version that reads schemaVersion 2',
    ]);
    // The document is kept for the editor, as it was written.
    expect(r.kind === 'broken' && r.doc).toEqual(JSON.parse(newer));
  });
});
