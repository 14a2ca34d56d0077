// W7's forcedSpend lines alone (bench/budget.ts's sweep on Crespo's city, clock preset): the cold
// line (every 250th budget, the kept pass forgotten before each solve) and the sweep (every
// budget). Usage: npx tsx bench/profileForcedSpend.ts [coldReps=9] [sweepReps=3] [sweepStride=1]
import { budgetSweepScenarios, sweepBudgets } from './budget';
import { forgetForcedSpendMemo } from '../src/engine/regimes/forcedSpend';

const [coldReps = 9, sweepReps = 3, sweepStride = 1] = process.argv.slice(2).map(Number);
const { input } = budgetSweepScenarios().find((s) => s.label.startsWith('forcedSpend'))!;
const show = (name: string, f: ReturnType<typeof sweepBudgets>) =>
  console.log(`${name}: worst ${f.worstMs.toFixed(3)} ms (B = ${f.worstBudget}), median ${f.medianMs.toFixed(3)} ms over ${f.budgets} budgets`);
if (coldReps > 0)
  show('cold', sweepBudgets('cold', input, { stride: 250, reps: coldReps, options: { rows: 'never' }, before: forgetForcedSpendMemo }));
if (sweepReps > 0) show('sweep', sweepBudgets('sweep', input, { stride: sweepStride, reps: sweepReps, options: { rows: 'never' } }));
