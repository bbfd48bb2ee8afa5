import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../errors.js';
import { CircuitBreaker, RateLimiter, parseRetryAfter } from './tmdb.client.js';

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
