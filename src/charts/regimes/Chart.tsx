// React host of the regime comparison.
import { useCallback, useMemo } from 'react';
import { ChartFrame } from '../common/ChartFrame';
import { drawRegimes } from './draw';
import { regimeView, regimesTable, type RegimeRow } from './data';

export interface RegimesChartProps {
  rows: readonly RegimeRow[];
  width?: number;
  height?: number;
}

export function RegimesChart({ rows, width, height = 360 }: RegimesChartProps) {
  const view = useMemo(() => regimeView(rows), [rows]);
  const table = useMemo(() => regimesTable(view), [view]);
  const draw = useCallback(
    (svg: SVGSVGElement, s: { width: number; height: number; id: string; announce: (t: string) => void }) => drawRegimes(svg, view, s),
    [view],
  );
  return <ChartFrame draw={draw} table={table} width={width} height={height} className="hc-regimes" />;
}
