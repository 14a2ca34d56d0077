// Browser only: an SVG file's text to PNG bytes (the canvas rasterizer of charts/common/export)
// at `scale` times its size, with the DPI written into the file (pHYs).
import { svgTextToPngBlob } from '../charts/common/export';
import { setPngDpi } from './png';

export async function svgTextToPng(text: string, width: number, height: number, scale: number, dpi: number): Promise<Blob> {
  const blob = await svgTextToPngBlob(text, width, height, scale);
  const bytes = setPngDpi(new Uint8Array(await blob.arrayBuffer()), dpi);
  return new Blob([bytes as BlobPart], { type: 'image/png' });
}
