// The "Cite" dialog: BibTeX and plain text for Holdout (its version), the two works the model
// rests on, and the exact scenario on screen (its content hash), each with a Copy button.
// A native <dialog> opened modally: focus moves in, Escape closes, focus returns to the opener.
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { scenarioIdentity } from '../figure/meta';
import { allCitations } from './citations';

export interface CiteDialogProps {
  open: boolean;
  onClose: () => void;
  scenario: unknown;
}

async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}

export function CiteDialog({ open, onClose, scenario }: CiteDialogProps) {
  const id = useId();
  const ref = useRef<HTMLDialogElement>(null);
  const [format, setFormat] = useState<'bibtex' | 'text'>('bibtex');
  const [copied, setCopied] = useState<string | null>(null);
  const identity = useMemo(() => (open ? scenarioIdentity(scenario) : null), [open, scenario]);
  const citations = useMemo(() => allCitations(identity), [identity]);

  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) {
      if (typeof d.showModal === 'function') d.showModal();
      else d.setAttribute('open', '');
    } else if (!open && d.open) {
      if (typeof d.close === 'function') d.close();
      else d.removeAttribute('open');
    }
  }, [open]);

  const all = citations.map((c) => (format === 'bibtex' ? c.bibtex : c.text)).join(format === 'bibtex' ? '\n\n' : '\n');
  return (
    <dialog
      ref={ref}
      className="cite-dialog"
      aria-labelledby={`${id}-h`}
      onClose={onClose}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      {open ? (
        <div className="cite-body">
          <h2 id={`${id}-h`}>Cite</h2>
          <p>
            Cite Holdout with its version, the works its model rests on, and the exact scenario
            (its SHA-256 names the scenario file the <strong>Export → Scenario file</strong> item
            saves).
          </p>
          <div role="radiogroup" aria-label="Format" className="cite-format">
            {(['bibtex', 'text'] as const).map((f) => (
              <label key={f}>
                <input type="radio" name={`${id}-f`} checked={format === f} onChange={() => setFormat(f)} />{' '}
                {f === 'bibtex' ? 'BibTeX' : 'Plain text'}
              </label>
            ))}
          </div>
          <ul className="cite-list">
            {citations.map((c) => {
              const body = format === 'bibtex' ? c.bibtex : c.text;
              return (
                <li key={c.id} data-cite={c.id}>
                  <div className="cite-head">
                    <strong>{c.label}</strong>
                    <button
                      type="button"
                      className="button"
                      onClick={() => void copyText(body).then((ok) => setCopied(ok ? c.id : `fail:${c.id}`))}
                    >
                      Copy
                    </button>
                  </div>
                  <pre className="cite-text" tabIndex={0}>
                    {body}
                  </pre>
                </li>
              );
            })}
          </ul>
          <p role="status" className="cite-status">
            {copied === null ? '' : copied.startsWith('fail:') ? 'The clipboard is not available here: select the text and copy it.' : 'Copied.'}
          </p>
          <div className="cite-actions">
            <button type="button" className="button" onClick={() => void copyText(all).then((ok) => setCopied(ok ? 'all' : 'fail:all'))}>
              Copy all
            </button>
            <button type="button" className="button primary" onClick={onClose}>
              Close
            </button>
          </div>
        </div>
      ) : null}
    </dialog>
  );
}
