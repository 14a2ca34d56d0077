// React host of the phase diagram (redraws as a progressive PhaseResult refines).
import { useCallback, useMemo } from 'react';
import type { PhaseResult } from '../../engine';
import { ChartFrame } from '../common/ChartFrame';
import { drawPhase } from './draw';
import { phaseTable, phaseView } from './data';

export interface PhaseChartProps {
  phase: PhaseResult;
  contours?: number;
  width?: number;
  height?: number;
}

export function PhaseChart({ phase, contours = 8, width, height = 460 }: PhaseChartProps) {
  const view = useMemo(() => phaseView(phase, contours), [phase, contours]);
  const table = useMemo(() => phaseTable(view), [view]);
  const draw = useCallback(
    (svg: SVGSVGElement, s: { width: number; height: number; id: string; announce: (t: string) => void }) => drawPhase(svg, view, s),
    [view],
  );
  return <ChartFrame draw={draw} table={table} width={width} height={height} className="hc-phase" />;
}
