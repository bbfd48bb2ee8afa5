/**
 * Auth benchmark: starts the built server as a child process (embedded PGlite in a temp DATA_DIR)
 * and measures time-to-ready, idle RSS, and register / login / me throughput and latency with wrk.
 *
 *   npm run build -w @marquee/contracts -w @marquee/server && npx tsx bench/auth-bench.ts
 *
 * Options (environment): BENCH_DURATION (seconds per scenario, default 10), BENCH_CONNECTIONS
 * (default 16), BENCH_THREADS (default 2). Writes bench/results/auth.json.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { machine, median, startServer, wrkOutput, writeJson } from './lib/index.js';

const benchDir = path.dirname(fileURLToPath(import.meta.url));
const duration = Number(process.env.BENCH_DURATION ?? 10);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 16);
const threads = Number(process.env.BENCH_THREADS ?? 2);

/** The JSON line `auth-report.lua` prints. */
interface AuthReport {
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

async function rssKiB(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const match = /^VmRSS:\s+(\d+) kB$/m.exec(status);
  if (!match?.[1]) throw new Error('no VmRSS');
  return Number(match[1]);
}

async function wrk(name: string, url: string, script: string, env: Record<string, string>): Promise<Scenario> {
  const stdout = await wrkOutput(url, {
    threads,
    connections,
    duration: `${duration}s`,
    timeout: '10s',
    script: path.join(benchDir, script),
    env: { BENCH_DIR: benchDir, ...env },
  });
  const line = stdout.split('\n').find((text) => text.startsWith('BENCH_JSON '));
  if (!line) throw new Error(`wrk printed no result:\n${stdout}`);
  const result = JSON.parse(line.slice('BENCH_JSON '.length)) as AuthReport;
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

async function main() {
  // Other work on the machine skews every figure: the load average is recorded with them.
  const { cpus, cpuModel, node, loadAverage } = machine();
  const loadBefore = loadAverage[0] ?? 0;
  const server = await startServer({
    // Time to ready includes the database: poll /readyz, often, so the figure is not rounded up.
    readyPath: '/readyz',
    pollMs: 5,
    // One client (wrk) registers hundreds of accounts a minute here; production keeps the default 30.
    env: { REGISTER_RATE_LIMIT: '1000000' },
  });
  const base = server.url;
  const pid = server.child.pid!;
  try {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const idleRssKiB = await rssKiB(pid);

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
    const loadedRssKiB = await rssKiB(pid);

    const result = {
      date: new Date().toISOString(),
      machine: { cpus, cpuModel, node, loadAverage1mBefore: loadBefore },
      setup: { database: 'pglite', durationSeconds: duration, connections, threads },
      timeToReadyMs: server.readyMs,
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
    await writeJson('auth', result);
    console.log('written to bench/results/auth.json');
  } finally {
    await server.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
