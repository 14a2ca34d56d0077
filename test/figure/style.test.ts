import { describe, expect, it } from 'vitest';
import { FIGURE_COLORS } from '../../src/figure/style';
import { deltaE, hexToRgb, lightness, rgbToLab, simulate } from '../../src/figure/colorScience';

const OUTCOMES = ['plea', 'tried', 'free', 'refuse'] as const;
const pairs = OUTCOMES.flatMap((a, i) => OUTCOMES.slice(i + 1).map((b) => [a, b] as const));

describe('figure palette', () => {
  it('orders the outcomes by lightness, at least 12 L* apart (grayscale-safe)', () => {
    const L = OUTCOMES.map((k) => lightness(FIGURE_COLORS[k]));
    expect(L.map(Math.round)).toEqual([29, 46, 69, 83]);
    for (let i = 1; i < L.length; i++) expect(L[i] - L[i - 1]).toBeGreaterThanOrEqual(12);
  });
  it('keeps every pair of outcomes apart for protanopia and deuteranopia (CIE76 >= 25)', () => {
    for (const kind of ['protan', 'deutan'] as const) {
      for (const [a, b] of pairs) {
        const d = deltaE(rgbToLab(simulate(FIGURE_COLORS[a], kind)), rgbToLab(simulate(FIGURE_COLORS[b], kind)));
        expect(d, `${a}/${b} ${kind}`).toBeGreaterThanOrEqual(25);
      }
    }
  });
  it('draws text black on white', () => {
    expect(lightness(FIGURE_COLORS.bg)).toBeCloseTo(100, 2);
    expect(rgbToLab(hexToRgb(FIGURE_COLORS.fg))[0]).toBeCloseTo(0, 6);
  });
  it('the simulation leaves grays alone and maps pure red to a dark olive for protans', () => {
    expect(simulate('#808080', 'protan').map(Math.round)).toEqual([128, 128, 128]);
    const red = simulate('#ff0000', 'protan');
    expect(red[0]).toBeLessThan(120);
  });
});
