// React hosts of the threshold diagram and the Schelling diagram (lottery).
import { useCallback, useMemo } from 'react';
import type { LotteryResult } from '../../engine';
import type { KindInfo } from '../../engine';
import { ChartFrame } from '../common/ChartFrame';
import { drawSchelling, drawThreshold } from './draw';
import {
  schellingData,
  schellingTable,
  thresholdData,
  thresholdTable,
  type ThresholdSelection,
} from './data';
import type { ThresholdInput } from '../../engine';

type Size = { width: number; height: number; id: string; announce: (t: string) => void };

export interface ThresholdChartProps {
  lottery: LotteryResult;
  /** Result.totals.defendants. */
  N: number;
  /** A compressed {threshold, count}[] when lottery.thresholds was omitted (> 100,000 defendants). */
  compressed?: ThresholdInput;
  onSelect?: (sel: ThresholdSelection) => void;
  width?: number;
  height?: number;
}

export function ThresholdChart({ lottery, N, compressed, onSelect, width, height = 420 }: ThresholdChartProps) {
  const data = useMemo(() => thresholdData(lottery, N, compressed), [lottery, N, compressed]);
  const table = useMemo(() => thresholdTable(data), [data]);
  const draw = useCallback((svg: SVGSVGElement, s: Size) => drawThreshold(svg, data, { ...s, onSelect }), [data, onSelect]);
  return <ChartFrame draw={draw} table={table} width={width} height={height} className="hc-threshold" />;
}

export interface SchellingChartProps {
  kind: KindInfo;
  /** The offer s he faces. */
  offer: number;
  /** lottery.k */
  k: number;
  N: number;
  maxM?: number;
  width?: number;
  height?: number;
}

export function SchellingChart({ kind, offer, k, N, maxM, width, height = 360 }: SchellingChartProps) {
  const data = useMemo(() => schellingData({ kind, offer, k, N, maxM }), [kind, offer, k, N, maxM]);
  const table = useMemo(() => schellingTable(data), [data]);
  const draw = useCallback((svg: SVGSVGElement, s: Size) => drawSchelling(svg, data, s), [data]);
  return <ChartFrame draw={draw} table={table} width={width} height={height} className="hc-schelling" />;
}
