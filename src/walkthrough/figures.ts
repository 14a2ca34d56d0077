// The figures a tour step shows beside its chart, from the engine's answers: the result's totals,
// the lottery's figures, the sweeps' success points. Pure (the tests check every number a step's
// text cites against these strings).
import type { Result } from '../engine';
import type { SweepResult } from '../engine';
import type { Scenario } from '../engine';
import { formatNumber } from '../app/format';
import type { FigureKey, TourStep } from './steps';

export interface Figure {
  key: FigureKey;
  label: string;
  value: string;
  /** A word of explanation (unit or meaning). */
  unit?: string;
}

export interface StepAnswers {
  scenario: Scenario | null;
  result: Result | null;
  sweepA?: SweepResult | null;
  sweepB?: SweepResult | null;
}

const DASH = '—';
const num = (x: number | null | undefined) => (x === null || x === undefined ? DASH : formatNumber(x));

/** The figures of a step, in its order; a figure not computed yet reads "…". */
export function stepFigures(step: TourStep, a: StepAnswers): Figure[] {
  const t = a.result?.totals;
  const lot = a.result?.lottery;
  const sweep = step.view.kind === 'sweep' ? step.view.sweep : null;
  const pending = '…';
  const out: Figure[] = [];
  for (const key of step.figures) {
    switch (key) {
      case 'defendants':
        out.push({ key, label: 'Defendants', value: t ? num(t.defendants) : pending });
        break;
      case 'budget':
        out.push({ key, label: 'Trials she can afford', value: a.scenario ? num(a.scenario.prosecutor.budget) : pending, unit: 'trial units' });
        break;
      case 'pleas':
        out.push({ key, label: 'Pleas', value: t ? num(t.pleas) : pending });
        break;
      case 'trials':
        out.push({ key, label: 'Trials', value: t ? num(t.trials) : pending });
        break;
      case 'free':
        out.push({ key, label: 'Go free', value: t ? num(t.free) : pending });
        break;
      case 'take':
        out.push({ key, label: 'Her take', value: t ? num(t.take) : pending, unit: 'years of punishment' });
        break;
      case 'noPleaTake':
        out.push({ key, label: 'Take from trials alone', value: t ? num(t.noPleaTake) : pending, unit: 'years (no-plea take)' });
        break;
      case 'takeRatio':
        out.push({ key, label: 'Take ÷ trials alone', value: t ? num(t.takeRatio) : pending });
        break;
      case 'crashWeek':
        out.push({ key, label: 'Crash week', value: a.result ? (a.result.docket?.crashWeek == null ? 'never' : num(a.result.docket.crashWeek)) : pending });
        break;
      case 'stopRank':
        out.push({ key, label: 'Unraveling stops at rank', value: t ? (t.stopRank === null ? 'never' : num(t.stopRank)) : pending });
        break;
      case 'plannedTake':
        out.push({ key, label: 'The take she planned', value: a.result ? num(a.result.plan?.plannedTake ?? null) : pending, unit: 'years' });
        break;
      case 'k':
        out.push({ key, label: 'Trials she can hold', value: lot ? num(lot.k) : pending });
        break;
      case 'strikeProofOffer':
        out.push({ key, label: 'Offer that breaks the strike', value: lot ? num(lot.strikeProofOffer) : pending, unit: 'years' });
        break;
      case 'criticalMass':
        out.push({ key, label: 'Must be committed', value: lot ? num(lot.criticalMass) : pending, unit: 'defendants' });
        break;
      case 'offer': {
        const o = a.result?.defendants?.[0]?.offer ?? null;
        out.push({ key, label: 'Plea offered', value: a.result ? num(o) : pending, unit: 'years' });
        break;
      }
      case 'successAt':
      case 'successAtB': {
        const s = key === 'successAt' ? a.sweepA : a.sweepB;
        const name = sweep?.names?.[key === 'successAt' ? 0 : 1];
        out.push({
          key,
          label: `${name ? `${name.split(':')[0]}: strike` : 'Strike'} succeeds from`,
          value: s ? (s.successAt === null ? 'never' : num(s.successAt)) : pending,
          unit: sweep?.label,
        });
        break;
      }
    }
  }
  return out;
}

/** The numbers in a text (thousands separators and decimals kept), e.g. "7,000", "0.15". */
export function numbersIn(text: string): string[] {
  return [...text.matchAll(/(?<![\w.])\d{1,3}(?:,\d{3})+(?:\.\d+)?|(?<![\w.,])\d+(?:\.\d+)?/g)].map((m) =>
    m[0].replace(/\.$/, ''),
  );
}

const pct = (x: number) => `${formatNumber(Math.round(x * 1000) / 10)}%`;

/** What the scenario gives, in a few plain phrases (shown above the figures). */
export function givenPhrases(s: Scenario): string[] {
  const out: string[] = [];
  const N = s.groups.reduce((a, g) => a + g.count, 0);
  out.push(`${formatNumber(N)} defendant${N === 1 ? '' : 's'}${s.groups.length > 1 ? ` in ${s.groups.length} groups` : ''}`);
  if (s.groups.length === 1) {
    const g = s.groups[0];
    out.push(`${pct(g.convictionProbability)} chance of conviction`);
    out.push(`${formatNumber(g.trialSentence)} years if convicted`);
    if (g.pledgedShare > 0) out.push(`${pct(g.pledgedShare)} pledged`);
  } else {
    const pledged = Math.max(...s.groups.map((g) => g.pledgedShare));
    if (pledged > 0) out.push(`up to ${pct(pledged)} of a group pledged`);
  }
  if (s.prosecutor.regime === 'docket' && s.docket)
  {
    out.push(`capacity: ${formatNumber(s.docket.capacity)} trial unit${s.docket.capacity === 1 ? '' : 's'} a week`);
    out.push(`deadline: ${formatNumber(s.docket.deadline)} week${s.docket.deadline === 1 ? '' : 's'}`);
  }
  else {
    const b = s.prosecutor.budget ?? 0;
    out.push(`budget: ${formatNumber(b)} trial${b === 1 ? '' : 's'}`);
  }
  if (s.prosecutor.offers === 'uniform' && s.prosecutor.uniformOffer !== null)
    out.push(`one offer for all: ${formatNumber(s.prosecutor.uniformOffer)} years`);
  const { pledge, visibility, strikeFund } = s.levers;
  if (pledge.penalty > 0) out.push(`pledge penalty ${formatNumber(pledge.penalty)} years`);
  if (visibility.sanction > 0) out.push(`sanction ${formatNumber(visibility.sanction)} years`);
  if (strikeFund.fund > 0) out.push(`strike fund ${formatNumber(strikeFund.fund)} years`);
  if (strikeFund.stipend > 0) out.push(`stipend ${formatNumber(strikeFund.stipend)} years`);
  if (strikeFund.insurance > 0) out.push(`insurance ${formatNumber(strikeFund.insurance)} years`);
  return out;
}
