/** What the catalog answers when TMDB misbehaves (API.md "Upstream (TMDB) failures"). */
import { pino } from 'pino';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createTmdbSource } from '../../src/integrations/tmdb/tmdb.source.js';
import { databaseBackends } from '../helpers/backends.js';
import { buildTestApp, testConfig, type TestApp } from '../helpers/build-test-app.js';
import { capturedLogs, startFakeTmdb, type FakeTmdb } from '../helpers/fake-tmdb.js';
import { startTmdbApp } from '../helpers/tmdb-app.js';

const backend = databaseBackends[0]!;
const silent = pino({ level: 'silent' });

function expectProblem(res: { statusCode: number; headers: Record<string, unknown>; json: () => unknown }, status: number, code: string) {
  expect(res.statusCode).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(res.json()).toMatchObject({ status, code });
}

describe('TMDB failures map to problem answers', () => {
  let fake: FakeTmdb;
  let t: TestApp;
  let id = 100;
  // A fresh, never-cached title per request.
  const nextTitle = () => `/api/movies/${(id += 1)}`;

  beforeAll(async () => {
    fake = await startFakeTmdb();
    const env = { TMDB_BASE_URL: fake.url, TMDB_API_KEY: fake.apiKey };
    // Short timeouts and backoff keep the suite fast; a high breaker threshold keeps one failure
    // test from opening the circuit for the next (the breaker has its own suite below).
    const catalogSource = createTmdbSource({
      config: testConfig(env),
      log: silent,
      client: { attemptTimeoutMs: 300, budgetMs: 2_000, backoffBaseMs: 20, breakerThreshold: 1_000 },
    });
    t = await buildTestApp({ backend, env, catalogSource });
  });
  afterAll(async () => {
    await t.close();
    await fake.close();
  });
  beforeEach(() => fake.reset());

  it('TMDB 429 with a long Retry-After → 429 UPSTREAM_RATE_LIMITED passing TMDB’s Retry-After, without waiting for it', async () => {
    fake.script(/^\/movie\/\d+$/, { status: 429, retryAfter: '30' });
    const res = await t.app.inject(nextTitle());
    expectProblem(res, 429, 'UPSTREAM_RATE_LIMITED');
    expect(res.headers['retry-after']).toBe('30');
    expect(fake.requests).toHaveLength(1);
  });

  it('TMDB 429 with a Retry-After that fits the budget → waited out and retried → 200', async () => {
    fake.script('/movie/550', { status: 429, retryAfter: '1', times: 1 });
    const res = await t.app.inject('/api/movies/550');
    expect(res.statusCode).toBe(200);
    expect(res.json().id).toBe(550);
    expect(fake.requestsTo('/movie/550')).toHaveLength(2);
  });

  it.each([500, 502, 503, 504])('TMDB %i on every attempt → 503 UPSTREAM_UNAVAILABLE with Retry-After, after bounded retries', async (status) => {
    fake.script(/^\/movie\/\d+$/, { status });
    const res = await t.app.inject(nextTitle());
    expectProblem(res, 503, 'UPSTREAM_UNAVAILABLE');
    expect(Number(res.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(fake.requests).toHaveLength(3);
    expect(res.body).not.toMatch(/Internal error|TMDb|status_code/);
  });

  it('TMDB 500 once → retried → 200', async () => {
    fake.script('/movie/popular', { status: 500, times: 1 });
    const res = await t.app.inject('/api/movies/popular');
    expect(res.statusCode).toBe(200);
    expect(fake.requestsTo('/movie/popular')).toHaveLength(2);
  });

  it('TMDB answering unparseable JSON → 503', async () => {
    fake.script(/^\/movie\/\d+$/, { garbage: true });
    expectProblem(await t.app.inject(nextTitle()), 503, 'UPSTREAM_UNAVAILABLE');
  });

  it('TMDB resetting the connection → 503', async () => {
    fake.script(/^\/movie\/\d+$/, { reset: true });
    const res = await t.app.inject(nextTitle());
    expectProblem(res, 503, 'UPSTREAM_UNAVAILABLE');
    expect(res.headers['retry-after']).toBeDefined();
  });

  it('TMDB timing out → 503 after at most three attempts', async () => {
    fake.script(/^\/movie\/\d+$/, { delayMs: 1_500 });
    const res = await t.app.inject(nextTitle());
    expectProblem(res, 503, 'UPSTREAM_UNAVAILABLE');
    expect(fake.requests.length).toBeGreaterThanOrEqual(1);
    expect(fake.requests.length).toBeLessThanOrEqual(3);
  });

  it('TMDB 404 → 404 NOT_FOUND, without retries', async () => {
    const res = await t.app.inject(nextTitle());
    expectProblem(res, 404, 'NOT_FOUND');
    expect(fake.requests).toHaveLength(1);
  });

  it('TMDB unreachable → 503', async () => {
    const env = { TMDB_BASE_URL: 'http://127.0.0.1:1/3', TMDB_API_KEY: fake.apiKey };
    const catalogSource = createTmdbSource({ config: testConfig(env), log: silent, client: { attemptTimeoutMs: 300, budgetMs: 1_000, backoffBaseMs: 20 } });
    const other = await buildTestApp({ backend, env, catalogSource });
    try {
      expectProblem(await other.app.inject('/api/movies/popular'), 503, 'UPSTREAM_UNAVAILABLE');
    } finally {
      await other.close();
    }
  });
});

describe('a rejected TMDB credential', () => {
  let fake: FakeTmdb;
  let t: TestApp;
  const logs = capturedLogs('info');
  const wrongKey = 'wrong-key-that-tmdb-rejects-0123456789';

  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ fake, t, close } = await startTmdbApp({ env: { TMDB_API_KEY: wrongKey }, logger: logs.logger }));
  });
  afterAll(() => close());

  it('TMDB 401 → 503, one loud error log line, and the key nowhere', async () => {
    const first = await t.app.inject('/api/movies/popular');
    const second = await t.app.inject('/api/movies/trending');
    for (const res of [first, second]) {
      expectProblem(res, 503, 'UPSTREAM_UNAVAILABLE');
      expect(res.body).not.toContain(wrongKey);
      expect(JSON.stringify(res.headers)).not.toContain(wrongKey);
    }
    // TMDB's 401 is definite: no retries.
    expect(fake.requests).toHaveLength(2);
    const loud = logs.lines.filter((line) => line.includes('TMDB rejected the credential'));
    expect(loud).toHaveLength(1);
    expect(JSON.parse(loud[0]!).level).toBe(50);
    for (const line of logs.lines) expect(line).not.toContain(wrongKey);
  });
});

describe('the circuit breaker', () => {
  let fake: FakeTmdb;
  let t: TestApp;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ fake, t, close } = await startTmdbApp());
  });
  afterAll(() => close());

  it('after consecutive failures, further calls fail fast with 503 without reaching TMDB', async () => {
    fake.script(/.*/, { status: 500 });
    expect((await t.app.inject('/api/movies/1')).statusCode).toBe(503);
    expect((await t.app.inject('/api/movies/2')).statusCode).toBe(503);
    const reached = fake.requests.length;
    expect(reached).toBeGreaterThanOrEqual(5);

    for (const url of ['/api/movies/3', '/api/movies/popular', '/api/genres']) {
      const res = await t.app.inject(url);
      expectProblem(res, 503, 'UPSTREAM_UNAVAILABLE');
      expect(Number(res.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    }
    expect(fake.requests.length).toBe(reached);
  });
});

describe('the client-side rate limiter', () => {
  let fake: FakeTmdb;
  let t: TestApp;
  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ fake, t, close } = await startTmdbApp());
  });
  afterAll(() => close());

  it('never lets more than 40 requests a second reach TMDB, queueing the rest', async () => {
    const answers = await Promise.all(Array.from({ length: 100 }, (_, i) => t.app.inject(`/api/movies/${5000 + i}`)));
    // Every call was queued, not dropped: each one reached TMDB and got its 404.
    expect(answers.every((res) => res.statusCode === 404)).toBe(true);
    const times = fake.requests.map((r) => r.at).sort((a, b) => a - b);
    expect(times).toHaveLength(100);
    for (let i = 0; i + 40 < times.length; i += 1) {
      // Request i+40 must arrive at least a second after request i: no 41 in any one-second window.
      expect(times[i + 40]! - times[i]!).toBeGreaterThanOrEqual(1_000);
    }
  });
});

describe('stale answers when TMDB fails (CATALOG_TTL_SECONDS=1)', () => {
  let fake: FakeTmdb;
  let t: TestApp;

  beforeAll(async () => {
    fake = await startFakeTmdb();
    const env = { TMDB_BASE_URL: fake.url, TMDB_API_KEY: fake.apiKey, CATALOG_TTL_SECONDS: '1' };
    const catalogSource = createTmdbSource({ config: testConfig(env), log: silent, client: { backoffBaseMs: 20, breakerThreshold: 1_000 } });
    t = await buildTestApp({ backend, env, catalogSource });
  });
  afterAll(async () => {
    await t.close();
    await fake.close();
  });
  // Cached answers age by Date.now(): the clock is moved forward instead of waiting for it (it
  // keeps running on its own, so timeouts and the rate limiter see time pass as usual).
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'], shouldAdvanceTime: true });
  });
  afterEach(() => {
    vi.useRealTimers();
  });
  const advanceClock = (ms: number) => vi.setSystemTime(Date.now() + ms);

  it('serves the stale answer (200) instead of 503 when TMDB fails after the answer expired', async () => {
    const fresh = await t.app.inject('/api/movies/popular');
    expect(fresh.statusCode).toBe(200);
    expect(fresh.headers['cache-control']).toMatch(/max-age=1\b/);
    fake.script(/.*/, { status: 500 });
    // Past freshness and past the stale-while-revalidate window: TMDB is asked, fails, stale wins.
    advanceClock(2_200);
    const stale = await t.app.inject('/api/movies/popular');
    expect(stale.statusCode).toBe(200);
    expect(stale.body).toBe(fresh.body);
    expect(stale.headers.etag).toBe(fresh.headers.etag);
    expect(stale.headers['cache-control']).toMatch(/max-age=0\b/);
    expect(fake.requestsTo('/movie/popular').length).toBeGreaterThan(1);
  });

  it('serves the stale answer when TMDB answers 429 too', async () => {
    fake.reset();
    const fresh = await t.app.inject('/api/movies/550');
    expect(fresh.statusCode).toBe(200);
    fake.script(/.*/, { status: 429, retryAfter: '60' });
    advanceClock(2_200);
    const stale = await t.app.inject('/api/movies/550');
    expect(stale.statusCode).toBe(200);
    expect(stale.body).toBe(fresh.body);
    expect(fake.requestsTo('/movie/550')).toHaveLength(2);
  });

  it('within the stale-while-revalidate window: the stale answer at once, one background refresh', async () => {
    fake.reset();
    const first = await t.app.inject('/api/movies/trending');
    expect(first.statusCode).toBe(200);
    advanceClock(1_200);
    fake.script('/trending/all/week', { delayMs: 300 });
    const answers = await Promise.all(Array.from({ length: 5 }, () => t.app.inject('/api/movies/trending')));
    for (const res of answers) {
      expect(res.body).toBe(first.body);
      expect(res.headers['cache-control']).toMatch(/max-age=0\b/);
    }
    // The refresh reaches TMDB; once its answer is in, the route answers fresh again.
    await fake.arrived('/trending/all/week', 2);
    await expect.poll(async () => (await t.app.inject('/api/movies/trending')).headers['cache-control']).toMatch(/max-age=1\b/);
    expect(fake.requestsTo('/trending/all/week')).toHaveLength(2);
  });
});
