/**
 * Starts the built server (`node server/dist/main.js`) as a child process on a free port with a
 * temporary DATA_DIR and LOG_LEVEL=warn, and waits until `/healthz` answers.
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
  /** Milliseconds from spawn to the first 200 from /healthz. */
  readyMs: number;
  stop(): Promise<void>;
}

export async function startServer(options: { env?: Record<string, string>; readyTimeoutMs?: number } = {}): Promise<RunningServer> {
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
    ...options.env,
  };
  const started = performance.now();
  const child = spawn(process.execPath, [entry], { cwd: repoRoot, env, stdio: ['ignore', 'inherit', 'inherit'] });
  const url = `http://127.0.0.1:${port}`;
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
      const res = await fetch(`${url}/healthz`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    await sleep(50);
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
