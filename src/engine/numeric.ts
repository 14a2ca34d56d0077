// MODEL.md §1: every comparison between computed quantities uses one tolerance, and every
// floor and round first snaps to a nearby integer (half-integer for round).

export const EPS = 1e-9;

/** |a − b| ≤ 1e-9 · max(1, |a|, |b|). */
export function tieEq(a: number, b: number): boolean {
  return Math.abs(a - b) <= EPS * Math.max(1, Math.abs(a), Math.abs(b));
}

/** a < b beyond the tolerance: a < b and not tieEq(a, b), written out for hot loops. */
export function lessTol(a: number, b: number): boolean {
  return a < b && b - a > EPS * Math.max(1, Math.abs(a), Math.abs(b));
}

/** a ≤ b under the tolerance (a < b, or a tie). */
export function leqTol(a: number, b: number): boolean {
  return a <= b || tieEq(a, b);
}

/** An offer or plea value counts as positive only above 1e-9. */
export function positive(x: number): boolean {
  return x > EPS;
}

/** floor with the §1 snap: x within 1e-9·max(1,|x|) of an integer counts as that integer. */
export function snapFloor(x: number): number {
  const r = Math.round(x);
  if (Math.abs(x - r) <= EPS * Math.max(1, Math.abs(x))) return r;
  return Math.floor(x);
}

/** round half up with the §1 snap to the nearest half-integer. */
export function snapRound(x: number): number {
  const h = Math.round(x * 2) / 2;
  const y = Math.abs(x - h) <= EPS * Math.max(1, Math.abs(x)) ? h : x;
  return Math.floor(y + 0.5);
}

/** floor(a/b) for non-negative integers a and b > 0, exact (no rounding of the quotient). */
export function intDiv(a: number, b: number): number {
  let q = Math.floor(a / b);
  while (q * b > a) q--;
  while ((q + 1) * b <= a) q++;
  return q;
}
