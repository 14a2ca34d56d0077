// The figure style: how an exported chart looks, whatever the screen shows (dark theme,
// projector mode, a narrow window). Light background, a fixed width of 6.5 inches at 96 px per
// inch (a paper's text width), type of 13-15 px (9.75-11.25 pt at that size), and a palette
// chosen for print: Paul Tol's colour-blind-safe colours, spread in lightness so the four
// outcomes stay apart in grayscale (test/figure/style.test.ts checks both).
import type { ThemeKey } from '../charts/common/theme';

/** Figure width in CSS px: 6.5 in at 96 px/in. */
export const FIGURE_WIDTH = 624;

/** Figure heights per chart (px), independent of the screen's. */
export const FIGURE_HEIGHT: Record<string, number> = {
  ladder: 400,
  threshold: 420,
  schelling: 360,
  distribution: 340,
  regimes: 380,
  sweep: 380,
  phase: 480,
  compare: 360,
  docket: 460,
};
export const DEFAULT_FIGURE_HEIGHT = 400;

/** Fonts every figure names: DejaVu Sans first (bundled with Debian, used by the PNG renderer). */
export const FIGURE_FONT_FAMILY = '"DejaVu Sans", Verdana, Helvetica, Arial, sans-serif';

/**
 * The print palette (Paul Tol's "vibrant" and "high contrast" schemes). The four outcomes go
 * from dark to light, plea (dark blue) < tried (red) < free (teal) < refuse (sand), at least
 * 12 L* apart, so a grayscale print keeps them apart; protan and deutan views keep them apart too.
 */
export const FIGURE_COLORS: Record<ThemeKey, string> = {
  fg: '#000000',
  bg: '#ffffff',
  muted: '#555555',
  grid: '#d9d9d9',
  accent: '#AA3377',
  plea: '#004488',
  tried: '#CC3311',
  free: '#44BB99',
  refuse: '#EECC66',
};

export type FigureLook = 'figure' | 'screen';
