// React's view of the engine: a provider (tests inject a pool with fake or in-process workers),
// useEngineJob for any engine function, and useEngineResult for solving a scenario. A job is
// tied to the arguments it was started with: when they change (by identity) the previous job
// is aborted (its worker terminated) and the state is 'running' until the new answer arrives,
// so the screen never shows an answer for arguments that are no longer current.
import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Result, ValidationMessage } from '../engine/api';
import { enginePool, type EngineApi, type EnginePool } from './engine';
import { isAbortError, type Args, type MethodName, type Returns } from './pool';

const EngineContext = createContext<EnginePool | null>(null);

export function EngineProvider({ pool, children }: { pool: EnginePool; children: ReactNode }) {
  return <EngineContext.Provider value={pool}>{children}</EngineContext.Provider>;
}

/** The pool from the nearest EngineProvider, else the page's shared pool. */
export function useEnginePool(): EnginePool {
  return useContext(EngineContext) ?? enginePool();
}

export type JobState<T> =
  | { status: 'idle' }
  /** `progress`: the last report of the current job (null before the first). */
  | { status: 'running'; progress: unknown }
  | { status: 'done'; value: T }
  | { status: 'failed'; message: string };

type EngineMethod = MethodName<EngineApi>;

interface Answer {
  args: unknown;
  pool: EnginePool;
  state: JobState<unknown>;
}

/**
 * Run `method(...args)` in a worker. Memoize `args` (useMemo): a new array starts a new job and
 * cancels the old one. Pass null to run nothing. With `progress: true` the method is given a
 * progress callback as its last argument and the state carries its reports.
 */
export function useEngineJob<M extends EngineMethod>(
  method: M,
  args: Args<EngineApi[M]> | null,
  options: { progress?: boolean } = {},
): JobState<Returns<EngineApi[M]>> {
  const pool = useEnginePool();
  const wantsProgress = options.progress === true;
  const [answer, setAnswer] = useState<Answer | null>(null);

  useEffect(() => {
    if (args === null) return;
    const controller = new AbortController();
    const { signal } = controller;
    const settle = (state: JobState<unknown>) => {
      if (!signal.aborted) setAnswer({ args, pool, state });
    };
    pool
      .run(method, args, {
        signal,
        onProgress: wantsProgress
          ? (progress) => settle({ status: 'running', progress })
          : undefined,
      })
      .then(
        (value) => settle({ status: 'done', value }),
        (e: unknown) => {
          if (isAbortError(e)) return;
          settle({ status: 'failed', message: e instanceof Error ? e.message : String(e) });
        },
      );
    return () => controller.abort();
  }, [method, args, pool, wantsProgress]);

  if (args === null) return { status: 'idle' };
  if (!answer || answer.args !== args || answer.pool !== pool)
    return { status: 'running', progress: null };
  return answer.state as JobState<Returns<EngineApi[M]>>;
}

export type EngineState =
  | { status: 'idle' }
  | { status: 'computing' }
  | { status: 'done'; result: Result }
  | { status: 'invalid'; errors: ValidationMessage[] }
  | { status: 'failed'; message: string };

const solvedScenarios = new WeakMap<object, EngineState>();

/**
 * Above this many defendants the per-defendant rows stay in the worker: copying 100,000 row
 * objects to the page costs ~80 ms of main thread per result. Charts then use the engine's
 * ladder bins, and the why panel asks the worker for the one defendant it explains.
 */
export const ROWS_ON_SCREEN = 25_000;

export function rowsOnScreen(scenario: unknown): 'auto' | 'never' {
  const groups = (scenario as { groups?: unknown } | null)?.groups;
  if (!Array.isArray(groups)) return 'auto';
  let n = 0;
  for (const g of groups) n += Number((g as { count?: unknown })?.count) || 0;
  return n > ROWS_ON_SCREEN ? 'never' : 'auto';
}

/**
 * Solve `scenario` (any JSON value; validated in the worker). When `scenario` changes (by
 * identity) the previous job is aborted and the state is 'computing' until the new answer
 * arrives. Pass null for nothing to solve.
 */
export function useEngineResult(scenario: unknown): EngineState {
  // A scenario object already solved (e.g. the Result tab's, shown again by Compare A/B) is not
  // sent to a worker again: results are a pure function of the scenario.
  const cached =
    typeof scenario === 'object' && scenario !== null ? solvedScenarios.get(scenario) : undefined;
  const args = useMemo(
    () =>
      scenario === null || scenario === undefined || cached
        ? null
        : ([scenario, { rows: rowsOnScreen(scenario) }] as [unknown, { rows: 'auto' | 'never' }]),
    [scenario, cached],
  );
  const job = useEngineJob('solve', args);
  if (cached) return cached;
  let state: EngineState;
  switch (job.status) {
    case 'idle':
      return { status: 'idle' };
    case 'running':
      return { status: 'computing' };
    case 'failed':
      return job;
    case 'done':
      state = job.value.ok
        ? { status: 'done', result: job.value.value }
        : { status: 'invalid', errors: job.value.errors };
  }
  if (typeof scenario === 'object' && scenario !== null) solvedScenarios.set(scenario, state);
  return state;
}
