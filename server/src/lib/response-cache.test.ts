import { setTimeout as sleep } from 'node:timers/promises';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { notFound, upstreamUnavailable } from '../errors.js';
import { etagOf } from './representation.js';
import { Absent, ResponseCache, type CachePolicy } from './response-cache.js';

const log = pino({ level: 'silent' });
const policy = (over: Partial<CachePolicy> = {}): CachePolicy => ({ freshSeconds: 60, swrSeconds: 60, staleIfErrorSeconds: 86_400, notFoundSeconds: 0, ...over });

describe('ResponseCache', () => {
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
    let calls = 0;
    const load = async () => {
      calls += 1;
      await sleep(20);
      return { ok: true };
    };
    await Promise.all(Array.from({ length: 10 }, () => cache.get('k', policy(), load)));
    expect(calls).toBe(1);
  });

  it('does not cache failures', async () => {
    const cache = new ResponseCache({ redis: null, log });
    await expect(cache.get('k', policy(), () => Promise.reject(upstreamUnavailable()))).rejects.toMatchObject({ status: 503 });
    expect((await cache.get('k', policy(), async () => ({ ok: 1 }))).body.toString()).toBe('{"ok":1}');
  });

  it('serves a stale answer while refreshing once in the background', async () => {
    const cache = new ResponseCache({ redis: null, log });
    let calls = 0;
    const load = async () => {
      calls += 1;
      await sleep(30);
      return { n: calls };
    };
    const p = policy({ freshSeconds: 0.05, swrSeconds: 10 });
    await cache.get('k', p, load);
    await sleep(80);
    const answers = await Promise.all(Array.from({ length: 5 }, () => cache.get('k', p, load)));
    expect(answers.every((a) => a.body.toString() === '{"n":1}')).toBe(true);
    await sleep(60);
    expect(calls).toBe(2);
    expect((await cache.get('k', p, load)).body.toString()).toBe('{"n":2}');
  });

  it('serves stale on upstream failure past the revalidation window, but not on a 404', async () => {
    const cache = new ResponseCache({ redis: null, log });
    const p = policy({ freshSeconds: 0.02, swrSeconds: 0.02 });
    await cache.get('k', p, async () => ({ v: 1 }));
    await sleep(60);
    expect((await cache.get('k', p, () => Promise.reject(upstreamUnavailable()))).body.toString()).toBe('{"v":1}');
    await expect(cache.get('k', p, () => Promise.reject(notFound('title')))).rejects.toMatchObject({ status: 404 });
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
