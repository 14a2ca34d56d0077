// The engine's public surface: pure TypeScript, no DOM, React or comlink. Code outside
// src/engine (the app, components, charts, client, figure, cli, library, walkthrough) imports
// the engine only from here, or its computing functions from ./compute (ESLint
// no-restricted-imports in eslint.config.js); the tests may reach inside.

// What the workers answer (validate, solve, kinds, sweep, phaseCells, ladder, ledger, …): their
// types only. The functions are in ./compute, which the page loads only where it computes (the
// workers, and the client's inline answers, loaded on demand), so the page's start-up code
// never holds the solver (issue 12: JavaScript at start).
export type * from './api';
export type * as engineApi from './api';
export type { SolveOptions } from './solve';

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
export { withoutOrganizing } from './levers/withoutOrganizing';
export { isStatusQuo, statusQuoWarnings } from './statusQuoWarnings';
export { waveScenarios } from './wave';
