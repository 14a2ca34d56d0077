// The weekly docket, week by week: the docket chart with the frame player under it (play, pause,
// step, the slider; Space plays and pauses). One frame per drawn column (a week, or a bin of weeks
// on long calendars): the backlog rising, the deadline of the frame's arrivals, the crash week
// appearing. Each frame's sentence reads the engine's byWeek (charts/docket/data.ts), never
// recomputes it. Used by the tour's docket steps and the Result tab's docket view.
import { useMemo, type Ref } from 'react';
import { DocketChart } from '../charts/docket/Chart';
import { describeDocketFrame, docketFrameLabel, docketReveal, docketView, type DocketInput, type DocketRowInput } from '../charts/docket/data';
import { PlayerControls, useFramePlayer, type FramesSource, type PlayerHandle } from './player';

export interface DocketPlayerProps {
  docket: DocketInput;
  rows?: readonly DocketRowInput[];
  onSelect?: (id: number) => void;
  /** Where the player starts: the first week, or the last (the whole result drawn). */
  start: 'first' | 'last';
  height?: number;
  playerRef?: Ref<PlayerHandle>;
}

export function DocketPlayer({ docket, rows, onSelect, start, height, playerRef }: DocketPlayerProps) {
  const view = useMemo(() => docketView(docket), [docket]);
  const count = view.columns.length;
  const player = useFramePlayer(count, start);
  const source: FramesSource = useMemo(
    () => ({ count, describe: (i) => describeDocketFrame(view, i), label: (i) => docketFrameLabel(view, i) }),
    [view, count],
  );
  // The last frame, at rest, is the whole result: no box, no deadline window.
  const atRest = player.index >= count - 1 && !player.playing;
  const reveal = useMemo(() => (atRest ? null : docketReveal(view, player.index)), [view, player.index, atRest]);
  return (
    <div className="docket-player">
      <DocketChart docket={docket} rows={rows} onSelect={onSelect} reveal={reveal} height={height} />
      <PlayerControls player={player} source={source} label="The docket, week by week" handle={playerRef} />
    </div>
  );
}
