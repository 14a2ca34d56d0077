// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useState } from 'react';
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { STEPS, TAB_NAMES, Walkthrough, stepById } from '../../src/walkthrough';
import { PRESETS, presetById } from '../../src/presets';

afterEach(cleanup);

const sentences = (text: string) =>
  text
    .split(/(?<=[.!?])\s+(?=[A-Z0-9#“"(])/)
    .map((s) => s.trim())
    .filter(Boolean);

describe('the tour as data (steps.ts)', () => {
  it('has 8 to 13 steps (one per preset, plus try-it and compare) with unique ids and no empty text', () => {
    expect(STEPS.length).toBeGreaterThanOrEqual(8);
    expect(STEPS.length).toBeLessThanOrEqual(13);
    expect(new Set(STEPS.map((s) => s.id)).size).toBe(STEPS.length);
    for (const s of STEPS) {
      expect(s.id, s.id).toMatch(/^[a-z0-9-]+$/);
      expect(s.title.trim(), s.id).not.toBe('');
      expect(s.body.trim(), s.id).not.toBe('');
      expect(s.lookFor.trim(), s.id).not.toBe('');
      expect(s.presetId ?? s.tab, `${s.id} loads something`).toBeDefined();
      const n = sentences(s.body).length;
      expect(n, `${s.id}: ${n} sentences`).toBeGreaterThanOrEqual(2);
      expect(n, `${s.id}: ${n} sentences`).toBeLessThanOrEqual(5);
    }
    expect(stepById('j20')?.presetId).toBe('j20');
  });

  it('names only presets that exist and tabs the workbench has', () => {
    for (const s of STEPS) {
      if (s.presetId) expect(presetById(s.presetId), `${s.id}: ${s.presetId}`).toBeDefined();
      if (s.tab) expect(TAB_NAMES, s.id).toContain(s.tab);
    }
    // The classroom story: every preset appears, the tour ends on Sweep and Compare A/B.
    const used = new Set(STEPS.map((s) => s.presetId));
    for (const p of PRESETS) expect(used.has(p.id), p.id).toBe(true);
    expect(STEPS.map((s) => s.tab)).toEqual(expect.arrayContaining(['Sweep', 'Compare A/B']));
    expect(STEPS[0].presetId).toBe('bgb-priority');
    expect(STEPS[1].presetId).toBe('bgb-lottery');
  });

  it('quotes the figures of docs/presets.md', () => {
    const body = (id: string) => stepById(id)!.body;
    expect(body('divide-and-conquer')).toContain('100/3');
    expect(body('lottery')).toContain('0.15');
    expect(body('public-pledges')).toContain('18,466.2');
    expect(body('secret-pledges')).toMatch(/19,155.*15,219/);
    expect(body('arrival-order')).toContain('3,562');
    expect(body('j20')).toMatch(/230.*20 non-signers.*187/);
    expect(body('bail-fund')).toContain('178.86');
  });
});

function Harness(props: {
  onLoadPreset: (id: string) => void;
  onGoToTab: (tab: string) => void;
  onClose?: () => void;
}) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        Guided tour
      </button>
      <Walkthrough
        open={open}
        onClose={() => {
          props.onClose?.();
          setOpen(false);
        }}
        onLoadPreset={props.onLoadPreset}
        onGoToTab={props.onGoToTab}
      />
    </>
  );
}

describe('Walkthrough', () => {
  it('renders nothing while closed and loads nothing', () => {
    const onLoadPreset = vi.fn();
    render(<Walkthrough open={false} onClose={() => {}} onLoadPreset={onLoadPreset} />);
    expect(screen.queryByRole('complementary')).toBeNull();
    expect(onLoadPreset).not.toHaveBeenCalled();
  });

  it('opens on step 1, loading its preset and tab, in a labelled complementary panel', async () => {
    const user = userEvent.setup();
    const onLoadPreset = vi.fn();
    const onGoToTab = vi.fn();
    render(<Harness onLoadPreset={onLoadPreset} onGoToTab={onGoToTab} />);
    await user.click(screen.getByRole('button', { name: 'Guided tour' }));
    const panel = screen.getByRole('complementary', { name: STEPS[0].title });
    expect(panel.textContent).toContain(`Step 1 of ${STEPS.length}`);
    expect(panel.textContent).toContain(STEPS[0].body);
    expect(panel.textContent).toContain(STEPS[0].lookFor);
    expect(panel.querySelector('[aria-live=polite]')?.textContent).toContain('Step 1 of');
    expect(onLoadPreset).toHaveBeenLastCalledWith('bgb-priority');
    expect(onGoToTab).toHaveBeenLastCalledWith('Result');
    expect(document.activeElement).toBe(screen.getByRole('heading', { level: 2 }));
    expect(screen.getByRole('button', { name: /Back/ })).toHaveProperty('disabled', true);
  });

  it('Next and Back move through the steps and load each step’s preset and tab', async () => {
    const user = userEvent.setup();
    const onLoadPreset = vi.fn();
    const onGoToTab = vi.fn();
    render(<Harness onLoadPreset={onLoadPreset} onGoToTab={onGoToTab} />);
    await user.click(screen.getByRole('button', { name: 'Guided tour' }));
    onLoadPreset.mockClear();
    onGoToTab.mockClear();
    for (let i = 1; i < STEPS.length; i++) {
      await user.click(screen.getByRole('button', { name: /Next/ }));
      expect(screen.getByRole('complementary').textContent).toContain(
        `Step ${i + 1} of ${STEPS.length}`,
      );
      expect(screen.getByRole('heading', { level: 2 }).textContent).toBe(STEPS[i].title);
      if (STEPS[i].presetId) expect(onLoadPreset).toHaveBeenLastCalledWith(STEPS[i].presetId);
      if (STEPS[i].tab) expect(onGoToTab).toHaveBeenLastCalledWith(STEPS[i].tab);
    }
    expect(onLoadPreset).toHaveBeenCalledTimes(STEPS.filter((s, i) => i > 0 && s.presetId).length);
    // The last step finishes instead of going on.
    expect(screen.queryByRole('button', { name: /Next/ })).toBeNull();
    await user.click(screen.getByRole('button', { name: /Back/ }));
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe(STEPS[STEPS.length - 2].title);
    expect(onLoadPreset).toHaveBeenLastCalledWith(STEPS[STEPS.length - 2].presetId);
    await user.click(screen.getByRole('button', { name: /Next/ }));
    await user.click(screen.getByRole('button', { name: 'Finish' }));
    expect(screen.queryByRole('complementary')).toBeNull();
  });

  it('the progress dots jump to a step and mark the current one', async () => {
    const user = userEvent.setup();
    const onLoadPreset = vi.fn();
    render(<Harness onLoadPreset={onLoadPreset} onGoToTab={() => {}} />);
    await user.click(screen.getByRole('button', { name: 'Guided tour' }));
    const j = STEPS.findIndex((s) => s.id === 'j20');
    await user.click(screen.getByRole('button', { name: `Step ${j + 1}: ${STEPS[j].title}` }));
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe(STEPS[j].title);
    expect(onLoadPreset).toHaveBeenLastCalledWith('j20');
    const current = screen
      .getAllByRole('button', { name: /^Step \d+:/ })
      .filter((b) => b.getAttribute('aria-current') === 'step');
    expect(current.map((b) => b.getAttribute('aria-label'))).toEqual([
      `Step ${j + 1}: ${STEPS[j].title}`,
    ]);
  });

  it('Close and Escape close it and return focus to the opener; a re-render does not reload', async () => {
    const user = userEvent.setup();
    const onLoadPreset = vi.fn();
    const onClose = vi.fn();
    render(<Harness onLoadPreset={onLoadPreset} onGoToTab={() => {}} onClose={onClose} />);
    const opener = screen.getByRole('button', { name: 'Guided tour' });
    await user.click(opener);
    expect(onLoadPreset).toHaveBeenCalledTimes(1);
    await user.keyboard('{Escape}');
    expect(onClose).toHaveBeenCalledTimes(1);
    expect(screen.queryByRole('complementary')).toBeNull();
    expect(document.activeElement).toBe(opener);
    await user.click(opener);
    await user.click(screen.getByRole('button', { name: 'Close the guided tour' }));
    expect(onClose).toHaveBeenCalledTimes(2);
    expect(document.activeElement).toBe(opener);
  });

  it('works without onGoToTab', async () => {
    const user = userEvent.setup();
    const onLoadPreset = vi.fn();
    render(<Walkthrough open onClose={() => {}} onLoadPreset={onLoadPreset} />);
    await user.click(screen.getByRole('button', { name: /Next/ }));
    expect(onLoadPreset).toHaveBeenLastCalledWith(STEPS[1].presetId);
  });
});

describe('Walkthrough, compact', () => {
  it('hides the text on request and keeps the step controls', async () => {
    const user = userEvent.setup();
    render(<Walkthrough open onClose={() => {}} onLoadPreset={() => {}} />);
    const toggle = screen.getByRole('button', { name: 'Hide text' });
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    await user.click(toggle);
    expect(screen.getByText(STEPS[0].body).closest('[hidden]')).not.toBeNull();
    expect(screen.getByRole('button', { name: 'Show text' }).getAttribute('aria-expanded')).toBe(
      'false',
    );
    await user.click(screen.getByRole('button', { name: /Next/ }));
    expect(screen.getByRole('heading', { level: 2 }).textContent).toBe(STEPS[1].title);
  });
});
