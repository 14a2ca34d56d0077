// One table of result quantities (issue 7): the totals panel, the charts' axes, the exports'
// columns, Compare A/B and the sweeps name each quantity from engine/result/quantities.ts, so the
// same total is not called two things ("Fund paid" / "Strike fund paid").
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  QUANTITIES,
  TOTAL_KEYS,
  columnLabel,
  formatDetail,
  formatNumber,
  formatShort,
} from '../../src/engine/result/quantities';
import { fmt as chartFmt } from '../../src/charts/common/fields';
import { fmt as whyFmt } from '../../src/components/why/explain';
import { TOTAL_FIELDS } from '../../src/app/format';
import { DISTRIBUTION_LABELS, OUTCOME_LABELS } from '../../src/charts/common/fields';
import { PHASE_OUTCOMES, SWEEP_OUTCOMES } from '../../src/components/analysis/model';
import { regimesTable } from '../../src/charts/regimes/data';
import { DISTRIBUTION_KEYS } from '../../src/engine/result/types';

describe('one table of result quantities', () => {
  it('every total has one label, unit and help, in the panel’s order', () => {
    expect(TOTAL_FIELDS.map((f) => f.key)).toEqual(TOTAL_KEYS);
    for (const f of TOTAL_FIELDS) {
      expect(f.label).toBe(QUANTITIES[f.key].label);
      expect(f.unit).toBe(QUANTITIES[f.key].unit);
      expect(f.help.length).toBeGreaterThan(10);
    }
  });

  it('charts, distributions and sweeps say the same names', () => {
    for (const k of DISTRIBUTION_KEYS) expect(DISTRIBUTION_LABELS[k].label).toBe(QUANTITIES[k].title);
    expect(DISTRIBUTION_LABELS.fundPaid).toEqual({ label: 'Strike fund paid', unit: 'years' });
    expect(TOTAL_FIELDS.find((f) => f.key === 'fundPaid')!.label).toBe('Strike fund paid');
    expect(OUTCOME_LABELS.take).toEqual({ label: "Prosecutor's take Π", unit: 'years' });
    expect(OUTCOME_LABELS.strikeSucceeds).toEqual({ label: 'Strike succeeds', unit: 'share of runs' });
    for (const o of [...SWEEP_OUTCOMES, ...PHASE_OUTCOMES]) expect(o.label).toBe(OUTCOME_LABELS[o.key].label);
    expect(columnLabel('take')).toBe('Take (years)');
    expect(columnLabel('takeRatio')).toBe('Take / no-plea take');
    expect(columnLabel('pleas')).toBe('Pleas');
    expect(regimesTable({ rows: [] } as never).columns.map((c) => c.label)).toEqual([
      'Regime',
      'Take (years)',
      'Take / no-plea take',
      'Pleas',
      'Trials',
      'Free',
    ]);
  });
});

describe("the model's short number formatters live in the quantities table", () => {
  it('formatShort: 4 significant digits, thousands grouped, none and infinity named', () => {
    expect(formatShort(18466)).toBe('18,466');
    expect(formatShort(1231.4)).toBe('1,231');
    expect(formatShort(12345.6)).toBe('12,346');
    expect(formatShort(2 / 3)).toBe('0.6667');
    expect(formatShort(0.1 + 0.2)).toBe('0.3');
    expect(formatShort(null)).toBe('–');
    expect(formatShort(NaN)).toBe('–');
    expect(formatShort(-Infinity)).toBe('−∞');
  });

  // Integers are grouped by hand (no Intl call each): the text is Intl's, checked against it.
  it('formatNumber and formatShort write what Intl (en-US) writes, on any number', () => {
    const integer = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
    const decimal = new Intl.NumberFormat('en-US', { maximumFractionDigits: 3 });
    const naiveNumber = (x: number) => {
      if (!Number.isFinite(x)) return String(x);
      const s = Number.isInteger(x) ? integer.format(x) : decimal.format(x);
      return s === '-0' ? '0' : s;
    };
    const naiveShort = (x: number) => {
      if (Number.isNaN(x)) return '–';
      if (!Number.isFinite(x)) return x > 0 ? '∞' : '−∞';
      if (Number.isInteger(x) && Math.abs(x) < 1e15) return integer.format(x);
      const a = Math.abs(x);
      if (a >= 1e4) return integer.format(Math.round(x));
      const r = Number(x.toPrecision(4));
      return a >= 1000 ? integer.format(r) : r.toString();
    };
    const numbers = fc.oneof(
      fc.integer({ min: -2_000_000_000, max: 2_000_000_000 }),
      fc.integer({ min: -9999, max: 9999 }),
      fc.maxSafeInteger(),
      fc.double(),
      fc.double({ min: -1e6, max: 1e6 }),
      fc.constantFrom(0, -0, 999, 1000, -1000, 999_999, 1e15 - 1, 1e15, -1e15, 1e21, 9999.5, -9999.5, 1e4 - 0.4, 0.5, -0.5),
    );
    fc.assert(
      fc.property(numbers, (x) => {
        expect(formatNumber(x)).toBe(naiveNumber(x));
        expect(formatShort(x)).toBe(naiveShort(x));
      }),
      { numRuns: 5000 },
    );
  });

  it('formatDetail: 4 decimals, no float noise, no -0', () => {
    expect(formatDetail(5 / 3)).toBe('1.6667');
    expect(formatDetail(0.1 + 0.2)).toBe('0.3');
    expect(formatDetail(-0.00001)).toBe('0');
    expect(formatDetail(12345.6)).toBe('12345.6');
  });

  it('the charts and the why panel format through them', () => {
    expect(chartFmt).toBe(formatShort);
    expect(whyFmt).toBe(formatDetail);
  });
});
