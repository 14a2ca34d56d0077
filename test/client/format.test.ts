import { describe, expect, it } from 'vitest';
import { TOTAL_FIELDS, formatNumber, formatTotal, totalNote } from '../../src/app/format';
import type { Totals } from '../../src/engine/result/types';

const totals: Totals = {
  defendants: 7000,
  pleas: 6222,
  trials: 450,
  free: 328,
  take: 18466.2,
  noPleaTake: 5400,
  takeRatio: 18466.2 / 5400,
  budgetUsed: 450,
  fundPaid: 0,
  stopRank: 6673,
  threatenedCount: 6672,
  strikeSucceeds: false,
};

describe('formatting the totals', () => {
  it('labels every total of the result, once', () => {
    expect(TOTAL_FIELDS.map((f) => f.key).sort()).toEqual(Object.keys(totals).sort());
  });

  it('groups thousands and keeps at most three decimals', () => {
    expect(formatNumber(7000)).toBe('7,000');
    expect(formatNumber(18466.2)).toBe('18,466.2');
    expect(formatNumber(1 / 3)).toBe('0.333');
    expect(formatNumber(-0)).toBe('0');
    expect(formatNumber(-1e-12)).toBe('0');
  });

  it('shows ratios with two decimals, ranks with #, and yes/no', () => {
    expect(formatTotal('takeRatio', totals)).toBe('3.42');
    expect(formatTotal('stopRank', totals)).toBe('#6,673');
    expect(formatTotal('strikeSucceeds', totals)).toBe('No');
    expect(formatTotal('strikeSucceeds', { ...totals, strikeSucceeds: true })).toBe('Yes');
    expect(formatTotal('take', totals)).toBe('18,466.2');
  });

  it('explains the nulls', () => {
    expect(formatTotal('takeRatio', { ...totals, takeRatio: null })).toBe('n/a');
    expect(totalNote('takeRatio', { ...totals, takeRatio: null }, 'priority')).toBe(
      'no take without pleas',
    );
    expect(formatTotal('stopRank', { ...totals, stopRank: null })).toBe('none');
    expect(totalNote('stopRank', { ...totals, stopRank: null }, 'priority')).toBe(
      'every rank threatened',
    );
    expect(totalNote('stopRank', { ...totals, stopRank: null }, 'lottery')).toBe(
      'no ranking in this regime',
    );
    expect(totalNote('take', totals, 'priority')).toBeNull();
  });
});
