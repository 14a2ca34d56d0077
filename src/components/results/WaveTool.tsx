// The wave tool: the same pledgers spread over the year or concentrated in a chosen week, solved
// side by side (the engine builds both scenarios, engine/wave.ts), each with its docket chart.
import { useId, useMemo, useState } from 'react';
import { useEngineResult, type EngineState } from '../../client';
import { DocketChart } from '../../charts/docket/Chart';
import { recoveryWeek } from '../../charts/docket/data';
import type { Scenario } from '../../engine';
import { waveScenarios } from '../../engine';
import { formatNumber } from '../../app/format';

function Side({ name, state }: { name: string; state: EngineState }) {
  if (state.status !== 'done') {
    return (
      <div className="wave-side">
        <h4>{name}</h4>
        <p role="status">{state.status === 'computing' ? 'Computing…' : state.status === 'invalid' ? state.errors.map((e) => e.text).join('; ') : ''}</p>
      </div>
    );
  }
  const r = state.result;
  const d = r.docket!;
  const rec = recoveryWeek(d);
  return (
    <div className="wave-side" data-testid={`wave-${name.startsWith('Spread') ? 'spread' : 'wave'}`} data-free={r.totals.free}>
      <h4>{name}</h4>
      <p>
        {formatNumber(r.totals.pleas)} plead, {formatNumber(r.totals.trials)} tried, <strong>{formatNumber(r.totals.free)} go free</strong>;{' '}
        {d.crashWeek === null ? 'the calendar never crashes' : `crash in week ${formatNumber(d.crashWeek)}`}
        {d.crashWeek !== null ? (rec === null ? ', no recovery' : `, recovers in week ${formatNumber(rec)}`) : ''}; take {formatNumber(Math.round(r.totals.take * 10) / 10)}.
      </p>
      <DocketChart docket={d} height={340} />
    </div>
  );
}

export function WaveTool({ scenario }: { scenario: Scenario }) {
  const uid = useId();
  const W = scenario.docket?.weeks ?? 1;
  const [text, setText] = useState(String(Math.floor(W / 2)));
  const n = Number(text);
  const ok = Number.isInteger(n) && n >= 0 && n < W;
  const [week, setWeek] = useState(Math.floor(W / 2));
  const pair = useMemo(() => waveScenarios(scenario, Math.min(week, W - 1)), [scenario, week, W]);
  const spread = useEngineResult(pair?.spread ?? null);
  const wave = useEngineResult(pair?.wave ?? null);
  if (!pair) return null;
  const both = spread.status === 'done' && wave.status === 'done' ? { s: spread.result.totals.free, w: wave.result.totals.free } : null;
  return (
    <section className="card wave-tool" aria-labelledby={`${uid}-h`} data-testid="wave-tool">
      <h3 id={`${uid}-h`} className="chart-card-title">
        Sustained or one wave? The same {formatNumber(pair.pledgers)} pledgers
      </h3>
      <form
        className="explain-picker"
        onSubmit={(e) => {
          e.preventDefault();
          if (ok) setWeek(n);
        }}
      >
        <label htmlFor={`${uid}-w`}>Concentrate them in week</label>
        <input id={`${uid}-w`} type="number" min={0} max={W - 1} step={1} value={text} aria-invalid={!ok || undefined} onChange={(e) => setText(e.currentTarget.value)} />
        <button type="submit" disabled={!ok}>
          Compare
        </button>
        <span className="muted-note">(weeks 0–{formatNumber(W - 1)})</span>
      </form>
      {both ? (
        <p role="status">
          <strong>
            Spread over the year the pledgers leave {formatNumber(both.s)} free; as one wave in week {formatNumber(pair.week)},{' '}
            {formatNumber(both.w)}. {both.s > both.w ? 'The sustained pledge does more.' : both.s < both.w ? 'The wave does more.' : 'Both do the same.'}
          </strong>
        </p>
      ) : null}
      <div className="wave-sides">
        <Side name="Spread over the year" state={spread} />
        <Side name={`One wave in week ${formatNumber(pair.week)}`} state={wave} />
      </div>
    </section>
  );
}
