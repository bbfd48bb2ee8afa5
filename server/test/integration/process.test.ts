/**
 * The server as an operator runs it: the built `dist/main.js` in a child process. Needs
 * `npm run build` (the root test script builds first).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm } from 'node:fs/promises';
import http from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const mainJs = fileURLToPath(new URL('../../dist/main.js', import.meta.url));

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

interface Started {
  child: ChildProcess;
  url: string;
  output: () => string;
  exited: Promise<number | null>;
}

async function start(env: Record<string, string>): Promise<Started> {
  const port = await freePort();
  let output = '';
  const child = spawn(process.execPath, [mainJs], {
    env: { PATH: process.env.PATH ?? '', HOST: '127.0.0.1', PORT: String(port), LOG_LEVEL: 'info', WEB_DIST: '/nonexistent', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  // main.ts logs "marquee ready" once it listens, its database open: waited for, not polled.
  const ready = new Promise<void>((resolve) => {
    const onData = () => {
      if (!output.includes('"msg":"marquee ready: open http://')) return;
      child.stdout?.off('data', onData);
      resolve();
    };
    child.stdout?.on('data', onData);
  });
  await Promise.race([ready, exited]);
  return { child, url: `http://127.0.0.1:${port}`, output: () => output, exited };
}

async function runToExit(env: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, [mainJs], { env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const code = await new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
  return { code, stderr };
}

describe('the server process', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'marquee-process-'));
  });
  afterAll(() => rm(dataDir, { recursive: true, force: true }));

  it('a bad configuration value stops start-up with one line naming the variable', async () => {
    const { code, stderr } = await runToExit({ PORT: 'eighty', DATA_DIR: dataDir });
    expect(code).not.toBe(0);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toContain('PORT');
  });

  it('NODE_ENV=production without JWT_SECRET refuses to start, naming JWT_SECRET', async () => {
    const { code, stderr } = await runToExit({ NODE_ENV: 'production', DATA_DIR: dataDir });
    expect(code).not.toBe(0);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toContain('JWT_SECRET');
  });

  it('a database that cannot be reached at start-up stops it with one line naming where and why, never the password', async () => {
    const closed = await freePort();
    const { code, stderr } = await runToExit({ DATABASE_URL: `postgres://postgres:hunter22@127.0.0.1:${closed}/nothing`, DATA_DIR: dataDir });
    expect(code).toBe(1);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toContain(`cannot reach PostgreSQL at 127.0.0.1:${closed}: connection refused`);
    expect(stderr).not.toContain('hunter22');
  });

  it('starts with zero configuration, keeps users and tokens across a restart, and drains in-flight requests on SIGTERM', async () => {
    const first = await start({ DATA_DIR: dataDir });
    expect((await fetch(`${first.url}/healthz`)).status).toBe(200);
    const registered = await fetch(`${first.url}/api/auth/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'restart@example.com', password: 'a long password', name: 'Restart' }),
    });
    expect(registered.status).toBe(201);
    const { access_token: token } = (await registered.json()) as { access_token: string };

    // A login is in flight (argon2 takes tens of milliseconds) when SIGTERM arrives: it must complete.
    const login = http.request(`${first.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' } });
    const inFlight = once(login, 'response').then(([response]) => (response as http.IncomingMessage).resume().statusCode);
    login.end(JSON.stringify({ email: 'restart@example.com', password: 'a long password' }));
    await once(login, 'finish');
    first.child.kill('SIGTERM');
    expect(await inFlight).toBe(200);
    const code = await first.exited;
    if (code !== 0) console.log(first.output().slice(-3000));
    expect(code).toBe(0);
    expect(first.output()).toContain('draining');
    expect(first.output()).not.toContain('a long password');

    const second = await start({ DATA_DIR: dataDir });
    const me = await fetch(`${second.url}/api/auth/me`, { headers: { authorization: `Bearer ${token}` } });
    expect(me.status).toBe(200);
    expect(((await me.json()) as { email: string }).email).toBe('restart@example.com');
    second.child.kill('SIGINT');
    expect(await second.exited).toBe(0);
    expect(second.output()).not.toContain(token);
  }, 120_000);
});
