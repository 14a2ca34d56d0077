// The engine's computing functions: what the workers answer (api.ts: validate, solve, kinds,
// sweep, phaseCells, ladder, ledger, …) and the solver itself. A door of its own, apart from the
// index (types, the schema, pure helpers), so the page's start-up code never holds the solver:
// the engine worker, the CLI and Node's figure builds import it, and the page's client loads it
// on demand for a moving lever's inline answer (src/client/inline.ts).
export * from './api';
export * as engineApi from './api';
export { solveScenario, prepare, type SolveOptions } from './solve';
