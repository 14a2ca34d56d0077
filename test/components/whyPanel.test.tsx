// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { WhyPanel } from '../../src/components/why/WhyPanel';
import { parseScenario } from '../../src/engine/scenario/parse';
import { buildPopulation, describeKinds } from '../../src/engine/population/kinds';
import type { DefendantRow } from '../../src/engine/result/types';
import type { Scenario } from '../../src/engine/scenario/schema';

afterEach(cleanup);

const r = parseScenario({
  schemaVersion: 1,
  groups: [{ count: 3, convictionProbability: 0.5, trialSentence: 10 }],
  prosecutor: { budget: 1, regime: 'priority', ranking: 'arrival' },
});
const scenario = (r as { scenario: Scenario }).scenario;
const [kind] = describeKinds(buildPopulation(scenario));
const row: DefendantRow = {
  id: 1,
  group: 0,
  rank: 1,
  outcome: 'plea',
  offer: 5,
  threatened: true,
  withheld: false,
  pledged: false,
  never: false,
  covered: false,
  trialProbability: null,
};

function Host() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        Why defendant 1
      </button>
      {open && (
        <WhyPanel
          row={row}
          kind={kind}
          scenario={scenario}
          context={{ regime: 'priority' }}
          onClose={() => setOpen(false)}
        />
      )}
    </>
  );
}

describe('WhyPanel', () => {
  it('shows the explanation under a heading with the defendant number, politely announced', () => {
    render(
      <WhyPanel
        row={row}
        kind={kind}
        scenario={scenario}
        context={{ regime: 'priority' }}
        onClose={() => {}}
      />,
    );
    const heading = screen.getByRole('heading', { name: 'Why defendant 1?' });
    expect(document.activeElement).toBe(heading);
    // The sentence first (plain words), the arithmetic on request.
    expect(screen.getByText(/^Defendant 1 pleaded: /)).toBeTruthy();
    expect(screen.getByText('Ties go to the plea.')).toBeTruthy();
    expect(screen.getByText(/^Defendant 1 pleaded: /).closest('[aria-live="polite"]')).not.toBeNull();
    expect(screen.getByText('Ties go to the plea.').closest('details')?.querySelector('summary')?.textContent).toBe('Show the arithmetic');
    expect(screen.getByRole('region', { name: 'Why defendant 1?' })).toBeTruthy();
  });

  it('closes with the button or Escape and gives focus back', async () => {
    const user = userEvent.setup();
    render(<Host />);
    const opener = screen.getByRole('button', { name: 'Why defendant 1' });
    await user.click(opener);
    expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Why defendant 1?' }));
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('heading', { name: 'Why defendant 1?' })).toBeNull();
    expect(document.activeElement).toBe(opener);

    await user.click(opener);
    await user.click(screen.getByRole('button', { name: 'Close the explanation' }));
    expect(screen.queryByRole('heading', { name: 'Why defendant 1?' })).toBeNull();
    expect(document.activeElement).toBe(opener);
  });

  it('explains a lottery threshold when k and N are known', () => {
    const onClose = vi.fn();
    render(
      <WhyPanel
        row={{ ...row, rank: null, outcome: 'refuse', offer: 6, trialProbability: 1 / 3 }}
        kind={kind}
        scenario={scenario}
        context={{ regime: 'lottery', k: 1, R: 3 }}
        N={3}
        onClose={onClose}
      />,
    );
    expect(screen.getByText(/He refuses even as the only rejecter/)).toBeTruthy();
  });
});
