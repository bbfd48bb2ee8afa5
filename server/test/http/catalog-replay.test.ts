/**
 * The replay in front of the router (lib/replay.ts), over real HTTP: `inject()` never reaches the
 * server's request listener, so these suites listen on a loopback port and speak HTTP to it.
 */
import { brotliDecompressSync } from 'node:zlib';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { request } from 'undici';
import { databaseBackends } from '../helpers/backends.js';
import { registerUser } from '../helpers/auth-helpers.js';
import { buildTestApp, type TestApp } from '../helpers/build-test-app.js';
import { capturedLogs } from '../helpers/fake-tmdb.js';

const ORIGIN = 'https://marquee.example';

/** Headers that must be the same whether the router or the replay answered. */
const stable = (headers: Record<string, unknown>) => {
  const { date: _date, 'x-request-id': _id, 'cache-control': cacheControl, ...rest } = headers;
  return { ...rest, 'cache-control': String(cacheControl).replace(/max-age=\d+/, 'max-age=N') };
};

/** A listening app whose `request completed` log lines say whether the replay answered. */
function listeningApp(options: { backend?: (typeof databaseBackends)[number]; env?: Record<string, string> } = {}) {
  const logs = capturedLogs('info');
  const state = { t: undefined as unknown as TestApp, base: '' };
  beforeAll(async () => {
    state.t = await buildTestApp({ backend: options.backend ?? databaseBackends[0]!, env: options.env ?? {}, logger: logs.logger });
    state.base = await state.t.app.listen({ host: '127.0.0.1', port: 0 });
  });
  afterAll(() => state.t.close());

  async function send(path: string, headers: Record<string, string> = {}, method: 'GET' | 'HEAD' | 'POST' | 'DELETE' = 'GET') {
    const before = logs.lines.length;
    const res = await request(`${state.base}${path}`, { method, headers });
    const body = Buffer.from(await res.body.arrayBuffer());
    const completed = logs.lines
      .slice(before)
      .map((line) => JSON.parse(line) as { msg: string; reqId: string; replayed?: boolean })
      .filter((line) => line.msg === 'request completed');
    expect(completed).toHaveLength(1);
    // Routed or replayed, the request's log line carries its id.
    expect(completed[0]!.reqId).toBe(res.headers['x-request-id']);
    return { status: res.statusCode, headers: res.headers, body, replayed: completed[0]!.replayed === true };
  }
  return { state, send };
}

describe('replayed catalog answers', () => {
  const { send } = listeningApp({ env: { CORS_ORIGINS: ORIGIN } });
  const get = (path: string, headers: Record<string, string> = {}, method: 'GET' | 'HEAD' = 'GET') => send(path, headers, method);
  afterEach(() => {
    vi.useRealTimers();
  });


  it('answers a repeated GET itself, with the bytes and headers the router gave the first one', async () => {
    const routed = await get('/api/movies/popular');
    const replayed = await get('/api/movies/popular');
    expect(routed).toMatchObject({ status: 200, replayed: false });
    expect(replayed).toMatchObject({ status: 200, replayed: true });
    expect(replayed.body.equals(routed.body)).toBe(true);
    expect(stable(replayed.headers)).toEqual(stable(routed.headers));
    expect(replayed.headers['content-security-policy']).toContain("default-src 'self'");
    expect(replayed.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(replayed.headers['x-request-id']).not.toBe(routed.headers['x-request-id']);
  });

  it('keeps each URL to its own answer', async () => {
    await get('/api/movies/popular?page=2');
    const first = await get('/api/movies/popular');
    const second = await get('/api/movies/popular?page=2');
    expect([first.replayed, second.replayed]).toEqual([true, true]);
    expect((JSON.parse(first.body.toString()) as { page: number }).page).toBe(1);
    expect((JSON.parse(second.body.toString()) as { page: number }).page).toBe(2);
  });

  it('echoes a caller’s request id, answers 304 to a matching If-None-Match and Brotli to Accept-Encoding', async () => {
    const identity = await get('/api/movies/popular', { 'x-request-id': 'trace-42' });
    expect(identity).toMatchObject({ replayed: true });
    expect(identity.headers['x-request-id']).toBe('trace-42');
    const etag = String(identity.headers.etag);

    const notModified = await get('/api/movies/popular', { 'if-none-match': etag });
    expect(notModified).toMatchObject({ status: 304, replayed: true });
    expect(notModified.body).toHaveLength(0);
    expect(notModified.headers.etag).toBe(etag);

    const br = await get('/api/movies/popular', { 'accept-encoding': 'gzip, br' });
    expect(br).toMatchObject({ status: 200, replayed: true });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.etag).toBe(`${etag.slice(0, -1)}-br"`);
    expect(brotliDecompressSync(br.body).equals(identity.body)).toBe(true);
    const brNotModified = await get('/api/movies/popular', { 'accept-encoding': 'br', 'if-none-match': String(br.headers.etag) });
    expect(brNotModified).toMatchObject({ status: 304, replayed: true });
  });

  it('leaves CORS requests and HEAD to the router', async () => {
    await get('/api/movies/search?q=star');
    const cors = await get('/api/movies/search?q=star', { origin: ORIGIN });
    expect(cors).toMatchObject({ status: 200, replayed: false });
    expect(cors.headers['access-control-allow-origin']).toBe(ORIGIN);
    const head = await get('/api/movies/search?q=star', {}, 'HEAD');
    expect(head).toMatchObject({ status: 200, replayed: false });
    expect((await get('/api/movies/search?q=star')).replayed).toBe(true);
  });

  it('stops replaying an answer once its freshness has run out, and the router refreshes it', async () => {
    await get('/api/genres');
    expect((await get('/api/genres')).replayed).toBe(true);
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 3 * 24 * 3600 * 1000 });
    const expired = await get('/api/genres');
    expect(expired).toMatchObject({ status: 200, replayed: false });
    expect((await get('/api/genres')).replayed).toBe(true);
  });

  it('never replays what the router refused', async () => {
    for (let i = 0; i < 2; i++) {
      const bad = await get('/api/movies/popular?page=0');
      expect(bad).toMatchObject({ status: 400, replayed: false });
      expect(bad.headers['content-type']).toContain('application/problem+json');
    }
  });
});

describe.each(databaseBackends)('replayed lists on $name', (backend) => {
  const { state, send } = listeningApp({ backend });
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  const idsOf = (body: Buffer) => (JSON.parse(body.toString()) as { results: { id: number }[] }).results.map((title) => title.id);
  let ids: number[];

  beforeAll(async () => {
    const popular = await send('/api/movies/popular');
    ids = idsOf(popular.body);
  });

  it('answers a caller’s repeated GET /api/watchlist itself, with what the router answered', async () => {
    const user = await registerUser(state.t.app);
    expect((await send(`/api/watchlist/${ids[0]}`, bearer(user.access_token), 'POST')).status).toBe(201);
    const routed = await send('/api/watchlist', bearer(user.access_token));
    const replayed = await send('/api/watchlist', bearer(user.access_token));
    expect(routed).toMatchObject({ status: 200, replayed: false });
    expect(replayed).toMatchObject({ status: 200, replayed: true });
    expect(replayed.body.equals(routed.body)).toBe(true);
    expect(stable(replayed.headers)).toEqual(stable(routed.headers));
    expect(replayed.headers['cache-control']).toBe('private, no-cache');
    const notModified = await send('/api/watchlist', { ...bearer(user.access_token), 'if-none-match': String(routed.headers.etag) });
    expect(notModified).toMatchObject({ status: 304, replayed: true });
  });

  it('shows a change at once, gives each caller their own list, and refuses a token whose session ended', async () => {
    const ann = await registerUser(state.t.app);
    const bob = await registerUser(state.t.app);
    await send(`/api/watchlist/${ids[1]}`, bearer(ann.access_token), 'POST');
    await send(`/api/watchlist/${ids[2]}`, bearer(bob.access_token), 'POST');
    for (let i = 0; i < 2; i++) {
      expect(idsOf((await send('/api/watchlist', bearer(ann.access_token))).body)).toEqual([ids[1]]);
      expect(idsOf((await send('/api/watchlist', bearer(bob.access_token))).body)).toEqual([ids[2]]);
    }
    expect((await send('/api/watchlist', bearer(ann.access_token))).replayed).toBe(true);

    await send(`/api/watchlist/${ids[3]}`, bearer(ann.access_token), 'POST');
    expect(idsOf((await send('/api/watchlist', bearer(ann.access_token))).body)).toEqual([ids[3], ids[1]]);
    await send(`/api/watchlist/${ids[1]}`, bearer(ann.access_token), 'DELETE');
    expect(idsOf((await send('/api/watchlist', bearer(ann.access_token))).body)).toEqual([ids[3]]);

    expect((await send('/api/auth/logout', bearer(ann.access_token), 'POST')).status).toBe(204);
    const refused = await send('/api/watchlist', bearer(ann.access_token));
    expect(refused).toMatchObject({ status: 401, replayed: false });
    expect((await send('/api/watchlist', bearer(`${bob.access_token}x`))).status).toBe(401);
    expect((await send('/api/watchlist')).status).toBe(401);
    expect((await send('/api/watchlist', bearer(bob.access_token))).replayed).toBe(true);
  });
});
