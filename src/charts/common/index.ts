export * from './theme';
export * from './fields';
export * from './svg';
export * from './export';
export type { TableColumn, TableData, Cell } from './table';
export { DataTable } from './DataTable';
export { ChartFrame, type ChartFrameProps, type FrameSize } from './ChartFrame';
