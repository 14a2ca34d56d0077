// React host of the unraveling ladder.
import { useCallback, useEffect, useMemo } from 'react';
import type { DefendantRow } from '../../engine';
import type { LadderBin } from '../../engine';
import type { KindInfo } from '../../engine';
import { ChartFrame } from '../common/ChartFrame';
import { drawLadder } from './draw';
import { ladderFromRows, ladderTable, ladderView, type LadderScenario, type LadderView } from './data';

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
  /**
   * A quick lever is about to move (the pointer or the focus came to it): the chart warms up the
   * drawing a moving lever asks for (see warmMovingDraws), before the first step.
   */
  primed?: boolean;
}

/** Drawings of a moving lever made once a page, off screen, before the first step. */
export const WARM_DRAWS = 16;
let warmDrawsLeft = WARM_DRAWS;
/** How many of the page's warm-up drawings are left (for tests). */
export const warmDrawsRemaining = (): number => warmDrawsLeft;

/**
 * Draw `view` as a moving lever's steps draw it (canvas marks, the frame kept), `left` times into
 * an svg that is not in the document, a task each: answers nobody sees. V8 compiles the drawing
 * code on its first runs, so a drag's first steps would otherwise pay for that in their frames
 * (as src/client/inline.ts warms the engine). Never throws; returns a cancel.
 */
export function warmMovingDraws(view: LadderView, size: { width: number; height: number }, left = warmDrawsLeft): () => void {
  if (typeof document === 'undefined' || left <= 0) return () => {};
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  let timer: ReturnType<typeof setTimeout> | undefined;
  let n = left;
  const step = () => {
    // The page's count bounds every caller's (two charts warming at once share it).
    if (n <= 0 || warmDrawsLeft <= 0) return;
    n--;
    warmDrawsLeft--;
    try {
      drawLadder(svg, view, { ...size, id: 'hc-warm', announce: () => {}, moving: true });
    } catch {
      n = 0; // a warm-up that fails is simply not done
      return;
    }
    timer = setTimeout(step, 0);
  };
  timer = setTimeout(step, 0);
  return () => {
    n = 0;
    if (timer !== undefined) clearTimeout(timer);
  };
}

export function LadderChart({ rows, bins, scenario, kinds, stopRank, regime, onSelect, onSelectBin, reveal, width, height = 380, moving = false, primed = false }: LadderChartProps) {
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
  // Warm up when a lever may move, not once it moves (its steps need the main thread).
  const warm = primed && !moving;
  useEffect(() => (warm ? warmMovingDraws(view, { width: width ?? 960, height }) : undefined), [warm, view, width, height]);
  const draw = useCallback(
    (svg: SVGSVGElement, s: { width: number; height: number; id: string; announce: (t: string) => void; pixelRatio?: number }) =>
      drawLadder(svg, view, { ...s, onSelect, onSelectBin, reveal, moving }),
    [view, onSelect, onSelectBin, reveal, moving],
  );
  return <ChartFrame draw={draw} table={table} width={width} height={height} className="hc-ladder" />;
}
