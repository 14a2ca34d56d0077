// Writes the web manifest's PNG icons from the SVGs in public/icons (run by hand after changing
// them: `node scripts/icons.mjs`). Local only: @resvg/resvg-js renders them, nothing is fetched.
import { readFileSync, writeFileSync } from 'node:fs';
import { Resvg } from '@resvg/resvg-js';

const dir = new URL('../public/icons/', import.meta.url);
for (const [svg, size, out] of [
  ['icon.svg', 192, 'icon-192.png'],
  ['icon.svg', 512, 'icon-512.png'],
  ['maskable.svg', 512, 'maskable-512.png'],
  ['icon.svg', 180, 'apple-touch-icon.png'],
]) {
  const png = new Resvg(readFileSync(new URL(svg, dir), 'utf8'), {
    fitTo: { mode: 'width', value: size },
  })
    .render()
    .asPng();
  writeFileSync(new URL(out, dir), png);
  console.log(out, png.length, 'bytes');
}
