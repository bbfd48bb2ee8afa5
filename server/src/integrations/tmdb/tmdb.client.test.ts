import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppError } from '../../errors.js';
import { CircuitBreaker, RateLimiter, parseRetryAfter } from './tmdb.client.js';

afterEach(() => vi.useRealTimers());

/** Records whether a promise has settled, and how. */
function track<T>(promise: Promise<T>) {
  const state: { settled: 'no' | 'resolved' | 'rejected'; error?: unknown } = { settled: 'no' };
  promise.then(
    () => (state.settled = 'resolved'),
    (error: unknown) => Object.assign(state, { settled: 'rejected', error }),
  );
  return state;
}

describe('parseRetryAfter', () => {
  it('reads delta-seconds and HTTP dates', () => {
    const now = Date.parse('2025-06-01T12:00:00Z');
    expect(parseRetryAfter('7')).toBe(7);
    expect(parseRetryAfter(new Date(now + 5_000).toUTCString(), now)).toBe(5);
    expect(parseRetryAfter(new Date(now - 5_000).toUTCString(), now)).toBe(0);
    expect(parseRetryAfter('soon')).toBeNull();
    expect(parseRetryAfter(undefined)).toBeNull();
  });
});

describe('CircuitBreaker', () => {
  it('opens after the threshold, fails fast, lets one probe through when half-open, and closes on its success', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const breaker = new CircuitBreaker(3, 50);
    for (let i = 0; i < 3; i += 1) {
      breaker.before();
      breaker.failure();
    }
    expect(() => breaker.before()).toThrow(AppError);
    vi.advanceTimersByTime(49);
    expect(() => breaker.before()).toThrow(AppError);
    vi.advanceTimersByTime(1);
    breaker.before(); // the probe
    expect(() => breaker.before()).toThrow(AppError); // others wait for it
    breaker.success();
    expect(() => breaker.before()).not.toThrow();
  });

  it('a failed probe reopens the circuit', () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const breaker = new CircuitBreaker(1, 30);
    breaker.failure();
    vi.advanceTimersByTime(30);
    breaker.before();
    breaker.failure();
    expect(() => breaker.before()).toThrow(AppError);
    vi.advanceTimersByTime(29);
    expect(() => breaker.before()).toThrow(AppError);
  });
});

describe('RateLimiter', () => {
  it('admits `limit` at once, queues the rest until a completed slot leaves the window', async () => {
    vi.useFakeTimers();
    const limiter = new RateLimiter(2, 100);
    const deadline = Date.now() + 5_000;
    const a = await limiter.acquire(deadline);
    const b = await limiter.acquire(deadline);
    const third = track(limiter.acquire(deadline));
    await vi.advanceTimersByTimeAsync(500);
    // Both slots are taken while their requests are in flight, however long that is.
    expect(third.settled).toBe('no');
    a();
    b();
    await vi.advanceTimersByTimeAsync(99);
    expect(third.settled).toBe('no');
    await vi.advanceTimersByTimeAsync(1);
    expect(third.settled).toBe('resolved');
    limiter.close();
  });

  it('rejects a queued caller whose deadline passes', async () => {
    vi.useFakeTimers();
    const limiter = new RateLimiter(1, 10_000);
    (await limiter.acquire(Date.now() + 1_000))();
    const queued = track(limiter.acquire(Date.now() + 30));
    await vi.advanceTimersByTimeAsync(29);
    expect(queued.settled).toBe('no');
    await vi.advanceTimersByTimeAsync(1);
    expect(queued).toMatchObject({ settled: 'rejected', error: { status: 503 } });
    limiter.close();
  });
});
