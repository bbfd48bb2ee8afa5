import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliCompressSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseBackends } from '../helpers/backends.js';
import { buildTestApp, type TestApp } from '../helpers/build-test-app.js';

describe('the web app at /', () => {
  let dist: string;
  let t: TestApp;
  const script = 'console.log("marquee");'.repeat(100);

  beforeAll(async () => {
    dist = await mkdtemp(path.join(tmpdir(), 'marquee-web-'));
    await mkdir(path.join(dist, 'assets'));
    await writeFile(path.join(dist, 'index.html'), '<!doctype html><title>Marquee</title><div id="root"></div>');
    await writeFile(path.join(dist, 'assets/index-abc123.js'), script);
    await writeFile(path.join(dist, 'assets/index-abc123.js.br'), brotliCompressSync(Buffer.from(script)));
    t = await buildTestApp({ backend: databaseBackends[0]!, env: { WEB_DIST: dist } });
  });
  afterAll(async () => {
    await t.close();
    await rm(dist, { recursive: true, force: true });
  });

  it('serves index.html at / and for client-side routes (SPA fallback), never cached', async () => {
    for (const url of ['/', '/my-list', '/title/movie/550', '/search?q=star']) {
      const res = await t.app.inject({ method: 'GET', url });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(res.body).toContain('<div id="root">');
    }
  });

  it('serves hashed assets immutable, pre-compressed for clients that accept it, with Vary: Accept-Encoding', async () => {
    const br = await t.app.inject({ method: 'GET', url: '/assets/index-abc123.js', headers: { 'accept-encoding': 'br, gzip' } });
    expect(br.statusCode).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(String(br.headers.vary)).toContain('Accept-Encoding');
    expect(br.rawPayload.length).toBeLessThan(script.length);
    const plain = await t.app.inject({ method: 'GET', url: '/assets/index-abc123.js' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(script);
  });

  it('unknown /api paths and missing files stay 404 problem+json', async () => {
    for (const url of ['/api/nope', '/assets/missing.js']) {
      const res = await t.app.inject({ method: 'GET', url });
      expect(res.statusCode).toBe(404);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    }
  });
});
