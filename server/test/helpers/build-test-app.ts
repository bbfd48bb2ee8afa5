/** buildTestApp: a real app on a fresh database, closed and dropped after the suite. */
import type { FastifyInstance } from 'fastify';
import { buildApp, type AppDeps } from '../../src/app.js';
import { loadConfig, type Config } from '../../src/config.js';
import type { CatalogSource } from '../../src/integrations/catalog-source.js';
import type { Redis } from '../../src/lib/redis.js';
import { redisReady } from './backends.js';
import type { DatabaseBackend, TestDatabase } from './backends.js';

export const TEST_JWT_SECRET = 'test-secret-that-is-long-enough-for-hs256-0123456789';

/** A Config as the server would read it from `env`, with test defaults (quiet, no web app). */
export function testConfig(env: Record<string, string> = {}): Config {
  return loadConfig({ LOG_LEVEL: 'silent', WEB_DIST: '/nonexistent', DATA_DIR: '/tmp/marquee-test-data', ...env });
}

export interface TestAppOptions {
  backend: DatabaseBackend;
  /** Environment variables as the server would read them (e.g. TMDB_BASE_URL). */
  env?: Record<string, string>;
  redis?: Redis | null;
  catalogSource?: CatalogSource;
  /** Reuse an opened database (e.g. to restart the app on the same data). */
  database?: TestDatabase;
  /** Pino options (e.g. with a `stream` to capture log lines); default: silent. */
  logger?: AppDeps['logger'];
}

export interface TestApp {
  app: FastifyInstance;
  database: TestDatabase;
  config: Config;
  /** Closes the app and drops the database. */
  close(): Promise<void>;
}

export async function buildTestApp(options: TestAppOptions): Promise<TestApp> {
  const config = testConfig(options.env);
  const database = options.database ?? (await options.backend.open());
  // The server's Redis client fails fast instead of queueing: a test starts once it is connected,
  // as a server does in practice, so its first answers are shared.
  if (options.redis) await redisReady(options.redis);
  const app = await buildApp({
    config,
    database,
    redis: options.redis ?? null,
    jwtSecret: TEST_JWT_SECRET,
    logger: options.logger ?? false,
    ...(options.catalogSource ? { catalogSource: options.catalogSource } : {}),
  });
  await app.ready();
  return {
    app,
    database,
    config,
    close: async () => {
      await app.close();
      await database.cleanup();
    },
  };
}
