import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseBackends } from '../helpers/backends.js';
import { buildTestApp, type TestApp } from '../helpers/build-test-app.js';

describe.each(databaseBackends)('operations on $name', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({ backend });
  });
  afterAll(() => t.close());

  it('GET /healthz → 200', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/healthz' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok' });
  });

  it('GET /readyz → 200 when the database answers', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/readyz' });
    expect(res.statusCode).toBe(200);
  });

  it('an unknown /api path → 404 problem+json with nosniff and no X-Powered-By', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/does-not-exist' });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-powered-by']).toBeUndefined();
    expect(res.json()).toMatchObject({ status: 404, code: 'NOT_FOUND', title: 'Not Found' });
  });

  it('GET /api/openapi.json → an OpenAPI 3.1 document', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    expect(res.json().openapi).toBe('3.1.0');
  });
});

describe('cross-origin requests', () => {
  let closed: TestApp;
  let open: TestApp;
  beforeAll(async () => {
    closed = await buildTestApp({ backend: databaseBackends[0]! });
    open = await buildTestApp({ backend: databaseBackends[0]!, env: { CORS_ORIGINS: 'https://app.example.com, https://admin.example.com' } });
  });
  afterAll(async () => {
    await closed.close();
    await open.close();
  });

  it('CORS_ORIGINS unset → no Access-Control-Allow-Origin for any origin, not even on a preflight', async () => {
    const get = await closed.app.inject({ method: 'GET', url: '/api/genres', headers: { origin: 'https://evil.example' } });
    expect(get.headers['access-control-allow-origin']).toBeUndefined();
    const preflight = await closed.app.inject({
      method: 'OPTIONS',
      url: '/api/auth/login',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
    });
    expect(preflight.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('a listed origin gets itself back (never * or null) and its preflight answers 204', async () => {
    const get = await open.app.inject({ method: 'GET', url: '/api/genres', headers: { origin: 'https://admin.example.com' } });
    expect(get.headers['access-control-allow-origin']).toBe('https://admin.example.com');
    const preflight = await open.app.inject({
      method: 'OPTIONS',
      url: '/api/watchlist/550',
      headers: { origin: 'https://app.example.com', 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization' },
    });
    expect(preflight.statusCode).toBe(204);
    expect(preflight.headers['access-control-allow-origin']).toBe('https://app.example.com');
    for (const origin of ['https://evil.example', 'null']) {
      const res = await open.app.inject({ method: 'GET', url: '/api/genres', headers: { origin } });
      expect(res.headers['access-control-allow-origin']).toBeUndefined();
    }
  });

  it('GET /api/docs serves the interactive reference', async () => {
    const res = await closed.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
  });

  it('the OpenAPI document lists every route of the contract', async () => {
    const doc = (await closed.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    const routes = Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(([path, methods]) =>
      Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`),
    );
    for (const route of [
      'POST /api/auth/register',
      'POST /api/auth/login',
      'POST /api/auth/refresh',
      'POST /api/auth/logout',
      'GET /api/auth/me',
      'PUT /api/auth/profile',
      'GET /api/movies/featured',
      'GET /api/movies/popular',
      'GET /api/movies/trending',
      'GET /api/movies/genre/{genre_id}',
      'GET /api/movies/search',
      'GET /api/movies/{movie_id}',
      'GET /api/movies/{movie_id}/trailer',
      'GET /api/genres',
      'GET /api/watchlist',
      'POST /api/watchlist/{movie_id}',
      'DELETE /api/watchlist/{movie_id}',
    ]) {
      expect(routes).toContain(route);
    }
  });
});

describe('compressed answers', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({ backend: databaseBackends[0]! });
  });
  afterAll(() => t.close());

  it('a catalog answer goes Brotli- or gzip-compressed to clients that accept it, the same JSON either way', async () => {
    const plain = await t.app.inject({ method: 'GET', url: '/api/movies/popular' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    for (const [accept, encoding, decode] of [
      ['gzip, deflate, br', 'br', brotliDecompressSync],
      ['gzip', 'gzip', gunzipSync],
      ['br;q=0, gzip', 'gzip', gunzipSync],
    ] as const) {
      const res = await t.app.inject({ method: 'GET', url: '/api/movies/popular', headers: { 'accept-encoding': accept } });
      expect(res.headers['content-encoding']).toBe(encoding);
      expect(String(res.headers.vary)).toContain('Accept-Encoding');
      expect(res.headers.etag).toBe(`${String(plain.headers.etag).slice(0, -1)}-${encoding}"`);
      expect(res.rawPayload.length).toBeLessThan(plain.rawPayload.length);
      expect(decode(res.rawPayload).toString('utf8')).toBe(plain.body);
      const again = await t.app.inject({
        method: 'GET',
        url: '/api/movies/popular',
        headers: { 'accept-encoding': accept, 'if-none-match': String(res.headers.etag) },
      });
      expect(again.statusCode).toBe(304);
    }
  });

  it('identity-only clients get the plain bytes', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/movies/popular', headers: { 'accept-encoding': 'identity' } });
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.json().results.length).toBeGreaterThan(0);
  });
});
