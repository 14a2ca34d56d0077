// A moving quick lever's question answered on the main thread, in the frame of the input that
// asked it (issue 12, "under the hand": p95 ≤ 16 ms from input to painted chart). A worker's
// answer cannot make that frame: Chromium hands a drag's pointer input to the page at the start
// of a frame, the frame paints as soon as the input is handled, and a worker's reply arrives as a
// later task, so it paints one frame later. On a small scenario the engine's answer takes well
// under a millisecond, so here the client asks the engine itself, in the same function the
// worker runs (the engine's `resultScreen`), and the answer is the worker's to the bit.
//
// Only while a lever moves, only for small work (defendants × Monte Carlo runs ≤
// INLINE_MAX_WORK: at most a few milliseconds in every regime, issue 12's W7; and at most
// INLINE_MAX_GROUPS groups), and only while it stays under a frame: when SLOW_AFTER answers in a
// row for scenarios of one shape (regime, ranking, defendants, runs) each took longer than
// INLINE_SLOW_MS, or one took longer than INLINE_LONG_MS, that shape's later questions go to the
// workers (the first answers of a page run before V8 has compiled the engine, and a
// busy machine slows a few, so one slow answer says little). The engine's code is not loaded at
// start: the pointer or the focus coming to a quick lever loads it and warms it up with the
// scenario on screen (prepareInline), and so does a first lever step (until it has loaded, the
// workers answer).
import type { ResultScreen, ValidationMessage } from '../engine';

/** What the engine's resultScreen answers (as the worker does). */
export type InlineScreenAnswer =
  | { ok: true; value: ResultScreen }
  | { ok: false; errors: ValidationMessage[] };

type ResultScreenFn = (
  input: unknown,
  options: { rows?: 'auto' | 'never' | 'always'; bins: number; leaveRowsOut?: boolean },
) => InlineScreenAnswer;

/** The ladder's bins on screen (src/charts/ladder/data.ts: at most 200). */
export const LIGHT_BINS = 200;
/** A moving lever's (light) question: the totals and the ladder's bins, no rows (src/client/react.tsx). */
export const LIGHT_OPTIONS = { rows: 'auto', bins: LIGHT_BINS, leaveRowsOut: true } as const;

/** At most this many defendant-runs (defendants × runs) are answered on the main thread. */
export const INLINE_MAX_WORK = 25_000;
/**
 * And at most this many groups: the answer reads every group (the parse, the kinds), and a
 * 10,000-group scenario of 19,999 defendants took 136 ms on the main thread (W6big).
 */
export const INLINE_MAX_GROUPS = 100;
/** One answer slower than this (a long task) turns inline answers off for its shape at once. */
export const INLINE_LONG_MS = 50;
/** SLOW_AFTER answers in a row slower than this turn inline answers off for their scenario's shape. */
export const INLINE_SLOW_MS = 16;
export const SLOW_AFTER = 8;

let resultScreen: ResultScreenFn | null = null;
let loading: Promise<void> | null = null;
/** By shape: the slow answers in a row (SLOW_AFTER: off). */
const slowByShape = new Map<string, number>();

function shapeOf(scenario: unknown, work: number): string {
  const p = (scenario as { prosecutor?: { regime?: unknown; ranking?: unknown } }).prosecutor;
  const ranking = Array.isArray(p?.ranking) ? 'list' : String(p?.ranking);
  return `${String(p?.regime)}|${ranking}|${work}`;
}

function groupCount(scenario: unknown): number {
  const groups = (scenario as { groups?: unknown } | null)?.groups;
  return Array.isArray(groups) ? groups.length : Infinity;
}

/** A scenario's defendants as sent (its groups' counts summed); null when it has no groups list. */
export function defendantCount(scenario: unknown): number | null {
  const groups = (scenario as { groups?: unknown } | null)?.groups;
  if (!Array.isArray(groups)) return null;
  let n = 0;
  for (const g of groups) n += Number((g as { count?: unknown } | null)?.count) || 0;
  return n;
}

/** The work a scenario's solve does, in defendant-runs (defendants × Monte Carlo runs). */
export function inlineWork(scenario: unknown): number {
  const n = defendantCount(scenario);
  if (n === null) return Infinity;
  const runs = (scenario as { runs?: unknown }).runs;
  return n * (typeof runs === 'number' && runs >= 1 ? runs : 1);
}

/**
 * The answers computed, one a task, to warm the engine up once it has loaded. In Chromium on this
 * machine an answer on Crespo's city took 7 ms first, 0.5–3.5 ms over the next ~30, then 0.3–0.5
 * ms (V8 optimizes its paths as they run): with 3 warm answers a drag's first ~25 steps paid for
 * the rest of that.
 */
export const WARM_ANSWERS = 24;
let warmed = false;

/**
 * Load the engine's code on the main thread (once; a failed load leaves the workers to answer).
 * Resolves when it is loaded or failed. With `warmWith` (the scenario on screen, when the pointer
 * or the focus comes to a quick lever, before it moves), the engine then answers it
 * WARM_ANSWERS times, a task each (about 1 ms), answers nobody uses: V8 compiles the engine's
 * paths on its first answers, so the lever's first steps are answered in their frame too. Once a
 * page; small work only.
 */
export function prepareInline(warmWith?: unknown): Promise<void> {
  const loaded = (loading ??= import('../engine/compute').then(
    (m) => {
      resultScreen = m.resultScreen as ResultScreenFn;
    },
    () => {
      // Offline without the chunk, say: the workers answer every question.
    },
  ));
  if (warmWith !== undefined && !warmed && inlineWork(warmWith) <= INLINE_MAX_WORK && groupCount(warmWith) <= INLINE_MAX_GROUPS) {
    warmed = true;
    void loaded.then(() => warmUp(warmWith, WARM_ANSWERS));
  }
  return loaded;
}

function warmUp(scenario: unknown, left: number): void {
  if (!resultScreen || left <= 0) return;
  setTimeout(() => {
    if (!resultScreen) return;
    resultScreen(scenario, LIGHT_OPTIONS);
    warmUp(scenario, left - 1);
  }, 0);
}

/**
 * The engine's answer for `scenario`, computed now, or null when it is not to be computed here
 * (not loaded yet, too much work, or answers of its shape were found slow).
 */
export function inlineResultScreen(
  scenario: unknown,
  options: { rows: 'auto' | 'never'; bins: number; leaveRowsOut?: boolean },
): InlineScreenAnswer | null {
  const work = inlineWork(scenario);
  if (work > INLINE_MAX_WORK || groupCount(scenario) > INLINE_MAX_GROUPS) return null;
  const shape = shapeOf(scenario, work);
  if ((slowByShape.get(shape) ?? 0) >= SLOW_AFTER) return null;
  if (!resultScreen) {
    void prepareInline();
    return null;
  }
  const t0 = performance.now();
  const answer = resultScreen(scenario, options);
  const ms = performance.now() - t0;
  slowByShape.set(shape, ms > INLINE_LONG_MS ? SLOW_AFTER : ms > INLINE_SLOW_MS ? (slowByShape.get(shape) ?? 0) + 1 : 0);
  return answer;
}

/** Tests: forget the loaded engine and the slow verdict. */
export function resetInline(): void {
  resultScreen = null;
  loading = null;
  warmed = false;
  slowByShape.clear();
}
