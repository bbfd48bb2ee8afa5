import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseBackends } from '../helpers/backends.js';
import { buildTestApp, type TestApp } from '../helpers/build-test-app.js';

describe('GET /api/images/{version}/{kind}/{file} (embedded artwork)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({ backend: databaseBackends[0]! });
  });
  afterAll(() => t.close());

  const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers });

  it('→ 200 an SVG poster with year-long immutable caching, an ETag and a locked-down CSP', async () => {
    const res = await get('/api/images/v2/poster/movie-1.svg');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('image/svg+xml; charset=utf-8');
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.headers['content-security-policy']).toBe("default-src 'none'; style-src 'unsafe-inline'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers.etag).toMatch(/^"[\w-]+"$/);
    expect(res.body).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" width="500" height="750"/);
    expect(res.body).toContain('</svg>');
  });

  it('→ 200 a 16:9 backdrop for a TV show, with no text drawn on it', async () => {
    const res = await get('/api/images/v2/backdrop/tv-1.svg');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('width="1280" height="720"');
    expect(res.body).not.toContain('<text');
  });

  it('answers the same bytes and ETag every time', async () => {
    const first = await get('/api/images/v2/poster/movie-2.svg');
    const second = await get('/api/images/v2/poster/movie-2.svg');
    expect(second.body).toBe(first.body);
    expect(second.headers.etag).toBe(first.headers.etag);
    expect((await get('/api/images/v2/backdrop/movie-2.svg')).headers.etag).not.toBe(first.headers.etag);
  });

  it('keeps the first release’s unversioned URL answering, with the current picture', async () => {
    const current = await get('/api/images/v2/poster/movie-2.svg');
    const legacy = await get('/api/images/poster/movie-2.svg');
    expect(legacy.statusCode).toBe(200);
    expect(legacy.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(legacy.body).toBe(current.body);
    expect(legacy.headers.etag).toBe(current.headers.etag);
  });

  it('→ 304 without a body for a matching If-None-Match (also weak and in a list), repeating the ETag', async () => {
    const { headers } = await get('/api/images/v2/poster/movie-3.svg');
    const etag = String(headers.etag);
    for (const ifNoneMatch of [etag, `W/${etag}`, `"other", ${etag}`, '*']) {
      const res = await get('/api/images/v2/poster/movie-3.svg', { 'if-none-match': ifNoneMatch });
      expect(res.statusCode).toBe(304);
      expect(res.body).toBe('');
      expect(res.headers.etag).toBe(etag);
    }
    expect((await get('/api/images/v2/poster/movie-3.svg', { 'if-none-match': '"stale"' })).statusCode).toBe(200);
  });

  it('every poster_url and backdrop_url of a catalog page is versioned and resolves', async () => {
    const page = (await get('/api/movies/trending')).json() as { results: Array<{ poster_url: string; backdrop_url: string }> };
    expect(page.results.length).toBeGreaterThan(0);
    for (const title of page.results.slice(0, 6)) {
      expect(title.poster_url).toMatch(/^\/api\/images\/v2\/poster\/(movie|tv)-\d+\.svg$/);
      expect((await get(title.poster_url)).statusCode).toBe(200);
      expect((await get(title.backdrop_url)).statusCode).toBe(200);
    }
  });

  it.each([
    ['an unknown kind', '/api/images/v2/thumbnail/movie-1.svg'],
    ['an unknown media type', '/api/images/v2/poster/person-1.svg'],
    ['a malformed file name', '/api/images/v2/poster/movie-abc.svg'],
    ['another extension', '/api/images/v2/poster/movie-1.png'],
    ['a zero id', '/api/images/v2/poster/movie-0.svg'],
    ['an encoded path traversal', '/api/images/v2/poster/..%2Fmovie-1.svg'],
    ['an unknown title', '/api/images/v2/poster/movie-999999.svg'],
    ['an unknown TV show', '/api/images/v2/backdrop/tv-999999.svg'],
    ['a version not yet released', '/api/images/v3/poster/movie-1.svg'],
    ['a malformed version', '/api/images/2/poster/movie-1.svg'],
    ['an unknown kind at the unversioned URL', '/api/images/thumbnail/movie-1.svg'],
    ['an unknown title at the unversioned URL', '/api/images/poster/movie-999999.svg'],
  ])('→ 404 problem+json for %s', async (_what, url) => {
    const res = await get(url);
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.json()).toMatchObject({ status: 404, code: 'NOT_FOUND' });
  });

  it('is documented in the OpenAPI document under the catalog tag, the unversioned URL as deprecated', async () => {
    const doc = (await get('/api/openapi.json')).json() as { paths: Record<string, { get?: { tags?: string[]; summary?: string; deprecated?: boolean } }> };
    const current = doc.paths['/api/images/{version}/{kind}/{file}']?.get;
    expect(current?.tags).toEqual(['catalog']);
    expect(current?.summary).toBeTruthy();
    expect(current?.deprecated).toBeUndefined();
    expect(doc.paths['/api/images/{kind}/{file}']?.get?.deprecated).toBe(true);
  });
});
