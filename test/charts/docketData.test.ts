// The docket chart's data, without a DOM: columns, binning, crash and recovery weeks, the table,
// the description and the defendants of a clicked week (MODEL.md §4.5, §7 E11b and E11d).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  MAX_COLUMNS,
  columnLines,
  columnOfWeek,
  crashLabel,
  deadlineWeek,
  defendantsInWeeks,
  describeDocket,
  describeDocketFrame,
  docketFrameLabel,
  docketReveal,
  docketBinSize,
  docketTable,
  docketView,
  recoveryWeek,
  weekDefendantLine,
} from '../../src/charts/docket/data';
import { E11B_DOCKET, E11D_DOCKET, E11D_ROWS, longDocket } from './docketFixtures';

describe('docket chart data', () => {
  it('E11d: one column per week, the crash in week 1 and the recovery in week 2', () => {
    const v = docketView(E11D_DOCKET);
    expect(v.binSize).toBe(1);
    expect(v.calendarWeeks).toBe(5);
    expect(v.columns.map((c) => [c.weekLo, c.arrivals, c.pleas, c.tried, c.free])).toEqual([
      [0, 2, 2, 0, 0],
      [1, 5, 1, 2, 2],
      [2, 2, 2, 0, 0],
      [3, 2, 2, 0, 0],
      [4, 0, 0, 0, 0],
    ]);
    expect(v.columns.map((c) => c.tail)).toEqual([false, false, false, false, true]);
    expect(v.columns.map((c) => c.capacityUnits)).toEqual([1, 1, 1, 1, 1]);
    expect(v.crashWeek).toBe(1);
    expect(v.recoveryWeek).toBe(2);
    expect(v.totals).toEqual({ arrivals: 11, pleas: 7, tried: 2, free: 2, trialsHeld: 2, unitsUsed: 2, maxBacklog: 1 });
    expect(crashLabel(11)).toBe('week 11: the first defendant finds no trial date before his deadline');
  });

  it('E11b: a sustained jam (people go free through the last arrival week) never recovers', () => {
    const v = docketView(E11B_DOCKET);
    expect(v.crashWeek).toBe(0);
    expect(v.recoveryWeek).toBeNull();
    expect(describeDocket(v)).toBe(
      '3 weeks of arrivals and 1 more week to finish them; capacity 1 trial unit a week; speedy-trial deadline 1 week. ' +
        '12 defendants arrived: 1 pleaded, 4 were tried, 7 went free. ' +
        '4 trials held using 4 of 4 trial units; the backlog peaked at 1 unit. ' +
        'The calendar crashes in week 0: the first defendant finds no trial date before his deadline. ' +
        'It does not recover before the last arrival week.',
    );
  });

  it('recovery: null without a crash, or when the crash is in the last arrival week; empty weeks count as recovered', () => {
    expect(recoveryWeek({ ...E11D_DOCKET, crashWeek: null })).toBeNull();
    expect(recoveryWeek({ ...E11D_DOCKET, crashWeek: 3 })).toBeNull();
    const byWeek = E11D_DOCKET.byWeek.map((w) => (w.week === 2 ? { ...w, free: 1 } : w));
    expect(recoveryWeek({ ...E11D_DOCKET, byWeek })).toBe(3);
    // Free defendants in the tail weeks (no arrivals there) cannot exist; they would not count anyway.
    const empty = E11D_DOCKET.byWeek.map((w) => (w.week >= 2 ? { ...w, arrivals: 0, pleas: 0 } : w));
    expect(recoveryWeek({ ...E11D_DOCKET, byWeek: empty })).toBe(2);
  });

  it('recovery matches a naive definition: the first week after the crash with no one free from there to W − 1', () => {
    fc.assert(
      fc.property(fc.array(fc.nat(3), { minLength: 1, maxLength: 30 }), fc.nat(40), (free, c) => {
        const weeks = free.length;
        const crash = c % weeks;
        const byWeek = free.map((f, week) => ({ week, arrivals: f, pleas: 0, tried: 0, free: f, trialsHeld: 0, unitsUsed: 0, backlog: 0 }));
        let naive: number | null = null;
        for (let x = crash + 1; x < weeks; x++) {
          if (free.slice(x).every((f) => f === 0)) {
            naive = x;
            break;
          }
        }
        expect(recoveryWeek({ weeks, crashWeek: crash, byWeek })).toBe(naive);
      }),
    );
  });

  it('520 weeks: bins of 5 weeks (at most 130 columns) keep every sum; the backlog is the bin end’s', () => {
    const d = longDocket(520, 8, 1923, 9);
    expect(docketBinSize(528)).toBe(5);
    const v = docketView(d);
    expect(v.binSize).toBe(5);
    expect(v.columns).toHaveLength(106);
    expect(v.columns.length).toBeLessThanOrEqual(MAX_COLUMNS);
    expect(v.columns[105]).toMatchObject({ weekLo: 525, weekHi: 527, arrivals: 0, capacityUnits: 27, tail: true });
    expect(v.columns[103]).toMatchObject({ weekLo: 515, weekHi: 519, arrivals: 5 * 1923, tail: false });
    expect(v.columns[104]).toMatchObject({ weekLo: 520, weekHi: 524, tail: true });
    expect(v.totals.arrivals).toBe(520 * 1923);
    expect(v.columns.reduce((s, c) => s + c.arrivals, 0)).toBe(999_960);
    expect(v.columns.reduce((s, c) => s + c.unitsUsed, 0)).toBe(520);
    expect(columnOfWeek(v, 11)).toBe(2);
    expect(columnLines(v, v.columns[2])[0]).toBe('Weeks 10–14');
    expect(describeDocket(v)).toContain('Weeks are drawn in bins of 5.');
    // The table is never binned: one row per calendar week.
    expect(docketTable(d).rows).toHaveLength(528);
  });

  it('the table marks the crash and recovery weeks and the weeks without arrivals', () => {
    const t = docketTable(E11D_DOCKET);
    expect(t.columns.map((c) => c.key)).toEqual(['week', 'arrivals', 'pleas', 'tried', 'free', 'trialsHeld', 'unitsUsed', 'capacity', 'backlog', 'note']);
    expect(t.rows.map((r) => r.note)).toEqual(['', 'crash week', 'calendar recovers', '', 'no arrivals (finishing cases)']);
    expect(t.rows[1]).toMatchObject({ week: 1, arrivals: 5, pleas: 1, tried: 2, free: 2, trialsHeld: 1, unitsUsed: 1, capacity: 1, backlog: 1 });
  });

  it('tooltip lines of a week', () => {
    const v = docketView(E11D_DOCKET);
    expect(columnLines(v, v.columns[1])).toEqual([
      'Week 1',
      '5 arrivals: 1 pleaded, 2 tried, 2 went free',
      '1 trial held, 1 of 1 units used',
      'backlog at the end: 1 unit',
      'crash: week 1: the first defendant finds no trial date before his deadline',
    ]);
    expect(columnLines(v, v.columns[4])[1]).toBe('after the last arrival week: finishing earlier cases');
  });

  it('a clicked week lists its defendants in docket order with their waits (tried t − α, free D, plea 0)', () => {
    const { list, total } = defendantsInWeeks(E11D_ROWS, 1, 1, 1);
    expect(total).toBe(5);
    expect(list.map((d) => d.id)).toEqual([9, 3, 10, 4, 11]);
    expect(list.map((d) => d.wait)).toEqual([0, 0, 1, 1, 1]);
    expect(list.map(weekDefendantLine)).toEqual([
      'Defendant 9 (group 2, pledged): tried in week 1, after waiting 0 weeks',
      'Defendant 3 (group 1): pleaded at 5 years',
      'Defendant 10 (group 2, pledged): tried in week 2, after waiting 1 week',
      'Defendant 4 (group 1): went free: no week before his deadline (week 2) had room; held 1 week',
      'Defendant 11 (group 2, pledged): went free: no week before his deadline (week 2) had room; held 1 week',
    ]);
    expect(defendantsInWeeks(E11D_ROWS, 0, 4, 1, 3)).toMatchObject({ total: 11 });
    expect(defendantsInWeeks(E11D_ROWS, 0, 4, 1, 3).list.map((d) => d.id)).toEqual([1, 2, 9]);
    expect(defendantsInWeeks(E11D_ROWS, 4, 4, 1).total).toBe(0);
  });

  it('ten defendants: small counts, one column per week', () => {
    const v = docketView(longDocket(10, 2, 1, 1));
    expect(v.columns).toHaveLength(12);
    expect(v.totals.arrivals).toBe(10);
  });
});

describe('the docket week by week (the classroom player)', () => {
  it('E11d: one frame per week, each sentence the engine’s byWeek; the crash and the recovery in their weeks', () => {
    const v = docketView(E11D_DOCKET);
    expect(v.columns.map((_, i) => describeDocketFrame(v, i))).toEqual([
      "Week 0: 2 defendants arrive: 2 plead, 0 are tried, 0 go free. 0 trials held, using 0 of 1 trial unit. Backlog at the end: 0 trial units booked for later weeks. This week's arrivals must be tried by week 1 or go free.",
      "Week 1: 5 defendants arrive: 1 pleads, 2 are tried, 2 go free. 1 trial held, using 1 of 1 trial unit: the court is at capacity. Backlog at the end: 1 trial unit booked for later weeks. This week's arrivals must be tried by week 2 or go free. The calendar crashes: the first defendant finds no trial date before his deadline.",
      "Week 2: 2 defendants arrive: 2 plead, 0 are tried, 0 go free. 1 trial held, using 1 of 1 trial unit: the court is at capacity. Backlog at the end: 0 trial units booked for later weeks. This week's arrivals must be tried by week 3 or go free. The calendar recovers: no one arriving from here goes free.",
      "Week 3: 2 defendants arrive: 2 plead, 0 are tried, 0 go free. 0 trials held, using 0 of 1 trial unit. Backlog at the end: 0 trial units booked for later weeks. This week's arrivals must be tried by week 4 or go free.",
      'Week 4: no arrivals (after the last arrival week); the court finishes earlier cases. 0 trials held, using 0 of 1 trial unit. Backlog at the end: 0 trial units booked for later weeks.',
    ]);
    expect(docketFrameLabel(v, 1)).toBe('week 1 of weeks 0–4');
    expect(docketReveal(v, 1)).toEqual({ upTo: 1, cursorLo: 1, cursorHi: 1 });
    expect(docketReveal(v, 5)).toBeNull();
    expect(describeDocketFrame(v, 5)).toBe('');
    expect(deadlineWeek(11, 8)).toBe(19);
  });

  it('520 weeks in bins of 5: a frame per bin, its sums, the backlog at the bin’s end, the deadlines of its arrivals', () => {
    const v = docketView(longDocket(520, 8, 1923, 9));
    expect(describeDocketFrame(v, 2)).toBe(
      'Weeks 10–14: 9,615 defendants arrive: 9,610 plead, 5 are tried, 0 go free. 5 trials held, using 5 of 45 trial units. Backlog at the end of week 14: 0 trial units booked for later weeks. These arrivals must be tried by week 18–22 or go free.',
    );
    expect(docketFrameLabel(v, 2)).toBe('weeks 10–14 of weeks 0–527');
    expect(docketReveal(v, 105)).toEqual({ upTo: 527, cursorLo: 525, cursorHi: 527 });
  });

  it('each frame reads its week of byWeek (property against the rows themselves)', () => {
    const week = fc.record({ arrivals: fc.nat(50), pleas: fc.nat(50), tried: fc.nat(50), free: fc.nat(50), trialsHeld: fc.nat(9), unitsUsed: fc.nat(9), backlog: fc.nat(500) });
    fc.assert(
      fc.property(fc.array(week, { minLength: 2, maxLength: 40 }), fc.integer({ min: 1, max: 9 }), fc.integer({ min: 1, max: 9 }), fc.nat(60), (ws, capacity, deadline, c) => {
        const weeks = Math.max(1, ws.length - deadline);
        const byWeek = ws.map((w, i) => ({ ...w, week: i }));
        const crashWeek = c < weeks ? c : null;
        const v = docketView({ weeks, capacity, deadline, crashWeek, byWeek });
        expect(v.columns).toHaveLength(byWeek.length);
        byWeek.forEach((w, i) => {
          const t = describeDocketFrame(v, i);
          expect(t.startsWith(`Week ${w.week}: `)).toBe(true);
          expect(t).toContain(`using ${w.unitsUsed} of ${capacity} trial unit`);
          expect(t).toContain(`Backlog at the end: ${w.backlog} trial unit${w.backlog === 1 ? '' : 's'} booked`);
          if (w.week < weeks) {
            expect(t).toContain(`: ${w.pleas} plead`);
            expect(t).toContain(`must be tried by week ${w.week + deadline} `);
          } else expect(t).toContain('no arrivals');
          expect(t.includes('The calendar crashes')).toBe(w.week === crashWeek);
        });
      }),
    );
  });
});

describe('axis labels of the docket fields', () => {
  it('reads the docket schema’s titles and units', async () => {
    const { fieldLabel } = await import('../../src/charts/common/fields');
    expect(fieldLabel('docket.capacity')).toEqual({ label: 'Weekly capacity (κ)', unit: 'trial units per week' });
    expect(fieldLabel('docket.deadline')).toEqual({ label: 'Speedy-trial deadline (D)', unit: 'weeks' });
  });
});
