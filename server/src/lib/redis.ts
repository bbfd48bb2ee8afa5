/** The optional Redis connection shared by the catalog cache and the rate limiters. */
import { Redis } from 'ioredis';

export type { Redis };

/** Where Redis going and coming back is told: one line each, never a stack per retry. */
export interface RedisLog {
  warn(obj: object, msg: string): void;
  info(obj: object, msg: string): void;
}

export function connectRedis(url: string, keyPrefix: string, log?: RedisLog): Redis {
  const redis = new Redis(url, {
    keyPrefix,
    // Fail fast instead of queueing forever: callers fall back or answer 503.
    maxRetriesPerRequest: 2,
    enableAutoPipelining: true,
    lazyConnect: false,
  });
  // Without an `error` listener ioredis prints a stack for every failed reconnection attempt.
  let down = false;
  redis.on('error', (error: Error & { code?: string }) => {
    if (down) return;
    down = true;
    const { host, port } = redis.options;
    log?.warn({ host, port, reason: error.code ?? error.message }, 'Redis unreachable; reconnecting');
  });
  redis.on('ready', () => {
    if (!down) return;
    down = false;
    log?.info({}, 'Redis reachable again');
  });
  return redis;
}
