/** A fake TMDB and an app pointed at it, for the catalog suites. */
import type { AppDeps } from '../../src/app.js';
import { databaseBackends } from './backends.js';
import { buildTestApp, type TestApp } from './build-test-app.js';
import { startFakeTmdb, type FakeTmdb } from './fake-tmdb.js';

export interface TmdbApp {
  fake: FakeTmdb;
  t: TestApp;
  /** Closes the app (and drops its database), then the fake. */
  close(): Promise<void>;
}

/** Starts the fake and an app using its v3 key; `env` adds to or overrides the TMDB variables. */
export async function startTmdbApp(options: { env?: Record<string, string>; logger?: AppDeps['logger'] } = {}): Promise<TmdbApp> {
  const fake = await startFakeTmdb();
  const t = await buildTestApp({
    backend: databaseBackends[0]!,
    env: { TMDB_BASE_URL: fake.url, TMDB_API_KEY: fake.apiKey, ...options.env },
    ...(options.logger ? { logger: options.logger } : {}),
  });
  return {
    fake,
    t,
    close: async () => {
      await t.close();
      await fake.close();
    },
  };
}
