// Compare A/B judged by what happens to people, not by the take alone: how many pledgers and how
// many other defendants plead, are tried or go free in each scenario, and what changed. Lottery
// rejecters count by their trial probability (expected tried and free). Pure.
import type { DefendantRow } from '../../engine';
import { formatNumber } from '../../app/format';
import { tieEq } from '../../engine';

export interface OutcomeCounts {
  total: number;
  plea: number;
  tried: number;
  free: number;
}

export interface PeopleCounts {
  pledgers: OutcomeCounts;
  others: OutcomeCounts;
}

const empty = (): OutcomeCounts => ({ total: 0, plea: 0, tried: 0, free: 0 });

/** Outcome counts of pledgers and of everyone else; null without rows (above 100,000 defendants). */
export function peopleOf(rows: readonly Pick<DefendantRow, 'pledged' | 'outcome' | 'trialProbability'>[] | undefined): PeopleCounts | null {
  if (!rows) return null;
  const out: PeopleCounts = { pledgers: empty(), others: empty() };
  for (const r of rows) {
    const c = r.pledged ? out.pledgers : out.others;
    c.total += 1;
    if (r.outcome === 'plea') c.plea += 1;
    else if (r.outcome === 'tried') c.tried += 1;
    else if (r.outcome === 'free') c.free += 1;
    else {
      // A lottery rejecter: tried with his trial probability, else free.
      const p = r.trialProbability ?? 0;
      c.tried += p;
      c.free += 1 - p;
    }
  }
  return out;
}

export type PeopleTone = 'better' | 'worse' | 'mixed' | 'same';

export interface PeopleVerdict {
  tone: PeopleTone;
  /** One sentence per kind of defendant that changed. */
  lines: string[];
  /** The headline: better, worse or mixed for the defendants, and why. */
  summary: string;
}

const n = (x: number) => formatNumber(Math.round(x * 100) / 100);
const people = (x: number, one: string, many: string) => `${n(x)} ${tieEq(x, 1) ? one : many}`;

function kindLine(a: OutcomeCounts, b: OutcomeCounts, one: string, many: string): { line: string | null; tone: -1 | 0 | 1 } {
  if (!tieEq(a.total, b.total)) {
    const sa = a.total ? a.free / a.total : 0;
    const sb = b.total ? b.free / b.total : 0;
    const tone = tieEq(sa, sb) ? 0 : sb > sa ? 1 : -1;
    return {
      line: `B has ${people(b.total, one, many)} where A has ${n(a.total)}: ${n(b.free)} go free in B (${n(sb * 100)}%), ${n(a.free)} in A (${n(sa * 100)}%).`,
      tone,
    };
  }
  const dFree = b.free - a.free;
  const dTried = b.tried - a.tried;
  const dPlea = b.plea - a.plea;
  if (tieEq(a.free, b.free) && tieEq(a.tried, b.tried) && tieEq(a.plea, b.plea)) return { line: null, tone: 0 };
  const parts: string[] = [];
  if (!tieEq(a.free, b.free)) parts.push(`${n(Math.abs(dFree))} ${dFree > 0 ? 'more' : 'fewer'} ${tieEq(Math.abs(dFree), 1) ? one : many} go free`);
  if (!tieEq(a.tried, b.tried)) parts.push(`${n(Math.abs(dTried))} ${dTried > 0 ? 'more' : 'fewer'} tried`);
  if (!tieEq(a.plea, b.plea)) parts.push(`${n(Math.abs(dPlea))} ${dPlea > 0 ? 'more' : 'fewer'} plead`);
  const tone = tieEq(a.free, b.free) ? 0 : dFree > 0 ? 1 : -1;
  return { line: `In B, ${parts.join(', ')} than in A (of ${people(a.total, one, many)}).`, tone };
}

/** What happened to people between A and B, with the take only as a caveat. */
export function judgePeople(a: PeopleCounts, b: PeopleCounts, takeA: number, takeB: number): PeopleVerdict {
  const p = kindLine(a.pledgers, b.pledgers, 'pledger', 'pledgers');
  const o = kindLine(a.others, b.others, 'other defendant', 'other defendants');
  const lines = [p.line, o.line].filter((l): l is string => l !== null);
  // When B has other pledgers than A, the two kinds are not the same people: judge by everyone.
  if (!tieEq(a.pledgers.total, b.pledgers.total)) {
    const fa = a.pledgers.free + a.others.free;
    const fb = b.pledgers.free + b.others.free;
    const all = a.pledgers.total + a.others.total;
    const t: PeopleTone = tieEq(fa, fb) ? 'same' : fb > fa ? 'better' : 'worse';
    let summary =
      t === 'same'
        ? `For the defendants B is no better and no worse than A: as many of the ${n(all)} go free (${n(fb)}).`
        : `For the defendants B is ${t} than A: ${n(Math.abs(fb - fa))} ${fb > fa ? 'more' : 'fewer'} of the ${n(all)} go free (${n(fa)} → ${n(fb)}), with ${n(b.pledgers.total)} pledgers in B against ${n(a.pledgers.total)} in A.`;
    const takeDown = takeB < takeA && !tieEq(takeA, takeB);
    const takeUp = takeB > takeA && !tieEq(takeA, takeB);
    if ((takeDown && t === 'worse') || (takeUp && t === 'better')) {
      summary += ` Her take ${takeDown ? 'falls' : 'rises'} (${n(takeA)} → ${n(takeB)} years), so the take alone would judge this change wrongly.`;
    }
    return { tone: t, lines, summary };
  }
  const tones = [p.tone, o.tone].filter((t) => t !== 0);
  const tone: PeopleTone = tones.length === 0 ? 'same' : tones.every((t) => t > 0) ? 'better' : tones.every((t) => t < 0) ? 'worse' : 'mixed';
  const who = (t: number) => (t === p.tone && t === o.tone ? 'everyone' : t === p.tone ? 'the pledgers' : 'the other defendants');
  let summary: string;
  switch (tone) {
    case 'same':
      summary = lines.length ? 'For the defendants B is no better and no worse than A: as many go free.' : 'The same defendants plead, are tried and go free in A and B.';
      break;
    case 'better':
      summary = `For the defendants B is better than A: more of ${who(1)} go free.`;
      break;
    case 'worse':
      summary = `For the defendants B is worse than A: fewer of ${who(-1)} go free.`;
      break;
    default:
      summary = `Mixed: B is better for ${p.tone > 0 ? 'the pledgers' : 'the other defendants'} and worse for ${p.tone < 0 ? 'the pledgers' : 'the other defendants'}.`;
  }
  const takeDown = takeB < takeA && !tieEq(takeA, takeB);
  const takeUp = takeB > takeA && !tieEq(takeA, takeB);
  if ((takeDown && tone !== 'better' && tone !== 'same') || (takeUp && tone !== 'worse' && tone !== 'same')) {
    summary += ` Her take ${takeDown ? 'falls' : 'rises'} (${n(takeA)} → ${n(takeB)} years), so the take alone would judge this change wrongly.`;
  }
  return { tone, lines, summary };
}

/** The fields in which scenario B differs from A ("levers.pledge.secret: false → true"), at most `limit`. */
export function scenarioChanges(a: unknown, b: unknown, limit = 6): { changes: string[]; more: number } {
  const out: string[] = [];
  const show = (v: unknown) => (v === undefined ? 'absent' : typeof v === 'string' ? JSON.stringify(v) : Array.isArray(v) ? `a list of ${v.length}` : JSON.stringify(v));
  const walk = (x: unknown, y: unknown, path: string) => {
    if (path === 'title') return;
    const obj = (v: unknown) => typeof v === 'object' && v !== null && !Array.isArray(v);
    if (obj(x) && obj(y)) {
      const xo = x as Record<string, unknown>;
      const yo = y as Record<string, unknown>;
      for (const k of new Set([...Object.keys(xo), ...Object.keys(yo)])) walk(xo[k], yo[k], path ? `${path}.${k}` : k);
      return;
    }
    if (Array.isArray(x) && Array.isArray(y) && x.length === y.length && path === 'groups') {
      x.forEach((g, i) => walk(g, y[i], `groups[${i}]`));
      return;
    }
    if (JSON.stringify(x) !== JSON.stringify(y)) out.push(`${path}: ${show(x)} → ${show(y)}`);
  };
  walk(a, b, '');
  return { changes: out.slice(0, limit), more: Math.max(0, out.length - limit) };
}
