// The two co-defendants' dilemma as a payoff table (the classroom's first step): under the
// lottery (MODEL.md §4.2), the years one defendant expects by his choice and the other's. Pleading
// costs a = s + K + L whatever the other does; refusing costs r = d + π·ê with π = min(1, k/R),
// R the number of refusers (1 if the other pleads, 2 if he refuses). Which cells are equilibria
// comes from the lottery's own equilibria (sizes 0, 1 or 2).
import type { Scenario } from '../scenario/schema';
import { buildPopulation } from '../population/kinds';
import { solveScenario } from '../solve';
import { leqTol } from '../numeric';

export type Choice = 'plead' | 'refuse';

export interface PayoffCell {
  mine: Choice;
  other: Choice;
  /** Years he expects (sentence-equivalent). */
  years: number;
  /** His best reply to the other's choice (ties accept: pleading). */
  best: boolean;
}

export interface PayoffTable {
  /** The plea offer each is made (null: none). */
  offer: number | null;
  /** Trials she can hold. */
  k: number;
  /** Trial probability of a refuser when one or both refuse. */
  piAlone: number;
  piBoth: number;
  cells: PayoffCell[];
  /** Equilibrium sizes (number of refusers) of the lottery. */
  equilibria: number[];
}

/** The table for a lottery scenario with two alike defendants; null otherwise. */
export function payoffTable(s: Scenario): PayoffTable | null {
  if (s.prosecutor.regime !== 'lottery') return null;
  const pop = buildPopulation(s);
  if (pop.N !== 2 || pop.kinds.size !== 1) return null;
  const r = solveScenario(s, { rows: 'always' });
  const lot = r.lottery;
  if (!lot) return null;
  const kk = pop.kinds;
  const offer = r.defendants?.[0]?.offer ?? null;
  const d = kk.d[0];
  const eHat = kk.eHat[0];
  const k = lot.k;
  const piAlone = Math.min(1, k / 1);
  const piBoth = Math.min(1, k / 2);
  const plead = offer === null ? Infinity : offer + kk.K[0] + kk.L[0];
  const refuseAlone = d + piAlone * eHat;
  const refuseBoth = d + piBoth * eHat;
  const cell = (mine: Choice, other: Choice): PayoffCell => {
    const refuse = other === 'plead' ? refuseAlone : refuseBoth;
    const pleadBest = kk.never[0] !== 1 && leqTol(plead, refuse);
    return {
      mine,
      other,
      years: mine === 'plead' ? plead : refuse,
      best: mine === 'plead' ? pleadBest : !pleadBest,
    };
  };
  return {
    offer,
    k,
    piAlone,
    piBoth,
    cells: [cell('plead', 'plead'), cell('plead', 'refuse'), cell('refuse', 'plead'), cell('refuse', 'refuse')],
    equilibria: lot.equilibria.map((e) => e.size),
  };
}
