// The scenario as JSON: a textarea validated on every change. Valid text updates the draft;
// invalid text is kept exactly as typed (never lost) while the form keeps the last valid
// scenario. Format, download and open a file.
import { download } from '../../charts/common/export';
import { useEffect, useId, useRef, useState, type ChangeEvent } from 'react';
import { parseScenarioText, type ValidationMessage } from '../../engine';
import type { ScenarioInput } from '../../engine';
import { openScenarioFile } from '../../app/openFile';

export interface JsonViewProps {
  /** The draft the form shows. */
  value: ScenarioInput;
  /** Called with the parsed document whenever the text is a valid scenario. */
  onChange: (next: ScenarioInput) => void;
  /** Rows of the textarea. */
  rows?: number;
  /**
   * Text to open with instead of the draft (a broken link's scenario), checked at once: its
   * messages show and, while it is invalid, the draft and the form keep the last valid scenario.
   */
  initialText?: string;
  /**
   * Whether the JSON is on screen (default true). While it is not, a large scenario's text is
   * not rewritten on every edit of the form (a long task each time): it catches up when shown.
   */
  active?: boolean;
}

/** From this many groups on, the text waits for "Show the JSON" (its layout freezes the page). */
export const LARGE_JSON_GROUPS = 1000;

export const toJson = (v: unknown) => `${JSON.stringify(v, null, 2)}\n`;

/** A file name from the scenario's title: `e2-divide-and-conquer.scenario.json`. */
export function scenarioFileName(value: unknown): string {
  const title =
    value && typeof value === 'object' && typeof (value as { title?: unknown }).title === 'string'
      ? (value as { title: string }).title
      : '';
  const slug = title
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `${slug || 'scenario'}.scenario.json`;
}

interface TextState {
  text: string;
  errors: ValidationMessage[];
  /** The draft this text was last in step with (null: not yet written). */
  synced: ScenarioInput | null;
  /** The form changed while the text was invalid: the text was kept, not replaced. */
  stale: boolean;
  status: string;
}

export function JsonView({
  value,
  onChange,
  rows = 24,
  initialText,
  active = true,
}: JsonViewProps) {
  const uid = useId();
  const fileRef = useRef<HTMLInputElement>(null);
  const groupCount = Array.isArray(value?.groups) ? value.groups.length : 0;
  const large = groupCount >= LARGE_JSON_GROUPS;
  const [showLarge, setShowLarge] = useState(false);
  const [st, setSt] = useState<TextState>(() => {
    if (initialText === undefined) {
      // A small scenario's text is written at once (then kept in step while shown); a large
      // one's when first needed (shown, after "Show").
      if (large) return { text: '', errors: [], synced: null, stale: false, status: '' };
      return { text: toJson(value), errors: [], synced: value, stale: false, status: '' };
    }
    const r = parseScenarioText(initialText);
    return {
      text: initialText,
      errors: r.ok ? [] : r.errors,
      synced: value,
      stale: false,
      status: r.ok ? '' : 'Opened the link’s text: fix it here and the charts follow.',
    };
  });
  // Valid opening text (unusual: a link that only needed decoding) becomes the draft.
  const opened = useRef(false);
  useEffect(() => {
    if (opened.current || initialText === undefined) return;
    opened.current = true;
    const r = parseScenarioText(initialText);
    if (r.ok) onChange(r.doc);
  }, [initialText, onChange]);

  const invalidText = st.errors.length > 0;
  // The text is not kept in step while nobody sees it (a hidden tab, a large scenario): it
  // catches up in the render that shows it. (Even a small scenario's text, rewritten into the
  // hidden textarea on every step of a quick lever, cost ~6 ms of DOM work a step; issue 12.)
  const deferred = !invalidText && (!active || (large && !showLarge));
  if (value !== st.synced && !deferred) {
    // The draft changed elsewhere (the form). Follow it, unless the user's text is invalid:
    // then keep the text and offer to replace it.
    if (st.errors.length === 0) {
      setSt({ ...st, text: toJson(value), synced: value, stale: false });
    } else if (!st.stale) {
      setSt({ ...st, synced: value, stale: true });
    } else {
      setSt({ ...st, synced: value });
    }
  }

  const edit = (text: string, status = '') => {
    const r = parseScenarioText(text);
    if (r.ok) {
      // The document upgraded to the current schemaVersion (the engine's migrate step).
      const doc = r.doc;
      setSt({ text, errors: [], synced: doc, stale: false, status });
      onChange(doc);
    } else {
      setSt((prev) => ({ ...prev, text, errors: r.errors, status }));
    }
  };

  const syntaxBroken = st.errors.some(
    (e) => e.path === 'scenario' && /not valid JSON/.test(e.message),
  );

  const format = () => {
    try {
      const doc: unknown = JSON.parse(
        st.text.charCodeAt(0) === 0xfeff ? st.text.slice(1) : st.text,
      );
      edit(toJson(doc), 'Formatted.');
    } catch {
      setSt((prev) => ({ ...prev, status: 'Cannot format: fix the JSON syntax error first.' }));
    }
  };

  const save = () => {
    const name = scenarioFileName(st.errors.length === 0 ? value : safeParse(st.text));
    const text = deferred || (st.synced !== value && !invalidText) ? toJson(value) : st.text;
    if (!download(name, text, 'application/json')) return;
    setSt((prev) => ({ ...prev, status: `Downloaded ${name}.` }));
  };

  const open = (e: ChangeEvent<HTMLInputElement>) => {
    const input = e.currentTarget;
    const file = input.files?.[0];
    if (!file) return;
    // Size cap, UTF-8 check and parse: src/app/openFile.ts (never throws).
    void openScenarioFile(file).then((r) => {
      const text = r.text;
      if (!r.ok && text === null) {
        setSt((prev) => ({
          ...prev,
          status: `Could not open ${r.name}: ${r.errors.map((m) => m.text).join('; ')}`,
        }));
        return;
      }
      if (text === null) return;
      edit(
        text,
        r.ok
          ? `Opened ${r.name}.`
          : `Opened ${r.name}: it has ${r.errors.length} ${r.errors.length === 1 ? 'problem' : 'problems'}; the text is kept below.`,
      );
    });
    input.value = '';
  };

  const taId = `${uid}-json`;
  const errId = `${uid}-json-errors`;
  const helpId = `${uid}-json-help`;
  const invalid = st.errors.length > 0;
  return (
    <div className="hf-json">
      <div className="hf-json-toolbar" role="toolbar" aria-label="Scenario file">
        <button type="button" onClick={format} aria-disabled={syntaxBroken || undefined}>
          Format
        </button>
        <button type="button" onClick={save}>
          Download scenario (.json)
        </button>
        <button type="button" onClick={() => fileRef.current?.click()}>
          Open file…
        </button>
        <input
          ref={fileRef}
          type="file"
          accept=".json,application/json"
          className="hf-visually-hidden"
          tabIndex={-1}
          aria-label="Open a scenario file"
          onChange={open}
        />
      </div>
      <label htmlFor={taId} className="hf-label">
        Scenario JSON
      </label>
      <p id={helpId} className="hf-help">
        Edit the scenario file directly; it is checked as you type. Valid edits update the form;
        invalid text is kept as typed while the charts keep the last valid scenario.
      </p>
      {st.stale && (
        <p className="hf-notice" role="status">
          The form changed while this text was invalid; your text is kept.{' '}
          <button
            type="button"
            onClick={() => edit(toJson(value), 'Replaced with the form’s scenario.')}
          >
            Replace it with the form’s scenario
          </button>
        </p>
      )}
      {deferred && large && (
        <div className="hf-notice" data-testid="json-large">
          <p>
            This scenario has {groupCount.toLocaleString('en-US')} groups: its JSON is too long to
            edit here without freezing the page for seconds. Download it to edit it in a text
            editor, or show it here anyway.
          </p>
          <button type="button" onClick={() => setShowLarge(true)}>
            Show the JSON anyway
          </button>
        </div>
      )}
      <textarea
        hidden={deferred && large}
        id={taId}
        className="hf-json-text"
        spellCheck={false}
        autoCapitalize="off"
        autoComplete="off"
        wrap="off"
        rows={rows}
        value={st.text}
        aria-invalid={invalid || undefined}
        aria-describedby={invalid ? `${helpId} ${errId}` : helpId}
        onChange={(e) => edit(e.currentTarget.value)}
      />
      <div id={errId} className="hf-json-errors" aria-live="polite">
        {invalid ? (
          <>
            <p className="hf-error-head">
              {st.errors.length} {st.errors.length === 1 ? 'problem' : 'problems'}:
            </p>
            <ul className="hf-error">
              {st.errors.map((e) => (
                <li key={e.text}>{e.text}</li>
              ))}
            </ul>
          </>
        ) : (
          <p className="hf-ok">Valid scenario.</p>
        )}
      </div>
      <p className="hf-status" role="status">
        {st.status}
      </p>
    </div>
  );
}

function safeParse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
