/**
 * The catalog's answer cache. It wraps the catalog source (not the routes) and keeps each answer
 * ready to send: the serialised JSON body and its strong ETag, so a hit costs no JSON.stringify and
 * no schema serialisation (re-serialising a 10 KB page on every request halves throughput). How the
 * bytes are sent (304s, compression) is `representation.ts`'s business.
 *
 * Two levels: an in-process LRU bounded by bytes, and Redis when the app has a connection, so
 * several instances share one cache (keys live under the connection's prefix).
 *
 * Lifetimes per entry: fresh until `freshUntil`; then, until `swrUntil`, served stale while one
 * background refresh runs (stale-while-revalidate); then, until `staleUntil` (≥ 24 h past
 * freshness), served only when the upstream fails — a TMDB outage shows yesterday's rows instead of
 * none (stale-if-error). Concurrent identical misses share one upstream call (single flight).
 * "Not found" answers may be cached briefly too.
 */
import type { FastifyBaseLogger } from 'fastify';
import { LRUCache } from 'lru-cache';
import { AppError } from '../errors.js';
import { redisUsable, type Redis } from './redis.js';
import { etagOf, type ReadyAnswer } from './representation.js';

/** How long one kind of answer lives. */
export interface CachePolicy {
  /** Served as is for this long. */
  freshSeconds: number;
  /** After freshness: served stale while one background refresh runs. */
  swrSeconds: number;
  /** After freshness: served when the upstream fails (must cover `swrSeconds`). */
  staleIfErrorSeconds: number;
  /** A thrown 404 is remembered this long (0: not at all). */
  notFoundSeconds: number;
}

/** A cached answer, ready to send. */
export interface CachedAnswer extends ReadyAnswer {
  readonly freshUntil: number;
  readonly swrSeconds: number;
  readonly staleIfErrorSeconds: number;
}

interface Entry extends CachedAnswer {
  /** 200: `body` is the answer. 404: `body` is the not-found message, thrown again on every hit. */
  readonly status: 200 | 404;
  readonly swrUntil: number;
  readonly staleUntil: number;
}

/** Returned by a loader when "nothing" is the real, full-lifetime answer (e.g. a title without a trailer). */
export class Absent {
  constructor(readonly error: AppError) {}
}

const REDIS_TIMEOUT_MS = 250;

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`redis did not answer within ${ms} ms`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

/** Entries in Redis: one JSON header line, then the body bytes. */
function encode(entry: Entry): Buffer {
  const header = JSON.stringify({
    s: entry.status,
    e: entry.etag,
    f: entry.freshUntil,
    w: entry.swrUntil,
    x: entry.staleUntil,
    sw: entry.swrSeconds,
    se: entry.staleIfErrorSeconds,
  });
  return Buffer.concat([Buffer.from(`${header}\n`), entry.body]);
}

function decode(raw: Buffer): Entry | null {
  const newline = raw.indexOf(0x0a);
  if (newline < 0) return null;
  try {
    const h = JSON.parse(raw.subarray(0, newline).toString('utf8')) as Record<string, unknown>;
    if ((h.s !== 200 && h.s !== 404) || typeof h.e !== 'string' || typeof h.f !== 'number') return null;
    return {
      status: h.s,
      etag: h.e,
      freshUntil: h.f,
      swrUntil: Number(h.w),
      staleUntil: Number(h.x),
      swrSeconds: Number(h.sw),
      staleIfErrorSeconds: Number(h.se),
      body: Buffer.from(raw.subarray(newline + 1)),
    };
  } catch {
    return null;
  }
}

/** An upstream failure a stale answer may stand in for (429, 503), as opposed to a definite 404 or 400. */
const isUpstreamFailure = (error: unknown) => !(error instanceof AppError) || error.status === 429 || error.status >= 500;

/** Answers by where they came from, since start (read by the metrics listener). */
export interface CacheStats {
  /** Fresh answers, from memory or Redis. */
  hits: number;
  /** Answers that had to be loaded from the source. */
  misses: number;
  /** Stale answers served while refreshing, or in place of a failing source. */
  stale: number;
}

export class ResponseCache {
  readonly stats: CacheStats = { hits: 0, misses: 0, stale: 0 };
  private readonly memory: LRUCache<string, Entry>;
  private readonly inflight = new Map<string, Promise<Entry>>();
  private readonly refreshing = new Set<string>();
  private readonly redis: Redis | null;
  private readonly log: FastifyBaseLogger;
  private readonly namespace: string;

  constructor(options: { redis: Redis | null; log: FastifyBaseLogger; maxBytes?: number; namespace?: string }) {
    this.redis = options.redis;
    this.log = options.log;
    this.namespace = options.namespace ?? 'cache:v1:';
    this.memory = new LRUCache<string, Entry>({
      maxSize: options.maxBytes ?? 64 * 1024 * 1024,
      sizeCalculation: (entry, key) => entry.body.length + key.length + 128,
    });
  }

  /**
   * The answer for `key`: from memory, Redis, or `load` (serialised once here). Throws the loader's
   * error when nothing usable is cached, and the cached 404 for a remembered "not found".
   */
  async get(key: string, policy: CachePolicy, load: () => Promise<unknown>): Promise<CachedAnswer> {
    const entry = this.memory.get(key);
    // The hot path: a fresh in-memory hit, no awaits before it.
    if (entry !== undefined && Date.now() < entry.freshUntil) {
      this.stats.hits++;
      return answer(entry);
    }
    let pending = this.inflight.get(key);
    if (pending === undefined) {
      pending = this.resolve(key, policy, load).finally(() => this.inflight.delete(key));
      this.inflight.set(key, pending);
    }
    return answer(await pending);
  }

  /** The parsed JSON of an answer (for callers that need the value, not the bytes). */
  static parse<T>(cached: CachedAnswer): T {
    return JSON.parse(cached.body.toString('utf8')) as T;
  }

  /** Forgets every in-process entry (Redis entries expire on their own). */
  clear(): void {
    this.memory.clear();
  }

  private async resolve(key: string, policy: CachePolicy, load: () => Promise<unknown>): Promise<Entry> {
    let entry = this.memory.get(key);
    if (this.redis !== null && (entry === undefined || Date.now() >= entry.freshUntil)) {
      // Another instance may hold a fresher copy.
      const shared = await this.readShared(key);
      if (shared !== null && (entry === undefined || shared.freshUntil > entry.freshUntil)) {
        entry = shared;
        this.remember(key, shared);
      }
    }
    const now = Date.now();
    if (entry !== undefined && now >= entry.staleUntil) entry = undefined;
    if (entry !== undefined && now < entry.freshUntil) {
      this.stats.hits++;
      return entry;
    }
    if (entry !== undefined && entry.status === 200 && now < entry.swrUntil) {
      this.stats.stale++;
      this.refreshInBackground(key, policy, load);
      return entry;
    }
    this.stats.misses++;
    try {
      return await this.fill(key, policy, load);
    } catch (error) {
      if (entry !== undefined && entry.status === 200 && isUpstreamFailure(error)) {
        this.stats.stale++;
        this.log.warn({ cacheKey: key, status: error instanceof AppError ? error.status : undefined }, 'catalog upstream failed; serving a stale answer');
        return entry;
      }
      throw error;
    }
  }

  private refreshInBackground(key: string, policy: CachePolicy, load: () => Promise<unknown>): void {
    if (this.refreshing.has(key)) return;
    this.refreshing.add(key);
    this.fill(key, policy, load)
      .catch((error: unknown) => {
        this.log.warn({ cacheKey: key, status: error instanceof AppError ? error.status : undefined }, 'background refresh failed; keeping the stale answer');
      })
      .finally(() => this.refreshing.delete(key));
  }

  /** Loads, serialises once and stores (memory and Redis). */
  private async fill(key: string, policy: CachePolicy, load: () => Promise<unknown>): Promise<Entry> {
    let status: 200 | 404 = 200;
    let body: Buffer;
    let freshSeconds = policy.freshSeconds;
    try {
      const value = await load();
      if (value instanceof Absent) {
        status = 404;
        body = Buffer.from(value.error.message);
      } else {
        body = Buffer.from(JSON.stringify(value));
      }
    } catch (error) {
      if (!(error instanceof AppError) || error.status !== 404 || policy.notFoundSeconds <= 0) throw error;
      status = 404;
      body = Buffer.from(error.message);
      freshSeconds = Math.min(policy.notFoundSeconds, policy.freshSeconds);
    }
    const now = Date.now();
    const freshUntil = now + freshSeconds * 1000;
    const entry: Entry = {
      status,
      body,
      etag: status === 200 ? etagOf(body) : '',
      freshUntil,
      swrUntil: status === 200 ? freshUntil + policy.swrSeconds * 1000 : freshUntil,
      staleUntil: status === 200 ? freshUntil + policy.staleIfErrorSeconds * 1000 : freshUntil,
      swrSeconds: policy.swrSeconds,
      staleIfErrorSeconds: policy.staleIfErrorSeconds,
    };
    this.remember(key, entry);
    await this.writeShared(key, entry);
    return entry;
  }

  private remember(key: string, entry: Entry): void {
    this.memory.set(key, entry);
  }

  private async readShared(key: string): Promise<Entry | null> {
    // Redis unreachable (reported once by watchRedis): the cache carries on in-process.
    if (!redisUsable(this.redis as Redis)) return null;
    try {
      const raw = await withTimeout((this.redis as Redis).getBuffer(this.namespace + key), REDIS_TIMEOUT_MS);
      return raw === null ? null : decode(raw);
    } catch (error) {
      this.log.warn({ err: { message: (error as Error).message } }, 'shared cache read failed; using the in-process cache');
      return null;
    }
  }

  private async writeShared(key: string, entry: Entry): Promise<void> {
    if (this.redis === null || !redisUsable(this.redis)) return;
    const ttl = entry.staleUntil - Date.now();
    if (ttl <= 0) return;
    try {
      await withTimeout(this.redis.set(this.namespace + key, encode(entry), 'PX', ttl), REDIS_TIMEOUT_MS);
    } catch (error) {
      this.log.warn({ err: { message: (error as Error).message } }, 'shared cache write failed');
    }
  }
}

function answer(entry: Entry): CachedAnswer {
  if (entry.status === 404) throw new AppError(404, 'NOT_FOUND', entry.body.toString('utf8'));
  return entry;
}

/** `Cache-Control` of a cached answer: public, with the freshness it has left at `now`. */
export function publicCacheControl(cached: CachedAnswer, now = Date.now()): string {
  const maxAge = Math.max(0, Math.ceil((cached.freshUntil - now) / 1000));
  return `public, max-age=${maxAge}, stale-while-revalidate=${cached.swrSeconds}, stale-if-error=${cached.staleIfErrorSeconds}`;
}

/** `Cache-Control` of a cached answer made for one caller's maturity level: no shared cache may keep it. */
export function privateCacheControl(cached: CachedAnswer, now = Date.now()): string {
  const maxAge = Math.max(0, Math.ceil((cached.freshUntil - now) / 1000));
  return `private, max-age=${maxAge}`;
}
