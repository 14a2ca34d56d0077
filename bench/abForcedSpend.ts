// A/B of forcedSpend's solve on Crespo's city under the clock, cold (kept pass forgotten before
// each solve): the engine's (src/engine/regimes/forcedSpend.ts) against the previous pass kept in
// test/engine/naive/forcedSpendResume.ts, alternating in one process, each budget's fastest of
// `reps`. Checks the two agree bit for bit on every budget it times.
// Usage: npx tsx bench/abForcedSpend.ts [reps=15] [stride=250] [only=before|after] (one side per
// process avoids one JIT state weighing on both: run it alternately for an A/B under load).
import { performance } from 'node:perf_hooks';
import { readFileSync } from 'node:fs';
import { ScenarioSchema } from '../src/engine/scenario/schema';
import { prepare } from '../src/engine/solve';
import { buildRanking } from '../src/engine/regimes/ranking';
import { forcedSpend, forgetForcedSpendMemo } from '../src/engine/regimes/forcedSpend';
import { forcedSpendResume, forgetForcedSpendResumeMemo } from '../test/engine/naive/forcedSpendResume';

const [reps = 15, stride = 250] = process.argv.slice(2, 4).map(Number);
const only = process.argv[4] as 'before' | 'after' | undefined;
const sides = only ? [only] : (['before', 'after'] as const);
const s = ScenarioSchema.parse(
  JSON.parse(readFileSync(new URL('../src/presets/crespo-city-clock.scenario.json', import.meta.url), 'utf8')),
);
const prep = prepare(s, true);
const ranking = buildRanking(prep.pop, 'arrival', s.seed, 0);
const budgets: number[] = [];
for (let b = 0; b <= 7000; b += stride) budgets.push(b);
const inputs = budgets.map((budget) => ({ pop: prep.pop, dec: prep.dec, kindOf: prep.kindOf!, ranking, budget }));
const fns = {
  before: (i: (typeof inputs)[0]) => (forgetForcedSpendResumeMemo(), forcedSpendResume(i)),
  after: (i: (typeof inputs)[0]) => (forgetForcedSpendMemo(), forcedSpend(i)),
};
for (const i of inputs) {
  const a = JSON.stringify(fns.before(i), (_k, v: unknown) => (typeof v === 'number' ? `${Object.is(v, -0) ? '-0' : v}` : v));
  const b = JSON.stringify(fns.after(i), (_k, v: unknown) => (typeof v === 'number' ? `${Object.is(v, -0) ? '-0' : v}` : v));
  if (a !== b) throw new Error(`budget ${i.budget}: ${a} ≠ ${b}`);
}
const best = { before: inputs.map(() => Infinity), after: inputs.map(() => Infinity) };
for (let r = 0; r < reps; r++)
  for (const name of sides)
    inputs.forEach((i, k) => {
      const t0 = performance.now();
      fns[name](i);
      best[name][k] = Math.min(best[name][k], performance.now() - t0);
    });
for (const name of sides) {
  const t = best[name];
  const sorted = [...t].sort((x, y) => x - y);
  const w = t.indexOf(sorted[sorted.length - 1]);
  console.log(
    `${name}: worst ${sorted[sorted.length - 1].toFixed(3)} ms (B = ${budgets[w]}), median ${sorted[(sorted.length - 1) >> 1].toFixed(3)} ms, B=0 ${t[0].toFixed(3)}, B=7000 ${t[t.length - 1].toFixed(3)}`,
  );
}
