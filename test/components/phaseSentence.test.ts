// phaseSentence: where the strike succeeds on a finished phase diagram, in words (the text
// under the chart, what a screen reader gets besides the data table).
import { describe, expect, it } from 'vitest';
import { phaseSentence } from '../../src/components/analysis/model';
import type { PhaseResult } from '../../src/engine';

const X = { phrase: 'pledged share', unit: 'share' };
const Y = { phrase: 'trial budget (B)', unit: 'trial units' };

/** Rows bottom (first y) to top, 1 where the strike succeeds. */
function phase(success: number[][], xs: number[], ys: number[]): PhaseResult {
  return {
    xField: 'groups[0].pledgedShare',
    yField: 'prosecutor.budget',
    xs,
    ys,
    outcome: 'takeRatio',
    values: success.flat().map((s) => (s === 1 ? 1 : 3)),
    success: success.flat(),
    level: 2,
  };
}

describe('phaseSentence', () => {
  it('names each stretch of y with its own threshold (an L: all of the first row, then only the last x)', () => {
    const s = [
      [1, 1, 1],
      [0, 0, 1],
      [0, 0, 1],
    ];
    expect(phaseSentence(phase(s, [0, 0.5, 1], [0, 500, 1000]), X, Y)).toBe(
      'The strike succeeds at 5 of 9 points (56%). It succeeds from pledged share 0 on at trial budget (B) 0 trial units; from pledged share 1 on at trial budget (B) 500 trial units to 1,000 trial units.',
    );
  });

  it('one threshold for every row: "from … on"', () => {
    const s = [
      [0, 1, 1],
      [0, 1, 1],
    ];
    expect(phaseSentence(phase(s, [0, 0.5, 1], [0, 100]), X, Y)).toBe(
      'The strike succeeds at 4 of 6 points (67%). It succeeds from pledged share 0.5 on.',
    );
  });

  it('a boundary with more than three stretches: its two ends', () => {
    const s = [
      [0, 0, 0, 1],
      [0, 0, 1, 1],
      [0, 1, 1, 1],
      [1, 1, 1, 1],
    ];
    expect(phaseSentence(phase(s, [0, 0.25, 0.5, 0.75], [0, 1, 2, 3]), X, Y)).toBe(
      'The strike succeeds at 10 of 16 points (63%). The boundary runs from pledged share 0.75 at trial budget (B) 0 trial units to pledged share 0 at trial budget (B) 3 trial units; the strike succeeds to its right.',
    );
  });

  it('a row where it never succeeds splits the stretches and is counted', () => {
    const s = [
      [0, 1],
      [0, 0],
      [0, 1],
    ];
    expect(phaseSentence(phase(s, [0, 1], [0, 1, 2]), X, Y)).toBe(
      'The strike succeeds at 2 of 6 points (33%). It succeeds from pledged share 1 on at trial budget (B) 0 trial units; from pledged share 1 on at trial budget (B) 2 trial units. At 1 of 3 values of trial budget (B) it succeeds nowhere in the range of pledged share.',
    );
  });
});
