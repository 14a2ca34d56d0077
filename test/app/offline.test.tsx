// @vitest-environment jsdom
// The offline line (src/app/offline.tsx): what it says for each state of the service worker and
// the network, and that Reload asks the registrar to activate the new version.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { OfflineStatus, resetOffline, startOffline, type Registrar } from '../../src/app/offline';

afterEach(() => {
  cleanup();
  resetOffline();
});

function fakeRegistrar() {
  const on: { offlineReady?: () => void; updateReady?: () => void } = {};
  const update = vi.fn();
  const r: Registrar = {
    register(cb) {
      Object.assign(on, cb);
    },
    update,
  };
  return { r, on, update };
}

describe('OfflineStatus', () => {
  it('says nothing until the app is cached, then "Ready to work offline"', () => {
    const { r, on } = fakeRegistrar();
    startOffline(r);
    render(<OfflineStatus />);
    expect(screen.getByTestId('offline-status').textContent).toBe('');
    act(() => on.offlineReady!());
    expect(screen.getByTestId('offline-status').textContent).toBe('Ready to work offline');
  });

  it('says "Working offline" while the network is down, and forgets it when it is back', () => {
    const { r, on } = fakeRegistrar();
    startOffline(r);
    render(<OfflineStatus />);
    act(() => on.offlineReady!());
    act(() => {
      window.dispatchEvent(new Event('offline'));
    });
    expect(screen.getByTestId('offline-status').textContent).toBe('Working offline');
    act(() => {
      window.dispatchEvent(new Event('online'));
    });
    expect(screen.getByTestId('offline-status').textContent).toBe('Ready to work offline');
  });

  it('says "Working offline" from the start when the page opens with the network already down', () => {
    const onLine = vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    try {
      const { r, on } = fakeRegistrar();
      startOffline(r);
      render(<OfflineStatus />);
      act(() => on.offlineReady!());
      expect(screen.getByTestId('offline-status').textContent).toBe('Working offline');
    } finally {
      onLine.mockRestore();
    }
  });

  it('offers Reload when a new version is waiting; Reload asks the registrar to update', () => {
    const { r, on, update } = fakeRegistrar();
    startOffline(r);
    render(<OfflineStatus />);
    act(() => on.updateReady!());
    expect(screen.getByTestId('offline-status').textContent).toBe(
      'A new version is ready — Reload',
    );
    expect(update).not.toHaveBeenCalled();
    fireEvent.click(screen.getByRole('button', { name: 'Reload' }));
    expect(update).toHaveBeenCalledTimes(1);
  });
});
