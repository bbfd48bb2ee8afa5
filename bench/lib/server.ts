/**
 * Starts the built server (`node server/dist/main.js`) as a child process on a free port with a
 * temporary DATA_DIR and LOG_LEVEL=warn, and waits until `/healthz` (or `readyPath`) answers 2xx.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { freePort } from './ports.js';
import { repoRoot } from './results.js';

export interface RunningServer {
  url: string;
  port: number;
  dataDir: string;
  child: ChildProcess;
  /** Milliseconds from spawn to the first 2xx from the ready path. */
  readyMs: number;
  stop(): Promise<void>;
}

export interface StartOptions {
  /** Added to (or overriding) the server's environment, which inherits only PATH and HOME. */
  env?: Record<string, string>;
  readyTimeoutMs?: number;
  /** The path polled until it answers 2xx: `/healthz` (listening) by default, `/readyz` for "database ready". */
  readyPath?: string;
  /** Milliseconds between two polls of the ready path (default 50; smaller measures readyMs finer). */
  pollMs?: number;
  /** The server's stdout: inherited by default, `ignore` to keep the bench's own output alone. */
  stdout?: 'inherit' | 'ignore';
}

export async function startServer(options: StartOptions = {}): Promise<RunningServer> {
  const entry = path.join(repoRoot, 'server/dist/main.js');
  if (!existsSync(entry)) throw new Error('server/dist/main.js is missing: run `npm run build -w @marquee/contracts -w @marquee/server` first');
  const port = await freePort();
  const dataDir = await mkdtemp(path.join(tmpdir(), 'marquee-bench-'));
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '/tmp',
    NODE_ENV: 'development',
    HOST: '127.0.0.1',
    PORT: String(port),
    DATA_DIR: dataDir,
    LOG_LEVEL: 'warn',
    // Stopping ends the measurement: no load balancer to wait for.
    DRAIN_SECONDS: '0',
    ...options.env,
  };
  const started = performance.now();
  const child = spawn(process.execPath, [entry], { cwd: repoRoot, env, stdio: ['ignore', options.stdout ?? 'inherit', 'inherit'] });
  const url = `http://127.0.0.1:${port}`;
  const readyPath = options.readyPath ?? '/healthz';
  const deadline = Date.now() + (options.readyTimeoutMs ?? 60_000);
  let exited = false;
  child.once('exit', () => {
    exited = true;
  });
  for (;;) {
    if (exited) throw new Error(`server exited before it was ready (exit code ${child.exitCode})`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error('server was not ready in time');
    }
    try {
      const res = await fetch(`${url}${readyPath}`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    await sleep(options.pollMs ?? 50);
  }
  const readyMs = Math.round(performance.now() - started);
  return {
    url,
    port,
    dataDir,
    child,
    readyMs,
    stop: async () => {
      if (!exited) {
        const gone = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await Promise.race([gone, sleep(15_000)]);
        if (!exited) child.kill('SIGKILL');
      }
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
