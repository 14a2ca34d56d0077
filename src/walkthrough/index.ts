import './walkthrough.css';
export { Walkthrough, type WalkthroughProps } from './Walkthrough';
export { STEPS, TAB_NAMES, stepById, type TabName, type TourStep } from './steps';
