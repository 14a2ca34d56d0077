// Links that keep the whole view: the scenario (or the untouched preset's name), the tab, the
// sweep and phase settings, the pinned scenario A, and the Result tab's distribution total and
// explained defendant, as compact JSON, deflated (fflate) and
// base64url-encoded in the fragment: `#z=…`. Browsers never send the fragment to a server.
// Older links open through a migration step: `#s=<base64url JSON>` (link format 1: the scenario
// only) and `#preset=<id>`; a link from a newer Holdout says so instead of guessing.
import { Inflate, strFromU8 } from 'fflate';
import { linkFromJson } from './linkCodec';
import { jsonText } from '../library/jsonText';
import { upgradeScenario, type ValidationMessage } from '../engine';
import type { ScenarioInput } from '../engine';
import type { OutcomeKey, SuccessCriterion } from '../engine';
import { DISTRIBUTION_KEYS, type DistributionKey } from '../engine';
import { PRESETS } from '../presets';
import { decodeBase64Url, readScenarioHash, type HashScenario } from './scenarioHash';

/** The current link format. 1 was `#s=` (the scenario alone). */
export const LINK_VERSION = 2;

export type TabKey = 'result' | 'sweep' | 'phase' | 'regimes' | 'compare';
export const TAB_KEYS: readonly TabKey[] = ['result', 'sweep', 'phase', 'regimes', 'compare'];

/** The Sweep panel's settings as typed (numbers kept as the text in the inputs). */
export interface SweepView {
  field: string;
  from: string;
  to: string;
  steps: string;
  outcomes: OutcomeKey[];
  criterion: SuccessCriterion;
  /** A sweep was run with these settings: a link re-runs it. */
  ran: boolean;
}

export interface PhaseAxisView {
  field: string;
  from: string;
  to: string;
}

export interface PhaseView {
  x: PhaseAxisView;
  y: PhaseAxisView;
  res: number;
  outcome: OutcomeKey;
  criterion: SuccessCriterion;
  ran: boolean;
}

/** Everything on screen besides the scenario. */
export interface ViewState {
  tab: TabKey;
  sweep?: SweepView;
  phase?: PhaseView;
  /** Compare A/B: the pinned scenario. */
  pinned?: ScenarioInput | null;
  /** The Result tab's distribution over runs: the total drawn (left out: `take`). */
  outcome?: DistributionKey;
  /** The Result tab: the defendant explained (the why panel; the Schelling diagram draws his choice). */
  defendant?: number;
}

export const DEFAULT_VIEW: ViewState = { tab: 'result' };

export interface LinkState {
  /** An untouched preset, by name… */
  preset?: string;
  /** …or the scenario itself. */
  scenario?: ScenarioInput;
  view: ViewState;
}

/** Largest inflated link we read (a 10-million-defendant scenario is a few KB; this is generous). */
export const MAX_LINK_BYTES = 2_000_000;

function fromBase64Url(s: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*$/.test(s) || s.length % 4 === 1) return null;
  try {
    const bin = atob(s.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (s.length % 4)) % 4));
    return Uint8Array.from(bin, (c) => c.charCodeAt(0));
  } catch {
    return null;
  }
}

/** Inflates at most `cap` bytes; null when the data is not DEFLATE or inflates beyond it. */
export function inflateCapped(data: Uint8Array, cap: number = MAX_LINK_BYTES): Uint8Array | null {
  const parts: Uint8Array[] = [];
  let total = 0;
  let over = false;
  try {
    const inf = new Inflate((chunk) => {
      total += chunk.length;
      if (total > cap) over = true;
      else parts.push(chunk);
    });
    const STEP = 512;
    for (let i = 0; i < data.length && !over; i += STEP) inf.push(data.subarray(i, i + STEP), i + STEP >= data.length);
    if (data.length === 0) return null;
  } catch {
    return null;
  }
  if (over) return null;
  const out = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** The compact document a link holds (short keys; defaults left out). */
interface LinkDoc {
  v: number;
  p?: string;
  s?: ScenarioInput;
  t?: TabKey;
  sw?: SweepView;
  ph?: PhaseView;
  a?: ScenarioInput;
  o?: DistributionKey;
  d?: number;
}

/** The distribution's default total: a link leaves it out. */
export const DEFAULT_OUTCOME: DistributionKey = 'take';

function isDefaultView(v: ViewState): boolean {
  return v.tab === 'result' && !v.sweep && !v.phase && !v.pinned && (v.outcome ?? DEFAULT_OUTCOME) === DEFAULT_OUTCOME && v.defendant === undefined;
}

/** The fragment for a state: `#preset=<id>` for an untouched preset and a default view, else `#z=…`. */
export function encodeLink(state: LinkState): string {
  const json = linkJson(state);
  return json === null ? `#preset=${encodeURIComponent(state.preset ?? '')}` : linkFromJson(json);
}

/**
 * The JSON text a `#z=` link packs for a state, or null when the link is `#preset=<id>`
 * (src/app/linkEncoder.ts packs large ones in a worker).
 */
export function linkJson(state: LinkState): string | null {
  if (state.preset && isDefaultView(state.view)) return null;
  const doc: LinkDoc = { v: LINK_VERSION };
  if (state.preset) doc.p = state.preset;
  // The scenario's text is the draft's own (src/library/jsonText.ts: the autosave's too), put
  // where JSON.stringify(doc) puts it: after v (a link with a scenario has no p).
  const scenario = state.preset ? undefined : (state.scenario as object | undefined);
  if (state.view.tab !== 'result') doc.t = state.view.tab;
  if (state.view.sweep) doc.sw = state.view.sweep;
  if (state.view.phase) doc.ph = state.view.phase;
  if (state.view.pinned) doc.a = state.view.pinned;
  if (state.view.outcome && state.view.outcome !== DEFAULT_OUTCOME) doc.o = state.view.outcome;
  if (state.view.defendant !== undefined) doc.d = state.view.defendant;
  const text = JSON.stringify(doc);
  if (scenario === undefined) return text;
  const head = `{"v":${JSON.stringify(LINK_VERSION)}`;
  const rest = text.slice(head.length); // "}" or ",…}"
  return `${head},"s":${jsonText(scenario)}${rest}`;
}

export type LinkRead =
  | { kind: 'none' }
  | { kind: 'preset'; id: string; view: ViewState }
  | { kind: 'scenario'; doc: ScenarioInput; view: ViewState; migratedFrom?: number }
  | Extract<HashScenario, { kind: 'broken' }>;

const msg = (path: string, message: string): ValidationMessage => ({ path, message, text: `${path}: ${message}` });
const broken = (text: string, errors: ValidationMessage[], editable = false): LinkRead => ({ kind: 'broken', text, doc: null, errors, editable });

const isObj = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** The view part of a link, keeping only well-formed pieces (a bad piece is dropped, not fatal). */
function readView(d: Record<string, unknown>): ViewState {
  const view: ViewState = { tab: TAB_KEYS.includes(d.t as TabKey) ? (d.t as TabKey) : 'result' };
  const sw = d.sw;
  if (isObj(sw) && typeof sw.field === 'string' && typeof sw.from === 'string' && typeof sw.to === 'string' && typeof sw.steps === 'string' && Array.isArray(sw.outcomes) && isObj(sw.criterion)) {
    view.sweep = { field: sw.field, from: sw.from, to: sw.to, steps: sw.steps, outcomes: sw.outcomes.filter((o): o is OutcomeKey => typeof o === 'string'), criterion: sw.criterion as unknown as SuccessCriterion, ran: sw.ran === true };
  }
  const ph = d.ph;
  const axis = (a: unknown): PhaseAxisView | null =>
    isObj(a) && typeof a.field === 'string' && typeof a.from === 'string' && typeof a.to === 'string' ? { field: a.field, from: a.from, to: a.to } : null;
  if (isObj(ph) && axis(ph.x) && axis(ph.y) && typeof ph.res === 'number' && typeof ph.outcome === 'string' && isObj(ph.criterion)) {
    view.phase = { x: axis(ph.x)!, y: axis(ph.y)!, res: ph.res, outcome: ph.outcome as OutcomeKey, criterion: ph.criterion as unknown as SuccessCriterion, ran: ph.ran === true };
  }
  if (isObj(d.a)) view.pinned = upgradeScenario(d.a as ScenarioInput);
  if (typeof d.o === 'string' && (DISTRIBUTION_KEYS as readonly string[]).includes(d.o) && d.o !== DEFAULT_OUTCOME) view.outcome = d.o as DistributionKey;
  if (typeof d.d === 'number' && Number.isSafeInteger(d.d) && d.d >= 1) view.defendant = d.d;
  return view;
}

/** What a fragment asks for: the current format, or an older one through the migration step. */
export function readLink(hash: string): LinkRead {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const z = params.get('z');
  if (z === null) {
    // Link formats before 2: `#s=` and `#preset=`.
    const old = readScenarioHash(hash);
    if (old.kind === 'broken' || old.kind === 'none') return old;
    if (old.kind === 'preset') return { kind: 'preset', id: old.id, view: { ...DEFAULT_VIEW } };
    return { kind: 'scenario', doc: old.doc, view: { ...DEFAULT_VIEW }, migratedFrom: 1 };
  }
  const bytes = fromBase64Url(z.replace(/ /g, '+').replace(/\+/g, '-').replace(/\//g, '_'));
  if (!bytes) return broken(z, [msg('link', 'the #z= part of the link is not valid base64url; the link may have been cut short')]);
  const raw = inflateCapped(bytes);
  if (!raw) return broken(z, [msg('link', `the #z= part of the link does not unpack (it may have been cut short, or it unpacks to more than ${MAX_LINK_BYTES.toLocaleString('en-US')} bytes)`)]);
  let text: string;
  let d: unknown;
  try {
    text = strFromU8(raw);
    d = JSON.parse(text);
  } catch {
    return broken(z, [msg('link', 'the #z= part of the link does not hold JSON')]);
  }
  if (!isObj(d)) return broken(text, [msg('link', 'the link does not hold a workbench state')]);
  if (typeof d.v !== 'number' || !Number.isInteger(d.v)) return broken(text, [msg('link.v', 'the link has no format version')]);
  if (d.v > LINK_VERSION) return broken(text, [msg('link.v', `this link was made by a newer Holdout (link format ${d.v}; this one reads up to ${LINK_VERSION}): open it with that version`)]);
  if (d.v < 2) return broken(text, [msg('link.v', `link format ${d.v} is not a #z= format`)]);
  const view = readView(d);
  if (typeof d.p === 'string') {
    if (PRESETS.some((p) => p.id === d.p)) return { kind: 'preset', id: d.p, view };
    return broken(d.p, [msg('preset', `no preset is called “${d.p}”`)]);
  }
  if (d.s === undefined) return broken(text, [msg('link.s', 'the link holds no scenario')]);
  // The scenario is validated by the workbench like any draft (messages in the editor).
  // Upgraded to the current schemaVersion first (the engine's migrate step, as for files).
  return { kind: 'scenario', doc: upgradeScenario(d.s as ScenarioInput), view };
}

/** The legacy `#s=` text (for a broken-link notice). */
export { decodeBase64Url };
