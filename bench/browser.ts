// W6 placeholder hook: filled in by the browser benchmark (see bench/browserBench.ts).
export async function runBrowserBench(_o: { quick: boolean; print: (l: never) => void }) {
  const { runBrowserBenchImpl } = await import('./browserBench').catch(() => ({ runBrowserBenchImpl: null }));
  if (!runBrowserBenchImpl) {
    console.error('W6: browser benchmark not available yet');
    return;
  }
  await runBrowserBenchImpl(_o);
}
