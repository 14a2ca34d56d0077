import './walkthrough.css';
export { Tour, workbenchHash, type TourProps } from './Tour';
export {
  STEPS,
  SUMMARY_ROWS,
  TAB_NAMES,
  resolveScenario,
  stepById,
  sweepValuesOf,
  type TabName,
  type TourStep,
  type SummaryRow,
} from './steps';
export { GLOSSARY, Glossary, Term } from './glossary';
