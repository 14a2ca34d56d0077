// The Regimes tab: the same defendants under noPlea, lottery, priority and forcedSpend.
import { useMemo } from 'react';
import { RegimesChart } from '../../charts/regimes/Chart';
import { useEngineJob } from '../../client';
import type { RegimeRow } from '../../engine';
import type { Scenario } from '../../engine';
import { REGIME_LABELS } from '../../app/format';
import { drawnRegimeRows } from '../../figure/regimeRows';

/** The rows the chart can draw (solved), and the messages of those that could not be. */
function split(rows: readonly RegimeRow[]) {
  const { drawn, failed } = drawnRegimeRows(rows);
  return {
    drawn,
    failed: failed.map((r) => `${REGIME_LABELS[r.regime] ?? r.regime}: ${r.message}`),
  };
}
import { ChartCard } from './ChartCard';

export function RegimesTab({ scenario }: { scenario: Scenario | null }) {
  const args = useMemo(() => (scenario ? ([scenario] as [unknown]) : null), [scenario]);
  const job = useEngineJob('compareRegimes', args);
  const rows = useMemo(() => (job.status === 'done' ? split(job.value) : null), [job]);
  if (!scenario) return <p className="card">Fix the scenario to compare regimes.</p>;
  return (
    <div className="regimes-tab" aria-busy={job.status === 'running'} data-status={job.status}>
      {job.status === 'running' ? (
        <p className="status" role="status" aria-live="polite">
          <span className="spinner" aria-hidden="true" /> Solving the four regimes…
        </p>
      ) : null}
      {job.status === 'failed' ? (
        <div className="errors" role="alert">
          <h3>The comparison failed</h3>
          <p>{job.message}</p>
        </div>
      ) : null}
      {rows ? (
        <ChartCard
          title="Regimes compared"
          name="regimes"
          scenario={scenario}
          result={null}
          hint="The same defendants and budget under each way of making offers; the take is the punishment extracted, in years."
        >
          <RegimesChart rows={rows.drawn} />
          {rows.failed.length > 0 ? (
            <ul className="muted-note">
              {rows.failed.map((m) => (
                <li key={m}>{m}</li>
              ))}
            </ul>
          ) : null}
        </ChartCard>
      ) : null}
    </div>
  );
}
