import { describe, expect, it } from 'vitest';
import { binLadder, describeLadder, ladderFromRows, ladderTable, ladderView, rebin, resourceSteps } from '../../src/charts/ladder/data';
import { kindThreshold, schellingData, selectionForRun, thresholdData } from '../../src/charts/threshold/data';
import { G, committedCurve, equilibriumSizes, erosionPoint, thresholdCurve } from '../../src/engine';
import { successFrom, sweepSeries, sweepTable, sweepView } from '../../src/charts/sweep/data';
import { edges, gridToData, interiorLines, phaseView } from '../../src/charts/phase/data';
import { distributionView } from '../../src/charts/distribution/data';
import { regimeView } from '../../src/charts/regimes/data';
import { fieldLabel, fmt } from '../../src/charts/common/fields';
import { E2_ROWS, E2_SCENARIO, E4_LOTTERY, E4_THRESHOLDS, E9_ROWS, E9_SCENARIO, REGIME_ROWS, SWEEP_A, SWEEP_B, TAKE_SUMMARY, kind, phaseFixture, row } from './fixtures';
import type { DefendantRow } from '../../src/engine/result/types';

describe('ladder data', () => {
  it('budget drops by the trial cost of each tried defendant; the fund pays T to covered non-pleaders and I to covered tried', () => {
    const rows = ladderFromRows(E9_ROWS, E9_SCENARIO);
    expect(rows.map((r) => r.rank)).toEqual([1, 2, 3, 4, 5]);
    expect(rows.map((r) => r.budgetBefore)).toEqual([2, 1, 0, 0, 0]);
    expect(rows.map((r) => r.budgetAfter)).toEqual([1, 0, 0, 0, 0]);
    // 1: covered and tried: 10 − 1 − 2 = 7; 2: uncovered; 3: covered, free: 7 − 1 = 6.
    expect(rows.map((r) => r.fundAfter)).toEqual([7, 7, 6, 6, 6]);
    expect(rows.map((r) => r.fundBefore)).toEqual([10, 7, 7, 6, 6]);
  });

  it('sorts by rank, not arrival, and uses each group’s trial cost (kinds override the scenario)', () => {
    const rows: DefendantRow[] = [
      row({ id: 1, group: 0, rank: 3, outcome: 'free' }),
      row({ id: 2, group: 1, rank: 1, outcome: 'tried', threatened: true }),
      row({ id: 3, group: 0, rank: 2, outcome: 'tried', threatened: true }),
    ];
    const sc = { groups: [{ trialCost: 1 }, { trialCost: 3 }], prosecutor: { budget: 5 }, levers: { strikeFund: { fund: 0, stipend: 0, insurance: 0 } } };
    const out = ladderFromRows(rows, sc);
    expect(out.map((r) => r.id)).toEqual([2, 3, 1]);
    expect(out.map((r) => r.budgetAfter)).toEqual([2, 1, 1]);
    const withKinds = ladderFromRows(rows, sc, [kind({ group: 0, c: 2 }), kind({ group: 1, c: 3 })]);
    expect(withKinds.map((r) => r.budgetAfter)).toEqual([2, 0, 0]);
  });

  it('a plea costs neither budget nor fund, even when covered', () => {
    const rows = ladderFromRows([row({ id: 1, outcome: 'plea', covered: true, threatened: true })], E9_SCENARIO);
    expect(rows[0].budgetAfter).toBe(2);
    expect(rows[0].fundAfter).toBe(10);
  });

  it('binning conserves counts and keeps budget and fund at bin ends', () => {
    const n = 1003;
    const raw: DefendantRow[] = [];
    for (let i = 1; i <= n; i++) {
      const outcome = i % 7 === 0 ? 'tried' : i % 3 === 0 ? 'free' : 'plea';
      raw.push(row({ id: i, outcome, threatened: outcome !== 'free', covered: i % 5 === 0 }));
    }
    const sc = { groups: [{ trialCost: 1 }], prosecutor: { budget: 500 }, levers: { strikeFund: { fund: 1000, stipend: 1, insurance: 1 } } };
    const rows = ladderFromRows(raw, sc);
    const bins = binLadder(rows, 100);
    expect(bins.length).toBeLessThanOrEqual(100);
    expect(bins[0].rankLo).toBe(1);
    expect(bins[bins.length - 1].rankHi).toBe(n);
    const sum = (k: 'plea' | 'tried' | 'free' | 'threatened') => bins.reduce((s, b) => s + b[k], 0);
    expect(sum('plea')).toBe(rows.filter((r) => r.outcome === 'plea').length);
    expect(sum('tried')).toBe(rows.filter((r) => r.outcome === 'tried').length);
    expect(sum('free')).toBe(rows.filter((r) => r.outcome === 'free').length);
    expect(sum('threatened')).toBe(rows.filter((r) => r.threatened).length);
    expect(sum('plea') + sum('tried') + sum('free')).toBe(n);
    for (const b of bins) {
      expect(b.budgetAfter).toBe(rows[b.rankHi - 1].budgetAfter);
      expect(b.fundAfter).toBe(rows[b.rankHi - 1].fundAfter);
    }
    // Contiguous bins.
    for (let i = 1; i < bins.length; i++) expect(bins[i].rankLo).toBe(bins[i - 1].rankHi + 1);
    // Rebinning merges and still conserves.
    const fewer = rebin(bins, 10);
    expect(fewer.length).toBe(10);
    expect(fewer.reduce((s, b) => s + b.plea + b.tried + b.free, 0)).toBe(n);
    expect(fewer[fewer.length - 1].budgetAfter).toBe(rows[n - 1].budgetAfter);
  });

  it('views: rows up to 400 ranks, bins above, bins accepted directly', () => {
    const small = ladderView({ rows: ladderFromRows(E9_ROWS, E9_SCENARIO), budget: 2, fund: 10, stopRank: 3 });
    expect(small.mode).toBe('ranks');
    expect(describeLadder(small)).toBe(
      '0 plead, 2 are tried and 3 go free; 2 of 5 were threatened with trial. Trial budget 2 trial units, 2 used, 0 left. Strike fund 10 years, 4 paid, 6 left. The unraveling stops at rank 3: the first defendant the prosecutor can no longer threaten.',
    );
    expect(resourceSteps(small).map((p) => [p.x, p.budget, p.fund])).toEqual([
      [0.5, 2, 10],
      [1.5, 1, 7],
      [2.5, 0, 7],
      [3.5, 0, 6],
      [4.5, 0, 6],
      [5.5, 0, 6],
    ]);
    expect(ladderTable(small).rows[0]).toEqual({ rank: 1, id: 1, group: 1, outcome: 'tried', threatened: true, offer: 5, budgetAfter: 1, fundAfter: 7 });
    const many: DefendantRow[] = Array.from({ length: 1000 }, (_, i) => row({ id: i + 1, outcome: 'plea', threatened: true }));
    const big = ladderView({ rows: ladderFromRows(many, E2_SCENARIO), budget: 1, fund: 0, stopRank: null });
    expect(big.mode).toBe('bins');
    if (big.mode === 'bins') expect(big.bins.reduce((s, b) => s + b.plea, 0)).toBe(1000);
    const direct = ladderView({ bins: [{ rankLo: 1, rankHi: 1_000_000, plea: 999_998, tried: 2, free: 0, threatened: 1_000_000, budgetAfter: 0, fundAfter: 0 }], budget: 2, fund: 0, stopRank: null });
    expect(direct.mode).toBe('bins');
    expect(direct.n).toBe(1_000_000);
  });

  it('E2: everyone pleads; no stop rank', () => {
    const v = ladderView({ rows: ladderFromRows(E2_ROWS, E2_SCENARIO), budget: 1, fund: 0, stopRank: null });
    expect(describeLadder(v)).toContain('Every defendant is threatened');
  });
});

describe('threshold data', () => {
  it('E4: G(0) = 1, G(1) = 1, G(2) = 5, G(3..10) = 10', () => {
    const c = thresholdCurve(E4_THRESHOLDS);
    expect(c.N).toBe(10);
    expect([-1, 0, 1, 2, 3, 4, 9, 10].map((m) => G(c, m))).toEqual([0, 1, 1, 5, 10, 10, 10, 10]);
    expect(c.pieces).toEqual([
      { from: 0, to: 1, g: 1 },
      { from: 2, to: 2, g: 5 },
      { from: 3, to: 10, g: 10 },
    ]);
  });

  it('E4: equilibrium sizes {1, 10}, erosion point 10', () => {
    const c = thresholdCurve(E4_THRESHOLDS);
    expect(equilibriumSizes(c)).toEqual([1, 10]);
    expect(erosionPoint(c)).toBe(10);
  });

  it('the compressed form gives the same curve', () => {
    const c = thresholdCurve(
      [
        { threshold: 3, count: 5 },
        { threshold: 0, count: 1 },
        { threshold: 2, count: 4 },
      ],
      10,
    );
    expect(c.pieces).toEqual(thresholdCurve(E4_THRESHOLDS).pieces);
  });

  it('null thresholds never count; nobody with τ = 0 makes 0 an equilibrium', () => {
    const c = thresholdCurve([1, 1, null]);
    expect(c.nullCount).toBe(1);
    expect([0, 1, 2, 3].map((m) => G(c, m))).toEqual([0, 2, 2, 2]);
    expect(equilibriumSizes(c)).toEqual([0, 2]);
    expect(erosionPoint(c)).toBe(2);
  });

  it('E4 with the critical mass (1) committed, the curve never falls below the diagonal', () => {
    const c = committedCurve(thresholdCurve(E4_THRESHOLDS), 1);
    for (let m = 0; m < 10; m++) expect(G(c, m)).toBeGreaterThanOrEqual(m + 1);
    expect(G(c, 0)).toBe(2);
    expect(G(c, 2)).toBe(6);
  });

  it('thresholdData reads the lottery result; a click on a step selects its defendants', () => {
    const d = thresholdData(E4_LOTTERY, 10);
    expect(d.equilibria).toEqual([1, 10]);
    expect(d.committed).not.toBeNull();
    expect(selectionForRun(d, 1)).toEqual({ threshold: 2, count: 4, ids: [2, 3, 4, 5] });
  });

  it('E1 Schelling: s = 5/3, k = 1, ê = 5: the costs cross at m = 2 (a tie accepts), so τ = 3, reported as N = 3', () => {
    const d = schellingData({ kind: kind(), offer: 5 / 3, k: 1, N: 3 });
    expect(d.plead).toBeCloseTo(5 / 3, 12);
    // r(2) = (1/3)·5 = 1.6666666666666665 < 5/3 = 1.6666666666666667 in doubles: the tolerance makes it a tie.
    expect(d.points.map((p) => p.refuse)).toEqual([5, 2.5, (1 / 3) * 5, 1.25]);
    expect(d.points[2].refuse < d.plead).toBe(true);
    expect(d.crossing).toBeCloseTo(2, 12);
    expect(d.threshold).toBe(3);
    expect(kindThreshold(kind(), 5 / 3, 1, 3)).toBe(3);
  });

  it('E1 at other offers: s = 1 → τ = 5, reported as N = 3; s = 2.5 → τ = 2; s = 6 → τ = 0', () => {
    expect(kindThreshold(kind(), 1, 1, 3)).toBe(3);
    expect(kindThreshold(kind(), 1, 1, 100)).toBe(5); // 5/(m+1) < 1 first at m = 5 (m = 4 ties)
    expect(kindThreshold(kind(), 2.5, 1, 3)).toBe(2); // 5/(m+1) < 2.5 first at m = 2 (m = 1 ties)
    expect(kindThreshold(kind(), 6, 1, 3)).toBe(0);
  });

  it('E4 thresholds from kinds: s = 3, k = 2, premiums L', () => {
    const L = [3, 2, 1.5, 1, 0.5, 0.25, 0, 0, 0, 0];
    expect(L.map((l) => kindThreshold(kind({ L: l }), 3, 2, 10))).toEqual(E4_THRESHOLDS);
  });

  it('never-pleaders and no offer have τ = 0; refusal cost d ≥ a means no threshold', () => {
    expect(kindThreshold(kind({ never: true }), 3, 1, 3)).toBe(0);
    expect(kindThreshold(kind(), 0, 1, 3)).toBe(0);
    expect(kindThreshold(kind({ d: 4 }), 1, 1, 3)).toBeNull();
    expect(schellingData({ kind: kind({ d: 4 }), offer: 1, k: 1, N: 3 }).reason).toBe('none');
  });
});

describe('sweep data', () => {
  it('successFrom is the smallest x where the strike succeeds', () => {
    expect(successFrom(SWEEP_A.points)).toBe(3);
    expect(successFrom([...SWEEP_B.points].reverse())).toBe(4);
    expect(successFrom(SWEEP_A.points.slice(0, 3))).toBeNull();
  });

  it('series use the run-0 value, or the mean and 5–95% band when random; the engine’s successAt wins', () => {
    const a = sweepSeries(SWEEP_A, 'take');
    expect(a.rows.map((r) => r.y)).toEqual([15, 12, 9, 6, 6]);
    expect(a.rows[0].lo).toBeNull();
    expect(a.successAt).toBe(3);
    const b = sweepSeries(SWEEP_B, 'take', 'B');
    expect(b.rows[1]).toEqual({ x: 1, y: 12.5, lo: 10.5, hi: 13.5 });
    expect(b.successAt).toBe(4);
    const derived = sweepSeries({ ...SWEEP_A, successAt: null }, 'take');
    expect(derived.successAt).toBeNull();
  });

  it('compare view: labels A and B, axis label and unit from the schema', () => {
    const v = sweepView('take', SWEEP_A, SWEEP_B);
    expect(v.series.map((s) => s.label)).toEqual(['A', 'B']);
    expect(v.xAxis).toEqual({ label: 'Pledge penalty (F)', unit: 'years' });
    expect(sweepTable(v).columns.map((c) => c.label)).toEqual(['Pledge penalty (F) (years)', "A: Prosecutor's take Π (years)", "B: Prosecutor's take Π (years)", 'B: 5%', 'B: 95%']);
  });
});

describe('phase data', () => {
  it('cell edges lie halfway between grid values', () => {
    expect(edges([0, 0.25, 0.5, 0.75])).toEqual([0, 0.125, 0.375, 0.625, 0.75]);
    expect(edges([3])).toEqual([2.5, 3.5]);
    expect(gridToData(0.5, [0, 10], [0, 5, 10])).toBe(0);
    expect(gridToData(1, [0, 10], [0, 5, 10])).toBe(5);
    expect(gridToData(1.5, [0, 10], [0, 5, 10])).toBe(10);
  });

  it('contour lines leave out the segments d3-contour closes through the padding around the grid', () => {
    // d3.contours().size([4, 3]).thresholds([0.5]) on [0,0,1,1, 0,1,1,1, 0,0,0,1]:
    const ring: [number, number][] = [[4, 2.5], [4, 1.5], [4, 0.5], [3.5, 0], [2.5, 0], [2, 0.5], [1.5, 1], [1, 1.5], [1.5, 2], [2.5, 2], [3, 2.5], [3.5, 3], [4, 2.5]];
    expect(interiorLines([ring], 4, 3)).toEqual([[[2, 0.5], [1.5, 1], [1, 1.5], [1.5, 2], [2.5, 2], [3, 2.5]]]);
    // A closed interior ring stays whole.
    const inner: [number, number][] = [[1, 1.5], [1.5, 1], [2, 1.5], [1.5, 2], [1, 1.5]];
    expect(interiorLines([inner], 4, 3)).toEqual([inner]);
  });

  it('a complete grid has contours and a success boundary; succeeding cells counted', () => {
    const v = phaseView(phaseFixture());
    expect(v.cells).toHaveLength(12);
    expect(v.computed).toBe(12);
    // v = 15 − 10x − 0.05y ≤ 10
    expect(v.succeeded).toBe(9);
    expect(v.domain).toEqual([15 - 7.5 - 5, 15]);
    for (const c of [...v.contours, v.boundary!]) for (const l of c.lines) for (const [x, y] of l) {
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThanOrEqual(0.75);
      expect(y).toBeGreaterThanOrEqual(0);
      expect(y).toBeLessThanOrEqual(100);
    }
    expect(v.contours.length).toBeGreaterThan(0);
    expect(v.boundary).not.toBeNull();
    expect(v.successLabel).not.toBeNull();
    expect(v.xAxis).toEqual({ label: 'Pledged share, group 1', unit: 'share' });
    expect(v.yAxis).toEqual({ label: 'Strike fund (Φ)', unit: 'years' });
  });

  it('a coarse, progressive grid draws placeholders and no contours yet', () => {
    const v = phaseView(phaseFixture(true));
    expect(v.computed).toBe(4);
    expect(v.cells.filter((c) => c.value === null)).toHaveLength(8);
    expect(v.contours).toEqual([]);
    expect(v.boundary).toBeNull();
  });
});

describe('distribution, regimes, labels', () => {
  it('single-value bins get a band 0.8 × the smallest gap; rules in order p5, median, mean, p95', () => {
    const v = distributionView(TAKE_SUMMARY, 'take');
    expect(v.runs).toBe(20);
    expect(v.bars[0]).toEqual({ lo: 10, hi: 10, x0: 9.5, x1: 10.5, count: 3, single: true });
    expect(v.rules.map((r) => [r.key, r.value])).toEqual([
      ['p5', 10],
      ['p50', 12.5],
      ['mean', 12.5],
      ['p95', 15],
    ]);
    const ranged = distributionView({ ...TAKE_SUMMARY, histogram: [{ lo: 0, hi: 2, count: 1 }, { lo: 2, hi: 4, count: 2 }] }, 'take');
    expect(ranged.bars.map((b) => [b.x0, b.x1])).toEqual([
      [0, 2],
      [2, 4],
    ]);
  });

  it('regimes: canonical order, the no-plea take, stacked plea/tried/free', () => {
    const v = regimeView(REGIME_ROWS);
    expect(v.rows.map((r) => r.regime)).toEqual(['noPlea', 'lottery', 'priority', 'forcedSpend']);
    expect(v.noPleaTake).toBe(5);
    expect(v.maxTotal).toBe(3);
    expect(v.stacks.filter((s) => s.regime === 'forcedSpend').map((s) => [s.key, s.y0, s.y1])).toEqual([
      ['plea', 0, 2],
      ['tried', 2, 2],
      ['free', 2, 3],
    ]);
  });

  it('field labels come from the schema metadata', () => {
    expect(fieldLabel('levers.strikeFund.stipend')).toEqual({ label: 'Stipend (T)', unit: 'years' });
    expect(fieldLabel('prosecutor.budget')).toEqual({ label: 'Trial budget (B)', unit: 'trial units' });
    expect(fieldLabel('groups[2].refusalCost')).toEqual({ label: 'Cost of refusing (d), group 3', unit: 'years' });
    expect(fieldLabel('nope.x')).toEqual({ label: 'nope.x', unit: '' });
    expect([fmt(5 / 3), fmt(1234567), fmt(null), fmt(0.1 + 0.2)]).toEqual(['1.667', '1,234,567', '–', '0.3']);
  });
});

describe('phase colours are robust to an outlier row (issue 10)', () => {
  it('the colour domain ends at the fences, the legend says values beyond take the end colours', async () => {
    const { phaseView } = await import('../../src/charts/phase/data');
    const xs = [0, 1, 2, 3, 4];
    const ys = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];
    // Nine rows between 1 and 2; one row at 1,000.
    const values = ys.flatMap((yv) => xs.map((xv) => (yv === 9 ? 1000 : 1 + (xv + yv * 5) / 45)));
    const v = phaseView({ xField: 'a', yField: 'b', xs, ys, outcome: 'take', values, success: values.map(() => 0), level: 0 });
    expect(v.domain).toEqual([1, 1000]);
    expect(v.colorDomain).toEqual([1, 1 + 44 / 45]);
    expect(v.colorClipped).toBe(true);
    expect(v.pending).toBe(0);
    // No outliers: the full extent.
    const plain = phaseView({ xField: 'a', yField: 'b', xs, ys, outcome: 'take', values: values.map((x) => Math.min(x, 2)), success: values.map(() => 0), level: 0 });
    expect(plain.colorClipped).toBe(false);
    expect(plain.colorDomain).toEqual(plain.domain);
  });
});
