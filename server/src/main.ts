/** Reads config → opens the database (and Redis) → buildApp → listen; closes gracefully on SIGTERM/SIGINT. */
import closeWithGrace from 'close-with-grace';
import { buildApp } from './app.js';
import { ConfigError, loadConfig } from './config.js';
import { openDatabase } from './db/database.js';
import { connectRedis } from './lib/redis.js';
import { resolveJwtSecret } from './lib/secrets.js';

async function main() {
  const startedAt = performance.now();
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`marquee: ${error.problems.join('; ')}\n`);
      process.exit(1);
    }
    throw error;
  }
  const jwtSecret = await resolveJwtSecret(config);
  const database = await openDatabase(config);
  const redis = config.redisUrl ? connectRedis(config.redisUrl, config.redisKeyPrefix) : null;
  const app = await buildApp({ config, database, redis, jwtSecret });

  closeWithGrace({ delay: 10_000 }, async ({ signal, err }) => {
    if (err) app.log.error({ err }, 'closing after an uncaught error');
    else app.log.info({ signal }, 'shutting down: draining requests');
    // Stop accepting, let in-flight requests finish, then release the database and Redis.
    await app.close();
    await database.close();
    await redis?.quit();
  });

  await app.listen({ host: config.host, port: config.port });
  app.log.info(
    { database: database.kind, redis: redis !== null, catalog: config.tmdb.apiKey || config.tmdb.accessToken ? 'tmdb' : 'embedded', readyInMs: Math.round(performance.now() - startedAt) },
    'marquee ready',
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`marquee: failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
