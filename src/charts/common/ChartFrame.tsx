// The React host every chart shares: a <figure> that owns an <svg> (D3 draws into it in an
// effect and is cleaned up), follows its container's width (ResizeObserver), announces the
// focused mark in a polite live region, and offers the data table.
import { useEffect, useId, useMemo, useRef, useState, useSyncExternalStore, type ReactNode } from 'react';
import { useRegisterFigure } from '../../figure/FigureContext';
import { DataTable } from './DataTable';
import type { TableData } from './table';
import { safeId } from './svg';

export interface FrameSize {
  width: number;
  height: number;
}

export interface ChartFrameProps {
  /** Draws into the svg; may return a cleanup. Keep it stable (useCallback) to avoid redraws. */
  draw: (
    svg: SVGSVGElement,
    size: FrameSize & { id: string; announce: (t: string) => void; pixelRatio?: number },
  ) => void | (() => void);
  table: TableData;
  /** Fixed width; otherwise the container's width. */
  width?: number;
  height: number;
  /** Width before the first measurement (and in environments without ResizeObserver). */
  initialWidth?: number;
  className?: string;
  caption?: ReactNode;
}

const visuallyHidden = {
  position: 'absolute',
  width: 1,
  height: 1,
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
} as const;

/**
 * Projector mode (<html data-size="large">): charts draw at 1/scale of their box and are scaled
 * up, so their type grows: at least PROJECTOR_SCALE, and with the chart's width (a drawing about
 * 760 px wide) up to PROJECTOR_MAX_SCALE, so the type keeps pace with the page's, which grows with
 * the screen (18 px at 1024, 20 px at 1280, 27 px at 1920).
 */
export const PROJECTOR_SCALE = 1.3;
export const PROJECTOR_MAX_SCALE = 1.9;

/** The projector's scale for a chart box `w` px wide. */
export function projectorScale(w: number): number {
  return Math.min(PROJECTOR_MAX_SCALE, Math.max(PROJECTOR_SCALE, w / 760));
}

function subscribeSize(onChange: () => void): () => void {
  if (typeof MutationObserver === 'undefined' || typeof document === 'undefined') return () => {};
  const mo = new MutationObserver(onChange);
  mo.observe(document.documentElement, { attributes: true, attributeFilter: ['data-size'] });
  return () => mo.disconnect();
}
const largeNow = () => typeof document !== 'undefined' && document.documentElement.dataset.size === 'large';

/** Whether the page is in projector mode (follows the attribute as it changes). */
export function useProjectorMode(): boolean {
  return useSyncExternalStore(subscribeSize, largeNow, () => false);
}

export function ChartFrame({ draw, table, width, height, initialWidth = 640, className, caption }: ChartFrameProps) {
  const rawId = useId();
  const id = safeId(`hc${rawId}`, 'hc');
  const boxRef = useRef<HTMLDivElement>(null);
  const svgRef = useRef<SVGSVGElement>(null);
  const [measured, setMeasured] = useState<number | null>(null);
  const [live, setLive] = useState('');
  const w = width ?? measured ?? initialWidth;
  // Exportable: the kind is the class name's chart (`hc-ladder` → ladder); the export menu
  // around the chart redraws it for a file with this same draw code (src/figure/render.ts).
  const kind = className?.split(' ').find((c) => c.startsWith('hc-'))?.slice(3);
  const figure = useMemo(() => (kind ? { kind, draw, table } : null), [kind, draw, table]);
  useRegisterFigure(figure);
  const large = useProjectorMode();
  // In the classroom's presenter (.tour-presenter) a wide chart draws at most ~760 px and is
  // scaled up (at most 1.6×), so its type grows with the screen like the text beside it.
  const [inTour, setInTour] = useState(false);
  useEffect(() => {
    setInTour(boxRef.current?.closest('.tour-presenter') != null);
  }, []);
  const scale =
    width !== undefined ? 1 : inTour ? Math.min(1.6, Math.max(1, w / 760)) : large ? projectorScale(w) : 1;

  useEffect(() => {
    if (width !== undefined) return;
    const el = boxRef.current;
    if (!el || typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver((entries) => {
      const cw = Math.floor(entries[0]?.contentRect.width ?? 0);
      if (cw > 0) setMeasured((prev) => (prev !== null && Math.abs(prev - cw) < 2 ? prev : cw));
    });
    ro.observe(el);
    return () => ro.disconnect();
  }, [width]);

  // A redraw draws over the last drawing: every chart's draw starts from initSvg, which empties
  // the svg, or updates what it keeps in place (the ladder's dense marks while a lever moves,
  // issue 12). The last drawing's cleanup runs, and the svg is emptied, when the chart goes.
  const lastCleanup = useRef<(() => void) | null>(null);
  useEffect(() => {
    const svg = svgRef.current;
    if (!svg) return;
    // A canvas layer's resolution: the screen's device pixels per drawing unit.
    const pixelRatio = scale * (typeof window !== 'undefined' && window.devicePixelRatio > 0 ? window.devicePixelRatio : 1);
    const cleanup = draw(svg, { width: Math.max(280, Math.round(w / scale)), height: Math.round(height / scale), id, announce: setLive, pixelRatio });
    lastCleanup.current = typeof cleanup === 'function' ? cleanup : null;
  }, [draw, w, height, id, scale]);
  useEffect(() => {
    const svg = svgRef.current;
    return () => {
      lastCleanup.current?.();
      lastCleanup.current = null;
      if (svg) while (svg.firstChild) svg.removeChild(svg.firstChild);
    };
  }, []);

  return (
    <figure className={['hc-figure', className].filter(Boolean).join(' ')} style={{ margin: 0 }}>
      <div ref={boxRef} style={{ width: '100%' }}>
        <svg
          ref={svgRef}
          role="img"
          // The drawing names itself (aria-labelledby its <title> and <desc>); until it is drawn,
          // the data table's caption does.
          aria-label={table.caption}
          style={scale === 1 ? { display: 'block', maxWidth: '100%', height: 'auto' } : { display: 'block', width: '100%', height: 'auto' }}
        />
      </div>
      <div aria-live="polite" style={visuallyHidden}>
        {live}
      </div>
      {caption ? <figcaption>{caption}</figcaption> : null}
      <DataTable table={table} />
    </figure>
  );
}
