// The scenario in the URL hash, so a link reproduces what is on screen: `#preset=<id>` for an
// untouched preset, `#s=<base64url of the scenario JSON>` after edits. Nothing in the hash is
// ever sent to a server (browsers keep the fragment to themselves). Pure apart from `location`.
import { parseScenarioText, type ValidationMessage } from '../engine';
import { upgradeScenario } from '../engine';
import type { ScenarioInput } from '../engine';
import { PRESETS } from '../presets';
import { nestsDeeperThan } from './jsonDepth';

/** UTF-8 → base64url without padding. */
export function encodeBase64Url(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** base64url (padding optional) → UTF-8 text, or null when it is not base64url or not UTF-8. */
export function decodeBase64Url(s: string): string | null {
  if (!/^[A-Za-z0-9_-]*={0,2}$/.test(s)) return null;
  const b64 = s.replace(/=+$/, '').replace(/-/g, '+').replace(/_/g, '/');
  if (b64.length % 4 === 1) return null;
  try {
    const bin = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
    const bytes = Uint8Array.from(bin, (c) => c.charCodeAt(0));
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

export function scenarioHash(doc: unknown): string {
  return `#s=${encodeBase64Url(JSON.stringify(doc))}`;
}

export function presetHash(id: string): string {
  return `#preset=${encodeURIComponent(id)}`;
}

export type HashScenario =
  | { kind: 'none' }
  | { kind: 'preset'; id: string }
  /** A well-formed scenario from `#s=`. */
  | { kind: 'scenario'; doc: ScenarioInput }
  /**
   * `#s=` that does not hold a valid scenario. `doc` is the parsed JSON when it is JSON (invalid
   * against the schema), `text` whatever could be recovered, `errors` what is wrong.
   */
  | {
      kind: 'broken';
      text: string;
      doc: ScenarioInput | null;
      errors: ValidationMessage[];
      /**
       * The text is a scenario file to fix in the JSON view (`#s=` that is not base64url or
       * not JSON); false for an unknown preset name or JSON already loaded as `doc`.
       */
      editable: boolean;
    };

const msg = (path: string, message: string): ValidationMessage => ({
  path,
  message,
  text: `${path}: ${message}`,
});

/** What the hash asks for. */
export function readScenarioHash(hash: string): HashScenario {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const s = params.get('s');
  if (s !== null) {
    // URLSearchParams turns '+' into ' ' (a pasted standard base64 link): undo it.
    const raw = s.replace(/ /g, '+');
    const text = decodeBase64Url(raw.replace(/\+/g, '-').replace(/\//g, '_'));
    if (text === null) {
      return {
        kind: 'broken',
        text: raw,
        doc: null,
        editable: true,
        errors: [
          msg(
            'link',
            'the #s= part of the link is not valid base64url; the link may have been cut short',
          ),
        ],
      };
    }
    const r = parseScenarioText(text);
    // The document upgraded to the current schemaVersion (the engine's migrate step).
    if (r.ok) return { kind: 'scenario', doc: r.doc };
    let doc: ScenarioInput | null = null;
    // A hostile link (thousands of nested arrays) is shown as text, never loaded into the editor.
    if (nestsDeeperThan(text))
      return { kind: 'broken', text, doc, errors: r.errors, editable: false };
    try {
      const v: unknown = JSON.parse(text);
      if (v !== null && typeof v === 'object' && !Array.isArray(v))
        doc = upgradeScenario(v as ScenarioInput);
    } catch {
      doc = null;
    }
    return { kind: 'broken', text, doc, errors: r.errors, editable: doc === null };
  }
  const id = params.get('preset');
  if (id !== null) {
    if (PRESETS.some((p) => p.id === id)) return { kind: 'preset', id };
    return {
      kind: 'broken',
      text: id,
      doc: null,
      editable: false,
      errors: [msg('preset', `no preset is called “${id}”`)],
    };
  }
  return { kind: 'none' };
}
