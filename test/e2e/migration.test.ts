// Files and links written by earlier versions of Holdout open in the browser through the
// engine's migrate step (test/fixtures/migration), with the engine's numbers; a file and a link
// from a newer Holdout say why they cannot open, naming schemaVersion, and change nothing.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { solve } from '../../src/engine/api';
import type { Totals } from '../../src/engine/result/types';
import { TOTAL_FIELDS, formatTotal } from '../../src/app/format';
import { PRESETS } from '../../src/presets';
import { SHOTS, expectClean, useBrowser } from './browser';

const baseURL = inject('baseURL');
const app = useBrowser(baseURL);

const fixture = (name: string) =>
  readFileSync(new URL(`../fixtures/migration/${name}`, import.meta.url), 'utf8');
const OLD = '2026-11-21_misdemeanor-bail-fund.scenario.json';
const OLD_LINKED = '2026-11-21_bgb-priority.scenario.json';
const NEWER = 'from-a-newer-holdout.scenario.json';
const NEWER_TEXT =
  'schemaVersion: must be 1, got 2: the scenario was written by a newer Holdout than this one; open it with a version that reads schemaVersion 2';

function totalsOf(scenario: unknown): Totals {
  const r = solve(scenario);
  if (!r.ok) throw new Error(r.errors.map((e) => e.text).join('; '));
  return r.value.totals;
}

async function waitDone(page: Page) {
  await page.waitForSelector(
    '[data-bench=result][data-busy=false] [data-testid=result-status][data-status=done]',
    { timeout: 60_000 },
  );
}

async function expectTotals(page: Page, expected: Totals) {
  for (const f of TOTAL_FIELDS) {
    const text = await page.textContent(`[data-bench=result] .total[data-key="${f.key}"] .value`);
    expect({ key: f.key, text }).toEqual({ key: f.key, text: formatTotal(f.key, expected) });
  }
}

describe('scenarios from other versions of Holdout', () => {
  it('opens a file written before the weekly docket, and refuses one from a newer Holdout', async () => {
    const w = await app.open('#preset=bgb-lottery');
    await waitDone(w.page);
    const oldText = fixture(OLD);
    await w.page.setInputFiles('[data-testid=open-file]', {
      name: OLD,
      mimeType: 'application/json',
      buffer: Buffer.from(oldText),
    });
    await w.page.waitForFunction(() => !location.hash.startsWith('#preset='));
    await waitDone(w.page);
    const old = totalsOf(JSON.parse(oldText));
    expect(old.pleas).toBe(750);
    await expectTotals(w.page, old);
    expect(await w.page.getByTestId('file-problem').count()).toBe(0);

    // A newer file: every message with its field path, and nothing changes.
    await w.page.setInputFiles('[data-testid=open-file]', {
      name: NEWER,
      mimeType: 'application/json',
      buffer: Buffer.from(fixture(NEWER)),
    });
    const problem = w.page.getByTestId('file-problem');
    await problem.waitFor();
    expect(await problem.textContent()).toContain(NEWER_TEXT);
    expect(await problem.textContent()).toContain(`“${NEWER}” was not opened: nothing changed`);
    await waitDone(w.page);
    await expectTotals(w.page, old);
    await w.page.screenshot({ path: path.join(SHOTS, 'migration-newer-file.png') });
    expectClean(w);
  });

  it('opens an #s= link (link format 1) to a pre-docket file; a link to a newer scenario names schemaVersion', async () => {
    const oldText = fixture(OLD_LINKED);
    const w = await app.open(`#s=${Buffer.from(oldText).toString('base64url')}`);
    await waitDone(w.page);
    await expectTotals(w.page, totalsOf(JSON.parse(oldText)));
    expect(await w.page.getByTestId('link-problem').count()).toBe(0);

    const w2 = await app.open(`#s=${Buffer.from(fixture(NEWER)).toString('base64url')}`);
    await w2.page.getByTestId('link-problem').waitFor();
    expect(await w2.page.textContent('[data-testid=link-problem]')).toContain(NEWER_TEXT);
    // The charts keep the default preset; the link's document waits in the editor.
    await waitDone(w2.page);
    const fallback = PRESETS.find((p) => p.id === 'bgb-priority')!.scenario;
    await expectTotals(w2.page, totalsOf(fallback));
    await w2.page.screenshot({ path: path.join(SHOTS, 'migration-newer-link.png') });
    for (const x of [w, w2]) expectClean(x);
  });
});
