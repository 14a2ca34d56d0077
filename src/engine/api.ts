// What the workers (and the command-line runner, and the tests) call. Plain data in and out;
// bad input comes back as messages, never as a thrown error (comlink loses error details).
import { parseScenario, type ValidationMessage } from './scenario/parse';
import type { Scenario } from './scenario/schema';
import type { Result } from './result/types';
import { solveScenario, type SolveOptions } from './solve';

export type { Scenario, ScenarioInput } from './scenario/schema';
export type { Result } from './result/types';
export type { ValidationMessage } from './scenario/parse';
export type { SolveOptions } from './solve';

export type Checked<T> = { ok: true; value: T } | { ok: false; errors: ValidationMessage[] };

/** Validate a scenario (any JSON value), applying defaults. */
export function validate(input: unknown): Checked<Scenario> {
  const r = parseScenario(input);
  return r.ok ? { ok: true, value: r.scenario } : { ok: false, errors: r.errors };
}

/** Validate and solve. */
export function solve(input: unknown, options: SolveOptions = {}): Checked<Result> {
  const r = parseScenario(input);
  if (!r.ok) return { ok: false, errors: r.errors };
  return { ok: true, value: solveScenario(r.scenario, options) };
}
