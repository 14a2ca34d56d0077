// Compare A/B: scenario A (pinned) and B (the current scenario) solved side by side, with the
// difference B − A of every total as a signed number, a word and a color.
import { useId, useMemo } from 'react';
import { CompareChart } from '../../charts/compare/Chart';
import type { CompareSide } from '../../charts/compare/data';
import { ExportableFigure } from '../export/ExportableFigure';
import { compareSettings } from '../../figure/settings';
import { scenarioIdentity } from '../../figure/meta';
import { useEngineResult, type EngineState } from '../../client';
import type { Scenario } from '../../engine';
import type { Totals } from '../../engine';
import { TOTAL_FIELDS, formatNumber, formatTotal } from '../../app/format';
import { diffTotal } from './diff';
import { judgePeople, peopleOf, scenarioChanges, type PeopleCounts } from './people';

export interface ComparePanelProps {
  pinned: Scenario | null;
  current: Scenario | null;
  onPin: () => void;
  onUnpin: () => void;
}

function totalsOf(s: EngineState): Totals | null {
  return s.status === 'done' ? s.result.totals : null;
}

function stateText(s: EngineState): string {
  switch (s.status) {
    case 'computing':
      return 'computing…';
    case 'invalid':
      return `invalid: ${s.errors.map((e) => e.text).join('; ')}`;
    case 'failed':
      return `failed: ${s.message}`;
    default:
      return '';
  }
}

export function ComparePanel({ pinned, current, onPin, onUnpin }: ComparePanelProps) {
  const uid = useId();
  const a = useEngineResult(pinned);
  const b = useEngineResult(pinned ? current : null);
  const ta = totalsOf(a);
  const tb = totalsOf(b);
  const sides = useMemo<[CompareSide, CompareSide] | null>(
    () =>
      pinned && ta && tb
        ? [
            { label: 'A', title: pinned.title ?? 'Untitled scenario', totals: ta },
            { label: 'B', title: current?.title ?? 'Untitled scenario', totals: tb },
          ]
        : null,
    [pinned, current, ta, tb],
  );
  const settings = useMemo(
    () => (pinned ? compareSettings(scenarioIdentity(pinned)?.sha256 ?? '') : undefined),
    [pinned],
  );
  if (!pinned) {
    return (
      <section className="card compare-empty" aria-labelledby={`${uid}-h`}>
        <h2 id={`${uid}-h`} className="section-title">
          Compare A/B
        </h2>
        <p>
          Pin the current scenario as <strong>A</strong>, then change levers in the editor: the
          scenario you edit becomes <strong>B</strong>, and this tab shows both totals side by side
          with the differences. The Sweep tab then draws both curves.
        </p>
        <button type="button" className="button primary" onClick={onPin} disabled={!current}>
          Pin as A
        </button>
      </section>
    );
  }
  const pa = a.status === 'done' ? peopleOf(a.result.defendants) : null;
  const pb = b.status === 'done' ? peopleOf(b.result.defendants) : null;
  const changes = current ? scenarioChanges(pinned, current) : { changes: [], more: 0 };
  const nameA = pinned.title || 'Untitled scenario';
  const nameB = current?.title || 'Untitled scenario';
  const busy = a.status === 'computing' || b.status === 'computing';
  return (
    <section
      className="card compare"
      aria-labelledby={`${uid}-h`}
      aria-busy={busy}
      data-testid="compare"
    >
      <div className="compare-head">
        <h2 id={`${uid}-h`} className="section-title">
          Compare A/B
        </h2>
        <div className="compare-actions">
          <button type="button" className="button" onClick={onPin} disabled={!current}>
            Pin current as A
          </button>
          <button type="button" className="button" onClick={onUnpin}>
            Unpin A
          </button>
        </div>
      </div>
      <dl className="compare-titles">
        <div>
          <dt>
            <span className="ab-badge ab-a">A</span> pinned
          </dt>
          <dd data-testid="compare-name-a">{nameA}</dd>
        </div>
        <div>
          <dt>
            <span className="ab-badge ab-b">B</span> current
          </dt>
          <dd data-testid="compare-name-b">
            {nameB === nameA && changes.changes.length ? `${nameB}, changed` : nameB}
          </dd>
        </div>
      </dl>
      {changes.changes.length ? (
        <div className="compare-changes">
          <p>B differs from A in:</p>
          <ul data-testid="compare-changes">
            {changes.changes.map((c) => (
              <li key={c}>
                <code>{c}</code>
              </li>
            ))}
            {changes.more ? <li>and {changes.more} more</li> : null}
          </ul>
        </div>
      ) : current ? (
        <p className="compare-changes">B is the same scenario as A.</p>
      ) : null}
      <p
        className="status"
        role="status"
        aria-live="polite"
        data-status={busy ? 'computing' : 'done'}
      >
        {busy ? <span className="spinner" aria-hidden="true" /> : null}
        {busy
          ? 'Computing A and B…'
          : ta && tb
            ? 'A and B solved.'
            : [stateText(a), stateText(b)].filter(Boolean).join(' ')}
      </p>
      {ta && tb ? <PeopleSection a={pa} b={pb} takeA={ta.take} takeB={tb.take} /> : null}
      <div className="table-scroll">
        <table className="compare-table">
          <caption className="visually-hidden">Totals of A and B and the difference B − A</caption>
          <thead>
            <tr>
              <th scope="col">Total</th>
              <th scope="col">
                <span className="ab-badge ab-a">A</span>
              </th>
              <th scope="col">
                <span className="ab-badge ab-b">B</span>
              </th>
              <th scope="col">
                B − A <span className="muted-note">(for the defendants)</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {TOTAL_FIELDS.map((f) => {
              const d = ta && tb ? diffTotal(f.key, ta, tb) : null;
              const unit = f.unit && f.unit !== '×' ? ` ${f.unit}` : f.unit;
              return (
                <tr key={f.key} data-key={f.key} data-direction={d?.direction}>
                  <th scope="row">{f.label}</th>
                  <td
                    className="num"
                    data-side="a"
                    data-value={ta ? JSON.stringify(ta[f.key]) : undefined}
                  >
                    {ta ? formatTotal(f.key, ta) : '…'}
                  </td>
                  <td
                    className="num"
                    data-side="b"
                    data-value={tb ? JSON.stringify(tb[f.key]) : undefined}
                  >
                    {tb ? formatTotal(f.key, tb) : '…'}
                  </td>
                  <td
                    className={`num diff diff-${d?.direction ?? 'na'} tone-${d?.tone ?? 'neutral'}`}
                    data-side="diff"
                    data-tone={d?.tone}
                  >
                    {d ? (
                      <>
                        <span aria-hidden="true" className="diff-icon">
                          {d.direction === 'up'
                            ? '▲'
                            : d.direction === 'down'
                              ? '▼'
                              : d.direction === 'same'
                                ? '='
                                : '≠'}
                        </span>{' '}
                        <span className="diff-text">{d.text}</span>
                        {d.direction === 'up' || d.direction === 'down' ? (
                          <span className="diff-unit">{unit}</span>
                        ) : null}
                        {d.tone !== 'neutral' ? (
                          <span className="diff-tone" aria-hidden="true">
                            {d.tone === 'better' ? 'better' : 'worse'}
                          </span>
                        ) : null}
                        <span className="visually-hidden"> ({d.words})</span>
                      </>
                    ) : (
                      '…'
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {sides && current ? (
        <div className="compare-chart">
          <ExportableFigure
            scenario={current}
            name={`${current.title ?? 'scenario'} compare`}
            settings={settings}
          >
            <CompareChart a={sides[0]} b={sides[1]} />
          </ExportableFigure>
        </div>
      ) : null}
    </section>
  );
}

function countsText(c: PeopleCounts['pledgers']): string {
  const r = (x: number) => formatNumber(Math.round(x * 100) / 100);
  return `${r(c.plea)} plead, ${r(c.tried)} tried, ${r(c.free)} free`;
}

/** What happened to people: pledgers and the others in A and in B, and the verdict. */
function PeopleSection({ a, b, takeA, takeB }: { a: PeopleCounts | null; b: PeopleCounts | null; takeA: number; takeB: number }) {
  if (!a || !b) {
    return (
      <p className="compare-people" data-testid="compare-people">
        Above 100,000 defendants the results leave out the per-defendant rows, so who pleads, is tried or goes free among the
        pledgers is not compared here; the totals below still are.
      </p>
    );
  }
  const v = judgePeople(a, b, takeA, takeB);
  return (
    <section className={`compare-people tone-${v.tone}`} data-testid="compare-people" data-tone={v.tone} aria-label="What happened to people">
      <h3 className="chart-card-title">What happened to people</h3>
      <p>
        <strong>{v.summary}</strong>
      </p>
      {v.lines.length ? (
        <ul>
          {v.lines.map((l) => (
            <li key={l}>{l}</li>
          ))}
        </ul>
      ) : null}
      <table className="compare-table">
        <caption className="visually-hidden">Pledgers and other defendants by outcome in A and B</caption>
        <thead>
          <tr>
            <th scope="col">Defendants</th>
            <th scope="col">
              <span className="ab-badge ab-a">A</span>
            </th>
            <th scope="col">
              <span className="ab-badge ab-b">B</span>
            </th>
          </tr>
        </thead>
        <tbody>
          <tr data-kind="pledgers">
            <th scope="row">pledgers ({formatNumber(a.pledgers.total)} in A, {formatNumber(b.pledgers.total)} in B)</th>
            <td>{countsText(a.pledgers)}</td>
            <td>{countsText(b.pledgers)}</td>
          </tr>
          <tr data-kind="others">
            <th scope="row">everyone else ({formatNumber(a.others.total)} in A, {formatNumber(b.others.total)} in B)</th>
            <td>{countsText(a.others)}</td>
            <td>{countsText(b.others)}</td>
          </tr>
        </tbody>
      </table>
    </section>
  );
}
