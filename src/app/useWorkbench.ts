// The workbench's scenario state: the editor's draft (possibly invalid) and the last valid
// scenario, the preset it came from, and the URL hash that reproduces it. `#preset=<id>` while
// the preset is untouched, `#s=<base64url JSON>` after edits (replaceState, debounced). A broken
// link falls back to the default preset, keeps whatever it held, and says what is wrong.
import { useCallback, useEffect, useRef, useState } from 'react';
import { useScenarioDraft } from '../components/editor';
import type { ValidationMessage } from '../engine';
import type { Scenario, ScenarioInput } from '../engine';
import { PRESETS } from '../presets';
import { findPreset } from './presetChoice';
import { DEFAULT_VIEW, encodeLink, readLink, type LinkRead, type LinkState, type ViewState } from './link';
import { encodeLinkSoon, isLargeLink } from './linkEncoder';

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
   * The tour's way to replace the scenario ("open this in the workbench"): through replaceDraft,
   * so an edited scenario can be brought back with Undo. Returns whether it replaced it.
   */
  replaceScenario: (doc: ScenarioInput, presetId: string | null, options?: { ask?: boolean }) => boolean;
  linkProblem: LinkProblem | null;
  dismissLinkProblem: () => void;
  /**
   * What the editor opens with: a key (a new broken link remounts it) and the text for its JSON
   * tab. Kept when the link notice is dismissed, so the text being fixed is never lost.
   */
  editorSeed: { key: string; initialText?: string };
  /** The view the opening link asked for (tab, sweep and phase settings, pinned A). */
  initialView: ViewState;
  /** The link to the current state (scenario and view), as the address bar will hold it. */
  link: () => string;
  /**
   * Replace the draft with another scenario (a preset, a file, a library entry, the tour):
   * remembered so it can be undone; `label` names what replaced it.
   */
  replaceDraft: (next: ScenarioInput, label: string, presetId?: string | null) => void;
  /** The last replacement of an edited draft, undoable; null when there is none. */
  replaced: { label: string } | null;
  undoReplace: () => void;
  dismissReplaced: () => void;
}

const HASH_DELAY_MS = 250;

interface Start {
  draft: ScenarioInput;
  presetId: string | null;
  /** An invalid document from the link, loaded as the draft after the fallback is valid. */
  pending: ScenarioInput | null;
  problem: LinkProblem | null;
}

function start(h: LinkRead): Start {
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

/**
 * `view` is what the App shows besides the scenario (written into the link); `onView` applies a
 * view from a link opened later (back and forward).
 */
export function useWorkbench(
  view: ViewState = DEFAULT_VIEW,
  onView?: (v: ViewState) => void,
): Workbench {
  const [opened] = useState(() => readLink(location.hash));
  const [initial] = useState(() => start(opened));
  const initialView = opened.kind === 'preset' || opened.kind === 'scenario' ? opened.view : DEFAULT_VIEW;
  const ed = useScenarioDraft(initial.draft);
  const { setDraft } = ed;
  const [presetId, setPresetId] = useState<string | null>(initial.presetId);
  const [linkProblem, setLinkProblem] = useState<LinkProblem | null>(initial.problem);
  const written = useRef<string | null>(null);
  const onViewRef = useRef(onView);
  onViewRef.current = onView;
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

  // Undo for a replaced draft: what was there before (draft and preset), and what replaced it.
  const [undo, setUndo] = useState<{
    label: string;
    draft: ScenarioInput;
    presetId: string | null;
  } | null>(null);
  const current = useRef({ draft: ed.draft, presetId, edited });
  current.current = { draft: ed.draft, presetId, edited };

  const replaceDraft = useCallback(
    (next: ScenarioInput, label: string, nextPreset: string | null = null) => {
      const before = current.current;
      // Only an edited draft is worth an undo (an untouched preset is one click away).
      if (before.edited && before.draft !== next) {
        setUndo({ label, draft: before.draft, presetId: before.presetId });
      }
      setPresetId(nextPreset);
      setDraft(next);
    },
    [setDraft],
  );

  const undoReplace = useCallback(() => {
    setUndo((u) => {
      if (u) {
        setPresetId(u.presetId);
        setDraft(u.draft);
      }
      return null;
    });
  }, [setDraft]);

  const choosePreset = useCallback(
    (id: string) => {
      const p = findPreset(id);
      replaceDraft(p.scenario, `the preset “${p.title}”`, p.id);
    },
    [replaceDraft],
  );

  const replaceScenario = useCallback(
    (doc: ScenarioInput, id: string | null): boolean => {
      const p = id ? PRESETS.find((x) => x.id === id) : undefined;
      replaceDraft(doc, p ? `the preset “${p.title}”` : 'the tour’s scenario', id);
      return true;
    },
    [replaceDraft],
  );

  // The scenario part of the last link written: a new one is a new history entry (back and
  // forward step through edits); a change of view only replaces the entry.
  const writtenScenario = useRef<unknown>(null);
  const linkState = useCallback(
    (): LinkState | null =>
      !edited && presetId
        ? { preset: presetId, view }
        : ed.isValid
          ? { scenario: ed.draft, view }
          : null,
    [edited, presetId, ed.isValid, ed.draft, view],
  );
  const linkFor = useCallback((): string | null => {
    const state = linkState();
    return state === null ? null : encodeLink(state);
  }, [linkState]);

  // Draft and view → hash (debounced; only valid drafts are written, so a link always opens). A
  // large draft's link is packed in a worker (linkEncoder.ts); a newer edit drops its answer.
  useEffect(() => {
    const state = linkState();
    if (state === null) return;
    const scenarioPart = !edited && presetId ? presetId : ed.draft;
    const write = (target: string) => {
      // The tour's step (#…&tour=N) stays in the address beside the scenario.
      const tour = new URLSearchParams(location.hash.replace(/^#/, '')).get('tour');
      const full = tour ? `${target}&tour=${encodeURIComponent(tour)}` : target;
      if (location.hash !== full) {
        const first = writtenScenario.current === null;
        if (!first && scenarioPart !== writtenScenario.current) history.pushState(null, '', full);
        else history.replaceState(null, '', full);
      }
      writtenScenario.current = scenarioPart;
      written.current = full;
    };
    if (!edited) {
      write(encodeLink(state)); // choosing a preset names it at once
      return;
    }
    let cancel = () => {};
    // A large scenario's link (a 10,000-group draft: 73 KB) with only the view changed (a tab,
    // a setting) is written when the page loses the focus (the address bar, another window or
    // tab) or is left: each replaceState of it cost 17–107 ms of main thread. An edit's link is
    // written as before (a new history entry).
    if (scenarioPart === writtenScenario.current && isLargeLink(state)) {
      const soon = () => {
        if (cancelled) return;
        cancelled = true;
        cancel = encodeLinkSoon(state, write);
      };
      const now = () => {
        if (!cancelled) write(encodeLink(state)); // leaving: no time to wait for the worker
        cancelled = true;
      };
      const hidden = () => document.visibilityState === 'hidden' && now();
      let cancelled = false;
      window.addEventListener('blur', soon);
      window.addEventListener('pagehide', now);
      document.addEventListener('visibilitychange', hidden);
      return () => {
        cancelled = true;
        window.removeEventListener('blur', soon);
        window.removeEventListener('pagehide', now);
        document.removeEventListener('visibilitychange', hidden);
        cancel();
      };
    }
    const t = setTimeout(() => (cancel = encodeLinkSoon(state, write)), HASH_DELAY_MS);
    return () => {
      clearTimeout(t);
      cancel();
    };
  }, [linkState, ed.draft, edited, presetId]);

  // Hash → draft: a link pasted into the address bar, or the back button.
  useEffect(() => {
    const onHash = () => {
      if (location.hash === written.current) return;
      const h = readLink(location.hash);
      written.current = location.hash;
      // A link that replaces an edited draft can be undone, like a preset or a file.
      const before = current.current;
      const remember = (next: ScenarioInput) => {
        if (before.edited && before.draft !== next)
          setUndo({ label: 'the link', draft: before.draft, presetId: before.presetId });
      };
      if (h.kind === 'preset') {
        const p = findPreset(h.id);
        remember(p.scenario);
        writtenScenario.current = p.id;
        setPresetId(p.id);
        setDraft(p.scenario);
        setLinkProblem(null);
        onViewRef.current?.(h.view);
      } else if (h.kind === 'scenario') {
        remember(h.doc);
        writtenScenario.current = h.doc;
        setPresetId(null);
        setDraft(h.doc);
        setLinkProblem(null);
        onViewRef.current?.(h.view);
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
  }, [setDraft]);

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
    initialView,
    link: () => linkFor() ?? location.hash,
    replaceDraft,
    replaced: undo ? { label: undo.label } : null,
    undoReplace,
    dismissReplaced: () => setUndo(null),
  };
}
