/**
 * The optional Redis connection shared by the catalog cache and the rate limiters. Redis is a
 * cache and a counter store here, never the only copy of anything, so an outage must cost nothing:
 * once a connection has been lost its users skip Redis (`redisUsable`) and fall back in-process
 * (the cache and the counters alike) until it is back; every command is bounded all the same
 * (1 s, one retry); the connection comes back by itself. Commands sent before the first connection
 * is made wait for it (at most 1 s), so a server that has just started shares its counters.
 */
import { Redis } from 'ioredis';

export type { Redis };

const CONNECT_TIMEOUT_MS = 1_000;
const COMMAND_TIMEOUT_MS = 1_000;
const RECONNECT_MAX_MS = 2_000;

export function connectRedis(url: string, keyPrefix: string): Redis {
  const redis = new Redis(url, {
    keyPrefix,
    maxRetriesPerRequest: 1,
    connectTimeout: CONNECT_TIMEOUT_MS,
    commandTimeout: COMMAND_TIMEOUT_MS,
    retryStrategy: (attempt) => Math.min(attempt * 100, RECONNECT_MAX_MS),
    enableAutoPipelining: true,
    lazyConnect: false,
  });
  // Connection errors are reported by watchRedis (one line per outage); without a listener ioredis
  // would print every reconnection attempt.
  redis.on('error', () => {});
  redis.once('ready', () => connected.add(redis));
  return redis;
}

/** Connections that have been ready once: after that, not ready means lost. */
const connected = new WeakSet<Redis>();

/** False while a connection that was made has been lost: callers fall back at once instead of waiting. */
export function redisUsable(redis: Redis): boolean {
  return redis.status === 'ready' || !connected.has(redis);
}

/** Logs one line when Redis becomes unreachable and one when it is back, not one per request. */
export function watchRedis(redis: Redis, log: { warn(obj: object, msg: string): void; info(msg: string): void }): void {
  let down = false;
  const lost = (error?: Error) => {
    if (down) return;
    down = true;
    log.warn(
      { err: error ? { message: error.message, code: (error as { code?: unknown }).code } : undefined },
      'redis unavailable: catalog cache in-process only, throttles counting in-process until it returns',
    );
  };
  redis.on('error', lost);
  redis.on('close', () => lost());
  redis.on('ready', () => {
    if (!down) return;
    down = false;
    log.info('redis available again: shared cache and throttles resumed');
  });
}
