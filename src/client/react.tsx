// React's view of the engine: a provider (tests inject a pool with fake or in-process workers),
// useEngineJob for any engine function, and useEngineResult for solving a scenario. A job is
// tied to the arguments it was started with: when they change (by identity) the previous job
// is aborted (its worker terminated) and the state is 'running' until the new answer arrives,
// so the screen never shows an answer for arguments that are no longer current.
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import type { Result, ResultScreen, ValidationMessage } from '../engine';
import { enginePool, type EngineApi, type EnginePool } from './engine';
import { isAbortError, type Args, type MethodName, type Returns } from './pool';
import { createCoalescer } from './coalesce';
import { defendantCount, inlineResultScreen, LIGHT_OPTIONS, type InlineScreenAnswer } from './inline';
import { ROWS_ON_SCREEN, rowsFor } from './limits';
import { MAX_RANKS } from '../charts/ladder/data';

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
  | { status: 'running'; progress: unknown; cancel?: () => void }
  | { status: 'done'; value: T }
  /**
   * `retry` runs the same job again (a worker that died twice, a cancelled job); `cancelled`:
   * the user stopped it.
   */
  | { status: 'failed'; message: string; retry?: () => void; cancelled?: boolean };

/** The message of a job the user stopped. */
export const CANCELLED_MESSAGE = 'Stopped. Nothing was computed for this scenario.';

type EngineMethod = MethodName<EngineApi>;

interface Answer {
  args: unknown;
  pool: EnginePool;
  attempt: number;
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
  // Retry: the same arguments, a new attempt (a fresh job).
  const [attempt, setAttempt] = useState(0);
  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  const controllerRef = useRef<AbortController | null>(null);

  useEffect(() => {
    if (args === null) return;
    const controller = new AbortController();
    controllerRef.current = controller;
    const { signal } = controller;
    const settle = (state: JobState<unknown>) => {
      if (!signal.aborted) setAnswer({ args, pool, attempt, state });
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
    return () => {
      if (controllerRef.current === controller) controllerRef.current = null;
      controller.abort();
    };
  }, [method, args, pool, wantsProgress, attempt]);

  // Stop the current job (its worker is terminated) and say so; Retry starts it again.
  const cancel = useCallback(() => {
    const controller = controllerRef.current;
    if (!controller || controller.signal.aborted) return;
    controller.abort();
    setAnswer({
      args,
      pool,
      attempt,
      state: { status: 'failed', message: CANCELLED_MESSAGE, cancelled: true },
    });
  }, [args, pool, attempt]);

  if (args === null) return { status: 'idle' };
  if (!answer || answer.args !== args || answer.pool !== pool || answer.attempt !== attempt)
    return { status: 'running', progress: null, cancel };
  const state = answer.state;
  if (state.status === 'running') return { ...state, cancel };
  if (state.status === 'failed') return { ...state, retry };
  return state as JobState<Returns<EngineApi[M]>>;
}

export type EngineState =
  | { status: 'idle' }
  /** `progress`: the share of Monte Carlo runs done (null before the first report). */
  | { status: 'computing'; progress?: number | null; cancel?: () => void }
  | { status: 'done'; result: Result }
  | { status: 'invalid'; errors: ValidationMessage[] }
  | { status: 'failed'; message: string; retry?: () => void; cancelled?: boolean };

const solvedScenarios = new WeakMap<object, EngineState>();

export function rowsOnScreen(scenario: unknown): 'auto' | 'never' {
  return rowsFor(defendantCount(scenario));
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
  const job = useEngineJob('solve', args, { progress: true });
  if (cached) return cached;
  let state: EngineState;
  switch (job.status) {
    case 'idle':
      return { status: 'idle' };
    case 'running':
      return {
        status: 'computing',
        progress: typeof job.progress === 'number' ? job.progress : null,
        cancel: job.cancel,
      };
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

/** A result screen's state: the solve's state, and, when it is done, the whole screen. */
export interface ScreenState {
  state: EngineState;
  screen: ResultScreen | null;
  /** The number of the current question (increases with every new scenario, and with Retry). */
  seq: number;
  /**
   * While the current scenario computes: the newest answer to an earlier question (a scenario
   * the input has already moved past), which the screen may show meanwhile; `seq` orders it.
   */
  interim: { scenario: unknown; screen: ResultScreen; seq: number } | null;
}

const screenedScenarios = new WeakMap<object, { bins: number; answer: { state: EngineState; screen: ResultScreen | null } }>();

type ScreenArgs = [unknown, { rows: 'auto' | 'never'; bins: number; leaveRowsOut?: boolean }];
type ScreenAnswer = Returns<EngineApi['resultScreen']>;

/**
 * A dragged lever: a scenario that follows another within REST_MS is answered without its rows
 * (the totals and the ladder's bins: what the screen shows), and the rows are asked for once the
 * input rests REST_MS. Only where the ladder draws bins anyway (priority or forcedSpend above
 * LIGHT_FROM ranks, src/charts/ladder/data.ts's MAX_RANKS), so the picture is the same.
 */
export const REST_MS = 250;
const LIGHT_FROM = MAX_RANKS;

function lightEligible(scenario: unknown): boolean {
  const regime = (scenario as { prosecutor?: { regime?: unknown } } | null)?.prosecutor?.regime;
  if (regime !== 'priority' && regime !== 'forcedSpend') return false;
  const n = defendantCount(scenario);
  return n !== null && n > LIGHT_FROM && n <= ROWS_ON_SCREEN;
}

/** The question about `scenario`: light (no rows, the ladder's bins) while a lever moves it. */
function screenOptions(scenario: unknown, light: boolean, bins: number): ScreenArgs[1] {
  return light ? LIGHT_OPTIONS : { rows: rowsOnScreen(scenario), bins };
}

/** A resultScreen answer (a worker's or an inline one) as the screen's state and screen. */
function screenAnswerOf(value: ScreenAnswer | InlineScreenAnswer): { state: EngineState; screen: ResultScreen | null } {
  return value.ok
    ? { state: { status: 'done', result: value.value.result }, screen: value.value }
    : { state: { status: 'invalid', errors: value.errors }, screen: null };
}

/** Keep a scenario's full answer (with its rows): it is not asked again, and Compare A/B shares its result. */
function keepAnswer(scenario: object, bins: number, answer: { state: EngineState; screen: ResultScreen | null }): void {
  screenedScenarios.set(scenario, { bins, answer });
  if (!solvedScenarios.has(scenario)) solvedScenarios.set(scenario, answer.state);
}

/**
 * Everything the Result tab draws for `scenario` (the engine's resultScreen: the result, the
 * kinds, and the ladder's bins or the lottery's threshold counts when the result omits them) in
 * ONE worker job, with progress, Cancel and Retry as useEngineResult. A scenario object already
 * answered is not sent again, and its result is shared with useEngineResult (Compare A/B shows
 * the Result tab's answer without a job of its own). Rows stay in the worker above
 * ROWS_ON_SCREEN defendants.
 *
 * A new scenario does not abort the job running (a dragged slider would terminate a worker per
 * step): jobs are coalesced (src/client/coalesce.ts), one running and the latest waiting, and
 * the answer to a scenario the input has moved past is offered as `interim`. While the input
 * moves (scenarios less than REST_MS apart) a large ladder's answers leave the rows out; the
 * full answer follows when it rests.
 */
export function useEngineResultScreen(
  scenario: unknown,
  bins: number,
  options: { moving?: boolean } = {},
): ScreenState {
  const pool = useEnginePool();
  const isObject = typeof scenario === 'object' && scenario !== null;
  const hit = isObject ? screenedScenarios.get(scenario) : undefined;
  const cached = hit && hit.bins === bins ? hit.answer : undefined;
  const moving = options.moving === true;
  const [attempt, setAttempt] = useState(0);
  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  // The scenario the input rested on (REST_MS without a new one): its rows are asked for.
  const [rested, setRested] = useState<unknown>(null);
  const full = rested === scenario;
  // A moving lever's question on a small scenario: answered here, now, in this render (so in the
  // frame of the input), by the engine function the worker runs (src/client/inline.ts). The
  // worker's question for it would be the moving (light) one: the same arguments.
  const inline = useMemo(() => {
    if (!moving || full || scenario === null || scenario === undefined || cached) return null;
    const light = lightEligible(scenario);
    const answer = inlineResultScreen(scenario, screenOptions(scenario, light, bins));
    return answer ? { answer: screenAnswerOf(answer), light } : null;
  }, [moving, full, scenario, cached, bins]);
  // The question's number, counted in render (by the scenario's identity, the bins, the attempt
  // and whether it rested, so a repeated render keeps it), so an answer can be ordered against
  // what is drawn.
  const question = useRef({ scenario: undefined as unknown, bins: -1, attempt: -1, pool: null as EnginePool | null, full: false, seq: 0 });
  const q = question.current;
  if (q.scenario !== scenario || q.bins !== bins || q.attempt !== attempt || q.pool !== pool || q.full !== full)
    question.current = { scenario, bins, attempt, pool, full, seq: q.seq + 1 };
  const seq = question.current.seq;
  const lastChange = useRef<{ scenario: unknown; at: number }>({ scenario: undefined, at: -Infinity });
  const [last, setLast] = useState<{ seq: number; state: JobState<ScreenAnswer> } | null>(null);
  const [interim, setInterim] = useState<ScreenState['interim']>(null);
  const coalescer = useMemo(
    () =>
      createCoalescer<{ args: ScreenArgs; bins: number; light: boolean }, ScreenAnswer>({
        // A moving lever's (light) job reports no progress: its answer comes within a frame or
        // two, and a progress callback costs a comlink proxy (a MessageChannel, a transferred
        // port, its release) on both threads at every step (issue 12, slider to chart).
        run: ({ args: a, light }, signal, onProgress) =>
          pool.run('resultScreen', a, { signal, onProgress: light ? undefined : onProgress }),
        onProgress: (_a, n, progress) => setLast({ seq: n, state: { status: 'running', progress } }),
        onSettled: ({ args: a, bins: b, light }, n, outcome, latest) => {
          if (!outcome.ok && isAbortError(outcome.error)) return;
          const sc = a[0];
          // A rowless answer is never kept: the scenario's full answer (rows) is.
          if (outcome.ok && !light && typeof sc === 'object' && sc !== null) keepAnswer(sc, b, screenAnswerOf(outcome.value));
          if (latest) {
            setLast({
              seq: n,
              state: outcome.ok
                ? { status: 'done', value: outcome.value }
                : {
                    status: 'failed',
                    message: outcome.error instanceof Error ? outcome.error.message : String(outcome.error),
                  },
            });
          } else if (outcome.ok && outcome.value.ok) {
            const screen = outcome.value.value;
            setInterim((prev) => (prev && prev.seq > n ? prev : { scenario: sc, screen, seq: n }));
          }
        },
      }),
    [pool],
  );
  useEffect(() => () => coalescer.cancel(), [coalescer]);
  useEffect(() => {
    // When the scenario changed last (keyed by it: an effect run twice for one scenario decides the same).
    const now = performance.now();
    const before = lastChange.current;
    if (before.scenario !== scenario) lastChange.current = { scenario, at: now };
    if (scenario === null || scenario === undefined || cached) {
      coalescer.supersede(seq);
      return;
    }
    if (inline) {
      // Answered in render: no worker job. A full answer is kept as a worker's is; a rowless one
      // asks for the rows once the input rests.
      coalescer.supersede(seq);
      if (!inline.light) {
        if (isObject) keepAnswer(scenario, bins, inline.answer);
        return;
      }
      const t = setTimeout(() => setRested(scenario), REST_MS);
      return () => clearTimeout(t);
    }
    const moving =
      !full && before.scenario !== scenario && now - before.at < REST_MS && lightEligible(scenario);
    const args: ScreenArgs = [scenario, screenOptions(scenario, moving, bins)];
    coalescer.submit({ args, bins, light: moving }, seq);
    if (!moving) return;
    const t = setTimeout(() => setRested(scenario), REST_MS);
    return () => clearTimeout(t);
  }, [coalescer, scenario, cached, full, bins, seq, inline, isObject]);

  // Stop the current job (its worker is terminated) and say so; Retry asks again.
  const cancel = useCallback(() => {
    coalescer.cancel();
    setLast({ seq, state: { status: 'failed', message: CANCELLED_MESSAGE, cancelled: true } });
  }, [coalescer, seq]);

  const pending = interim && interim.seq < seq ? interim : null;
  if (scenario === null || scenario === undefined)
    return { state: { status: 'idle' }, screen: null, seq, interim: null };
  if (cached) return { ...cached, seq, interim: null };
  if (inline) return { ...inline.answer, seq, interim: null };
  const job: JobState<ScreenAnswer> =
    last && last.seq === seq ? last.state : { status: 'running', progress: null };
  switch (job.status) {
    case 'idle':
      return { state: { status: 'idle' }, screen: null, seq, interim: null };
    case 'running':
      return {
        state: {
          status: 'computing',
          progress: typeof job.progress === 'number' ? job.progress : null,
          cancel,
        },
        screen: null,
        seq,
        interim: pending,
      };
    case 'failed':
      return { state: { ...job, retry }, screen: null, seq, interim: null };
    case 'done':
      return job.value.ok
        ? { state: { status: 'done', result: job.value.value.result }, screen: job.value.value, seq, interim: null }
        : { state: { status: 'invalid', errors: job.value.errors }, screen: null, seq, interim: null };
  }
}
