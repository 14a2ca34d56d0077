// The link's packing, alone (fflate and nothing else), so the link worker (workers/link.worker.ts)
// can run it without the rest of the app: JSON text → DEFLATE (level 6: as small as 9, 30%
// faster) → base64url, behind `#z=`.
import { deflateSync, strToU8 } from 'fflate';

export function toBase64Url(bytes: Uint8Array): string {
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The `#z=` fragment for a link document's JSON text. */
export function linkFromJson(json: string): string {
  return `#z=${toBase64Url(deflateSync(strToU8(json), { level: 6 }))}`;
}
