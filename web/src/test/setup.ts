import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach, vi } from 'vitest';

// Every render runs under StrictMode, as the app does (app/start.tsx): effects run twice on mount
// (effect, cleanup, effect), so one that is not idempotent fails here, not only in a browser.
configure({ reactStrictMode: true });

// jsdom has no layout: scrolling APIs exist in browsers but not here.
Element.prototype.scrollIntoView ??= function scrollIntoView() {};
Element.prototype.scrollBy ??= function scrollBy() {};

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});
