// The export menu next to each chart (the classroom's ExportMenu: SVG, PNG, CSV, JSON).
import { ExportMenu } from '../export';
import type { Result } from '../../engine';
import type { Scenario } from '../../engine';
import type { FigureSource } from '../../figure/render';

export interface ExportSlotProps {
  scenario: Scenario;
  result: Result | null;
  chartSvg: () => SVGSVGElement | null;
  name: string;
  figure?: () => FigureSource | null;
  settings?: FigureSource['settings'];
  resultItems?: boolean;
}

export function ExportSlot({ scenario, result, chartSvg, name, figure, settings, resultItems }: ExportSlotProps) {
  return (
    <ExportMenu
      scenario={scenario}
      result={result}
      chartSvg={chartSvg}
      figure={figure}
      settings={settings}
      resultItems={resultItems}
      name={`${scenario.title ?? 'scenario'} ${name}`}
    />
  );
}
