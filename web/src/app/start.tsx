import { StrictMode, startTransition } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app';

/**
 * Renders the app into `root`, replacing the page shell. The first render is a transition, so
 * React yields to the browser every few milliseconds instead of holding the main thread for the
 * whole tree at once (a phone stays responsive to taps while the page is being built).
 */
export function start(root: HTMLElement) {
  const reactRoot = createRoot(root);
  startTransition(() => {
    reactRoot.render(
      <StrictMode>
        <App />
      </StrictMode>,
    );
  });
}
