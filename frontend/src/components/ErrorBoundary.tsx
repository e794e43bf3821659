import { Component, type ErrorInfo, type ReactNode } from "react";

import { describeEnvironmentFailure } from "@fef/sdk/errors";

type Props = {
  readonly children: ReactNode;
  readonly resetKey?: string;
  /** Called by Retry before the view renders again (e.g. TanStack Query's error reset). */
  readonly onRetry?: () => void;
};
type State = { readonly error: unknown };

/** In plain words: a known failure as the SDK words it, anything else as "something went wrong". */
function plainWords(error: unknown): string {
  return (
    describeEnvironmentFailure(error)?.message ??
    "Something went wrong while showing this page. Nothing was sent from your account."
  );
}

/**
 * The error screen: a view that throws while rendering, or whose essential read failed with nothing to
 * show (a query with `throwOnError`), is replaced by a plain-words message with a Retry (which asks
 * again and renders it again) instead of a blank page. Moving to another view also resets it.
 */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: undefined };

  static getDerivedStateFromError(error: unknown): State {
    return { error };
  }

  override componentDidUpdate(previous: Props): void {
    if (previous.resetKey !== this.props.resetKey && this.state.error !== undefined) this.retry();
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error("View failed to render", error, info.componentStack);
  }

  private readonly retry = (): void => {
    this.props.onRetry?.();
    this.setState({ error: undefined });
  };

  override render(): ReactNode {
    if (this.state.error === undefined) return this.props.children;
    const detail = this.state.error instanceof Error ? this.state.error.message : String(this.state.error);
    return (
      <section className="error-screen" role="alert" data-testid="error-screen">
        <h2>This page could not be shown</h2>
        <p>{plainWords(this.state.error)}</p>
        <details>
          <summary>Technical detail</summary>
          <code>{detail}</code>
        </details>
        <div className="row">
          <button type="button" onClick={this.retry} data-testid="error-retry">
            Retry
          </button>
          <button type="button" className="secondary" onClick={() => window.location.reload()}>
            Reload the page
          </button>
        </div>
      </section>
    );
  }
}
