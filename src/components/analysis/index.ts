import './analysis.css';
export { SweepPanel, type SweepPanelProps } from './SweepPanel';
export { PhasePanel, type PhasePanelProps } from './PhasePanel';
export { sweepFields, sweepSentence, phaseSentence, gridValues, type SweepField } from './model';
