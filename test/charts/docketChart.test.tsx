// @vitest-environment jsdom
// The docket chart's React host: an accessible figure with a data table, and a week's defendants
// listed on Enter, each opening the why panel.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { DocketChart } from '../../src/charts/docket/Chart';
import { E11D_DOCKET, E11D_ROWS } from './docketFixtures';

afterEach(cleanup);

describe('DocketChart', () => {
  it('is an image with a title and description, and offers the data table', () => {
    const { container } = render(<DocketChart docket={E11D_DOCKET} rows={E11D_ROWS} width={640} />);
    const svg = container.querySelector('svg[role=img]')!;
    expect(svg.getAttribute('aria-labelledby')).toMatch(/-title .*-desc$/);
    expect(screen.getByText('Show data table')).toBeTruthy();
    fireEvent.click(screen.getByText('Show data table'));
    fireEvent(container.querySelector('details')!, new Event('toggle'));
    expect(container.querySelector('table caption')?.textContent).toContain('The docket week by week');
  });

  it('Enter on week 1 lists its five defendants in docket order; a click opens the why panel', () => {
    const onSelect = vi.fn();
    const { container } = render(<DocketChart docket={E11D_DOCKET} rows={E11D_ROWS} onSelect={onSelect} width={640} />);
    const overlay = container.querySelector('.hc-overlay')!;
    fireEvent.focus(overlay);
    fireEvent.keyDown(overlay, { key: 'ArrowRight' });
    fireEvent.keyDown(overlay, { key: 'Enter' });
    expect(screen.getByRole('heading', { level: 4 }).textContent).toContain('Defendants arriving in week 1 (5)');
    const items = container.querySelectorAll('.hc-docket-week-list li');
    expect([...items].map((li) => li.textContent?.split(':')[0])).toEqual([
      'Defendant 9 (group 2, pledged)',
      'Defendant 3 (group 1)',
      'Defendant 10 (group 2, pledged)',
      'Defendant 4 (group 1)',
      'Defendant 11 (group 2, pledged)',
    ]);
    fireEvent.click(items[2].querySelector('button')!);
    expect(onSelect).toHaveBeenCalledWith(10);
    fireEvent.click(screen.getByRole('button', { name: 'close' }));
    expect(container.querySelector('.hc-docket-week')).toBeNull();
  });

  it('without rows (above 100,000 defendants) says so instead of a list', () => {
    const { container } = render(<DocketChart docket={E11D_DOCKET} width={640} />);
    const overlay = container.querySelector('.hc-overlay')!;
    fireEvent.focus(overlay);
    fireEvent.keyDown(overlay, { key: 'Enter' });
    expect(container.querySelector('.hc-docket-week')?.textContent).toContain('leaves out the per-defendant rows');
  });
});
