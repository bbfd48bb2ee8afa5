/**
 * A seeded fuzz run over every route: odd path parameters, query strings, bodies (unknown and
 * prototype keys, control characters, lone surrogates, huge numbers, wrong types, broken JSON) and
 * content types, with and without a token. Whatever arrives: never a 5xx, and every 4xx is
 * problem+json whose `status` matches. The seed is fixed, so a failure replays exactly; the
 * failing request is printed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseBackends } from '../helpers/backends.js';
import { buildTestApp, type TestApp } from '../helpers/build-test-app.js';
import { registerUser, uniqueClientIp } from '../helpers/auth-helpers.js';

const SEED = 0x6d617271; // "marq"
const REQUESTS = 300;

/** mulberry32: a small deterministic PRNG. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ROUTES: [string, string][] = [
  ['POST', '/api/auth/register'],
  ['POST', '/api/auth/login'],
  ['POST', '/api/auth/refresh'],
  ['POST', '/api/auth/logout'],
  ['GET', '/api/auth/me'],
  ['PUT', '/api/auth/profile'],
  ['PATCH', '/api/auth/profile'],
  ['GET', '/api/profiles'],
  ['POST', '/api/profiles'],
  ['PUT', '/api/profiles/{id}'],
  ['PATCH', '/api/profiles/{id}'],
  ['DELETE', '/api/profiles/{id}'],
  ['POST', '/api/profiles/{id}/switch'],
  ['GET', '/api/profiles/avatars'],
  ['GET', '/api/profiles/avatars/{id}'],
  ['GET', '/api/catalog'],
  ['GET', '/api/genres'],
  ['GET', '/api/movies/popular'],
  ['GET', '/api/movies/trending'],
  ['GET', '/api/movies/featured'],
  ['GET', '/api/movies/search'],
  ['GET', '/api/movies/genre/{id}'],
  ['GET', '/api/movies/{id}'],
  ['GET', '/api/movies/{id}/trailer'],
  ['GET', '/api/images/{id}/{id}'],
  ['GET', '/api/images/{id}/{id}/{id}'],
  ['GET', '/api/watchlist'],
  ['POST', '/api/watchlist/{id}'],
  ['DELETE', '/api/watchlist/{id}'],
  ['PUT', '/api/watchlist/{id}'],
  ['GET', '/readyz'],
  ['OPTIONS', '/api/watchlist'],
];

const STRINGS = [
  '',
  'a',
  'Ann',
  'a@b.co',
  'correct horse battery staple',
  '\u0000',
  'a\u0000@b.co',
  '\u0007bell',
  '\u007f',
  '\u0085',
  '\ud800',
  'x\udc00y',
  '😀',
  '  spaced  ',
  "' OR 1=1 --",
  '<script>alert(1)</script>',
  '../../etc/passwd',
  '%ff',
  '1234',
  'teens',
  'all',
  'movie',
  'tv',
];
const FIELDS = ['email', 'password', 'name', 'avatar', 'refresh_token', 'pin', 'maturity', 'kids', 'current_password', 'new_password', '__proto__', 'constructor', 'x'];
const IDS = ['0', '1', '550', '-1', 'abc', '1e3', '%ff', '%00', '9999999999', '1.5', '%2e%2e', 'poster', 'w500', 'v1', 'a.svg', '00001'];
const QUERY_KEYS = ['page', 'media_type', 'q', 'query', 'genre', 'x'];

/** Percent-encodes `text`; a lone surrogate (no UTF-8 form) becomes the bytes of one, invalid UTF-8. */
function encode(text: string): string {
  try {
    return encodeURIComponent(text);
  } catch {
    return '%ED%A0%80';
  }
}

function generator(next: () => number) {
  const pick = <T,>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const string = (): string => (next() < 0.1 ? 'x'.repeat(Math.floor(next() * 3000)) : pick(STRINGS));
  const value = (depth = 0): unknown => {
    const kind = Math.floor(next() * (depth > 1 ? 5 : 7));
    if (kind === 0) return string();
    if (kind === 1) return pick([0, 1, -1, 1.5, 2 ** 53, 1e308, -1e308, 4]);
    if (kind === 2) return next() < 0.5;
    if (kind === 3) return null;
    if (kind === 4) return string();
    if (kind === 5) return [value(depth + 1), value(depth + 1)];
    return object(depth + 1);
  };
  const object = (depth = 0): Record<string, unknown> => {
    const result: Record<string, unknown> = {};
    const count = Math.floor(next() * 4);
    for (let i = 0; i < count; i++) result[pick(FIELDS)] = value(depth);
    return result;
  };
  const body = (): string | undefined => {
    const kind = next();
    if (kind < 0.15) return undefined;
    if (kind < 0.25) return pick(['{', '{"a":', 'null', '[]', '"text"', '1', '{"__proto__":{"admin":true}}', '{"constructor":{"prototype":{"x":1}}}', '{"a":1,"a":2}']);
    return JSON.stringify(next() < 0.8 ? object() : value());
  };
  const path = (template: string): string => template.replaceAll('{id}', () => (next() < 0.8 ? pick(IDS) : encode(string())));
  const query = (): string => {
    if (next() < 0.5) return '';
    const parts: string[] = [];
    const count = 1 + Math.floor(next() * 3);
    for (let i = 0; i < count; i++) parts.push(`${pick(QUERY_KEYS)}=${next() < 0.7 ? encode(string()) : pick(IDS)}`);
    return `?${parts.join('&')}`;
  };
  const contentType = (): string | undefined => pick(['application/json', 'application/json', 'application/json', 'application/json; charset=utf-8', 'text/plain', 'application/x-www-form-urlencoded', undefined]);
  return { pick, body, path, query, contentType };
}

describe.each(databaseBackends)('seeded fuzz over the routes on $name', (backend) => {
  let t: TestApp;
  let token: string;
  beforeAll(async () => {
    t = await buildTestApp({ backend });
    token = (await registerUser(t.app)).access_token;
  });
  afterAll(() => t.close());

  it(`${REQUESTS} requests (seed ${SEED}): no 5xx; every 4xx is problem+json`, async () => {
    const gen = generator(random(SEED));
    for (let i = 0; i < REQUESTS; i++) {
      const [method, template] = gen.pick(ROUTES);
      const url = gen.path(template) + gen.query();
      const payload = method === 'GET' || method === 'OPTIONS' ? undefined : gen.body();
      const contentType = payload === undefined ? undefined : gen.contentType();
      const headers: Record<string, string> = {};
      if (contentType) headers['content-type'] = contentType;
      if (gen.pick([true, false])) headers.authorization = `Bearer ${token}`;
      const res = await t.app.inject({ method: method as 'GET', url, headers, remoteAddress: uniqueClientIp(), ...(payload === undefined ? {} : { payload }) });
      const request = `#${i} ${method} ${url} ${JSON.stringify(headers)} ${payload ?? ''}`;
      expect(res.statusCode, `${request} → ${res.statusCode} ${res.body.slice(0, 300)}`).toBeLessThan(500);
      if (res.statusCode >= 400) {
        expect(res.headers['content-type'], request).toMatch(/^application\/problem\+json/);
        const problem = res.json() as { status: number; code: string };
        expect(problem.status, request).toBe(res.statusCode);
        expect(problem.code, request).toMatch(/^[A-Z_]+$/);
      }
    }
  }, 120_000);
});
