// "Spread evenly" (MODEL.md §2): of n members in arrival order (j = 0..n−1), the m chosen are
// those with ⌈(j+1)·m/n⌉ > ⌈j·m/n⌉. Counting the chosen among the first j members is then
// ⌈j·m/n⌉ (the sum telescopes), so every count is O(1) and no per-member array is needed.

/** ⌈a/b⌉ for non-negative integers a and b > 0, exact while a < 2^53. */
export function ceilDiv(a: number, b: number): number {
  let q = Math.floor(a / b);
  if (q * b > a) q -= 1; // the quotient rounded up to an integer
  return q * b < a ? q + 1 : q;
}

/** How many of the first j members (0 ≤ j ≤ n) are chosen when m of n are spread evenly. */
export function chosenBefore(j: number, m: number, n: number): number {
  if (m === 0 || n === 0) return 0;
  return ceilDiv(j * m, n);
}

/** Whether member j (0-based) is chosen. */
export function isChosen(j: number, m: number, n: number): boolean {
  return chosenBefore(j + 1, m, n) > chosenBefore(j, m, n);
}
