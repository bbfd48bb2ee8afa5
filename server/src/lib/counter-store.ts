/**
 * Fixed-window counters for the rate limits (sign-in, registration, PINs), with one interface and two stores: Redis when the
 * app has a connection (so every instance sees the same counts) and in-process otherwise.
 */
import type { FastifyBaseLogger } from 'fastify';
import { LRUCache } from 'lru-cache';
import { redisUsable, type Redis } from './redis.js';

/** A counter after a hit: its count in the current window and the seconds until the window ends. */
export interface CounterState {
  count: number;
  resetInSeconds: number;
}

export interface CounterStore {
  /** Adds one to `key`; the window (of `windowSeconds`) starts at the first hit and is never extended. */
  hit(key: string, windowSeconds: number): Promise<CounterState>;
  /** The current count of `key` (0 with no open window) and the seconds until its window ends. */
  peek(key: string): Promise<CounterState>;
  /** Forgets `key`. */
  reset(key: string): Promise<void>;
}

interface Window {
  count: number;
  endsAt: number;
}

/** In-process counters, bounded so a flood of distinct keys cannot grow memory without limit. */
export class MemoryCounterStore implements CounterStore {
  private readonly windows = new LRUCache<string, Window>({ max: 100_000 });

  async hit(key: string, windowSeconds: number): Promise<CounterState> {
    const now = Date.now();
    let window = this.windows.get(key);
    if (!window || window.endsAt <= now) {
      window = { count: 0, endsAt: now + windowSeconds * 1000 };
      this.windows.set(key, window);
    }
    window.count += 1;
    return { count: window.count, resetInSeconds: Math.ceil((window.endsAt - now) / 1000) };
  }

  async peek(key: string): Promise<CounterState> {
    const now = Date.now();
    const window = this.windows.get(key);
    if (!window || window.endsAt <= now) return { count: 0, resetInSeconds: 0 };
    return { count: window.count, resetInSeconds: Math.ceil((window.endsAt - now) / 1000) };
  }

  async reset(key: string): Promise<void> {
    this.windows.delete(key);
  }
}

// INCR and the expiry of a new window in one atomic step; a key that somehow lost its TTL gets one.
const HIT_SCRIPT = `
local count = redis.call('INCR', KEYS[1])
if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  ttl = tonumber(ARGV[1])
end
return {count, ttl}`;


/**
 * Counters in Redis under the connection's key prefix, shared by every instance. If Redis fails,
 * the call falls back to in-process counters (logged once when that starts and once when Redis
 * answers again): throttling degrades to per instance rather than refusing every login.
 */
export class RedisCounterStore implements CounterStore {
  private readonly fallback = new MemoryCounterStore();
  private degraded = false;

  constructor(
    private readonly redis: Redis,
    private readonly log: FastifyBaseLogger,
  ) {}

  private failed(error: unknown): void {
    if (this.degraded) return;
    this.degraded = true;
    this.log.warn({ err: { message: (error as Error).message } }, 'rate-limit store unavailable; counting in-process');
  }

  private answered(): void {
    if (!this.degraded) return;
    this.degraded = false;
    this.log.info('rate-limit store available again; counting in Redis');
  }

  async hit(key: string, windowSeconds: number): Promise<CounterState> {
    if (!redisUsable(this.redis)) return this.fallback.hit(key, windowSeconds);
    try {
      const [count, ttlMs] = (await this.redis.eval(HIT_SCRIPT, 1, key, String(windowSeconds * 1000))) as [number, number];
      this.answered();
      return { count, resetInSeconds: Math.ceil(ttlMs / 1000) };
    } catch (error) {
      this.failed(error);
      return this.fallback.hit(key, windowSeconds);
    }
  }

  async peek(key: string): Promise<CounterState> {
    if (!redisUsable(this.redis)) return this.fallback.peek(key);
    try {
      const [count, ttlMs] = await this.redis.multi().get(key).pttl(key).exec().then((replies) => replies?.map(([, value]) => value) ?? []);
      this.answered();
      const n = Number(count ?? 0);
      return n > 0 && typeof ttlMs === 'number' && ttlMs > 0 ? { count: n, resetInSeconds: Math.ceil(ttlMs / 1000) } : { count: 0, resetInSeconds: 0 };
    } catch (error) {
      this.failed(error);
      return this.fallback.peek(key);
    }
  }

  async reset(key: string): Promise<void> {
    if (!redisUsable(this.redis)) return this.fallback.reset(key);
    try {
      await this.redis.del(key);
      this.answered();
    } catch (error) {
      this.failed(error);
      await this.fallback.reset(key);
    }
  }
}

/** The store for this app: Redis when it has a connection, in-process otherwise. */
export function createCounterStore(redis: Redis | null, log: FastifyBaseLogger): CounterStore {
  return redis ? new RedisCounterStore(redis, log) : new MemoryCounterStore();
}
