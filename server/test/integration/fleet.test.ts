/**
 * The server as a fleet: three built instances (`dist/main.js`) on one PostgreSQL database and one
 * Redis key prefix, behind HAProxy running `deploy/haproxy.cfg` as shipped. Needs `npm run build`,
 * TEST_DATABASE_URL, TEST_REDIS_URL and `/usr/sbin/haproxy` (Debian's package; `.ci/run` installs it).
 *
 * The figures (logout refusal on the other instances, requests served and lost) are printed, not
 * asserted against a clock: bench/README.md records them.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as pause } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestRedis, type TestRedis } from '../helpers/backends.js';

const mainJs = fileURLToPath(new URL('../../dist/main.js', import.meta.url));
const haproxyCfg = fileURLToPath(new URL('../../../deploy/haproxy.cfg', import.meta.url));
const HAPROXY = '/usr/sbin/haproxy';
const adminUrl = process.env.TEST_DATABASE_URL;
const runnable = Boolean(adminUrl && process.env.TEST_REDIS_URL && existsSync(HAPROXY));

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** Polls `check` until it holds: for states only observable by asking (HAProxy's view, a cache). */
async function until<T>(what: string, check: () => Promise<T | undefined | false>, limitMs = 60_000): Promise<T> {
  const deadline = Date.now() + limitMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}`);
    await pause(20);
  }
}

interface Instance {
  port: number;
  url: string;
  child: ChildProcess;
  exited: Promise<number | null>;
  tail: () => string;
}

interface Fleet {
  env: Record<string, string>;
  instances: Instance[];
  balancer: string;
  socket: string;
}

async function startInstance(port: number, env: Record<string, string>): Promise<Instance> {
  let tail = '';
  const child = spawn(process.execPath, [mainJs], {
    env: { PATH: process.env.PATH ?? '', HOST: '127.0.0.1', PORT: String(port), WEB_DIST: '/nonexistent', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const keep = (chunk: Buffer) => (tail = (tail + chunk.toString()).slice(-8_000));
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const ready = new Promise<void>((resolve) => {
    const onData = () => {
      if (!tail.includes('marquee ready')) return;
      child.stdout?.off('data', onData);
      resolve();
    };
    child.stdout?.on('data', onData);
  });
  await Promise.race([ready, exited.then((code) => Promise.reject(new Error(`instance on ${port} exited (${code}): ${tail}`)))]);
  return { port, url: `http://127.0.0.1:${port}`, child, exited, tail: () => tail };
}

/** HAProxy's status of each server of the backend: UP, DOWN, "UP 1/2", … */
function haproxyStatus(socket: string): Promise<Map<string, string>> {
  return new Promise((resolve, reject) => {
    let text = '';
    const connection = net.connect(socket, () => connection.end('show stat\n'));
    connection.on('data', (chunk) => (text += chunk));
    connection.on('error', reject);
    connection.on('end', () => {
      const [header = '', ...rows] = text.trim().split('\n');
      const columns = header.replace(/^# /, '').split(',');
      const name = columns.indexOf('svname');
      const status = columns.indexOf('status');
      const proxy = columns.indexOf('pxname');
      const states = new Map<string, string>();
      for (const row of rows) {
        const cells = row.split(',');
        if (cells[proxy] === 'marquee_instances' && cells[name]?.startsWith('marquee')) states.set(cells[name], cells[status] ?? '');
      }
      resolve(states);
    });
  });
}

const serverName = (index: number) => `marquee${index + 1}`;

async function json<T>(response: Response): Promise<T> {
  return (await response.json()) as T;
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

/** Steady load through the balancer: a few clients in a loop, each request checked. */
class Load {
  served = 0;
  readonly failures: string[] = [];
  private running = true;
  private readonly workers: Promise<void>[] = [];

  constructor(clients: ((n: number) => Promise<string | null>)[]) {
    this.workers = clients.map(async (client) => {
      for (let n = 0; this.running; n++) {
        try {
          const problem = await client(n);
          if (problem === null) this.served++;
          else this.failures.push(problem);
        } catch (error) {
          this.failures.push(`network: ${(error as Error).cause ?? (error as Error).message}`);
        }
      }
    });
  }

  /** Resolves once `count` more requests have been served. */
  async serves(count: number): Promise<void> {
    const target = this.served + count;
    await until(`${count} more requests served`, async () => this.served >= target);
  }

  async stop(): Promise<void> {
    this.running = false;
    await Promise.all(this.workers);
  }
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;

describe.skipIf(!runnable)('a fleet of three instances behind HAProxy (deploy/haproxy.cfg)', () => {
  let fleet: Fleet;
  let redis: TestRedis;
  let database: string;
  let workDir: string;
  let haproxy: ChildProcess;

  beforeAll(async () => {
    redis = openTestRedis() as TestRedis;
    database = `marquee_fleet_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${database}`);
    await admin.end();
    const url = new URL(adminUrl as string);
    url.pathname = `/${database}`;
    workDir = await mkdtemp(path.join(tmpdir(), 'marquee-fleet-'));
    const env = {
      DATABASE_URL: url.toString(),
      REDIS_URL: process.env.TEST_REDIS_URL as string,
      REDIS_KEY_PREFIX: redis.prefix,
      DATA_DIR: workDir,
    };
    const ports = await Promise.all([freePort(), freePort(), freePort()]);
    // Started together on an empty database: the migrations run once, under the advisory lock.
    const instances = await Promise.all(ports.map((port) => startInstance(port, env)));
    const balancerPort = await freePort();
    const socket = path.join(workDir, 'haproxy.sock');
    haproxy = spawn(HAPROXY, ['-db', '-f', haproxyCfg], {
      env: {
        PATH: process.env.PATH ?? '',
        MARQUEE_BIND: `127.0.0.1:${balancerPort}`,
        MARQUEE_HAPROXY_SOCKET: socket,
        ...Object.fromEntries(ports.map((port, index) => [`MARQUEE_INSTANCE_${index + 1}`, `127.0.0.1:${port}`])),
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    fleet = { env, instances, balancer: `http://127.0.0.1:${balancerPort}`, socket };
    await until('HAProxy to see three instances up', async () => {
      if (!existsSync(socket)) return false;
      const states = await haproxyStatus(socket);
      return [0, 1, 2].every((index) => states.get(serverName(index)) === 'UP');
    });
  }, 180_000);

  afterAll(async () => {
    haproxy?.kill('SIGTERM');
    for (const instance of fleet?.instances ?? []) instance.child.kill('SIGKILL');
    await Promise.all((fleet?.instances ?? []).map((instance) => instance.exited));
    const dropper = new pg.Client({ connectionString: adminUrl });
    await dropper.connect();
    await dropper.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await dropper.end();
    await redis?.cleanup();
    await rm(workDir, { recursive: true, force: true });
  });

  let email: string;
  let titleId: number;

  it('signs in on one instance and is served on the others; My List changes show everywhere; a logout is refused everywhere', async () => {
    const [a, b, c] = fleet.instances as [Instance, Instance, Instance];
    email = `fleet-${randomBytes(4).toString('hex')}@example.com`;
    const registered = await fetch(`${fleet.balancer}/api/auth/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: 'a long password', name: 'Fleet' }),
    });
    expect(registered.status).toBe(201);
    const popular = await json<{ results: { id: number }[] }>(await fetch(`${fleet.balancer}/api/movies/popular`));
    titleId = popular.results[0]?.id as number;
    expect(titleId).toBeGreaterThan(0);

    const login = async (on: Instance) => {
      const response = await fetch(`${on.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password: 'a long password' }),
      });
      expect(response.status).toBe(200);
      return (await json<{ access_token: string }>(response)).access_token;
    };

    // No JWT_SECRET: the generated secret lives in the database, so every instance verifies alike.
    const token = await login(a);
    for (const other of [b, c]) expect((await fetch(`${other.url}/api/auth/me`, { headers: bearer(token) })).status).toBe(200);

    // My List: read on b and c (so they cache it), change it on a, see the change on b and c.
    const listed = async (on: Instance) =>
      (await json<{ results: { id: number }[] }>(await fetch(`${on.url}/api/watchlist`, { headers: bearer(token) }))).results.map((t) => t.id);
    expect(await listed(b)).toEqual([]);
    expect(await listed(c)).toEqual([]);
    expect((await fetch(`${a.url}/api/watchlist/${titleId}`, { method: 'POST', headers: bearer(token) })).status).toBe(201);
    for (const other of [b, c]) await until('the added title on another instance', async () => (await listed(other)).includes(titleId));
    expect((await fetch(`${b.url}/api/watchlist/${titleId}`, { method: 'DELETE', headers: bearer(token) })).status).toBe(204);
    for (const other of [a, c]) await until('the removal on another instance', async () => (await listed(other)).length === 0);

    // Logout on one instance: refused there at once, and on the others once the change
    // notification arrives. Measured over 100 sessions, each known to the other instances first.
    const delays: number[] = [];
    for (let attempt = 0; attempt < 100; attempt++) {
      const [here, ...others] = [a, b, c].slice(attempt % 3).concat([a, b, c].slice(0, attempt % 3)) as [Instance, Instance, Instance];
      const session = await login(here);
      for (const other of others) expect((await fetch(`${other.url}/api/auth/me`, { headers: bearer(session) })).status).toBe(200);
      expect((await fetch(`${here.url}/api/auth/logout`, { method: 'POST', headers: bearer(session) })).status).toBe(204);
      const loggedOut = performance.now();
      expect((await fetch(`${here.url}/api/auth/me`, { headers: bearer(session) })).status).toBe(401);
      for (const other of others) {
        await until('the logout to reach another instance', async () => (await fetch(`${other.url}/api/auth/me`, { headers: bearer(session) })).status === 401);
        delays.push(performance.now() - loggedOut);
      }
    }
    delays.sort((x, y) => x - y);
    console.log(
      `fleet: logout refused on the other instances after p50 ${percentile(delays, 50).toFixed(1)} ms, p99 ${percentile(delays, 99).toFixed(1)} ms, max ${percentile(delays, 100).toFixed(1)} ms (${delays.length} refusals; each includes one /me round trip)`,
    );
    expect(delays).toHaveLength(200);
  }, 180_000);

  it('restarts every instance in turn under steady load without a failed request, and loses only in-flight requests to a kill -9', async () => {
    const login = await fetch(`${fleet.balancer}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: 'a long password' }),
    });
    const { access_token: token } = await json<{ access_token: string }>(login);
    const expect200 = async (response: Response, what: string, ok: number[] = [200]) => {
      await response.arrayBuffer();
      return ok.includes(response.status) ? null : `${what} → ${response.status}`;
    };
    const clients = [
      () => fetch(`${fleet.balancer}/api/movies/popular?page=2`).then((r) => expect200(r, 'GET popular')),
      () => fetch(`${fleet.balancer}/api/watchlist`, { headers: bearer(token) }).then((r) => expect200(r, 'GET watchlist')),
      () => fetch(`${fleet.balancer}/api/auth/me`, { headers: bearer(token) }).then((r) => expect200(r, 'GET me')),
      (n: number) =>
        n % 2 === 0
          ? fetch(`${fleet.balancer}/api/watchlist/${titleId}`, { method: 'POST', headers: bearer(token) }).then((r) => expect200(r, 'POST watchlist', [200, 201]))
          : fetch(`${fleet.balancer}/api/watchlist/${titleId}`, { method: 'DELETE', headers: bearer(token) }).then((r) => expect200(r, 'DELETE watchlist', [204])),
    ];

    const load = new Load(clients);
    await load.serves(50);
    for (let index = 0; index < fleet.instances.length; index++) {
      const old = fleet.instances[index] as Instance;
      old.child.kill('SIGTERM');
      // Draining: HAProxy takes it out of the rotation while it still answers, then it exits cleanly.
      await until('HAProxy to take the draining instance out', async () => (await haproxyStatus(fleet.socket)).get(serverName(index))?.startsWith('DOWN'));
      expect(await old.exited).toBe(0);
      await load.serves(20);
      fleet.instances[index] = await startInstance(old.port, fleet.env);
      await until('HAProxy to take the new instance in', async () => (await haproxyStatus(fleet.socket)).get(serverName(index)) === 'UP');
      await load.serves(20);
    }
    await load.stop();
    console.log(`fleet: rolling restart of 3 instances: ${load.served} requests served, ${load.failures.length} failed`);
    expect(load.failures).toEqual([]);
    expect(load.served).toBeGreaterThan(150);

    const underKill = new Load(clients);
    await underKill.serves(50);
    const victim = fleet.instances[0] as Instance;
    victim.child.kill('SIGKILL');
    await victim.exited;
    await until('HAProxy to take the killed instance out', async () => (await haproxyStatus(fleet.socket)).get(serverName(0))?.startsWith('DOWN'));
    await underKill.serves(50);
    await underKill.stop();
    console.log(`fleet: kill -9 of one instance under load: ${underKill.served} requests served, ${underKill.failures.length} failed ${JSON.stringify(underKill.failures)}`);
    // Only requests in flight on the killed instance may fail: at most one per client.
    expect(underKill.failures.length).toBeLessThanOrEqual(clients.length);
    fleet.instances[0] = await startInstance(victim.port, fleet.env);
  }, 300_000);
});
