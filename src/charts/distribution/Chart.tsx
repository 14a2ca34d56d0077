// React host of the distribution of a total over runs.
import { useCallback, useMemo } from 'react';
import type { Distribution, DistributionKey } from '../../engine';
import { ChartFrame } from '../common/ChartFrame';
import { drawDistribution } from './draw';
import { distributionTable, distributionView } from './data';

export interface DistributionChartProps {
  distribution: Distribution;
  field: DistributionKey;
  width?: number;
  height?: number;
}

export function DistributionChart({ distribution, field, width, height = 340 }: DistributionChartProps) {
  const view = useMemo(() => distributionView(distribution[field], field), [distribution, field]);
  const table = useMemo(() => distributionTable(view), [view]);
  const draw = useCallback(
    (svg: SVGSVGElement, s: { width: number; height: number; id: string; announce: (t: string) => void }) => drawDistribution(svg, view, s),
    [view],
  );
  return <ChartFrame draw={draw} table={table} width={width} height={height} className="hc-distribution" />;
}
