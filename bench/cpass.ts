// W2's plain C reference (bench/cpass.c): the same pass over the same data, compiled with the
// system's C compiler when there is one. Without a compiler (or if it fails) the ratio is skipped.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { PassInput } from '../src/engine/regimes/priority';

export type CPassResult = { nsPerPass: number; checksum: number; nsPerPassTextbook: number } | { skipped: string };

export function runCPass(input: PassInput, passes: number): CPassResult {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'holdout-cpass-'));
  try {
    const bin = path.join(dir, 'cpass');
    const source = fileURLToPath(new URL('./cpass.c', import.meta.url));
    try {
      execFileSync(process.env.CC ?? 'cc', ['-O2', '-o', bin, source], { stdio: 'pipe' });
    } catch (e) {
      return { skipped: `no working C compiler (${(e as Error).message.split('\n')[0]})` };
    }
    const { pop, dec, kindOf, ranking, budget } = input;
    const k = pop.kinds;
    const N = ranking.length;
    const K = k.size;
    const buf = Buffer.alloc(12 + 8 * N + 8 * (4 * K + 1) + 3 * K);
    let o = 0;
    for (const v of [N, K, passes]) o = buf.writeInt32LE(v, o);
    for (const a of [kindOf, ranking]) for (let i = 0; i < N; i++) o = buf.writeInt32LE(a[i], o);
    for (const a of [k.c, k.w, dec.offer0, dec.offer1]) for (let i = 0; i < K; i++) o = buf.writeDoubleLE(a[i], o);
    o = buf.writeDoubleLE(budget, o);
    for (const a of [dec.plead0, dec.plead1, k.covered]) for (let i = 0; i < K; i++) o = buf.writeUInt8(a[i], o);
    const data = path.join(dir, 'data.bin');
    writeFileSync(data, buf);
    const out = execFileSync(bin, [data], { encoding: 'utf8' }).trim().split(' ');
    return { nsPerPass: Number(out[0]), checksum: Number(out[1]), nsPerPassTextbook: Number(out[2]) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
