import { pino } from 'pino';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../errors.js';
import { startFakeTmdb, type FakeTmdb } from '../../../test/helpers/fake-tmdb.js';
import { CircuitBreaker, RateLimiter, TmdbClient, parseRetryAfter } from './tmdb.client.js';

describe('parseRetryAfter', () => {
  it('reads delta-seconds and HTTP dates', () => {
    expect(parseRetryAfter('7')).toBe(7);
    expect(parseRetryAfter(new Date(Date.now() + 5_000).toUTCString())).toBeGreaterThanOrEqual(4);
    expect(parseRetryAfter('soon')).toBeNull();
    expect(parseRetryAfter(undefined)).toBeNull();
  });
});

describe('CircuitBreaker', () => {
  it('opens after the threshold, fails fast, lets one probe through when half-open, and closes on its success', async () => {
    const breaker = new CircuitBreaker(3, 50);
    for (let i = 0; i < 3; i += 1) {
      breaker.before();
      breaker.failure();
    }
    expect(() => breaker.before()).toThrow(AppError);
    await sleep(60);
    breaker.before(); // the probe
    expect(() => breaker.before()).toThrow(AppError); // others wait for it
    breaker.success();
    expect(() => breaker.before()).not.toThrow();
  });

  it('a failed probe reopens the circuit', async () => {
    const breaker = new CircuitBreaker(1, 30);
    breaker.failure();
    await sleep(40);
    breaker.before();
    breaker.failure();
    expect(() => breaker.before()).toThrow(AppError);
  });
});

describe('RateLimiter', () => {
  it('admits `limit` at once, queues the rest until a completed slot leaves the window', async () => {
    const limiter = new RateLimiter(2, 100);
    const deadline = Date.now() + 5_000;
    const a = await limiter.acquire(deadline);
    const b = await limiter.acquire(deadline);
    let third = false;
    const pending = limiter.acquire(deadline).then((release) => {
      third = true;
      return release;
    });
    a();
    b();
    await sleep(50);
    expect(third).toBe(false);
    (await pending)();
    expect(third).toBe(true);
  });

  it('rejects a queued caller whose deadline passes', async () => {
    const limiter = new RateLimiter(1, 10_000);
    (await limiter.acquire(Date.now() + 1_000))();
    await expect(limiter.acquire(Date.now() + 30)).rejects.toMatchObject({ status: 503 });
    limiter.close();
  });
});

describe('TmdbClient', () => {
  let fake: FakeTmdb;
  const lines: string[] = [];
  const log = pino({ level: 'debug' }, { write: (line: string) => void lines.push(line) });

  beforeAll(async () => {
    fake = await startFakeTmdb();
  });
  afterAll(() => fake.close());
  beforeEach(() => fake.reset());

  it('keeps the whole call within its budget, however slow TMDB is', async () => {
    const client = new TmdbClient({ baseUrl: fake.url, apiKey: fake.apiKey, log, attemptTimeoutMs: 200, budgetMs: 500, backoffBaseMs: 10 });
    fake.script('/movie/popular', { delayMs: 2_000 });
    const started = Date.now();
    await expect(client.get('/movie/popular')).rejects.toMatchObject({ status: 503, code: 'UPSTREAM_UNAVAILABLE' });
    // Generous bound: the point is that three 2-second waits did not happen.
    expect(Date.now() - started).toBeLessThan(1_500);
    await client.close();
  });

  it('gives up on a 429 whose Retry-After exceeds the budget, passing it on', async () => {
    const client = new TmdbClient({ baseUrl: fake.url, apiKey: fake.apiKey, log, budgetMs: 2_000 });
    fake.script('/movie/popular', { status: 429, retryAfter: '3' });
    await expect(client.get('/movie/popular')).rejects.toMatchObject({ status: 429, code: 'UPSTREAM_RATE_LIMITED', options: { headers: { 'retry-after': '3' } } });
    expect(fake.requests).toHaveLength(1);
    await client.close();
  });

  it('scrubs the key from network error messages it logs', async () => {
    const secret = 'super-secret-key-value-1234';
    const client = new TmdbClient({ baseUrl: 'http://127.0.0.1:1/3', apiKey: secret, log, attemptTimeoutMs: 200, budgetMs: 600, backoffBaseMs: 10 });
    await expect(client.get('/movie/popular')).rejects.toBeInstanceOf(AppError);
    expect(lines.some((line) => line.includes('TMDB unavailable'))).toBe(true);
    for (const line of lines) expect(line).not.toContain(secret);
    await client.close();
  });

  it('sends the v4 token as Bearer and never as api_key when both are configured', async () => {
    const client = new TmdbClient({ baseUrl: fake.url, apiKey: fake.apiKey, accessToken: fake.accessToken, log });
    await client.get('/genre/movie/list');
    expect(fake.requests[0]!.headers.authorization).toBe(`Bearer ${fake.accessToken}`);
    expect(fake.requests[0]!.query.api_key).toBeUndefined();
    await client.close();
  });
});
