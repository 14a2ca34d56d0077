// The engine's public surface: pure TypeScript, no DOM, React or comlink.
export * from './api';
export { solveScenario, prepare, type SolveOptions } from './solve';
export { ScenarioSchema, ScenarioShape, type Scenario, type ScenarioInput } from './scenario/schema';
export { LIMITS } from './scenario/rules';
export { buildPopulation, describeKinds, type KindInfo } from './population/kinds';
export { LEVERS, type LeverMeta } from './levers';
export type * from './result/types';
