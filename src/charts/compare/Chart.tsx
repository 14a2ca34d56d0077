// React host of the Compare A/B chart.
import { useCallback, useMemo } from 'react';
import { ChartFrame } from '../common/ChartFrame';
import { drawCompare } from './draw';
import { compareTable, compareView, type CompareSide } from './data';

export interface CompareChartProps {
  a: CompareSide;
  b: CompareSide;
  width?: number;
  height?: number;
}

export function CompareChart({ a, b, width, height = 340 }: CompareChartProps) {
  const view = useMemo(() => compareView(a, b), [a, b]);
  const table = useMemo(() => compareTable(view), [view]);
  const draw = useCallback(
    (svg: SVGSVGElement, s: { width: number; height: number; id: string; announce: (t: string) => void }) => drawCompare(svg, view, s),
    [view],
  );
  return <ChartFrame draw={draw} table={table} width={width} height={height} className="hc-compare" />;
}
