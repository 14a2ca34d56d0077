// The last resort around the whole app: if it cannot draw at all, the page still says what went
// wrong, keeps the address (the scenario is in its hash) in a box to copy, and offers to open
// the default scenario or reload. Never a blank screen.
import { Component, type ErrorInfo, type ReactNode } from 'react';

interface State {
  error: Error | null;
  link: string;
}

export class AppBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { error: null, link: '' };

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return {
      error: error instanceof Error ? error : new Error(String(error)),
      link: typeof location !== 'undefined' ? location.href : '',
    };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo) {
    console.warn('Holdout: the workbench failed', error, info.componentStack);
  }

  private openDefault = () => {
    history.replaceState(null, '', location.pathname + location.search);
    location.reload();
  };

  override render() {
    const { error, link } = this.state;
    if (!error) return this.props.children;
    return (
      <main className="app-failed" data-testid="app-failed">
        <div className="errors" role="alert">
          <h1 className="section-title">The workbench could not be drawn</h1>
          <p>{error.message}</p>
          <p>
            The address you opened is kept below, so nothing is lost: copy it to keep the scenario
            it holds. Then open the default scenario, or reload to try again.
          </p>
          <label htmlFor="app-failed-link">The address you opened</label>
          <textarea id="app-failed-link" className="link-text" readOnly rows={4} value={link} />
          <div className="boundary-actions">
            <button type="button" className="button" onClick={this.openDefault}>
              Open the default scenario
            </button>
            <button type="button" className="button" onClick={() => location.reload()}>
              Reload
            </button>
          </div>
        </div>
      </main>
    );
  }
}
