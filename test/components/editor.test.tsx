// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ScenarioEditor } from '../../src/components/editor/ScenarioEditor';
import { useScenarioDraft, type ScenarioDraft } from '../../src/components/editor/useScenarioDraft';
import { fieldId, fieldPath, scenarioFields } from '../../src/components/editor/fields';
import type { ScenarioInput } from '../../src/engine/scenario/schema';

afterEach(cleanup);

const E2: ScenarioInput = {
  schemaVersion: 1,
  title: 'E2: divide and conquer',
  seed: 1,
  runs: 1,
  groups: [{ label: 'felony', count: 3, convictionProbability: 0.5, trialSentence: 10 }],
  prosecutor: { budget: 1, regime: 'priority', ranking: 'arrival' },
};

const TWO: ScenarioInput = {
  ...E2,
  groups: [
    { label: 'first', count: 3, convictionProbability: 0.5, trialSentence: 10 },
    { label: 'second', count: 2, convictionProbability: 0.8, trialSentence: 4 },
  ],
};

function Harness({ initial, spy }: { initial: ScenarioInput; spy: { current?: ScenarioDraft } }) {
  const st = useScenarioDraft(initial);
  spy.current = st;
  return <ScenarioEditor value={st.draft} onChange={st.setDraft} errors={st.errors} />;
}

const groupHeadings = () => screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent);

describe('ScenarioEditor', () => {
  it('renders every field with its label, unit and help from the schema', () => {
    render(<ScenarioEditor value={E2} onChange={() => {}} errors={[]} />);
    for (const f of scenarioFields().filter((x) => x.section !== 'Docket')) {
      const path = fieldPath(f, 0);
      const input = document.getElementById(fieldId('scn', path));
      expect(input, path).not.toBeNull();
      if (f.kind === 'boolean') {
        expect(input!.closest('label')!.textContent).toContain(f.title);
      } else {
        expect(document.querySelector(`label[for="${input!.id}"]`)!.textContent).toContain(f.title);
      }
      const described = (input!.getAttribute('aria-describedby') ?? '')
        .split(' ')
        .map((id) => document.getElementById(id)?.textContent ?? '')
        .join(' ');
      expect(described, path).toContain(f.description);
      if (f.unit) expect(described, path).toContain(f.unit);
    }
    // Ranges come from the zod checks.
    const p = screen.getByRole('spinbutton', { name: /Conviction probability \(p\)/ });
    expect(p).toHaveProperty('min', '0');
    expect(p).toHaveProperty('max', '1');
    expect(
      document.getElementById(p.getAttribute('aria-describedby')!.split(' ')[1])!.textContent,
    ).toContain('Allowed: 0 to 1 probability.');
    for (const name of ['Scenario', 'Defendants', 'Prosecutor', 'Levers']) {
      expect(screen.getByRole('heading', { level: 2, name })).toBeTruthy();
    }
    // The docket's fields are left out of a priority scenario ...
    expect(screen.queryByRole('heading', { level: 2, name: 'Docket' })).toBeNull();
    expect(document.getElementById(fieldId('scn', 'docket.capacity'))).toBeNull();
  });

  it('renders the docket fields, with label, unit and help, under the docket regime', () => {
    const docket: ScenarioInput = {
      ...E2,
      prosecutor: { regime: 'docket' },
      docket: { weeks: 3, capacity: 1, deadline: 1 },
    };
    render(<ScenarioEditor value={docket} onChange={() => {}} errors={[]} />);
    const docketFields = scenarioFields().filter((x) => x.section === 'Docket');
    expect(docketFields.map((f) => f.path)).toEqual([
      'groups[].firstWeek',
      'groups[].lastWeek',
      'groups[].detentionPerWeek',
      'docket.weeks',
      'docket.capacity',
      'docket.deadline',
    ]);
    for (const f of docketFields) {
      const input = document.getElementById(fieldId('scn', fieldPath(f, 0)));
      expect(input, f.path).not.toBeNull();
      expect(document.querySelector(`label[for="${input!.id}"]`)!.textContent).toContain(f.title);
      const described = (input!.getAttribute('aria-describedby') ?? '')
        .split(' ')
        .map((id) => document.getElementById(id)?.textContent ?? '')
        .join(' ');
      expect(described, f.path).toContain(f.description);
      if (f.unit) expect(described, f.path).toContain(f.unit);
    }
    expect(screen.getByRole('heading', { level: 2, name: 'Docket' })).toBeTruthy();
    expect((document.getElementById(fieldId('scn', 'docket.capacity')) as HTMLInputElement).value).toBe('1');
  });

  it('a slider calls onChange with the new value at the right path, on every input', () => {
    const onChange = vi.fn();
    render(<ScenarioEditor value={TWO} onChange={onChange} errors={[]} />);
    const card = screen.getByRole('region', { name: /Group 2: second/ });
    const slider = within(card).getByRole('slider', {
      name: /Conviction probability \(p\), group 2/,
    });
    fireEvent.change(slider, { target: { value: '0.7' } });
    fireEvent.change(slider, { target: { value: '0.71' } });
    expect(onChange).toHaveBeenCalledTimes(2);
    const next = onChange.mock.calls[0][0] as ScenarioInput;
    expect(next.groups[1].convictionProbability).toBe(0.7);
    expect(next.groups[0]).toBe(TWO.groups[0]);
    expect(next.prosecutor).toBe(TWO.prosecutor);

    const budget = screen.getByRole('slider', { name: /Trial budget \(B\)/ });
    expect(budget).toHaveProperty('max', '1000'); // sliderMax
    fireEvent.change(budget, { target: { value: '12' } });
    expect((onChange.mock.calls[2][0] as ScenarioInput).prosecutor.budget).toBe(12);

    const observed = screen.getByRole('slider', { name: /Observed \(q\)/ });
    fireEvent.change(observed, { target: { value: '0.4' } });
    expect((onChange.mock.calls[3][0] as ScenarioInput).levers?.visibility?.observed).toBe(0.4);
  });

  it('typing beyond the slider range is allowed up to the hard maximum', async () => {
    const user = userEvent.setup();
    const spy: { current?: ScenarioDraft } = {};
    render(<Harness initial={E2} spy={spy} />);
    const budget = screen.getByRole('spinbutton', { name: /Trial budget \(B\)/ });
    await user.clear(budget);
    await user.type(budget, '5000');
    expect(spy.current!.draft.prosecutor.budget).toBe(5000);
    expect(spy.current!.isValid).toBe(true);
    // The slider shows its top; the number keeps what was typed.
    expect(screen.getByRole('slider', { name: /Trial budget \(B\)/ })).toHaveProperty(
      'value',
      '1000',
    );
    expect(budget).toHaveProperty('max', String(1e9));
  });

  it('adds, duplicates, removes and reorders groups; focus follows the moved card', async () => {
    const user = userEvent.setup();
    const spy: { current?: ScenarioDraft } = {};
    render(<Harness initial={TWO} spy={spy} />);
    expect(groupHeadings()).toEqual(['Group 1: first', 'Group 2: second']);

    const down = screen.getByRole('button', { name: 'Move group 1 down' });
    await user.click(down);
    expect(groupHeadings()).toEqual(['Group 1: second', 'Group 2: first']);
    expect(spy.current!.draft.groups.map((g) => g.label)).toEqual(['second', 'first']);
    // The moved card's "up" button has focus (its "down" is now disabled).
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Move group 2 up' }));

    // Keyboard: Enter on the focused button moves it back up.
    await user.keyboard('{Enter}');
    expect(groupHeadings()).toEqual(['Group 1: first', 'Group 2: second']);

    await user.click(screen.getByRole('button', { name: 'Duplicate group 2' }));
    expect(groupHeadings()).toEqual(['Group 1: first', 'Group 2: second', 'Group 3: second']);
    expect(document.activeElement?.textContent).toBe('Group 3: second');

    await user.click(screen.getByRole('button', { name: /Add a group/ }));
    expect(spy.current!.draft.groups).toHaveLength(4);
    expect(spy.current!.isValid).toBe(true);

    await user.click(screen.getByRole('button', { name: 'Remove group 1' }));
    expect(groupHeadings()).toEqual(['Group 1: second', 'Group 2: second', 'Group 3']);
    await user.click(screen.getByRole('button', { name: 'Remove group 1' }));
    await user.click(screen.getByRole('button', { name: 'Remove group 1' }));
    // At least one group: the last one cannot be removed.
    expect(screen.getByRole('button', { name: 'Remove group 1' })).toHaveProperty('disabled', true);
    expect(spy.current!.draft.groups).toHaveLength(1);
  });

  it('an invalid value (p = 1.7) is shown next to its field; the last valid scenario is kept', async () => {
    const user = userEvent.setup();
    const spy: { current?: ScenarioDraft } = {};
    render(<Harness initial={E2} spy={spy} />);
    const before = spy.current!.valid;
    expect(before?.groups[0].convictionProbability).toBe(0.5);

    const p = screen.getByRole('spinbutton', { name: /Conviction probability \(p\), group 1/ });
    await user.clear(p);
    await user.paste('1.7');
    expect(p).toHaveProperty('value', '1.7');

    const message = 'groups[0].convictionProbability: must be at most 1, got 1.7';
    const field = p.closest('.hf-field') as HTMLElement;
    expect(within(field).getByText(message)).toBeTruthy();
    expect(p.getAttribute('aria-invalid')).toBe('true');
    const errId = p.getAttribute('aria-describedby')!.split(' ').at(-1)!;
    expect(document.getElementById(errId)!.textContent).toBe(message);

    // The summary links to the field.
    const link = screen.getByRole('link', { name: message });
    expect(link.getAttribute('href')).toBe(`#${p.id}`);
    await user.click(link);
    expect(document.activeElement).toBe(p);

    expect(spy.current!.isValid).toBe(false);
    expect(spy.current!.draft.groups[0].convictionProbability).toBe(1.7);
    expect(spy.current!.valid).toBe(before);

    // Fixing it makes the draft the valid scenario again.
    await user.clear(p);
    await user.paste('0.9');
    expect(spy.current!.isValid).toBe(true);
    expect(spy.current!.valid?.groups[0].convictionProbability).toBe(0.9);
    expect(screen.queryByText(message)).toBeNull();
  });

  it('nullable numbers have an inherit/none checkbox', async () => {
    const user = userEvent.setup();
    const spy: { current?: ScenarioDraft } = {};
    render(<Harness initial={E2} spy={spy} />);
    const inherit = screen.getByRole('checkbox', {
      name: /inherit \(Fixed offer \(s\), group 1\)/,
    });
    expect(inherit).toHaveProperty('checked', true);
    const offer = screen.getByRole('spinbutton', { name: /Fixed offer \(s\), group 1/ });
    expect(offer).toHaveProperty('disabled', true);
    await user.click(inherit);
    expect(spy.current!.draft.groups[0].offer).toBe(5);
    expect(offer).toHaveProperty('disabled', false);
    await user.click(inherit);
    expect(spy.current!.draft.groups[0].offer).toBeNull();
    const none = screen.getByRole('checkbox', { name: /none \(Uniform offer \(s\)\)/ });
    expect(none).toHaveProperty('checked', true);
  });

  it('selects: regime and the named rankings; an explicit list is left to the JSON view', async () => {
    const user = userEvent.setup();
    const spy: { current?: ScenarioDraft } = {};
    render(
      <Harness
        initial={{ ...E2, prosecutor: { ...E2.prosecutor, ranking: [3, 1, 2] } }}
        spy={spy}
      />,
    );
    const ranking = screen.getByRole('combobox', { name: 'Ranking' });
    expect(within(ranking).getByRole('option', { name: /explicit list of 3/ })).toBeTruthy();
    await user.selectOptions(ranking, 'byValue');
    expect(spy.current!.draft.prosecutor.ranking).toBe('byValue');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Regime' }), 'lottery');
    expect(spy.current!.draft.prosecutor.regime).toBe('lottery');
    await user.click(screen.getByRole('checkbox', { name: 'Secret pledges' }));
    expect(spy.current!.draft.levers?.pledge?.secret).toBe(true);
    expect(spy.current!.valid?.levers.pledge.secret).toBe(true);
  });

  it('errors that name no single field go to their section or group card', () => {
    render(
      <ScenarioEditor
        value={E2}
        onChange={() => {}}
        errors={[
          {
            path: 'groups',
            message: 'lottery needs equal trial costs',
            text: 'groups: lottery needs equal trial costs',
          },
          {
            path: 'groups[0].colour',
            message: 'unknown field',
            text: 'groups[0].colour: unknown field',
          },
          {
            path: 'prosecutor.ranking[1]',
            message: 'defendant 1 is listed twice',
            text: 'prosecutor.ranking[1]: defendant 1 is listed twice',
          },
        ]}
      />,
    );
    const defendants = screen.getByRole('region', { name: 'Defendants' });
    expect(within(defendants).getAllByText('groups: lottery needs equal trial costs')).toHaveLength(
      1,
    );
    const card = screen.getByRole('region', { name: /Group 1/ });
    expect(within(card).getByText('groups[0].colour: unknown field')).toBeTruthy();
    const ranking = screen.getByRole('combobox', { name: 'Ranking' });
    expect(ranking.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByRole('heading', { name: '3 problems to fix' })).toBeTruthy();
  });
});
