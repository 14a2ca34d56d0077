// @vitest-environment jsdom
// The bundle on screen is adopted in the render where its last answer arrives: no extra commit
// of the page with the old bundle (issue 12, slider to chart: one render of the page fewer per
// change).
import { act, cleanup, render } from '@testing-library/react';
import { useLayoutEffect } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { createEnginePool, EngineProvider } from '../../src/client';
import { useResultBundle } from '../../src/components/results/useResultBundle';
import * as api from '../../src/engine/api';
import type { Scenario } from '../../src/engine/scenario/schema';
import { PRESETS } from '../../src/presets';
import { fakeWorkers, flush } from '../client/fakeWorkers';

afterEach(cleanup);

const checked = api.validate(PRESETS.find((p) => p.id === 'crespo-city-public')!.scenario);
if (!checked.ok) throw new Error('preset invalid');
const city: Scenario = checked.value;

describe('useResultBundle', () => {
  it('commits the new bundle (done, version 1) in the same render as its one answer', async () => {
    const commits: string[] = [];
    function Probe({ s }: { s: Scenario }) {
      const b = useResultBundle(s);
      const line = `${b.status} v${b.version} ${b.shown ? b.shown.result.totals.pleas : '-'}`;
      useLayoutEffect(() => {
        commits.push(line);
      });
      return null;
    }
    const f = fakeWorkers();
    const pool = createEnginePool({ createWorker: f.factory, size: 2 });
    render(
      <EngineProvider pool={pool}>
        <Probe s={city} />
      </EngineProvider>,
    );
    // One job for the whole screen (it was two: solve, then kinds).
    expect(f.calls.map((c) => c.method)).toEqual(['resultScreen']);
    expect(f.calls[0].args).toEqual([city, { rows: 'auto', bins: 400 }]);
    const screen = api.resultScreen(city, { rows: 'auto', bins: 400 });
    if (!screen.ok) throw new Error('unsolvable');
    const before = commits.length;
    await act(async () => {
      f.calls[0].resolve(screen);
      await flush();
    });
    // One commit for the answer, and it already shows the bundle.
    expect(commits.slice(before)).toEqual([`done v1 ${screen.value.result.totals.pleas}`]);
    expect(commits.filter((c) => c.startsWith('done'))).toHaveLength(1);
  });
});
