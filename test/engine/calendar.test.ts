// The docket's calendar structures (union-find per cost, segment tree) against explicit week
// arrays, on random bookings with mixed costs.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { newCalendar } from '../../src/engine/regimes/calendar';

describe('calendar: earliest week of [from, to] with room ≥ c', () => {
  for (const structure of ['unionFind', 'tree'] as const) {
    it(`${structure} equals a naive week array`, () => {
      fc.assert(
        fc.property(
          fc.integer({ min: 1, max: 40 }),
          fc.integer({ min: 0, max: 6 }),
          fc.array(fc.record({ from: fc.nat(45), len: fc.nat(12), c: fc.constantFrom(1, 2, 3, 5, 7) }), { maxLength: 120 }),
          (weeks, capacity, queries) => {
            const cal = newCalendar(weeks, capacity, [1, 2, 3, 5, 7], structure);
            const room = new Array<number>(weeks).fill(capacity);
            for (const q of queries) {
              const to = q.from + q.len;
              let want = -1;
              for (let x = q.from; x <= to && x < weeks; x++) {
                if (room[x] >= q.c) {
                  want = x;
                  break;
                }
              }
              expect(cal.find(q.from, to, q.c)).toBe(want);
              if (want >= 0) {
                cal.book(want, q.c);
                room[want] -= q.c;
                expect(cal.room(want)).toBe(room[want]);
              }
            }
          },
        ),
        { numRuns: 400 },
      );
    });
  }
  it('a cost it was not built for is never found (union-find)', () => {
    expect(newCalendar(3, 5, [1], 'unionFind').find(0, 2, 2)).toBe(-1);
  });
});
