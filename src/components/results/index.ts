import './results.css';
export { ResultTab, kindOf, explainContext, type ResultTabProps, type ResultView } from './ResultTab';
export { TotalsPanel, TotalsList, Verdict, ErrorPanel } from './Totals';
export { QuickLevers, setAllPledged, leverMotion, useLeverMoving } from './QuickLevers';
export { ChartCard } from './ChartCard';
export {
  useResultBundle,
  type ResultBundle,
  type BundleState,
  type BundleStatus,
} from './useResultBundle';
// RegimesTab: imported by its module (src/app/App.tsx loads it when its tab opens).
