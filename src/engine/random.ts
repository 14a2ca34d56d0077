// Seeded randomness (MODEL.md §1, §5). Everything random comes from the scenario's seed:
//  - run j's seed is derived from (seed, j) only: SplitMix64 over the 64-bit two's-complement
//    seed, mixed again with j — so run j gives the same numbers in any worker, in any order;
//  - the generator is xoshiro128** (32-bit, fast with Math.imul), its 128-bit state filled by
//    four SplitMix64 outputs (high 32 bits each) from the run seed;
//  - a random ranking is a forward Fisher–Yates shuffle of 1..N: for t = 0..N−2, swap t with
//    t + uniform(N − t), where uniform(n) draws 32-bit words and rejects those ≥ n·⌊2^32/n⌋.
// Because the shuffle fixes rank t at step t, a pass may stop drawing once the rest is decided.

const MASK64 = (1n << 64n) - 1n;

function splitmix64(state: bigint): [bigint, bigint] {
  const s = (state + 0x9e3779b97f4a7c15n) & MASK64;
  let z = s;
  z = ((z ^ (z >> 30n)) * 0xbf58476d1ce4e5b9n) & MASK64;
  z = ((z ^ (z >> 27n)) * 0x94d049bb133111ebn) & MASK64;
  z = z ^ (z >> 31n);
  return [s, z];
}

/** The 64-bit seed of run j of a scenario with the given seed. */
export function runSeed(seed: number, run: number): bigint {
  const base = BigInt.asUintN(64, BigInt(seed));
  const [, a] = splitmix64(base);
  const [, b] = splitmix64((a + BigInt(run)) & MASK64);
  return b;
}

export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed64: bigint) {
    let s = seed64;
    const words: number[] = [];
    for (let i = 0; i < 4; i++) {
      const [next, z] = splitmix64(s);
      s = next;
      words.push(Number(z >> 32n) | 0);
    }
    [this.a, this.b, this.c, this.d] = words;
    if ((this.a | this.b | this.c | this.d) === 0) this.a = 1;
  }

  /** xoshiro128**: the next 32-bit unsigned word. */
  nextU32(): number {
    const result = Math.imul(rotl(Math.imul(this.b, 5), 7), 9) >>> 0;
    const t = this.b << 9;
    this.c ^= this.a;
    this.d ^= this.b;
    this.b ^= this.c;
    this.a ^= this.d;
    this.c ^= t;
    this.d = rotl(this.d, 11);
    return result;
  }

  /** Uniform integer in [0, n), n ≤ 2^32, unbiased by rejection. */
  uniform(n: number): number {
    const limit = n * Math.floor(4294967296 / n);
    for (;;) {
      const u = this.nextU32();
      if (u < limit) return u % n;
    }
  }

  /** Uniform double in [0, 1) with 32 bits of randomness. */
  nextFloat(): number {
    return this.nextU32() / 4294967296;
  }
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

/** The random ranking of run j: a permutation of defendant indices 0..N−1 (rank order). */
export function randomRanking(N: number, seed: number, run: number): Int32Array {
  const perm = new Int32Array(N);
  for (let i = 0; i < N; i++) perm[i] = i;
  const rng = new Rng(runSeed(seed, run));
  for (let t = 0; t < N - 1; t++) {
    const j = t + rng.uniform(N - t);
    const x = perm[t];
    perm[t] = perm[j];
    perm[j] = x;
  }
  return perm;
}

/**
 * A lazily drawn random ranking: `next()` returns the defendant at the next rank. Identical to
 * randomRanking's order; stopping early skips the draws for the remaining ranks.
 */
export class LazyShuffle {
  private perm: Int32Array;
  private t = 0;
  private rng: Rng;

  constructor(perm: Int32Array, seed: number, run: number) {
    this.perm = perm;
    for (let i = 0; i < perm.length; i++) perm[i] = i;
    this.rng = new Rng(runSeed(seed, run));
  }

  next(): number {
    const perm = this.perm;
    const N = perm.length;
    const t = this.t++;
    if (t < N - 1) {
      const j = t + this.rng.uniform(N - t);
      const x = perm[t];
      perm[t] = perm[j];
      perm[j] = x;
    }
    return perm[t];
  }
}

// Random rankings depend only on (N, seed, run), so every point of a sweep or phase diagram
// reuses them. A small memo (at most ~64 MB of rankings, oldest dropped first) keeps the
// engine a pure function of its input while skipping repeated shuffles. Callers must not
// mutate the arrays it returns.
const RANKING_CACHE_BYTES = 64 * 1024 * 1024;
const rankingCache = new Map<string, { N: number; seed: number; run: number; perm: Int32Array }>();
let rankingCacheBytes = 0;
// The memo's rankings of the last (N, seed) asked for, by run: a phase diagram asks for the same
// runs of one scenario ~100,000 times, and a lookup here builds no key string.
let recentN = -1;
let recentSeed = NaN;
let recent: (Int32Array | undefined)[] = [];

export function cachedRandomRanking(N: number, seed: number, run: number): Int32Array {
  if (N === recentN && seed === recentSeed) {
    const perm = recent[run];
    if (perm !== undefined) return perm;
  }
  const key = `${N}|${seed}|${run}`;
  const hit = rankingCache.get(key);
  if (hit) return remember(N, seed, run, hit.perm);
  const perm = randomRanking(N, seed, run);
  if (perm.byteLength > RANKING_CACHE_BYTES / 4) return perm;
  rankingCache.set(key, { N, seed, run, perm });
  rankingCacheBytes += perm.byteLength;
  while (rankingCacheBytes > RANKING_CACHE_BYTES) {
    const oldest = rankingCache.keys().next().value as string;
    const gone = rankingCache.get(oldest)!;
    rankingCacheBytes -= gone.perm.byteLength;
    rankingCache.delete(oldest);
    if (gone.N === recentN && gone.seed === recentSeed) recent[gone.run] = undefined;
  }
  return remember(N, seed, run, perm);
}

/** Note a ranking that is in the memo as one of the recent (N, seed)'s. */
function remember(N: number, seed: number, run: number, perm: Int32Array): Int32Array {
  if (N !== recentN || seed !== recentSeed) {
    recentN = N;
    recentSeed = seed;
    recent = [];
  }
  if (Number.isInteger(run) && run >= 0 && run < 1e6) recent[run] = perm;
  return perm;
}

/** Whether rankings of N defendants are small enough to memoize. */
export function memoizableRanking(N: number): boolean {
  return N * 4 <= RANKING_CACHE_BYTES / 4;
}
