/**
 * The process as `npm start` runs it (build current): start-to-ready and idle RSS, on the embedded
 * database (a first start on an empty DATA_DIR, then five restarts) and on PostgreSQL (first start,
 * five restarts); medians of the restarts; and SIGTERM sent to npm reaching the server (it drains and exits, npm with it).
 *
 *   npm run build && npx tsx bench/process-bench.ts
 *
 * PostgreSQL: a throwaway database on BENCH_DATABASE_URL (else TEST_DATABASE_URL), skipped when
 * neither is set. Targets: idle RSS ≤ 250 MiB (PGlite) and ≤ 150 MiB (PostgreSQL); restart to
 * ready ≤ 2 s. The machine's load stretches wall times; the CPU time the server used until ready
 * is printed beside them. Writes bench/results/process.json.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { median } from './lib/compare.js';
import { freePort } from './lib/ports.js';
import { repoRoot, writeResults } from './lib/results.js';

const IDLE_MS = 5_000;
/** Restarts per database: start-up is short, so one run says little on a shared machine. */
const RESTARTS = 5;

interface Run {
  label: string;
  readyMs: number;
  /** CPU time the server process used until ready: what the wall time would be on an idle core. */
  readyCpuMs: number;
  idleRssMiB: number;
  exitedOnSigterm: boolean;
}

async function rssMiB(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const match = /^VmRSS:\s+(\d+) kB$/m.exec(status);
  if (!match?.[1]) throw new Error('no VmRSS');
  return Math.round(Number(match[1]) / 102.4) / 10;
}

/** User + system CPU time of `pid` so far (from /proc/<pid>/stat; clock ticks of 10 ms). */
async function cpuMs(pid: number): Promise<number> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

async function npmStart(label: string, env: Record<string, string>): Promise<Run> {
  const port = await freePort();
  const started = performance.now();
  const npm = spawn('npm', ['start', '--silent'], {
    cwd: repoRoot,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', HOST: '127.0.0.1', PORT: String(port), LOG_LEVEL: 'warn', DRAIN_SECONDS: '0', ...env },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const npmExited = new Promise<void>((resolve) => npm.once('exit', () => resolve()));
  for (;;) {
    if (npm.exitCode !== null) throw new Error(`${label}: npm start exited (${npm.exitCode})`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}/readyz`)).ok) break;
    } catch {
      // not listening yet
    }
    await sleep(20);
  }
  const readyMs = Math.round(performance.now() - started);
  // `exec` in the start script: npm's child is the server's node process itself.
  const children = (await readFile(`/proc/${npm.pid}/task/${npm.pid}/children`, 'utf8')).trim().split(/\s+/).map(Number);
  const server = children.find((pid) => Number.isInteger(pid) && pid > 0) as number;
  const readyCpuMs = await cpuMs(server);
  await sleep(IDLE_MS);
  const idleRssMiB = await rssMiB(server);
  npm.kill('SIGTERM');
  await npmExited;
  let exitedOnSigterm = false;
  try {
    await readFile(`/proc/${server}/status`, 'utf8');
  } catch {
    exitedOnSigterm = true;
  }
  const run = { label, readyMs, readyCpuMs, idleRssMiB, exitedOnSigterm };
  console.log(`${label.padEnd(28)} ready in ${String(readyMs).padStart(6)} ms (${readyCpuMs} ms of CPU) · idle RSS ${idleRssMiB} MiB · server gone after SIGTERM to npm: ${exitedOnSigterm}`);
  return run;
}

async function main() {
  const runs: Run[] = [];
  const dataDir = await mkdtemp(path.join(tmpdir(), 'marquee-process-bench-'));
  try {
    runs.push(await npmStart('PGlite, first start', { DATA_DIR: dataDir }));
    for (let i = 1; i <= RESTARTS; i++) runs.push(await npmStart(`PGlite, restart ${i}`, { DATA_DIR: dataDir }));
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
  const adminUrl = process.env.BENCH_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (adminUrl) {
    const name = `marquee_bench_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    try {
      runs.push(await npmStart('PostgreSQL, first start', { DATABASE_URL: url.toString(), DATA_DIR: tmpdir() }));
      for (let i = 1; i <= RESTARTS; i++) runs.push(await npmStart(`PostgreSQL, restart ${i}`, { DATABASE_URL: url.toString(), DATA_DIR: tmpdir() }));
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    }
  }
  const restarts = (kind: string) => runs.filter((run) => run.label.startsWith(`${kind}, restart`));
  const summary = Object.fromEntries(
    ['PGlite', 'PostgreSQL'].map((kind) => [kind, { restartReadyMsMedian: median(restarts(kind).map((run) => run.readyMs)), restartCpuMsMedian: median(restarts(kind).map((run) => run.readyCpuMs)) }]),
  );
  for (const [kind, figures] of Object.entries(summary)) {
    console.log(`${kind}: restart to ready, median of ${RESTARTS}: ${figures.restartReadyMsMedian} ms (${figures.restartCpuMsMedian} ms of CPU)`);
  }
  const file = await writeResults('process', { idleMs: IDLE_MS, targets: { pgliteRssMiB: 250, postgresRssMiB: 150, restartReadyMs: 2000 }, summary, runs });
  console.log(`results: ${file}`);
}

main().catch((error: unknown) => {
  process.stderr.write(`process bench failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
