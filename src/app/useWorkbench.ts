// The workbench's scenario state: the editor's draft (possibly invalid) and the last valid
// scenario, the preset it came from, and the URL hash that reproduces it. `#preset=<id>` while
// the preset is untouched, `#s=<base64url JSON>` after edits (replaceState, debounced). A broken
// link falls back to the default preset, keeps whatever it held, and says what is wrong.
import { useCallback, useEffect, useRef, useState } from 'react';
import { useScenarioDraft } from '../components/editor';
import type { ValidationMessage } from '../engine/scenario/parse';
import type { Scenario, ScenarioInput } from '../engine/scenario/schema';
import { PRESETS } from '../presets';
import { findPreset } from './presetChoice';
import { presetHash, readScenarioHash, scenarioHash, type HashScenario } from './scenarioHash';

export interface LinkProblem {
  /** What the link held (decoded when possible), kept so nothing is lost. */
  text: string;
  errors: ValidationMessage[];
  /** The text opens in the JSON view to be fixed (broken base64 or broken JSON). */
  editable: boolean;
}

export interface Workbench {
  draft: ScenarioInput;
  setDraft: (next: ScenarioInput | ((prev: ScenarioInput) => ScenarioInput)) => void;
  valid: Scenario | null;
  errors: ValidationMessage[];
  isValid: boolean;
  /** The preset the scenario started from (null for a scenario from a link). */
  presetId: string | null;
  /** Whether the draft is no longer the untouched preset. */
  edited: boolean;
  choosePreset: (id: string) => void;
  /**
   * The one way anything replaces the scenario (a preset, the tour's "open in the workbench", a
   * link). When the scenario was edited and `ask` is set, it asks first and keeps the class's work
   * if the answer is no; returns whether it replaced it. (An undo can be wired in here.)
   */
  replaceScenario: (doc: ScenarioInput, presetId: string | null, options?: { ask?: boolean }) => boolean;
  linkProblem: LinkProblem | null;
  dismissLinkProblem: () => void;
  /**
   * What the editor opens with: a key (a new broken link remounts it) and the text for its JSON
   * tab. Kept when the link notice is dismissed, so the text being fixed is never lost.
   */
  editorSeed: { key: string; initialText?: string };
}

const HASH_DELAY_MS = 250;

/** Asks before the class's edited scenario is replaced (where the browser can ask). */
function confirmReplace(): boolean {
  if (typeof window === 'undefined' || typeof window.confirm !== 'function') return true;
  try {
    const answer = window.confirm(
      'Replace the scenario you edited? Your edits are lost unless you copy the link or save the scenario file first.',
    );
    return answer !== false;
  } catch {
    return true;
  }
}

interface Start {
  draft: ScenarioInput;
  presetId: string | null;
  /** An invalid document from the link, loaded as the draft after the fallback is valid. */
  pending: ScenarioInput | null;
  problem: LinkProblem | null;
}

function start(h: HashScenario): Start {
  switch (h.kind) {
    case 'preset':
      return { draft: findPreset(h.id).scenario, presetId: h.id, pending: null, problem: null };
    case 'scenario':
      return { draft: h.doc, presetId: null, pending: null, problem: null };
    case 'broken': {
      const fallback = findPreset(null);
      return {
        draft: fallback.scenario,
        presetId: fallback.id,
        pending: h.doc,
        problem: { text: h.text, errors: h.errors, editable: h.editable },
      };
    }
    case 'none': {
      const p = findPreset(null);
      return { draft: p.scenario, presetId: p.id, pending: null, problem: null };
    }
  }
}

export function useWorkbench(): Workbench {
  const [initial] = useState(() => start(readScenarioHash(location.hash)));
  const ed = useScenarioDraft(initial.draft);
  const { setDraft } = ed;
  const [presetId, setPresetId] = useState<string | null>(initial.presetId);
  const [linkProblem, setLinkProblem] = useState<LinkProblem | null>(initial.problem);
  const written = useRef<string | null>(null);
  const linkSeq = useRef(0);
  const [editorSeed, setEditorSeed] = useState<Workbench['editorSeed']>(() =>
    initial.problem?.editable
      ? { key: 'link-0', initialText: initial.problem.text }
      : { key: 'editor' },
  );

  // A link whose JSON is a scenario with problems: load it as the draft (the form and the JSON
  // view show the messages) on top of the valid fallback, which the charts keep showing.
  useEffect(() => {
    if (initial.pending) setDraft(initial.pending);
  }, [initial, setDraft]);

  const preset = presetId ? PRESETS.find((p) => p.id === presetId) : undefined;
  const edited = !preset || ed.draft !== preset.scenario;

  const editedRef = useRef(edited);
  useEffect(() => {
    editedRef.current = edited;
  }, [edited]);

  const replaceScenario = useCallback(
    (doc: ScenarioInput, id: string | null, options: { ask?: boolean } = {}) => {
      if (options.ask !== false && editedRef.current && !confirmReplace()) return false;
      setPresetId(id);
      setDraft(doc);
      return true;
    },
    [setDraft],
  );

  const choosePreset = useCallback(
    (id: string) => {
      const p = findPreset(id);
      replaceScenario(p.scenario, p.id);
    },
    [replaceScenario],
  );

  // Draft → hash (debounced; only valid drafts are written, so a link always opens).
  useEffect(() => {
    const target =
      !edited && presetId ? presetHash(presetId) : ed.isValid ? scenarioHash(ed.draft) : null;
    if (target === null) return;
    const write = () => {
      // The tour's step (#…&tour=N) stays in the address beside the scenario.
      const tour = new URLSearchParams(location.hash.replace(/^#/, '')).get('tour');
      const full = tour ? `${target}&tour=${encodeURIComponent(tour)}` : target;
      if (location.hash !== full) history.replaceState(null, '', full);
      written.current = full;
    };
    if (!edited) {
      write(); // choosing a preset names it at once
      return;
    }
    const t = setTimeout(write, HASH_DELAY_MS);
    return () => clearTimeout(t);
  }, [ed.draft, ed.isValid, edited, presetId]);

  // Hash → draft: a link pasted into the address bar, or the back button.
  useEffect(() => {
    const onHash = () => {
      if (location.hash === written.current) return;
      const h = readScenarioHash(location.hash);
      written.current = location.hash;
      if (h.kind === 'preset') {
        replaceScenario(findPreset(h.id).scenario, h.id, { ask: false });
        setLinkProblem(null);
      } else if (h.kind === 'scenario') {
        replaceScenario(h.doc, null, { ask: false });
        setLinkProblem(null);
      } else if (h.kind === 'broken') {
        linkSeq.current += 1;
        setLinkProblem({
          text: h.text,
          errors: h.errors,
          editable: h.editable,
        });
        if (h.editable) setEditorSeed({ key: `link-${linkSeq.current}`, initialText: h.text });
        if (h.doc) setDraft(h.doc);
      }
    };
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, [replaceScenario, setDraft]);

  return {
    draft: ed.draft,
    setDraft,
    valid: ed.valid,
    errors: ed.errors,
    isValid: ed.isValid,
    presetId,
    edited,
    choosePreset,
    replaceScenario,
    linkProblem,
    dismissLinkProblem: () => setLinkProblem(null),
    editorSeed,
  };
}
