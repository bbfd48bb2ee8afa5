/** The catalog answer cache seen over HTTP: hits, coalescing, ETag/304, lifetimes, Redis sharing. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { databaseBackends, openTestRedis, type TestRedis } from '../helpers/backends.js';
import { buildTestApp, type TestApp } from '../helpers/build-test-app.js';
import { startTmdbApp } from '../helpers/tmdb-app.js';
import { startFakeTmdb, type FakeTmdb } from '../helpers/fake-tmdb.js';

const backend = databaseBackends[0]!;
const maxAgeOf = (res: { headers: Record<string, unknown> }) => Number(/max-age=(\d+)/.exec(String(res.headers['cache-control']))?.[1]);

describe('catalog cache (in-process)', () => {
  let fake: FakeTmdb;
  let t: TestApp;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ fake, t, close } = await startTmdbApp());
  });
  afterAll(() => close());
  beforeEach(() => fake.reset());

  it('a second identical request is answered from the cache, byte for byte, with the same ETag', async () => {
    const first = await t.app.inject('/api/movies/popular?page=2');
    const second = await t.app.inject('/api/movies/popular?page=2');
    expect(second.statusCode).toBe(200);
    expect(second.body).toBe(first.body);
    expect(second.headers.etag).toBe(first.headers.etag);
    expect(fake.requestsTo('/movie/popular')).toHaveLength(1);
  });

  it('20 concurrent cold identical requests make exactly one upstream call', async () => {
    fake.script('/trending/all/day', { delayMs: 100 });
    const answers = await Promise.all(Array.from({ length: 20 }, () => t.app.inject('/api/movies/trending?window=day&page=2')));
    expect(answers.every((res) => res.statusCode === 200)).toBe(true);
    expect(new Set(answers.map((res) => res.headers.etag)).size).toBe(1);
    expect(fake.requestsTo('/trending/all/day')).toHaveLength(1);
  });

  it('concurrent cold requests for an unknown title make one upstream call, and the 404 is remembered briefly', async () => {
    const answers = await Promise.all(Array.from({ length: 5 }, () => t.app.inject('/api/movies/777777')));
    expect(answers.every((res) => res.statusCode === 404)).toBe(true);
    expect((await t.app.inject('/api/movies/777777')).statusCode).toBe(404);
    expect(fake.requestsTo('/movie/777777')).toHaveLength(1);
  });

  it('a title without a trailer is asked about once', async () => {
    expect((await t.app.inject('/api/movies/680/trailer')).statusCode).toBe(404);
    expect((await t.app.inject('/api/movies/680/trailer')).statusCode).toBe(404);
    expect(fake.requestsTo('/movie/680/videos')).toHaveLength(1);
  });

  it('different routes and parameters are different entries', async () => {
    const day = await t.app.inject('/api/movies/trending?window=day');
    const week = await t.app.inject('/api/movies/trending?window=week');
    expect(day.headers.etag).not.toBe(week.headers.etag);
    const movie = await t.app.inject('/api/movies/1396');
    const tv = await t.app.inject('/api/movies/1396?media_type=tv');
    expect(movie.statusCode).toBe(404);
    expect(tv.statusCode).toBe(200);
  });

  it('If-None-Match with the current ETag → 304 with the ETag, Cache-Control and no body', async () => {
    const first = await t.app.inject('/api/movies/550');
    const etag = String(first.headers.etag);
    const res = await t.app.inject({ url: '/api/movies/550', headers: { 'if-none-match': etag } });
    expect(res.statusCode).toBe(304);
    expect(res.headers.etag).toBe(etag);
    expect(res.headers['cache-control']).toMatch(/^public, max-age=\d+/);
    expect(res.body).toBe('');
  });

  it('If-None-Match matches the weak form, a list and *; another ETag → 200 with the body', async () => {
    const etag = String((await t.app.inject('/api/genres')).headers.etag);
    for (const header of [`W/${etag}`, `"nope", ${etag}`, `W/"nope",W/${etag}`, '*']) {
      const res = await t.app.inject({ url: '/api/genres', headers: { 'if-none-match': header } });
      expect(res.statusCode, header).toBe(304);
    }
    const other = await t.app.inject({ url: '/api/genres', headers: { 'if-none-match': '"something-else"' } });
    expect(other.statusCode).toBe(200);
    expect(other.json().genres.length).toBeGreaterThan(0);
  });

  it('HEAD answers the same headers without a body', async () => {
    const res = await t.app.inject({ method: 'HEAD', url: '/api/movies/popular' });
    expect(res.statusCode).toBe(200);
    expect(res.headers.etag).toBeDefined();
    expect(res.body).toBe('');
  });

  it('Cache-Control max-age follows the per-route lifetimes', async () => {
    const lifetimes: [string, number][] = [
      ['/api/movies/popular', 600],
      ['/api/movies/search?q=fight', 600],
      ['/api/movies/genre/18', 600],
      ['/api/movies/featured', 3600],
      ['/api/movies/550', 21600],
      ['/api/movies/550/trailer', 21600],
      ['/api/genres', 86400],
    ];
    for (const [url, seconds] of lifetimes) {
      const res = await t.app.inject(url);
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['cache-control'], url).toMatch(/^public, max-age=\d+, stale-while-revalidate=\d+/);
      expect(maxAgeOf(res), url).toBeLessThanOrEqual(seconds);
      expect(maxAgeOf(res), url).toBeGreaterThan(seconds - 30);
    }
  });

  it('errors carry no ETag or public Cache-Control', async () => {
    const res = await t.app.inject('/api/movies/genre/12345');
    expect(res.statusCode).toBe(404);
    expect(res.headers.etag).toBeUndefined();
    expect(String(res.headers['cache-control'] ?? '')).not.toMatch(/public/);
  });
});

describe('CATALOG_TTL_SECONDS', () => {
  let t: TestApp;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ t, close } = await startTmdbApp({ env: { CATALOG_TTL_SECONDS: '42' } }));
  });
  afterAll(() => close());

  it('replaces every freshness lifetime', async () => {
    for (const url of ['/api/movies/popular', '/api/movies/550', '/api/genres', '/api/movies/featured']) {
      const maxAge = maxAgeOf(await t.app.inject(url));
      expect(maxAge, url).toBeLessThanOrEqual(42);
      expect(maxAge, url).toBeGreaterThan(30);
    }
  });
});

describe.runIf(Boolean(process.env.TEST_REDIS_URL))('catalog cache shared through Redis', () => {
  let fake: FakeTmdb;
  let redis: TestRedis;
  let first: TestApp;
  let second: TestApp;

  beforeAll(async () => {
    fake = await startFakeTmdb();
    redis = openTestRedis()!;
    const env = { TMDB_BASE_URL: fake.url, TMDB_API_KEY: fake.apiKey };
    first = await buildTestApp({ backend, env, redis: redis.redis });
    second = await buildTestApp({ backend, env, redis: redis.connect() });
  });
  afterAll(async () => {
    await first.close();
    await second.close();
    await redis.cleanup();
    await fake.close();
  });

  it('a second instance is served from Redis without an upstream call', async () => {
    const a = await first.app.inject('/api/movies/popular');
    const b = await second.app.inject('/api/movies/popular');
    expect(b.statusCode).toBe(200);
    expect(b.body).toBe(a.body);
    expect(b.headers.etag).toBe(a.headers.etag);
    expect(fake.requestsTo('/movie/popular')).toHaveLength(1);
  });

  it('the entry lives under the connection’s key prefix', async () => {
    await first.app.inject('/api/movies/550');
    const keys = await redis.redis.keys('*');
    expect(keys.some((key) => key.startsWith(redis.prefix) && key.includes('details:movie:550'))).toBe(true);
  });

  it('a remembered 404 and the genre list are shared too', async () => {
    expect((await first.app.inject('/api/movies/888888')).statusCode).toBe(404);
    expect((await second.app.inject('/api/movies/888888')).statusCode).toBe(404);
    expect(fake.requestsTo('/movie/888888')).toHaveLength(1);
    await first.app.inject('/api/genres');
    await second.app.inject('/api/movies/genre/18');
    expect(fake.requestsTo('/genre/movie/list')).toHaveLength(1);
  });
});
