// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { JsonView, scenarioFileName } from '../../src/components/editor/JsonView';
import { ScenarioEditorPanel } from '../../src/components/editor/ScenarioEditorPanel';
import { useScenarioDraft, type ScenarioDraft } from '../../src/components/editor/useScenarioDraft';
import type { ScenarioInput } from '../../src/engine/scenario/schema';

afterEach(cleanup);

const E2: ScenarioInput = {
  schemaVersion: 1,
  title: 'E2: divide and conquer',
  groups: [{ label: 'felony', count: 3, convictionProbability: 0.5, trialSentence: 10 }],
  prosecutor: { budget: 1, regime: 'priority', ranking: 'arrival' },
};

function Panel({ spy, initialText }: { spy: { current?: ScenarioDraft }; initialText?: string }) {
  const st = useScenarioDraft(E2);
  spy.current = st;
  return <ScenarioEditorPanel state={st} initialText={initialText} />;
}

const textarea = () =>
  screen.getByRole('textbox', { name: 'Scenario JSON' }) as HTMLTextAreaElement;

describe('JsonView', () => {
  it('broken JSON keeps the text as typed and shows the line and column', () => {
    const onChange = vi.fn();
    render(<JsonView value={E2} onChange={onChange} />);
    const broken = '{\n  "schemaVersion": 1,\n  "title": ,\n}';
    fireEvent.change(textarea(), { target: { value: broken } });
    expect(textarea().value).toBe(broken);
    expect(onChange).not.toHaveBeenCalled();
    expect(textarea().getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText(/^scenario: not valid JSON at line 3, column 12: /)).toBeTruthy();
  });

  it('valid JSON updates the draft and the form', async () => {
    const user = userEvent.setup();
    const spy: { current?: ScenarioDraft } = {};
    render(<Panel spy={spy} />);
    await user.click(screen.getByRole('tab', { name: 'JSON' }));
    const doc = { ...E2, prosecutor: { ...E2.prosecutor, budget: 7 } };
    fireEvent.change(textarea(), { target: { value: JSON.stringify(doc) } });
    expect(spy.current!.draft).toEqual(doc);
    expect(spy.current!.valid?.prosecutor.budget).toBe(7);
    await user.click(screen.getByRole('tab', { name: 'Form' }));
    expect(screen.getByRole('spinbutton', { name: /Trial budget/ })).toHaveProperty('value', '7');
  });

  it('schema errors name the field path; the text and the last valid scenario survive', async () => {
    const user = userEvent.setup();
    const spy: { current?: ScenarioDraft } = {};
    render(<Panel spy={spy} />);
    await user.click(screen.getByRole('tab', { name: 'JSON' }));
    const bad = JSON.stringify(
      { ...E2, groups: [{ ...E2.groups[0], convictionProbability: 1.7 }] },
      null,
      2,
    );
    fireEvent.change(textarea(), { target: { value: bad } });
    expect(
      screen.getByText('groups[0].convictionProbability: must be at most 1, got 1.7'),
    ).toBeTruthy();
    expect(spy.current!.valid?.groups[0].convictionProbability).toBe(0.5);
    // A trip to the form and back keeps the text.
    await user.click(screen.getByRole('tab', { name: 'Form' }));
    await user.click(screen.getByRole('tab', { name: 'JSON' }));
    expect(textarea().value).toBe(bad);
  });

  it('keeps invalid text when the form changes, and offers to replace it', async () => {
    const user = userEvent.setup();
    const spy: { current?: ScenarioDraft } = {};
    render(<Panel spy={spy} />);
    await user.click(screen.getByRole('tab', { name: 'JSON' }));
    fireEvent.change(textarea(), { target: { value: '{ oops' } });
    await user.click(screen.getByRole('tab', { name: 'Form' }));
    fireEvent.change(screen.getByRole('slider', { name: /Trial budget/ }), {
      target: { value: '9' },
    });
    await user.click(screen.getByRole('tab', { name: 'JSON' }));
    expect(textarea().value).toBe('{ oops');
    await user.click(screen.getByRole('button', { name: /Replace it with the form/ }));
    expect(JSON.parse(textarea().value).prosecutor.budget).toBe(9);
  });

  it('follows form edits while its text is valid', () => {
    const { rerender } = render(<JsonView value={E2} onChange={() => {}} />);
    const next = { ...E2, title: 'changed' };
    rerender(<JsonView value={next} onChange={() => {}} />);
    expect(JSON.parse(textarea().value).title).toBe('changed');
  });

  it('Format pretty-prints valid JSON and refuses broken JSON', async () => {
    const user = userEvent.setup();
    const onChange = vi.fn();
    render(<JsonView value={E2} onChange={onChange} />);
    fireEvent.change(textarea(), { target: { value: JSON.stringify(E2) } });
    await user.click(screen.getByRole('button', { name: 'Format' }));
    expect(textarea().value).toBe(`${JSON.stringify(E2, null, 2)}\n`);
    fireEvent.change(textarea(), { target: { value: '{' } });
    await user.click(screen.getByRole('button', { name: 'Format' }));
    expect(textarea().value).toBe('{');
    expect(screen.getByText(/Cannot format/)).toBeTruthy();
  });

  it('opening a malformed file shows its errors and loses nothing', async () => {
    const user = userEvent.setup();
    const onChange = vi.fn();
    render(<JsonView value={E2} onChange={onChange} />);
    const text = '{\n  "schemaVersion": 1,\n  "groups": [\n}\n';
    const file = new File([text], 'broken.scenario.json', { type: 'application/json' });
    await user.upload(screen.getByLabelText('Open a scenario file'), file);
    expect(await screen.findByText(/Opened broken\.scenario\.json: it has 1 problem/)).toBeTruthy();
    expect(textarea().value).toBe(text);
    expect(
      within(screen.getByRole('list')).getByText(/not valid JSON at line 4, column 1/),
    ).toBeTruthy();
    expect(onChange).not.toHaveBeenCalled();

    const good = new File([JSON.stringify(E2)], 'e2.json', { type: 'application/json' });
    await user.upload(screen.getByLabelText('Open a scenario file'), good);
    expect(await screen.findByText('Opened e2.json.')).toBeTruthy();
    expect(onChange).toHaveBeenCalledWith(E2);
  });

  it('opens a broken link’s text in the JSON tab with its line and column; the form keeps the last valid scenario', async () => {
    const user = userEvent.setup();
    const spy: { current?: ScenarioDraft } = {};
    const broken = '{"schemaVersion": 1, "groups": [';
    render(<Panel spy={spy} initialText={broken} />);
    expect(screen.getByRole('tab', { name: 'JSON' }).getAttribute('aria-selected')).toBe('true');
    expect(textarea().value).toBe(broken);
    expect(textarea().getAttribute('aria-invalid')).toBe('true');
    expect(
      within(screen.getByRole('list')).getByText(/^scenario: not valid JSON at line 1, column 33: /),
    ).toBeTruthy();
    // Nothing was applied: the draft and the last valid scenario are still E2.
    expect(spy.current!.draft).toBe(E2);
    expect(spy.current!.valid?.prosecutor.budget).toBe(1);
    await user.click(screen.getByRole('tab', { name: 'Form' }));
    expect(screen.getByRole('spinbutton', { name: /Trial budget/ })).toHaveProperty('value', '1');
    // Fixing the text applies it.
    await user.click(screen.getByRole('tab', { name: 'JSON' }));
    const fixed = { ...E2, prosecutor: { ...E2.prosecutor, budget: 2 } };
    fireEvent.change(textarea(), { target: { value: JSON.stringify(fixed) } });
    expect(spy.current!.valid?.prosecutor.budget).toBe(2);
    expect(screen.getByText('Valid scenario.')).toBeTruthy();
  });

  it('opens with the form tab and the draft when no initial text is given', () => {
    const spy: { current?: ScenarioDraft } = {};
    render(<Panel spy={spy} />);
    expect(screen.getByRole('tab', { name: 'Form' }).getAttribute('aria-selected')).toBe('true');
    const hidden = screen.getByRole('textbox', { name: 'Scenario JSON', hidden: true });
    expect(JSON.parse((hidden as HTMLTextAreaElement).value)).toEqual(E2);
  });

  it('valid initial text becomes the draft', () => {
    const onChange = vi.fn();
    const doc = { ...E2, title: 'from a link' };
    render(<JsonView value={E2} onChange={onChange} initialText={JSON.stringify(doc)} />);
    expect(onChange).toHaveBeenCalledWith(doc);
  });

  it('names downloads after the title', () => {
    expect(scenarioFileName(E2)).toBe('e2-divide-and-conquer.scenario.json');
    expect(scenarioFileName({})).toBe('scenario.scenario.json');
  });
});
