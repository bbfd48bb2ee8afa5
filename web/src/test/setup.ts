import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach, vi } from 'vitest';

// jsdom has no layout: scrolling APIs exist in browsers but not here.
Element.prototype.scrollIntoView ??= function scrollIntoView() {};
Element.prototype.scrollBy ??= function scrollBy() {};

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});
