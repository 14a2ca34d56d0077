import '../components.css';
export {
  explainDefendant,
  explainThreshold,
  budgetLeftAt,
  explanationText,
  type ExplainContext,
  type Explanation,
  type ThresholdExplanation,
} from './explain';
export { WhyPanel, type WhyPanelProps } from './WhyPanel';
