/**
 * A bare `node:http` server in a child process that answers one path with exactly the bytes and
 * headers a real response had: what "as fast as Node can serve these bytes" looks like.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { freePort } from './ports.js';

export interface Snapshot {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

/** Headers that belong to one connection or one response, not to the answer. */
const PER_RESPONSE = new Set(['date', 'connection', 'keep-alive', 'content-length', 'transfer-encoding']);

/** One real response (status, answer headers, body bytes), to be replayed by the bare server. */
export async function snapshot(url: string, headers: Record<string, string> = {}): Promise<Snapshot> {
  // As wrk asks: no compression (fetch would otherwise ask for it and hand back decoded bytes).
  const res = await fetch(url, { headers: { 'accept-encoding': 'identity', ...headers } });
  const body = Buffer.from(await res.arrayBuffer());
  const kept: Record<string, string> = {};
  res.headers.forEach((value, name) => {
    if (!PER_RESPONSE.has(name)) kept[name] = value;
  });
  return { status: res.status, headers: kept, body };
}

export interface BareServer {
  url: string;
  stop(): Promise<void>;
}

/**
 * Starts a baseline server answering `path` with `answer`: bare `node:http` (`bare-server.mjs`), or
 * with `kind: 'fastify'` a minimal Fastify app with one route (`fastify-server.mjs`).
 */
export async function startBare(pathname: string, answer: Snapshot, kind: 'bare' | 'fastify' = 'bare'): Promise<BareServer> {
  const port = await freePort();
  const dir = await mkdtemp(path.join(tmpdir(), 'marquee-bare-'));
  const specFile = path.join(dir, 'spec.json');
  await writeFile(specFile, JSON.stringify({ port, path: pathname, status: answer.status, headers: answer.headers, bodyBase64: answer.body.toString('base64') }));
  const script = fileURLToPath(new URL(kind === 'bare' ? './bare-server.mjs' : './fastify-server.mjs', import.meta.url));
  const child = spawn(process.execPath, [script, specFile], { stdio: ['ignore', 'inherit', 'inherit'] });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i += 1) {
    try {
      if ((await fetch(`${base}/healthz`)).ok) break;
    } catch {
      if (i > 200) throw new Error('bare server did not start');
    }
    await sleep(25);
  }
  return {
    url: `${base}${pathname}`,
    stop: async () => {
      const gone = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await Promise.race([gone, sleep(5_000)]);
      await rm(dir, { recursive: true, force: true });
    },
  };
}
