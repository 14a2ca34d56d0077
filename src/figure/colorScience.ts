// Colour arithmetic for checking the figure palette: sRGB -> CIE L*a*b*, the CIE76 difference,
// and Machado, Oliveira & Fernandes (2009) simulation of protanopia and deuteranopia (severity 1).

function lin(c: number): number {
  const v = c / 255;
  return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
}
function unlin(v: number): number {
  const c = v <= 0.0031308 ? 12.92 * v : 1.055 * v ** (1 / 2.4) - 0.055;
  return Math.max(0, Math.min(255, c * 255));
}

export function hexToRgb(hex: string): [number, number, number] {
  const h = hex.replace('#', '');
  return [0, 2, 4].map((i) => parseInt(h.slice(i, i + 2), 16)) as [number, number, number];
}

export function rgbToLab([r, g, b]: readonly number[]): [number, number, number] {
  const R = lin(r);
  const G = lin(g);
  const B = lin(b);
  const X = (0.4124564 * R + 0.3575761 * G + 0.1804375 * B) / 0.95047;
  const Y = 0.2126729 * R + 0.7151522 * G + 0.072175 * B;
  const Z = (0.0193339 * R + 0.119192 * G + 0.9503041 * B) / 1.08883;
  const f = (t: number) => (t > 216 / 24389 ? Math.cbrt(t) : (24389 / 27 * t + 16) / 116);
  return [116 * f(Y) - 16, 500 * (f(X) - f(Y)), 200 * (f(Y) - f(Z))];
}

/** CIE L* (0 black - 100 white): what a grayscale print keeps. */
export const lightness = (hex: string): number => rgbToLab(hexToRgb(hex))[0];

export function deltaE(a: readonly number[], b: readonly number[]): number {
  return Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);
}

const MACHADO = {
  protan: [
    [0.152286, 1.052583, -0.204868],
    [0.114503, 0.786281, 0.099216],
    [-0.003882, -0.048116, 1.051998],
  ],
  deutan: [
    [0.367322, 0.860646, -0.227968],
    [0.280085, 0.672501, 0.047413],
    [-0.01182, 0.04294, 0.968881],
  ],
} as const;

export type Deficiency = keyof typeof MACHADO;

/** The colour as seen with a colour-vision deficiency (sRGB 0-255). */
export function simulate(hex: string, kind: Deficiency): [number, number, number] {
  const [r, g, b] = hexToRgb(hex).map(lin);
  const m = MACHADO[kind];
  return m.map((row) => unlin(row[0] * r + row[1] * g + row[2] * b)) as [number, number, number];
}
