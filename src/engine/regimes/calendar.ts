// The docket's calendar (MODEL.md §4.5): weeks 0..W−1+D, each with κ trial units; a booking
// takes the earliest week of [α, α + D] with room ≥ c and is never moved.
//
// Finding that week fast (the pass asks it once per defendant): a week with room < c never
// reopens for cost c, so for each of a few distinct costs "the next week with room ≥ c" is a
// union-find over dead weeks (near O(1) per query); with many distinct costs, a segment tree of
// the weeks' room (max), walked to the first week ≥ α with room ≥ c (O(log weeks) per query).

export interface Calendar {
  /** The earliest week in [from, to] with room ≥ c, or −1. */
  find(from: number, to: number, c: number): number;
  /** Book c units in week x (x from find). */
  book(x: number, c: number): void;
  /** Units left in week x. */
  room(x: number): number;
}

/** Up to this many distinct trial costs, one union-find per cost; beyond, the segment tree. */
const MAX_UNION_FIND_COSTS = 16;

/** A calendar for `weeks` weeks of `capacity` units, for trials of the given (distinct) costs. */
export function newCalendar(
  weeks: number,
  capacity: number,
  costs: readonly number[],
  structure: 'auto' | 'unionFind' | 'tree' = 'auto',
): Calendar {
  const unionFind =
    structure === 'auto' ? costs.length <= MAX_UNION_FIND_COSTS : structure === 'unionFind';
  return new WeekCalendar(weeks, capacity, costs, unionFind);
}

/**
 * One class for both structures, so every call site stays monomorphic (fast in V8).
 *   - Few distinct costs: for each cost c a union-find over weeks, where a week with room < c
 *     points past itself (room only shrinks, so it never reopens for c): near O(1) per find,
 *     O(#costs) per booking.
 *   - Many: a segment tree of the weeks' room (max), O(log weeks) per find and booking.
 */
class WeekCalendar implements Calendar {
  private readonly left: Float64Array;
  private readonly costs: Float64Array;
  /** parent[k·(weeks + 1) + x] for cost k. */
  private readonly parent: Int32Array;
  private readonly tree: Float64Array;
  private readonly size: number;
  private readonly unionFind: boolean;

  constructor(
    private readonly weeks: number,
    capacity: number,
    costs: readonly number[],
    unionFind: boolean,
  ) {
    this.left = new Float64Array(weeks).fill(capacity);
    this.costs = Float64Array.from(costs);
    this.unionFind = unionFind;
    if (this.unionFind) {
      const stride = weeks + 1;
      this.parent = new Int32Array(costs.length * stride);
      for (let k = 0; k < costs.length; k++) {
        const open = capacity >= costs[k];
        for (let x = 0; x <= weeks; x++) this.parent[k * stride + x] = open || x === weeks ? x : x + 1;
      }
      this.tree = new Float64Array(0);
      this.size = 0;
    } else {
      let size = 1;
      while (size < weeks) size *= 2;
      this.size = size;
      this.tree = new Float64Array(2 * size).fill(-1);
      for (let x = 0; x < weeks; x++) this.tree[size + x] = capacity;
      for (let v = size - 1; v >= 1; v--) this.tree[v] = Math.max(this.tree[2 * v], this.tree[2 * v + 1]);
      this.parent = new Int32Array(0);
    }
  }

  find(from: number, to: number, c: number): number {
    if (from >= this.weeks) return -1;
    if (this.unionFind) {
      let k = 0;
      while (k < this.costs.length && this.costs[k] !== c) k++;
      if (k === this.costs.length) return -1;
      const p = this.parent;
      const off = k * (this.weeks + 1);
      let r = from;
      while (p[off + r] !== r) r = p[off + r];
      let x = from;
      while (p[off + x] !== r) {
        const next = p[off + x];
        p[off + x] = r;
        x = next;
      }
      return r <= to && r < this.weeks ? r : -1;
    }
    const x = this.firstAtLeast(from, c);
    return x >= 0 && x <= to ? x : -1;
  }

  /** The first week ≥ from with room ≥ c, or −1: descend the tree, O(log weeks). */
  private firstAtLeast(from: number, c: number): number {
    const t = this.tree;
    const size = this.size;
    // Walk up from the leaf: find the first node right of (or at) `from` whose max ≥ c.
    let v = size + from;
    if (t[v] >= c) return from;
    for (;;) {
      // move to the next subtree to the right
      while (v & 1) {
        v >>= 1;
        if (v === 0) return -1;
      }
      v++;
      if (t[v] >= c) break;
    }
    // descend to its leftmost leaf with room ≥ c
    while (v < size) {
      v = t[2 * v] >= c ? 2 * v : 2 * v + 1;
    }
    return v - size;
  }

  book(x: number, c: number): void {
    const room = (this.left[x] -= c);
    if (this.unionFind) {
      const stride = this.weeks + 1;
      for (let k = 0; k < this.costs.length; k++) {
        if (room < this.costs[k]) this.parent[k * stride + x] = x + 1;
      }
      return;
    }
    const t = this.tree;
    let v = this.size + x;
    t[v] -= c;
    for (v >>= 1; v >= 1; v >>= 1) t[v] = Math.max(t[2 * v], t[2 * v + 1]);
  }

  room(x: number): number {
    return this.left[x];
  }
}
