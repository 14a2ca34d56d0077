// A chart outside a ChartCard (the Sweep and Phase diagram panels) with its export menu: the
// chart registers itself (FigureContext), the menu exports it as SVG, PNG, CSV and JSON.
import { useCallback, useRef, type ReactNode } from 'react';
import { FigureContext, useFigureSlot } from '../../figure/FigureContext';
import type { FigureSource } from '../../figure/render';
import { ExportMenu } from './ExportMenu';

export interface ExportableFigureProps {
  scenario: unknown;
  /** File base name. */
  name: string;
  settings?: FigureSource['settings'];
  children: ReactNode;
}

export function ExportableFigure({ scenario, name, settings, children }: ExportableFigureProps) {
  const box = useRef<HTMLDivElement>(null);
  const [register, figure] = useFigureSlot();
  const chartSvg = useCallback(() => box.current?.querySelector<SVGSVGElement>('svg[role=img]') ?? null, []);
  return (
    <div className="exportable-figure">
      <div className="exportable-figure-tools">
        <ExportMenu
          scenario={scenario}
          result={null}
          chartSvg={chartSvg}
          figure={figure}
          settings={settings}
          resultItems={false}
          name={name}
        />
      </div>
      <div ref={box}>
        <FigureContext.Provider value={register}>{children}</FigureContext.Provider>
      </div>
    </div>
  );
}
