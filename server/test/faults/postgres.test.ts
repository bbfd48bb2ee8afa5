/**
 * The built server on PostgreSQL and Redis of its own, under load from several signed-in clients,
 * while the database is restarted, stopped and frozen and Redis is restarted. Throughout: the
 * process lives; every answer that is not a 2xx is a 503 (or a throttle's 429) with Retry-After;
 * every wait is bounded; the first request after recovery succeeds; no acknowledged write is lost.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatTable, listedIds, Load, movieIds, readList, request, signUpClients, summarise, type Client, type FaultRow, type Sample } from './helpers/load.js';
import { createPostgresCluster, startRedisServer, startServer, type PostgresCluster, type RedisServer, type ServerProcess } from './helpers/processes.js';

const CLIENTS = 8;
/** A request may wait on the database ~4.5 s (connect + query timeouts); anything near this bound is a hang. */
const BOUND_MS = 10_000;

describe('PostgreSQL and Redis faults under load', () => {
  let cluster: PostgresCluster;
  let redis: RedisServer;
  let dataDir: string;
  let server: ServerProcess;
  let clients: Client[];
  let load: Load;
  const rows: FaultRow[] = [];

  beforeAll(async () => {
    [cluster, redis, dataDir] = await Promise.all([createPostgresCluster(), startRedisServer(), mkdtemp(path.join(tmpdir(), 'marquee-faults-'))]);
    server = await startServer({
      DATABASE_URL: cluster.url,
      REDIS_URL: redis.url,
      DATA_DIR: dataDir,
      JWT_SECRET: 'fault-suite-secret-that-is-long-enough-0123456789',
    });
    const ids = await movieIds(server.url);
    clients = await signUpClients(server.url, CLIENTS, 'faults');
    load = new Load(server.url, clients, ids);
    load.start();
    await load.successes(CLIENTS * 2);
  });

  afterAll(async () => {
    await load?.stop();
    await server?.stop();
    await Promise.all([cluster?.destroy(), redis?.stop()]);
    await rm(dataDir, { recursive: true, force: true });
    if (rows.length > 0) console.log(`\nFault suite, PostgreSQL ${CLIENTS} clients:\n${formatTable(rows)}\n`);
  });

  /** Every non-2xx is a 503 or 429 problem+json with Retry-After; no request failed outright or hung. */
  function expectOnlyRetryableFailures(during: Sample[]): void {
    const bad = during.filter(
      (sample) =>
        !(sample.status >= 200 && sample.status < 300) &&
        !((sample.status === 503 || sample.status === 429) && sample.retryAfter !== null && /^application\/problem\+json/.test(sample.contentType ?? '')),
    );
    expect(bad, JSON.stringify(bad.slice(0, 5))).toEqual([]);
    expect(Math.max(...during.map((sample) => sample.end - sample.start))).toBeLessThan(BOUND_MS);
  }

  /** Acknowledged adds missing from the lists now (acknowledged before each list is read: the load keeps writing). */
  async function writesLost(): Promise<number> {
    let lost = 0;
    for (const client of clients) {
      const acked = [...client.acked];
      const listed = await listedIds(server.url, client);
      lost += acked.filter((id) => !listed.has(id)).length;
    }
    return lost;
  }

  /** Runs a fault between `inject` and `recover`, then checks and records it. */
  async function fault(name: string, inject: () => Promise<void>, during: () => Promise<void>, recover: () => Promise<void>): Promise<void> {
    await load.successes(CLIENTS);
    const from = load.now();
    await inject();
    await during();
    await recover();
    const recoveredAt = load.now();
    // The first request after recovery succeeds: no restart, no warm-up.
    const first = await readList(server.url, clients[0]!);
    expect(first.status, first.body).toBe(200);
    await load.successes(CLIENTS * 2);
    const summary = summarise(load.samples, from, load.now(), recoveredAt);
    expect(server.alive(), server.output().slice(-3000)).toBe(true);
    expectOnlyRetryableFailures(summary.during);
    const lost = await writesLost();
    expect(lost).toBe(0);
    rows.push({ fault: name, requests: summary.requests, failures: summary.failures, longestMs: summary.longestMs, firstSuccessAfterRecoveryMs: summary.firstSuccessAfterRecoveryMs, writesLost: lost, restartsNeeded: 0 });
  }

  it('PostgreSQL restarted (pg_ctl restart -m fast) three times under load', async () => {
    for (let round = 1; round <= 3; round++) {
      await fault(
        `PostgreSQL restart -m fast (${round}/3)`,
        () => cluster.restart(),
        async () => {},
        async () => {},
      );
    }
  }, 120_000);

  it('PostgreSQL stopped: 503 with Retry-After, the public catalog keeps answering, /readyz says so', async () => {
    await fault(
      'PostgreSQL stopped, then started',
      () => cluster.stop(),
      async () => {
        await load.completed(CLIENTS * 3);
        const catalog = await request(`${server.url}/api/movies/popular`);
        expect(catalog.status).toBe(200);
        const ready = await request(`${server.url}/readyz`);
        expect(ready.status).toBe(503);
        expect(ready.retryAfter).not.toBeNull();
        const loginRes = await request(`${server.url}/api/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email: 'someone@example.com', password: 'a long enough password' }),
        });
        expect(loginRes.status).toBe(503);
        expect(JSON.parse(loginRes.body)).toMatchObject({ code: 'SERVICE_UNAVAILABLE', status: 503 });
        expect(loginRes.retryAfter).toBe('2');
      },
      () => cluster.start(),
    );
  }, 120_000);

  it('PostgreSQL frozen (SIGSTOP, then SIGCONT): every wait is bounded, /readyz answers, the silent listener is noticed', async () => {
    const outputBefore = server.output().length;
    await fault(
      'PostgreSQL frozen (SIGSTOP until the listener heartbeat notices, then SIGCONT)',
      async () => cluster.freeze(),
      async () => {
        const started = performance.now();
        const ready = await request(`${server.url}/readyz`);
        const readyMs = performance.now() - started;
        expect(ready.status).toBe(503);
        // Readiness races its probe against 1.5 s; a frozen database must not hold it.
        expect(readyMs).toBeLessThan(BOUND_MS / 2);
        // Long enough for every client to have hit the timeouts, and for the change feed's heartbeat
        // to notice its silent connection (cached sessions and lists are then dropped).
        await load.completed(CLIENTS * 2);
        await server.waitForOutput('database change notifications interrupted', outputBefore);
      },
      async () => cluster.thaw(),
    );
  }, 120_000);

  it('Redis restarted under load: no error at all, one log line down and one back up', async () => {
    const outputBefore = server.output().length;
    await fault(
      'Redis stopped, then started',
      () => redis.stop(),
      async () => {
        await server.waitForOutput('redis unavailable', outputBefore);
        await load.completed(CLIENTS * 3);
        // Sign-in throttling counts in-process meanwhile: a wrong password is still a plain 401.
        const wrong = await request(`${server.url}/api/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email: 'faults-0-x@example.com', password: 'not the password' }),
        });
        expect(wrong.status).toBe(401);
      },
      () => redis.start(),
    );
    await server.waitForOutput('redis available again', outputBefore);
    const log = server.output().slice(outputBefore);
    expect(log.split('redis unavailable').length - 1).toBe(1);
    expect(log.split('rate-limit store unavailable').length - 1).toBeLessThanOrEqual(1);
    const lastRow = rows.at(-1)!;
    expect(lastRow.failures).toEqual({});
  }, 120_000);
});
