// The first screen: pick a preset, solve it in a worker, read the totals.
import { useId } from 'react';
import { PRESETS } from '../presets';
import { useEngineResult, type EngineState } from '../client';
import type { Result, ValidationMessage } from '../engine/api';
import { REGIME_LABELS, TOTAL_FIELDS, formatNumber, formatTotal, totalNote } from './format';
import { useHashParam } from './hash';
import { useTheme } from './theme';
import { findPreset, type Preset } from './presetChoice';

export function App() {
  const [hashPreset, setHashPreset] = useHashParam('preset');
  const preset = findPreset(hashPreset);
  const state = useEngineResult(preset.scenario);

  return (
    <div className="shell">
      <Header />
      <main id="main" className="main">
        <PresetPicker preset={preset} onChange={setHashPreset} />
        <TotalsPanel state={state} title={preset.title} />
      </main>
      <footer className="footer">
        Everything is computed in this browser tab. No scenario or result leaves your computer.
      </footer>
    </div>
  );
}

function Header() {
  const [theme, toggle] = useTheme();
  return (
    <header className="header">
      <div>
        <h1 className="brand">Holdout</h1>
        <p className="tagline">The game theory of plea-bargaining strikes</p>
      </div>
      <button
        type="button"
        className="theme-toggle"
        aria-pressed={theme === 'dark'}
        onClick={toggle}
      >
        <span aria-hidden="true">☾</span> Dark theme
      </button>
    </header>
  );
}

function PresetPicker({ preset, onChange }: { preset: Preset; onChange: (id: string) => void }) {
  const id = useId();
  return (
    <section className="card scenario" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`} className="section-title">
        Scenario
      </h2>
      <div className="field">
        <label htmlFor={`${id}-select`}>Preset</label>
        <select
          id={`${id}-select`}
          value={preset.id}
          onChange={(e) => onChange(e.currentTarget.value)}
          aria-describedby={`${id}-desc`}
        >
          {PRESETS.map((p) => (
            <option key={p.id} value={p.id}>
              {p.title}
            </option>
          ))}
        </select>
      </div>
      <div id={`${id}-desc`} className="preset-text">
        <h3 className="preset-title">{preset.title}</h3>
        <p className="description">{preset.description}</p>
        {preset.source ? <p className="source">Source: {String(preset.source)}</p> : null}
      </div>
      {preset.story ? (
        <details className="story">
          <summary>The story</summary>
          <p>{String(preset.story)}</p>
        </details>
      ) : null}
    </section>
  );
}

function statusText(state: EngineState, title: string): string {
  switch (state.status) {
    case 'idle':
      return 'Nothing to compute.';
    case 'computing':
      return `Computing “${title}”…`;
    case 'invalid':
      return `“${title}” has ${state.errors.length} problem${state.errors.length === 1 ? '' : 's'}; nothing was computed.`;
    case 'failed':
      return `The engine failed: ${state.message}`;
    case 'done': {
      const t = state.result.totals;
      const verdict = t.strikeSucceeds ? 'the strike succeeds' : 'the strike fails';
      const ratio =
        t.takeRatio === null ? '' : ` (take is ${formatTotal('takeRatio', t)}× the no-plea take)`;
      return `Solved “${title}”: ${verdict}${ratio}.`;
    }
  }
}

function TotalsPanel({ state, title }: { state: EngineState; title: string }) {
  const id = useId();
  const result = state.status === 'done' ? state.result : null;
  return (
    <section
      className="card totals"
      aria-labelledby={`${id}-h`}
      aria-busy={state.status === 'computing'}
    >
      <div className="totals-head">
        <h2 id={`${id}-h`} className="section-title">
          Totals
        </h2>
        {result ? (
          <span className="regime">Regime: {REGIME_LABELS[result.regime] ?? result.regime}</span>
        ) : null}
      </div>
      {/* The live region: read out on every change; once solved, the verdict below shows it. */}
      <p
        className={state.status === 'done' ? 'status visually-hidden' : 'status'}
        role="status"
        aria-live="polite"
        data-status={state.status}
      >
        {state.status === 'computing' ? <span className="spinner" aria-hidden="true" /> : null}
        {statusText(state, title)}
      </p>
      {state.status === 'invalid' ? <ErrorPanel errors={state.errors} /> : null}
      {state.status === 'failed' ? (
        <div className="errors" role="alert">
          <h3>The computation failed</h3>
          <p>{state.message}</p>
        </div>
      ) : null}
      {result ? <Verdict result={result} /> : null}
      {result?.lottery ? (
        <p className="figures-note">
          Lottery: expected figures of the equilibrium in which{' '}
          {formatNumber(result.lottery.selected)} of {formatNumber(result.totals.defendants)}{' '}
          defendants refuse.
        </p>
      ) : null}
      {state.status !== 'invalid' && state.status !== 'failed' ? (
        <TotalsList result={result} />
      ) : null}
    </section>
  );
}

function Verdict({ result }: { result: Result }) {
  const t = result.totals;
  return (
    <p
      className={`verdict ${t.strikeSucceeds ? 'verdict-yes' : 'verdict-no'}`}
      data-testid="verdict"
    >
      <span className="verdict-icon" aria-hidden="true">
        {t.strikeSucceeds ? '✓' : '✗'}
      </span>
      <span>
        {t.strikeSucceeds
          ? 'The strike succeeds: plea bargaining extracts no more than her trials alone could.'
          : t.takeRatio === null
            ? 'The strike fails: plea bargaining extracts more than her trials alone could.'
            : `The strike fails: plea bargaining extracts ${formatTotal('takeRatio', t)}× what her trials alone could.`}
      </span>
    </p>
  );
}

function TotalsList({ result }: { result: Result | null }) {
  return (
    <dl className="totals-grid">
      {TOTAL_FIELDS.map((f) => {
        const totals = result?.totals;
        const note = totals && result ? totalNote(f.key, totals, result.regime) : null;
        return (
          <div
            key={f.key}
            className="total"
            data-key={f.key}
            data-value={totals ? JSON.stringify(totals[f.key]) : undefined}
            title={f.help}
          >
            <dt>{f.label}</dt>
            <dd>
              <span className="value">{totals ? formatTotal(f.key, totals) : '…'}</span>
              {f.unit ? (
                <span className="unit">{f.unit === '×' ? f.unit : ` ${f.unit}`}</span>
              ) : null}
              {note ? <span className="note">{note}</span> : null}
            </dd>
          </div>
        );
      })}
    </dl>
  );
}

function ErrorPanel({ errors }: { errors: ValidationMessage[] }) {
  return (
    <div className="errors" role="alert">
      <h3>The scenario has problems</h3>
      <ul>
        {errors.map((e, i) => (
          <li key={i}>
            {e.path ? <code className="path">{e.path}</code> : null} {e.message}
          </li>
        ))}
      </ul>
    </div>
  );
}
