// forcedSpend, the speedy-trial clock (MODEL.md §4.4). Cases reach the clock in ranking order;
// a rejecter must be tried at once (spending c_i) or dismissed for good. By dynamic programming
// over (rank t, budget b), V(t, b) is her best continuation value; her threat against i is
// credible iff c_i ≤ b and w_i + V(t+1, b − c_i) ≥ V(t+1, b) (she tries on ties). At each case
// she takes the best of: the plea he would accept (π = 1 if credible, else 0), withholding the
// offer and trying him, or letting him go; ties prefer the plea, then trying, then letting go.
// V is computed from what she believes; the pass then runs on the truth at the real budget.
import { lessTol } from '../numeric';
import type { Population } from '../population/kinds';
import type { Decisions } from './decision';
import { OUT_FREE, OUT_PLEA, OUT_TRIED, type PassDetail, type PassTotals } from './priority';
import { Tally } from './tally';
import { workMeter, type WorkHooks } from '../work';

const CHOICE_PLEA = 0;
const CHOICE_TRY = 1;
const CHOICE_GO = 2;

export interface ForcedSpendInput {
  pop: Population;
  dec: Decisions;
  kindOf: Int32Array;
  ranking: Int32Array;
  budget: number;
}

export function forcedSpend(
  input: ForcedSpendInput,
  detail?: PassDetail,
  hooks?: WorkHooks,
): PassTotals & { plannedTake: number } {
  const { pop, dec, kindOf, ranking } = input;
  const k = pop.kinds;
  const N = ranking.length;
  const Bp = Math.min(input.budget, pop.totalUnits);
  const W = Bp + 1;
  // table[t·W + b]: bit 0 credible, bits 1–2 her choice, bit 3 a plea was available (belief).
  const table = new Uint8Array(N * W);
  let next = new Float64Array(W);
  let cur = new Float64Array(W);
  const meter = workMeter(hooks, N);
  for (let t = N - 1; t >= 0; t--) {
    meter(N - 1 - t);
    const kind = kindOf[ranking[t]];
    const c = k.c[kind];
    const w = k.w[kind];
    const s1 = dec.offer1[kind];
    const s0 = dec.offer0[kind];
    const bp1 = dec.bPlead1[kind] === 1;
    const bp0 = dec.bPlead0[kind] === 1;
    const row = t * W;
    for (let b = 0; b < W; b++) {
      const letGo = next[b];
      let credible = false;
      let tryV = -Infinity;
      if (c <= b) {
        tryV = w + next[b - c];
        credible = !lessTol(tryV, letGo);
      }
      const pleaAvail = credible ? bp1 : bp0;
      let best = -Infinity;
      let choice = CHOICE_GO;
      if (pleaAvail) {
        best = (credible ? s1 : s0) + letGo;
        choice = CHOICE_PLEA;
      }
      if (c <= b && (best === -Infinity || lessTol(best, tryV))) {
        best = tryV;
        choice = CHOICE_TRY;
      }
      if (best === -Infinity || lessTol(best, letGo)) {
        best = letGo;
        choice = CHOICE_GO;
      }
      cur[b] = best;
      table[row + b] = (credible ? 1 : 0) | (choice << 1) | (pleaAvail ? 8 : 0);
    }
    const tmp = next;
    next = cur;
    cur = tmp;
  }
  const plannedTake = next[Bp];

  // The pass, on the truth, at the real budget.
  const tally = new Tally(k, pop.stipend, pop.insurance);
  let b = Bp;
  for (let t = 0; t < N; t++) {
    const i = ranking[t];
    const kind = kindOf[i];
    const code = table[t * W + b];
    const credible = (code & 1) === 1;
    const choice = (code >> 1) & 3;
    let out: number;
    let offer = NaN;
    let withheld = 0;
    if (choice === CHOICE_TRY) {
      out = OUT_TRIED;
      if (code & 8) {
        withheld = 1;
        tally.withheldCount++;
      } else offer = credible ? dec.offer1[kind] : dec.offer0[kind];
    } else {
      offer = credible ? dec.offer1[kind] : dec.offer0[kind];
      const accepts = credible ? dec.plead1[kind] === 1 : dec.plead0[kind] === 1;
      if (choice === CHOICE_PLEA && accepts) out = OUT_PLEA;
      else out = credible ? OUT_TRIED : OUT_FREE;
    }
    tally.threat(t + 1, credible);
    if (out === OUT_PLEA) tally.plea(offer);
    else if (out === OUT_TRIED) {
      tally.tried(kind);
      b -= k.c[kind];
    } else tally.freed(kind);
    if (detail) {
      detail.rank[i] = t + 1;
      detail.outcome[i] = out;
      detail.offer[i] = offer;
      detail.threatened[i] = credible ? 1 : 0;
      detail.withheld[i] = withheld;
    }
  }
  return { ...tally.totals(Bp - b), plannedTake };
}
