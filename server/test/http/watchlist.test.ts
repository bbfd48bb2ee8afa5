import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Title, Watchlist } from '@marquee/contracts';
import { watchlist as watchlistTable } from '../../src/db/schema.js';
import { databaseBackends } from '../helpers/backends.js';
import { buildTestApp, type TestApp } from '../helpers/build-test-app.js';

let counter = 0;
async function signUp(app: FastifyInstance): Promise<{ token: string; id: string; profileId: string }> {
  counter += 1;
  const res = await app.inject({
    method: 'POST',
    url: '/api/auth/register',
    payload: { email: `viewer${counter}-${Date.now()}@example.com`, password: 'correct horse battery', name: `Viewer ${counter}` },
  });
  expect(res.statusCode).toBe(201);
  const body = res.json();
  return { token: body.access_token, id: body.user.id, profileId: body.profile.id };
}

const auth = (token: string) => ({ authorization: `Bearer ${token}` });

describe.each(databaseBackends)('watchlist on $name (embedded catalog)', (backend) => {
  let t: TestApp;
  let movies: Title[];
  let shows: Title[];

  beforeAll(async () => {
    t = await buildTestApp({ backend });
    const popular = await t.app.inject({ method: 'GET', url: '/api/movies/popular' });
    const popular2 = await t.app.inject({ method: 'GET', url: '/api/movies/popular?page=2' });
    const popular3 = await t.app.inject({ method: 'GET', url: '/api/movies/popular?page=3' });
    movies = [...popular.json().results, ...popular2.json().results, ...popular3.json().results];
    const trending: Title[] = [];
    for (let page = 1; page <= 5; page++) {
      trending.push(...(await t.app.inject({ method: 'GET', url: `/api/movies/trending?page=${page}` })).json().results);
    }
    shows = trending.filter((title) => title.media_type === 'tv');
    expect(movies.length).toBeGreaterThanOrEqual(55);
    expect(shows.length).toBeGreaterThan(0);
  });
  afterAll(() => t.close());

  const list = async (token: string): Promise<Watchlist> => {
    const res = await t.app.inject({ method: 'GET', url: '/api/watchlist', headers: auth(token) });
    expect(res.statusCode).toBe(200);
    return res.json();
  };
  const add = (token: string, id: number | string, mediaType?: string) =>
    t.app.inject({ method: 'POST', url: `/api/watchlist/${id}${mediaType ? `?media_type=${mediaType}` : ''}`, headers: auth(token) });
  const remove = (token: string, id: number | string, mediaType?: string) =>
    t.app.inject({ method: 'DELETE', url: `/api/watchlist/${id}${mediaType ? `?media_type=${mediaType}` : ''}`, headers: auth(token) });

  it('every watchlist route → 401 with WWW-Authenticate without a token', async () => {
    for (const [method, url] of [['GET', '/api/watchlist'], ['POST', '/api/watchlist/1'], ['DELETE', '/api/watchlist/1']] as const) {
      const res = await t.app.inject({ method, url });
      expect(res.statusCode).toBe(401);
      expect(res.headers['www-authenticate']).toBe('Bearer');
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    }
  });

  it('POST → 201 when added, then 200 with the same body; GET lists full Titles newest first; /me lists the ids', async () => {
    const { token } = await signUp(t.app);
    const [first, second] = movies as [Title, Title];
    const created = await add(token, first.id);
    expect(created.statusCode).toBe(201);
    expect(created.json()).toEqual({ id: first.id, media_type: 'movie', added_at: expect.any(String) });
    expect(new Date(created.json().added_at).toISOString()).toBe(created.json().added_at);
    const again = await add(token, first.id, 'movie');
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual(created.json());
    expect((await add(token, second.id)).statusCode).toBe(201);

    const body = await list(token);
    expect(body.total_results).toBe(2);
    expect(body.results.map((item) => item.id)).toEqual([second.id, first.id]);
    expect(body.results[1]).toEqual({ ...first, added_at: created.json().added_at });

    const me = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: auth(token) });
    expect(me.json().watchlist).toEqual([second.id, first.id]);
  });

  it('re-adding an entry keeps its place in the list', async () => {
    const { token } = await signUp(t.app);
    const [a, b] = movies as [Title, Title];
    await add(token, a.id);
    await add(token, b.id);
    expect((await add(token, a.id)).statusCode).toBe(200);
    expect((await list(token)).results.map((item) => item.id)).toEqual([b.id, a.id]);
  });

  it('movie and TV ids are separate: one number can be listed once as each', async () => {
    const { token } = await signUp(t.app);
    const show = shows[0] as Title;
    const created = await add(token, show.id, 'tv');
    expect(created.statusCode).toBe(201);
    expect(created.json().media_type).toBe('tv');
    const sameNumberMovie = movies.find((movie) => movie.id === show.id);
    if (sameNumberMovie) expect((await add(token, show.id, 'movie')).statusCode).toBe(201);
    const body = await list(token);
    const tvEntry = body.results.find((item) => item.media_type === 'tv');
    expect(tvEntry).toMatchObject({ id: show.id, title: show.title, media_type: 'tv' });
    expect((await remove(token, show.id)).statusCode).toBe(sameNumberMovie ? 204 : 404);
    expect((await remove(token, show.id, 'tv')).statusCode).toBe(204);
  });

  it('POST an unknown title → 404 and nothing is stored', async () => {
    const { token } = await signUp(t.app);
    const res = await add(token, 987654321);
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('NOT_FOUND');
    expect((await list(token)).total_results).toBe(0);
  });

  it('bad ids and media types → 400 problem+json and nothing changes', async () => {
    const { token } = await signUp(t.app);
    for (const id of ['0', '-1', 'abc', '1.5', '99999999999', '1e3']) {
      for (const res of [await add(token, id), await remove(token, id)]) {
        expect(res.statusCode).toBe(400);
        expect(res.json().code).toBe('VALIDATION_FAILED');
      }
    }
    for (const mediaType of ['person', 'MOVIE', '']) {
      const res = await t.app.inject({ method: 'POST', url: `/api/watchlist/${movies[0]!.id}?media_type=${mediaType}`, headers: auth(token) });
      expect(res.statusCode).toBe(400);
    }
    expect((await list(token)).total_results).toBe(0);
  });

  it('DELETE → 204 when removed, 404 when it was not in the list', async () => {
    const { token } = await signUp(t.app);
    const movie = movies[3] as Title;
    expect((await remove(token, movie.id)).statusCode).toBe(404);
    await add(token, movie.id);
    const removed = await remove(token, movie.id);
    expect(removed.statusCode).toBe(204);
    expect(removed.body).toBe('');
    expect((await remove(token, movie.id)).statusCode).toBe(404);
    expect((await list(token)).total_results).toBe(0);
  });

  it('a user’s entries are theirs alone', async () => {
    const ann = await signUp(t.app);
    const bob = await signUp(t.app);
    const movie = movies[4] as Title;
    await add(ann.token, movie.id);
    expect((await list(bob.token)).total_results).toBe(0);
    expect((await remove(bob.token, movie.id)).statusCode).toBe(404);
    expect((await add(bob.token, movie.id)).statusCode).toBe(201);
    expect((await remove(bob.token, movie.id)).statusCode).toBe(204);
    expect((await list(ann.token)).results.map((item) => item.id)).toEqual([movie.id]);
  });

  it('20 concurrent adds of one title create exactly one entry (one 201, the rest 200)', async () => {
    const { token } = await signUp(t.app);
    const movie = movies[5] as Title;
    const responses = await Promise.all(Array.from({ length: 20 }, () => add(token, movie.id)));
    const statuses = responses.map((res) => res.statusCode).sort();
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 200)).toHaveLength(19);
    expect(new Set(responses.map((res) => res.body)).size).toBe(1);
    expect((await list(token)).total_results).toBe(1);
  });

  it('50 concurrent adds of different titles lose none', async () => {
    const { token } = await signUp(t.app);
    const fifty = movies.slice(0, 50);
    const responses = await Promise.all(fifty.map((movie) => add(token, movie.id)));
    expect(responses.every((res) => res.statusCode === 201)).toBe(true);
    const body = await list(token);
    expect(body.total_results).toBe(50);
    expect(new Set(body.results.map((item) => item.id))).toEqual(new Set(fifty.map((movie) => movie.id)));
  });

  it('adds racing deletes leave a consistent list', async () => {
    const { token } = await signUp(t.app);
    const movie = movies[6] as Title;
    const responses = await Promise.all(
      Array.from({ length: 10 }, (_, i) => (i % 2 === 0 ? add(token, movie.id) : remove(token, movie.id))),
    );
    for (const res of responses) expect([200, 201, 204, 404]).toContain(res.statusCode);
    const body = await list(token);
    expect(body.total_results).toBeLessThanOrEqual(1);
    const me = (await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: auth(token) })).json();
    expect(me.watchlist).toEqual(body.results.map((item) => item.id));
    const final = await add(token, movie.id);
    expect(final.statusCode).toBe(body.total_results === 1 ? 200 : 201);
  });

  it('GET carries an ETag: a matching If-None-Match → 304; adding or removing changes the answer at once', async () => {
    const { token } = await signUp(t.app);
    const [a, b] = movies as [Title, Title];
    await add(token, a.id);
    const first = await t.app.inject({ method: 'GET', url: '/api/watchlist', headers: auth(token) });
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^"/);
    expect(first.headers['cache-control']).toBe('private, no-cache');
    const notModified = await t.app.inject({ method: 'GET', url: '/api/watchlist', headers: { ...auth(token), 'if-none-match': etag } });
    expect(notModified.statusCode).toBe(304);
    expect(notModified.body).toBe('');
    await add(token, b.id);
    const afterAdd = await t.app.inject({ method: 'GET', url: '/api/watchlist', headers: { ...auth(token), 'if-none-match': etag } });
    expect(afterAdd.statusCode).toBe(200);
    expect(afterAdd.json().results.map((item: Title) => item.id)).toEqual([b.id, a.id]);
    await remove(token, a.id);
    expect((await list(token)).results.map((item) => item.id)).toEqual([b.id]);
  });

  it('a full list (1,000 titles) answers 409 WATCHLIST_FULL and changes nothing; re-adding a listed title still answers 200', async () => {
    const { token, profileId } = await signUp(t.app);
    const snapshot = movies[0] as Title;
    // Fill the list directly: 1,000 HTTP adds would only slow the suite down.
    await t.database.db.insert(watchlistTable).values(
      Array.from({ length: 1000 }, (_, i) => ({ profileId, mediaType: 'movie' as const, titleId: 500_000 + i, snapshot: { ...snapshot, id: 500_000 + i } })),
    );
    const res = await add(token, (movies[1] as Title).id);
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ status: 409, code: 'WATCHLIST_FULL' });
    expect((await add(token, 500_123)).statusCode).toBe(200);
    const body = await list(token);
    expect(body.total_results).toBe(1000);
    expect(body.results.some((item) => item.id === (movies[1] as Title).id)).toBe(false);
  });

  it('a title the catalog can no longer resolve is shown from what was stored', async () => {
    const { token, profileId } = await signUp(t.app);
    const gone: Title = { ...(movies[0] as Title), id: 876543210, title: 'A Film Since Withdrawn' };
    await t.database.db.insert(watchlistTable).values({ profileId, mediaType: 'movie', titleId: gone.id, snapshot: gone });
    await add(token, (movies[2] as Title).id);
    const body = await list(token);
    expect(body.total_results).toBe(2);
    expect(body.results.find((item) => item.id === gone.id)).toMatchObject({ title: 'A Film Since Withdrawn', media_type: 'movie' });
  });

  it('junk request bodies and unknown methods never corrupt the list', async () => {
    const { token } = await signUp(t.app);
    const movie = movies[7] as Title;
    await add(token, movie.id);
    const junk = await t.app.inject({
      method: 'POST',
      url: `/api/watchlist/${movie.id}`,
      headers: { ...auth(token), 'content-type': 'application/json' },
      payload: '{"oops":',
    });
    expect(junk.statusCode).toBe(400);
    const put = await t.app.inject({ method: 'PUT', url: `/api/watchlist/${movie.id}`, headers: auth(token) });
    expect([404, 405]).toContain(put.statusCode);
    expect((await list(token)).results.map((item) => item.id)).toEqual([movie.id]);
  });

  it.runIf(backend.name === 'postgres')('a change made on one instance shows on another that had the list cached', async () => {
    const other = await buildTestApp({ backend, database: await t.database.another!() });
    try {
      const { token, profileId } = await signUp(t.app);
      const [a, b, c] = movies.slice(20, 23) as [Title, Title, Title];
      await add(token, a.id);
      const listOn = async (app: FastifyInstance) =>
        ((await app.inject({ method: 'GET', url: '/api/watchlist', headers: auth(token) })).json() as Watchlist).results.map((item) => item.id);
      expect(await listOn(other.app)).toEqual([a.id]);

      await add(token, b.id);
      await other.database.changes.sync();
      expect(await listOn(other.app)).toEqual([b.id, a.id]);

      await remove(token, a.id);
      await other.database.changes.sync();
      expect(await listOn(other.app)).toEqual([b.id]);

      // Whoever writes: a row added by hand shows too.
      await t.database.db.insert(watchlistTable).values({ profileId, mediaType: 'movie', titleId: c.id, snapshot: c });
      await other.database.changes.sync();
      expect(await listOn(other.app)).toEqual([c.id, b.id]);
    } finally {
      await other.close();
    }
  });

  it('the list survives a server restart', async () => {
    const { token } = await signUp(t.app);
    const movie = movies[8] as Title;
    await add(token, movie.id);
    await t.app.close();
    const database = await t.database.reopen();
    t = await buildTestApp({ backend, database });
    expect((await list(token)).results.map((item) => item.id)).toEqual([movie.id]);
  });
});
