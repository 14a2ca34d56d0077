// The priority pass on kinds, not defendants (totals only). For the arrival, byValue and optimal
// rankings the rank order is a sequence of segments: one group's members of one part of the
// ranking, in arrival order. Inside a segment every member costs the group's c, so while the
// budget lasts the first ⌊b/c⌋ refusers are tried and everyone after the next refuser is
// unthreatened; where that happens is found by binary search over member positions with the O(1)
// prefix counts of the spread-evenly layout. Cost: O(groups · log(group size)), whatever N.
import { prefixCounts, type GroupLayout, type Population } from '../population/kinds';
import { allocateEarliest } from '../population/allocate';
import type { Prepared } from '../solve';
import { planOptimal, PART_A, PART_H, PART_U } from './optimal';
import { groupsByValue } from './ranking';
import type { PassTotals } from './priority';
import { Tally } from './tally';
import type { Decisions } from './decision';

type Mode = 0 | 1 | 2; // 0: all members of the sub-kind, 1: those not in X, 2: those in X

interface SegSub {
  sub: number;
  kind: number;
  mode: Mode;
  x: number;
  /** Offer withheld (members of A in X). */
  withheld: boolean;
}

interface Segment {
  g: GroupLayout;
  subs: SegSub[];
}

export function canAggregate(ranking: unknown): boolean {
  return ranking === 'optimal' || ranking === 'arrival' || ranking === 'byValue';
}

function countIn(s: SegSub, prefix: number): number {
  if (s.mode === 0) return prefix;
  const inX = Math.min(prefix, s.x);
  return s.mode === 2 ? inX : prefix - inX;
}

function wholeGroup(g: GroupLayout): Segment {
  const subs: SegSub[] = [];
  for (let sub = 0; sub < 4; sub++) {
    if (g.kind[sub] >= 0) subs.push({ sub, kind: g.kind[sub], mode: 0, x: 0, withheld: false });
  }
  return { g, subs };
}

export function aggregatePriority(
  prep: Prepared,
  ranking: 'optimal' | 'arrival' | 'byValue',
): { pass: PassTotals; plannedTake: number } {
  const { pop, dec } = prep;
  const B = (prep.scenario.prosecutor.budget ?? 0);
  let segments: Segment[];
  let plannedTake = NaN;
  if (ranking === 'arrival') {
    segments = pop.groups.filter((g) => g.count > 0).map(wholeGroup);
  } else if (ranking === 'byValue') {
    segments = groupsByValue(pop).map((gi) => wholeGroup(pop.groups[gi]));
  } else {
    const plan = planOptimal(pop, dec, B, prep.exactKnapsack ? prep.kindOf : undefined);
    plannedTake = plan.plannedTake;
    const x = allocateEarliest(pop, plan.knapsackKind, plan.solution.take);
    segments = [];
    const parts: [number, Mode][] = [
      [PART_A, 1],
      [-1, 2], // X: members of A or H taken by the knapsack
      [PART_H, 1],
      [PART_U, 0],
    ];
    for (const [part, mode] of parts) {
      for (const g of pop.groups) {
        const subs: SegSub[] = [];
        for (let sub = 0; sub < 4; sub++) {
          const k = g.kind[sub];
          if (k < 0) continue;
          if (mode === 2) {
            if (x[k] > 0) subs.push({ sub, kind: k, mode, x: x[k], withheld: plan.part[k] === PART_A });
          } else if (plan.part[k] === part) {
            subs.push({ sub, kind: k, mode, x: x[k], withheld: false });
          }
        }
        if (subs.length > 0) segments.push({ g, subs });
      }
    }
  }
  const pass = runSegments(pop, dec, segments, B, false);
  if (Number.isNaN(plannedTake)) plannedTake = runSegments(pop, dec, segments, B, true).take;
  return { pass, plannedTake };
}

function runSegments(
  pop: Population,
  dec: Decisions,
  segments: Segment[],
  budget: number,
  believed: boolean,
): PassTotals {
  const k = pop.kinds;
  const plead0 = believed ? dec.bPlead0 : dec.plead0;
  const plead1 = believed ? dec.bPlead1 : dec.plead1;
  const tally = new Tally(pop);
  let b = budget;
  let rankOffset = 0;
  for (const seg of segments) {
    const { g, subs } = seg;
    const c = k.c[subs[0].kind];
    const refuser = subs.map((s) => s.withheld || plead1[s.kind] === 0);
    const totals = subs.map((s) => countIn(s, k.count[s.kind]));
    const segSize = totals.reduce((a, v) => a + v, 0);
    if (segSize === 0) continue;
    const refusersBefore = (j: number) => {
      const pc = prefixCounts(g, j);
      let r = 0;
      for (let i = 0; i < subs.length; i++) if (refuser[i]) r += countIn(subs[i], pc[subs[i].sub]);
      return r;
    };
    const cap = c <= b ? Math.floor(b / c) : 0;
    let totalRefusers = 0;
    for (let i = 0; i < subs.length; i++) if (refuser[i]) totalRefusers += totals[i];
    // Position (in the group) from which members are unthreatened.
    let jStar = g.count;
    let allThreatened = true;
    if (totalRefusers >= cap) {
      allThreatened = false;
      let lo = 0;
      let hi = g.count;
      while (lo < hi) {
        const mid = Math.floor((lo + hi) / 2);
        if (refusersBefore(mid) >= cap) hi = mid;
        else lo = mid + 1;
      }
      jStar = lo;
    }
    const pcStar = prefixCounts(g, jStar);
    let before = 0;
    for (let i = 0; i < subs.length; i++) {
      const s = subs[i];
      const kind = s.kind;
      const nT = allThreatened ? totals[i] : countIn(s, pcStar[s.sub]);
      const nU = totals[i] - nT;
      before += nT;
      tally.threatenedCount += nT;
      if (s.withheld) tally.withheldCount += totals[i];
      if (nT > 0) {
        if (refuser[i]) {
          tally.tried(kind, nT);
          b -= nT * c;
        } else tally.plea(dec.offer1[kind], nT);
      }
      if (nU > 0) {
        if (!s.withheld && plead0[kind] === 1) tally.plea(dec.offer0[kind], nU);
        else tally.freed(kind, nU);
      }
    }
    if (before < segSize) tally.stopAt(rankOffset + before + 1);
    rankOffset += segSize;
  }
  return tally.totals(budget - b);
}
