/**
 * Discovery in embedded mode, over real HTTP on every database backend: more like this, credits,
 * seasons, where to watch, thumbs (`/api/ratings`, `my_rating`) and the profile's rows
 * (`/api/recommendations`), within maturity limits; bad input answers 4xx problem+json.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page, Recommendations, Title, TitleDetails } from '@marquee/contracts';
import { loadEmbeddedCatalog } from '../../src/integrations/embedded/embedded.data.js';
import { databaseBackends } from '../helpers/backends.js';
import { buildTestApp, type TestApp } from '../helpers/build-test-app.js';

const catalog = loadEmbeddedCatalog();
const idOf = (mediaType: 'movie' | 'tv', name: string) => {
  const entry = (mediaType === 'movie' ? catalog.movies : catalog.tv).find((title) => title.title === name);
  if (!entry) throw new Error(`${name} is not in the embedded catalog`);
  return entry.id;
};
const GODFATHER = idOf('movie', 'The Godfather');
const GODFATHER_2 = idOf('movie', 'The Godfather: Part II');
const TOY_STORY = idOf('movie', 'Toy Story');
const PULP_FICTION = idOf('movie', 'Pulp Fiction');
const DARK_KNIGHT = idOf('movie', 'The Dark Knight');
const BREAKING_BAD = idOf('tv', 'Breaking Bad');
const SESAME_STREET = idOf('tv', 'Sesame Street');

describe.each(databaseBackends)('discovery on $name (embedded catalog, real HTTP)', (backend) => {
  let t: TestApp;
  let base: string;
  let token: string;
  let counter = 0;

  const call = async (method: string, url: string, options: { token?: string; body?: unknown; headers?: Record<string, string> } = {}) => {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    if (options.body !== undefined) headers['content-type'] ??= 'application/json';
    const res = await fetch(base + url, { method, headers, body: options.body === undefined ? undefined : typeof options.body === 'string' ? options.body : JSON.stringify(options.body) });
    const text = await res.text();
    return { status: res.status, headers: res.headers, text, json: () => JSON.parse(text) };
  };
  const signUp = async () => {
    counter += 1;
    const res = await call('POST', '/api/auth/register', { body: { email: `discovery${counter}-${Date.now()}@example.com`, password: 'correct horse battery', name: `Viewer ${counter}` } });
    expect(res.status).toBe(201);
    return res.json().access_token as string;
  };
  /** A token for a new kids profile (little kids) of the account. */
  const kidsToken = async (owner: string) => {
    const created = await call('POST', '/api/profiles', { token: owner, body: { name: `Kid ${++counter}`, kids: true, maturity: 'little_kids' } });
    expect(created.status).toBe(201);
    const switched = await call('POST', `/api/profiles/${created.json().id}/switch`, { token: owner, body: {} });
    expect(switched.status).toBe(200);
    return switched.json().access_token as string;
  };
  const expectProblem = (res: { status: number; headers: Headers; json: () => { code: string } }, status: number, code: string) => {
    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(res.json().code).toBe(code);
  };

  beforeAll(async () => {
    t = await buildTestApp({ backend });
    base = await t.app.listen({ port: 0, host: '127.0.0.1' });
    token = await signUp();
  });
  afterAll(() => t.close());

  it('GET /api/movies/{id}/similar → the Godfather’s sequels first, never the film itself, with ETag and 304', async () => {
    const res = await call('GET', `/api/movies/${GODFATHER}/similar`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toMatch(/^public, max-age=\d+/);
    const page: Page = res.json();
    expect(page.page).toBe(1);
    expect(page.results).toHaveLength(20);
    expect(page.results.slice(0, 2).map((title) => title.title).sort()).toEqual(['The Godfather: Part II', 'The Godfather: Part III']);
    expect(page.results.some((title) => title.id === GODFATHER)).toBe(false);
    expect(page.results.every((title) => title.media_type === 'movie')).toBe(true);
    const again = await call('GET', `/api/movies/${GODFATHER}/similar`, { headers: { 'if-none-match': res.headers.get('etag') as string } });
    expect(again.status).toBe(304);
    const second: Page = (await call('GET', `/api/movies/${GODFATHER}/similar?page=2`)).json();
    expect(second.page).toBe(2);
    expect(second.results.some((title) => page.results.some((first) => first.id === title.id))).toBe(false);
  });

  it('similar for a series lists series; bad input → 400, unknown title → 404 problem+json', async () => {
    const shows: Page = (await call('GET', `/api/movies/${BREAKING_BAD}/similar?media_type=tv`)).json();
    expect(shows.results[0]?.title).toBe('Better Call Saul');
    expect(shows.results.every((title) => title.media_type === 'tv')).toBe(true);
    expectProblem(await call('GET', '/api/movies/abc/similar'), 400, 'VALIDATION_FAILED');
    expectProblem(await call('GET', `/api/movies/${GODFATHER}/similar?page=0`), 400, 'VALIDATION_FAILED');
    expectProblem(await call('GET', `/api/movies/${GODFATHER}/similar?media_type=person`), 400, 'VALIDATION_FAILED');
    expectProblem(await call('GET', '/api/movies/99999999/similar'), 404, 'NOT_FOUND');
  });

  it('GET /api/movies/{id}/credits → the director the data knows, no cast; a series’ creators', async () => {
    const film = await call('GET', `/api/movies/${PULP_FICTION}/credits`);
    expect(film.status).toBe(200);
    expect(film.json()).toEqual({ cast: [], crew: [{ id: expect.any(Number), name: 'Quentin Tarantino', job: 'Director' }] });
    const show = (await call('GET', `/api/movies/${BREAKING_BAD}/credits?media_type=tv`)).json();
    expect(show.crew).toEqual([{ id: expect.any(Number), name: 'Vince Gilligan', job: 'Creator' }]);
    expectProblem(await call('GET', '/api/movies/99999999/credits'), 404, 'NOT_FOUND');
  });

  it('TV details list the seasons the data knows; the season route never invents episodes', async () => {
    const details: TitleDetails = (await call('GET', `/api/movies/${BREAKING_BAD}?media_type=tv`)).json();
    expect(details.seasons?.map((season) => season.season_number)).toEqual([1, 2, 3, 4, 5]);
    expect(details.seasons?.[0]).toEqual({ season_number: 1, name: 'Season 1', episode_count: null, air_date: '2008-01-20', poster_url: null });
    const film: TitleDetails = (await call('GET', `/api/movies/${PULP_FICTION}`)).json();
    expect(film.seasons).toBeUndefined();
    const season = await call('GET', `/api/tv/${BREAKING_BAD}/seasons/2`);
    expect(season.status).toBe(200);
    expect(season.json()).toEqual({ season_number: 2, name: 'Season 2', air_date: null, overview: '', episodes: [] });
    expectProblem(await call('GET', `/api/tv/${BREAKING_BAD}/seasons/6`), 404, 'NOT_FOUND');
    expectProblem(await call('GET', '/api/tv/99999999/seasons/1'), 404, 'NOT_FOUND');
    expectProblem(await call('GET', `/api/tv/${BREAKING_BAD}/seasons/-1`), 400, 'VALIDATION_FAILED');
  });

  it('GET /api/movies/{id}/providers → empty lists in embedded mode, the region upper-cased; a bad region → 400', async () => {
    const res = await call('GET', `/api/movies/${PULP_FICTION}/providers`);
    expect(res.status).toBe(200);
    expect(res.json()).toEqual({ region: 'US', link: null, flatrate: [], rent: [], buy: [] });
    expect((await call('GET', `/api/movies/${PULP_FICTION}/providers?region=gb`)).json().region).toBe('GB');
    expectProblem(await call('GET', `/api/movies/${PULP_FICTION}/providers?region=USA`), 400, 'VALIDATION_FAILED');
    expectProblem(await call('GET', `/api/movies/${PULP_FICTION}/providers?region=1A`), 400, 'VALIDATION_FAILED');
    expectProblem(await call('GET', '/api/movies/99999999/providers'), 404, 'NOT_FOUND');
  });

  it('PUT/GET/DELETE /api/ratings: thumbs per profile, reflected in my_rating; the shared answer stays anonymous', async () => {
    const me = await signUp();
    const before: TitleDetails = (await call('GET', `/api/movies/${PULP_FICTION}`, { token: me })).json();
    expect(before.my_rating).toBeNull();
    const put = await call('PUT', `/api/ratings/${PULP_FICTION}`, { token: me, body: { rating: 'up' } });
    expect(put.status).toBe(200);
    expect(put.json()).toEqual({ id: PULP_FICTION, media_type: 'movie', rating: 'up', rated_at: expect.any(String) });
    const liked = await call('GET', `/api/movies/${PULP_FICTION}`, { token: me });
    expect(liked.json().my_rating).toBe('up');
    expect(liked.headers.get('cache-control')).toMatch(/^private/);
    // Another profile, and an anonymous caller, see their own answer.
    expect((await call('GET', `/api/movies/${PULP_FICTION}`, { token })).json().my_rating).toBeNull();
    const anonymous = await call('GET', `/api/movies/${PULP_FICTION}`);
    expect(anonymous.json()).not.toHaveProperty('my_rating');
    expect(anonymous.headers.get('cache-control')).toMatch(/^public/);
    // The ETag differs per rating, so a browser holding the old answer gets the new one.
    const etagUp = liked.headers.get('etag') as string;
    expect((await call('PUT', `/api/ratings/${BREAKING_BAD}?media_type=tv`, { token: me, body: { rating: 'down' } })).status).toBe(200);
    expect((await call('PUT', `/api/ratings/${PULP_FICTION}`, { token: me, body: { rating: 'down' } })).json().rating).toBe('down');
    const disliked = await call('GET', `/api/movies/${PULP_FICTION}`, { token: me, headers: { 'if-none-match': etagUp } });
    expect(disliked.status).toBe(200);
    expect(disliked.json().my_rating).toBe('down');
    const list = (await call('GET', '/api/ratings', { token: me })).json();
    expect(list.results.map((entry: Title & { rating: string }) => [entry.id, entry.media_type, entry.rating])).toEqual([
      [PULP_FICTION, 'movie', 'down'],
      [BREAKING_BAD, 'tv', 'down'],
    ]);
    expect((await call('DELETE', `/api/ratings/${PULP_FICTION}`, { token: me })).status).toBe(204);
    expectProblem(await call('DELETE', `/api/ratings/${PULP_FICTION}`, { token: me }), 404, 'NOT_FOUND');
    expect((await call('GET', `/api/movies/${PULP_FICTION}`, { token: me })).json().my_rating).toBeNull();
  });

  it('ratings refuse bad input with 4xx problem+json and change nothing', async () => {
    const me = await signUp();
    const url = `/api/ratings/${PULP_FICTION}`;
    expectProblem(await call('PUT', url), 401, 'UNAUTHORIZED');
    expectProblem(await call('GET', '/api/ratings'), 401, 'UNAUTHORIZED');
    expectProblem(await call('PUT', url, { token: me, body: { rating: 'sideways' } }), 400, 'VALIDATION_FAILED');
    expectProblem(await call('PUT', url, { token: me, body: { rating: 'up', stars: 5 } }), 400, 'VALIDATION_FAILED');
    expectProblem(await call('PUT', url, { token: me, body: '{"rating":' }), 400, 'MALFORMED_JSON');
    expectProblem(await call('PUT', url, { token: me, body: {} }), 400, 'VALIDATION_FAILED');
    expect((await call('PUT', url, { token: me, body: 'rating=up', headers: { 'content-type': 'application/x-www-form-urlencoded' } })).status).toBeGreaterThanOrEqual(400);
    expectProblem(await call('PUT', '/api/ratings/0', { token: me, body: { rating: 'up' } }), 400, 'VALIDATION_FAILED');
    expectProblem(await call('PUT', '/api/ratings/99999999', { token: me, body: { rating: 'up' } }), 404, 'NOT_FOUND');
    expect((await call('GET', '/api/ratings', { token: me })).json()).toEqual({ results: [] });
  });

  it('a little-kids profile: similar holds only titles within its limit; credits, seasons, providers and ratings above it → 403', async () => {
    const owner = await signUp();
    const kid = await kidsToken(owner);
    const similar: Page = (await call('GET', `/api/movies/${TOY_STORY}/similar`, { token: kid })).json();
    expect(similar.results.length).toBeGreaterThan(0);
    const allowed = new Set(['G', 'TV-Y', 'TV-G']);
    for (const title of similar.results) expect(allowed.has(catalog.get('movie', title.id)?.certification ?? '')).toBe(true);
    expectProblem(await call('GET', `/api/movies/${PULP_FICTION}/credits`, { token: kid }), 403, 'MATURITY_RESTRICTED');
    expectProblem(await call('GET', `/api/movies/${PULP_FICTION}/providers`, { token: kid }), 403, 'MATURITY_RESTRICTED');
    expectProblem(await call('GET', `/api/tv/${BREAKING_BAD}/seasons/1`, { token: kid }), 403, 'MATURITY_RESTRICTED');
    expectProblem(await call('PUT', `/api/ratings/${PULP_FICTION}`, { token: kid, body: { rating: 'up' } }), 403, 'MATURITY_RESTRICTED');
    expect((await call('GET', `/api/tv/${SESAME_STREET}/seasons/1`, { token: kid })).status).toBe(200);
    // An adult profile gets the whole ranking (the answer is cached per level, not shared with the kid's).
    const adult: Page = (await call('GET', `/api/movies/${TOY_STORY}/similar`, { token })).json();
    expect(adult.total_results).toBeGreaterThanOrEqual(similar.total_results);
  });

  it('GET /api/recommendations → rows from the newest thumbs-up and My List additions, never a listed or rated title, no title twice', async () => {
    const me = await signUp();
    expect((await call('GET', '/api/recommendations', { token: me })).json()).toEqual({ rows: [] });
    expectProblem(await call('GET', '/api/recommendations'), 401, 'UNAUTHORIZED');
    expect((await call('PUT', `/api/ratings/${GODFATHER}`, { token: me, body: { rating: 'up' } })).status).toBe(200);
    expect((await call('POST', `/api/watchlist/${DARK_KNIGHT}`, { token: me })).status).toBe(201);
    expect((await call('PUT', `/api/ratings/${GODFATHER_2}`, { token: me, body: { rating: 'down' } })).status).toBe(200);
    expect((await call('PUT', `/api/ratings/${PULP_FICTION}`, { token: me, body: { rating: 'up' } })).status).toBe(200);
    const res = await call('GET', '/api/recommendations', { token: me });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('private, no-cache');
    const { rows }: Recommendations = res.json();
    expect(rows.map((row) => [row.id, row.title])).toEqual([
      [`because-movie-${PULP_FICTION}`, 'Because you liked Pulp Fiction'],
      [`because-movie-${DARK_KNIGHT}`, 'Because you added The Dark Knight'],
      [`because-movie-${GODFATHER}`, 'Because you liked The Godfather'],
    ]);
    const all = rows.flatMap((row) => row.results.map((title) => `${title.media_type}:${title.id}`));
    expect(new Set(all).size).toBe(all.length);
    for (const excluded of [GODFATHER, GODFATHER_2, PULP_FICTION, DARK_KNIGHT]) expect(all).not.toContain(`movie:${excluded}`);
    for (const row of rows) expect(row.results.length).toBeGreaterThan(0);
    for (const row of rows) expect(row.results.length).toBeLessThanOrEqual(20);
    // The Godfather row is still about the Godfather: its Part III (Part II was rated down).
    expect(rows[2]?.results[0]?.title).toBe('The Godfather: Part III');
  });

  it('a kids profile’s rows hold only titles within its limit', async () => {
    const owner = await signUp();
    const kid = await kidsToken(owner);
    expect((await call('PUT', `/api/ratings/${TOY_STORY}`, { token: kid, body: { rating: 'up' } })).status).toBe(200);
    const { rows }: Recommendations = (await call('GET', '/api/recommendations', { token: kid })).json();
    expect(rows).toHaveLength(1);
    for (const title of rows[0]!.results) expect(['G', 'TV-Y', 'TV-G']).toContain(catalog.get('movie', title.id)?.certification);
  });

  it('OpenAPI documents every discovery route', async () => {
    const doc = (await call('GET', '/api/openapi.json')).json();
    for (const path of ['/api/movies/{movie_id}/similar', '/api/movies/{movie_id}/credits', '/api/tv/{tv_id}/seasons/{season_number}', '/api/movies/{movie_id}/providers', '/api/ratings', '/api/ratings/{movie_id}', '/api/recommendations']) {
      expect(doc.paths[path], path).toBeDefined();
    }
  });
});
