// The library dialog: save the current scenario with a name and notes; open, duplicate, rename
// or delete (with undo) a saved one; export the whole library to one file and import one back.
// Storage errors are shown, never swallowed.
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import type { ScenarioInput } from '../engine';
import type { ValidationMessage } from '../engine';
import { saveBlob } from '../components/export/ExportMenu';
import { readFileText } from '../app/openFile';
import {
  duplicateEntry,
  exportLibraryText,
  makeEntry,
  mergeEntries,
  parseLibraryText,
  type Library,
  type LibraryEntry,
} from './store';

export interface LibraryDialogProps {
  open: boolean;
  onClose: () => void;
  library: Promise<Library>;
  /** The current draft (saved as is) and its title. */
  draft: ScenarioInput;
  onOpenEntry: (e: LibraryEntry) => void;
}

type Note = { tone: 'ok' | 'error'; text: string; errors?: ValidationMessage[] } | null;

const when = (iso: string) => {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString();
};

export function LibraryDialog({ open, onClose, library, draft, onOpenEntry }: LibraryDialogProps) {
  const id = useId();
  const ref = useRef<HTMLDialogElement>(null);
  const [entries, setEntries] = useState<LibraryEntry[] | null>(null);
  const [note, setNote] = useState<Note>(null);
  const [deleted, setDeleted] = useState<LibraryEntry | null>(null);
  const [renaming, setRenaming] = useState<{ id: string; name: string } | null>(null);
  const title = String((draft as { title?: unknown }).title ?? '');
  const [name, setName] = useState(title);
  const [notes, setNotes] = useState('');

  const fail = (e: unknown) => setNote({ tone: 'error', text: e instanceof Error ? e.message : String(e) });
  const refresh = useCallback(async () => {
    try {
      setEntries(await (await library).list());
    } catch (e) {
      fail(e);
      setEntries([]);
    }
  }, [library]);

  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) {
      if (typeof d.showModal === 'function') d.showModal();
      else d.setAttribute('open', '');
      setName(title);
      setNotes('');
      void refresh();
    } else if (!open && d.open) {
      if (typeof d.close === 'function') d.close();
      else d.removeAttribute('open');
    }
    // Reset the form only when the dialog opens.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [open]);

  const act = async (f: (lib: Library) => Promise<void>, ok: string) => {
    try {
      await f(await library);
      setNote({ tone: 'ok', text: ok });
      await refresh();
    } catch (e) {
      fail(e);
    }
  };

  const save = () => {
    const e = makeEntry(draft, name || title, notes);
    void act((lib) => lib.put(e), `Saved “${e.name}”.`);
  };

  const importFile = async (file: File) => {
    // The one file opener's size cap and UTF-8 check (src/app/openFile.ts), then the library's format.
    const t = await readFileText(file);
    const r = t.ok ? parseLibraryText(t.text) : t;
    if (!r.ok) {
      setNote({ tone: 'error', text: `${file.name} was not imported; nothing changed:`, errors: r.errors });
      return;
    }
    await act(async (lib) => {
      const add = mergeEntries(await lib.list(), r.entries);
      for (const e of add) await lib.put(e);
    }, `Imported ${r.entries.length} scenario${r.entries.length === 1 ? '' : 's'} from ${file.name}.`);
  };

  return (
    <dialog
      ref={ref}
      className="library-dialog"
      aria-labelledby={`${id}-h`}
      onClose={onClose}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      {open ? (
        <div className="library-body">
          <h2 id={`${id}-h`}>Library</h2>
          <p className="muted-note">Kept in this browser only (IndexedDB); export it to a file for a backup or another browser.</p>
          <form
            className="library-save"
            onSubmit={(e) => {
              e.preventDefault();
              save();
            }}
          >
            <label>
              Name <input value={name} onChange={(e) => setName(e.currentTarget.value)} required />
            </label>
            <label>
              Notes <textarea value={notes} rows={2} onChange={(e) => setNotes(e.currentTarget.value)} />
            </label>
            <button type="submit" className="button primary">
              Save current scenario
            </button>
          </form>
          <div role="status" aria-live="polite" className={`library-note ${note?.tone ?? ''}`}>
            {note ? <p>{note.text}</p> : null}
            {note?.errors ? (
              <ul>
                {note.errors.map((m, i) => (
                  <li key={i}>
                    <code>{m.path}</code>: {m.message}
                  </li>
                ))}
              </ul>
            ) : null}
            {deleted ? (
              <p>
                Deleted “{deleted.name}”.{' '}
                <button
                  type="button"
                  className="button"
                  onClick={() => {
                    const e = deleted;
                    setDeleted(null);
                    void act((lib) => lib.put(e), `Restored “${e.name}”.`);
                  }}
                >
                  Undo
                </button>
              </p>
            ) : null}
          </div>
          {entries === null ? (
            <p aria-busy="true">Reading the library…</p>
          ) : entries.length === 0 ? (
            <p>No saved scenarios yet.</p>
          ) : (
            <ul className="library-list">
              {entries.map((e) => (
                <li key={e.id} data-entry={e.id}>
                  {renaming?.id === e.id ? (
                    <form
                      className="library-rename"
                      onSubmit={(ev) => {
                        ev.preventDefault();
                        const n = renaming.name.trim() || e.name;
                        setRenaming(null);
                        void act((lib) => lib.put({ ...e, name: n, updated: new Date().toISOString() }), `Renamed to “${n}”.`);
                      }}
                    >
                      <label>
                        New name{' '}
                        <input autoFocus value={renaming.name} onChange={(ev) => setRenaming({ id: e.id, name: ev.currentTarget.value })} />
                      </label>
                      <button type="submit" className="button">
                        Rename
                      </button>
                      <button type="button" className="button" onClick={() => setRenaming(null)}>
                        Cancel
                      </button>
                    </form>
                  ) : (
                    <>
                      <div className="library-entry-head">
                        <strong className="library-name">{e.name}</strong>
                        <span className="muted-note">
                          created {when(e.created)}; updated {when(e.updated)}
                        </span>
                      </div>
                      {e.notes ? <p className="library-notes">{e.notes}</p> : null}
                      <div className="library-actions">
                        <button type="button" className="button primary" onClick={() => onOpenEntry(e)}>
                          Open
                        </button>
                        <button type="button" className="button" onClick={() => void act((lib) => lib.put(duplicateEntry(e)), `Duplicated “${e.name}”.`)}>
                          Duplicate
                        </button>
                        <button type="button" className="button" onClick={() => setRenaming({ id: e.id, name: e.name })}>
                          Rename
                        </button>
                        <button
                          type="button"
                          className="button"
                          onClick={() => {
                            setDeleted(e);
                            void act((lib) => lib.remove(e.id), `Deleted “${e.name}”.`);
                          }}
                        >
                          Delete
                        </button>
                      </div>
                    </>
                  )}
                </li>
              ))}
            </ul>
          )}
          <div className="library-files">
            <button
              type="button"
              className="button"
              onClick={() =>
                void (async () => {
                  try {
                    const all = await (await library).list();
                    saveBlob('holdout-library.json', new Blob([exportLibraryText(all)], { type: 'application/json' }));
                    setNote({ tone: 'ok', text: `Exported ${all.length} scenario${all.length === 1 ? '' : 's'} to holdout-library.json.` });
                  } catch (e) {
                    fail(e);
                  }
                })()
              }
            >
              Export library
            </button>
            <label className="button">
              Import library…
              <input
                type="file"
                accept=".json,application/json"
                className="visually-hidden"
                onChange={(e) => {
                  const f = e.currentTarget.files?.[0];
                  e.currentTarget.value = '';
                  if (f) void importFile(f);
                }}
              />
            </label>
            <button type="button" className="button" onClick={onClose}>
              Close
            </button>
          </div>
        </div>
      ) : null}
    </dialog>
  );
}
