// The export menu: a menu button (WAI-ARIA menu button pattern: Enter, Space or ArrowDown
// opens it on the first item, ArrowUp on the last; arrows, Home and End move; Escape closes
// and returns focus; Tab closes). Files are made in the browser and saved through a Blob URL:
// nothing is sent anywhere.
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import type { Result } from '../../engine/result/types';
import { svgToPng, svgToString } from '../../charts/common/export';
import {
  MIME,
  defendantsCsvText,
  fileName,
  provenance,
  resultJsonText,
  scenarioFileText,
  totalsCsvText,
  withSvgMetadata,
  type ExportKind,
} from './exportData';

export interface ExportMenuProps {
  /** The current valid scenario (any JSON value in the §6 format). */
  scenario: unknown;
  /** The current result, or null while there is none. */
  result: Result | null;
  /** The chart on screen, if the tab shows one. */
  chartSvg?: () => SVGSVGElement | null;
  /** File base name, e.g. the preset id or the scenario title. */
  name: string;
}

interface Item {
  kind: ExportKind;
  label: string;
  hint: string;
  /** Why it cannot be used now; null when it can. */
  disabled: string | null;
}

/** Saves a file through a temporary Blob URL (no network). */
export function saveBlob(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Give the browser time to read the blob before it is released.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

type Status = { tone: 'ok' | 'error' | 'info'; text: string; command?: string } | null;

export function ExportMenu({ scenario, result, chartSvg, name }: ExportMenuProps) {
  const uid = useId();
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<Status>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const itemRefs = useRef<(HTMLButtonElement | null)[]>([]);
  const rootRef = useRef<HTMLDivElement>(null);

  const hasChart = open && !!chartSvg?.();
  const noResult = result ? null : 'No result yet.';
  const noChart = hasChart ? null : 'This tab shows no chart.';
  const omitted = !!result && (result.defendantsOmitted || !result.defendants);
  const items: Item[] = [
    { kind: 'svg', label: 'Chart as SVG', hint: 'vector, for papers', disabled: noChart },
    { kind: 'png2', label: 'Chart as PNG (2×)', hint: 'for slides and the web', disabled: noChart },
    {
      kind: 'png4',
      label: 'Chart as PNG (4×)',
      hint: '300 dpi-ready for print',
      disabled: noChart,
    },
    {
      kind: 'defendantsCsv',
      label: 'Defendants as CSV',
      hint: omitted ? 'rows omitted above 100,000: see the command line' : 'one row per defendant',
      disabled: noResult,
    },
    {
      kind: 'totalsCsv',
      label: 'Totals as CSV',
      hint: result?.distribution ? 'run 0 and one row per statistic' : 'one row of totals',
      disabled: noResult,
    },
    { kind: 'resultJson', label: 'Result as JSON', hint: 'as the command line prints it', disabled: noResult },
    {
      kind: 'scenarioJson',
      label: 'Scenario file (.json)',
      hint: 'reproducible: defaults and seed included',
      disabled: null,
    },
  ];

  // Move focus to the active item while the menu is open.
  useEffect(() => {
    if (open) itemRefs.current[active]?.focus();
  }, [open, active]);

  // A click outside closes the menu.
  useEffect(() => {
    if (!open) return;
    const onDown = (e: PointerEvent) => {
      if (rootRef.current && !rootRef.current.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onDown);
    return () => document.removeEventListener('pointerdown', onDown);
  }, [open]);

  const openAt = (i: number) => {
    setActive(i);
    setOpen(true);
  };
  const close = (refocus = true) => {
    setOpen(false);
    if (refocus) buttonRef.current?.focus();
  };

  const onButtonKey = (e: KeyboardEvent<HTMLButtonElement>) => {
    if (e.key === 'ArrowDown' || e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      openAt(0);
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      openAt(items.length - 1);
    }
  };

  const onMenuKey = (e: KeyboardEvent<HTMLUListElement>) => {
    const n = items.length;
    const go = (i: number) => {
      e.preventDefault();
      setActive(((i % n) + n) % n);
    };
    switch (e.key) {
      case 'ArrowDown':
        return go(active + 1);
      case 'ArrowUp':
        return go(active - 1);
      case 'Home':
        return go(0);
      case 'End':
        return go(n - 1);
      case 'Escape':
        e.preventDefault();
        return close();
      case 'Tab':
        return close(false);
      default: {
        // Type-ahead: the first item whose label starts with the key.
        if (e.key.length === 1 && /\S/.test(e.key)) {
          const k = e.key.toLowerCase();
          const from = items.findIndex(
            (it, i) => i > active && it.label.toLowerCase().startsWith(k),
          );
          const to = from >= 0 ? from : items.findIndex((it) => it.label.toLowerCase().startsWith(k));
          if (to >= 0) go(to);
        }
      }
    }
  };

  const run = async (item: Item) => {
    if (item.disabled) {
      setStatus({ tone: 'info', text: item.disabled });
      return;
    }
    close();
    const file = fileName(name, item.kind);
    try {
      switch (item.kind) {
        case 'svg':
        case 'png2':
        case 'png4': {
          const svg = chartSvg?.();
          if (!svg) throw new Error('This tab shows no chart.');
          if (item.kind === 'svg') {
            const text = withSvgMetadata(svgToString(svg), provenance(scenario));
            saveBlob(file, new Blob([text], { type: MIME.svg }));
          } else {
            setBusy(true);
            const blob = await svgToPng(svg, item.kind === 'png2' ? 2 : 4);
            saveBlob(file, blob);
          }
          break;
        }
        case 'defendantsCsv': {
          if (!result) throw new Error('No result yet.');
          const csv = defendantsCsvText(result, scenario, name);
          if (!csv.ok) {
            if (csv.omitted) {
              setStatus({ tone: 'info', text: csv.message, command: csv.command });
            } else {
              setStatus({
                tone: 'error',
                text: `The scenario is not valid: ${csv.errors.map((m) => m.text).join('; ')}`,
              });
            }
            return;
          }
          saveBlob(file, new Blob([csv.value], { type: MIME.defendantsCsv }));
          break;
        }
        case 'totalsCsv':
          if (!result) throw new Error('No result yet.');
          saveBlob(file, new Blob([totalsCsvText(result)], { type: MIME.totalsCsv }));
          break;
        case 'resultJson':
          if (!result) throw new Error('No result yet.');
          saveBlob(file, new Blob([resultJsonText(result)], { type: MIME.resultJson }));
          break;
        case 'scenarioJson': {
          const text = scenarioFileText(scenario);
          if (!text.ok) {
            setStatus({
              tone: 'error',
              text: `The scenario is not valid: ${text.errors.map((m) => m.text).join('; ')}`,
            });
            return;
          }
          saveBlob(file, new Blob([text.value], { type: MIME.scenarioJson }));
          break;
        }
      }
      setStatus({ tone: 'ok', text: `Saved ${file}.` });
    } catch (err) {
      setStatus({ tone: 'error', text: err instanceof Error ? err.message : String(err) });
    } finally {
      setBusy(false);
    }
  };

  const menuId = `${uid}-menu`;
  return (
    <div className="export-menu" ref={rootRef}>
      <button
        ref={buttonRef}
        type="button"
        className="export-button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        aria-busy={busy || undefined}
        onClick={() => (open ? close() : openAt(0))}
        onKeyDown={onButtonKey}
      >
        <span aria-hidden="true" className="export-icon">
          ⤓
        </span>
        Export
        <span aria-hidden="true" className="export-caret">
          ▾
        </span>
      </button>
      {open ? (
        <ul
          id={menuId}
          role="menu"
          aria-label="Export"
          className="export-list"
          onKeyDown={onMenuKey}
        >
          {items.map((it, i) => (
            <li key={it.kind} role="none">
              <button
                ref={(el) => {
                  itemRefs.current[i] = el;
                }}
                type="button"
                role="menuitem"
                tabIndex={i === active ? 0 : -1}
                aria-disabled={it.disabled ? true : undefined}
                data-kind={it.kind}
                className="export-item"
                onClick={() => void run(it)}
                onMouseEnter={() => setActive(i)}
              >
                <span className="export-label">{it.label}</span>
                <span className="export-hint">{it.disabled ?? it.hint}</span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <div
        className={status && status.tone !== 'ok' ? 'export-status is-shown' : 'export-status'}
        role="status"
        aria-live="polite"
      >
        {status ? (
          <p className={`export-message export-${status.tone}`}>
            {status.text}
            {status.command ? (
              <>
                {' '}
                <code className="export-command">{status.command}</code>
              </>
            ) : null}
          </p>
        ) : null}
        {status && status.tone !== 'ok' ? (
          <button type="button" className="export-dismiss" onClick={() => setStatus(null)}>
            <span aria-hidden="true">✕</span>
            <span className="visually-hidden">Dismiss</span>
          </button>
        ) : null}
      </div>
    </div>
  );
}
