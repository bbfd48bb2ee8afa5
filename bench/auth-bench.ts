/**
 * Auth benchmark: starts the built server as a child process (embedded PGlite in a temp DATA_DIR)
 * and measures time-to-ready, idle RSS, and register / login / me throughput and latency with wrk.
 *
 *   npm run build -w @marquee/contracts -w @marquee/server && npx tsx bench/auth-bench.ts
 *
 * Options (environment): BENCH_DURATION (seconds per scenario, default 10), BENCH_CONNECTIONS
 * (default 16), BENCH_THREADS (default 2). Writes bench/results/auth.json.
 */
import { spawn, execFile, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);
const benchDir = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(benchDir, '..');
const serverEntry = path.join(root, 'server/dist/main.js');
const duration = Number(process.env.BENCH_DURATION ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 16);
const threads = Number(process.env.BENCH_THREADS ?? 2);

interface WrkResult {
  requests: number;
  duration_us: number;
  non_2xx: number;
  socket_errors: number;
  p50_us: number;
  p99_us: number;
  max_us: number;
}

interface Scenario {
  name: string;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  non2xx: number;
  socketErrors: number;
}

/** A port nobody listens on right now. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

async function waitUntilReady(base: string, child: ChildProcess, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      const res = await fetch(`${base}/readyz`);
      if (res.status === 200) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error('server not ready in time');
}

async function rssKiB(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const match = /^VmRSS:\s+(\d+) kB$/m.exec(status);
  if (!match?.[1]) throw new Error('no VmRSS');
  return Number(match[1]);
}

async function wrk(name: string, url: string, script: string, env: Record<string, string>): Promise<Scenario> {
  const { stdout } = await run(
    'wrk',
    [`-t${threads}`, `-c${connections}`, `-d${duration}s`, '--timeout', '10s', '-s', path.join(benchDir, script), url],
    { env: { ...process.env, BENCH_DIR: benchDir, ...env }, maxBuffer: 1 << 20 },
  );
  const line = stdout.split('\n').find((text) => text.startsWith('BENCH_JSON '));
  if (!line) throw new Error(`wrk printed no result:\n${stdout}`);
  const result = JSON.parse(line.slice('BENCH_JSON '.length)) as WrkResult;
  return {
    name,
    requestsPerSecond: Math.round((result.requests / result.duration_us) * 1e6 * 10) / 10,
    p50Ms: Math.round(result.p50_us / 100) / 10,
    p99Ms: Math.round(result.p99_us / 100) / 10,
    requests: result.requests,
    non2xx: result.non_2xx,
    socketErrors: result.socket_errors,
  };
}

async function postJson(url: string, body: unknown): Promise<{ status: number; json: Record<string, unknown>; ms: number }> {
  const started = performance.now();
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const json = (await res.json()) as Record<string, unknown>;
  return { status: res.status, json, ms: performance.now() - started };
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
};

async function main() {
  if (!existsSync(serverEntry)) {
    throw new Error('server/dist/main.js is missing: run `npm run build -w @marquee/contracts -w @marquee/server` first');
  }
  // Other work on the machine skews every figure: the load average is recorded with them.
  const loadBefore = Math.round((loadavg()[0] ?? 0) * 100) / 100;
  const dataDir = await mkdtemp(path.join(tmpdir(), 'marquee-bench-'));
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const started = performance.now();
  const child = spawn(process.execPath, [serverEntry], {
    cwd: root,
    env: {
      PATH: process.env.PATH ?? '',
      DATA_DIR: dataDir,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      // One client (wrk) registers hundreds of accounts a minute here; production keeps the default 30.
      REGISTER_RATE_LIMIT: '1000000',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  try {
    await waitUntilReady(base, child);
    const readyMs = Math.round(performance.now() - started);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const idleRssKiB = await rssKiB(child.pid!);

    // Timing of the two 401s: an unknown email verifies a dummy hash, so it costs what a wrong
    // password costs. Sequential, 12 of each (the client allowance is 30 failures per 15 minutes).
    const account = { email: 'bench-login@example.com', password: 'bench password 123', name: 'Bench' };
    const registered = await postJson(`${base}/api/auth/register`, account);
    if (registered.status !== 201) throw new Error(`registration failed: ${registered.status}`);
    const unknownMs: number[] = [];
    const wrongMs: number[] = [];
    for (let i = 0; i < 12; i += 1) {
      unknownMs.push((await postJson(`${base}/api/auth/login`, { email: `nobody-${i}@example.com`, password: account.password })).ms);
      // Different accounts' wrong passwords would need more registrations; the email limit is 10, so
      // the wrong-password timing uses a fresh account every 9 attempts.
      const target = i < 9 ? account.email : 'bench-login-2@example.com';
      if (i === 9) await postJson(`${base}/api/auth/register`, { ...account, email: target });
      wrongMs.push((await postJson(`${base}/api/auth/login`, { email: target, password: 'not the password' })).ms);
    }
    // A success resets the first account's count before the login scenario.
    const signedIn = await postJson(`${base}/api/auth/login`, { email: account.email, password: account.password });
    if (signedIn.status !== 200) throw new Error(`login failed: ${signedIn.status}`);

    const scenarios = [
      await wrk('POST /api/auth/register', `${base}/api/auth/register`, 'auth-register.lua', { BENCH_RUN: String(Date.now()) }),
      await wrk('POST /api/auth/login', `${base}/api/auth/login`, 'auth-login.lua', { BENCH_EMAIL: account.email, BENCH_PASSWORD: account.password }),
      await wrk('GET /api/auth/me', `${base}/api/auth/me`, 'auth-me.lua', { BENCH_TOKEN: String(signedIn.json.access_token) }),
    ];
    const loadedRssKiB = await rssKiB(child.pid!);

    const result = {
      date: new Date().toISOString(),
      machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? 'unknown', node: process.version, loadAverage1mBefore: loadBefore },
      setup: { database: 'pglite', durationSeconds: duration, connections, threads },
      timeToReadyMs: readyMs,
      idleRssMiB: Math.round(idleRssKiB / 102.4) / 10,
      rssAfterLoadMiB: Math.round(loadedRssKiB / 102.4) / 10,
      login401MedianMs: { unknownEmail: Math.round(median(unknownMs) * 10) / 10, wrongPassword: Math.round(median(wrongMs) * 10) / 10 },
      scenarios,
    };

    console.log(
      `\nauth bench — ${result.machine.cpus} CPU (load ${loadBefore} before), ${result.machine.node}, PGlite, wrk -t${threads} -c${connections} -d${duration}s`,
    );
    console.log(`time to ready ${result.timeToReadyMs} ms · idle RSS ${result.idleRssMiB} MiB · RSS after load ${result.rssAfterLoadMiB} MiB`);
    console.log(`login 401 median: unknown email ${result.login401MedianMs.unknownEmail} ms · wrong password ${result.login401MedianMs.wrongPassword} ms\n`);
    console.table(
      Object.fromEntries(
        scenarios.map((s) => [s.name, { 'req/s': s.requestsPerSecond, 'p50 ms': s.p50Ms, 'p99 ms': s.p99Ms, requests: s.requests, 'non-2xx': s.non2xx, 'socket errors': s.socketErrors }]),
      ),
    );
    await mkdir(path.join(benchDir, 'results'), { recursive: true });
    await writeFile(path.join(benchDir, 'results/auth.json'), `${JSON.stringify(result, null, 2)}\n`);
    console.log('written to bench/results/auth.json');
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => (child.exitCode !== null ? resolve(null) : child.once('exit', resolve)));
    await rm(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
