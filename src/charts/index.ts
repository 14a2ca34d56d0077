// The charts: React components (hosts), plus the pure data builders and the export helpers.
export { LadderChart, type LadderChartProps } from './ladder/Chart';
export { ThresholdChart, SchellingChart, type ThresholdChartProps, type SchellingChartProps } from './threshold/Chart';
export { SweepChart, type SweepChartProps } from './sweep/Chart';
export { PhaseChart, type PhaseChartProps } from './phase/Chart';
export { DistributionChart, type DistributionChartProps } from './distribution/Chart';
export { RegimesChart, type RegimesChartProps } from './regimes/Chart';
export { DataTable } from './common/DataTable';
export { ChartFrame } from './common/ChartFrame';
export { svgToString, svgToPng, download } from './common/export';
export { ladderFromRows, binLadder, ladderView, type LadderRow, type LadderScenario } from './ladder/data';
export { schellingData, kindThreshold, type ThresholdSelection } from './threshold/data';
export type { RegimeRow } from './regimes/data';
export { DocketChart, type DocketChartProps } from './docket/Chart';
export {
  docketView,
  docketTable,
  recoveryWeek,
  defendantsInWeeks,
  describeDocketFrame,
  docketFrameLabel,
  docketReveal,
  type DocketInput,
  type DocketReveal,
  type DocketRowInput,
} from './docket/data';
