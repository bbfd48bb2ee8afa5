/// <reference types="vitest/config" />
import { defineConfig } from 'vite';

/**
 * Vite builds the SPA with its built-in JSX transform. `@marquee/contracts` is resolved through its
 * `source` export condition, so type-only imports point at the TypeScript sources (nothing of it is bundled).
 */
export default defineConfig({
  resolve: { conditions: ['source'] },
  server: {
    proxy: { '/api': 'http://localhost:8080' },
  },
  build: {
    target: 'es2022',
    sourcemap: false,
    // Inline nothing: the CSP only allows same-origin scripts and images are served by the API.
    assetsInlineLimit: 0,
  },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['src/test/setup.ts'],
    restoreMocks: true,
  },
});
