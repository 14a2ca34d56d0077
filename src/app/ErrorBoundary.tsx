// No blank screen, ever: an error while drawing a panel replaces that panel (not the app) with
// what went wrong and a way back. The whole app has one too (main.tsx), as a last resort, with
// the link kept to copy and a way to open the default scenario. A lazy chunk that fails to load
// (offline, a new deployment) says so, and Retry loads it again.
import {
  Component,
  lazy,
  type ComponentProps,
  type ComponentType,
  type ErrorInfo,
  type ReactNode,
} from 'react';

export interface BoundaryProps {
  /** What failed, for the message: "the editor", "the Sweep tab". */
  name: string;
  children: ReactNode;
  /** Called by "Try again" before the children are drawn again (e.g. reload a lazy chunk). */
  onReset?: () => void;
  /** Extra ways back, next to "Try again". */
  actions?: ReactNode;
  /** When any of these change, a failed boundary tries again by itself (a new scenario, tab). */
  resetKeys?: readonly unknown[];
}

interface State {
  error: Error | null;
  keys: readonly unknown[] | undefined;
}

/** An error thrown when a code chunk (a lazily loaded panel) fails to load. */
export class ChunkLoadError extends Error {
  constructor(what: string, cause: unknown) {
    super(
      `${what} could not be loaded: the network may be down, or a new version was deployed. ${
        cause instanceof Error ? cause.message : String(cause)
      }`,
    );
    this.name = 'ChunkLoadError';
  }
}

const sameKeys = (a: readonly unknown[] | undefined, b: readonly unknown[] | undefined) =>
  a === b || (!!a && !!b && a.length === b.length && a.every((x, i) => Object.is(x, b[i])));

export class ErrorBoundary extends Component<BoundaryProps, State> {
  override state: State = { error: null, keys: this.props.resetKeys };

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  static getDerivedStateFromProps(props: BoundaryProps, state: State): Partial<State> | null {
    if (!sameKeys(props.resetKeys, state.keys)) return { keys: props.resetKeys, error: null };
    return null;
  }

  override componentDidCatch(error: unknown, info: ErrorInfo) {
    // Kept in the console for a bug report; nothing is sent anywhere.
    console.warn(`Holdout: ${this.props.name} failed`, error, info.componentStack);
  }

  reset = () => {
    this.props.onReset?.();
    this.setState({ error: null });
  };

  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    const chunk = error instanceof ChunkLoadError;
    return (
      <div className="errors boundary" role="alert" data-testid="error-boundary">
        <h3>
          {chunk
            ? `${capital(this.props.name)} could not be loaded`
            : `${capital(this.props.name)} failed`}
        </h3>
        <p>{chunk ? error.message : `Something went wrong while drawing it: ${error.message}`}</p>
        <p>Your scenario is kept; the rest of the workbench still works.</p>
        <div className="boundary-actions">
          <button type="button" className="button" onClick={this.reset}>
            {chunk ? 'Retry' : 'Try again'}
          </button>
          {this.props.actions}
        </div>
      </div>
    );
  }
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * Whether the app's own files can be fetched now (from the server, or from the offline cache
 * once the service worker has it): asked before a chunk is imported, because the browser
 * remembers a failed import for the page's life, so Retry could never load that chunk again.
 * The production build only (the dev server and the tests import modules directly).
 */
async function reachable(): Promise<void> {
  if (!import.meta.env.PROD || typeof fetch !== 'function' || typeof document === 'undefined') return;
  const r = await fetch(new URL('index.html', document.baseURI), { cache: 'no-store' });
  if (!r.ok) throw new Error(`the server answered ${r.status}.`);
}

/**
 * React.lazy that can be retried: a failed import becomes a ChunkLoadError (for the boundary's
 * message), and `reset()` (the boundary's onReset) makes the next mount import again instead of
 * rethrowing the cached failure. `Component` is a stable wrapper that picks the current lazy
 * component each time it mounts.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- as React.lazy's own signature
export function retryableLazy<C extends ComponentType<any>>(
  what: string,
  load: () => Promise<{ default: C }>,
) {
  const make = () =>
    lazy<C>(() =>
      reachable()
        .then(load)
        .catch((e: unknown): never => {
          throw new ChunkLoadError(what, e);
        }),
    );
  let current = make();
  function Component(props: ComponentProps<C>) {
    const Current = current as ComponentType<ComponentProps<C>>;
    return <Current {...props} />;
  }
  return {
    Component,
    reset: () => {
      current = make();
    },
  };
}
