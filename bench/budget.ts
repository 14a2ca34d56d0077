// Budget sweep: every regime on Crespo's city (src/presets/crespo-city-*.json, plus the same city
// under noPlea and the lottery), solved for budgets 0..N; the worst and median solve over the sweep.
import { performance } from 'node:perf_hooks';
import { readFileSync } from 'node:fs';
import { ScenarioSchema, type ScenarioInput } from '../src/engine/scenario/schema';
import { solveScenario, type SolveOptions } from '../src/engine/solve';

const presetDir = new URL('../src/presets/', import.meta.url);
const preset = (name: string): ScenarioInput =>
  JSON.parse(readFileSync(new URL(`crespo-city-${name}.scenario.json`, presetDir), 'utf8')) as ScenarioInput;

export function budgetSweepScenarios(): { label: string; input: ScenarioInput }[] {
  const pub = preset('public');
  const withRegime = (regime: 'noPlea' | 'lottery'): ScenarioInput => ({
    ...pub,
    prosecutor: { ...pub.prosecutor, regime, ranking: 'arrival' },
  });
  return [
    { label: 'priority optimal, public', input: pub },
    { label: 'priority optimal, secret', input: preset('secret') },
    { label: 'priority arrival', input: preset('arrival') },
    { label: 'forcedSpend arrival', input: preset('clock') },
    { label: 'noPlea', input: withRegime('noPlea') },
    { label: 'lottery', input: withRegime('lottery') },
  ];
}

export interface SweepFigures {
  label: string;
  n: number;
  budgets: number;
  worstMs: number;
  worstBudget: number;
  medianMs: number;
  /** Budgets timed again after the reps (their fastest time above 1.2× the median). */
  retimed: number;
}

/**
 * Each budget 0..N (every `stride`-th, always including 0 and N) is solved `reps` times (the
 * sweep repeated `reps` times) and its fastest time kept (the machine is shared: the minimum is the solve's own cost). `before` runs
 * untimed before each solve (W7's cold forcedSpend line forgets the kept backward pass there).
 * `retime` more passes (at most) then go over only the budgets whose fastest time is still above
 * 1.2× the line's median, each budget's fastest time again kept (see below).
 */
export function sweepBudgets(
  label: string,
  input: ScenarioInput,
  o: { stride: number; reps: number; options: SolveOptions; before?: () => void; retime?: number },
): SweepFigures {
  const base = ScenarioSchema.parse(input);
  const N = base.groups.reduce((a, g) => a + g.count, 0);
  const budgets: number[] = [];
  for (let b = 0; b <= N; b += o.stride) budgets.push(b);
  if (budgets[budgets.length - 1] !== N) budgets.push(N);
  const scenarios = budgets.map((budget) => ({ ...base, prosecutor: { ...base.prosecutor, budget } }));
  // Warm-up: the whole line once, untimed, exactly as it is timed (`before` included). A warm-up
  // on a few small budgets only left V8 compiling the paths of the larger ones inside the timed
  // solves: forcedSpend's cold line read 1.3–1.7 ms a solve where the same solves, warm, take
  // 0.7–0.9 ms (every budget's best of 30: 0.27 ms at B = 0, 0.72 ms at B = 7,000).
  /** One solve of budget i as the line runs it (`before` first), untimed. */
  const solve = (i: number) => {
    o.before?.();
    solveScenario(scenarios[i], o.options);
  };
  const times = scenarios.map(() => Infinity);
  /** One timed solve of budget i: its fastest time kept. */
  const time = (i: number) => {
    o.before?.();
    const t0 = performance.now();
    solveScenario(scenarios[i], o.options);
    times[i] = Math.min(times[i], performance.now() - t0);
  };
  const median = (ts: number[]) => [...ts].sort((a, b) => a - b)[Math.floor((ts.length - 1) / 2)];
  scenarios.forEach((_s, i) => solve(i));
  // The reps go over the whole sweep in turn rather than one budget three times in a row: a burst
  // of load on the shared machine then slows one rep of a few budgets, not all of theirs.
  // Each rep starts a different number of untimed solves later (13 more each): a solve's
  // allocations repeat rep after rep, so without the shift a young-generation collection (one
  // every ~230 forcedSpend solves) lands in the same budget's solve in every rep, and the minimum
  // kept its 0.6–0.9 ms (the worst budget was then a collection's, not a budget's).
  for (let r = 0; r < o.reps; r++) {
    for (let k = 0; k < 13 * r; k++) solve(k % scenarios.length);
    scenarios.forEach((_s, i) => time(i));
  }
  // The machine's speed swings, not the solve's: on the shared 2-core machine a fixed arithmetic
  // loop timed between forcedSpend solves slowed 1.3–1.5× in the same half-seconds as the solves
  // (correlation 0.69 over 40 half-second windows, 21:15 UTC, load 7), and the solve's CPU time
  // rose with its wall time (no preemption: the other core's load slows this one's work), in
  // stretches of seconds: a budget's 3 reps, a pass apart, can all land in such stretches. The
  // budgets whose fastest time is above 1.2× the median are timed again, pass after pass over
  // those only (at most `retime` passes): a budget whose own solve is slow keeps its time, one the
  // machine slowed gets the time its solve takes. `retimed` counts them after the reps.
  let retimed = 0;
  for (let p = 0; p < (o.retime ?? 0); p++) {
    const med = median(times);
    const slow: number[] = [];
    times.forEach((t, i) => {
      if (t > 1.2 * med) slow.push(i);
    });
    if (p === 0) retimed = slow.length;
    if (slow.length === 0) break;
    for (const i of slow) time(i);
  }
  let worst = 0;
  for (let i = 1; i < times.length; i++) if (times[i] > times[worst]) worst = i;
  return {
    retimed,
    label,
    n: N,
    budgets: budgets.length,
    worstMs: times[worst],
    worstBudget: budgets[worst],
    medianMs: median(times),
  };
}
