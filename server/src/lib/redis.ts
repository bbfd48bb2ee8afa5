/** The optional Redis connection shared by the catalog cache and the rate limiters. */
import { Redis } from 'ioredis';

export type { Redis };

export function connectRedis(url: string, keyPrefix: string): Redis {
  return new Redis(url, {
    keyPrefix,
    // Fail fast instead of queueing forever: callers fall back or answer 503.
    maxRetriesPerRequest: 2,
    enableAutoPipelining: true,
    lazyConnect: false,
  });
}
