// The Result tab's view of a docket result: the weekly docket chart with its week-by-week player
// (click a week to list its defendants, a defendant to see why) with a one-line reading of the crash, the free and the
// recovery, then the why panel.
import type { ReactNode } from 'react';
import { recoveryWeek, type DocketInput, type DocketRowInput } from '../../charts/docket/data';
import type { Result } from '../../engine';
import type { Scenario } from '../../engine';
import { formatNumber } from '../../app/format';
import { useChartHeight } from '../../app/textSize';
import { DocketPlayer } from '../../walkthrough/docketPlayer';
import { ChartCard } from './ChartCard';
import { WaveTool } from './WaveTool';

export interface DocketViewProps {
  result: Result;
  docket: DocketInput;
  scenario: Scenario;
  onSelect: (id: number) => void;
  why: ReactNode;
}

/** One sentence: when the calendar crashes, how many go free, whether it recovers. */
export function docketReading(docket: DocketInput, free: number): string {
  if (docket.crashWeek === null) return 'Every defendant finds a trial date before his deadline: the calendar never crashes.';
  const rec = recoveryWeek(docket);
  const s = [
    `Week ${formatNumber(docket.crashWeek)}: the first defendant finds no trial date before his deadline.`,
    `${formatNumber(free)} ${free === 1 ? 'goes' : 'go'} free.`,
  ];
  s.push(rec === null ? 'The calendar does not recover before the last arrival week.' : `The calendar recovers in week ${formatNumber(rec)}.`);
  return s.join(' ');
}

export function DocketView({ result, docket, scenario, onSelect, why }: DocketViewProps) {
  const rows = result.defendants as readonly DocketRowInput[] | undefined;
  const height = useChartHeight(460);
  return (
    <>
      <ChartCard
        title="Weekly docket"
        name="docket"
        scenario={scenario}
        result={result}
        hint={
          <>
            Defendants arriving each week by outcome, the trial units used against the weekly capacity of{' '}
            {formatNumber(docket.capacity)}, and the backlog.{' '}
            <strong className="docket-reading">{docketReading(docket, result.totals.free)}</strong>{' '}
            Click a week (or focus the chart, move with the arrows and press Enter) to list its defendants. Play (or Space on
            the slider) to watch it week by week.
          </>
        }
      >
        <DocketPlayer docket={docket} rows={rows} onSelect={onSelect} start="last" height={height} />
      </ChartCard>
      {why}
      <WaveTool scenario={scenario} />
    </>
  );
}
