// What a tour step draws beside its text: the ladder with the player, the threshold diagram, a
// sweep (already run), the two co-defendants' payoff table, the closing summary. Every figure
// comes from the engine (in the workers); these components only word and draw it.
import { useCallback, useMemo, useState, type Ref } from 'react';
import { LadderChart, SweepChart, ThresholdChart } from '../charts';
import { useEngineJob } from '../client';
import type { Ledger, LedgerFrame, LedgerPart, PayoffTable } from '../engine';
import type { Result } from '../engine';
import type { Scenario, ScenarioInput } from '../engine';
import type { LadderBin, SweepResult } from '../engine';
import { formatNumber } from '../app/format';
import { DocketPlayer } from './docketPlayer';
import { PlayerControls, useFramePlayer, type FramesSource, type PlayerHandle } from './player';
import { SUMMARY_ROWS, resolveScenario, sweepValuesOf, type SummaryRow, type SweepSpec } from './steps';

/** The most frames the player shows: one per rank up to this many defendants, else bins. */
export const MAX_FRAMES = 100;

const n = formatNumber;
const plural = (x: number, one: string, many: string) => `${n(x)} ${x === 1 ? one : many}`;

function sofar(f: LedgerFrame): string {
  return `So far: ${plural(f.pleas, 'plea', 'pleas')}, ${plural(f.trials, 'trial', 'trials')}, ${n(f.free)} free; her take ${n(f.take)} years; budget left ${n(f.budgetLeft)}.`;
}

function fate(p: Pick<LedgerPart, 'outcome' | 'offer'>): string {
  if (p.outcome === 'plea') return `pleads${p.offer === null ? '' : ` at ${n(p.offer)} years`}`;
  if (p.outcome === 'tried') return 'refuses and is tried';
  return 'refuses and goes free';
}

function fatePlural(p: Pick<LedgerPart, 'outcome' | 'offer'>): string {
  if (p.outcome === 'plea') return `plead${p.offer === null ? '' : ` at ${n(p.offer)} years`}`;
  if (p.outcome === 'tried') return 'refuse and are tried';
  return 'refuse and go free';
}

const SUB_WORDS: Record<LedgerPart['sub'], string> = {
  plain: '',
  never: ', who refuses every plea',
  pledgedCovered: ', pledged and covered by the fund',
  pledgedUncovered: ', pledged',
};

function groupName(s: Scenario | null, g: number): string {
  return s?.groups[g]?.label?.trim() || `group ${g + 1}`;
}

/** A sentence for one frame of the ledger (a rank, or a bin of ranks). */
export function describeFrame(l: Ledger, i: number, s: Scenario | null): string {
  const f = l.frames[i];
  if (!f) return '';
  const stopHere = f.stopRank !== null && f.stopRank >= f.rankLo && f.stopRank <= f.rankHi;
  const stop = stopHere ? ` The unraveling stops at rank ${n(f.stopRank!)}: from here on no threat is credible.` : '';
  if (f.rankLo === f.rankHi && f.parts[0]) {
    const p = f.parts[0];
    const threat = p.threatened
      ? `is threatened (budget ${n(f.budgetBefore)} left)`
      : `is not threatened (budget ${n(f.budgetBefore)} left)`;
    return `Rank ${n(f.rankLo)} of ${n(l.N)}: defendant ${n(f.defendant ?? p.firstId)} (${groupName(s, p.group)}${SUB_WORDS[p.sub]}) ${threat} and ${fate(p)}.${stop} ${sofar(f)}`;
  }
  const prev = l.frames[i - 1];
  const d = (k: 'pleas' | 'trials' | 'free') => f[k] - (prev ? prev[k] : 0);
  return `Ranks ${n(f.rankLo)}–${n(f.rankHi)} of ${n(l.N)}: ${n(d('pleas'))} plead, ${n(d('trials'))} tried, ${n(d('free'))} go free.${stop} ${sofar(f)}`;
}

const SUB_WORDS_PLURAL: Record<LedgerPart['sub'], string> = {
  plain: '',
  never: ', who refuse every plea',
  pledgedCovered: ', pledged and covered by the fund',
  pledgedUncovered: ', pledged',
};

/** One sentence per kind of defendant in a bin. */
export function explainPart(p: LedgerPart, s: Scenario | null): string {
  const one = p.count === 1;
  const who = `${plural(p.count, 'defendant', 'defendants')} of ${groupName(s, p.group)}${(one ? SUB_WORDS : SUB_WORDS_PLURAL)[p.sub]}`;
  const why =
    p.outcome === 'plea'
      ? p.threatened
        ? 'threatened with a trial, the plea costs no more than refusing'
        : 'not threatened, yet refusing (detention) costs more than the plea'
      : p.outcome === 'tried'
        ? 'she still has the budget to try them'
        : p.threatened
          ? 'she chooses not to try them'
          : 'she has no budget left to try them';
  return `${who} (first: defendant ${n(p.firstId)}) ${one ? fate(p) : fatePlural(p)}: ${why}.`;
}

function ledgerBins(l: Ledger): LadderBin[] {
  return l.frames.map((f, i) => {
    const prev = l.frames[i - 1];
    return {
      rankLo: f.rankLo,
      rankHi: f.rankHi,
      plea: f.pleas - (prev?.pleas ?? 0),
      tried: f.trials - (prev?.trials ?? 0),
      free: f.free - (prev?.free ?? 0),
      threatened: f.threatened - (prev?.threatened ?? 0),
      budgetAfter: f.budgetLeft,
      fundAfter: f.fundLeft,
    };
  });
}

/** The presenter's type size in px (it scales with the screen). */
function presenterPx(): number {
  const el = typeof document !== 'undefined' ? document.querySelector('.tour-presenter') : null;
  const px = el ? parseFloat(getComputedStyle(el).fontSize) : 16;
  return Number.isFinite(px) && px > 0 ? px : 16;
}

/** Room under the ladder for the data-table toggle, the player, its sentence and the bin line. */
function ladderReserve(binned: boolean, open: boolean): number {
  const em = presenterPx();
  return Math.round(em * (binned ? (open ? 14 : 9.5) : 8));
}

export interface ViewProps {
  doc: ScenarioInput;
  scenario: Scenario | null;
  result: Result | null;
  height: number;
  playerRef?: Ref<PlayerHandle>;
}

export function LadderPlayerView({ doc, scenario, result, height, playerRef, start }: ViewProps & { start: 'first' | 'last' }) {
  const args = useMemo(() => [doc, MAX_FRAMES] as [unknown, number], [doc]);
  const job = useEngineJob('ledger', args);
  const l = job.status === 'done' && job.value.ok ? job.value.value : null;
  const count = l?.frames.length ?? 0;
  const player = useFramePlayer(count, start);
  const [openBin, setOpenBin] = useState<number | null>(null);
  const source: FramesSource = useMemo(
    () => ({
      count,
      describe: (i) => (l ? describeFrame(l, i, scenario) : ''),
      label: (i) => {
        const f = l?.frames[i];
        if (!f || !l) return '';
        return f.rankLo === f.rankHi ? `rank ${n(f.rankLo)} of ${n(l.N)}` : `ranks ${n(f.rankLo)}–${n(f.rankHi)} of ${n(l.N)}`;
      },
    }),
    [l, count, scenario],
  );
  const bins = useMemo(() => (l && l.perFrame > 1 ? ledgerBins(l) : undefined), [l]);
  const frame = l?.frames[player.index];
  const reveal = useMemo(
    () => (frame ? { upTo: frame.rankHi, cursorLo: frame.rankLo, cursorHi: frame.rankHi } : null),
    [frame],
  );
  const { go } = player;
  const onSelectBin = useCallback(
    (i: number) => {
      setOpenBin(i);
      go(i);
    },
    [go],
  );
  const onSelect = useCallback(
    (id: number) => {
      const r = result?.defendants?.find((x) => x.id === id);
      if (r?.rank) go(r.rank - 1);
    },
    [result, go],
  );
  if (!result || !scenario || !l) return <p className="tour-wait">Computing the prosecutor’s pass…</p>;
  const shownBin = openBin !== null ? l.frames[openBin] : null;
  return (
    <div className="tour-ladder">
      <LadderChart
        rows={bins ? undefined : result.defendants}
        bins={bins}
        scenario={scenario}
        stopRank={result.totals.stopRank}
        regime={result.regime}
        reveal={reveal}
        onSelect={bins ? undefined : onSelect}
        onSelectBin={bins ? onSelectBin : undefined}
        height={Math.max(260, height - ladderReserve(bins !== undefined, shownBin !== null))}
      />
      <PlayerControls player={player} source={source} label="The prosecutor’s pass, rank by rank" handle={playerRef} />
      {bins ? (
        <div className="tour-bin">
          {shownBin ? (
            <>
              <p className="tour-bin-title">
                Who is in ranks {n(shownBin.rankLo)}–{n(shownBin.rankHi)}{' '}
                <button type="button" className="tour-link-button" onClick={() => setOpenBin(null)}>
                  Close
                </button>
              </p>
              <ul className="tour-bin-list">
                {shownBin.parts.map((p, i) => (
                  <li key={i}>{explainPart(p, scenario)}</li>
                ))}
              </ul>
            </>
          ) : (
            <button type="button" className="tour-link-button" onClick={() => setOpenBin(player.index)}>
              Who is in ranks {n(frame?.rankLo ?? 1)}–{n(frame?.rankHi ?? 1)}? (or click a bin)
            </button>
          )}
        </div>
      ) : null}
    </div>
  );
}

export function DocketView({ result, height, playerRef }: ViewProps) {
  if (!result?.docket) return <p className="tour-wait">Computing the calendar…</p>;
  // Room under the chart for the data-table toggle, the player and its sentence (up to 4 lines).
  return (
    <DocketPlayer
      docket={result.docket}
      rows={result.defendants}
      start="last"
      playerRef={playerRef}
      height={Math.max(300, height - Math.round(presenterPx() * 8.5))}
    />
  );
}

export function ThresholdView({ result, height }: ViewProps) {
  if (!result?.lottery) return <p className="tour-wait">Computing the equilibria…</p>;
  return <ThresholdChart lottery={result.lottery} N={result.totals.defendants} height={Math.max(300, height - Math.round(presenterPx() * 2.8))} />;
}

/** The sweep jobs of a step (run when the step opens, shared by its chart and its figures). */
export function useStepSweeps(spec: SweepSpec | null, doc: ScenarioInput) {
  const values = useMemo(() => (spec ? sweepValuesOf(spec) : []), [spec]);
  const argsA = useMemo(() => (spec ? ([doc, spec.field, values] as [unknown, string, number[]]) : null), [spec, doc, values]);
  const docB = useMemo(() => (spec?.compare ? resolveScenario(spec.compare) : null), [spec]);
  const argsB = useMemo(
    () => (spec && docB ? ([docB, spec.field, values] as [unknown, string, number[]]) : null),
    [spec, docB, values],
  );
  const a = useEngineJob('sweep', argsA);
  const b = useEngineJob('sweep', argsB);
  return {
    a: a.status === 'done' ? (a.value as SweepResult) : null,
    b: b.status === 'done' ? (b.value as SweepResult) : null,
  };
}

export function SweepView({ spec, a, b, height }: { spec: SweepSpec; a: SweepResult | null; b: SweepResult | null; height: number }) {
  if (!a || (spec.compare && !b)) return <p className="tour-wait">Running the sweep…</p>;
  return (
    <div className="tour-sweep">
      {spec.names ? (
        <p className="tour-series-names">
          {spec.names[0]} · {spec.names[1]}
        </p>
      ) : null}
      <SweepChart sweep={a} compare={b} outcome={spec.outcome} height={Math.max(300, height - Math.round(presenterPx() * (spec.names ? 4.6 : 2.8)))} />
    </div>
  );
}

export function PayoffView({ doc }: ViewProps) {
  const args = useMemo(() => [doc] as [unknown], [doc]);
  const job = useEngineJob('payoffs', args);
  const t: PayoffTable | null = job.status === 'done' && job.value.ok ? job.value.value : null;
  if (!t) return <p className="tour-wait">Computing the payoffs…</p>;
  const cell = (mine: 'plead' | 'refuse', other: 'plead' | 'refuse') => t.cells.find((c) => c.mine === mine && c.other === other)!;
  const both = (x: 'plead' | 'refuse') => t.equilibria.includes(x === 'plead' ? 0 : 2);
  const td = (mine: 'plead' | 'refuse', other: 'plead' | 'refuse') => {
    const c = cell(mine, other);
    const eq = mine === other && both(mine);
    return (
      <td className={`payoff-cell${c.best ? ' is-best' : ''}${eq ? ' is-eq' : ''}`} data-cell={`${mine}-${other}`}>
        <span className="payoff-years">{n(c.years)}</span> <span className="payoff-unit">years</span>
        {c.best ? <span className="payoff-tag">best reply</span> : null}
        {eq ? <span className="payoff-tag payoff-eq">equilibrium</span> : null}
      </td>
    );
  };
  return (
    <figure className="payoff" aria-labelledby="payoff-cap">
      <table className="payoff-table">
        <caption id="payoff-cap">Years you expect, by your choice and your co-defendant’s (plea offer {n(t.offer ?? 0)} years, {plural(t.k, 'trial', 'trials')} for the two of you)</caption>
        <thead>
          <tr>
            <td />
            <th scope="col">Your co-defendant pleads</th>
            <th scope="col">Your co-defendant refuses</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">You plead</th>
            {td('plead', 'plead')}
            {td('plead', 'refuse')}
          </tr>
          <tr>
            <th scope="row">You refuse</th>
            {td('refuse', 'plead')}
            {td('refuse', 'refuse')}
          </tr>
        </tbody>
      </table>
      <figcaption className="payoff-note">
        Refusing alone, you are tried for sure (chance {n(t.piAlone)}); if both refuse, each is tried with chance {n(t.piBoth)}.
        Both pleading and both refusing are equilibria: the strike holds only if each trusts the other.
      </figcaption>
    </figure>
  );
}

/** A size in the summary: a share as a percentage, an amount with its unit. */
function sizeText(row: SummaryRow, x: number): string {
  return row.share ? `${n(Math.round(x * 1000) / 10)}% ${row.unit}` : `${n(x)} ${row.unit}`;
}

function SummaryRowView({ row }: { row: SummaryRow }) {
  const doc = useMemo(() => resolveScenario(row.scenario), [row]);
  const values = useMemo(() => sweepValuesOf({ ...row.sweep, outcome: 'takeRatio' }), [row]);
  const args = useMemo(() => [doc, row.sweep.field, values] as [unknown, string, number[]], [doc, row, values]);
  const job = useEngineJob('sweep', args);
  const s = job.status === 'done' ? (job.value as SweepResult) : null;
  const at = s ? s.successAt : null;
  return (
    <tr data-row={row.id} data-success={s ? String(at) : undefined}>
      <th scope="row">{row.lever}</th>
      <td>{row.regime}</td>
      <td className="summary-size">
        {!s ? '…' : at === null ? `— (not up to ${sizeText(row, row.sweep.to)})` : at === 0 ? 'with none at all' : sizeText(row, at)}
      </td>
    </tr>
  );
}

export function SummaryView() {
  return (
    <div className="tour-summary">
      <table className="summary-table">
        <caption>Where plea bargaining extracts no more than trials alone: the smallest size of each lever</caption>
        <thead>
          <tr>
            <th scope="col">Lever</th>
            <th scope="col">Regime</th>
            <th scope="col">Stops the unraveling from</th>
          </tr>
        </thead>
        <tbody>
          {SUMMARY_ROWS.map((r) => (
            <SummaryRowView key={r.id} row={r} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
