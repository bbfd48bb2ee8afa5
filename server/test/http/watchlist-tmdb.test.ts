import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Title, Watchlist } from '@marquee/contracts';
import { databaseBackends } from '../helpers/backends.js';
import { buildTestApp, type TestApp } from '../helpers/build-test-app.js';
import { startFakeTmdb, type FakeTmdb } from '../helpers/fake-tmdb.js';

describe.each(databaseBackends)('watchlist on $name against TMDB', (backend) => {
  let fake: FakeTmdb;
  let env: Record<string, string>;
  let t: TestApp;
  let token: string;

  /** A second server instance on the same database, with a cold catalog cache. */
  const coldInstance = async () => {
    const other = await buildTestApp({ backend, env, database: t.database });
    return { app: other.app, close: () => other.app.close() };
  };
  const auth = () => ({ authorization: `Bearer ${token}` });

  beforeAll(async () => {
    fake = await startFakeTmdb();
    env = { TMDB_BASE_URL: fake.url, TMDB_API_KEY: fake.apiKey };
    t = await buildTestApp({ backend, env });
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/register',
      payload: { email: 'tmdb-viewer@example.com', password: 'correct horse battery', name: 'Viewer' },
    });
    token = res.json().access_token;
  });
  afterAll(async () => {
    await t.close();
    await fake.close();
  });

  it('adds movies and TV shows TMDB knows (201), refuses what it does not (404), and lists them hydrated, newest first', async () => {
    for (const [id, mediaType] of [[550, 'movie'], [603, 'movie'], [1399, 'tv'], [680, 'movie']] as const) {
      const res = await t.app.inject({ method: 'POST', url: `/api/watchlist/${id}?media_type=${mediaType}`, headers: auth() });
      expect(res.statusCode).toBe(201);
    }
    expect(fake.requestsTo('/movie/550').length).toBeGreaterThan(0);
    const unknown = await t.app.inject({ method: 'POST', url: '/api/watchlist/999999', headers: auth() });
    expect(unknown.statusCode).toBe(404);

    const body: Watchlist = (await t.app.inject({ method: 'GET', url: '/api/watchlist', headers: auth() })).json();
    expect(body.results.map((item) => [item.id, item.media_type])).toEqual([[680, 'movie'], [1399, 'tv'], [603, 'movie'], [550, 'movie']]);
    const show = body.results.find((item) => item.media_type === 'tv') as Title;
    expect(show.title).toBe('Game of Thrones');
    expect(show.poster_url).toMatch(/^http:\/\/127\.0\.0\.1|^https:\/\/image\.tmdb\.org\/t\/p\/w500\//);
  });

  it('a cold instance hydrates the whole list in one concurrent pass, not one title after another', async () => {
    const cold = await coldInstance();
    try {
      fake.reset();
      fake.script(/^\/(movie|tv)\/\d+$/, { delayMs: 300 });
      const started = Date.now();
      const res = await cold.app.inject({ method: 'GET', url: '/api/watchlist', headers: auth() });
      const elapsed = Date.now() - started;
      expect(res.statusCode).toBe(200);
      const calls = fake.requestsTo(/^\/(movie|tv)\/\d+$/);
      expect(calls).toHaveLength(4);
      // All four were asked for before the first could have answered.
      const arrivals = calls.map((call) => call.at);
      expect(Math.max(...arrivals) - Math.min(...arrivals)).toBeLessThan(300);
      expect(elapsed).toBeLessThan(4 * 300);
    } finally {
      fake.reset();
      await cold.close();
    }
  });

  it('when TMDB cannot resolve a title, the list still shows it as stored', async () => {
    const cold = await coldInstance();
    try {
      fake.script('/movie/550', { status: 500 });
      fake.script('/tv/1399', { status: 404 });
      const res = await cold.app.inject({ method: 'GET', url: '/api/watchlist', headers: auth() });
      expect(res.statusCode).toBe(200);
      const body: Watchlist = res.json();
      expect(body.total_results).toBe(4);
      expect(body.results.find((item) => item.id === 550)).toMatchObject({ title: 'Fight Club', media_type: 'movie' });
      expect(body.results.find((item) => item.id === 1399)).toMatchObject({ title: 'Game of Thrones', media_type: 'tv' });
    } finally {
      fake.reset();
      await cold.close();
    }
  });

  it('an add while TMDB is down answers 503 with Retry-After and stores nothing; a re-add of a listed title still answers 200', async () => {
    const cold = await coldInstance();
    try {
      fake.script(/^\/movie\/\d+$/, { status: 503 });
      const down = await cold.app.inject({ method: 'POST', url: '/api/watchlist/13', headers: auth() });
      expect(down.statusCode).toBe(503);
      expect(down.headers['retry-after']).toBeDefined();
      expect(down.json().code).toBe('UPSTREAM_UNAVAILABLE');
      const again = await cold.app.inject({ method: 'POST', url: '/api/watchlist/550', headers: auth() });
      expect(again.statusCode).toBe(200);
      const me = (await cold.app.inject({ method: 'GET', url: '/api/auth/me', headers: auth() })).json();
      expect(me.watchlist).toEqual([680, 1399, 603, 550]);
    } finally {
      fake.reset();
      await cold.close();
    }
  });
});
