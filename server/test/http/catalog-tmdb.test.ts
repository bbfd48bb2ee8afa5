/** Catalog routes in TMDB mode against a fake TMDB: shapes, normalisation, rules, credentials. */
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseBackends } from '../helpers/backends.js';
import { buildTestApp, type TestApp } from '../helpers/build-test-app.js';
import { capturedLogs, startFakeTmdb, type FakeTmdb } from '../helpers/fake-tmdb.js';

const backend = databaseBackends[0]!;
const IMAGES = 'https://image.tmdb.org/t/p';

const credentialStyles = [
  { name: 'v3 API key', env: (fake: FakeTmdb) => ({ TMDB_API_KEY: fake.apiKey }) },
  { name: 'v4 read token', env: (fake: FakeTmdb) => ({ TMDB_ACCESS_TOKEN: fake.accessToken }) },
];

describe.each(credentialStyles)('catalog in TMDB mode with a $name', (style) => {
  let fake: FakeTmdb;
  let t: TestApp;
  const logs = capturedLogs();
  const seen: LightMyRequestResponse[] = [];
  const get = async (url: string, headers: Record<string, string> = {}) => {
    const res = await t.app.inject({ method: 'GET', url, headers });
    seen.push(res);
    return res;
  };

  beforeAll(async () => {
    fake = await startFakeTmdb();
    t = await buildTestApp({ backend, env: { TMDB_BASE_URL: fake.url, ...style.env(fake) }, logger: logs.logger });
  });
  afterAll(async () => {
    await t.close();
    await fake.close();
  });

  it('GET /api/catalog → source tmdb with the TMDB attribution', async () => {
    const res = await get('/api/catalog');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ source: 'tmdb', attribution: 'This product uses the TMDB API but is not endorsed or certified by TMDB.' });
  });

  it('GET /api/movies/popular → a Page of normalised movies with Cache-Control and ETag', async () => {
    const res = await get('/api/movies/popular');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(res.headers['cache-control']).toMatch(/^public, max-age=\d+/);
    expect(res.headers.etag).toMatch(/^"[\w-]+"$/);
    const page = res.json();
    expect(page).toMatchObject({ page: 1, total_pages: 2, total_results: 23 });
    expect(page.results.map((t: { id: number }) => t.id)).toEqual([550, 603, 680]);
    expect(page.results[0]).toEqual({
      id: 550,
      media_type: 'movie',
      title: 'Fight Club',
      overview: expect.stringContaining('insomniac'),
      poster_path: '/pB8BM7pdSp6B6Ih7QZ4DrQ3PmJK.jpg',
      backdrop_path: '/hZkgoQYus5vegHoetLkCJzb17zJ.jpg',
      poster_url: `${IMAGES}/w500/pB8BM7pdSp6B6Ih7QZ4DrQ3PmJK.jpg`,
      backdrop_url: `${IMAGES}/original/hZkgoQYus5vegHoetLkCJzb17zJ.jpg`,
      release_date: '1999-10-15',
      vote_average: 8.433,
      genre_ids: [18],
    });
    // TMDB's empty strings become null, and a null path has a null URL.
    expect(page.results[1]).toMatchObject({ poster_path: null, poster_url: null, release_date: null });
    expect(page.results[2]).toMatchObject({ backdrop_path: null, backdrop_url: null });
    const upstream = fake.requestsTo('/movie/popular');
    expect(upstream).toHaveLength(1);
    expect(upstream[0]!.query.page).toBe('1');
  });

  it('sends the credential the configured way: api_key query for a v3 key, Bearer for a v4 token', () => {
    const request = fake.requestsTo('/movie/popular')[0]!;
    if (style.name === 'v3 API key') {
      expect(request.query.api_key).toBe(fake.apiKey);
      expect(request.headers.authorization).toBeUndefined();
    } else {
      expect(request.headers.authorization).toBe(`Bearer ${fake.accessToken}`);
      expect(request.query.api_key).toBeUndefined();
    }
  });

  it('GET /api/movies/popular?page=2 → page 2; ?page=500 past the last page → 200 with empty results', async () => {
    expect((await get('/api/movies/popular?page=2')).json()).toMatchObject({ page: 2 });
    const past = await get('/api/movies/popular?page=500');
    expect(past.statusCode).toBe(200);
    expect(past.json()).toMatchObject({ page: 500, results: [] });
  });

  it.each(['0', '501', 'abc', '1.5', '-1'])('GET /api/movies/popular?page=%s → 400 problem+json', async (page) => {
    const res = await get(`/api/movies/popular?page=${page}`);
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.json()).toMatchObject({ status: 400, code: 'VALIDATION_FAILED', errors: [{ path: '/page' }] });
  });

  it('GET /api/movies/trending → the week’s movies and TV shows, people dropped, TV fields renamed', async () => {
    const res = await get('/api/movies/trending');
    expect(res.statusCode).toBe(200);
    const page = res.json();
    expect(fake.requestsTo('/trending/all/week')).toHaveLength(1);
    expect(page.results.map((t: { media_type: string; id: number }) => `${t.media_type}:${t.id}`)).toEqual(['tv:1399', 'movie:550', 'movie:603']);
    expect(page.results[0]).toMatchObject({ title: 'Game of Thrones', release_date: '2011-04-17', genre_ids: [10765, 18, 10759] });
    expect(page.results[0]).not.toHaveProperty('name');
    expect(page.results[0]).not.toHaveProperty('first_air_date');
    expect(page).toMatchObject({ total_pages: 3, total_results: 60 });
  });

  it('GET /api/movies/trending?window=day → the day’s list; window=month → 400', async () => {
    const day = await get('/api/movies/trending?window=day');
    expect(day.json().results.map((t: { id: number }) => t.id)).toEqual([680, 1396, 550]);
    expect(fake.requestsTo('/trending/all/day').length).toBeGreaterThan(0);
    expect((await get('/api/movies/trending?window=month')).statusCode).toBe(400);
  });

  it('GET /api/movies/featured → details of the first title of the day’s trending list that has a backdrop', async () => {
    const res = await get('/api/movies/featured');
    expect(res.statusCode).toBe(200);
    // Pulp Fiction (first) has no backdrop and Brad Pitt is a person: Breaking Bad is the hero.
    expect(res.json()).toMatchObject({ id: 1396, media_type: 'tv', title: 'Breaking Bad', runtime: 47, tagline: 'Remember my name' });
  });

  it('GET /api/movies/550 → TitleDetails with genres, runtime, tagline, vote_count, the US certification and the best trailer', async () => {
    const res = await get('/api/movies/550');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      id: 550,
      media_type: 'movie',
      title: 'Fight Club',
      overview: expect.any(String),
      poster_path: '/pB8BM7pdSp6B6Ih7QZ4DrQ3PmJK.jpg',
      backdrop_path: '/hZkgoQYus5vegHoetLkCJzb17zJ.jpg',
      poster_url: `${IMAGES}/w500/pB8BM7pdSp6B6Ih7QZ4DrQ3PmJK.jpg`,
      backdrop_url: `${IMAGES}/original/hZkgoQYus5vegHoetLkCJzb17zJ.jpg`,
      release_date: '1999-10-15',
      vote_average: 8.433,
      genre_ids: [18, 53],
      genres: [
        { id: 18, name: 'Drama' },
        { id: 53, name: 'Thriller' },
      ],
      runtime: 139,
      tagline: 'Mischief. Mayhem. Soap.',
      vote_count: 26280,
      trailer_url: 'https://www.youtube.com/embed/O-b2VfmmbyA',
      // The earliest US theatrical release's (the festival premiere has none).
      certification: 'R',
    });
    expect(fake.requestsTo('/movie/550')[0]!.query.append_to_response).toBe('videos,release_dates');
  });

  it('GET /api/movies/603 → empty strings and zero runtime become null; no YouTube trailer → trailer_url null', async () => {
    const res = await get('/api/movies/603');
    expect(res.json()).toMatchObject({ release_date: null, tagline: null, poster_path: null, poster_url: null, runtime: null, trailer_url: null });
  });

  it('GET /api/movies/1399?media_type=tv → TV details: name as title, last episode’s runtime when episode_run_time is empty', async () => {
    const res = await get('/api/movies/1399?media_type=tv');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      id: 1399,
      media_type: 'tv',
      title: 'Game of Thrones',
      release_date: '2011-04-17',
      runtime: 80,
      tagline: null,
      genre_ids: [10765, 18, 10759],
      trailer_url: 'https://www.youtube.com/embed/gotOfficialTeaser',
    });
    expect(fake.requestsTo('/tv/1399')).toHaveLength(1);
  });

  it('TV runtime: the first episode_run_time wins; none and no last episode → null', async () => {
    expect((await get('/api/movies/1396?media_type=tv')).json().runtime).toBe(47);
    const kids = (await get('/api/movies/4194?media_type=tv')).json();
    expect(kids).toMatchObject({ runtime: null, release_date: null, backdrop_url: null, overview: '' });
  });

  it('GET /api/movies/999999 → 404 problem+json; the same id as a TV show is a separate title', async () => {
    const res = await get('/api/movies/999999');
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ status: 404, code: 'NOT_FOUND' });
    expect((await get('/api/movies/550?media_type=tv')).statusCode).toBe(404);
  });

  it.each(['abc', '0', '-5', '1.5', '99999999999'])('GET /api/movies/%s → 400', async (id) => {
    expect((await get(`/api/movies/${id}`)).statusCode).toBe(400);
  });

  it('GET /api/movies/550?media_type=person → 400', async () => {
    const res = await get('/api/movies/550?media_type=person');
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].path).toBe('/media_type');
  });

  it('GET /api/movies/550/trailer → the newest official YouTube Trailer (never Vimeo, Featurette or Teaser)', async () => {
    const res = await get('/api/movies/550/trailer');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      trailer_url: 'https://www.youtube.com/embed/O-b2VfmmbyA',
      key: 'O-b2VfmmbyA',
      name: 'Fight Club | Official Trailer | 20th Century Studios',
      site: 'YouTube',
    });
    expect(fake.requestsTo('/movie/550/videos')).toHaveLength(1);
  });

  it('GET /api/movies/1399/trailer?media_type=tv → an official Teaser beats a newer unofficial one when there is no Trailer', async () => {
    const res = await get('/api/movies/1399/trailer?media_type=tv');
    expect(res.json()).toMatchObject({ key: 'gotOfficialTeaser', site: 'YouTube' });
    expect(fake.requestsTo('/tv/1399/videos')).toHaveLength(1);
  });

  it('GET /api/movies/1396/trailer?media_type=tv → an unofficial Trailer when that is all there is', async () => {
    expect((await get('/api/movies/1396/trailer?media_type=tv')).json().key).toBe('bbTrailer');
  });

  it('GET …/trailer → 404 for a title with only Vimeo/Featurette/Clip videos, with none, and for an unknown title', async () => {
    for (const url of ['/api/movies/603/trailer', '/api/movies/680/trailer', '/api/movies/424242/trailer']) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(404);
      expect(res.json().code).toBe('NOT_FOUND');
    }
  });

  it('GET /api/genres → movie and TV genres merged by id, sorted by name', async () => {
    const res = await get('/api/genres');
    expect(res.statusCode).toBe(200);
    const { genres } = res.json() as { genres: { id: number; name: string }[] };
    expect(genres).toHaveLength(27);
    expect(new Set(genres.map((g) => g.id)).size).toBe(27);
    const names = genres.map((g) => g.name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'en')));
    expect(genres).toContainEqual({ id: 10762, name: 'Kids' });
    expect(genres).toContainEqual({ id: 28, name: 'Action' });
    expect(fake.requestsTo('/genre/movie/list')).toHaveLength(1);
    expect(fake.requestsTo('/genre/tv/list')).toHaveLength(1);
  });

  it('GET /api/movies/genre/18 → movies of a movie genre from /discover/movie, most popular first', async () => {
    const res = await get('/api/movies/genre/18');
    expect(res.statusCode).toBe(200);
    expect(res.json().results.map((t: { id: number; media_type: string }) => `${t.media_type}:${t.id}`)).toEqual(['movie:550']);
    const query = fake.requestsTo('/discover/movie').at(-1)!.query;
    expect(query).toMatchObject({ with_genres: '18', sort_by: 'popularity.desc', page: '1' });
  });

  it('GET /api/movies/genre/10762 → TV shows of a TV-only genre from /discover/tv', async () => {
    const res = await get('/api/movies/genre/10762');
    expect(res.json().results).toEqual([expect.objectContaining({ id: 4194, media_type: 'tv', title: 'Sesame Street' })]);
    expect(fake.requestsTo('/discover/tv').at(-1)!.query).toMatchObject({ with_genres: '10762', sort_by: 'popularity.desc' });
  });

  it('GET /api/movies/genre/10764 (listed, no titles) → 200 with an empty page', async () => {
    const res = await get('/api/movies/genre/10764');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ results: [], total_results: 0 });
  });

  it('GET /api/movies/genre/12345 (not listed) → 404; /genre/abc → 400', async () => {
    const before = fake.requestsTo(/^\/discover\//).length;
    const res = await get('/api/movies/genre/12345');
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('NOT_FOUND');
    expect(fake.requestsTo(/^\/discover\//).length).toBe(before);
    expect((await get('/api/movies/genre/abc')).statusCode).toBe(400);
  });

  it('GET /api/movies/search?q=fight → movies and TV shows from /search/multi, people dropped', async () => {
    const res = await get('/api/movies/search?q=%20fight%20');
    expect(res.statusCode).toBe(200);
    const page = res.json();
    expect(page.results.map((t: { id: number }) => t.id)).toEqual([550, 1399, 603, 1396]);
    expect(page).toMatchObject({ total_results: 5, total_pages: 1 });
    // q is trimmed before it reaches TMDB.
    expect(fake.requestsTo('/search/multi').at(-1)!.query.query).toBe('fight');
  });

  it('GET /api/movies/search?q&genre → only that page’s titles of the genre; totals stay TMDB’s', async () => {
    const res = await get('/api/movies/search?q=fight&genre=18');
    const page = res.json();
    expect(page.results.map((t: { id: number }) => t.id)).toEqual([550, 1399, 1396]);
    expect(page).toMatchObject({ total_results: 5, total_pages: 1 });
  });

  it('GET /api/movies/search?genre=18 (no q) → the genre route’s page', async () => {
    const search = await get('/api/movies/search?genre=18');
    const genre = await get('/api/movies/genre/18');
    expect(search.statusCode).toBe(200);
    expect(search.body).toBe(genre.body);
  });

  it('GET /api/movies/search past the last page → 200 with empty results', async () => {
    const res = await get('/api/movies/search?q=fight&page=3');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ page: 3, results: [] });
  });

  it('GET /api/movies/search accepts 200 code points (emoji count once each)', async () => {
    const res = await get(`/api/movies/search?q=${encodeURIComponent('🎬'.repeat(200))}`);
    expect(res.statusCode).toBe(200);
  });

  it.each([
    ['no q and no genre', '', '/q'],
    ['a blank q', '?q=%20%20%20', '/q'],
    ['an empty q', '?q=', '/q'],
    ['a q of 201 characters', `?q=${'a'.repeat(201)}`, '/q'],
    ['an unlisted genre', '?q=fight&genre=99999', '/genre'],
    ['an unlisted genre without q', '?genre=12345', '/genre'],
    ['a non-numeric genre', '?genre=abc', '/genre'],
    ['page 0', '?q=fight&page=0', '/page'],
    ['page 501', '?q=fight&page=501', '/page'],
  ])('GET /api/movies/search with %s → 400 naming %s', async (_name, query, path) => {
    const res = await get(`/api/movies/search${query}`);
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.json()).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(res.json().errors.map((e: { path: string }) => e.path)).toContain(path);
  });

  it('the OpenAPI document lists every catalog route with its 200 schema, 304 and problem answers', async () => {
    const doc = (await get('/api/openapi.json')).json();
    for (const path of ['/api/movies/featured', '/api/movies/popular', '/api/movies/trending', '/api/movies/genre/{genre_id}', '/api/movies/search', '/api/movies/{movie_id}', '/api/movies/{movie_id}/trailer', '/api/genres', '/api/catalog']) {
      const operation = doc.paths[path]?.get;
      expect(operation, path).toBeDefined();
      expect(operation.tags).toEqual(['catalog']);
      expect(operation.responses['200'].content['application/json'].schema, path).toBeDefined();
    }
    expect(doc.paths['/api/movies/popular'].get.responses).toHaveProperty('304');
    expect(doc.paths['/api/movies/{movie_id}'].get.responses).toHaveProperty('404');
    expect(doc.paths['/api/movies/search'].get.description).toMatch(/totals|total_results/);
  });

  it('never puts the TMDB credential in a response body, a header or a log line', () => {
    const secrets = [fake.apiKey, fake.accessToken];
    expect(seen.length).toBeGreaterThan(30);
    for (const res of seen) {
      for (const secret of secrets) {
        expect(res.body).not.toContain(secret);
        expect(JSON.stringify(res.headers)).not.toContain(secret);
      }
    }
    expect(logs.lines.length).toBeGreaterThan(0);
    for (const line of logs.lines) for (const secret of secrets) expect(line).not.toContain(secret);
  });
});
