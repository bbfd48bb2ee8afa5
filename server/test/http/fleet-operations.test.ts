/** What several instances need of each one: a shared signing secret, rotation, drain, metrics. */
import net from 'node:net';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import { sharedSecret } from '../../src/db/database.js';
import { Drain } from '../../src/lib/drain.js';
import { databaseBackends, type TestDatabase } from '../helpers/backends.js';
import { testConfig, type TestApp } from '../helpers/build-test-app.js';

const postgres = databaseBackends.find((backend) => backend.name === 'postgres');

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

const secret = (c: string) => c.repeat(40);

async function register(app: TestApp['app']): Promise<string> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/auth/register',
    payload: { email: `r-${randomBytes(4).toString('hex')}@example.com`, password: 'a long password', name: 'R' },
  });
  expect(res.statusCode).toBe(201);
  return (res.json() as { access_token: string }).access_token;
}

describe.skipIf(!postgres)('the generated signing secret on PostgreSQL', () => {
  let first: TestDatabase;
  let second: TestDatabase;
  beforeAll(async () => {
    first = await postgres!.open();
    second = await first.another!();
  });
  afterAll(async () => {
    await second.cleanup();
    await first.cleanup();
  });

  it('is stored once: every instance on the database gets the first proposal, whatever it proposes', async () => {
    const proposals = ['a', 'b', 'c', 'd'].map(secret);
    const agreed = await Promise.all(proposals.map((proposal, i) => sharedSecret((i % 2 === 0 ? first : second).db, 'jwt', proposal)));
    expect(new Set(agreed).size).toBe(1);
    expect(proposals).toContain(agreed[0]);
    expect(await sharedSecret(second.db, 'jwt', secret('z'))).toBe(agreed[0]);
  });
});

describe.each(databaseBackends)('rotation, drain and metrics on $name', (backend) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await backend.open();
  });
  afterAll(() => database.cleanup());

  const appWith = (env: Record<string, string>, jwtSecret: string, drain?: Drain) =>
    buildApp({ config: testConfig(env), database, redis: null, jwtSecret, logger: false, ...(drain ? { drain } : {}) });

  it('JWT_SECRET_PREVIOUS verifies tokens signed before a rotation; without it they are refused', async () => {
    const before = await appWith({}, secret('o'));
    const token = await register(before);
    await before.close();

    const rotated = await appWith({ JWT_SECRET_PREVIOUS: secret('o') }, secret('n'));
    expect((await rotated.inject({ method: 'GET', url: '/api/auth/me', headers: { authorization: `Bearer ${token}` } })).statusCode).toBe(200);
    // New tokens are signed with the new secret.
    const fresh = await register(rotated);
    await rotated.close();

    const after = await appWith({}, secret('n'));
    expect((await after.inject({ method: 'GET', url: '/api/auth/me', headers: { authorization: `Bearer ${token}` } })).statusCode).toBe(401);
    expect((await after.inject({ method: 'GET', url: '/api/auth/me', headers: { authorization: `Bearer ${fresh}` } })).statusCode).toBe(200);
    await after.close();
  });

  it('draining: /readyz answers 503 while every other request is still served, with Connection: close', async () => {
    const drain = new Drain();
    const app = await appWith({}, secret('d'), drain);
    expect((await app.inject({ method: 'GET', url: '/readyz' })).statusCode).toBe(200);
    drain.begin();
    const ready = await app.inject({ method: 'GET', url: '/readyz' });
    expect(ready.statusCode).toBe(503);
    expect(ready.json()).toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
    const served = await app.inject({ method: 'GET', url: '/api/movies/popular' });
    expect(served.statusCode).toBe(200);
    expect(served.headers.connection).toBe('close');
    expect((await app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
    await app.close();
  });

  it('METRICS_PORT: Prometheus text on its own listener, never on the public port', async () => {
    const metricsPort = await freePort();
    const app = await appWith({ METRICS_PORT: String(metricsPort), HOST: '127.0.0.1' }, secret('m'));
    await app.listen({ host: '127.0.0.1', port: 0 });
    const address = app.server.address() as net.AddressInfo;
    try {
      await fetch(`http://127.0.0.1:${address.port}/api/movies/popular`);
      await fetch(`http://127.0.0.1:${address.port}/api/movies/popular`);
      await fetch(`http://127.0.0.1:${address.port}/api/movies/999999999`);
      const res = await fetch(`http://127.0.0.1:${metricsPort}/metrics`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
      const text = await res.text();
      expect(text).toContain('http_requests_total{method="GET",route="/api/movies/popular",status="200"} 2');
      expect(text).toContain('http_requests_total{method="GET",route="/api/movies/:movie_id",status="404"} 1');
      expect(text).toMatch(/http_request_duration_seconds_bucket\{le="\+Inf",method="GET",route="\/api\/movies\/popular",status="200"\} 2/);
      expect(text).toContain('marquee_catalog_cache_answers_total{result="hit"} 1');
      expect(text).toContain('marquee_catalog_cache_answers_total{result="miss"}');
      expect(text).toContain('marquee_change_feed_up 1');
      expect(text).toMatch(/^process_resident_memory_bytes \d+/m);
      if (backend.name === 'postgres') expect(text).toMatch(/^marquee_db_pool_connections [1-9]/m);
      const publicPort = await fetch(`http://127.0.0.1:${address.port}/metrics`);
      expect(await publicPort.text()).not.toContain('http_requests_total');
    } finally {
      await app.close();
    }
    // Closed with the app.
    await expect(fetch(`http://127.0.0.1:${metricsPort}/metrics`)).rejects.toThrow();
  });

  it('refuses METRICS_PORT equal to PORT', () => {
    expect(() => testConfig({ PORT: '9000', METRICS_PORT: '9000' })).toThrow(/METRICS_PORT must differ from PORT/);
  });
});
