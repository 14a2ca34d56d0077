// Publication-grade export: a standalone SVG file (xmlns, title, concrete colors: the theme's CSS
// variables are resolved against the live page) and a PNG rendered through a canvas (browser).
import { THEME, THEME_KEYS, hcVar, resolvedThemeCss, type ThemeKey } from './theme';

const SVG_NS = 'http://www.w3.org/2000/svg';

/** The colors the live chart shows: its resolved --hc-* variables, else the light fallbacks. */
export function resolveTheme(svg: SVGSVGElement): Record<ThemeKey, string> {
  const out = {} as Record<ThemeKey, string>;
  let cs: CSSStyleDeclaration | null;
  try {
    const view = svg.ownerDocument?.defaultView;
    cs = view ? view.getComputedStyle(svg) : null;
  } catch {
    cs = null;
  }
  for (const k of THEME_KEYS) {
    const own = cs?.getPropertyValue(hcVar(k)).trim() ?? '';
    const app = cs?.getPropertyValue(THEME[k].app).trim() ?? '';
    const v = own && !own.startsWith('var(') ? own : app && !app.startsWith('var(') ? app : THEME[k].light;
    out[k] = v;
  }
  return out;
}

/** Replaces var(--hc-x) (and var(--app, fallback)) in a style or attribute value by concrete colors. */
export function resolveVars(text: string, colors: Record<ThemeKey, string>): string {
  let s = text;
  for (let n = 0; n < 4 && s.includes('var('); n++) {
    s = s.replace(/var\((--[A-Za-z0-9-]+)\s*(?:,\s*([^()]*))?\)/g, (_m, name: string, fb?: string) => {
      const key = THEME_KEYS.find((k) => hcVar(k) === name || THEME[k].app === name);
      if (key) return colors[key];
      return fb?.trim() ?? 'currentColor';
    });
  }
  return s;
}

export interface ExportOptions {
  /** Title written into the file when the chart has none. */
  title?: string;
  /** Override colors (e.g. force the light theme for print). */
  colors?: Partial<Record<ThemeKey, string>>;
}

/** A standalone SVG document of a chart: xmlns, a <title>, concrete colors, no interaction. */
export function svgToString(svg: SVGSVGElement, opts: ExportOptions = {}): string {
  const colors = { ...resolveTheme(svg), ...opts.colors };
  const clone = svg.cloneNode(true) as SVGSVGElement;
  clone.setAttribute('xmlns', SVG_NS);
  clone.setAttribute('xmlns:xlink', 'http://www.w3.org/1999/xlink');
  clone.setAttribute('version', '1.1');
  const vb = svg.getAttribute('viewBox')?.split(/[\s,]+/).map(Number);
  if (vb && vb.length === 4) {
    if (!clone.getAttribute('width')) clone.setAttribute('width', String(vb[2]));
    if (!clone.getAttribute('height')) clone.setAttribute('height', String(vb[3]));
  }
  // Interaction only: overlays, focus rings, tooltips.
  clone.querySelectorAll('.hc-overlay, .hc-focus-ring, .hc-tooltip').forEach((n) => n.remove());
  // Theme: one concrete stylesheet.
  const styles = clone.querySelectorAll('style');
  styles.forEach((st, i) => {
    if (i === 0) st.textContent = resolvedThemeCss(colors);
    else st.remove();
  });
  if (styles.length === 0) {
    const st = svg.ownerDocument.createElementNS(SVG_NS, 'style');
    st.textContent = resolvedThemeCss(colors);
    clone.insertBefore(st, clone.firstChild);
  }
  // Attributes and inline styles that name variables.
  clone.querySelectorAll('*').forEach((el) => {
    for (const a of Array.from(el.attributes)) {
      if (a.value.includes('var(')) el.setAttribute(a.name, resolveVars(a.value, colors));
    }
  });
  for (const a of Array.from(clone.attributes)) {
    if (a.value.includes('var(')) clone.setAttribute(a.name, resolveVars(a.value, colors));
  }
  clone.removeAttribute('tabindex');
  // A <title> first, for viewers and file browsers.
  let title = clone.querySelector(':scope > title');
  if (!title) {
    title = svg.ownerDocument.createElementNS(SVG_NS, 'title');
    title.textContent = opts.title ?? 'Holdout chart';
    clone.insertBefore(title, clone.firstChild);
  }
  const xml = new XMLSerializer().serializeToString(clone);
  return `<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n${xml}\n`;
}

/** Renders the chart to a PNG at `scale` × its size (browser only: Image + canvas). */
export async function svgToPng(svg: SVGSVGElement, scale = 2, opts: ExportOptions = {}): Promise<Blob> {
  const text = svgToString(svg, opts);
  const w = Number(svg.getAttribute('width')) || svg.viewBox.baseVal.width || 640;
  const h = Number(svg.getAttribute('height')) || svg.viewBox.baseVal.height || 400;
  return svgTextToPngBlob(text, w, h, scale);
}

/** An SVG file's text as a PNG at `scale` × (width, height): browser only, Image + canvas. */
export async function svgTextToPngBlob(text: string, width: number, height: number, scale: number): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([text], { type: 'image/svg+xml;charset=utf-8' }));
  try {
    const img = new Image();
    img.decoding = 'sync';
    await new Promise<void>((resolve, reject) => {
      img.onload = () => resolve();
      img.onerror = () => reject(new Error('The chart could not be rendered as an image.'));
      img.src = url;
    });
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('No 2D canvas available.');
    ctx.scale(scale, scale);
    ctx.drawImage(img, 0, 0, width, height);
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG encoding failed.'))), 'image/png'),
    );
  } finally {
    URL.revokeObjectURL(url);
  }
}

/** Saves a blob or text as a file (browser). */
export function download(name: string, data: Blob | string, type = 'image/svg+xml'): boolean {
  const blob = typeof data === 'string' ? new Blob([data], { type }) : data;
  if (typeof URL.createObjectURL !== 'function') return false;
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
  return true;
}
