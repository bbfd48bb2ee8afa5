/**
 * TMDB over HTTP, with the resilience an outside dependency needs:
 * - one keep-alive undici Pool, so requests reuse warm TLS connections;
 * - a per-attempt timeout and an overall budget: a caller never waits more than ~10 s in all;
 * - bounded retries with exponential backoff and full jitter on network errors, 5xx and garbage;
 * - 429: TMDB's `Retry-After` is honoured when it fits the remaining budget, else passed on;
 * - a circuit breaker, so an outage fails fast instead of tying up every request for seconds;
 * - a client-side rate limiter, so Marquee stays under TMDB's ~40 requests/s.
 *
 * Failures leave as AppErrors: 404 → notFound('title'); 429 → 429 UPSTREAM_RATE_LIMITED with
 * TMDB's Retry-After; everything else → 503 UPSTREAM_UNAVAILABLE. The credential never appears in
 * an error or a log line: undici error messages can carry the URL, so they are scrubbed first.
 */
import type { UpstreamStats } from '../catalog-source.js';
import { setTimeout as sleep } from 'node:timers/promises';
import type { FastifyBaseLogger } from 'fastify';
import { Pool } from 'undici';
import { AppError, notFound, tooManyRequests, upstreamUnavailable } from '../../errors.js';

export interface TmdbClientOptions {
  /** `TMDB_BASE_URL`, e.g. `https://api.themoviedb.org/3`. */
  baseUrl: string;
  /** v3 key, sent as the `api_key` query parameter. */
  apiKey?: string | null;
  /** v4 read token, sent as `Authorization: Bearer`; preferred over the key when both are set. */
  accessToken?: string | null;
  log: FastifyBaseLogger;
  /** Longest wait for one attempt (headers and body). */
  attemptTimeoutMs?: number;
  /** Longest wait for one call, queueing, retries and backoff included. */
  budgetMs?: number;
  /** Retries after the first attempt. */
  retries?: number;
  /** First backoff ceiling; doubles per retry (full jitter picks 0…ceiling). */
  backoffBaseMs?: number;
  /** Consecutive failures that open the circuit, and how long it stays open. */
  breakerThreshold?: number;
  breakerOpenMs?: number;
  /** At most `rateLimit` requests in any `rateWindowMs`. */
  rateLimit?: number;
  rateWindowMs?: number;
  /** Keep-alive connections to TMDB. */
  connections?: number;
}

/**
 * At most `limit` requests in any window of `windowMs` as TMDB sees them, FIFO-queued beyond that.
 *
 * A request's arrival at TMDB lies somewhere between our start and the response's first byte
 * (connection setup and pool queueing shift it by an unknown amount), so a slot is held while the
 * request is in flight and freed only `windowMs` after it completes. Counting from completion
 * rather than from start is what makes the bound hold on TMDB's clock, not just ours. (A plain
 * token bucket of capacity N refilling N/s would let 2N through in the first second.)
 */
export class RateLimiter {
  /** Per occupied slot: when its request completed, or Infinity while it is in flight. */
  private readonly slots: { doneAt: number }[] = [];
  private readonly waiters: { resolve: (release: () => void) => void; reject: (error: Error) => void; deadline: number }[] = [];
  private timer: NodeJS.Timeout | null = null;
  private closed = false;

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  /**
   * Resolves with a `release` to call once the request has its answer (or failed); rejects with
   * upstreamUnavailable when no slot frees up before `deadline`.
   */
  /** Callers waiting for a slot. */
  get queued(): number {
    return this.waiters.length;
  }

  acquire(deadline: number): Promise<() => void> {
    if (this.waiters.length === 0) {
      const release = this.tryTake(Date.now());
      if (release) return Promise.resolve(release);
    }
    return new Promise((resolve, reject) => {
      this.waiters.push({ resolve, reject, deadline });
      this.schedule();
    });
  }

  /** Rejects every queued caller (on close). */
  close(): void {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    for (const waiter of this.waiters.splice(0)) waiter.reject(upstreamUnavailable(1));
  }

  private tryTake(now: number): (() => void) | null {
    for (let i = this.slots.length - 1; i >= 0; i -= 1) {
      if ((this.slots[i] as { doneAt: number }).doneAt <= now - this.windowMs) this.slots.splice(i, 1);
    }
    if (this.slots.length >= this.limit) return null;
    const slot = { doneAt: Number.POSITIVE_INFINITY };
    this.slots.push(slot);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      slot.doneAt = Date.now();
      this.schedule();
    };
  }

  /** Wakes the queue when the earliest completed slot leaves the window (releases reschedule too). */
  private schedule(): void {
    if (this.closed || this.waiters.length === 0) return;
    const now = Date.now();
    let next = Number.POSITIVE_INFINITY;
    for (const slot of this.slots) next = Math.min(next, slot.doneAt + this.windowMs);
    if (this.slots.length < this.limit) next = now;
    if (next === Number.POSITIVE_INFINITY) return;
    if (this.timer) clearTimeout(this.timer);
    // Deadlines matter too: a waiter whose time is up is rejected promptly, not at the next slot.
    let soonestDeadline = Number.POSITIVE_INFINITY;
    for (const waiter of this.waiters) soonestDeadline = Math.min(soonestDeadline, waiter.deadline);
    const wait = Math.max(0, Math.min(next, soonestDeadline) - now);
    this.timer = setTimeout(() => {
      this.timer = null;
      this.drain();
    }, wait);
  }

  private drain(): void {
    const now = Date.now();
    while (this.waiters.length > 0) {
      const waiter = this.waiters[0] as (typeof this.waiters)[number];
      if (waiter.deadline <= now) {
        this.waiters.shift();
        waiter.reject(upstreamUnavailable(1));
        continue;
      }
      const release = this.tryTake(now);
      if (!release) break;
      this.waiters.shift();
      waiter.resolve(release);
    }
    // Waiters behind an expired one may still be waiting on their deadlines.
    for (let i = this.waiters.length - 1; i >= 0; i -= 1) {
      const waiter = this.waiters[i] as (typeof this.waiters)[number];
      if (waiter.deadline <= now) {
        this.waiters.splice(i, 1);
        waiter.reject(upstreamUnavailable(1));
      }
    }
    this.schedule();
  }
}

/**
 * Closed → (threshold consecutive failures) → open for `openMs`: every call fails at once →
 * half-open: one probe goes through; its success closes the circuit, its failure reopens it.
 */
export class CircuitBreaker {
  private failures = 0;
  private openUntil = 0;
  private probing = false;

  constructor(
    private readonly threshold: number,
    private readonly openMs: number,
  ) {}

  /** Throws upstreamUnavailable while open (or while a half-open probe is in flight). */
  before(): void {
    const now = Date.now();
    if (this.openUntil === 0) return;
    if (now < this.openUntil || this.probing) {
      throw upstreamUnavailable(Math.max(1, (this.openUntil - now) / 1000));
    }
    this.probing = true;
  }

  success(): void {
    this.failures = 0;
    this.openUntil = 0;
    this.probing = false;
  }

  failure(): void {
    this.failures += 1;
    if (this.probing || this.failures >= this.threshold) {
      this.openUntil = Date.now() + this.openMs;
      this.probing = false;
    }
  }

  /** A call that ended without telling us about TMDB's health (e.g. 429) releases a probe slot. */
  neutral(): void {
    this.probing = false;
  }

  get isOpen(): boolean {
    return this.openUntil !== 0 && Date.now() < this.openUntil;
  }

  /** 0 closed, 1 open, 2 half-open (a probe may go, or is going, through). */
  get state(): 0 | 1 | 2 {
    if (this.openUntil === 0) return 0;
    return Date.now() < this.openUntil && !this.probing ? 1 : 2;
  }
}


/** An attempt that failed in a way worth retrying; `giveUp` is what to throw if no retry is left. */
class RetryableFailure extends Error {
  constructor(
    readonly reason: string,
    readonly retryAfterMs?: number,
    readonly giveUp?: AppError,
  ) {
    super(reason);
  }
}

/** Seconds of a `Retry-After` header (delta-seconds or an HTTP date), or null. */
export function parseRetryAfter(value: string | string[] | undefined, now = Date.now()): number | null {
  const raw = Array.isArray(value) ? value[0] : value;
  if (!raw) return null;
  if (/^\d+$/.test(raw.trim())) return Number(raw.trim());
  const date = Date.parse(raw);
  return Number.isNaN(date) ? null : Math.max(0, Math.ceil((date - now) / 1000));
}

export class TmdbClient {
  private readonly pool: Pool;
  private readonly basePath: string;
  private readonly limiter: RateLimiter;
  private readonly breaker: CircuitBreaker;
  private readonly opts: Required<Omit<TmdbClientOptions, 'apiKey' | 'accessToken' | 'log' | 'baseUrl'>>;
  private readonly secrets: string[];
  private credentialRejectedLogged = false;
  private readonly counts = { calls: 0, errors: 0, retries: 0 };

  stats(): UpstreamStats {
    return { ...this.counts, breakerState: this.breaker.state, limiterQueue: this.limiter.queued };
  }

  constructor(private readonly options: TmdbClientOptions) {
    const url = new URL(options.baseUrl);
    this.basePath = url.pathname.replace(/\/+$/, '');
    this.opts = {
      attemptTimeoutMs: options.attemptTimeoutMs ?? 3_000,
      budgetMs: options.budgetMs ?? 9_500,
      retries: options.retries ?? 2,
      backoffBaseMs: options.backoffBaseMs ?? 200,
      breakerThreshold: options.breakerThreshold ?? 5,
      breakerOpenMs: options.breakerOpenMs ?? 30_000,
      rateLimit: options.rateLimit ?? 40,
      rateWindowMs: options.rateWindowMs ?? 1_000,
      // As many sockets as requests the limiter admits at once: an admitted request never waits in
      // the pool's queue while holding a rate-limit slot.
      connections: options.connections ?? options.rateLimit ?? 40,
    };
    this.secrets = [options.apiKey, options.accessToken].filter((secret): secret is string => Boolean(secret));
    this.pool = new Pool(url.origin, {
      connections: this.opts.connections,
      pipelining: 1,
      keepAliveTimeout: 30_000,
      keepAliveMaxTimeout: 600_000,
      connect: { timeout: this.opts.attemptTimeoutMs },
    });
    this.limiter = new RateLimiter(this.opts.rateLimit, this.opts.rateWindowMs);
    this.breaker = new CircuitBreaker(this.opts.breakerThreshold, this.opts.breakerOpenMs);
  }

  /** GET `path` (relative to the base URL) with `query`; the parsed JSON body, or an AppError. */
  async get<T>(path: string, query: Record<string, string | number | undefined> = {}): Promise<T> {
    const deadline = Date.now() + this.opts.budgetMs;
    const search = new URLSearchParams();
    for (const [name, value] of Object.entries(query)) if (value !== undefined) search.set(name, String(value));
    const headers: Record<string, string> = { accept: 'application/json' };
    if (this.options.accessToken) headers.authorization = `Bearer ${this.options.accessToken}`;
    else if (this.options.apiKey) search.set('api_key', this.options.apiKey);
    const fullPath = `${this.basePath}${path}${search.size > 0 ? `?${search.toString()}` : ''}`;

    try {
      return await this.getWithRetries<T>(path, fullPath, headers, deadline);
    } catch (error) {
      this.counts.errors++;
      throw error;
    }
  }

  private async getWithRetries<T>(path: string, fullPath: string, headers: Record<string, string>, deadline: number): Promise<T> {
    let last: RetryableFailure | null = null;
    for (let attempt = 0; attempt <= this.opts.retries; attempt += 1) {
      if (attempt > 0) this.counts.retries++;
      this.breaker.before();
      let release: () => void;
      try {
        release = await this.limiter.acquire(deadline);
      } catch (error) {
        this.breaker.neutral();
        throw error;
      }
      const remaining = deadline - Date.now();
      if (remaining <= 0) {
        release();
        this.breaker.neutral();
        break;
      }
      this.counts.calls++;
      try {
        const value = await this.attempt<T>(fullPath, headers, Math.min(this.opts.attemptTimeoutMs, remaining), deadline, release);
        this.breaker.success();
        this.credentialRejectedLogged = false;
        return value;
      } catch (error) {
        if (!(error instanceof RetryableFailure)) {
          // A definite answer: 404 shows TMDB is up; a rejected credential (503) will not fix itself.
          if (error instanceof AppError && error.status === 404) this.breaker.success();
          else if (error instanceof AppError && error.status === 503) this.breaker.failure();
          else this.breaker.neutral();
          throw error;
        }
        last = error;
        // A 429 says TMDB is up but busy: it neither trips nor heals the circuit.
        if (error.giveUp) this.breaker.neutral();
        else this.breaker.failure();
        if (attempt === this.opts.retries) break;
        const wait = error.retryAfterMs ?? Math.random() * this.opts.backoffBaseMs * 2 ** attempt;
        if (Date.now() + wait >= deadline) break;
        await sleep(wait);
      }
    }
    if (last?.giveUp) throw last.giveUp;
    this.options.log.warn({ tmdbPath: path, reason: last?.reason ?? 'out of time' }, 'TMDB unavailable');
    throw upstreamUnavailable(this.breaker.isOpen ? this.opts.breakerOpenMs / 1000 : 5);
  }

  /** Closes the keep-alive connections and rejects queued calls. */
  async close(): Promise<void> {
    this.limiter.close();
    await this.pool.close();
  }

  private async attempt<T>(path: string, headers: Record<string, string>, timeoutMs: number, deadline: number, release: () => void): Promise<T> {
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), timeoutMs);
    try {
      let response;
      try {
        response = await this.pool.request({ method: 'GET', path, headers, signal: abort.signal });
      } catch (error) {
        throw new RetryableFailure(abort.signal.aborted ? `timeout after ${timeoutMs} ms` : this.describe(error));
      } finally {
        // The request has reached TMDB (or never will): its rate-limit slot starts ageing now.
        release();
      }
      const { statusCode } = response;
      let text: string;
      try {
        text = await response.body.text();
      } catch (error) {
        throw new RetryableFailure(abort.signal.aborted ? `timeout after ${timeoutMs} ms reading the body` : this.describe(error));
      }
      if (statusCode === 200) {
        try {
          return JSON.parse(text) as T;
        } catch {
          throw new RetryableFailure('unparseable JSON');
        }
      }
      if (statusCode === 404) throw notFound('title');
      if (statusCode === 401) {
        if (!this.credentialRejectedLogged) {
          this.credentialRejectedLogged = true;
          this.options.log.error(
            { tmdbStatus: 401 },
            'TMDB rejected the credential: check TMDB_API_KEY / TMDB_ACCESS_TOKEN; catalog requests answer 503 until it is fixed',
          );
        }
        throw upstreamUnavailable(60);
      }
      if (statusCode === 429) {
        const seconds = parseRetryAfter(response.headers['retry-after']) ?? 1;
        const limited = tooManyRequests(seconds, 'UPSTREAM_RATE_LIMITED', 'The catalog provider is rate limiting requests; try again shortly.');
        // Waiting is only worth it when TMDB's pause fits what is left of this call's budget.
        if (Date.now() + seconds * 1000 < deadline) throw new RetryableFailure('rate limited (429)', seconds * 1000, limited);
        throw limited;
      }
      throw new RetryableFailure(`HTTP ${statusCode}`);
    } finally {
      clearTimeout(timer);
    }
  }

  /** An error message with the credential scrubbed (undici messages can include the request URL). */
  private describe(error: unknown): string {
    const code = (error as { code?: unknown }).code;
    let message = error instanceof Error ? error.message : String(error);
    message = message.replace(/api_key=[^&\s"']*/gi, 'api_key=[redacted]').replace(/Bearer\s+\S+/gi, 'Bearer [redacted]');
    for (const secret of this.secrets) message = message.split(secret).join('[redacted]');
    return typeof code === 'string' ? `${code}: ${message}` : message;
  }
}
