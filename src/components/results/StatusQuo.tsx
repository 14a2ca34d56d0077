// The status quo beside every result: the same scenario without the organizing levers (no
// pledges, no sanction, no fund), solved in a worker, what organizing changed (pleas, free, take;
// under the docket the crash week), and a warning when the status quo is implausible.
// The status quo is solved once per status-quo scenario (by content, totals only: no per-defendant
// rows), not once per change: moving the pledge, sanction or fund lever leaves it as it is.
import { useEffect, useMemo, useRef } from 'react';
import { ContentCache, contentHash, sameContent } from './contentCache';
import { useEngineJob, type EngineState } from '../../client';
import type { Result } from '../../engine';
import type { Scenario } from '../../engine';
import { isStatusQuo, statusQuoWarnings } from '../../engine';
import { withoutOrganizing } from '../../engine';
import { formatNumber } from '../../app/format';
import { tieEq } from '../../engine';

const MINUS = '\u2212';

function pct(n: number, of: number): string {
  return of > 0 ? `${formatNumber(Math.round((n / of) * 1000) / 10)}%` : '–';
}

function delta(a: number, b: number): string {
  const d = b - a;
  if (tieEq(a, b)) return 'no change';
  return `${d > 0 ? '+' : MINUS}${formatNumber(Math.round(Math.abs(d) * 100) / 100)}`;
}

function crashOf(r: Result): number | null {
  return r.docket?.crashWeek ?? null;
}

function weekText(w: number | null): string {
  return w === null ? 'never' : `week ${formatNumber(w)}`;
}

// Status-quo answers by scenario content (most recent last), so going back and forth between a
// few scenarios never solves a status quo twice. Keyed by a walk of the content (contentHash, a
// hit confirmed field by field), not by its JSON text: that text cost 25–90 ms a change at
// 10,000 groups.
const SQ_CACHE_SIZE = 32;
const sqCache = new ContentCache<EngineState>(SQ_CACHE_SIZE);

interface Keyed {
  /** The first object seen with this content: the job's argument while the content stays. */
  value: Scenario;
  hash: number;
  cached?: EngineState;
}

/** The status quo's solve (totals only), reused by content across changes. */
export function useStatusQuoResult(sqScenario: Scenario | null): EngineState {
  const last = useRef<Keyed | null>(null);
  const keyed = useMemo((): Keyed | null => {
    if (sqScenario === null) return null;
    // Most changes (a lever moved) leave the status quo as it was: one walk says so.
    const prev = last.current;
    if (prev && sameContent(prev.value, sqScenario)) {
      const hit = sqCache.find(prev.value, prev.hash);
      return hit ? { value: hit.value as Scenario, hash: prev.hash, cached: hit.answer } : { value: prev.value, hash: prev.hash };
    }
    const hash = contentHash(sqScenario);
    const hit = sqCache.find(sqScenario, hash);
    if (hit) return { value: hit.value as Scenario, hash, cached: hit.answer };
    return { value: sqScenario, hash };
  }, [sqScenario]);
  useEffect(() => {
    last.current = keyed;
  });
  const value = keyed?.value;
  const cached = keyed?.cached;
  // Keyed by the content: a new object with the same content keeps the job (or the cached answer).
  const args = useMemo(
    () => (value === undefined || cached ? null : ([value, { rows: 'never' }] as [unknown, { rows: 'never' }])),
    [value, cached],
  );
  const job = useEngineJob('solve', args);
  if (keyed === null) return { status: 'idle' };
  if (cached) return cached;
  switch (job.status) {
    case 'idle':
    case 'running':
      return { status: 'computing', progress: null };
    case 'failed':
      return job;
    case 'done': {
      const state: EngineState = job.value.ok
        ? { status: 'done', result: job.value.value }
        : { status: 'invalid', errors: job.value.errors };
      sqCache.set(keyed.value, keyed.hash, state);
      return state;
    }
  }
}

export interface StatusQuoPanelProps {
  scenario: Scenario;
  result: Result;
}

export function StatusQuoPanel({ scenario, result }: StatusQuoPanelProps) {
  const own = isStatusQuo(scenario);
  const sqScenario = useMemo(() => (own ? null : withoutOrganizing(scenario)), [own, scenario]);
  const sq = useStatusQuoResult(sqScenario);
  const base: Result | null = own ? result : sq.status === 'done' ? sq.result : null;
  const warnings = base ? statusQuoWarnings(scenario, base) : [];
  const docket = result.docket !== undefined;
  const t = result.totals;
  return (
    <section className="card status-quo" aria-label="The status quo beside this result" data-testid="status-quo" data-busy={!own && sq.status === 'computing'}>
      <h3 className="chart-card-title">The status quo: the same court without organizing</h3>
      {own ? (
        <p>
          This scenario uses no organizing lever (no pledges, no community sanction, no strike fund): it is its own status quo.{' '}
          {formatNumber(t.pleas)} of {formatNumber(t.defendants)} plead ({pct(t.pleas, t.defendants)}), {formatNumber(t.free)} go free.
        </p>
      ) : sq.status === 'computing' || sq.status === 'idle' ? (
        <p role="status">Computing the status quo…</p>
      ) : sq.status !== 'done' ? (
        <p role="status">The status quo could not be computed{sq.status === 'failed' ? `: ${sq.message}` : ''}.</p>
      ) : (
        <>
          <p>
            Without pledges, sanction or fund, {formatNumber(sq.result.totals.pleas)} of {formatNumber(sq.result.totals.defendants)} plead (
            {pct(sq.result.totals.pleas, sq.result.totals.defendants)}) and {formatNumber(sq.result.totals.free)} go free.
          </p>
          <div className="table-scroll">
            <table className="compare-table status-quo-table">
              <caption className="visually-hidden">The status quo, this result, and what organizing changed</caption>
              <thead>
                <tr>
                  <th scope="col">
                    <span className="visually-hidden">Figure</span>
                  </th>
                  <th scope="col">Status quo</th>
                  <th scope="col">With organizing</th>
                  <th scope="col">What organizing changed</th>
                </tr>
              </thead>
              <tbody>
                <tr data-key="pleas">
                  <th scope="row">Pleas</th>
                  <td className="num">{formatNumber(sq.result.totals.pleas)}</td>
                  <td className="num">{formatNumber(t.pleas)}</td>
                  <td className="num">{delta(sq.result.totals.pleas, t.pleas)}</td>
                </tr>
                <tr data-key="free">
                  <th scope="row">Free</th>
                  <td className="num">{formatNumber(sq.result.totals.free)}</td>
                  <td className="num">{formatNumber(t.free)}</td>
                  <td className="num">{delta(sq.result.totals.free, t.free)}</td>
                </tr>
                <tr data-key="take">
                  <th scope="row">Her take (years)</th>
                  <td className="num">{formatNumber(Math.round(sq.result.totals.take * 100) / 100)}</td>
                  <td className="num">{formatNumber(Math.round(t.take * 100) / 100)}</td>
                  <td className="num">{delta(sq.result.totals.take, t.take)}</td>
                </tr>
                {docket ? (
                  <tr data-key="crashWeek">
                    <th scope="row">The calendar crashes</th>
                    <td className="num">{weekText(crashOf(sq.result))}</td>
                    <td className="num">{weekText(crashOf(result))}</td>
                    <td className="num">
                      {crashOf(sq.result) === crashOf(result)
                        ? 'no change'
                        : crashOf(result) === null
                          ? 'no longer crashes'
                          : crashOf(sq.result) === null
                            ? `crashes in week ${formatNumber(crashOf(result) ?? 0)}`
                            : `from week ${formatNumber(crashOf(sq.result) ?? 0)} to week ${formatNumber(crashOf(result) ?? 0)}`}
                    </td>
                  </tr>
                ) : null}
              </tbody>
            </table>
          </div>
        </>
      )}
      {warnings.map((w) => (
        <p key={w.code} className="status-quo-warning" role="note" data-warning={w.code}>
          <strong>Implausible status quo.</strong> {w.text}
        </p>
      ))}
    </section>
  );
}
