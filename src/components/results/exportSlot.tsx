// The export menu next to each chart (the classroom's ExportMenu: SVG, PNG, CSV, JSON).
import { ExportMenu } from '../export';
import type { Result } from '../../engine/api';
import type { Scenario } from '../../engine/scenario/schema';

export interface ExportSlotProps {
  scenario: Scenario;
  result: Result | null;
  chartSvg: () => SVGSVGElement | null;
  name: string;
}

export function ExportSlot({ scenario, result, chartSvg, name }: ExportSlotProps) {
  return (
    <ExportMenu
      scenario={scenario}
      result={result}
      chartSvg={chartSvg}
      name={`${scenario.title ?? 'scenario'} ${name}`}
    />
  );
}
