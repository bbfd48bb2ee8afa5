/**
 * Reads config → opens the database (and Redis) → buildApp → listen (and the metrics listener);
 * on SIGTERM drains (`/readyz` 503 while still serving, for `DRAIN_SECONDS`), then closes
 * gracefully; SIGINT closes at once.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import closeWithGrace from 'close-with-grace';
import { buildApp, loggerOptions } from './app.js';
import { ConfigError, loadConfig, type Config } from './config.js';
import { openDatabase, sharedSecret, type Database } from './db/database.js';
import { Drain } from './lib/drain.js';
import { connectRedis } from './lib/redis.js';
import { proposedJwtSecret, resolveJwtSecret } from './lib/secrets.js';

/** With PostgreSQL the generated secret lives in the database, so every instance signs alike. */
async function jwtSecretFor(config: Config, database: Database): Promise<string> {
  if (config.jwtSecret) return config.jwtSecret;
  if (database.kind === 'postgres') return sharedSecret(database.db, 'jwt', await proposedJwtSecret(config.dataDir));
  return resolveJwtSecret(config);
}

/** Human-readable lines on a terminal, JSON lines (one object each) for everything else. */
function logger(config: Config) {
  const base = loggerOptions(config.logLevel);
  if (typeof base !== 'object') return base;
  const options = {
    ...base,
    hooks: {
      // Fastify's "listening at" line per address is replaced by the one `marquee ready` line.
      logMethod(this: unknown, args: unknown[], method: (...a: unknown[]) => void) {
        if (args.length === 1 && args[0] === '') return;
        method.apply(this, args);
      },
    },
  };
  if (!process.stdout.isTTY) return options;
  return { ...options, transport: { target: 'pino-pretty', options: { translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname', singleLine: true } } };
}

/** Why the database could not be opened, in one line naming where (never the URL's password). */
function databaseFailure(databaseUrl: string | null, error: unknown): string {
  const { code, message } = (error ?? {}) as { code?: string; message?: string };
  if (databaseUrl === null) return `cannot open the embedded database: ${message ?? String(error)}`;
  let where = 'the database';
  try {
    const url = new URL(databaseUrl);
    where = `PostgreSQL at ${url.hostname}:${url.port || '5432'}`;
  } catch {
    // An unparsable URL is reported by pg's own message below.
  }
  const reason =
    code === 'ECONNREFUSED'
      ? 'connection refused (is it running, and on this port?)'
      : code === 'ENOTFOUND' || code === 'EAI_AGAIN'
        ? 'host not found'
        : code === '28P01' || code === '28000'
          ? `authentication failed (${message ?? code})`
          : code === '3D000'
            ? `no such database (${message ?? code})`
            : /timeout/i.test(message ?? '')
              ? 'timed out'
              : (message ?? String(error));
  return `cannot reach ${where}: ${reason}`;
}

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
  const database = await openDatabase(config).catch((error: unknown) => {
    throw new Error(databaseFailure(config.databaseUrl, error));
  });
  const jwtSecret = await jwtSecretFor(config, database);
  // Redis going and coming back is logged once each, by the app (watchRedis).
  const redis = config.redisUrl ? connectRedis(config.redisUrl, config.redisKeyPrefix) : null;
  const drain = new Drain();
  const app = await buildApp({ config, database, redis, jwtSecret, drain, logger: logger(config) });

  closeWithGrace({ delay: config.drainSeconds * 1000 + 10_000 }, async ({ signal, err }) => {
    if (err) app.log.error({ err }, 'closing after an uncaught error');
    else app.log.info({ signal, drainSeconds: signal === 'SIGTERM' ? config.drainSeconds : 0 }, 'shutting down: draining requests');
    // SIGTERM (a service manager, a deploy): /readyz turns 503 while everything is still served,
    // so a load balancer notices and sends new requests elsewhere; then close. SIGINT (a terminal's
    // Ctrl-C) closes at once.
    drain.begin();
    if (signal === 'SIGTERM' && config.drainSeconds > 0) await sleep(config.drainSeconds * 1000);
    // Stop accepting, let in-flight requests finish, then release the database and Redis.
    await app.close();
    await database.close();
    // A Redis that is not answering is not waited for.
    if (redis?.status === 'ready') await redis.quit().catch(() => redis.disconnect());
    else redis?.disconnect();
  });

  await app.listen({ host: config.host, port: config.port, listenTextResolver: () => '' });
  const shown = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  app.log.info(
    {
      database: database.kind,
      redis: redis !== null,
      catalog: config.tmdb.apiKey || config.tmdb.accessToken ? 'tmdb' : 'embedded',
      metricsPort: config.metricsPort,
      readyInMs: Math.round(performance.now() - startedAt),
    },
    `marquee ready: open http://${shown.includes(':') ? `[${shown}]` : shown}:${config.port}`,
  );
}

main().catch((error: unknown) => {
  process.stderr.write(`marquee: failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
