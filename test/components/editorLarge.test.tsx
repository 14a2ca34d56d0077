// @vitest-environment jsdom
// The editor with many groups: from VIRTUAL_FROM groups on, the list is virtualized (a few rows
// in the DOM, each a list item "k of N"); messages find their row by path at a cost that grows
// with the messages, not the groups; the JSON tab waits for "Show" on a large scenario.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import {
  ScenarioEditor,
  VIRTUAL_FROM,
  errorTargets,
  groupCardId,
} from '../../src/components/editor/ScenarioEditor';
import { JsonView, LARGE_JSON_GROUPS } from '../../src/components/editor/JsonView';
import { fieldId } from '../../src/components/editor/fields';
import type { ScenarioInput } from '../../src/engine/scenario/schema';

afterEach(cleanup);

// jsdom lays nothing out: give every box the size of a laptop's editor column, so the
// virtualizer has a window to fill.
const SIZES = { clientHeight: 640, clientWidth: 400 };
const saved = Object.keys(SIZES).map(
  (k) => [k, Object.getOwnPropertyDescriptor(Element.prototype, k)] as const,
);
beforeAll(() => {
  for (const [k, v] of Object.entries(SIZES))
    Object.defineProperty(Element.prototype, k, { configurable: true, get: () => v });
});
afterAll(() => {
  for (const [k, d] of saved)
    if (d) Object.defineProperty(Element.prototype, k, d);
    else delete (Element.prototype as unknown as Record<string, unknown>)[k];
});

function scenario(n: number): ScenarioInput {
  return {
    schemaVersion: 1,
    groups: Array.from({ length: n }, (_, i) => ({
      label: `g${i}`,
      count: 1,
      convictionProbability: 0.5,
      trialSentence: 10,
    })),
    prosecutor: { budget: 1, regime: 'priority' },
  } as ScenarioInput;
}

describe('the editor with many groups', () => {
  it('draws every card below VIRTUAL_FROM groups, and a window of rows from it on', () => {
    const small = render(
      <ScenarioEditor value={scenario(VIRTUAL_FROM - 1)} onChange={() => {}} errors={[]} />,
    );
    expect(small.container.querySelectorAll('.hf-group')).toHaveLength(VIRTUAL_FROM - 1);
    expect(small.container.querySelector('[data-virtual]')).toBeNull();
    cleanup();

    render(<ScenarioEditor value={scenario(10_000)} onChange={() => {}} errors={[]} />);
    const list = document.querySelector('[role=list]')!;
    expect(list.getAttribute('aria-label')).toBe('Groups, 10,000 in all');
    const rows = list.querySelectorAll('[role=listitem]');
    expect(rows.length).toBeLessThan(10);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows[0].getAttribute('aria-posinset')).toBe('1');
    expect(rows[0].getAttribute('aria-setsize')).toBe('10000');
    expect(document.getElementById(`${groupCardId('scn', 0)}-h`)!.textContent).toBe(
      'Group 1: g0 (group 1 of 10,000)',
    );
    expect(list.getAttribute('tabindex')).toBe('0');
    expect(screen.getByText('10,000 groups, 10,000 defendants in all')).toBeTruthy();
  }, 60_000); // 49 full cards in jsdom take seconds on a loaded machine

  it('a virtualized row edits its own group', () => {
    const seen: ScenarioInput[] = [];
    render(<ScenarioEditor value={scenario(200)} onChange={(v) => seen.push(v)} errors={[]} />);
    const input = document.getElementById(fieldId('scn', 'groups[0].count')) as HTMLInputElement;
    fireEvent.change(input, { target: { value: '7' } });
    expect(seen.at(-1)!.groups[0].count).toBe(7);
    expect(seen.at(-1)!.groups[1].count).toBe(1);
    expect(seen.at(-1)!.groups).toHaveLength(200);
  });

  it('messages go to their field, card or section, whatever the number of groups', () => {
    const msg = (path: string) => ({ path, message: 'x', text: `${path}: x` });
    const t = errorTargets(
      [
        msg('groups[9999].convictionProbability'),
        msg('groups[12]'),
        msg('groups[3].nope.deeper'),
        msg('groups[10000].count'),
        msg('prosecutor.budget'),
        msg('levers.pledge.penalty'),
        msg('docket'),
      ],
      10_000,
      'p',
    );
    const idOf = (path: string) => [...t].find(([, l]) => l.some((m) => m.path === path))![0];
    expect(idOf('groups[9999].convictionProbability')).toBe(
      fieldId('p', 'groups[9999].convictionProbability'),
    );
    expect(idOf('groups[12]')).toBe(groupCardId('p', 12));
    expect(idOf('groups[3].nope.deeper')).toBe(groupCardId('p', 3));
    expect(idOf('groups[10000].count')).toBe('p-section-defendants');
    expect(idOf('prosecutor.budget')).toBe(fieldId('p', 'prosecutor.budget'));
    expect(idOf('levers.pledge.penalty')).toBe(fieldId('p', 'levers.pledge.penalty'));
    expect(idOf('docket')).toBe('p-section-docket');
  });
});

describe('the JSON view of a large scenario', () => {
  it('writes no text until shown, then the scenario itself', () => {
    const big = scenario(LARGE_JSON_GROUPS);
    render(<JsonView value={big} onChange={() => {}} />);
    const ta = screen.getByLabelText('Scenario JSON') as HTMLTextAreaElement;
    expect(ta.value).toBe('');
    expect(ta.hidden).toBe(true);
    expect(screen.getByTestId('json-large').textContent).toContain('1,000 groups');
    fireEvent.click(screen.getByRole('button', { name: 'Show the JSON anyway' }));
    expect(ta.hidden).toBe(false);
    expect(JSON.parse(ta.value)).toEqual(big);
  });

  it('while hidden (another tab), a large text does not follow the form; it catches up when shown', () => {
    const a = scenario(LARGE_JSON_GROUPS);
    const b = { ...a, title: 'changed' };
    const { rerender } = render(<JsonView value={a} onChange={() => {}} active={false} />);
    const ta = screen.getByLabelText('Scenario JSON') as HTMLTextAreaElement;
    expect(ta.value).toBe('');
    rerender(<JsonView value={b} onChange={() => {}} active={false} />);
    expect(ta.value).toBe('');
    rerender(<JsonView value={b} onChange={() => {}} active />);
    fireEvent.click(screen.getByRole('button', { name: 'Show the JSON anyway' }));
    expect(JSON.parse(ta.value)).toEqual(b);
    // Shown once, then hidden again: it waits again, and catches up again.
    const c = { ...b, title: 'again' };
    rerender(<JsonView value={c} onChange={() => {}} active={false} />);
    expect(JSON.parse(ta.value)).toEqual(b);
    rerender(<JsonView value={c} onChange={() => {}} active />);
    expect(JSON.parse(ta.value)).toEqual(c);
  });
});
