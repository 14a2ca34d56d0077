export { ComparePanel, type ComparePanelProps } from './ComparePanel';
export { diffTotal, type TotalDiff, type Direction } from './diff';
export { usePin } from './usePin';
