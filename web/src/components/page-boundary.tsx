import { Component, type ReactNode } from 'react';

/**
 * What a page shows when its code cannot load or render (a lazy chunk that did not arrive, a page that threw): the
 * words in the reader's language and a way to reload, instead of an empty window. `App` keys it by page, so another
 * page starts afresh; the failed import stays cached by React, so reloading is the way back.
 */
export class PageBoundary extends Component<
  { readonly message: string; readonly reload: string; readonly children: ReactNode },
  { readonly failed: boolean }
> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override render(): ReactNode {
    if (!this.state.failed) return this.props.children;
    return (
      <div className="alert" role="alert" data-testid="page-load-error">
        <p>{this.props.message}</p>
        <button type="button" onClick={() => window.location.reload()}>
          {this.props.reload}
        </button>
      </div>
    );
  }
}
