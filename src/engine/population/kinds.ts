// Groups → kinds of defendant (MODEL.md §2–3). Defendants of a group are alike but for being
// pledged (and covered by the fund) or a never-pleader, so a group holds at most four kinds:
// plain, never, pledged and covered, pledged and uncovered. Every cost is per kind; the
// per-defendant layout (who is which kind) is counted in O(1) from the "spread evenly" rule.
import type { Scenario } from '../scenario/schema';
import { chosenBefore, isChosen } from './spread';
import { pledgedCount } from '../levers/pledge';
import { neverCount } from '../levers/neverPleaders';
import { coveredCount, fundTrialBound } from '../levers/strikeFund';
import { docketOrder, type DocketOrder, type WeekSpan } from './weeks';
import { trialCost as trialCostOf, trialValue } from '../levers/costs';
import { hiddenFromProsecutor, kindLeverCosts, leversOf, type LeverScenario } from '../levers';

export const SUB_PLAIN = 0;
export const SUB_NEVER = 1;
export const SUB_COVERED = 2;
export const SUB_UNCOVERED = 3;
export const SUB_NAMES = ['plain', 'never', 'pledgedCovered', 'pledgedUncovered'] as const;
export type SubName = (typeof SUB_NAMES)[number];

/** Structure of arrays, one entry per kind (only kinds with members). */
export interface Kinds {
  size: number;
  group: Int32Array;
  sub: Uint8Array;
  count: Float64Array;
  p: Float64Array;
  S: Float64Array;
  K: Float64Array;
  d: Float64Array;
  c: Float64Array;
  /** Detention per week of waiting δ (docket only; 0 elsewhere in effect). */
  delta: Float64Array;
  e: Float64Array;
  w: Float64Array;
  /** True lever premium L and insured expected trial sentence ê. */
  L: Float64Array;
  eHat: Float64Array;
  /** What the prosecutor believes (equal to the truth unless pledges are secret). */
  Lb: Float64Array;
  eHatB: Float64Array;
  /** Fixed offer (group offer or uniform offer), NaN when tailored. */
  fixedOffer: Float64Array;
  pledged: Uint8Array;
  never: Uint8Array;
  covered: Uint8Array;
}

export interface GroupLayout {
  index: number;
  count: number;
  /** 0-based arrival index of the group's first member. */
  first: number;
  pledged: number;
  never: number;
  covered: number;
  /** Arrival weeks f..l (l resolved to W − 1 when null; docket only). */
  firstWeek: number;
  lastWeek: number;
  /** Kind index per sub-kind (SUB_*), −1 when that sub-kind has no member. */
  kind: [number, number, number, number];
}

export interface Population {
  N: number;
  groups: GroupLayout[];
  kinds: Kinds;
  pledgedTotal: number;
  coveredTotal: number;
  /** M: the most trials the regime can hold, for the fund's worst case (MODEL.md §3). */
  fundTrials: number;
  /** The common trial cost when all defendants share one, else null. */
  equalCost: number | null;
  minCost: number;
  totalUnits: number;
  secret: boolean;
  stipend: number;
  insurance: number;
}

/** Counts of each sub-kind among the first j members of a group (0 ≤ j ≤ count). */
export function prefixCounts(g: GroupLayout, j: number): [number, number, number, number] {
  const pl = chosenBefore(j, g.pledged, g.count);
  const cov = Math.min(pl, g.covered);
  const others = j - pl;
  const nev = chosenBefore(others, g.never, g.count - g.pledged);
  return [others - nev, nev, cov, pl - cov];
}

/** prefixCounts(g, j)[sub], without the tuple (a binary search asks it once a step). */
export function prefixCount(g: GroupLayout, j: number, sub: number): number {
  const pl = chosenBefore(j, g.pledged, g.count);
  const cov = Math.min(pl, g.covered);
  if (sub === SUB_COVERED) return cov;
  if (sub === SUB_UNCOVERED) return pl - cov;
  const others = j - pl;
  const nev = chosenBefore(others, g.never, g.count - g.pledged);
  return sub === SUB_NEVER ? nev : others - nev;
}

/** The sub-kind of member j (0-based within the group). */
export function subKindAt(g: GroupLayout, j: number): number {
  if (isChosen(j, g.pledged, g.count)) {
    return chosenBefore(j, g.pledged, g.count) < g.covered ? SUB_COVERED : SUB_UNCOVERED;
  }
  const o = j - chosenBefore(j, g.pledged, g.count);
  return isChosen(o, g.never, g.count - g.pledged) ? SUB_NEVER : SUB_PLAIN;
}

/**
 * The groups and levers of a scenario as kinds. Under the docket, `order` (the docket order, if
 * the caller already has it) saves computing it again to find who the fund covers.
 */
export function buildPopulation(s: Scenario, order?: DocketOrder): Population {
  const { levers, prosecutor } = s;
  const T = levers.strikeFund.stipend;
  const I = levers.strikeFund.insurance;
  // The premium L, the insured cost ê and what she believes of them come from the lever registry
  // (levers/index.ts), so a new lever's premium reaches every regime with no edit here.
  const units = leversOf(s);
  const ls = s as unknown as LeverScenario;
  const secret = hiddenFromProsecutor(units, ls);

  let pledgedTotal = 0;
  let pledgedMinCost = Infinity;
  // Counts are integers of at most LIMITS.maxDefendants (10⁷), kept in Int32Arrays: the same
  // values, and one layout for V8 whatever tier made them (an array from .map, or an integral
  // double stored where a small integer stood, changes its hidden class mid-grid and throws away
  // the code compiled for the old one).
  const G = s.groups.length;
  const pledgedOf = new Int32Array(G);
  const neverOf = new Int32Array(G);
  for (let gi = 0; gi < G; gi++) {
    const g = s.groups[gi];
    const P = pledgedCount(g.count, g.pledgedShare);
    const V = neverCount(g.count, g.neverPleadsShare, P);
    pledgedOf[gi] = P;
    neverOf[gi] = V;
    pledgedTotal += P;
    if (P > 0) pledgedMinCost = Math.min(pledgedMinCost, g.trialCost);
  }
  const docket = prosecutor.regime === 'docket' ? s.docket : undefined;
  const fundTrials = fundTrialBound({
    regime: prosecutor.regime,
    budget: prosecutor.budget ?? 0,
    pledgedMinCost,
    equalCost: equalTrialCost(s.groups),
    docket,
  });
  const coveredTotal = coveredCount(pledgedTotal, levers.strikeFund.fund, T, I, fundTrials) | 0; // ≤ pledgedTotal
  const spans = weekSpans(s);
  // Who is covered per group: the first `coveredTotal` pledgers in arrival order, or in docket
  // order under the docket (inside a group both orders agree, so the covered are still each
  // group's first pledgers; only how many per group differs).
  const coveredOf = docket
    ? Int32Array.from(docketCoveredByGroup(spans, Array.from(pledgedOf), coveredTotal, docket.weeks, order))
    : arrivalCoveredByGroup(pledgedOf, coveredTotal);

  const cap = s.groups.length * 4;
  const k: Kinds = {
    size: 0,
    group: new Int32Array(cap),
    sub: new Uint8Array(cap),
    count: new Float64Array(cap),
    p: new Float64Array(cap),
    S: new Float64Array(cap),
    K: new Float64Array(cap),
    d: new Float64Array(cap),
    c: new Float64Array(cap),
    delta: new Float64Array(cap),
    e: new Float64Array(cap),
    w: new Float64Array(cap),
    L: new Float64Array(cap),
    eHat: new Float64Array(cap),
    Lb: new Float64Array(cap),
    eHatB: new Float64Array(cap),
    fixedOffer: new Float64Array(cap),
    pledged: new Uint8Array(cap),
    never: new Uint8Array(cap),
    covered: new Uint8Array(cap),
  };

  const groups: GroupLayout[] = [];
  let first = 0;
  let equalCost: number | null = null;
  let mixed = false;
  let minCost = Infinity;
  let totalUnits = 0;
  s.groups.forEach((g, gi) => {
    const P = pledgedOf[gi];
    const V = neverOf[gi];
    const C = coveredOf[gi];
    const layout: GroupLayout = {
      index: gi,
      count: g.count,
      first,
      pledged: P,
      never: V,
      covered: C,
      firstWeek: spans[gi].firstWeek,
      lastWeek: spans[gi].lastWeek,
      kind: [-1, -1, -1, -1],
    };
    first += g.count;
    if (g.count > 0) {
      if (equalCost === null && !mixed) equalCost = g.trialCost;
      else if (equalCost !== g.trialCost) {
        mixed = true;
        equalCost = null;
      }
      minCost = Math.min(minCost, g.trialCost);
      totalUnits += g.count * g.trialCost;
    }
    const counts = [g.count - P - V, V, C, P - C];
    const fixed =
      g.offer ?? (prosecutor.offers === 'uniform' ? prosecutor.uniformOffer : null) ?? NaN;
    for (let sub = 0; sub < 4; sub++) {
      if (counts[sub] <= 0) continue;
      const i = k.size++;
      layout.kind[sub] = i;
      const pl: 0 | 1 = sub === SUB_COVERED || sub === SUB_UNCOVERED ? 1 : 0;
      const cv: 0 | 1 = sub === SUB_COVERED ? 1 : 0;
      k.group[i] = gi;
      k.sub[i] = sub;
      k.count[i] = counts[sub];
      k.p[i] = g.convictionProbability;
      k.S[i] = g.trialSentence;
      k.K[i] = g.collateralCost;
      k.d[i] = g.refusalCost;
      k.c[i] = g.trialCost;
      k.delta[i] = g.detentionPerWeek ?? 0;
      const e = trialCostOf(g.convictionProbability, g.trialSentence, g.collateralCost);
      k.e[i] = e;
      k.w[i] = trialValue(g.convictionProbability, g.trialSentence);
      const lc = kindLeverCosts(units, ls, g as unknown as Record<string, unknown>, pl, cv, e);
      k.L[i] = lc.L;
      k.eHat[i] = lc.eHat;
      k.Lb[i] = lc.Lb;
      k.eHatB[i] = lc.eHatB;
      k.fixedOffer[i] = fixed;
      k.pledged[i] = pl;
      k.never[i] = sub === SUB_NEVER ? 1 : 0;
      k.covered[i] = cv;
    }
    groups.push(layout);
  });

  return {
    N: first,
    groups,
    kinds: k,
    pledgedTotal,
    coveredTotal,
    fundTrials,
    equalCost: mixed ? null : equalCost,
    minCost,
    totalUnits,
    secret,
    stipend: T,
    insurance: I,
  };
}

/** Each group's members and arrival weeks f..l (l = W − 1 when null), for the docket's clock. */
export function weekSpans(s: Scenario): WeekSpan[] {
  const W = s.docket?.weeks ?? 52;
  const spans: WeekSpan[] = [];
  let firstIndex = 0;
  for (const g of s.groups) {
    spans.push({
      count: g.count,
      first: firstIndex,
      firstWeek: g.firstWeek ?? 0,
      lastWeek: g.lastWeek ?? W - 1,
    });
    firstIndex += g.count;
  }
  return spans;
}

/** The common trial cost of the groups with members, or null when they differ. */
function equalTrialCost(groups: Scenario['groups']): number | null {
  let c: number | null = null;
  for (const g of groups) {
    if (g.count === 0) continue;
    if (c === null) c = g.trialCost;
    else if (c !== g.trialCost) return null;
  }
  return c;
}

/** The first `covered` pledgers in arrival order: group by group. */
function arrivalCoveredByGroup(pledged: Int32Array, covered: number): Int32Array {
  const out = new Int32Array(pledged.length);
  let left = covered;
  for (let g = 0; g < pledged.length; g++) {
    const C = Math.min(pledged[g], left);
    out[g] = C;
    left -= C;
  }
  return out;
}

/** The first `covered` pledgers in docket order, counted per group. */
function docketCoveredByGroup(
  spans: readonly WeekSpan[],
  pledged: readonly number[],
  covered: number,
  weeks: number,
  given?: DocketOrder,
): number[] {
  const out = pledged.map(() => 0);
  if (covered <= 0) return out;
  const total = pledged.reduce((a, b) => a + b, 0);
  if (covered >= total) return pledged.slice();
  const { order } = given ?? docketOrder(spans, weeks);
  // arrival index → group (groups are contiguous in arrival order)
  const starts = spans.map((g) => g.first);
  let left = covered;
  for (let t = 0; t < order.length && left > 0; t++) {
    const i = order[t];
    // the group holding i: the last whose first member is at or before i (it has members)
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= i) lo = mid;
      else hi = mid - 1;
    }
    const g = lo;
    if (isChosen(i - spans[g].first, pledged[g], spans[g].count)) {
      out[g]++;
      left--;
    }
  }
  return out;
}

/**
 * The kind of every defendant, in arrival order (built only when per-defendant work needs it).
 * The spread-evenly rule (spread.ts) puts a group's pledged member q (0-based) at member
 * ⌊q·n/P⌋ and its never-pleader r at the ⌊r·(n − P)/V⌋-th member who has not pledged, so the
 * group is filled with its plain kind and only the pledged and never members are written, each
 * place found by stepping the quotient and remainder (integers, no division per member): a phase
 * diagram builds this once a cell. test/engine/population.test.ts checks it against subKindAt.
 */
export function kindOfDefendants(pop: Population): Int32Array {
  const out = new Int32Array(pop.N);
  for (const g of pop.groups) {
    const n = g.count;
    if (n === 0) continue;
    const base = g.first;
    const P = g.pledged;
    const V = g.never;
    const kind = g.kind;
    out.fill(kind[SUB_PLAIN], base, base + n);
    // Pledged member q at ⌊q·n/P⌋ = pos, with rem = q·n − pos·P (0 ≤ rem < P).
    let pos = 0;
    let rem = 0;
    let stepP = 0;
    let restP = 0;
    if (P > 0) {
      stepP = Math.floor(n / P);
      restP = n - stepP * P;
      const kCov = kind[SUB_COVERED];
      const kUnc = kind[SUB_UNCOVERED];
      const C = g.covered;
      for (let q = 0; q < P; q++) {
        out[base + pos] = q < C ? kCov : kUnc;
        pos += stepP;
        rem += restP;
        if (rem >= P) {
          pos++;
          rem -= P;
        }
      }
    }
    const n2 = n - P;
    if (V > 0 && n2 > 0) {
      // Never-pleader r is the o-th member who has not pledged, o = ⌊r·n2/V⌋; its member index
      // is o plus the pledged members before it (walked again from the first).
      const stepV = Math.floor(n2 / V);
      const restV = n2 - stepV * V;
      const kNever = kind[SUB_NEVER];
      let o = 0;
      let remV = 0;
      let before = 0; // pledged members at or before o + before
      pos = 0;
      rem = 0;
      for (let r = 0; r < V; r++) {
        while (before < P && pos <= o + before) {
          before++;
          pos += stepP;
          rem += restP;
          if (rem >= P) {
            pos++;
            rem -= P;
          }
        }
        out[base + o + before] = kNever;
        o += stepV;
        remV += restV;
        if (remV >= V) {
          o++;
          remV -= V;
        }
      }
    }
  }
  return out;
}

/** One kind of defendant in plain objects: what the "why" panel and the charts read. */
export interface KindInfo {
  kind: number;
  group: number;
  sub: SubName;
  count: number;
  p: number;
  S: number;
  K: number;
  d: number;
  c: number;
  /** δ: detention per week of waiting (docket). */
  delta: number;
  e: number;
  w: number;
  L: number;
  eHat: number;
  Lb: number;
  eHatB: number;
  fixedOffer: number | null;
  pledged: boolean;
  never: boolean;
  covered: boolean;
}

export function describeKinds(pop: Population): KindInfo[] {
  const k = pop.kinds;
  const out: KindInfo[] = [];
  for (let i = 0; i < k.size; i++) {
    out.push({
      kind: i,
      group: k.group[i],
      sub: SUB_NAMES[k.sub[i]],
      count: k.count[i],
      p: k.p[i],
      S: k.S[i],
      K: k.K[i],
      d: k.d[i],
      c: k.c[i],
      delta: k.delta[i],
      e: k.e[i],
      w: k.w[i],
      L: k.L[i],
      eHat: k.eHat[i],
      Lb: k.Lb[i],
      eHatB: k.eHatB[i],
      fixedOffer: Number.isNaN(k.fixedOffer[i]) ? null : k.fixedOffer[i],
      pledged: k.pledged[i] === 1,
      never: k.never[i] === 1,
      covered: k.covered[i] === 1,
    });
  }
  return out;
}
