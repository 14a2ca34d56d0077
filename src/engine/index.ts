// The engine's public surface: pure TypeScript, no DOM, React or comlink. Code outside
// src/engine (the app, components, charts, client, figure, cli, library, walkthrough) imports
// the engine only from here (ESLint no-restricted-imports in eslint.config.js); the tests may
// reach inside. The worker exposes exactly `engineApi` (api.ts) with comlink.

// What the workers answer (validate, solve, kinds, sweep, phaseCells, ladder, ledger, …).
export * from './api';
export * as engineApi from './api';
export { solveScenario, prepare, type SolveOptions } from './solve';

// The scenario: reading, migrating, validating, writing.
export {
  ScenarioSchema,
  ScenarioShape,
  GroupSchema,
  ProsecutorSchema,
  LeversSchema,
  DocketSchema,
  type Scenario,
  type ScenarioInput,
  type FieldMeta,
  type RegimeName,
} from './scenario/schema';
export {
  parseScenario,
  parseScenarioText,
  parseScenarioBytes,
  type ParseResult,
  type ValidationMessage,
  type ScenarioFileRead,
  invalidUtf8At,
  readScenarioFile,
} from './scenario/parse';
export { createDraftChecker, type DraftChecker } from './scenario/incremental';
export {
  SCHEMA_VERSION,
  MIGRATIONS,
  migrateScenario,
  upgradeScenario,
  type MigrationStep,
  type Migrated,
} from './scenario/migrate';
export { LIMITS } from './scenario/rules';
export { canonicalScenario } from './scenario/canonical';
export { scenarioJsonSchema } from './scenario/jsonSchema';
export { MAX_SCENARIO_FILE_BYTES, formatBytes } from './scenario/fileLimits';
export { defendantCount } from './scenario/shape';

// Defendants and levers.
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
  G,
  committedCurve,
  equilibriumSizes,
  erosionPoint,
  thresholdCurve,
  type Piece,
  type ThresholdCurve,
  type ThresholdInput,
  type ThresholdRun,
} from './result/thresholdCurve';
export {
  QUANTITIES,
  TOTAL_KEYS,
  columnLabel,
  formatNumber,
  formatShort,
  formatDetail,
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

// The §1 tolerance.
export { EPS, tieEq, lessTol, positive } from './numeric';

// The result and its views.
export type * from './result/types';
export { DISTRIBUTION_KEYS } from './result/types';
export { csvField, csvRows, resultToCsv } from './result/csv';
export { budgetLeftAt } from './result/budget';
export type { RegimeRow } from './views/compare';

// Sweeps, phase diagrams, the status quo and the wave.
export type * from './sweep/types';
export { DEFAULT_CRITERION, OUTCOME_KEYS } from './sweep/types';
export { meetsCriterion } from './sweep/criterion';
export {
  DERIVED_GROUP_FIELDS,
  getPath,
  setPath,
  pledgeAllGroups,
  allGroupsPledgeShare,
} from './sweep/fieldPath';
export { gridValues, refinementOrder } from './sweep/grid';
export { withoutOrganizing } from './sweep/statusQuo';
export { isStatusQuo, statusQuoWarnings } from './statusQuoWarnings';
export { waveScenarios } from './wave';
