// The memo of random rankings (random.ts cachedRandomRanking): whatever was asked before, and
// whatever it dropped, it answers randomRanking's permutation.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cachedRandomRanking, randomRanking } from '../../src/engine/random';

/** Equal element by element (toEqual on a million elements takes seconds). */
const same = (a: Int32Array, b: Int32Array) => Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(Buffer.from(b.buffer, b.byteOffset, b.byteLength));

describe('memoized random rankings', () => {
  it('equal randomRanking over any sequence of (N, seed, run), the same N and seed asked again and again or not', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 1, max: 40 }), fc.integer({ min: -3, max: 3 }), fc.integer({ min: 0, max: 40 })), { maxLength: 60 }),
        (asks) => {
          for (const [N, seed, run] of asks) expect(cachedRandomRanking(N, seed, run)).toEqual(randomRanking(N, seed, run));
        },
      ),
      { numRuns: 200 },
    );
  });
  it('still equal it after the oldest rankings were dropped (more than 64 MB asked for)', () => {
    const N = 1_000_000; // 4 MB a ranking: the 17th drops the first
    const seed = 11;
    for (let run = 0; run < 18; run++) cachedRandomRanking(N, seed, run);
    for (const run of [0, 1, 17, 2]) expect(same(cachedRandomRanking(N, seed, run), randomRanking(N, seed, run))).toBe(true);
    expect(cachedRandomRanking(5, seed, 0)).toEqual(randomRanking(5, seed, 0));
    expect(same(cachedRandomRanking(N, seed, 3), randomRanking(N, seed, 3))).toBe(true);
  });
});
