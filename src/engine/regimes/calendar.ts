// The docket's calendar (MODEL.md §4.5): weeks 0..W−1+D, each with κ trial units; a booking
// takes the earliest week of [α, α + D] with room ≥ c and is never moved.
//
// Finding that week fast (the pass asks it once per defendant):
//   - equal trial costs: a week with room < c is full for good, so "the next week with room"
//     is a union-find over full weeks (near O(1) per query);
//   - mixed costs: a segment tree of the weeks' room (max), descended to the first week ≥ α
//     with room ≥ c (O(log weeks) per query).

export interface Calendar {
  /** The earliest week in [from, to] with room ≥ c, or −1. */
  find(from: number, to: number, c: number): number;
  /** Book c units in week x (x from find). */
  book(x: number, c: number): void;
  /** Units left in week x. */
  room(x: number): number;
}

/** A calendar for `weeks` weeks of `capacity` units; `cost` when every trial costs the same. */
export function newCalendar(weeks: number, capacity: number, cost: number | null): Calendar {
  return cost !== null ? new EqualCostCalendar(weeks, capacity, cost) : new TreeCalendar(weeks, capacity);
}

class EqualCostCalendar implements Calendar {
  private readonly left: Float64Array;
  /** parent[x] = x while week x has room ≥ c; else a later week (path-compressed); weeks = end. */
  private readonly parent: Int32Array;

  constructor(
    private readonly weeks: number,
    capacity: number,
    private readonly c: number,
  ) {
    this.left = new Float64Array(weeks).fill(capacity);
    this.parent = new Int32Array(weeks + 1);
    const open = capacity >= c;
    for (let x = 0; x <= weeks; x++) this.parent[x] = open || x === weeks ? x : x + 1;
  }

  private root(x: number): number {
    const p = this.parent;
    let r = x;
    while (p[r] !== r) r = p[r];
    while (p[x] !== r) {
      const next = p[x];
      p[x] = r;
      x = next;
    }
    return r;
  }

  find(from: number, to: number, c: number): number {
    if (c !== this.c || from >= this.weeks) return -1;
    const x = this.root(from);
    return x <= to && x < this.weeks ? x : -1;
  }

  book(x: number, c: number): void {
    this.left[x] -= c;
    if (this.left[x] < this.c) this.parent[x] = x + 1;
  }

  room(x: number): number {
    return this.left[x];
  }
}

class TreeCalendar implements Calendar {
  private readonly size: number;
  /** Max room over each node's weeks (leaves at size + x; weeks past the end hold −1). */
  private readonly tree: Float64Array;

  constructor(
    private readonly weeks: number,
    capacity: number,
  ) {
    let size = 1;
    while (size < weeks) size *= 2;
    this.size = size;
    this.tree = new Float64Array(2 * size).fill(-1);
    for (let x = 0; x < weeks; x++) this.tree[size + x] = capacity;
    for (let v = size - 1; v >= 1; v--) this.tree[v] = Math.max(this.tree[2 * v], this.tree[2 * v + 1]);
  }

  find(from: number, to: number, c: number): number {
    if (from >= this.weeks) return -1;
    const x = this.firstAtLeast(1, 0, this.size, from, c);
    return x >= 0 && x <= to ? x : -1;
  }

  /** First leaf index ≥ from in node v (covering [lo, lo + len)) with room ≥ c, or −1. */
  private firstAtLeast(v: number, lo: number, len: number, from: number, c: number): number {
    const t = this.tree;
    if (t[v] < c || lo + len <= from) return -1;
    // Descend iteratively where possible: recursion depth is only log2(weeks) ≤ 11.
    if (len === 1) return lo;
    const half = len / 2;
    const left = this.firstAtLeast(2 * v, lo, half, from, c);
    if (left >= 0) return left;
    return this.firstAtLeast(2 * v + 1, lo + half, half, from, c);
  }

  book(x: number, c: number): void {
    const t = this.tree;
    let v = this.size + x;
    t[v] -= c;
    for (v >>= 1; v >= 1; v >>= 1) t[v] = Math.max(t[2 * v], t[2 * v + 1]);
  }

  room(x: number): number {
    return this.tree[this.size + x];
  }
}
