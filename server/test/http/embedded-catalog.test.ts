import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page, Title, TitleDetails } from '@marquee/contracts';
import { databaseBackends } from '../helpers/backends.js';
import { registerUser } from '../helpers/auth-helpers.js';
import { buildTestApp, type TestApp } from '../helpers/build-test-app.js';

const TITLE_KEYS = ['backdrop_path', 'backdrop_url', 'genre_ids', 'id', 'media_type', 'overview', 'poster_path', 'poster_url', 'release_date', 'title', 'vote_average'];
const DETAILS_KEYS = [...TITLE_KEYS, 'certification', 'genres', 'runtime', 'tagline', 'trailer_url', 'vote_count'].sort();

function expectTitle(title: Title) {
  expect(Object.keys(title).sort()).toEqual(TITLE_KEYS);
  const file = `${title.media_type}-${title.id}.svg`;
  expect(title.poster_path).toBe(`/${file}`);
  expect(title.poster_url).toBe(`/api/images/v2/poster/${file}`);
  expect(title.backdrop_url).toBe(`/api/images/v2/backdrop/${file}`);
  expect(title.release_date === null || /^\d{4}-\d{2}-\d{2}$/.test(title.release_date)).toBe(true);
}

/** The catalog routes with no TMDB credential: everything from the embedded catalog. */
describe('catalog routes in embedded mode', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({ backend: databaseBackends[0]! });
  });
  afterAll(() => t.close());

  const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers });
  const page = async (url: string) => {
    const res = await get(url);
    expect(res.statusCode, url).toBe(200);
    return res.json() as Page;
  };

  it('GET /api/movies/popular → a page of 20 movies with TMDB totals, cache headers and 304', async () => {
    const res = await get('/api/movies/popular');
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toMatch(/public.*max-age=\d+/);
    const body = res.json() as Page;
    expect(body).toMatchObject({ page: 1, total_pages: Math.ceil(body.total_results / 20) });
    expect(body.total_results).toBeGreaterThanOrEqual(3000);
    expect(body.results).toHaveLength(20);
    body.results.forEach(expectTitle);
    expect(body.results.every((title) => title.media_type === 'movie')).toBe(true);
    const again = await get('/api/movies/popular', { 'if-none-match': String(res.headers.etag) });
    expect(again.statusCode).toBe(304);
  });

  it('GET /api/movies/popular past the last page → 200 with empty results', async () => {
    const first = await page('/api/movies/popular');
    const last = await page(`/api/movies/popular?page=${first.total_pages}`);
    expect(last.results.length).toBeGreaterThan(0);
    const past = await page(`/api/movies/popular?page=${first.total_pages + 1}`);
    expect(past).toMatchObject({ results: [], total_results: first.total_results, total_pages: first.total_pages });
  });

  it('trending reaches every film and every series: ≥ 3,000 films and ≥ 50 TV shows', async () => {
    const first = await page('/api/movies/trending');
    const seen = { movie: new Set<number>(), tv: new Set<number>() };
    for (let n = 1; n <= first.total_pages; n++) {
      for (const title of (await page(`/api/movies/trending?page=${n}`)).results) seen[title.media_type].add(title.id);
    }
    expect(seen.movie.size).toBeGreaterThanOrEqual(3000);
    expect(seen.tv.size).toBeGreaterThanOrEqual(50);
    expect(seen.movie.size + seen.tv.size).toBe(first.total_results);
  });

  it('GET /api/movies/trending mixes movies and TV; day and week differ; a bad window → 400', async () => {
    const week = await page('/api/movies/trending?window=week');
    expect(new Set(week.results.map((title) => title.media_type))).toEqual(new Set(['movie', 'tv']));
    week.results.forEach(expectTitle);
    const day = await page('/api/movies/trending?window=day');
    expect(day.results.map((title) => title.id)).not.toEqual(week.results.map((title) => title.id));
    expect((await get('/api/movies/trending?window=month')).statusCode).toBe(400);
  });

  it('GET /api/genres → the genres that have titles here, movie and TV merged by id, sorted by name', async () => {
    const res = await get('/api/genres');
    expect(res.statusCode).toBe(200);
    const { genres } = res.json() as { genres: Array<{ id: number; name: string }> };
    expect(genres.map((genre) => genre.name)).toEqual([...genres.map((genre) => genre.name)].sort((a, b) => a.localeCompare(b, 'en')));
    expect(new Set(genres.map((genre) => genre.id)).size).toBe(genres.length);
    expect(genres).toEqual(expect.arrayContaining([{ id: 878, name: 'Science Fiction' }, { id: 10765, name: 'Sci-Fi & Fantasy' }, { id: 80, name: 'Crime' }]));
    // TMDB names these, but the offline catalog holds no title of them: no empty pages on offer.
    for (const empty of ['News', 'Soap', 'Talk', 'TV Movie']) expect(genres.map((genre) => genre.name)).not.toContain(empty);
    // Every listed genre's page has titles.
    for (const genre of genres) {
      expect((await page(`/api/movies/genre/${genre.id}`)).total_results, genre.name).toBeGreaterThan(0);
    }
  });

  it('every row genre of the web app has plenty of films', async () => {
    for (const genre of [28, 35, 18, 27, 878, 53, 10749, 12]) {
      const body = await page(`/api/movies/genre/${genre}`);
      expect(body.total_results, `genre ${genre}`).toBeGreaterThanOrEqual(100);
      expect(body.results).toHaveLength(20);
      expect(body.results.every((title) => title.media_type === 'movie' && title.genre_ids.includes(genre))).toBe(true);
    }
  });

  it('GET /api/movies/genre/{tv-only genre} → TV shows', async () => {
    const body = await page('/api/movies/genre/10765');
    expect(body.total_results).toBeGreaterThan(0);
    expect(body.results.every((title) => title.media_type === 'tv' && title.genre_ids.includes(10765))).toBe(true);
  });

  it('GET /api/movies/genre/{a genre only series have} → the series (Crime offline); movies where a genre has both', async () => {
    const crime = await page('/api/movies/genre/80');
    expect(crime.total_results).toBeGreaterThan(0);
    expect(crime.results.every((title) => title.media_type === 'tv' && title.genre_ids.includes(80))).toBe(true);
    const comedy = await page('/api/movies/genre/35');
    expect(comedy.total_results).toBeGreaterThan(20);
    expect(comedy.results.every((title) => title.media_type === 'movie')).toBe(true);
  });

  it('GET /api/movies/genre/{a genre with no titles here, or unknown} → 404', async () => {
    for (const id of [10770, 10763, 4242]) {
      const res = await get(`/api/movies/genre/${id}`);
      expect(res.statusCode, String(id)).toBe(404);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    }
  });

  it('GET /api/movies/search matches every word: "the wire" in Horror is not every horror film with "the"', async () => {
    const horror = await page('/api/movies/search?q=the%20wire&genre=27');
    expect(horror.results.every((title) => /\bthe\b/i.test(title.title) && /wir/i.test(title.title))).toBe(true);
    const all = await page('/api/movies/search?q=the%20godfather');
    expect(all.results.length).toBeGreaterThan(0);
    expect(all.results.every((title) => /godfather/i.test(title.title))).toBe(true);
    expect(all.total_results).toBeLessThan(20);
    expect((await page('/api/movies/search?q=the')).total_results).toBeGreaterThan(100);
  });

  it('GET /api/movies/search finds through typos and accents, movies and TV alike', async () => {
    expect((await page('/api/movies/search?q=godfater')).results[0]?.title).toBe('The Godfather');
    expect((await page('/api/movies/search?q=amelie')).results.map((title) => title.title)).toContain("Le Fabuleux destin d'Amélie Poulain");
    const star = await page('/api/movies/search?q=star');
    const names = star.results.map((title) => title.title);
    expect(names.some((name) => name.startsWith('Star Wars'))).toBe(true);
    expect(names.some((name) => name.startsWith('Star Trek'))).toBe(true);
    expect(new Set(star.results.map((title) => title.media_type))).toEqual(new Set(['movie', 'tv']));
    star.results.forEach(expectTitle);
  });

  it('GET /api/movies/search with a genre keeps only that genre; without q it is the genre page', async () => {
    const scifi = await page('/api/movies/search?q=star&genre=878');
    expect(scifi.results.length).toBeGreaterThan(0);
    expect(scifi.results.every((title) => title.genre_ids.includes(878))).toBe(true);
    expect(await page('/api/movies/search?genre=27')).toEqual(await page('/api/movies/genre/27'));
    expect((await get('/api/movies/search?q=%20%20')).statusCode).toBe(400);
    expect((await get('/api/movies/search?q=star%00')).statusCode).toBe(400);
    expect((await get(`/api/movies/search?q=${'a'.repeat(201)}`)).statusCode).toBe(400);
    expect((await get('/api/movies/search?q=star&genre=4242')).statusCode).toBe(400);
  });

  it('GET /api/movies/{id} → TitleDetails for a movie and, with media_type=tv, a series', async () => {
    const [movie] = (await page('/api/movies/popular')).results;
    const details = (await get(`/api/movies/${movie!.id}`)).json() as TitleDetails;
    expect(Object.keys(details).sort()).toEqual(DETAILS_KEYS);
    expect(details).toMatchObject({ id: movie!.id, media_type: 'movie', title: movie!.title, trailer_url: null });
    expect(details.genre_ids).toEqual(details.genres.map((genre) => genre.id));
    expect(details.vote_count).toBeGreaterThan(0);

    const [show] = (await page('/api/movies/genre/10765')).results;
    const res = await get(`/api/movies/${show!.id}?media_type=tv`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: show!.id, media_type: 'tv', title: show!.title });
    expect(typeof (res.json() as TitleDetails).runtime).toBe('number');
  });

  it('GET /api/movies/{id} → 404 for an unknown title, 400 for a bad id or media type', async () => {
    const unknown = await get('/api/movies/999999');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json()).toMatchObject({ code: 'NOT_FOUND' });
    expect((await get('/api/movies/999999?media_type=tv')).statusCode).toBe(404);
    expect((await get('/api/movies/abc')).statusCode).toBe(400);
    expect((await get('/api/movies/1?media_type=person')).statusCode).toBe(400);
  });

  it('GET /api/movies/{id}/trailer → 404: the embedded catalog has no trailers, and unknown titles are 404 too', async () => {
    for (const url of ['/api/movies/1/trailer', '/api/movies/1/trailer?media_type=tv', '/api/movies/999999/trailer']) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(404);
      expect(res.json()).toMatchObject({ status: 404, code: 'NOT_FOUND' });
    }
  });

  it('GET /api/movies/featured → a well-rated title with generated artwork, the same on every call', async () => {
    const first = await get('/api/movies/featured');
    expect(first.statusCode).toBe(200);
    const featured = first.json() as TitleDetails;
    expect(Object.keys(featured).sort()).toEqual(DETAILS_KEYS);
    expect(featured.backdrop_url).toMatch(/^\/api\/images\/v2\/backdrop\/(movie|tv)-\d+\.svg$/);
    expect(featured.vote_average).toBeGreaterThanOrEqual(7);
    expect(((await get('/api/movies/featured')).json() as TitleDetails).id).toBe(featured.id);
    expect((await get(featured.backdrop_url!)).statusCode).toBe(200);
  });
});

/** Who may read the catalog: anyone by default; only signed-in people with CATALOG_REQUIRES_SIGN_IN. */
describe('who may read the catalog', () => {
  let open: TestApp;
  let closed: TestApp;
  beforeAll(async () => {
    open = await buildTestApp({ backend: databaseBackends[0]! });
    closed = await buildTestApp({ backend: databaseBackends[0]!, env: { CATALOG_REQUIRES_SIGN_IN: 'true' } });
  });
  afterAll(async () => {
    await open.close();
    await closed.close();
  });

  const popular = (app: TestApp, authorization?: string) =>
    app.app.inject({ method: 'GET', url: '/api/movies/popular', headers: authorization === undefined ? {} : { authorization } });

  it('by default: anonymous requests are answered; a token that is sent must be valid', async () => {
    expect((await popular(open)).statusCode).toBe(200);
    const bad = await popular(open, 'Bearer not-a-token');
    expect(bad.statusCode).toBe(401);
    expect(bad.headers['content-type']).toMatch(/^application\/problem\+json/);
    const { access_token } = await registerUser(open.app);
    expect((await popular(open, `Bearer ${access_token}`)).statusCode).toBe(200);
  });

  it('with CATALOG_REQUIRES_SIGN_IN: anonymous requests are refused with 401, signed-in ones answered', async () => {
    const anonymous = await popular(closed);
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json()).toMatchObject({ status: 401, code: 'UNAUTHORIZED' });
    const { access_token } = await registerUser(closed.app);
    expect((await popular(closed, `Bearer ${access_token}`)).statusCode).toBe(200);
  });
});
