// The phase diagram: two fields on a grid, solved across the worker pool coarse-first (a stride-8
// picture first, then finer), with the boundary where the strike succeeds.
import { useEffect, useId, useMemo, useState } from 'react';
import type { PhaseView } from '../../app/link';
import { PhaseChart } from '../../charts/phase/Chart';
import { ExportableFigure } from '../export/ExportableFigure';
import { useChartHeight } from '../../app/textSize';
import { phaseSettings, type PhaseSpecText } from '../../figure/settings';
import { titleOf } from './SweepPanel';
import { fmt } from '../../charts/common/fields';
import { runPhase } from '../../client/batch';
import { useEnginePool } from '../../client/react';
import {
  DEFAULT_CRITERION,
  type OutcomeKey,
  type PhaseResult,
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
  PHASE_OUTCOMES,
  chartField,
  formatDuration,
  gridValues,
  phaseSentence,
  scenarioKey,
  sweepFields,
  type SweepField,
} from './model';

export interface PhasePanelProps {
  /** The last valid scenario (JSON). */
  scenario: unknown;
  /** Settings to start from (a link); a diagram that was run is run again. */
  initial?: PhaseView;
  /** Called with the settings whenever they change (the link keeps them). */
  onView?: (v: PhaseView) => void;
}

const DEFAULT_X = 'groups[*].pledgedShareOfRest';
const DEFAULT_Y = 'prosecutor.budget';
/** Under the docket the default diagram is pledged share × weekly capacity (the budget is unused). */
const DEFAULT_Y_DOCKET = 'docket.capacity';
export const RESOLUTIONS = [16, 32, 64] as const;
const LEVEL_NAMES = [
  'coarse (every 8th point)',
  'every 4th point',
  'every 2nd point',
  'every point',
];

/**
 * While the diagram refines, a new preview redraws the whole chart: at most one every this many
 * ms (the pool reports every 150 ms and at each finished level); the first preview and the
 * finished diagram are drawn at once (issue 12, long tasks on the main thread).
 */
export const PREVIEW_MS = 300;

/**
 * `value`, a new one shown at most every `ms`: at once when `now` (the finished diagram), when
 * there is none (a new run), and for the first after one; later ones wait their turn, the
 * latest wins.
 */
function usePaced<T>(value: T | undefined, now: boolean, ms: number): T | undefined {
  const [paced, setPaced] = useState<{ v: T | undefined; at: number }>({ v: undefined, at: -Infinity });
  const immediate = now || value === undefined;
  useEffect(() => {
    if (paced.v === value) return;
    if (immediate) {
      if (value === undefined) setPaced({ v: undefined, at: -Infinity });
      return;
    }
    const t = setTimeout(
      () => setPaced({ v: value, at: performance.now() }),
      Math.max(0, paced.at + ms - performance.now()),
    );
    return () => clearTimeout(t);
  }, [value, immediate, paced, ms]);
  return immediate ? value : paced.v;
}

interface PhaseRun {
  phase: PhaseResult;
  x: SweepField;
  y: SweepField;
  workers: number;
  criterion: SuccessCriterion;
  /** The settings as asked for (the command line's --phase) and the scenario computed. */
  spec: PhaseSpecText;
  scenario: unknown;
}

export function PhasePanel({ scenario, initial, onView }: PhasePanelProps) {
  const id = useId();
  const pool = useEnginePool();
  // In projector mode the diagram takes most of the window's height.
  const phaseH = useChartHeight(520);
  const [criterion, setCriterion] = useState<SuccessCriterion>(initial?.criterion ?? DEFAULT_CRITERION);
  const key = useMemo(
    () => `${scenarioKey(scenario)}\u0000${JSON.stringify(criterion)}`,
    [scenario, criterion],
  );
  const fields = useMemo(() => sweepFields(scenario), [scenario]);
  // Until the user picks a field, each axis follows its default (y's changes with the regime).
  const x = useAxis(fields, DEFAULT_X, initial?.x);
  const docket =
    (scenario as { prosecutor?: { regime?: unknown } } | null)?.prosecutor?.regime === 'docket';
  const y = useAxis(fields, docket ? DEFAULT_Y_DOCKET : DEFAULT_Y, initial?.y);
  const [resolution, setResolution] = useState<number>(initial?.res ?? 32);
  const [outcome, setOutcome] = useState<OutcomeKey>(initial?.outcome ?? 'takeRatio');
  const job = useBatchJob<PhaseRun>(key);
  const { state } = job;

  const problems = [
    x.lo === null || x.hi === null ? 'The x range needs two numbers.' : '',
    y.lo === null || y.hi === null ? 'The y range needs two numbers.' : '',
    x.field && y.field && x.field.path === y.field.path ? 'Pick two different fields.' : '',
    scenario === null || scenario === undefined ? 'There is no valid scenario to compute.' : '',
  ].filter(Boolean);

  const run = () => {
    if (
      !x.field ||
      !y.field ||
      problems.length > 0 ||
      x.lo === null ||
      x.hi === null ||
      y.lo === null ||
      y.hi === null
    )
      return;
    const xf = x.field;
    const yf = y.field;
    const xs = gridValues(x.lo, x.hi, resolution - 1, xf.integer);
    const ys = gridValues(y.lo, y.hi, resolution - 1, yf.integer);
    const input = scenario;
    const o = outcome;
    const c = criterion;
    const spec: PhaseSpecText = {
      x: { field: xf.path, from: x.lo, to: x.hi },
      y: { field: yf.path, from: y.lo, to: y.hi },
      res: resolution,
    };
    job.start(async ({ signal, onProgress, onPartial }) => {
      const workers = pool.size;
      const phase = await runPhase(
        pool,
        input,
        { xField: xf.path, xs, yField: yf.path, ys, outcome: o },
        {
          signal,
          onProgress,
          criterion: c,
          onUpdate: (p) =>
            onPartial({ phase: p, x: xf, y: yf, workers, criterion: c, spec, scenario: input }),
        },
      );
      return { phase, x: xf, y: yf, workers, criterion: c, spec, scenario: input };
    });
  };

  const stale = state.status !== 'idle' && state.key !== key;
  const running = state.status === 'running' && !stale ? state : null;
  const done = state.status === 'done' && !stale ? state : null;
  const shown = done?.value ?? running?.partial ?? null;
  // The chart's input changes with the diagram only, not with each progress report (a new object
  // each render would redraw the whole chart per report; issue 12, long tasks).
  const shownPhase = usePaced(shown?.phase, done !== null, PREVIEW_MS);
  const chartPhase = useMemo(
    () =>
      shownPhase
        ? { ...shownPhase, xField: chartField(shownPhase.xField), yField: chartField(shownPhase.yField) }
        : null,
    [shownPhase],
  );

  // The link keeps the settings (and whether the diagram was run with them).
  const ran = done !== null || running !== null;
  const xPath = x.field?.path ?? '';
  const yPath = y.field?.path ?? '';
  useEffect(() => {
    onView?.({
      x: { field: xPath, from: x.from, to: x.to },
      y: { field: yPath, from: y.from, to: y.to },
      res: resolution,
      outcome,
      criterion,
      ran,
    });
  }, [onView, xPath, yPath, x.from, x.to, y.from, y.to, resolution, outcome, criterion, ran]);
  useAutorun(initial?.ran, problems.length === 0, run);

  const form = (
    <>
      <fieldset className="ha-axis">
        <legend>Across (x)</legend>
        <FieldSelect
          id={`${id}-x`}
          label="Field across (x)"
          fields={fields}
          value={x.field?.path ?? ''}
          onChange={x.setPath}
        />
        <NumberInput
          id={`${id}-x-from`}
          label="x from"
          unit={x.field?.unit}
          value={x.from}
          invalid={x.lo === null}
          onChange={x.setFrom}
        />
        <NumberInput
          id={`${id}-x-to`}
          label="x to"
          unit={x.field?.unit}
          value={x.to}
          invalid={x.hi === null}
          onChange={x.setTo}
        />
      </fieldset>
      <fieldset className="ha-axis">
        <legend>Up (y)</legend>
        <FieldSelect
          id={`${id}-y`}
          label="Field up (y)"
          fields={fields}
          value={y.field?.path ?? ''}
          onChange={y.setPath}
        />
        <NumberInput
          id={`${id}-y-from`}
          label="y from"
          unit={y.field?.unit}
          value={y.from}
          invalid={y.lo === null}
          onChange={y.setFrom}
        />
        <NumberInput
          id={`${id}-y-to`}
          label="y to"
          unit={y.field?.unit}
          value={y.to}
          invalid={y.hi === null}
          onChange={y.setTo}
        />
      </fieldset>
      <div className="ha-field">
        <label htmlFor={`${id}-res`}>Resolution</label>
        <select
          id={`${id}-res`}
          value={resolution}
          onChange={(e) => setResolution(Number(e.currentTarget.value))}
        >
          {RESOLUTIONS.map((r) => (
            <option key={r} value={r}>
              {r} × {r}
            </option>
          ))}
        </select>
      </div>
      <div className="ha-field">
        <label htmlFor={`${id}-outcome`}>Color shows</label>
        <select
          id={`${id}-outcome`}
          value={outcome}
          onChange={(e) => setOutcome(e.currentTarget.value as OutcomeKey)}
        >
          {PHASE_OUTCOMES.map((o) => (
            <option key={o.key} value={o.key}>
              {o.label}
            </option>
          ))}
        </select>
      </div>
    </>
  );

  return (
    <RunShell
      id={id}
      title="Phase diagram"
      help="Solve the scenario on a grid of two fields and see where the strike succeeds. The picture paints coarse first, then sharpens."
      what="phase diagram"
      onRun={run}
      fields={form}
      criterion={criterion}
      onCriterion={setCriterion}
      runLabel="Run phase diagram"
      bench="run-phase"
      problems={problems}
      count={`${plural(resolution * resolution, 'point')} on ${plural(pool.size, 'worker')}`}
      state={state}
      onCancel={job.cancel}
      running={running !== null}
      stale={stale}
      progress={
        running
          ? {
              label: 'Phase diagram progress',
              detail: running.partial
                ? `showing ${LEVEL_NAMES[running.partial.phase.level] ?? ''}`
                : 'starting…',
            }
          : null
      }
      result={
        done ? (
          <p className="ha-result" data-testid="phase-result">
            {phaseSentence(done.value.phase, done.value.x, done.value.y, done.value.criterion)}
          </p>
        ) : null
      }
    >
      {shown && chartPhase ? (
        <div className="ha-output" data-bench={done ? 'phase-done' : undefined}>
          <p className="ha-meta">
            {done
              ? `${fmt(shown.phase.xs.length)} × ${fmt(shown.phase.ys.length)} grid in ${formatDuration(done.ms)} on ${plural(shown.workers, 'worker')}.`
              : `Preview: ${LEVEL_NAMES[chartPhase.level] ?? ''} computed; the other points show their nearest computed neighbour until they are in.`}
          </p>
          <div className="ha-chart">
            <ExportableFigure
              scenario={shown.scenario}
              name={`${titleOf(shown.scenario)} phase ${shown.phase.outcome}`}
              settings={phaseSettings(shown.spec, shown.phase.outcome)}
            >
              <PhaseChart
                phase={chartPhase}
                contours={done ? 8 : 0}
                height={phaseH}
              />
            </ExportableFigure>
          </div>
        </div>
      ) : null}
    </RunShell>
  );
}
