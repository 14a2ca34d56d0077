// The Result tab: quick levers, the totals, and the chart that explains the regime (the
// unraveling ladder, the threshold and Schelling diagrams, or the no-plea summary), the
// distribution over runs, and the "why" panel for a chosen defendant. While a newer scenario
// computes, the previous charts stay, dimmed (aria-busy), never mixed with the new numbers.
import { useCallback, useEffect, useId, useMemo, useState } from 'react';
// The charts by module, not through src/charts/index.ts: the barrel would tie the analysis
// tabs' charts (sweep, phase diagram) to the start-up chunk (issue 12).
import { DistributionChart } from '../../charts/distribution/Chart';
import { LadderChart } from '../../charts/ladder/Chart';
import { SchellingChart, ThresholdChart } from '../../charts/threshold/Chart';
import type { ThresholdSelection } from '../../charts/threshold/data';
import type { KindInfo } from '../../engine';
import { useEngineJob } from '../../client';
import type { DefendantRow, DistributionKey, Result } from '../../engine';
import { DISTRIBUTION_KEYS } from '../../engine';
import type { Scenario, ScenarioInput } from '../../engine';
import { WhyPanel, explainThreshold, type ExplainContext } from '../why';
import { columnLabel, explainContextOf, kindOfRow } from '../../engine';
import { formatNumber } from '../../app/format';
import { useChartHeight } from '../../app/textSize';
import { ChartCard } from './ChartCard';
import { DocketView } from './DocketView';
import { StatusQuoPanel } from './StatusQuo';
import { QuickLevers, useLeverMoving } from './QuickLevers';
import { TotalsPanel } from './Totals';
import type { BundleState, ResultBundle } from './useResultBundle';

export interface ResultTabProps {
  bundle: BundleState;
  /** The current (last valid) scenario's title. */
  title: string;
  draft: ScenarioInput;
  setDraft: (f: (prev: ScenarioInput) => ScenarioInput) => void;
  /** The view to start from (a link): the distribution's total and the defendant explained. */
  initial?: ResultView;
  /** Called with the view whenever it changes (the link keeps it). */
  onView?: (v: ResultView) => void;
}

/** What the Result tab shows besides the scenario, kept in links. */
export interface ResultView {
  /** The distribution over runs: the total drawn (undefined: take). */
  outcome?: DistributionKey;
  /** The defendant explained (the why panel; the Schelling diagram draws his choice). */
  defendant?: number;
}

/** The kind a defendant belongs to: same group, same pledged / never-pleads / covered flags. */
export function kindOf(row: DefendantRow, kinds: readonly KindInfo[] | null): KindInfo | null {
  return kindOfRow(row, kinds);
}

export function explainContext(
  b: ResultBundle,
  row: DefendantRow,
  budgetLeftFromWorker?: number | null,
): ExplainContext {
  return explainContextOf(b.result, b.scenario, row, budgetLeftFromWorker);
}

const DIST_LABELS = Object.fromEntries(
  DISTRIBUTION_KEYS.map((k) => [k, columnLabel(k)]),
) as Record<DistributionKey, string>;

export function ResultTab({ bundle, title, draft, setDraft, initial, onView }: ResultTabProps) {
  const { shown, busy, status, state, version } = bundle;
  const [selectedId, setSelectedId] = useState<number | null>(initial?.defendant ?? null);
  const [distField, setDistField] = useState<DistributionKey>(initial?.outcome ?? 'take');
  // The link keeps the total drawn and the defendant explained.
  useEffect(() => {
    onView?.({ outcome: distField === 'take' ? undefined : distField, defendant: selectedId ?? undefined });
  }, [onView, distField, selectedId]);
  const [askedBy, setAskedBy] = useState<'defendant' | 'rank'>('defendant');
  // The pointer or the focus came to a quick lever: the ladder warms up its moving drawing.
  const [primed, setPrimed] = useState(false);
  const prime = useCallback(() => setPrimed(true), []);
  const [thresholdNote, setThresholdNote] = useState<string | null>(null);
  const select = useCallback((id: number) => {
    setThresholdNote(null);
    setAskedBy('defendant');
    setSelectedId(id);
  }, []);

  const rowsById = useMemo(() => {
    const m = new Map<number, DefendantRow>();
    for (const r of shown?.result.defendants ?? []) m.set(r.id, r);
    return m;
  }, [shown]);
  const idByRank = useMemo(() => {
    const m = new Map<number, number>();
    for (const r of shown?.result.defendants ?? []) if (r.rank !== null) m.set(r.rank, r.id);
    return m;
  }, [shown]);
  // Rows left in the worker (large scenarios): ask it for the one defendant to explain. Not for
  // a moving lever's rowless answer (solved with rows, defendantsOmitted false): its rows follow
  // once the input rests, and a job per step would restart a worker at every step.
  const fetchArgs = useMemo(
    () =>
      shown && selectedId !== null && !shown.result.defendants && shown.result.defendantsOmitted
        ? ([shown.scenario, selectedId] as [unknown, number])
        : null,
    [shown, selectedId],
  );
  const fetched = useEngineJob('defendant', fetchArgs);
  const fetchedValue =
    fetchArgs && fetched.status === 'done' && fetched.value.ok ? fetched.value.value : null;
  const selectedRow =
    selectedId === null ? null : (rowsById.get(selectedId) ?? fetchedValue?.row ?? null);
  const selectedKind = selectedRow && shown ? kindOf(selectedRow, shown.kinds) : null;

  const onThreshold = useCallback(
    (sel: ThresholdSelection) => {
      if (sel.ids.length > 0) {
        select(sel.ids[0]);
        return;
      }
      setSelectedId(null);
      setThresholdNote(
        `${formatNumber(sel.count)} defendant${sel.count === 1 ? '' : 's'} ${sel.count === 1 ? 'refuses' : 'refuse'} once ${formatNumber(sel.threshold)} other${sel.threshold === 1 ? '' : 's'} do.`,
      );
    },
    [select],
  );

  const why =
    shown && selectedRow && selectedKind ? (
      <WhyPanel
        key={selectedRow.id}
        row={selectedRow}
        kind={selectedKind}
        scenario={shown.scenario}
        context={explainContext(shown, selectedRow, fetchedValue?.budgetLeft)}
        N={shown.result.totals.defendants}
        askedBy={askedBy}
        onClose={() => setSelectedId(null)}
      />
    ) : null;

  return (
    <div
      className={busy ? 'result-tab is-busy' : 'result-tab'}
      data-bench="result"
      data-version={version}
      data-busy={busy ? 'true' : 'false'}
      aria-busy={busy}
    >
      <QuickLevers draft={draft} setDraft={setDraft} onPrime={prime} />
      <TotalsPanel
        status={status}
        result={shown?.result ?? null}
        title={title}
        errors={state.status === 'invalid' ? state.errors : []}
        failure={state.status === 'failed' ? state.message : ''}
        progress={state.status === 'computing' ? (state.progress ?? null) : null}
        onCancel={state.status === 'computing' ? state.cancel : undefined}
        onRetry={state.status === 'failed' ? state.retry : undefined}
        cancelled={state.status === 'failed' && state.cancelled === true}
      />
      {shown ? (
        <div className="result-charts">
          <RegimeView
            bundle={shown}
            primed={primed}
            onSelect={select}
            onThreshold={onThreshold}
            selectedRow={selectedRow}
            selectedKind={selectedKind}
            why={why}
            thresholdNote={thresholdNote}
          />
          <StatusQuoPanel scenario={shown.scenario} result={shown.result} />
          {shown.result.totals.defendants > 0 ? (
            <ExplainPicker
              count={shown.result.totals.defendants}
              onPick={select}
              onPickRank={
                idByRank.size > 0
                  ? (rank) => {
                      const id = idByRank.get(rank);
                      if (id === undefined) return;
                      select(id);
                      setAskedBy('rank');
                    }
                  : undefined
              }
            />
          ) : null}
          {shown.result.distribution ? <DistributionSection bundle={shown} field={distField} setField={setDistField} /> : null}
        </div>
      ) : null}
    </div>
  );
}

interface RegimeViewProps {
  bundle: ResultBundle;
  onSelect: (id: number) => void;
  onThreshold: (sel: ThresholdSelection) => void;
  selectedRow: DefendantRow | null;
  selectedKind: KindInfo | null;
  why: React.ReactNode;
  thresholdNote: string | null;
  /** A quick lever is about to move (see LadderChart's primed). */
  primed?: boolean;
}

function RegimeView({
  bundle,
  onSelect,
  onThreshold,
  selectedRow,
  selectedKind,
  why,
  thresholdNote,
  primed = false,
}: RegimeViewProps) {
  const { result, scenario } = bundle;
  const ladderH = useChartHeight(380);
  // While a quick lever moves the ladder paints its dense marks on a canvas (see drawLadder).
  const moving = useLeverMoving();
  if (result.regime === 'priority' || result.regime === 'forcedSpend') {
    const stop = result.totals.stopRank;
    return (
      <>
        <ChartCard
          title="Unraveling ladder"
          name="ladder"
          scenario={scenario}
          result={result}
          hint={
            <>
              Defendants in the order she threatens them; a filled mark is threatened, a hollow one
              is not.{' '}
              {stop === null ? (
                <strong>Every rank is threatened: the strike unravels all the way.</strong>
              ) : (
                <strong>The unraveling stops at rank {formatNumber(stop)}.</strong>
              )}{' '}
              {result.defendants
                ? 'Click a defendant (or focus the chart, move with the arrows and press Enter) to see why.'
                : ''}
            </>
          }
        >
          <LadderChart
            rows={result.defendants}
            bins={result.defendants ? undefined : (bundle.bins ?? [])}
            scenario={scenario}
            kinds={bundle.kinds ?? undefined}
            stopRank={stop}
            regime={result.regime}
            onSelect={result.defendants ? onSelect : undefined}
            height={ladderH}
            moving={moving}
            primed={primed}
          />
        </ChartCard>
        {why}
      </>
    );
  }
  const docket = result.docket;
  if (docket) {
    return <DocketView result={result} docket={docket} scenario={scenario} onSelect={onSelect} why={why} />;
  }
  if (result.regime === 'lottery' && result.lottery) {
    return (
      <LotteryView
        bundle={bundle}
        onThreshold={onThreshold}
        selectedRow={selectedRow}
        selectedKind={selectedKind}
        why={why}
        thresholdNote={thresholdNote}
      />
    );
  }
  return (
    <>
      <NoPleaSummary result={result} scenario={scenario} />
      {why}
    </>
  );
}

function LotteryView({
  bundle,
  onThreshold,
  selectedRow,
  selectedKind,
  why,
  thresholdNote,
}: Omit<RegimeViewProps, 'onSelect'>) {
  const { result, scenario, kinds } = bundle;
  const lottery = result.lottery!;
  const N = result.totals.defendants;
  const compressed = lottery.thresholds ? undefined : bundle.thresholds?.counts;
  // The Schelling view: the selected defendant's kind, else the first defendant's.
  const first = result.defendants?.[0] ?? null;
  const row = selectedRow ?? first;
  const kind = selectedRow ? selectedKind : first ? kindOf(first, kinds) : null;
  const canDrawThresholds = lottery.thresholds !== undefined || compressed !== undefined;
  const thresholdH = useChartHeight(420);
  return (
    <>
      {canDrawThresholds ? (
        <ChartCard
          title="Threshold diagram"
          name="thresholds"
          scenario={scenario}
          result={result}
          hint="How many defendants would refuse if m others refused. Where the curve meets the diagonal is an equilibrium. Click a step (or focus the chart and press Enter) to see who has that threshold and why."
        >
          <ThresholdChart lottery={lottery} N={N} compressed={compressed} onSelect={onThreshold} height={thresholdH} />
        </ChartCard>
      ) : (
        <p className="card">The threshold counts could not be computed for this scenario.</p>
      )}
      {thresholdNote ? (
        <p className="card threshold-note" role="status">
          {thresholdNote}
        </p>
      ) : null}
      {why}
      {row && kind && row.offer !== null ? (
        <ChartCard
          title={`Schelling diagram: defendant ${formatNumber(row.id)}’s choice`}
          name="schelling"
          scenario={scenario}
          result={result}
          settings={selectedRow ? { defendant: selectedRow.id } : undefined}
          hint="His cost of refusing falls as more others refuse (each risks fewer trials); he refuses once it drops below the cost of pleading."
        >
          <SchellingChart kind={kind} offer={row.offer} k={lottery.k} N={N} />
        </ChartCard>
      ) : null}
      {row && kind && !selectedRow ? (
        <p className="muted-note">{explainThreshold(kind, row.offer, lottery.k, N).text}</p>
      ) : null}
    </>
  );
}

function NoPleaSummary({ result, scenario }: { result: Result; scenario: Scenario }) {
  const t = result.totals;
  return (
    <section className="card noplea-summary" aria-label="Outcome without plea bargaining">
      <h3 className="chart-card-title">Without plea bargaining</h3>
      <p>
        No offers are made. With a budget of {formatNumber((scenario.prosecutor.budget ?? 0))} trial unit
        {(scenario.prosecutor.budget ?? 0) === 1 ? '' : 's'}, she tries the {formatNumber(t.trials)}{' '}
        defendant
        {t.trials === 1 ? '' : 's'} whose trials are worth most to her; the other{' '}
        {formatNumber(t.free)} go free.
      </p>
      <div
        className="outcome-bar"
        role="img"
        aria-label={`${formatNumber(t.trials)} tried, ${formatNumber(t.free)} free`}
      >
        <span className="outcome-tried" style={{ flexGrow: t.trials }} />
        <span className="outcome-free" style={{ flexGrow: t.free }} />
      </div>
      <p className="outcome-legend">
        <span className="swatch swatch-tried" aria-hidden="true" /> tried {formatNumber(t.trials)}{' '}
        <span className="swatch swatch-free" aria-hidden="true" /> free {formatNumber(t.free)}
      </p>
      <p>
        The take is {formatNumber(t.take)} years: exactly what her trials alone extract, the
        benchmark every plea regime is measured against.
      </p>
    </section>
  );
}

function ExplainPicker({
  count,
  onPick,
  onPickRank,
}: {
  count: number;
  onPick: (id: number) => void;
  /** Given when the regime ranks defendants (the why panel then says which was asked for). */
  onPickRank?: (rank: number) => void;
}) {
  const uid = useId();
  const [text, setText] = useState('1');
  const [by, setBy] = useState<'defendant' | 'rank'>('defendant');
  const min = 1;
  const max = count;
  const n = Number(text);
  const ok = Number.isInteger(n) && n >= min && n <= max;
  const useRank = by === 'rank' && onPickRank !== undefined;
  return (
    <form
      className="explain-picker"
      onSubmit={(e) => {
        e.preventDefault();
        if (!ok) return;
        if (useRank) onPickRank(n);
        else onPick(n);
      }}
    >
      <span>Why did</span>
      {onPickRank ? (
        <>
          <label htmlFor={`${uid}-by`} className="visually-hidden">
            Ask by
          </label>
          <select id={`${uid}-by`} value={by} onChange={(e) => setBy(e.currentTarget.value as 'defendant' | 'rank')}>
            <option value="defendant">defendant number</option>
            <option value="rank">the defendant at rank</option>
          </select>
        </>
      ) : (
        <span>defendant</span>
      )}
      <label htmlFor={`${uid}-n`} className="visually-hidden">
        {useRank ? 'Rank in her order' : 'Why did defendant'}
      </label>
      <input
        id={`${uid}-n`}
        type="number"
        min={min}
        max={max}
        step={1}
        value={text}
        inputMode="numeric"
        aria-invalid={!ok || undefined}
        onChange={(e) => setText(e.currentTarget.value)}
      />
      <span>do what he did?</span>
      <button type="submit" disabled={!ok}>
        Explain
      </button>
      <span className="muted-note">
        ({useRank ? 'ranks' : 'defendants'} {formatNumber(min)}–{formatNumber(max)}; a defendant’s number is his place in order of
        arrival, his rank his place in her order)
      </span>
    </form>
  );
}

function DistributionSection({
  bundle,
  field,
  setField,
}: {
  bundle: ResultBundle;
  field: DistributionKey;
  setField: (f: DistributionKey) => void;
}) {
  const uid = useId();
  const dist = bundle.result.distribution!;
  return (
    <ChartCard
      title={`Distribution over ${formatNumber(bundle.scenario.runs)} runs`}
      name={`distribution-${field}`}
      scenario={bundle.scenario}
      result={bundle.result}
      settings={{ outcome: field }}
      hint="Each run draws a new random ranking; the bars count runs, the rules mark the mean and the 5th, 50th and 95th percentiles."
      controls={
        <span className="field-inline">
          <label htmlFor={`${uid}-f`}>Total</label>
          <select
            id={`${uid}-f`}
            value={field}
            onChange={(e) => setField(e.currentTarget.value as DistributionKey)}
          >
            {DISTRIBUTION_KEYS.map((k) => (
              <option key={k} value={k}>
                {DIST_LABELS[k]}
              </option>
            ))}
          </select>
        </span>
      }
    >
      <DistributionChart distribution={dist} field={field} />
    </ChartCard>
  );
}
