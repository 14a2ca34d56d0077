// The engine's public surface: pure TypeScript, no DOM, React or comlink.
export * from './api';
export { solveScenario, prepare, type SolveOptions } from './solve';
export { ScenarioSchema, ScenarioShape, type Scenario, type ScenarioInput } from './scenario/schema';
export { LIMITS } from './scenario/rules';
export { buildPopulation, describeKinds, type KindInfo } from './population/kinds';
export {
  LEVERS,
  idleReason,
  kindLeverCosts,
  leverParts,
  type LeverMeta,
  type LeverUnit,
  type LeverList,
  type LeverPart,
} from './levers';
export { composeScenarioSchema, type ComposedScenario } from './scenario/compose';
export { rowLedger, type RowLedgerEntry } from './result/rowLedger';
export {
  QUANTITIES,
  TOTAL_KEYS,
  columnLabel,
  formatNumber,
  formatTotal,
  totalNote,
  type Quantity,
  type QuantityKey,
  type TotalKey,
} from './result/quantities';
export {
  defendantNumbers,
  explainContextOf,
  explainFrom,
  kindOfRow,
  lotteryThreshold,
  nearlyEqual,
} from './explain';
export type * from './result/types';
