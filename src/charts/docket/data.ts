// The weekly docket (MODEL.md §4.5, §6 `docket`): the engine's week-by-week table → columns to
// draw (binned when there are too many weeks), the crash week and the week the calendar recovers,
// titles, descriptions, the data table, and the defendants of a clicked week. Pure: no DOM.
//
// Types are structural (the fields of the engine's DocketResult / DefendantRow this chart reads),
// so the chart depends only on the §6 result shape.
import type { TableData } from '../common/table';
import { fmt } from '../common/fields';

/** One entry of `docket.byWeek` (MODEL.md §6). */
export interface DocketWeekInput {
  week: number;
  arrivals: number;
  pleas: number;
  tried: number;
  free: number;
  trialsHeld: number;
  unitsUsed: number;
  backlog: number;
}

/** The `docket` object of a docket result. */
export interface DocketInput {
  weeks: number;
  capacity: number;
  deadline: number;
  crashWeek: number | null;
  byWeek: readonly DocketWeekInput[];
}

/** The row fields the week list and the tooltips read. */
export interface DocketRowInput {
  id: number;
  group: number;
  rank: number | null;
  outcome: 'plea' | 'tried' | 'free' | 'refuse';
  offer: number | null;
  threatened: boolean;
  pledged: boolean;
  never: boolean;
  covered: boolean;
  arrivalWeek?: number;
  trialWeek?: number | null;
}

/** A drawn column: one week, or a bin of consecutive weeks (sums; backlog at the bin's end). */
export interface DocketColumn {
  weekLo: number;
  weekHi: number;
  arrivals: number;
  pleas: number;
  tried: number;
  free: number;
  trialsHeld: number;
  unitsUsed: number;
  /** κ · (number of weeks in the column). */
  capacityUnits: number;
  /** Units booked for later weeks at the end of weekHi. */
  backlog: number;
  /** Every week of the column is after the last arrival week (W..W−1+D: only finishing cases). */
  tail: boolean;
}

export interface DocketView {
  weeks: number;
  capacity: number;
  deadline: number;
  /** W + D: the calendar's length. */
  calendarWeeks: number;
  /** Weeks per drawn column (1 unless the calendar is longer than MAX_COLUMNS weeks). */
  binSize: number;
  columns: DocketColumn[];
  crashWeek: number | null;
  recoveryWeek: number | null;
  totals: { arrivals: number; pleas: number; tried: number; free: number; trialsHeld: number; unitsUsed: number; maxBacklog: number };
}

/** At most this many columns are drawn; longer calendars are binned into equal runs of weeks. */
export const MAX_COLUMNS = 130;

/** Weeks per column so that ⌈weeks / bin⌉ ≤ MAX_COLUMNS. */
export function docketBinSize(calendarWeeks: number, maxColumns: number = MAX_COLUMNS): number {
  return Math.max(1, Math.ceil(calendarWeeks / Math.max(1, maxColumns)));
}

/**
 * The week the calendar recovers after its crash: the first arrival week after the crash week
 * from which no defendant arriving in that week or any later arrival week (through W − 1) is
 * dismissed (`free` = 0 in every one of them). Null when there is no crash, or when defendants
 * are dismissed up to the last arrival week (a sustained jam), or when the crash is in the last
 * arrival week. Weeks with no arrivals count as recovered (nobody is dismissed in them).
 */
export function recoveryWeek(d: Pick<DocketInput, 'weeks' | 'crashWeek' | 'byWeek'>): number | null {
  if (d.crashWeek === null) return null;
  const free = new Map<number, number>();
  for (const w of d.byWeek) free.set(w.week, w.free);
  let from: number | null = null;
  for (let x = d.weeks - 1; x > d.crashWeek; x--) {
    if ((free.get(x) ?? 0) > 0) break;
    from = x;
  }
  return from;
}

export function docketView(d: DocketInput, maxColumns: number = MAX_COLUMNS): DocketView {
  const byWeek = [...d.byWeek].sort((a, b) => a.week - b.week);
  const calendarWeeks = d.weeks + d.deadline;
  const binSize = docketBinSize(Math.max(calendarWeeks, byWeek.length), maxColumns);
  const columns: DocketColumn[] = [];
  const totals = { arrivals: 0, pleas: 0, tried: 0, free: 0, trialsHeld: 0, unitsUsed: 0, maxBacklog: 0 };
  for (const w of byWeek) {
    totals.arrivals += w.arrivals;
    totals.pleas += w.pleas;
    totals.tried += w.tried;
    totals.free += w.free;
    totals.trialsHeld += w.trialsHeld;
    totals.unitsUsed += w.unitsUsed;
    totals.maxBacklog = Math.max(totals.maxBacklog, w.backlog);
    const bin = Math.floor(w.week / binSize);
    let c = columns[columns.length - 1];
    if (!c || Math.floor(c.weekLo / binSize) !== bin) {
      c = {
        weekLo: w.week,
        weekHi: w.week,
        arrivals: 0,
        pleas: 0,
        tried: 0,
        free: 0,
        trialsHeld: 0,
        unitsUsed: 0,
        capacityUnits: 0,
        backlog: 0,
        tail: true,
      };
      columns.push(c);
    }
    c.weekHi = w.week;
    c.arrivals += w.arrivals;
    c.pleas += w.pleas;
    c.tried += w.tried;
    c.free += w.free;
    c.trialsHeld += w.trialsHeld;
    c.unitsUsed += w.unitsUsed;
    c.capacityUnits += d.capacity;
    c.backlog = w.backlog;
    if (w.week < d.weeks) c.tail = false;
  }
  return {
    weeks: d.weeks,
    capacity: d.capacity,
    deadline: d.deadline,
    calendarWeeks,
    binSize,
    columns,
    crashWeek: d.crashWeek,
    recoveryWeek: recoveryWeek(d),
    totals,
  };
}

/** The column (index) that holds a week, or null. */
export function columnOfWeek(v: DocketView, week: number): number | null {
  const i = v.columns.findIndex((c) => c.weekLo <= week && week <= c.weekHi);
  return i < 0 ? null : i;
}

const plural = (n: number, one: string, many: string = `${one}s`) => `${fmt(n)} ${n === 1 ? one : many}`;

export function crashLabel(week: number): string {
  return `week ${fmt(week)}: the first defendant finds no trial date before his deadline`;
}

export function recoveryLabel(week: number): string {
  return `week ${fmt(week)}: the calendar recovers (no one arriving from here goes free)`;
}

export function docketTitle(v: DocketView): string {
  return `The weekly docket: ${plural(v.weeks, 'week')} of arrivals by outcome, trials held and the backlog`;
}

export function columnLabel(v: DocketView, c: DocketColumn): string {
  return c.weekLo === c.weekHi ? `Week ${fmt(c.weekLo)}` : `Weeks ${fmt(c.weekLo)}–${fmt(c.weekHi)}`;
}

export function describeDocket(v: DocketView): string {
  const t = v.totals;
  const parts = [
    `${plural(v.weeks, 'week')} of arrivals and ${plural(v.deadline, 'more week')} to finish them; capacity ${plural(v.capacity, 'trial unit')} a week; speedy-trial deadline ${plural(v.deadline, 'week')}.`,
    `${plural(t.arrivals, 'defendant')} arrived: ${fmt(t.pleas)} pleaded, ${fmt(t.tried)} were tried, ${fmt(t.free)} went free.`,
    `${plural(t.trialsHeld, 'trial')} held using ${fmt(t.unitsUsed)} of ${fmt(v.capacity * v.calendarWeeks)} trial units; the backlog peaked at ${plural(t.maxBacklog, 'unit')}.`,
  ];
  if (v.crashWeek === null) parts.push('Every defendant finds a trial date before his deadline: the calendar never crashes.');
  else parts.push(`The calendar crashes in ${crashLabel(v.crashWeek)}.`);
  if (v.recoveryWeek !== null) parts.push(`It recovers in week ${fmt(v.recoveryWeek)}: no one arriving from then on goes free.`);
  else if (v.crashWeek !== null) parts.push('It does not recover before the last arrival week.');
  if (v.binSize > 1) parts.push(`Weeks are drawn in bins of ${fmt(v.binSize)}.`);
  return parts.join(' ');
}

/** Tooltip / live-region lines for a column. */
export function columnLines(v: DocketView, c: DocketColumn): string[] {
  const n = c.weekHi - c.weekLo + 1;
  const lines = [columnLabel(v, c)];
  if (c.tail) lines.push('after the last arrival week: finishing earlier cases');
  else lines.push(`${plural(c.arrivals, 'arrival')}: ${fmt(c.pleas)} pleaded, ${fmt(c.tried)} tried, ${fmt(c.free)} went free`);
  lines.push(`${plural(c.trialsHeld, 'trial')} held, ${fmt(c.unitsUsed)} of ${fmt(c.capacityUnits)} units used`);
  lines.push(`backlog at the end${n > 1 ? ` of week ${fmt(c.weekHi)}` : ''}: ${plural(c.backlog, 'unit')}`);
  if (v.crashWeek !== null && c.weekLo <= v.crashWeek && v.crashWeek <= c.weekHi) lines.push(`crash: ${crashLabel(v.crashWeek)}`);
  if (v.recoveryWeek !== null && c.weekLo <= v.recoveryWeek && v.recoveryWeek <= c.weekHi) lines.push(`recovery: week ${fmt(v.recoveryWeek)}`);
  return lines;
}

/** The data table: one row per calendar week (never binned). */
export function docketTable(d: DocketInput): TableData {
  const rec = recoveryWeek(d);
  return {
    caption: `The docket week by week (capacity ${fmt(d.capacity)} units a week, deadline ${fmt(d.deadline)} weeks)`,
    columns: [
      { key: 'week', label: 'Week' },
      { key: 'arrivals', label: 'Arrivals', numeric: true },
      { key: 'pleas', label: 'Pleaded', numeric: true },
      { key: 'tried', label: 'Tried', numeric: true },
      { key: 'free', label: 'Went free', numeric: true },
      { key: 'trialsHeld', label: 'Trials held', numeric: true },
      { key: 'unitsUsed', label: 'Units used', numeric: true },
      { key: 'capacity', label: 'Capacity (units)', numeric: true },
      { key: 'backlog', label: 'Backlog (units)', numeric: true },
      { key: 'note', label: 'Note' },
    ],
    rows: [...d.byWeek]
      .sort((a, b) => a.week - b.week)
      .map((w) => ({
        week: w.week,
        arrivals: w.arrivals,
        pleas: w.pleas,
        tried: w.tried,
        free: w.free,
        trialsHeld: w.trialsHeld,
        unitsUsed: w.unitsUsed,
        capacity: d.capacity,
        backlog: w.backlog,
        note:
          w.week === d.crashWeek
            ? 'crash week'
            : w.week === rec
              ? 'calendar recovers'
              : w.week >= d.weeks
                ? 'no arrivals (finishing cases)'
                : '',
      })),
  };
}

/** A defendant of a clicked week, with his wait (MODEL.md §4.5: tried t − α, dismissed D, plea 0). */
export interface WeekDefendant {
  id: number;
  group: number;
  rank: number | null;
  outcome: DocketRowInput['outcome'];
  arrivalWeek: number;
  trialWeek: number | null;
  wait: number;
  offer: number | null;
  pledged: boolean;
  never: boolean;
  threatened: boolean;
}

/** Defendants arriving in weeks lo..hi, in docket order (rank), at most `limit` of them. */
export function defendantsInWeeks(
  rows: readonly DocketRowInput[],
  lo: number,
  hi: number,
  deadline: number,
  limit = 500,
): { list: WeekDefendant[]; total: number } {
  const picked = rows.filter((r) => r.arrivalWeek !== undefined && r.arrivalWeek >= lo && r.arrivalWeek <= hi);
  picked.sort((a, b) => (a.rank ?? a.id) - (b.rank ?? b.id));
  const list = picked.slice(0, limit).map((r) => {
    const arrivalWeek = r.arrivalWeek ?? 0;
    const trialWeek = r.trialWeek ?? null;
    const wait = r.outcome === 'tried' && trialWeek !== null ? trialWeek - arrivalWeek : r.outcome === 'plea' ? 0 : deadline;
    return {
      id: r.id,
      group: r.group,
      rank: r.rank,
      outcome: r.outcome,
      arrivalWeek,
      trialWeek,
      wait,
      offer: r.offer,
      pledged: r.pledged,
      never: r.never,
      threatened: r.threatened,
    };
  });
  return { list, total: picked.length };
}

/** One line about a listed defendant. */
export function weekDefendantLine(d: WeekDefendant): string {
  const who = `Defendant ${fmt(d.id)} (group ${d.group + 1}${d.pledged ? ', pledged' : ''}${d.never ? ', never pleads' : ''})`;
  switch (d.outcome) {
    case 'plea':
      return `${who}: pleaded${d.offer !== null ? ` at ${fmt(d.offer)} years` : ''}${d.threatened ? '' : ' (no trial date was free: a time-served plea)'}`;
    case 'tried':
      return `${who}: tried in week ${fmt(d.trialWeek)}, after waiting ${plural(d.wait, 'week')}`;
    default:
      return `${who}: went free: no week before his deadline (week ${fmt(d.arrivalWeek + d.wait)}) had room; held ${plural(d.wait, 'week')}`;
  }
}

// --- The classroom's week-by-week player (one frame per drawn column) -------------------------

/** The last week a defendant arriving in week `arrival` may be tried (MODEL.md §4.5: [α, α + D]). */
export function deadlineWeek(arrival: number, deadline: number): number {
  return arrival + deadline;
}

/** What the chart draws for a frame of the player: columns up to `upTo` (a week), the frame's weeks boxed. */
export interface DocketReveal {
  /** Weeks after this one are not drawn yet. */
  upTo: number;
  /** The frame's weeks (its column). */
  cursorLo: number;
  cursorHi: number;
}

/** The reveal of frame i (column i). */
export function docketReveal(v: DocketView, i: number): DocketReveal | null {
  const c = v.columns[i];
  return c ? { upTo: c.weekHi, cursorLo: c.weekLo, cursorHi: c.weekHi } : null;
}

/** The slider's value text for frame i, e.g. "week 12 of weeks 0–59". */
export function docketFrameLabel(v: DocketView, i: number): string {
  const c = v.columns[i];
  if (!c) return '';
  const last = v.columns[v.columns.length - 1]?.weekHi ?? 0;
  const first = v.columns[0]?.weekLo ?? 0;
  const span = `of weeks ${fmt(first)}–${fmt(last)}`;
  return c.weekLo === c.weekHi ? `week ${fmt(c.weekLo)} ${span}` : `weeks ${fmt(c.weekLo)}–${fmt(c.weekHi)} ${span}`;
}

/**
 * The sentence of frame i (shown under the chart and announced): the week's (or bin's) arrivals by
 * outcome, the trials held against the capacity, the backlog at its end, the deadline of its
 * arrivals, and the crash or the recovery when it falls in it. Every figure is the engine's
 * `byWeek` (summed over the weeks of a bin), never recomputed.
 */
export function describeDocketFrame(v: DocketView, i: number): string {
  const c = v.columns[i];
  if (!c) return '';
  const one = c.weekLo === c.weekHi;
  const name = one ? `Week ${fmt(c.weekLo)}` : `Weeks ${fmt(c.weekLo)}–${fmt(c.weekHi)}`;
  const s: string[] = [];
  if (c.tail) s.push(`${name}: no arrivals (after the last arrival week); the court finishes earlier cases.`);
  else
    s.push(
      `${name}: ${plural(c.arrivals, 'defendant arrives', 'defendants arrive')}: ${fmt(c.pleas)} ${c.pleas === 1 ? 'pleads' : 'plead'}, ${fmt(c.tried)} ${c.tried === 1 ? 'is' : 'are'} tried, ${fmt(c.free)} ${c.free === 1 ? 'goes' : 'go'} free.`,
    );
  const full = c.unitsUsed >= c.capacityUnits && c.capacityUnits > 0;
  s.push(
    `${plural(c.trialsHeld, 'trial')} held, using ${fmt(c.unitsUsed)} of ${plural(c.capacityUnits, 'trial unit')}${full ? ': the court is at capacity' : ''}.`,
  );
  s.push(`Backlog at the end${one ? '' : ` of week ${fmt(c.weekHi)}`}: ${plural(c.backlog, 'trial unit')} booked for later weeks.`);
  if (!c.tail)
    s.push(
      one
        ? `This week's arrivals must be tried by week ${fmt(deadlineWeek(c.weekLo, v.deadline))} or go free.`
        : `These arrivals must be tried by week ${fmt(deadlineWeek(c.weekLo, v.deadline))}–${fmt(deadlineWeek(c.weekHi, v.deadline))} or go free.`,
    );
  if (v.crashWeek !== null && c.weekLo <= v.crashWeek && v.crashWeek <= c.weekHi)
    s.push(`The calendar crashes${one ? '' : ` in week ${fmt(v.crashWeek)}`}: the first defendant finds no trial date before his deadline.`);
  if (v.recoveryWeek !== null && c.weekLo <= v.recoveryWeek && v.recoveryWeek <= c.weekHi)
    s.push(`The calendar recovers${one ? '' : ` in week ${fmt(v.recoveryWeek)}`}: no one arriving from here goes free.`);
  return s.join(' ');
}
