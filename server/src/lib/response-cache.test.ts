import { pino } from 'pino';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { notFound, upstreamUnavailable } from '../errors.js';
import { etagOf } from './representation.js';
import { Absent, ResponseCache, type CachePolicy } from './response-cache.js';

const log = pino({ level: 'silent' });
const policy = (over: Partial<CachePolicy> = {}): CachePolicy => ({ freshSeconds: 60, swrSeconds: 60, staleIfErrorSeconds: 86_400, notFoundSeconds: 0, ...over });

/** A promise with its resolve exposed: a load that answers when the test says so. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { opened, open };
}

/** Lifetimes are read from Date.now(): the clock is moved by hand, no time is waited for. */
const advanceClock = (ms: number) => vi.setSystemTime(Date.now() + ms);

describe('ResponseCache', () => {
  afterEach(() => vi.useRealTimers());

  it('serialises once and answers hits with the same bytes and a strong ETag of them', async () => {
    const cache = new ResponseCache({ redis: null, log });
    let calls = 0;
    const load = async () => ({ n: ++calls });
    const first = await cache.get('k', policy(), load);
    const second = await cache.get('k', policy(), load);
    expect(calls).toBe(1);
    expect(second.body).toBe(first.body);
    expect(first.body.toString()).toBe('{"n":1}');
    expect(first.etag).toBe(etagOf(Buffer.from('{"n":1}')));
  });

  it('coalesces concurrent misses into one load', async () => {
    const cache = new ResponseCache({ redis: null, log });
    const loading = gate();
    let calls = 0;
    const load = async () => {
      calls += 1;
      await loading.opened;
      return { ok: true };
    };
    const answers = Promise.all(Array.from({ length: 10 }, () => cache.get('k', policy(), load)));
    loading.open();
    expect((await answers).map((a) => a.body.toString())).toEqual(Array(10).fill('{"ok":true}'));
    expect(calls).toBe(1);
  });

  it('does not cache failures', async () => {
    const cache = new ResponseCache({ redis: null, log });
    await expect(cache.get('k', policy(), () => Promise.reject(upstreamUnavailable()))).rejects.toMatchObject({ status: 503 });
    expect((await cache.get('k', policy(), async () => ({ ok: 1 }))).body.toString()).toBe('{"ok":1}');
  });

  it('serves a stale answer while refreshing once in the background', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const cache = new ResponseCache({ redis: null, log });
    const refreshing = gate();
    let calls = 0;
    const load = async () => {
      calls += 1;
      if (calls > 1) await refreshing.opened;
      return { n: calls };
    };
    const p = policy({ freshSeconds: 1, swrSeconds: 10 });
    await cache.get('k', p, load);
    advanceClock(1_000);

    // Past freshness, within the revalidation window: the stale answer at once, and one refresh.
    const answers = await Promise.all(Array.from({ length: 5 }, () => cache.get('k', p, load)));
    expect(answers.map((a) => a.body.toString())).toEqual(Array(5).fill('{"n":1}'));
    expect(calls).toBe(2);

    refreshing.open();
    await expect.poll(async () => (await cache.get('k', p, load)).body.toString()).toBe('{"n":2}');
    expect(calls).toBe(2);
  });

  it('serves stale on upstream failure past the revalidation window, but not on a 404', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const cache = new ResponseCache({ redis: null, log });
    const p = policy({ freshSeconds: 1, swrSeconds: 1 });
    await cache.get('k', p, async () => ({ v: 1 }));
    advanceClock(2_000);
    expect((await cache.get('k', p, () => Promise.reject(upstreamUnavailable()))).body.toString()).toBe('{"v":1}');
    await expect(cache.get('k', p, () => Promise.reject(notFound('title')))).rejects.toMatchObject({ status: 404 });
  });

  it('past the stale-if-error lifetime, an upstream failure is the answer', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const cache = new ResponseCache({ redis: null, log });
    const p = policy({ freshSeconds: 1, swrSeconds: 1, staleIfErrorSeconds: 60 });
    await cache.get('k', p, async () => ({ v: 1 }));
    advanceClock(60_000);
    expect((await cache.get('k', p, () => Promise.reject(upstreamUnavailable()))).body.toString()).toBe('{"v":1}');
    advanceClock(1_000);
    await expect(cache.get('k', p, () => Promise.reject(upstreamUnavailable()))).rejects.toMatchObject({ status: 503 });
  });

  it('remembers a 404 for notFoundSeconds, and an Absent answer for the full lifetime', async () => {
    const cache = new ResponseCache({ redis: null, log });
    let calls = 0;
    const missing = async () => {
      calls += 1;
      throw notFound('title');
    };
    await expect(cache.get('a', policy({ notFoundSeconds: 60 }), missing)).rejects.toMatchObject({ status: 404 });
    await expect(cache.get('a', policy({ notFoundSeconds: 60 }), missing)).rejects.toMatchObject({ status: 404, message: 'The title was not found.' });
    expect(calls).toBe(1);
    await expect(cache.get('b', policy(), missing)).rejects.toMatchObject({ status: 404 });
    await expect(cache.get('b', policy(), missing)).rejects.toMatchObject({ status: 404 });
    expect(calls).toBe(3);
    let absent = 0;
    const none = async () => {
      absent += 1;
      return new Absent(notFound('trailer'));
    };
    await expect(cache.get('c', policy(), none)).rejects.toMatchObject({ status: 404, message: 'The trailer was not found.' });
    await expect(cache.get('c', policy(), none)).rejects.toMatchObject({ status: 404 });
    expect(absent).toBe(1);
  });

  it('is bounded by bytes: old entries are evicted', async () => {
    const cache = new ResponseCache({ redis: null, log, maxBytes: 4_000 });
    const big = async () => ({ s: 'x'.repeat(1_000) });
    for (let i = 0; i < 10; i += 1) await cache.get(`k${i}`, policy(), big);
    let reloaded = false;
    await cache.get('k0', policy(), async () => {
      reloaded = true;
      return {};
    });
    expect(reloaded).toBe(true);
  });
});
