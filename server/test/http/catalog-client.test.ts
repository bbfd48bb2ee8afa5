/** The TMDB client against a fake TMDB over real HTTP: budget, 429 handling, credentials, scrubbing. */
import { pino } from 'pino';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../src/errors.js';
import { TmdbClient } from '../../src/integrations/tmdb/tmdb.client.js';
import { startFakeTmdb, type FakeTmdb } from '../helpers/fake-tmdb.js';

describe('TmdbClient', () => {
  let fake: FakeTmdb;
  const lines: string[] = [];
  const log = pino({ level: 'debug' }, { write: (line: string) => void lines.push(line) });

  beforeAll(async () => {
    fake = await startFakeTmdb();
  });
  afterAll(() => fake.close());
  beforeEach(() => fake.reset());

  it('keeps the whole call within its budget, however slow TMDB is', async () => {
    const client = new TmdbClient({ baseUrl: fake.url, apiKey: fake.apiKey, log, attemptTimeoutMs: 200, budgetMs: 500, backoffBaseMs: 10 });
    fake.script('/movie/popular', { delayMs: 2_000 });
    const started = Date.now();
    await expect(client.get('/movie/popular')).rejects.toMatchObject({ status: 503, code: 'UPSTREAM_UNAVAILABLE' });
    // Generous bound: the point is that three 2-second waits did not happen.
    expect(Date.now() - started).toBeLessThan(1_500);
    await client.close();
  });

  it('gives up on a 429 whose Retry-After exceeds the budget, passing it on', async () => {
    const client = new TmdbClient({ baseUrl: fake.url, apiKey: fake.apiKey, log, budgetMs: 2_000 });
    fake.script('/movie/popular', { status: 429, retryAfter: '3' });
    await expect(client.get('/movie/popular')).rejects.toMatchObject({ status: 429, code: 'UPSTREAM_RATE_LIMITED', options: { headers: { 'retry-after': '3' } } });
    expect(fake.requests).toHaveLength(1);
    await client.close();
  });

  it('scrubs the key from network error messages it logs', async () => {
    const secret = 'super-secret-key-value-1234';
    const client = new TmdbClient({ baseUrl: 'http://127.0.0.1:1/3', apiKey: secret, log, attemptTimeoutMs: 200, budgetMs: 600, backoffBaseMs: 10 });
    await expect(client.get('/movie/popular')).rejects.toBeInstanceOf(AppError);
    expect(lines.some((line) => line.includes('TMDB unavailable'))).toBe(true);
    for (const line of lines) expect(line).not.toContain(secret);
    await client.close();
  });

  it('sends the v4 token as Bearer and never as api_key when both are configured', async () => {
    const client = new TmdbClient({ baseUrl: fake.url, apiKey: fake.apiKey, accessToken: fake.accessToken, log });
    await client.get('/genre/movie/list');
    expect(fake.requests[0]!.headers.authorization).toBe(`Bearer ${fake.accessToken}`);
    expect(fake.requests[0]!.query.api_key).toBeUndefined();
    await client.close();
  });
});
