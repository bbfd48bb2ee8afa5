/**
 * The replay in front of the router (lib/replay.ts), over real HTTP: `inject()` never reaches the
 * server's request listener, so this suite listens on a loopback port and speaks HTTP to it.
 */
import { brotliDecompressSync } from 'node:zlib';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { request } from 'undici';
import { databaseBackends } from '../helpers/backends.js';
import { buildTestApp, type TestApp } from '../helpers/build-test-app.js';
import { capturedLogs } from '../helpers/fake-tmdb.js';

const ORIGIN = 'https://marquee.example';

describe('replayed catalog answers', () => {
  let t: TestApp;
  let base: string;
  const logs = capturedLogs('info');

  beforeAll(async () => {
    t = await buildTestApp({ backend: databaseBackends[0]!, env: { CORS_ORIGINS: ORIGIN }, logger: logs.logger });
    base = await t.app.listen({ host: '127.0.0.1', port: 0 });
  });
  afterAll(() => t.close());
  afterEach(() => {
    vi.useRealTimers();
  });

  async function get(path: string, headers: Record<string, string> = {}, method: 'GET' | 'HEAD' = 'GET') {
    const before = logs.lines.length;
    const res = await request(`${base}${path}`, { method, headers });
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

  /** Headers that must be the same whether the router or the replay answered. */
  const stable = (headers: Record<string, unknown>) => {
    const { date: _date, 'x-request-id': _id, 'cache-control': cacheControl, ...rest } = headers;
    return { ...rest, 'cache-control': String(cacheControl).replace(/max-age=\d+/, 'max-age=N') };
  };

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
