// PNG resolution: writes the pHYs chunk (pixels per metre) so a 4× figure opens in a paper's
// layout at its real size, and reads a PNG's size and resolution back (tests, the CLI).
const SIGNATURE = [137, 80, 78, 71, 13, 10, 26, 10];

let table: Uint32Array | null = null;
function crc32(bytes: Uint8Array): number {
  if (!table) {
    table = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table[n] = c >>> 0;
    }
  }
  let c = 0xffffffff;
  for (const b of bytes) c = table[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

export const INCH_M = 0.0254;
export const dpiToPpm = (dpi: number): number => Math.round(dpi / INCH_M);

interface Chunk {
  type: string;
  start: number;
  end: number;
}

function chunks(png: Uint8Array): Chunk[] {
  for (let i = 0; i < 8; i++) if (png[i] !== SIGNATURE[i]) throw new Error('Not a PNG file.');
  const dv = new DataView(png.buffer, png.byteOffset, png.byteLength);
  const out: Chunk[] = [];
  let at = 8;
  while (at + 12 <= png.length) {
    const len = dv.getUint32(at);
    const type = String.fromCharCode(...png.subarray(at + 4, at + 8));
    out.push({ type, start: at, end: at + 12 + len });
    at += 12 + len;
    if (type === 'IEND') break;
  }
  return out;
}

/** The PNG with its resolution set to `dpi` (any pHYs chunk replaced; placed after IHDR). */
export function setPngDpi(png: Uint8Array, dpi: number): Uint8Array {
  const list = chunks(png);
  const ppm = dpiToPpm(dpi);
  const phys = new Uint8Array(21);
  const dv = new DataView(phys.buffer);
  dv.setUint32(0, 9);
  phys.set([0x70, 0x48, 0x59, 0x73], 4); // "pHYs"
  dv.setUint32(8, ppm);
  dv.setUint32(12, ppm);
  phys[16] = 1; // unit: metre
  dv.setUint32(17, crc32(phys.subarray(4, 17)));
  const parts: Uint8Array[] = [png.subarray(0, 8)];
  for (const c of list) {
    if (c.type === 'pHYs') continue;
    parts.push(png.subarray(c.start, c.end));
    if (c.type === 'IHDR') parts.push(phys);
  }
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

export interface PngInfo {
  width: number;
  height: number;
  /** Dots per inch from pHYs (null without one, or when its unit is not the metre). */
  dpi: number | null;
  /** Whether every chunk's CRC is right. */
  crcOk: boolean;
}

export function readPngInfo(png: Uint8Array): PngInfo {
  const list = chunks(png);
  const dv = new DataView(png.buffer, png.byteOffset, png.byteLength);
  const ihdr = list.find((c) => c.type === 'IHDR');
  if (!ihdr) throw new Error('PNG without IHDR.');
  let dpi: number | null = null;
  const phys = list.find((c) => c.type === 'pHYs');
  if (phys && png[phys.start + 16] === 1) dpi = dv.getUint32(phys.start + 8) * INCH_M;
  const crcOk = list.every((c) => crc32(png.subarray(c.start + 4, c.end - 4)) === dv.getUint32(c.end - 4));
  return { width: dv.getUint32(ihdr.start + 8), height: dv.getUint32(ihdr.start + 12), dpi, crcOk };
}

/** The resolutions a PNG export may ask for, in dots per inch (the app's DPI input, the CLI's --dpi). */
export const DPI_MIN = 72;
export const DPI_MAX = 1200;
/** CSS pixels per inch: a figure drawn `w` px wide is w / 96 in wide. */
export const CSS_DPI = 96;

export type DpiRead = { ok: true; dpi: number } | { ok: false; message: string };

/** A typed resolution, checked: a number of dots per inch from 72 to 1200 (e.g. 300 or 600). */
export function parseDpi(text: string): DpiRead {
  const t = text.trim().replace(/\s*dpi$/i, '');
  const range = `from ${DPI_MIN} to ${DPI_MAX} (e.g. 300 for a journal, 600 for line art)`;
  if (t === '') return { ok: false, message: `Type a resolution in dots per inch, ${range}.` };
  const n = /^[+]?(\d+\.?\d*|\.\d+)$/.test(t) ? Number(t) : NaN;
  if (!Number.isFinite(n)) return { ok: false, message: `The resolution must be a number of dots per inch, ${range}; “${text.trim()}” is not a number.` };
  if (n < DPI_MIN) return { ok: false, message: `${n} dpi is below ${DPI_MIN}, the lowest resolution offered: the resolution must be ${range}.` };
  if (n > DPI_MAX) return { ok: false, message: `${n} dpi is above ${DPI_MAX}, the highest resolution offered: the resolution must be ${range}.` };
  return { ok: true, dpi: n };
}

/** The pixel size of a figure of `width` × `height` CSS px rendered at `scale` (rounded, as the rasterizers do). */
export function pngPixels(width: number, height: number, scale: number): { width: number; height: number } {
  return { width: Math.round(width * scale), height: Math.round(height * scale) };
}
