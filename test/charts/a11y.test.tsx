// @vitest-environment jsdom
import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render } from '@testing-library/react';
import type { ReactElement } from 'react';
import {
  DistributionChart,
  LadderChart,
  PhaseChart,
  RegimesChart,
  SchellingChart,
  SweepChart,
  ThresholdChart,
} from '../../src/charts';
import { E4_LOTTERY, E9_ROWS, E9_SCENARIO, REGIME_ROWS, SWEEP_A, SWEEP_B, TAKE_SUMMARY, kind, phaseFixture } from './fixtures';
import type { Distribution } from '../../src/engine/result/types';
import { DISTRIBUTION_KEYS } from '../../src/engine/result/types';

afterEach(cleanup);

const distribution = Object.fromEntries(DISTRIBUTION_KEYS.map((k) => [k, TAKE_SUMMARY])) as Distribution;

const charts: [string, ReactElement][] = [
  ['ladder', <LadderChart rows={E9_ROWS} scenario={E9_SCENARIO} stopRank={3} regime="priority" />],
  ['threshold', <ThresholdChart lottery={E4_LOTTERY} N={10} />],
  ['schelling', <SchellingChart kind={kind()} offer={5 / 3} k={1} N={3} />],
  ['sweep', <SweepChart sweep={SWEEP_A} compare={SWEEP_B} outcome="take" />],
  ['phase', <PhaseChart phase={phaseFixture(true)} />],
  ['distribution', <DistributionChart distribution={distribution} field="take" />],
  ['regimes', <RegimesChart rows={REGIME_ROWS} />],
];

describe('every chart is accessible', () => {
  it.each(charts)('%s: svg role=img with an accessible name and description, and a data table', (_name, el) => {
    const { container, getAllByRole } = render(el);
    const svg = container.querySelector('svg')!;
    expect(svg.getAttribute('role')).toBe('img');
    const [titleId, descId] = (svg.getAttribute('aria-labelledby') ?? '').split(' ');
    const title = container.ownerDocument.getElementById(titleId);
    const desc = container.ownerDocument.getElementById(descId);
    expect(title?.tagName).toBe('title');
    expect(title?.textContent).toBeTruthy();
    expect(desc?.tagName).toBe('desc');
    expect(desc?.textContent).toBeTruthy();
    // The name resolves through the accessibility tree.
    const img = getAllByRole('img')[0];
    expect(img).toBe(svg);
    // The data-table alternative.
    const details = container.querySelector('details');
    expect(details?.querySelector('summary')?.textContent).toBe('Show data table');
    const table = details?.querySelector('table');
    expect(table?.querySelector('caption')?.textContent).toBeTruthy();
    expect(table?.querySelectorAll('thead th').length).toBeGreaterThan(1);
    // Rows are rendered when the table is opened.
    act(() => {
      details!.open = true;
      details!.dispatchEvent(new Event('toggle'));
    });
    expect(details?.querySelectorAll('table tbody tr').length).toBeGreaterThan(0);
    // Keyboard: a focusable overlay.
    expect(svg.querySelector('[tabindex="0"]')).not.toBeNull();
    // A polite live region for the focused mark.
    expect(container.querySelector('[aria-live="polite"]')).not.toBeNull();
  });

  it('ids are unique when two charts share a page', () => {
    const { container } = render(
      <>
        <RegimesChart rows={REGIME_ROWS} />
        <RegimesChart rows={REGIME_ROWS} />
      </>,
    );
    const ids = [...container.querySelectorAll('[id]')].map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('the ladder host announces the focused defendant and passes Enter to onSelect', () => {
    const onSelect = vi.fn();
    const { container } = render(<LadderChart rows={E9_ROWS} scenario={E9_SCENARIO} stopRank={3} onSelect={onSelect} width={640} />);
    const overlay = container.querySelector('.hc-overlay')!;
    fireEvent.focus(overlay);
    fireEvent.keyDown(overlay, { key: 'ArrowRight' });
    expect(container.querySelector('[aria-live="polite"]')?.textContent).toContain('Rank 2: defendant 2');
    fireEvent.keyDown(overlay, { key: 'Enter' });
    expect(onSelect).toHaveBeenCalledWith(2);
    expect(container.querySelector('svg')?.getAttribute('width')).toBe('640');
  });

  it('unmounting cleans the svg up', () => {
    const { container, unmount } = render(<RegimesChart rows={REGIME_ROWS} />);
    const svg = container.querySelector('svg')!;
    expect(svg.childNodes.length).toBeGreaterThan(0);
    unmount();
    expect(svg.childNodes.length).toBe(0);
  });
});
