// The presets gallery: a modal dialog with one card per preset (title, what it shows, its
// source, the regime and size at a glance, the story in a disclosure, a Load button).
// Accessible modal: role=dialog + aria-modal, focus moves in (to the current preset's Load
// button) and is trapped there, Escape or a click on the backdrop closes it, focus returns to
// whatever opened it.
import { defendantCount as countGroups } from '../../engine';
import { useEffect, useId, useRef, type KeyboardEvent, type MouseEvent } from 'react';
import { PRESETS, type Preset } from '../../presets';

export interface PresetGalleryProps {
  open: boolean;
  /** The preset on screen, marked in the gallery; null when the scenario is the user's own. */
  currentId: string | null;
  onChoose(preset: Preset): void;
  onClose(): void;
}

const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** Everyone in the scenario. */
export function defendantCount(preset: Preset): number {
  return countGroups(preset.scenario.groups);
}

/** The regime and size at a glance: `priority · 7,000 defendants · budget 450`. */
export function presetGlance(preset: Preset): string {
  const s = preset.scenario;
  const n = defendantCount(preset);
  const capacity =
    s.prosecutor.regime === 'docket' && s.docket
      ? `capacity ${integer.format(s.docket.capacity)} a week`
      : `budget ${integer.format(s.prosecutor.budget ?? 0)}`;
  return `${s.prosecutor.regime} · ${integer.format(n)} defendant${n === 1 ? '' : 's'} · ${capacity}`;
}

const RANKING_TAG: Record<string, string> = {
  optimal: 'optimal ranking',
  arrival: 'arrival order',
  byValue: 'ranked by value',
  random: 'random order',
};

/** Short tags for what sets the preset apart: ranking, clock, pledge, fund. */
export function presetTags(preset: Preset): string[] {
  const s = preset.scenario;
  const tags: string[] = [];
  const regime = s.prosecutor.regime;
  if (regime === 'lottery') tags.push('trial lottery');
  else if (regime === 'forcedSpend') tags.push('speedy-trial clock');
  if (regime === 'priority' || regime === 'forcedSpend') {
    const r = s.prosecutor.ranking ?? (regime === 'priority' ? 'optimal' : 'arrival');
    tags.push(Array.isArray(r) ? 'fixed order' : (RANKING_TAG[r] ?? r));
  }
  const n = defendantCount(preset);
  const pledged = s.groups.reduce((m, g) => m + Math.round((g.pledgedShare ?? 0) * g.count), 0);
  if (pledged > 0) {
    const share = Math.round((100 * pledged) / n);
    tags.push(`${s.levers?.pledge?.secret ? 'secret' : 'public'} pledge, ${share}%`);
  }
  const never = s.groups.reduce((m, g) => m + Math.round((g.neverPleadsShare ?? 0) * g.count), 0);
  if (never > 0) tags.push(`${integer.format(never)} never plead`);
  if ((s.levers?.strikeFund?.fund ?? 0) > 0) tags.push('bail fund');
  if (s.groups.some((g) => (g.refusalCost ?? 0) > 0)) tags.push('pretrial detention');
  return tags;
}

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), summary, [tabindex]:not([tabindex="-1"])';

export function PresetGallery({ open, currentId, onChoose, onClose }: PresetGalleryProps) {
  const uid = useId();
  const dialogRef = useRef<HTMLDivElement>(null);
  const onCloseRef = useRef(onClose);
  useEffect(() => {
    onCloseRef.current = onClose;
  }, [onClose]);

  // Focus in on open (the current preset's Load button), back out on close.
  useEffect(() => {
    if (!open) return;
    const opener = document.activeElement as HTMLElement | null;
    const dialog = dialogRef.current;
    const target =
      dialog?.querySelector<HTMLElement>('[data-current="true"] .gallery-load') ??
      dialog?.querySelector<HTMLElement>('.gallery-load') ??
      dialog;
    target?.focus();
    target?.scrollIntoView?.({ block: 'nearest' });
    const body = document.body;
    const overflow = body.style.overflow;
    body.style.overflow = 'hidden';
    return () => {
      body.style.overflow = overflow;
      if (opener && opener.isConnected) opener.focus();
    };
    // Focus moves only when the dialog opens, not when the current preset changes under it.
  }, [open]);

  if (!open) return null;

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      onCloseRef.current();
      return;
    }
    if (e.key !== 'Tab') return;
    const dialog = dialogRef.current;
    if (!dialog) return;
    const nodes = Array.from(dialog.querySelectorAll<HTMLElement>(FOCUSABLE)).filter(
      (el) => !el.closest('[hidden]'),
    );
    if (nodes.length === 0) return;
    const first = nodes[0];
    const last = nodes[nodes.length - 1];
    const active = document.activeElement;
    if (e.shiftKey && (active === first || active === dialog)) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && active === last) {
      e.preventDefault();
      first.focus();
    }
  };

  const onBackdrop = (e: MouseEvent<HTMLDivElement>) => {
    if (e.target === e.currentTarget) onClose();
  };

  return (
    <div className="gallery-backdrop" onMouseDown={onBackdrop}>
      <div
        ref={dialogRef}
        className="gallery"
        role="dialog"
        aria-modal="true"
        aria-labelledby={`${uid}-h`}
        aria-describedby={`${uid}-d`}
        tabIndex={-1}
        onKeyDown={onKeyDown}
      >
        <div className="gallery-head">
          <div>
            <h2 id={`${uid}-h`} className="gallery-title">
              Presets
            </h2>
            <p id={`${uid}-d`} className="gallery-intro">
              {PRESETS.length} scenarios from the literature, each a full scenario file you can
              then edit. Tab to a card and press Enter on <strong>Load</strong>.
            </p>
          </div>
          <button type="button" className="gallery-close" onClick={onClose}>
            <span aria-hidden="true">✕</span>
            <span className="visually-hidden">Close the presets</span>
          </button>
        </div>
        <ul className="gallery-grid" aria-label="Presets">
          {PRESETS.map((p) => (
            <PresetCard
              key={p.id}
              preset={p}
              current={p.id === currentId}
              onLoad={() => onChoose(p)}
            />
          ))}
        </ul>
      </div>
    </div>
  );
}

function PresetCard({
  preset,
  current,
  onLoad,
}: {
  preset: Preset;
  current: boolean;
  onLoad: () => void;
}) {
  const uid = useId();
  const regime = preset.scenario.prosecutor.regime;
  return (
    <li
      className={`gallery-card${current ? ' is-current' : ''}`}
      data-preset={preset.id}
      data-current={current || undefined}
      aria-labelledby={`${uid}-t`}
    >
      <p className={`gallery-regime regime-${regime}`}>{presetGlance(preset)}</p>
      <h3 id={`${uid}-t`} className="gallery-card-title">
        {preset.title}
      </h3>
      <ul className="gallery-tags" aria-label="At a glance">
        {presetTags(preset).map((t) => (
          <li key={t}>{t}</li>
        ))}
      </ul>
      <p className="gallery-desc">{preset.description}</p>
      <details className="gallery-story">
        <summary>The story: what to look for</summary>
        <p>{preset.story}</p>
      </details>
      <p className="gallery-source">
        <span className="gallery-source-label">Source</span> {preset.source}
      </p>
      <div className="gallery-actions">
        {current ? <span className="gallery-badge">On screen</span> : null}
        <button
          type="button"
          className="gallery-load"
          aria-label={`Load ${preset.title}`}
          onClick={onLoad}
        >
          Load
        </button>
      </div>
    </li>
  );
}
