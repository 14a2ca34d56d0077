// @vitest-environment jsdom
// The weekly docket, week by week (issue 10): the player under the docket chart steps, plays and
// pauses one week per frame; each frame's sentence is describeDocketFrame of the engine's byWeek;
// the chart draws the weeks up to the frame and the crash once reached.
import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { DocketPlayer } from '../../src/walkthrough/docketPlayer';
import { describeDocketFrame, docketView } from '../../src/charts/docket/data';
import { E11D_DOCKET, E11D_ROWS } from '../charts/docketFixtures';

afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

const v = docketView(E11D_DOCKET);
const text = (c: HTMLElement) => c.querySelector('[data-testid=frame-text]')?.textContent;
const frame = (c: HTMLElement) => Number(c.querySelector('.player')?.getAttribute('data-frame'));

describe('DocketPlayer', () => {
  it('starts on the last frame (the whole result, no frame box); steps back and forth by button and slider', () => {
    const { container } = render(<DocketPlayer docket={E11D_DOCKET} rows={E11D_ROWS} start="last" />);
    expect(frame(container)).toBe(4);
    expect(text(container)).toBe(describeDocketFrame(v, 4));
    expect(container.querySelector('.hc-cursor')).toBeNull();
    expect(container.querySelector('.hc-recovery-week')).not.toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'First frame' }));
    expect(text(container)).toBe(describeDocketFrame(v, 0));
    expect(container.querySelector('.hc-crash-week')).toBeNull();
    expect(container.querySelector('.hc-cursor')).not.toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Step forward' }));
    expect(text(container)).toBe(describeDocketFrame(v, 1));
    expect(container.querySelector('.hc-crash-week')).not.toBeNull();
    expect(container.querySelector('.hc-recovery-week')).toBeNull();
    fireEvent.change(screen.getByRole('slider', { name: 'Frame' }), { target: { value: '2' } });
    expect(text(container)).toBe(describeDocketFrame(v, 2));
    expect(container.querySelector('.hc-recovery-week')).not.toBeNull();
    expect(screen.getByRole('slider', { name: 'Frame' }).getAttribute('aria-valuetext')).toBe('week 2 of weeks 0–4');
    // The live region says the same as the sentence.
    expect(container.querySelector('.player [aria-live=polite]')?.textContent).toBe(describeDocketFrame(v, 2));
  });

  it('Space on the slider plays, one week per tick, and pauses', () => {
    vi.useFakeTimers();
    const { container } = render(<DocketPlayer docket={E11D_DOCKET} rows={E11D_ROWS} start="first" />);
    expect(frame(container)).toBe(0);
    const slider = screen.getByRole('slider', { name: 'Frame' });
    fireEvent.keyDown(slider, { key: ' ' });
    expect(screen.getByRole('button', { name: 'Pause' }).getAttribute('aria-pressed')).toBe('true');
    act(() => {
      vi.advanceTimersByTime(700);
    });
    expect(frame(container)).toBe(1);
    act(() => {
      vi.advanceTimersByTime(700);
    });
    expect(frame(container)).toBe(2);
    fireEvent.keyDown(slider, { key: ' ' });
    act(() => {
      vi.advanceTimersByTime(5000);
    });
    expect(frame(container)).toBe(2);
    expect(text(container)).toBe(describeDocketFrame(v, 2));
  });
});
