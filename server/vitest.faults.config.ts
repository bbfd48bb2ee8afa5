import { defineConfig } from 'vitest/config';

/**
 * The fault suite: the built server as a process, a throwaway PostgreSQL cluster and a private
 * redis-server, faults injected under load. Needs `npm run build` first (the root test script builds).
 */
export default defineConfig({
  resolve: { conditions: ['source'] },
  ssr: { resolve: { conditions: ['source'] } },
  test: {
    include: ['test/faults/**/*.test.ts'],
    pool: 'forks',
    // One file at a time: each drives load and injects faults into processes of its own.
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
