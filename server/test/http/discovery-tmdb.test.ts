/**
 * Discovery in TMDB mode against the fake TMDB, over real HTTP: which TMDB endpoints answer, how
 * their answers are normalised, what TMDB's faults become, and what the profile's rows cost upstream.
 */
import { pino } from 'pino';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Credits, Page, Recommendations, Season, TitleDetails, WatchProviders } from '@marquee/contracts';
import { createTmdbSource } from '../../src/integrations/tmdb/tmdb.source.js';
import { databaseBackends } from '../helpers/backends.js';
import { buildTestApp, testConfig, type TestApp } from '../helpers/build-test-app.js';
import { startFakeTmdb, type FakeTmdb } from '../helpers/fake-tmdb.js';

const IMAGES = 'https://image.tmdb.org/t/p';
const silent = pino({ level: 'silent' });

describe.each(databaseBackends)('discovery in TMDB mode on $name (real HTTP)', (backend) => {
  let fake: FakeTmdb;
  let t: TestApp;
  let base: string;

  const call = async (method: string, url: string, options: { token?: string; body?: unknown } = {}) => {
    const headers: Record<string, string> = {};
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(base + url, { method, headers, body: options.body === undefined ? undefined : JSON.stringify(options.body) });
    const text = await res.text();
    return { status: res.status, headers: res.headers, json: () => JSON.parse(text) };
  };
  let counter = 0;
  const signUp = async () => {
    const res = await call('POST', '/api/auth/register', { body: { email: `tmdb-discovery${++counter}-${Date.now()}@example.com`, password: 'correct horse battery', name: 'Viewer' } });
    expect(res.status).toBe(201);
    return res.json().access_token as string;
  };

  beforeAll(async () => {
    fake = await startFakeTmdb();
    const env = { TMDB_BASE_URL: fake.url, TMDB_API_KEY: fake.apiKey, CATALOG_TTL_SECONDS: '1' };
    const catalogSource = createTmdbSource({ config: testConfig(env), log: silent, client: { attemptTimeoutMs: 500, budgetMs: 2_000, backoffBaseMs: 20, breakerThreshold: 1_000 } });
    t = await buildTestApp({ backend, env, catalogSource });
    base = await t.app.listen({ port: 0, host: '127.0.0.1' });
  });
  afterAll(async () => {
    await t.close();
    await fake.close();
  });
  beforeEach(() => fake.reset());
  // Cached answers age by Date.now(): the clock is moved forward instead of waiting for it.
  afterEach(() => vi.useRealTimers());

  it('similar → TMDB’s recommendations, the title itself dropped, totals TMDB’s', async () => {
    const res = await call('GET', '/api/movies/550/similar');
    expect(res.status).toBe(200);
    const page: Page = res.json();
    expect(page.results.map((title) => title.id)).toEqual([603, 680, 807]);
    expect(page.total_results).toBe(4);
    expect(page.results[2]).toMatchObject({ title: 'Se7en', media_type: 'movie', poster_url: `${IMAGES}/w500/191nKfP0ehp3uIvWqgPbFmI4lv9.jpg` });
    // The first page takes one call: both lists appended to the details.
    expect(fake.requests.map((r) => [r.path, r.query.append_to_response])).toEqual([['/movie/550', 'recommendations,similar']]);
    const second: Page = (await call('GET', '/api/movies/550/similar?page=2')).json();
    expect(second).toMatchObject({ page: 2, results: [], total_results: 4 });
    expect(fake.requestsTo('/movie/550/recommendations')).toHaveLength(1);
  });

  it('similar → TMDB’s /similar when the recommendations are empty; series stay series', async () => {
    const page: Page = (await call('GET', '/api/movies/603/similar')).json();
    expect(page.results.map((title) => title.id)).toEqual([550, 680]);
    expect((await call('GET', '/api/movies/603/similar?page=2')).json()).toMatchObject({ page: 2, results: [], total_results: 2 });
    expect(fake.requestsTo('/movie/603/recommendations')).toHaveLength(1);
    expect(fake.requestsTo('/movie/603/similar')).toHaveLength(1);
    const shows: Page = (await call('GET', '/api/movies/1399/similar?media_type=tv')).json();
    expect(shows.results.map((title) => [title.id, title.media_type, title.title])).toEqual([
      [1396, 'tv', 'Breaking Bad'],
      [4194, 'tv', 'Sesame Street'],
    ]);
    expect((await call('GET', '/api/movies/424242/similar')).status).toBe(404);
  });

  it('credits → cast in billing order, at most 20; directors once and the writing department, never producers', async () => {
    const credits: Credits = (await call('GET', '/api/movies/550/credits')).json();
    expect(credits.cast).toHaveLength(20);
    expect(credits.cast.slice(0, 3)).toEqual([
      { id: 819, name: 'Edward Norton', character: 'Narrator', profile_url: `${IMAGES}/w185/8nytsqL59SFJTVYVrN72k6qkGgJ.jpg` },
      { id: 287, name: 'Brad Pitt', character: 'Tyler Durden', profile_url: `${IMAGES}/w185/cckcYc2v0yh1tc9QjRelptcOBko.jpg` },
      { id: 1283, name: 'Helena Bonham Carter', character: 'Marla Singer', profile_url: `${IMAGES}/w185/DDeITcCpnBd0CkAIRPhggy9bt5.jpg` },
    ]);
    expect(credits.cast.find((person) => person.name === 'George Maguire')?.profile_url).toBeNull();
    expect(credits.crew).toEqual([
      { id: 7467, name: 'David Fincher', job: 'Director' },
      { id: 7468, name: 'Chuck Palahniuk', job: 'Novel' },
      { id: 7469, name: 'Jim Uhls', job: 'Screenplay' },
    ]);
  });

  it('a series’ credits name its creators (job Creator) with its cast, in one TMDB call', async () => {
    const credits: Credits = (await call('GET', '/api/movies/1399/credits?media_type=tv')).json();
    expect(credits.crew).toEqual([{ id: 9813, name: 'David Benioff', job: 'Creator' }]);
    expect(credits.cast.map((person) => person.name)).toEqual(['Peter Dinklage', 'Kit Harington', 'Emilia Clarke', 'Lena Headey']);
    const calls = fake.requestsTo('/tv/1399');
    expect(calls).toHaveLength(1);
    expect(calls[0]?.query.append_to_response).toBe('credits');
  });

  it('TV details list seasons with the specials last; the season route lists its episodes', async () => {
    const details: TitleDetails = (await call('GET', '/api/movies/1399?media_type=tv')).json();
    expect(details.seasons?.map((season) => season.season_number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 0]);
    expect(details.seasons?.[0]).toEqual({ season_number: 1, name: 'Season 1', episode_count: 10, air_date: '2011-04-17', poster_url: `${IMAGES}/w185/season1.jpg` });
    expect(details.seasons?.[7]?.poster_url).toBeNull();
    const res = await call('GET', '/api/tv/1399/seasons/1');
    expect(res.status).toBe(200);
    const season: Season = res.json();
    expect(season).toMatchObject({ season_number: 1, name: 'Season 1', air_date: '2011-04-17' });
    expect(season.episodes).toHaveLength(10);
    expect(season.episodes[0]).toEqual({
      episode_number: 1,
      name: 'Winter Is Coming',
      overview: expect.stringContaining('Jon Arryn'),
      air_date: '2011-04-17',
      runtime: 62,
      still_url: `${IMAGES}/w300/xIfvIM7YgkADTrqp23rm3CLaOVQ.jpg`,
    });
    expect((await call('GET', '/api/tv/1399/seasons/42')).status).toBe(404);
    expect((await call('GET', '/api/tv/424242/seasons/1')).status).toBe(404);
  });

  it('providers → the region’s offers in display order, DEFAULT_REGION when none is asked; another region; none', async () => {
    const us: WatchProviders = (await call('GET', '/api/movies/550/providers')).json();
    expect(us.region).toBe('US');
    expect(us.link).toBe('https://www.themoviedb.org/movie/550-fight-club/watch?locale=US');
    expect(us.flatrate.map((p) => p.name)).toEqual(['Hulu', 'Amazon Prime Video']);
    expect(us.rent.map((p) => p.name)).toEqual(['Apple TV', 'Google Play Movies', 'Amazon Video']);
    expect(us.buy[0]).toEqual({ id: 2, name: 'Apple TV', logo_url: `${IMAGES}/w92/9ghgSC0MA082EL6HLCW3GalykFD.jpg` });
    const gb: WatchProviders = (await call('GET', '/api/movies/550/providers?region=gb')).json();
    expect(gb).toMatchObject({ region: 'GB', flatrate: [], buy: [] });
    expect(gb.rent.map((p) => p.name)).toEqual(['Apple TV']);
    expect((await call('GET', '/api/movies/550/providers?region=FR')).json()).toEqual({ region: 'FR', link: null, flatrate: [], rent: [], buy: [] });
    // One TMDB call answers every region (each region's answer is cached on its own).
    expect(fake.requestsTo('/movie/550/watch/providers')).toHaveLength(3);
    expect((await call('GET', '/api/movies/424242/providers')).status).toBe(404);
  });

  it('TMDB faults with nothing cached → 503 / 429 with Retry-After; a stale answer wins over both', async () => {
    fake.script('/movie/680', { status: 500 });
    const down = await call('GET', '/api/movies/680/similar');
    expect(down.status).toBe(503);
    expect(down.json().code).toBe('UPSTREAM_UNAVAILABLE');
    expect(down.headers.get('retry-after')).toBeTruthy();
    fake.reset();
    fake.script('/movie/680/credits', { status: 429, retryAfter: '17' });
    const limited = await call('GET', '/api/movies/680/credits');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('17');
    fake.script('/tv/1396/season/1', { garbage: true });
    expect((await call('GET', '/api/tv/1396/seasons/1')).status).toBe(503);
    fake.reset();

    vi.useFakeTimers({ toFake: ['Date'], shouldAdvanceTime: true });
    const fresh = await call('GET', '/api/movies/1399/providers?media_type=tv');
    expect(fresh.status).toBe(200);
    fake.script(/.*/, { status: 503 });
    vi.setSystemTime(Date.now() + 5_000);
    const stale = await call('GET', '/api/movies/1399/providers?media_type=tv');
    expect(stale.status).toBe(200);
    expect(stale.json().flatrate[0].name).toBe('Max');
    expect(fake.requestsTo('/tv/1399/watch/providers').length).toBeGreaterThan(1);
  });

  it('rows made for a profile: at most three upstream calls with a cold cache, none when warm', async () => {
    const token = await signUp();
    for (const [id, mediaType] of [[550, 'movie'], [603, 'movie'], [680, 'movie'], [1399, 'tv']] as const) {
      expect((await call('PUT', `/api/ratings/${id}?media_type=${mediaType}`, { token, body: { rating: 'up' } })).status).toBe(200);
    }
    // A cold cache for the similar lists (details were fetched when rating): a second instance.
    const other = await buildTestApp({ backend, env: { TMDB_BASE_URL: fake.url, TMDB_API_KEY: fake.apiKey }, database: t.database });
    try {
      fake.reset();
      const cold = await other.app.inject({ method: 'GET', url: '/api/recommendations', headers: { authorization: `Bearer ${token}` } });
      expect(cold.statusCode).toBe(200);
      const upstream = fake.requests.length;
      expect(upstream).toBe(3);
      const { rows }: Recommendations = cold.json();
      // Newest likes first: 1399 (recommends series), 680 (none: its lists are empty), 603 (550 and 680: both rated).
      expect(rows.map((row) => row.id)).toEqual(['because-tv-1399']);
      expect(rows[0]?.title).toBe('Because you liked Game of Thrones');
      expect(rows[0]?.results.map((title) => title.id)).toEqual([1396, 4194]);
      fake.reset();
      const warm = await other.app.inject({ method: 'GET', url: '/api/recommendations', headers: { authorization: `Bearer ${token}` } });
      expect(warm.json()).toEqual(cold.json());
      expect(fake.requests).toHaveLength(0);
    } finally {
      await other.app.close();
    }
  });
});
