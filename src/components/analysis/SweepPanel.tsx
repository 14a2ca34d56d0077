// The lever sweep: pick a field and a range, run the scenario at every value across the worker
// pool, and read how the outcomes change and from where the strike succeeds. With a pinned
// scenario both are swept: A (pinned) and B (current).
import { useEffect, useId, useMemo, useState } from 'react';
import type { SweepView } from '../../app/link';
import { SweepChart } from '../../charts/sweep/Chart';
import { sweepSides } from '../../charts/sweep/data';
import { ExportableFigure } from '../export/ExportableFigure';
import { useChartHeight } from '../../app/textSize';
import { sweepSettings, type SweepSpecText } from '../../figure/settings';
import { scenarioIdentity } from '../../figure/meta';
import { fmt } from '../../charts/common/fields';
import { runSweep, type SweepOutput } from '../../client/batch';
import { useEnginePool } from '../../client/react';
import {
  DEFAULT_CRITERION,
  type OutcomeKey,
  type SuccessCriterion,
} from '../../engine';
import {
  FieldSelect,
  NumberInput,
  RunShell,
  plural,
  useAutorun,
  useAxis,
  useBatchJob,
} from './controls';
import {
  SWEEP_OUTCOMES,
  formatDuration,
  gridValues,
  parseNumber,
  chartField,
  scenarioKey,
  sweepFields,
  sweepSentence,
  valueWithUnit,
  type SweepField,
} from './model';

export interface SweepPanelProps {
  /** The last valid scenario (JSON). */
  scenario: unknown;
  /** A pinned scenario to compare with (swept too, as A), or null. */
  pinned?: unknown;
  /** Settings to start from (a link); a sweep that was run is run again. */
  initial?: SweepView;
  /** Called with the settings whenever they change (the link keeps them). */
  onView?: (v: SweepView) => void;
}

const DEFAULT_FIELD = 'groups[*].pledgedShareOfRest';
const MAX_STEPS = 500;

interface SweepRun {
  field: SweepField;
  /** The swept range as asked for (points may be skipped at either end). */
  range: [number, number];
  current: SweepOutput;
  pinned: SweepOutput | null;
  criterion: SuccessCriterion;
  points: number;
  workers: number;
  /** The settings as asked for (the command line's --sweep). */
  spec: SweepSpecText;
  scenario: unknown;
  /** The pinned scenario A that was swept too, or null. */
  pinnedScenario: unknown;
}

export function SweepPanel({ scenario, pinned = null, initial, onView }: SweepPanelProps) {
  const id = useId();
  const pool = useEnginePool();
  const hasPinned = pinned !== null && pinned !== undefined;
  const [criterion, setCriterion] = useState<SuccessCriterion>(
    initial?.criterion ?? DEFAULT_CRITERION,
  );
  const key = useMemo(
    () =>
      `${scenarioKey(scenario)}\u0000${hasPinned ? scenarioKey(pinned) : ''}\u0000${JSON.stringify(criterion)}`,
    [scenario, pinned, hasPinned, criterion],
  );
  const fields = useMemo(() => sweepFields(scenario), [scenario]);
  const axis = useAxis(fields, DEFAULT_FIELD, initial);
  const { field, from, to, lo, hi } = axis;
  const [steps, setSteps] = useState(initial?.steps ?? '20');
  const [outcomes, setOutcomes] = useState<OutcomeKey[]>(initial?.outcomes ?? ['takeRatio']);
  const job = useBatchJob<SweepRun>(key);
  const { state } = job;

  const n = parseNumber(steps);
  const stepsOk = n !== null && Number.isInteger(n) && n >= 1 && n <= MAX_STEPS;
  const problems = [
    lo === null ? 'From must be a number.' : '',
    hi === null ? 'To must be a number.' : '',
    stepsOk ? '' : `Steps must be a whole number from 1 to ${MAX_STEPS}.`,
    outcomes.length === 0 ? 'Pick at least one outcome to plot.' : '',
    scenario === null || scenario === undefined ? 'There is no valid scenario to sweep.' : '',
  ].filter(Boolean);
  const values = useMemo(
    () =>
      lo !== null && hi !== null && stepsOk && field ? gridValues(lo, hi, n, field.integer) : [],
    [lo, hi, n, stepsOk, field],
  );

  const run = () => {
    if (!field || problems.length > 0) return;
    const input = scenario;
    const pin = hasPinned ? pinned : null;
    const f = field;
    const xs = values;
    const c = criterion;
    const spec: SweepSpecText = {
      field: f.path,
      from: lo as number,
      to: hi as number,
      steps: n as number,
    };
    job.start(async ({ signal, onProgress }) => {
      const parts = pin === null ? 1 : 2;
      const done = [0, 0];
      const report = (i: number) => (p: number) => {
        done[i] = p;
        onProgress((done[0] + done[1]) / parts);
      };
      const [current, pinnedResult] = await Promise.all([
        runSweep(pool, input, f.path, xs, { signal, onProgress: report(0), criterion: c }),
        pin === null
          ? Promise.resolve(null)
          : runSweep(pool, pin, f.path, xs, { signal, onProgress: report(1), criterion: c }),
      ]);
      return {
        field: f,
        range: [Math.min(...xs), Math.max(...xs)] as [number, number],
        current,
        pinned: pinnedResult,
        criterion: c,
        points: xs.length * parts,
        workers: pool.size,
        spec,
        scenario: input,
        pinnedScenario: pin,
      };
    });
  };

  const running = state.status === 'running' && state.key === key;
  const stale = state.status !== 'idle' && state.key !== key;
  const done = state.status === 'done' && !stale ? state : null;

  // The link keeps the settings (and whether a sweep was run with them).
  const ran = done !== null || running;
  const fieldPath = field?.path ?? '';
  useEffect(() => {
    onView?.({ field: fieldPath, from, to, steps, outcomes, criterion, ran });
  }, [onView, fieldPath, from, to, steps, outcomes, criterion, ran]);
  // A link that holds a run sweep runs it again, once.
  useAutorun(initial?.ran, problems.length === 0, run);

  const form = (
    <>
      <FieldSelect
        id={`${id}-field`}
        label="Field to sweep"
        fields={fields}
        value={field?.path ?? ''}
        onChange={axis.setPath}
      />
      <NumberInput
        id={`${id}-from`}
        label="From"
        unit={field?.unit}
        value={from}
        invalid={lo === null}
        onChange={axis.setFrom}
      />
      <NumberInput
        id={`${id}-to`}
        label="To"
        unit={field?.unit}
        value={to}
        invalid={hi === null}
        onChange={axis.setTo}
      />
      <NumberInput
        id={`${id}-steps`}
        label="Steps"
        value={steps}
        step={1}
        invalid={!stepsOk}
        onChange={setSteps}
      />
      <fieldset className="ha-outcomes">
        <legend>Outcomes to plot</legend>
        {SWEEP_OUTCOMES.map((o) => (
          <label key={o.key} className="ha-check">
            <input
              type="checkbox"
              checked={outcomes.includes(o.key)}
              onChange={(e) => {
                const on = e.currentTarget.checked;
                setOutcomes((prev) =>
                  SWEEP_OUTCOMES.map((x) => x.key).filter((k) =>
                    k === o.key ? on : prev.includes(k),
                  ),
                );
              }}
            />{' '}
            {o.label}
          </label>
        ))}
      </fieldset>
    </>
  );

  return (
    <RunShell
      id={id}
      title="Lever sweep"
      help={
        <>
          Solve the scenario at evenly spaced values of one field and see how the outcome changes.
          {hasPinned
            ? ' The pinned scenario is swept too: A is the pinned one, B the current one.'
            : ''}
        </>
      }
      what="sweep"
      onRun={run}
      fields={form}
      criterion={criterion}
      onCriterion={setCriterion}
      runLabel="Run sweep"
      bench="run-sweep"
      problems={problems}
      count={
        values.length > 0
          ? `${plural(values.length * (hasPinned ? 2 : 1), 'point')} on ${plural(pool.size, 'worker')}`
          : ''
      }
      state={state}
      onCancel={job.cancel}
      running={running}
      stale={stale}
      progress={running ? { label: 'Sweep progress', detail: 'sweeping…' } : null}
      result={
        done ? (
          <p className="ha-result" data-testid="sweep-result">
            {hasPinned && done.value.pinned ? <strong>B (current): </strong> : null}
            {sweepSentence(done.value.current.points, done.value.field, {
              range: done.value.range,
              skipped: done.value.current.skipped.length,
              criterion: done.value.criterion,
            })}
            {done.value.pinned ? (
              <>
                {' '}
                <strong>A (pinned): </strong>
                {sweepSentence(done.value.pinned.points, done.value.field, {
                  range: done.value.range,
                  skipped: done.value.pinned.skipped.length,
                  criterion: done.value.criterion,
                })}
              </>
            ) : null}
          </p>
        ) : null
      }
    >
      {done ? <SweepResultView run={done.value} ms={done.ms} outcomes={outcomes} /> : null}
    </RunShell>
  );
}

export const titleOf = (s: unknown): string =>
  String((s as { title?: unknown } | null)?.title ?? 'scenario');

const chartable = (r: SweepOutput): SweepOutput => ({ ...r, field: chartField(r.field) });

function SweepResultView({
  run,
  ms,
  outcomes,
}: {
  run: SweepRun;
  ms: number;
  outcomes: OutcomeKey[];
}) {
  const { current, pinned, field } = run;
  // In projector mode each chart takes most of the window's height.
  const chartH = useChartHeight(320);
  // A = pinned, B = current; a side with no valid point is left out.
  const { a, b } = sweepSides(current, pinned);
  // The pinned A, by its content hash, in the metadata of a figure that draws both curves.
  const pinnedHash = useMemo(() => (b && run.pinnedScenario ? (scenarioIdentity(run.pinnedScenario)?.sha256 ?? '') : undefined), [b, run.pinnedScenario]);
  const skipped = [
    ...(pinned?.skipped.map((s) => ({ ...s, which: 'A (pinned)' })) ?? []),
    ...current.skipped.map((s) => ({ ...s, which: pinned ? 'B (current)' : '' })),
  ];
  const hasPoints = a.points.length > 0;
  return (
    <div className="ha-output" data-bench="sweep-done">
      <p className="ha-meta">
        {field.label}: {plural(run.points, 'point')} in {formatDuration(ms)} on{' '}
        {plural(run.workers, 'worker')}.
        {b ? ' Series A is the pinned scenario, B the current one.' : ''}
      </p>
      {hasPoints
        ? outcomes.map((o) => (
            <div key={o} className="ha-chart">
              <ExportableFigure
                scenario={run.scenario}
                name={`${titleOf(run.scenario)} sweep ${o}`}
                settings={sweepSettings(run.spec, o, pinnedHash)}
              >
                <SweepChart
                  sweep={chartable(a)}
                  compare={b && chartable(b)}
                  outcome={o}
                  height={chartH}
                />
              </ExportableFigure>
            </div>
          ))
        : null}
      {skipped.length > 0 ? (
        <p className="ha-meta">
          Skipped, for example at {field.phrase} {valueWithUnit(skipped[0].x, field.unit)}:{' '}
          {skipped[0].message}
        </p>
      ) : null}
      {skipped.length > 0 ? (
        <details className="ha-skipped" open={skipped.length <= 5}>
          <summary>{plural(skipped.length, 'point')} skipped: not valid scenarios</summary>
          <ul>
            {skipped.map((s) => (
              <li key={`${s.which}${s.x}`}>
                {s.which ? `${s.which}, ` : ''}
                {field.phrase} {valueWithUnit(s.x, field.unit)}: {s.message}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      {!hasPoints ? (
        <p>No point in this range is a valid scenario ({fmt(skipped.length)} skipped).</p>
      ) : null}
    </div>
  );
}
