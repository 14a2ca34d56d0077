// "Why this defendant?": a plain-language account of one defendant's outcome, with the
// numbers of MODEL.md §3–4: whether he was threatened (π), the offer, the cost of pleading
// a = s + K + L against the cost of refusing r = d + π·ê, and which lever tipped it.
// Pure: no DOM, no React; tested with exact strings.
import type { DefendantRow } from '../../engine';
import type { KindInfo } from '../../engine';
import type { Scenario } from '../../engine';
import { formatDetail } from '../../engine';
import {
  defendantNumbers,
  lotteryThreshold,
  nearlyEqual,
  type Counterfactual,
  type ExplainContext,
  type PremiumPart,
} from '../../engine';

export type { ExplainContext } from '../../engine';
export { nearlyEqual };

export interface Explanation {
  /** `Defendant 1 pleaded`. */
  headline: string;
  /** The reasons, in order. */
  lines: string[];
  /** The lever whose removal would flip his decision (or her withholding), or null. */
  tipping: string | null;
}

/** Numbers for people: at most 4 decimals, no float noise — the engine's formatDetail. */
export const fmt: (x: number) => string = formatDetail;

const plural = (n: number, one: string, many = `${one}s`) => `${fmt(n)} ${n === 1 ? one : many}`;

function verb(row: DefendantRow): string {
  switch (row.outcome) {
    case 'plea':
      return 'pleaded';
    case 'tried':
      return 'was tried';
    case 'free':
      return 'went free';
    case 'refuse':
      return 'refused';
  }
}

function threatLine(row: DefendantRow, kind: KindInfo, ctx: ExplainContext, pi: number): string {
  const b = ctx.budgetLeft;
  switch (ctx.regime) {
    case 'priority':
      if (row.threatened) {
        return b === undefined
          ? 'threatened (the prosecutor could afford to try him, π = 1)'
          : `threatened (the prosecutor could afford to try him: budget left ${fmt(b)} ≥ his trial cost ${fmt(kind.c)}, π = 1)`;
      }
      return b === undefined
        ? 'not threatened (the prosecutor could not afford to try him, π = 0)'
        : `not threatened (the prosecutor could not afford to try him: budget left ${fmt(b)} < his trial cost ${fmt(kind.c)}, π = 0)`;
    case 'forcedSpend': {
      if (row.threatened) {
        const nums =
          b === undefined ? '' : `budget left ${fmt(b)}, his trial cost ${fmt(kind.c)}; `;
        return `threatened (her threat to try him was credible: ${nums}trying him was worth at least what that budget could buy later, π = 1)`;
      }
      if (b === undefined) {
        return 'not threatened (her threat was not credible: she could not afford his trial or the budget was worth more saved for later, π = 0)';
      }
      return b < kind.c
        ? `not threatened (her threat was not credible: budget left ${fmt(b)} < his trial cost ${fmt(kind.c)}, π = 0)`
        : `not threatened (her threat was not credible: budget left ${fmt(b)} would buy more later than trying him, π = 0)`;
    }
    case 'lottery': {
      if (ctx.k === undefined || ctx.R === undefined) {
        return `${pi > 0 ? 'threatened' : 'not threatened'} (tried with probability π = ${fmt(pi)} if he refuses)`;
      }
      const k = ctx.k;
      if (row.outcome === 'refuse') {
        return `one of R = ${fmt(ctx.R)} rejecters with budget for k = ${plural(k, 'trial')}: tried with probability π = min(1, ${fmt(k)}/${fmt(ctx.R)}) = ${fmt(pi)}`;
      }
      return `had he refused he would be one of R + 1 = ${fmt(ctx.R + 1)} rejecters with budget for k = ${plural(k, 'trial')}: π = min(1, ${fmt(k)}/${fmt(ctx.R + 1)}) = ${fmt(pi)}`;
    }
    case 'noPlea':
      return 'no plea bargaining (noPlea): no offers are made';
    case 'docket': {
      const a = row.arrivalWeek;
      const D = ctx.deadline;
      const arrived = a === undefined ? '' : `arrived in week ${a}; `;
      const until = a !== undefined && D !== undefined ? ` (his deadline: week ${a + D})` : '';
      if (row.threatened) {
        if (row.trialWeek != null) {
          const wait =
            a === undefined || D === undefined
              ? ''
              : `, a wait of ${plural(row.trialWeek - a, 'week')}`;
          return `threatened (${arrived}booked for trial in week ${row.trialWeek}${wait}${until}, π = 1)`;
        }
        return `threatened (${arrived}a trial date was free within his deadline${until}, π = 1)`;
      }
      const held =
        D === undefined
          ? ''
          : `; had he refused he would be held ${plural(D, 'week')} and then dismissed`;
      return `not threatened (${arrived}no week before his speedy-trial deadline${until} had room for his trial${held}, π = 0)`;
    }
  }
}

function offerLine(
  row: DefendantRow,
  kind: KindInfo,
  scenario: Scenario,
  believedP: number,
): string {
  if (row.withheld) {
    return `offer withheld: she chose to try him because his plea (P = ${fmt(believedP)}) was worth less to her than a trial (w = ${fmt(kind.w)})`;
  }
  const g = scenario.groups[kind.group];
  if (row.offer === null) {
    if (kind.fixedOffer !== null) {
      return `no offer: the fixed offer of ${plural(kind.fixedOffer, 'year')} is not positive`;
    }
    return `no offer: the most he would accept (by what she knew), d + π·ê − K − L = ${fmt(believedP)}, is not positive`;
  }
  if (kind.fixedOffer !== null) {
    return g?.offer != null
      ? `offered his group's fixed offer of ${plural(row.offer, 'year')}`
      : `offered the uniform offer of ${plural(row.offer, 'year')}`;
  }
  if (scenario.levers.pledge.secret && kind.pledged) {
    return `offered ${plural(row.offer, 'year')} (tailored as if he had not pledged: the pledges are secret)`;
  }
  return `offered ${plural(row.offer, 'year')}`;
}

function costLine(
  kind: KindInfo,
  s: number,
  L: number,
  eHat: number,
  pi: number,
  wait: number | null = null,
): string {
  const a = s + kind.K + L;
  const held = wait !== null && kind.delta > 0 ? kind.delta * wait : 0;
  const r = kind.d + held + pi * eHat;
  const trial =
    eHat === kind.e
      ? `expected trial sentence ${fmt(kind.e)}`
      : `insured expected trial sentence ${fmt(eHat)} (${fmt(kind.e)} less insurance)`;
  return `pleading costs ${fmt(a)} (offer ${fmt(s)} + collateral ${fmt(kind.K)} + lever premium ${fmt(L)}), refusing costs ${fmt(r)} (detention ${fmt(kind.d)}${held > 0 ? ` + ${fmt(kind.delta)} a week × ${plural(wait ?? 0, 'week')} waiting` : ''} + ${fmt(pi)} × ${trial})`;
}

function afterRefusal(row: DefendantRow, pi: number): string | null {
  switch (row.outcome) {
    case 'tried':
      return 'she tried him';
    case 'free':
      return 'she did not try him, so he went free';
    case 'refuse':
      return `he is tried with probability ${fmt(row.trialProbability ?? pi)}`;
    default:
      return null;
  }
}

/**
 * The reason in one plain sentence, without symbols or arithmetic (the why panel shows it first;
 * the arithmetic is there on request).
 */
export function plainReason(row: DefendantRow, kind: KindInfo, ctx: ExplainContext): string {
  const id = `Defendant ${row.id}`;
  if (ctx.regime === 'noPlea')
    return row.outcome === 'tried'
      ? `${id} was tried: with no plea bargaining, his trial was among those worth most to her within her budget.`
      : `${id} went free: with no plea bargaining, her budget went to trials worth more to her.`;
  const threatened = row.threatened;
  const threat =
    ctx.regime === 'lottery'
      ? `he risked a trial with probability ${fmt(row.trialProbability ?? 0)}`
      : ctx.regime === 'forcedSpend'
        ? threatened
          ? 'her threat to try him at once was credible'
          : 'her threat to try him at once was not credible'
        : threatened
          ? 'she could still afford to try him'
          : 'she could no longer afford to try him';
  switch (row.outcome) {
    case 'plea':
      return threatened || ctx.regime === 'lottery'
        ? `${id} pleaded: ${threat}, and the plea cost him no more than refusing.`
        : `${id} pleaded although ${threat}: waiting in detention would have cost him more than the plea.`;
    case 'tried':
      return kind.never
        ? `${id} was tried: he refuses every plea, and ${threat}.`
        : row.withheld
          ? `${id} was tried: she chose to try him rather than offer a plea.`
          : `${id} was tried: the plea cost him more than risking trial, and ${threat}.`;
    case 'free':
      return `${id} went free: he refused, and ${threat}.`;
    default:
      return `${id} refused: ${threat}, and the plea cost him more than refusing.`;
  }
}

/** Explain one defendant's outcome: the engine's numbers (engine/explain.ts) in words. */
export function explainDefendant(
  row: DefendantRow,
  kind: KindInfo,
  scenario: Scenario,
  ctx: ExplainContext,
): Explanation {
  const headline = `Defendant ${row.id} ${verb(row)}`;
  const lines: string[] = [];

  if (ctx.regime === 'noPlea') {
    lines.push('no plea bargaining (noPlea): no offers are made');
    lines.push(
      row.outcome === 'tried'
        ? `she tried him: his trial (worth w = ${fmt(kind.w)} to her, costing ${plural(kind.c, 'trial unit')}) is in the set of trials worth most to her within her budget`
        : `she did not try him: her budget went to trials worth more to her (his is worth w = ${fmt(kind.w)}, costing ${plural(kind.c, 'trial unit')})`,
    );
    return { headline, lines, tipping: null };
  }

  const n = defendantNumbers(row, kind, scenario, ctx);
  const pi = n.pi;

  lines.push(threatLine(row, kind, ctx, pi));
  if (kind.never) lines.push('a never-pleader: he refuses every plea, whatever it costs');
  lines.push(offerLine(row, kind, scenario, n.believedP));

  const s = row.offer;
  if (s !== null && !row.withheld) {
    lines.push(costLine(kind, s, kind.L, kind.eHat, pi, n.wait));
    if (kind.never) {
      lines.push('so he refused');
    } else if (row.outcome === 'plea') {
      if (n.timeServed) {
        lines.push(
          `a time-served plea: though not threatened (π = 0), refusing still costs him detention ${fmt(n.detention)}, more than collateral ${fmt(kind.K)} + lever premium ${fmt(kind.L)}`,
        );
      }
      lines.push(n.tie ? 'ties go to the plea' : 'pleading is cheaper, so he pleaded');
    } else {
      lines.push('refusing is cheaper, so he refused');
    }
  } else if (!row.withheld && !kind.never) {
    lines.push('with no offer he could not plead');
  }
  if (row.outcome !== 'plea') {
    const after = afterRefusal(row, pi);
    if (after) lines.push(after);
  }

  return { headline, lines, tipping: tipping(row, kind, n.counterfactuals, n.together) };
}

/** A part of his premium in words: "q·F = 0.5 × 2 = 1", "T = 3", or what secrecy hides. */
function partAmount(p: PremiumPart): string {
  if (p.amount === null) return p.key === 'secrecy' ? 'she does not know he pledged' : p.name;
  if (p.symbol === null) return fmt(p.amount);
  return p.factors.length > 1
    ? `${p.symbol} = ${p.factors.map(fmt).join(' × ')} = ${fmt(p.amount)}`
    : `${p.symbol} = ${fmt(p.amount)}`;
}

function tipping(
  row: DefendantRow,
  kind: KindInfo,
  counterfactuals: readonly Counterfactual[],
  together: Counterfactual | null,
): string | null {
  if (row.withheld) {
    // She withheld the offer: would his plea have been worth a trial to her without the lever?
    const says = counterfactuals
      .filter((c) => c.flips && c.pleaValue !== undefined)
      .map((c) => {
        const p = c.parts[0];
        return `Without the ${p.name} (${partAmount(p)}) his plea would be worth ${fmt(c.pleaValue!)} to her, at least a trial (w = ${fmt(kind.w)}), so she would have no reason to withhold it.`;
      });
    return says.length ? says.join(' ') : null;
  }
  const describe = (d: NonNullable<Counterfactual['choice']>) =>
    d.plea
      ? `he would have pleaded (offer ${fmt(d.s)}: pleading would cost ${fmt(d.a)}, refusing ${fmt(d.r)})`
      : d.offered
        ? `he would have refused (pleading would cost ${fmt(d.a)}, refusing ${fmt(d.r)})`
        : `he would have had no positive offer and refused`;
  const says: string[] = [];
  for (const c of counterfactuals) {
    if (!c.flips || !c.choice) continue;
    const p = c.parts[0];
    says.push(
      p.key === 'secrecy'
        ? `The secret pledges tipped it: she tailored the offer as if he had not pledged, so it asked more than he would accept; had she known, ${describe(c.choice)}.`
        : `The ${p.name} tipped it (${partAmount(p)}): without it ${describe(c.choice)}.`,
    );
  }
  if (says.length) return says.join(' ');
  if (together?.choice) {
    return `No single lever tipped it, but together (${together.parts.map((p) => p.name).join(', ')}) they did: without them ${describe(together.choice)}.`;
  }
  return null;
}

/** The explanation as one paragraph: `Headline: line; line; line.` plus the tipping lever. */
export function explanationText(x: Explanation): string {
  const body = `${x.headline}: ${x.lines.join('; ')}.`;
  return x.tipping ? `${body} ${x.tipping}` : body;
}

export interface ThresholdExplanation {
  /** min(τ, N), or null when no number of other rejecters makes him refuse. */
  threshold: number | null;
  text: string;
}

/**
 * Lottery (MODEL.md §5): the least number m of OTHER rejecters at which he refuses,
 * d + min(1, k/(m+1))·ê < a under the tolerance, and why.
 */
export function explainThreshold(
  kind: KindInfo,
  offer: number | null,
  k: number,
  N: number,
): ThresholdExplanation {
  const t = lotteryThreshold(kind, offer, k);
  if (t.always === 'never') {
    return { threshold: 0, text: 'He refuses whatever the others do: he is a never-pleader.' };
  }
  if (t.always === 'noOffer') {
    return { threshold: 0, text: 'He refuses whatever the others do: he has no positive offer.' };
  }
  const a = t.a;
  const aText = `the cost of pleading, a = ${fmt(offer!)} + ${fmt(kind.K)} + ${fmt(kind.L)} = ${fmt(a)}`;
  const at = (m: number) => {
    const x = t.at(m);
    return `π = min(1, ${fmt(k)}/${fmt(m + 1)}) = ${fmt(x.pi)} and refusing costs ${fmt(kind.d)} + ${fmt(x.pi)} × ${fmt(kind.eHat)} = ${fmt(x.r)}`;
  };
  const tau = t.tau;

  if (tau === null) {
    return {
      threshold: null,
      text: `He never refuses: however many others refuse, refusing costs at least his detention ${fmt(kind.d)}, not less than ${aText}.`,
    };
  }
  if (tau === 0) {
    return {
      threshold: 0,
      text: `He refuses even as the only rejecter: ${at(0)}, less than ${aText}.`,
    };
  }
  const prev = `with ${plural(tau - 1, 'other rejecter')}, ${at(tau - 1)}, not less than ${aText}`;
  if (tau >= N) {
    return {
      threshold: N,
      text: `He would not refuse even if everyone else did (${plural(N - 1, 'other')}): ${at(N - 1)}, not less than ${aText}; he would need ${plural(tau, 'other rejecter')}.`,
    };
  }
  return {
    threshold: tau,
    text: `He starts refusing once at least ${plural(tau, 'other defendant')} refuse: then ${at(tau)}, less than ${aText}; ${prev}.`,
  };
}

/** Priority and forcedSpend: the budget left at his turn (the engine's rule). */
export { budgetLeftAt } from '../../engine';
