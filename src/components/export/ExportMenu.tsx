// The export menu: a menu button (WAI-ARIA menu button pattern: Enter, Space or ArrowDown
// opens it on the first item, ArrowUp on the last; arrows, Home and End move; Escape closes
// and returns focus; Tab closes). Files are made in the browser and saved through a Blob URL:
// nothing is sent anywhere.
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import type { Result } from '../../engine';
import { resolveTheme, svgToPng, svgToString } from '../../charts/common/export';
import { drawFigure, renderFigureSvg, figureSize, type FigureSource } from '../../figure/render';
import { svgTextToPng } from '../../figure/browserPng';
import { CSS_DPI, DPI_MAX, DPI_MIN, parseDpi, pngPixels, setPngDpi } from '../../figure/png';
import { tableCsv, tableJson } from '../../figure/table';
import type { FigureLook } from '../../figure/style';
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
  /** The chart's registered figure source (src/figure): exports redraw it for a file. */
  figure?: () => FigureSource | null;
  /** Settings written into the figure's metadata (sweep field and range, outcome…). */
  settings?: FigureSource['settings'];
  /** Offer the result's files (defendants, totals, result JSON); false on analysis charts. */
  resultItems?: boolean;
}

/** The PNG sizes offered: scale × the figure, and the DPI written into the file. */
const PNG: Record<'png1' | 'png2' | 'png4' | 'png300', { scale: number; dpi: number }> = {
  png1: { scale: 1, dpi: 96 },
  png2: { scale: 2, dpi: 192 },
  png4: { scale: 4, dpi: 384 },
  png300: { scale: 300 / 96, dpi: 300 },
};

/** The figure's SVG text, in the figure style or the screen's look. */
export function figureSvgText(src: FigureSource, scenario: unknown, look: FigureLook, live: SVGSVGElement | null): string {
  const s = { ...src };
  const width = Number(live?.getAttribute('width')) || undefined;
  const height = Number(live?.getAttribute('height')) || undefined;
  return renderFigureSvg(document, s, scenario, look === 'screen' && live ? { look, width, height, colors: resolveTheme(live) } : { look: 'figure' });
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

export function ExportMenu({
  scenario,
  result,
  chartSvg,
  name,
  figure,
  settings,
  resultItems = true,
}: ExportMenuProps) {
  const uid = useId();
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<Status>(null);
  const [look, setLook] = useState<FigureLook>('figure');
  // "Chart as PNG at a chosen DPI…": the resolution as typed, and whether its form is open.
  const [dpiOpen, setDpiOpen] = useState(false);
  const [dpiText, setDpiText] = useState('600');
  const [dpiError, setDpiError] = useState<string | null>(null);
  const dpiInputRef = useRef<HTMLInputElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const itemRefs = useRef<(HTMLButtonElement | null)[]>([]);
  const rootRef = useRef<HTMLDivElement>(null);

  const hasChart = open && (!!figure?.() || !!chartSvg?.());
  const hasData = open && !!figure?.();
  const noResult = result ? null : 'No result yet.';
  const noChart = hasChart ? null : 'This tab shows no chart.';
  const noData = hasData ? null : 'This tab shows no chart.';
  const omitted = !!result && (result.defendantsOmitted || !result.defendants);
  const styleHint = look === 'figure' ? 'figure style' : 'screen look';
  const items: Item[] = [
    { kind: 'svg', label: 'Chart as SVG', hint: `vector, for papers (${styleHint})`, disabled: noChart },
    { kind: 'png1', label: 'Chart as PNG (1×)', hint: '96 dpi', disabled: noChart },
    { kind: 'png2', label: 'Chart as PNG (2×)', hint: '192 dpi, for slides and the web', disabled: noChart },
    { kind: 'png4', label: 'Chart as PNG (4×)', hint: '384 dpi, for print', disabled: noChart },
    { kind: 'png300', label: 'Chart as PNG (300 dpi)', hint: 'a journal’s usual resolution', disabled: noChart },
    { kind: 'pngDpi', label: 'Chart as PNG at a chosen DPI…', hint: `any resolution from ${DPI_MIN} to ${DPI_MAX} dpi`, disabled: noChart },
    { kind: 'chartCsv', label: 'Chart data as CSV', hint: 'exactly what is drawn, units in the header', disabled: noData },
    { kind: 'chartJson', label: 'Chart data as JSON', hint: 'the same, with the figure’s provenance', disabled: noData },
  ];
  if (resultItems) items.push(
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
  );
  items.push({
    kind: 'scenarioJson',
    label: 'Scenario file (.json)',
    hint: 'reproducible: defaults and seed included',
    disabled: null,
  });

  // Move focus to the active item while the menu is open.
  useEffect(() => {
    if (open) itemRefs.current[active]?.focus();
  }, [open, active]);

  // A click outside closes the menu (and the DPI form).
  useEffect(() => {
    if (!dpiOpen) return;
    const onDown = (e: PointerEvent) => {
      if (rootRef.current && !rootRef.current.contains(e.target as Node)) setDpiOpen(false);
    };
    document.addEventListener('pointerdown', onDown);
    return () => document.removeEventListener('pointerdown', onDown);
  }, [dpiOpen]);
  useEffect(() => {
    if (!open) return;
    const onDown = (e: PointerEvent) => {
      if (rootRef.current && !rootRef.current.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onDown);
    return () => document.removeEventListener('pointerdown', onDown);
  }, [open]);

  const openAt = (i: number) => {
    setDpiOpen(false);
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
      openAt(items.length);
    }
  };

  const onMenuKey = (e: KeyboardEvent<HTMLUListElement>) => {
    const n = items.length + 1; // the items and the look toggle
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

  /** The figure's size in CSS px, in the look chosen (null: no chart). */
  const chartSize = (): { width: number; height: number } | null => {
    const src = figure?.() ?? null;
    const live = chartSvg?.() ?? null;
    if (src) return figureSize(src.kind, look === 'screen' && live ? { look, width: Number(live.getAttribute('width')), height: Number(live.getAttribute('height')) } : {});
    if (!live) return null;
    return { width: Number(live.getAttribute('width')) || live.viewBox.baseVal.width || 640, height: Number(live.getAttribute('height')) || live.viewBox.baseVal.height || 400 };
  };

  /** Saves the chart as SVG (png null) or as a PNG at `scale` × its size with `dpi` in the file. */
  const saveChart = async (file: string, png: { scale: number; dpi: number } | null) => {
    const src = figure?.() ?? null;
    const live = chartSvg?.() ?? null;
    if (src) {
      const withSettings = settings ? { ...src, settings } : src;
      const text = figureSvgText(withSettings, scenario, look, live);
      if (!png) {
        saveBlob(file, new Blob([text], { type: MIME.svg }));
      } else {
        setBusy(true);
        const size = chartSize()!;
        saveBlob(file, await svgTextToPng(text, size.width, size.height, png.scale, png.dpi));
      }
      return;
    }
    const svg = live;
    if (!svg) throw new Error('This tab shows no chart.');
    if (!png) {
      const text = withSvgMetadata(svgToString(svg), provenance(scenario));
      saveBlob(file, new Blob([text], { type: MIME.svg }));
    } else {
      setBusy(true);
      const bytes = new Uint8Array(await (await svgToPng(svg, png.scale)).arrayBuffer());
      saveBlob(file, new Blob([setPngDpi(bytes, png.dpi) as BlobPart], { type: 'image/png' }));
    }
  };

  const openDpi = () => {
    setDpiError(null);
    setDpiOpen(true);
  };
  useEffect(() => {
    if (dpiOpen) dpiInputRef.current?.focus();
  }, [dpiOpen]);
  const closeDpi = () => {
    setDpiOpen(false);
    setDpiError(null);
    buttonRef.current?.focus();
  };
  const typedDpi = parseDpi(dpiText);
  const typedSize = dpiOpen && typedDpi.ok ? chartSize() : null;
  const typedPixels = typedSize && typedDpi.ok ? pngPixels(typedSize.width, typedSize.height, typedDpi.dpi / CSS_DPI) : null;

  const saveAtDpi = async () => {
    const d = parseDpi(dpiText);
    if (!d.ok) {
      setDpiError(d.message);
      dpiInputRef.current?.focus();
      return;
    }
    const file = fileName(name, 'pngDpi', d.dpi);
    setDpiOpen(false);
    setDpiError(null);
    buttonRef.current?.focus();
    try {
      await saveChart(file, { scale: d.dpi / CSS_DPI, dpi: d.dpi });
      setStatus({ tone: 'ok', text: `Saved ${file}.` });
    } catch (err) {
      setStatus({ tone: 'error', text: err instanceof Error ? err.message : String(err) });
    } finally {
      setBusy(false);
    }
  };

  const run = async (item: Item) => {
    if (item.disabled) {
      setStatus({ tone: 'info', text: item.disabled });
      return;
    }
    if (item.kind === 'pngDpi') {
      close(false);
      openDpi();
      return;
    }
    close();
    const file = fileName(name, item.kind);
    try {
      switch (item.kind) {
        case 'svg':
          await saveChart(file, null);
          break;
        case 'png1':
        case 'png2':
        case 'png4':
        case 'png300':
          await saveChart(file, PNG[item.kind]);
          break;
        case 'chartCsv':
        case 'chartJson': {
          const src = figure?.() ?? null;
          if (!src) throw new Error('This tab shows no chart.');
          if (item.kind === 'chartCsv') {
            saveBlob(file, new Blob([tableCsv(src.table)], { type: MIME.chartCsv }));
          } else {
            const { meta, cleanup } = drawFigure(document, settings ? { ...src, settings } : src, scenario);
            cleanup();
            saveBlob(file, new Blob([tableJson(src.table, meta)], { type: MIME.chartJson }));
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
          <li role="none" className="export-look">
            <button
              type="button"
              role="menuitemcheckbox"
              aria-checked={look === 'screen'}
              ref={(el) => {
                itemRefs.current[items.length] = el;
              }}
              tabIndex={active === items.length ? 0 : -1}
              onMouseEnter={() => setActive(items.length)}
              className="export-item"
              onClick={() => setLook((l) => (l === 'figure' ? 'screen' : 'figure'))}
            >
              <span className="export-label">
                <span aria-hidden="true">{look === 'screen' ? '☑' : '☐'}</span> Use the screen’s look
              </span>
              <span className="export-hint">
                {look === 'screen'
                  ? 'theme, size and type as on screen'
                  : 'off: light figure style, 6.5 in wide, print-safe colours'}
              </span>
            </button>
          </li>
        </ul>
      ) : null}
      {dpiOpen ? (
        <form
          className="export-dpi"
          aria-label="Chart as PNG at a chosen DPI"
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            void saveAtDpi();
          }}
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              e.preventDefault();
              closeDpi();
            }
          }}
        >
          <div className="export-dpi-row">
            <label htmlFor={`${uid}-dpi`} className="export-label">
              Resolution
            </label>
            <input
              ref={dpiInputRef}
              id={`${uid}-dpi`}
              className="export-dpi-input"
              type="text"
              inputMode="decimal"
              autoComplete="off"
              value={dpiText}
              aria-invalid={dpiError ? true : undefined}
              aria-describedby={`${uid}-dpi-hint${dpiError ? ` ${uid}-dpi-error` : ''}`}
              onChange={(e) => {
                setDpiText(e.currentTarget.value);
                setDpiError(null);
              }}
            />
            <span aria-hidden="true">dpi</span>
          </div>
          <p id={`${uid}-dpi-hint`} className="export-hint" data-testid="dpi-pixels">
            {typedPixels
              ? `${typedPixels.width.toLocaleString('en-US')} × ${typedPixels.height.toLocaleString('en-US')} pixels, ${typedDpi.ok ? typedDpi.dpi : ''} dpi written into the file`
              : `From ${DPI_MIN} to ${DPI_MAX} dots per inch.`}
          </p>
          {dpiError ? (
            <p id={`${uid}-dpi-error`} className="export-message export-error" role="alert">
              {dpiError}
            </p>
          ) : null}
          <div className="export-dpi-actions">
            <button type="submit" className="button primary">
              Save PNG
            </button>
            <button type="button" className="button" onClick={closeDpi}>
              Cancel
            </button>
          </div>
        </form>
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
