// The charts' theme: CSS variables from the app (--fg, --bg, --muted, --grid, --accent, --plea,
// --tried, --free, --refuse) with Okabe-Ito fallbacks (color-blind safe) written into every SVG,
// so an exported SVG stands alone. Each chart's <style> maps the app's variables to private
// --hc-* variables; without app variables the system color scheme picks light or dark fallbacks.

export interface ThemeColor {
  /** The app's CSS variable. */
  app: string;
  light: string;
  dark: string;
}

export const THEME = {
  fg: { app: '--fg', light: '#1a1a1a', dark: '#ececec' },
  bg: { app: '--bg', light: '#ffffff', dark: '#121212' },
  muted: { app: '--muted', light: '#5c5c5c', dark: '#a9a9a9' },
  grid: { app: '--grid', light: '#dcdcdc', dark: '#3b3b3b' },
  accent: { app: '--accent', light: '#CC79A7', dark: '#E3A6C8' },
  plea: { app: '--plea', light: '#0072B2', dark: '#56B4E9' },
  tried: { app: '--tried', light: '#D55E00', dark: '#F07E2E' },
  free: { app: '--free', light: '#009E73', dark: '#2CC29A' },
  refuse: { app: '--refuse', light: '#E69F00', dark: '#F0B429' },
} as const satisfies Record<string, ThemeColor>;

export type ThemeKey = keyof typeof THEME;
export const THEME_KEYS = Object.keys(THEME) as ThemeKey[];

/** The private variable a chart's rules read. */
export const hcVar = (k: ThemeKey): string => `--hc-${k}`;
/** `var(--hc-plea)`: for attributes and inline styles. */
export const color = (k: ThemeKey): string => `var(${hcVar(k)})`;

export const FONT_FAMILY = 'system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif';
/** Projector-readable sizes (px). */
export const FONT = { tick: 13, label: 14, title: 15, annotation: 14 } as const;
export const STROKE = { thin: 1.5, line: 2.5, thick: 4, rule: 2 } as const;

/** The outcome classes every chart shares. */
export const OUTCOME_COLOR: Record<'plea' | 'tried' | 'free' | 'refuse', ThemeKey> = {
  plea: 'plea',
  tried: 'tried',
  free: 'free',
  refuse: 'refuse',
};

function rules(v: (k: ThemeKey) => string, fontFamily: string = FONT_FAMILY): string {
  const sw = (k: ThemeKey) => `.hc .hc-fill-${k}{fill:${v(k)}}.hc .hc-stroke-${k}{stroke:${v(k)}}`;
  return [
    `.hc{font-family:${fontFamily};font-size:${FONT.label}px;color:${v('fg')}}`,
    `.hc text{fill:${v('fg')}}`,
    `.hc .hc-muted{fill:${v('muted')}}`,
    `.hc .hc-bg{fill:${v('bg')}}`,
    `.hc .hc-axis{color:${v('fg')}}`,
    `.hc .hc-axis text{font-size:${FONT.tick}px;fill:${v('fg')}}`,
    `.hc .hc-axis path,.hc .hc-axis line{stroke:${v('muted')};stroke-width:1.5px;fill:none}`,
    `.hc .hc-axis-label{font-size:${FONT.label}px;font-weight:600}`,
    `.hc .hc-grid line{stroke:${v('grid')};stroke-width:1px}`,
    `.hc .hc-grid path{stroke:none;fill:none}`,
    `.hc .hc-annotation{font-size:${FONT.annotation}px;font-weight:600}`,
    `.hc .hc-halo{stroke:${v('bg')};stroke-width:4px;stroke-linejoin:round;paint-order:stroke}`,
    `.hc .hc-tooltip rect{fill:${v('bg')};stroke:${v('fg')};stroke-width:1.5px}`,
    `.hc .hc-tooltip text{font-size:${FONT.tick}px}`,
    `.hc .hc-focus-ring{fill:none;stroke:${v('fg')};stroke-width:3px}`,
    `.hc .hc-overlay{fill:transparent;outline:none;cursor:pointer}`,
    `.hc .hc-overlay:focus-visible{stroke:${v('accent')};stroke-width:3px;stroke-dasharray:6 3}`,
    ...THEME_KEYS.map(sw),
  ].join('\n');
}

/** The <style> text of a live chart: app variables first, then light/dark fallbacks. */
export function themeCss(): string {
  const decl = (mode: 'light' | 'dark') =>
    THEME_KEYS.map((k) => `${hcVar(k)}:var(${THEME[k].app}, ${THEME[k][mode]})`).join(';');
  return [
    `.hc{${decl('light')}}`,
    `@media (prefers-color-scheme: dark){.hc{${decl('dark')}}}`,
    rules((k) => `var(${hcVar(k)})`),
  ].join('\n');
}

/** The <style> text of an exported chart: concrete colors, no variables, no media queries. */
export function resolvedThemeCss(resolved: Record<ThemeKey, string>, fontFamily: string = FONT_FAMILY): string {
  return rules((k) => resolved[k], fontFamily);
}
