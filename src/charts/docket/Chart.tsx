// React host of the weekly docket chart: the chart, and below it the defendants of the week
// (or bin of weeks) the user clicked or chose with Enter; a defendant there opens the why panel.
import { useCallback, useMemo, useState } from 'react';
import { ChartFrame } from '../common/ChartFrame';
import { fmt } from '../common/fields';
import { drawDocket } from './draw';
import {
  defendantsInWeeks,
  docketTable,
  docketView,
  weekDefendantLine,
  type DocketInput,
  type DocketReveal,
  type DocketRowInput,
} from './data';

export interface DocketChartProps {
  /** Result.docket. */
  docket: DocketInput;
  /** Result.defendants (absent above 100,000 defendants). */
  rows?: readonly DocketRowInput[];
  /** Called with a defendant's id (the why panel). */
  onSelect?: (id: number) => void;
  /** The classroom's player: draw the weeks up to a frame (see DocketReveal). */
  reveal?: DocketReveal | null;
  width?: number;
  height?: number;
}

const LIST_LIMIT = 200;

export function DocketChart({ docket, rows, onSelect, reveal = null, width, height = 460 }: DocketChartProps) {
  const view = useMemo(() => docketView(docket), [docket]);
  const table = useMemo(() => docketTable(docket), [docket]);
  const [weeks, setWeeks] = useState<[number, number] | null>(null);
  const draw = useCallback(
    (svg: SVGSVGElement, s: { width: number; height: number; id: string; announce: (t: string) => void }) =>
      drawDocket(svg, view, { ...s, reveal, onSelectWeeks: (lo, hi) => setWeeks([lo, hi]) }),
    [view, reveal],
  );
  const picked = useMemo(
    () => (weeks && rows ? defendantsInWeeks(rows, weeks[0], weeks[1], docket.deadline, LIST_LIMIT) : null),
    [weeks, rows, docket.deadline],
  );
  const weekName = weeks ? (weeks[0] === weeks[1] ? `week ${fmt(weeks[0])}` : `weeks ${fmt(weeks[0])}–${fmt(weeks[1])}`) : '';
  return (
    <div className="hc-docket-host">
      <ChartFrame draw={draw} table={table} width={width} height={height} className="hc-docket" />
      {weeks ? (
        <section className="hc-docket-week" aria-label={`Defendants arriving in ${weekName}`} aria-live="polite">
          <h4>
            Defendants arriving in {weekName}
            {picked ? ` (${fmt(picked.total)})` : ''}{' '}
            <button type="button" className="hc-docket-pick" onClick={() => setWeeks(null)}>
              close
            </button>
          </h4>
          {!rows ? (
            <p>Above 100,000 defendants the result leaves out the per-defendant rows; the chart and its table give the weekly counts.</p>
          ) : picked && picked.total === 0 ? (
            <p>No defendant arrives in {weekName}.</p>
          ) : picked ? (
            <>
              <ol className="hc-docket-week-list">
                {picked.list.map((d) => (
                  <li key={d.id}>
                    {onSelect ? (
                      <button type="button" className="hc-docket-pick" onClick={() => onSelect(d.id)}>
                        {weekDefendantLine(d)}
                      </button>
                    ) : (
                      weekDefendantLine(d)
                    )}
                  </li>
                ))}
              </ol>
              {picked.total > picked.list.length ? (
                <p>
                  The first {fmt(picked.list.length)} of {fmt(picked.total)} in docket order; type a defendant number in the why panel
                  for the others.
                </p>
              ) : null}
            </>
          ) : null}
        </section>
      ) : null}
    </div>
  );
}
