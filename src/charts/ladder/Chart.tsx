// React host of the unraveling ladder.
import { useCallback, useMemo } from 'react';
import type { DefendantRow } from '../../engine';
import type { LadderBin } from '../../engine';
import type { KindInfo } from '../../engine';
import { ChartFrame } from '../common/ChartFrame';
import { drawLadder } from './draw';
import { ladderFromRows, ladderTable, ladderView, type LadderScenario } from './data';

export interface LadderChartProps {
  /** Result.defendants (priority or forcedSpend). */
  rows?: readonly DefendantRow[];
  /** The engine's bins when rows are omitted (above 100,000 defendants). */
  bins?: readonly LadderBin[];
  scenario: LadderScenario;
  kinds?: readonly KindInfo[];
  /** Result.totals.stopRank. */
  stopRank: number | null;
  regime?: string;
  /** Called with a defendant's id on click or Enter (the "why" panel). */
  onSelect?: (id: number) => void;
  /** Called with a bin's index on click or Enter (binned ladders). */
  onSelectBin?: (index: number) => void;
  /** The player's frame (see drawLadder). */
  reveal?: { upTo: number; cursorLo: number; cursorHi: number } | null;
  width?: number;
  height?: number;
  /** A quick lever is moving: its redraws paint the dense marks on a canvas (see drawLadder). */
  moving?: boolean;
}

export function LadderChart({ rows, bins, scenario, kinds, stopRank, regime, onSelect, onSelectBin, reveal, width, height = 380, moving = false }: LadderChartProps) {
  const view = useMemo(
    () =>
      ladderView({
        rows: rows ? ladderFromRows(rows, scenario, kinds) : undefined,
        bins,
        budget: (scenario.prosecutor.budget ?? 0),
        fund: scenario.levers.strikeFund.fund,
        stopRank,
        regime,
      }),
    [rows, bins, scenario, kinds, stopRank, regime],
  );
  const table = useMemo(() => ladderTable(view), [view]);
  const draw = useCallback(
    (svg: SVGSVGElement, s: { width: number; height: number; id: string; announce: (t: string) => void; pixelRatio?: number }) =>
      drawLadder(svg, view, { ...s, onSelect, onSelectBin, reveal, moving }),
    [view, onSelect, onSelectBin, reveal, moving],
  );
  return <ChartFrame draw={draw} table={table} width={width} height={height} className="hc-ladder" />;
}
