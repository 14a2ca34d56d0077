// A lazy chunk that fails to load (issue 11, item 3): with the network cut for the analysis
// panels' JavaScript and CSS, opening the Sweep tab says so instead of blanking the app; the
// rest of the workbench goes on; once the network is back, Retry loads the panel.
import { describe, expect, inject, it } from 'vitest';
import { useBrowser } from './browser';

const baseURL = inject('baseURL');
const { open } = useBrowser(baseURL);

describe('a lazy chunk that fails to load', () => {
  it('says so, keeps the app, and Retry loads it once the network is back', async () => {
    const w = await open('');
    const { page, context } = w;
    await page.waitForFunction(
      () =>
        document.querySelector<HTMLElement>('[data-testid=result-status]')?.dataset.status ===
        'done',
      undefined,
      { timeout: 60_000 },
    );
    // Everything not yet loaded fails from now on, as when the network drops.
    let cut = true;
    await context.route('**/*', (route) =>
      cut ? route.abort('internetdisconnected') : route.continue(),
    );
    await page.getByRole('tab', { name: 'Sweep' }).click();
    const alert = page.getByTestId('error-boundary');
    await alert.waitFor({ timeout: 30_000 });
    const text = (await alert.textContent()) ?? '';
    expect(text).toContain('The Sweep tab could not be loaded');
    expect(text).toContain('the network may be down');
    // The rest of the app is still there and working.
    await page.getByRole('tab', { name: 'Result' }).click();
    await page.getByTestId('result-status').waitFor();
    expect(await page.getByLabel('Preset', { exact: true }).isVisible()).toBe(true);
    // Network back: Retry loads the panel.
    cut = false;
    await page.getByRole('tab', { name: 'Sweep' }).click();
    await page.getByRole('button', { name: 'Retry' }).click();
    await page.locator('.ha-panel').first().waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('error-boundary').count()).toBe(0);
    expect(w.foreign).toEqual([]);
  });
});
