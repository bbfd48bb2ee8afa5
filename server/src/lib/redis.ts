/**
 * The optional Redis connection shared by the catalog cache and the rate limiters. Redis is a
 * cache and a counter store here, never the only copy of anything, so an outage must cost nothing:
 * commands fail at once while it is unreachable (no offline queue, one attempt), the callers fall
 * back (the cache to in-process, the counters to in-process), and the connection comes back by itself.
 */
import { Redis } from 'ioredis';

export type { Redis };

const CONNECT_TIMEOUT_MS = 1_000;
const COMMAND_TIMEOUT_MS = 1_000;
const RECONNECT_MAX_MS = 2_000;

export function connectRedis(url: string, keyPrefix: string): Redis {
  const redis = new Redis(url, {
    keyPrefix,
    // Fail fast instead of queueing: callers fall back while Redis is away.
    enableOfflineQueue: false,
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
  return redis;
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
