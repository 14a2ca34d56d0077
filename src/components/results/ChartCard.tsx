// One chart with its heading and its export menu (SVG, PNG, CSV, scenario JSON).
import { useCallback, useId, useRef, type ReactNode } from 'react';
import type { Result } from '../../engine';
import type { Scenario } from '../../engine';
import { ExportSlot } from './exportSlot';
import { FigureContext, useFigureSlot } from '../../figure/FigureContext';

export interface ChartCardProps {
  title: string;
  /** One line under the title: how to read the chart. */
  hint?: ReactNode;
  /** For the export menu. */
  scenario: Scenario;
  result: Result | null;
  /** File-name stem for exports, e.g. `ladder`. */
  name: string;
  children: ReactNode;
  /** Controls placed in the heading row (e.g. a select). */
  controls?: ReactNode;
  /** What shaped the chart, written into an exported figure's metadata. */
  settings?: Record<string, string | number | boolean>;
}

export function ChartCard({
  title,
  hint,
  scenario,
  result,
  name,
  children,
  controls,
  settings,
}: ChartCardProps) {
  const uid = useId();
  const box = useRef<HTMLDivElement>(null);
  const chartSvg = useCallback(
    () => box.current?.querySelector<SVGSVGElement>('svg[role=img]') ?? null,
    [],
  );
  const [register, figure] = useFigureSlot();
  return (
    <section className="card chart-card" aria-labelledby={`${uid}-h`} data-chart={name}>
      <div className="chart-card-head">
        <h3 id={`${uid}-h`} className="chart-card-title">
          {title}
        </h3>
        <div className="chart-card-tools">
          {controls}
          <ExportSlot
            scenario={scenario}
            result={result}
            chartSvg={chartSvg}
            figure={figure}
            settings={settings}
            // The result's own files belong to the Result tab's charts (the Regimes tab has none).
            resultItems={result !== null}
            name={name}
          />
        </div>
      </div>
      {hint ? <p className="chart-card-hint">{hint}</p> : null}
      <div ref={box} className="chart-card-body">
        <FigureContext.Provider value={register}>{children}</FigureContext.Provider>
      </div>
    </section>
  );
}
