// Node only: a figure's SVG text to PNG bytes with @resvg/resvg-js (no browser), at `scale`
// times its size, with the DPI written into the file. Text is set in DejaVu Sans (Debian's
// fonts-dejavu-core; scripts/ensure.mjs installs it), the first font the figure style names.
import { existsSync } from 'node:fs';
import { Resvg } from '@resvg/resvg-js';
import { setPngDpi } from '../figure/png';

const DEJAVU = [
  '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf',
  '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf',
];

export function svgToPngBytes(svg: string, scale: number, dpi: number): Uint8Array {
  const fontFiles = DEJAVU.filter((f) => existsSync(f));
  const r = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: scale },
    font: { fontFiles, loadSystemFonts: fontFiles.length === 0, defaultFontFamily: 'DejaVu Sans', sansSerifFamily: 'DejaVu Sans' },
    background: '#ffffff',
  });
  return setPngDpi(new Uint8Array(r.render().asPng()), dpi);
}
