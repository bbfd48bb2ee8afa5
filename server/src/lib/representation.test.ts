import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodingFor, etagOf, ifNoneMatchMatches, readyJson, sendAnswer } from './representation.js';

describe('ifNoneMatchMatches', () => {
  it('matches exact, weak, listed and * forms only', () => {
    expect(ifNoneMatchMatches('"a"', '"a"')).toBe(true);
    expect(ifNoneMatchMatches('W/"a"', '"a"')).toBe(true);
    expect(ifNoneMatchMatches('"x", W/"a"', '"a"')).toBe(true);
    expect(ifNoneMatchMatches('*', '"a"')).toBe(true);
    expect(ifNoneMatchMatches('"b"', '"a"')).toBe(false);
    expect(ifNoneMatchMatches('a', '"a"')).toBe(false);
    expect(ifNoneMatchMatches(undefined, '"a"')).toBe(false);
  });

  it('takes a compressed twin’s tag as the identity tag', () => {
    expect(ifNoneMatchMatches('"a-br"', '"a"')).toBe(true);
    expect(ifNoneMatchMatches('W/"a-gzip"', '"a"')).toBe(true);
    expect(ifNoneMatchMatches('"a-zstd"', '"a"')).toBe(false);
  });
});

describe('encodingFor', () => {
  it('prefers Brotli, then gzip, and honours q=0', () => {
    expect(encodingFor('gzip, deflate, br, zstd')).toBe('br');
    expect(encodingFor('gzip')).toBe('gzip');
    expect(encodingFor('*')).toBe('gzip');
    expect(encodingFor('br;q=0, gzip;q=0.5')).toBe('gzip');
    expect(encodingFor('br;q=0')).toBeNull();
    expect(encodingFor('identity')).toBeNull();
    expect(encodingFor(undefined)).toBeNull();
    // The same header answers the same the second time (it is remembered, not re-parsed wrongly).
    expect(encodingFor('br;q=0, gzip;q=0.5')).toBe('gzip');
  });
});

describe('sendAnswer', () => {
  const big = readyJson({ items: Array.from({ length: 200 }, (_, i) => ({ i, name: `title ${i}` })) });
  const small = readyJson({ ok: true });
  const app = Fastify();
  app.get('/big', (request, reply) => sendAnswer(request, reply, big, 'public, max-age=60'));
  app.get('/small', (request, reply) => sendAnswer(request, reply, small, 'private, no-cache'));
  beforeAll(() => app.ready());
  afterAll(() => app.close());

  it('sends the bytes as they are, with their ETag, Cache-Control and Vary', async () => {
    const res = await app.inject({ url: '/small' });
    expect(res.statusCode).toBe(200);
    expect(res.rawPayload.equals(small.body)).toBe(true);
    expect(res.headers).toMatchObject({ etag: small.etag, 'cache-control': 'private, no-cache', vary: 'Accept-Encoding', 'content-type': 'application/json; charset=utf-8' });
    expect(small.etag).toBe(etagOf(small.body));
  });

  it('compresses a large body for a client that accepts it, with its own ETag', async () => {
    const br = await app.inject({ url: '/big', headers: { 'accept-encoding': 'gzip, br' } });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.etag).toBe(`${big.etag.slice(0, -1)}-br"`);
    expect(brotliDecompressSync(br.rawPayload).equals(big.body)).toBe(true);
    const gzip = await app.inject({ url: '/big', headers: { 'accept-encoding': 'gzip' } });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzip.rawPayload).equals(big.body)).toBe(true);
    // A small body is not worth compressing.
    const plain = await app.inject({ url: '/small', headers: { 'accept-encoding': 'br' } });
    expect(plain.headers['content-encoding']).toBeUndefined();
  });

  it('answers 304 without a body for a matching If-None-Match, compressed tag or not', async () => {
    for (const tag of [big.etag, `${big.etag.slice(0, -1)}-br"`, `W/${big.etag}`]) {
      const res = await app.inject({ url: '/big', headers: { 'if-none-match': tag, 'accept-encoding': 'br' } });
      expect(res.statusCode).toBe(304);
      expect(res.rawPayload.length).toBe(0);
      expect(res.headers.etag).toBe(`${big.etag.slice(0, -1)}-br"`);
    }
    expect((await app.inject({ url: '/big', headers: { 'if-none-match': '"other"' } })).statusCode).toBe(200);
  });
});
