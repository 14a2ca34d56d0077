// Reading a scenario file (or standard input) for the command-line runner, with a size cap: a
// scenario is a few kilobytes (MODEL.md's largest valid files are well under a megabyte), so a
// file over the cap is refused before it is read, and a stream that never ends (/dev/zero, a
// pipe) is cut off as soon as it passes the cap instead of filling the memory.
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import type { Readable } from 'node:stream';

import { formatBytes, MAX_SCENARIO_FILE_BYTES } from '../engine';

export { formatBytes };

/** The largest scenario file the runner reads: 64 MiB (the browser's opener uses the same). */
export const MAX_INPUT_BYTES = MAX_SCENARIO_FILE_BYTES;

/** A file or stream larger than {@link MAX_INPUT_BYTES}. */
export class InputTooLargeError extends Error {
  readonly code = 'ETOOBIG';
  constructor(readonly limit: number) {
    super(`it is larger than ${formatBytes(limit)}, the largest scenario file Holdout reads`);
    this.name = 'InputTooLargeError';
  }
}

/** The bytes of a file, at most `limit` of them (else InputTooLargeError). */
export function readFileCapped(file: string, limit = MAX_INPUT_BYTES): Buffer {
  const fd = openSync(file, 'r');
  try {
    const st = fstatSync(fd);
    if (st.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
    // A regular file says its size: refuse it without reading a byte.
    if (st.isFile() && st.size > limit) throw new InputTooLargeError(limit);
    // A device or a pipe (/dev/zero, a FIFO) says nothing: read until the cap.
    const chunks: Buffer[] = [];
    let total = 0;
    const buf = Buffer.allocUnsafe(1 << 16);
    for (;;) {
      const n = readSync(fd, buf, 0, buf.length, null);
      if (n === 0) break;
      total += n;
      if (total > limit) throw new InputTooLargeError(limit);
      chunks.push(Buffer.from(buf.subarray(0, n)));
    }
    return Buffer.concat(chunks, total);
  } finally {
    closeSync(fd);
  }
}

/** Everything a stream sends, at most `limit` bytes (else InputTooLargeError, stream destroyed). */
export async function readStreamCapped(stream: Readable, limit = MAX_INPUT_BYTES): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream) {
    const b = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    total += b.length;
    if (total > limit) {
      stream.destroy();
      throw new InputTooLargeError(limit);
    }
    chunks.push(b);
  }
  return Buffer.concat(chunks, total);
}
