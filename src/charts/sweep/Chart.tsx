// React host of the lever sweep (one SweepResult, or A and B compared).
import { useCallback, useMemo } from 'react';
import type { OutcomeKey, SweepResult } from '../../engine';
import { ChartFrame } from '../common/ChartFrame';
import { drawSweep } from './draw';
import { sweepTable, sweepView } from './data';

export interface SweepChartProps {
  sweep: SweepResult;
  /** A second sweep to compare (labelled B; the first is A). */
  compare?: SweepResult | null;
  outcome: OutcomeKey;
  width?: number;
  height?: number;
}

export function SweepChart({ sweep, compare, outcome, width, height = 380 }: SweepChartProps) {
  const view = useMemo(() => sweepView(outcome, sweep, compare), [outcome, sweep, compare]);
  const table = useMemo(() => sweepTable(view), [view]);
  const draw = useCallback(
    (svg: SVGSVGElement, s: { width: number; height: number; id: string; announce: (t: string) => void }) => drawSweep(svg, view, s),
    [view],
  );
  return <ChartFrame draw={draw} table={table} width={width} height={height} className="hc-sweep" />;
}
