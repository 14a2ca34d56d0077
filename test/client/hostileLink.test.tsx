// @vitest-environment jsdom
// No blank screen (issue 11, item 3): a hostile link shows its message, keeps its text to copy
// and opens the default scenario; a panel that throws is replaced by a message and a way back.
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { App } from '../../src/app/App';
import { AppBoundary } from '../../src/app/AppBoundary';
import { ErrorBoundary, retryableLazy } from '../../src/app/ErrorBoundary';
import { DEFAULT_PRESET } from '../../src/app/presetChoice';
import { encodeBase64Url } from '../../src/app/scenarioHash';
import { createEnginePool, EngineProvider } from '../../src/client';
import { PRESETS } from '../../src/presets';
import { inProcessWorkers } from './inProcessWorker';

beforeEach(() => {
  history.replaceState(null, '', '#');
  vi.spyOn(console, 'warn').mockImplementation(() => {});
  vi.spyOn(console, 'error').mockImplementation(() => {});
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const app = () => {
  const pool = createEnginePool({ createWorker: inProcessWorkers, size: 1 });
  return render(
    <AppBoundary>
      <EngineProvider pool={pool}>
        <App />
      </EngineProvider>
    </AppBoundary>,
  );
};

const nested = (depth: number, inner = '1') => '['.repeat(depth) + inner + ']'.repeat(depth);

describe('a hostile link', () => {
  it.each([
    ['5,000 nested arrays', nested(5000)],
    [
      'a scenario whose groups nest 5,000 arrays deep',
      `{"schemaVersion":1,"groups":${nested(5000)}}`,
    ],
    [
      'a title nesting 5,000 objects',
      `{"schemaVersion":1,"title":${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}}`,
    ],
  ])(
    '%s: shows its message, keeps the link text, opens the default scenario',
    async (_, json) => {
      const hash = `#s=${encodeBase64Url(json)}`;
      history.replaceState(null, '', hash);
      app();
      expect(screen.queryByTestId('app-failed')).toBeNull();
      expect(screen.queryByTestId('error-boundary')).toBeNull();
      const notice = screen.getByTestId('link-problem');
      expect(notice.textContent).toContain('This link does not hold a valid scenario');
      // The link's text is kept, in full, to copy.
      const kept = [
        ...notice.querySelectorAll('textarea'),
        ...document.querySelectorAll('textarea'),
      ].map((t) => (t as HTMLTextAreaElement).value);
      expect(kept.some((v) => v === json)).toBe(true);
      // The default scenario is open and solved.
      const preset = PRESETS.find((p) => p.id === DEFAULT_PRESET)!;
      expect((screen.getByLabelText('Preset', { exact: true }) as HTMLSelectElement).value).toBe(
        DEFAULT_PRESET,
      );
      await waitFor(() => expect(screen.getByTestId('result-status').dataset.status).toBe('done'));
      expect(screen.getByTestId('result-status').textContent).toContain(preset.scenario.title);
    },
    30_000,
  );
});

function Boom({ when }: { when: boolean }): React.ReactNode {
  if (when) throw new Error('kaboom');
  return <p>fine</p>;
}

describe('error boundaries', () => {
  it('replace a failed panel with its message and a way back', () => {
    const onBack = vi.fn();
    const { rerender } = render(
      <ErrorBoundary
        name="the Sweep tab"
        actions={
          <button type="button" onClick={onBack}>
            Back
          </button>
        }
      >
        <Boom when={true} />
      </ErrorBoundary>,
    );
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('The Sweep tab failed');
    expect(alert.textContent).toContain('kaboom');
    fireEvent.click(screen.getByRole('button', { name: 'Back' }));
    expect(onBack).toHaveBeenCalledTimes(1);
    rerender(
      <ErrorBoundary name="the Sweep tab">
        <Boom when={false} />
      </ErrorBoundary>,
    );
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(screen.getByText('fine')).toBeTruthy();
  });

  it('try again by themselves when their reset keys change', () => {
    const { rerender } = render(
      <ErrorBoundary name="x" resetKeys={[1]}>
        <Boom when={true} />
      </ErrorBoundary>,
    );
    expect(screen.getByRole('alert')).toBeTruthy();
    rerender(
      <ErrorBoundary name="x" resetKeys={[2]}>
        <Boom when={false} />
      </ErrorBoundary>,
    );
    expect(screen.getByText('fine')).toBeTruthy();
  });

  it('the last one keeps the address to copy', () => {
    history.replaceState(null, '', '#s=keep-me');
    render(
      <AppBoundary>
        <Boom when={true} />
      </AppBoundary>,
    );
    expect(screen.getByTestId('app-failed').textContent).toContain('kaboom');
    const box = screen.getByLabelText('The address you opened') as HTMLTextAreaElement;
    expect(box.value).toBe(location.href);
    expect(box.value.endsWith('#s=keep-me')).toBe(true);
    expect(screen.getByRole('button', { name: 'Open the default scenario' })).toBeTruthy();
  });
});

describe('a lazy chunk that fails to load', () => {
  it('says so, and Retry loads it again', async () => {
    let fail = true;
    const panel = retryableLazy('The sweep tools', () =>
      fail
        ? Promise.reject(new TypeError('Failed to fetch dynamically imported module'))
        : Promise.resolve({ default: () => <p>sweep loaded</p> }),
    );
    const { Suspense } = await import('react');
    const View = () => (
      <ErrorBoundary name="the Sweep tab" onReset={panel.reset}>
        <Suspense fallback={<p>loading</p>}>
          <panel.Component />
        </Suspense>
      </ErrorBoundary>
    );
    const { rerender } = render(<View />);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('The Sweep tab could not be loaded');
    expect(alert.textContent).toContain(
      'The sweep tools could not be loaded: the network may be down',
    );
    fail = false;
    fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
    rerender(<View />);
    expect(await screen.findByText('sweep loaded')).toBeTruthy();
  });
});
