// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useState } from 'react';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { PresetGallery, presetGlance, presetTags } from '../../src/components/gallery';
import { PRESETS, type Preset } from '../../src/presets';

afterEach(cleanup);

function Harness({ onChoose, currentId = null }: { onChoose: (p: Preset) => void; currentId?: string | null }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        Presets
      </button>
      <PresetGallery
        open={open}
        currentId={currentId}
        onChoose={(p) => {
          onChoose(p);
          setOpen(false);
        }}
        onClose={() => setOpen(false)}
      />
    </>
  );
}

const cards = () => screen.getAllByRole('listitem').filter((li) => li.dataset.preset);

describe('PresetGallery', () => {
  it('renders nothing while closed', () => {
    render(<PresetGallery open={false} currentId={null} onChoose={() => {}} onClose={() => {}} />);
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('lists all 8 presets as cards: title, description, source, the glance line, the story in a disclosure', () => {
    render(<PresetGallery open currentId="j20" onChoose={() => {}} onClose={() => {}} />);
    const dialog = screen.getByRole('dialog', { name: 'Presets' });
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    expect(PRESETS).toHaveLength(11);
    expect(cards().map((c) => c.dataset.preset)).toEqual(PRESETS.map((p) => p.id));
    for (const p of PRESETS) {
      const card = cards().find((c) => c.dataset.preset === p.id)!;
      const w = within(card);
      expect(w.getByRole('heading', { level: 3 }).textContent).toBe(p.title);
      expect(card.textContent).toContain(p.description);
      expect(card.textContent).toContain(p.source);
      expect(card.textContent).toContain(presetGlance(p));
      const details = card.querySelector('details')!;
      expect(details.open).toBe(false);
      expect(details.textContent).toContain(p.story);
      expect(w.getByRole('button', { name: `Load ${p.title}` })).toBeTruthy();
    }
    // The current preset is marked.
    const j20 = cards().find((c) => c.dataset.preset === 'j20')!;
    expect(j20.textContent).toContain('On screen');
  });

  it('gives the regime and size at a glance', () => {
    const byId = (id: string) => PRESETS.find((p) => p.id === id)!;
    expect(presetGlance(byId('crespo-city-public'))).toBe('priority · 7,000 defendants · budget 450');
    expect(presetGlance(byId('bgb-lottery'))).toBe('lottery · 100 defendants · budget 3');
    expect(presetGlance(byId('crespo-city-clock'))).toBe('forcedSpend · 7,000 defendants · budget 450');
    expect(presetTags(byId('crespo-city-secret'))).toEqual([
      'optimal ranking',
      'secret pledge, 5%',
      '450 never plead',
    ]);
    expect(presetTags(byId('crespo-city-clock'))).toContain('speedy-trial clock');
    expect(presetTags(byId('misdemeanor-bail-fund'))).toEqual(
      expect.arrayContaining(['arrival order', 'bail fund', 'pretrial detention']),
    );
  });

  it('opens with focus on the current preset, Tab moves through the cards and Enter loads', async () => {
    const user = userEvent.setup();
    const onChoose = vi.fn();
    render(<Harness onChoose={onChoose} currentId="bgb-lottery" />);
    await user.click(screen.getByRole('button', { name: 'Presets' }));
    const current = screen.getByRole('button', { name: `Load ${PRESETS[1].title}` });
    expect(document.activeElement).toBe(current);
    // Tab: the next card's story disclosure, then its Load button.
    await user.tab();
    expect(document.activeElement?.tagName).toBe('SUMMARY');
    expect(cards()[2].contains(document.activeElement)).toBe(true);
    await user.tab();
    const j = PRESETS[2];
    expect(document.activeElement).toBe(screen.getByRole('button', { name: `Load ${j.title}` }));
    await user.keyboard('{Enter}');
    expect(onChoose).toHaveBeenCalledTimes(1);
    expect(onChoose.mock.calls[0][0]).toBe(j);
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('the Load button calls onChoose with its preset', async () => {
    const user = userEvent.setup();
    const onChoose = vi.fn();
    render(<PresetGallery open currentId={null} onChoose={onChoose} onClose={() => {}} />);
    const j20 = PRESETS.find((p) => p.id === 'j20')!;
    await user.click(screen.getByRole('button', { name: `Load ${j20.title}` }));
    expect(onChoose).toHaveBeenCalledWith(j20);
  });

  it('Escape closes and focus returns to the opener', async () => {
    const user = userEvent.setup();
    render(<Harness onChoose={() => {}} />);
    const opener = screen.getByRole('button', { name: 'Presets' });
    await user.click(opener);
    expect(screen.getByRole('dialog')).toBeTruthy();
    expect(document.activeElement).not.toBe(opener);
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(document.activeElement).toBe(opener);
  });

  it('traps focus: Tab from the last control wraps to the first, Shift+Tab back', async () => {
    const user = userEvent.setup();
    render(<Harness onChoose={() => {}} />);
    await user.click(screen.getByRole('button', { name: 'Presets' }));
    const dialog = screen.getByRole('dialog');
    const last = within(dialog).getByRole('button', { name: `Load ${PRESETS[PRESETS.length - 1].title}` });
    const close = within(dialog).getByRole('button', { name: 'Close the presets' });
    last.focus();
    await user.tab();
    expect(document.activeElement).toBe(close);
    await user.tab({ shift: true });
    expect(document.activeElement).toBe(last);
  });

  it('the close button and a click on the backdrop close it', async () => {
    const user = userEvent.setup();
    const onClose = vi.fn();
    const { container } = render(
      <PresetGallery open currentId={null} onChoose={() => {}} onClose={onClose} />,
    );
    await user.click(screen.getByRole('button', { name: 'Close the presets' }));
    expect(onClose).toHaveBeenCalledTimes(1);
    await user.click(container.querySelector('.gallery-backdrop')!);
    expect(onClose).toHaveBeenCalledTimes(2);
    // A click inside the dialog does not.
    await user.click(screen.getByRole('heading', { level: 2 }));
    expect(onClose).toHaveBeenCalledTimes(2);
  });
});
