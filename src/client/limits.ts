// The sizes at which the page changes how it asks for a result (no DOM, no React: the figure
// builder in Node reads them too, so a figure is drawn from the same answer as the screen).

/**
 * Above this many defendants the per-defendant rows stay in the worker: copying 100,000 row
 * objects to the page costs ~80 ms of main thread per result. Charts then use the engine's
 * ladder bins, and the why panel asks the worker for the one defendant it explains.
 */
export const ROWS_ON_SCREEN = 25_000;

/** Whether a solve of this many defendants brings its rows to the page (null: not known yet). */
export function rowsFor(defendants: number | null): 'auto' | 'never' {
  return defendants !== null && defendants > ROWS_ON_SCREEN ? 'never' : 'auto';
}
