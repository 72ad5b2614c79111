/**
 * Keeps one view's defect from blanking the whole app: the header and its links stay, and the
 * view says what went wrong in plain words, with a way back that leaves the broken link behind
 * (React shows nothing at all when a render throws and no boundary catches it).
 */
import { Component, type ErrorInfo, type ReactNode } from 'react';

interface Props {
  /** What the view is called, for the message. */
  view: string;
  /** A change of this (the address) tries the view again. */
  resetKey: string;
  children: ReactNode;
}

interface State {
  error: Error | null;
}

export class ErrorBoundary extends Component<Props, State> {
  state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  componentDidUpdate(prev: Props): void {
    if (prev.resetKey !== this.props.resetKey && this.state.error) this.setState({ error: null });
  }

  componentDidCatch(error: Error, info: ErrorInfo): void {
    // For whoever opens the console to report it; the page itself says it in words.
    console.error(`${this.props.view} failed:`, error, info.componentStack);
  }

  render(): ReactNode {
    const { error } = this.state;
    if (!error) return this.props.children;
    const startAgain = () => {
      window.location.hash = '#/replay';
      window.location.reload();
    };
    return (
      <section className="app-error" role="alert" aria-labelledby="app-error-title" data-app-error="">
        <h2 id="app-error-title">This view could not be shown</h2>
        <p>
          Something in the {this.props.view} view went wrong, perhaps because of the link that opened it. The rest of the app still works: choose a view above, or start again.
        </p>
        <p className="hint">What went wrong: {error.message.slice(0, 300)}</p>
        <button type="button" className="button" onClick={startAgain}>
          Start again with the June 2013 scenario
        </button>
      </section>
    );
  }
}
