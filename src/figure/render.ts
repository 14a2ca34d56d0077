// Renders a chart as a standalone SVG file: the chart's own draw code runs into a fresh <svg> of
// the given document (the page in the app, jsdom in `npm run figure`), then the drawing is
// finished for a file — interaction removed, the theme resolved to concrete colours (the figure
// style, or the screen's look), a title naming the scenario, provenance in <metadata> — and
// written by the deterministic serializer. Same inputs, same bytes, in the browser and in Node.
import type { TableData } from '../charts/common/table';
import { resolveVars } from '../charts/common/export';
import { FONT_FAMILY, resolvedThemeCss, type ThemeKey } from '../charts/common/theme';
import { figureMeta, type FigureMeta } from './meta';
import { provenance } from '../components/export/exportData';
import { XML_DECLARATION, serializeElement } from './serialize';
import {
  DEFAULT_FIGURE_HEIGHT,
  FIGURE_COLORS,
  FIGURE_FONT_FAMILY,
  FIGURE_HEIGHT,
  FIGURE_WIDTH,
  type FigureLook,
} from './style';

const SVG_NS = 'http://www.w3.org/2000/svg';
export const METADATA_NS = 'urn:holdout:figure';

export interface FigureDrawOptions {
  width: number;
  height: number;
  id: string;
  announce: (t: string) => void;
  /** Drawing for a file: vector only (no canvas raster), no interaction needed. */
  figure?: boolean;
}

/** A chart that can be exported: its draw code and the data it draws. */
export interface FigureSource {
  /** Registry name: ladder, threshold, schelling, distribution, regimes, sweep, phase, compare… */
  kind: string;
  draw: (svg: SVGSVGElement, o: FigureDrawOptions) => void | (() => void);
  table: TableData;
  /** Settings that shaped the figure (written into the metadata). */
  settings?: FigureMeta['settings'];
}

export interface RenderOptions {
  look?: FigureLook;
  /** Screen look: the width on screen and the colours resolved from the page. */
  width?: number;
  height?: number;
  colors?: Record<ThemeKey, string>;
}

export function figureSize(kind: string, opts: RenderOptions = {}): { width: number; height: number } {
  const look = opts.look ?? 'figure';
  return {
    width: look === 'screen' && opts.width ? Math.round(opts.width) : FIGURE_WIDTH,
    height: look === 'screen' && opts.height ? Math.round(opts.height) : (FIGURE_HEIGHT[kind] ?? DEFAULT_FIGURE_HEIGHT),
  };
}

/** `fill: var(--x); stroke-width: 2px` → `fill:#abc;stroke-width:2px` (one spelling everywhere). */
function normalizeStyle(value: string, colors: Record<ThemeKey, string>): string {
  return value
    .split(';')
    .map((d) => d.trim())
    .filter(Boolean)
    .map((d) => {
      const i = d.indexOf(':');
      return i < 0 ? d : `${d.slice(0, i).trim()}:${resolveVars(d.slice(i + 1).trim(), colors)}`;
    })
    .join(';');
}

/**
 * Draws `src` into a new <svg> of `doc`, finished for a file. Call `cleanup` once done with it
 * (a chart's cleanup empties its svg).
 */
export function drawFigure(doc: Document, src: FigureSource, scenario: unknown, opts: RenderOptions = {}): { svg: SVGSVGElement; meta: FigureMeta; cleanup: () => void } {
  const look = opts.look ?? 'figure';
  const { width, height } = figureSize(src.kind, opts);
  const colors = look === 'figure' || !opts.colors ? FIGURE_COLORS : opts.colors;
  const font = look === 'figure' ? FIGURE_FONT_FAMILY : FONT_FAMILY;
  const svg = doc.createElementNS(SVG_NS, 'svg');
  const drawn = src.draw(svg, { width, height, id: `fig-${src.kind}`, announce: () => {}, figure: true });
  const cleanup = typeof drawn === 'function' ? drawn : () => {};

  svg.querySelectorAll('.hc-overlay, .hc-focus-ring, .hc-tooltip').forEach((n) => n.remove());
  const styles = Array.from(svg.querySelectorAll('style'));
  styles.forEach((st, i) => {
    if (i === 0) st.textContent = resolvedThemeCss(colors, font);
    else st.remove();
  });
  for (const el of [svg, ...Array.from(svg.querySelectorAll('*'))]) {
    for (const a of Array.from(el.attributes)) {
      if (a.name === 'style') el.setAttribute('style', normalizeStyle(a.value, colors));
      else if (a.value.includes('var(')) el.setAttribute(a.name, resolveVars(a.value, colors));
    }
    el.removeAttribute('tabindex');
    el.removeAttribute('focusable');
  }
  svg.setAttribute('xmlns', SVG_NS);
  svg.setAttribute('version', '1.1');
  svg.setAttribute('width', String(width));
  svg.setAttribute('height', String(height));

  const titleEl = svg.querySelector('title');
  const chartTitle = titleEl?.textContent ?? src.kind;
  const meta = figureMeta(src.kind, chartTitle, scenario, src.settings);
  const fullTitle = meta.scenario ? `${chartTitle} — ${meta.scenario.title}` : chartTitle;
  if (titleEl) titleEl.textContent = fullTitle;
  else {
    const t = doc.createElementNS(SVG_NS, 'title');
    t.textContent = fullTitle;
    svg.insertBefore(t, svg.firstChild);
  }
  const metadata = doc.createElementNS(SVG_NS, 'metadata');
  metadata.appendChild(doc.createTextNode(provenance(scenario)));
  const h = doc.createElementNS(METADATA_NS, 'holdout');
  h.setAttribute('xmlns', METADATA_NS);
  h.setAttribute('version', meta.version);
  h.setAttribute('chart', meta.chart);
  h.setAttribute('look', look);
  if (meta.scenario) {
    h.setAttribute('scenario', meta.scenario.title);
    h.setAttribute('scenario-sha256', meta.scenario.sha256);
    h.setAttribute('seed', String(meta.scenario.seed));
    h.setAttribute('runs', String(meta.scenario.runs));
  }
  for (const [k, v] of Object.entries(meta.settings ?? {})) h.setAttribute(`setting-${k.replace(/[^A-Za-z0-9-]/g, '-')}`, String(v));
  metadata.appendChild(h);
  const desc = svg.querySelector('desc');
  svg.insertBefore(metadata, desc ? desc.nextSibling : (svg.querySelector('title')?.nextSibling ?? svg.firstChild));
  return { svg, meta, cleanup };
}

/** The chart as a standalone SVG file (text). */
export function renderFigureSvg(doc: Document, src: FigureSource, scenario: unknown, opts: RenderOptions = {}): string {
  const { svg, cleanup } = drawFigure(doc, src, scenario, opts);
  const text = `${XML_DECLARATION}${serializeElement(svg)}\n`;
  cleanup();
  return text;
}
