// PNG resolution: the DPI typed in the export menu (and given to --dpi) is checked against
// 72–1200 with a message naming what is wrong, and any accepted value survives the pHYs chunk
// (pixels per metre, rounded) to within 1/80 dpi.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { DPI_MAX, DPI_MIN, parseDpi, pngPixels, readPngInfo, setPngDpi } from '../../src/figure/png';

/** A 1 × 1 PNG (no pHYs). */
const TINY = Uint8Array.from(
  atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=='),
  (c) => c.charCodeAt(0),
);

describe('parseDpi', () => {
  it('takes numbers from 72 to 1200, with or without “dpi”', () => {
    expect(parseDpi('300')).toEqual({ ok: true, dpi: 300 });
    expect(parseDpi(' 600 dpi ')).toEqual({ ok: true, dpi: 600 });
    expect(parseDpi('72')).toEqual({ ok: true, dpi: 72 });
    expect(parseDpi('1200')).toEqual({ ok: true, dpi: 1200 });
    expect(parseDpi('150.5')).toEqual({ ok: true, dpi: 150.5 });
  });

  it('says what is wrong otherwise', () => {
    expect(parseDpi('')).toEqual({ ok: false, message: 'Type a resolution in dots per inch, from 72 to 1200 (e.g. 300 for a journal, 600 for line art).' });
    expect(parseDpi('71.9')).toEqual({ ok: false, message: '71.9 dpi is below 72, the lowest resolution offered: the resolution must be from 72 to 1200 (e.g. 300 for a journal, 600 for line art).' });
    expect(parseDpi('1201')).toMatchObject({ ok: false, message: expect.stringMatching(/^1201 dpi is above 1200, the highest/) });
    for (const bad of ['abc', '3e2', '-300', '0x12c', '300px', 'Infinity', '1,200']) {
      expect(parseDpi(bad)).toMatchObject({ ok: false, message: expect.stringContaining(`“${bad}” is not a number`) });
    }
  });

  it('accepts exactly the numbers in range (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e4, max: 1e4, noNaN: true }), (x) => {
        const text = String(x);
        const r = parseDpi(text);
        const plain = /^\d+(\.\d+)?$/.test(text);
        expect(r.ok).toBe(plain && x >= DPI_MIN && x <= DPI_MAX);
        if (r.ok) expect(r.dpi).toBe(x);
      }),
    );
  });
});

describe('pHYs', () => {
  it('every accepted resolution reads back within 1/80 dpi, the CRCs right (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: DPI_MIN * 100, max: DPI_MAX * 100 }), (centi) => {
        const dpi = centi / 100;
        const info = readPngInfo(setPngDpi(TINY, dpi));
        expect(info.crcOk).toBe(true);
        expect([info.width, info.height]).toEqual([1, 1]);
        expect(Math.abs((info.dpi ?? 0) - dpi)).toBeLessThanOrEqual(0.0127);
      }),
    );
  });

  it('replaces a pHYs already there', () => {
    const twice = setPngDpi(setPngDpi(TINY, 300), 600);
    expect(readPngInfo(twice).dpi).toBeCloseTo(600, 1);
    expect(twice.length).toBe(setPngDpi(TINY, 300).length);
  });

  it('pixel sizes: the figure’s CSS size × dpi / 96, rounded', () => {
    expect(pngPixels(624, 400, 300 / 96)).toEqual({ width: 1950, height: 1250 });
    expect(pngPixels(624, 460, 1200 / 96)).toEqual({ width: 7800, height: 5750 });
    expect(pngPixels(624, 380, 72 / 96)).toEqual({ width: 468, height: 285 });
  });
});
