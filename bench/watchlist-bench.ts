/**
 * Watchlist benchmark: authenticated `GET /api/watchlist` holding 50 titles, from the built server,
 * vs a minimal Fastify app and a bare node:http server answering the same bytes and headers,
 * interleaved in one run — on PGlite and,
 * when BENCH_DATABASE_URL (an admin URL such as postgres://postgres@127.0.0.1:5432/postgres) is
 * set, on PostgreSQL (a fresh database, dropped afterwards).
 *
 *   npm run build -w @marquee/contracts -w @marquee/server && npx tsx bench/watchlist-bench.ts
 *
 * Options: `--rounds=3`, `--duration=10s`, `--connections=50`. Target: ≥ 0.5 of bare.
 * Writes bench/results/watchlist.json.
 */
import pg from 'pg';
import { compare, snapshot, startBare, startServer, writeResults } from './lib/index.js';

const arg = (name: string, fallback: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback;
const rounds = Number(arg('rounds', '3'));
const duration = arg('duration', '10s');
const connections = Number(arg('connections', '50'));
const TARGET_RATIO = 0.5;
const TITLES = 50;

async function json<T>(url: string, init: RequestInit = {}): Promise<T> {
  const res = await fetch(url, { ...init, headers: { 'content-type': 'application/json', ...init.headers } });
  if (!res.ok) throw new Error(`${init.method ?? 'GET'} ${url} answered ${res.status}`);
  return (await res.json()) as T;
}

/** Registers a user and fills their list with TITLES popular films; returns the bearer header. */
async function seed(base: string): Promise<Record<string, string>> {
  const { access_token: token } = await json<{ access_token: string }>(`${base}/api/auth/register`, {
    method: 'POST',
    body: JSON.stringify({ email: `bench-${Date.now()}@example.com`, password: 'benchmark password', name: 'Bench' }),
  });
  const headers = { authorization: `Bearer ${token}` };
  const ids: number[] = [];
  for (let page = 1; ids.length < TITLES; page += 1) {
    const { results } = await json<{ results: { id: number }[] }>(`${base}/api/movies/popular?page=${page}`);
    ids.push(...results.map((title) => title.id));
  }
  for (const id of ids.slice(0, TITLES)) {
    const res = await fetch(`${base}/api/watchlist/${id}`, { method: 'POST', headers });
    if (res.status !== 201) throw new Error(`adding ${id} answered ${res.status}`);
  }
  return headers;
}

async function run(label: string, env: Record<string, string>) {
  const server = await startServer({ env });
  try {
    const headers = await seed(server.url);
    const url = `${server.url}/api/watchlist`;
    const answer = await snapshot(url, headers);
    const items = (JSON.parse(answer.body.toString()) as { total_results: number }).total_results;
    if (answer.status !== 200 || items !== TITLES) throw new Error(`watchlist answered ${answer.status} with ${items} titles`);
    const fastify = await startBare('/api/watchlist', answer, 'fastify');
    const bare = await startBare('/api/watchlist', answer);
    try {
      process.stdout.write(`watchlist bench on ${label}: ${answer.body.length} bytes, ${TITLES} titles\n`);
      return await compare(
        `GET /api/watchlist (${label})`,
        [
          { name: 'ours', url, headers },
          { name: 'fastify', url: fastify.url },
          { name: 'bare', url: bare.url },
        ],
        { rounds, duration, connections, threads: 1 },
      );
    } finally {
      await fastify.stop();
      await bare.stop();
    }
  } finally {
    await server.stop();
  }
}

async function main() {
  const results = [await run('pglite', {})];
  const adminUrl = process.env.BENCH_DATABASE_URL;
  if (adminUrl) {
    const name = `marquee_bench_${Date.now()}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    try {
      results.push(await run('postgres', { DATABASE_URL: url.toString() }));
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    }
  }
  process.stdout.write('\nscenario                              ours req/s   fastify req/s   bare req/s   ÷fastify   ÷bare   ours p99   verdict\n');
  const summary = results.map((c) => {
    const ours = c.median.ours!;
    const fastify = c.median.fastify!;
    const bare = c.median.bare!;
    const ratios = { fastify: c.ratios.fastify!, bare: c.ratios.bare! };
    const pass = ratios.bare >= TARGET_RATIO;
    process.stdout.write(
      `${c.scenario.padEnd(37)} ${String(ours.requestsPerSec).padStart(10)}   ${String(fastify.requestsPerSec).padStart(13)}   ${String(bare.requestsPerSec).padStart(10)}   ${ratios.fastify.toFixed(2).padStart(8)}   ${ratios.bare.toFixed(2).padStart(5)}   ${ours.p99Ms.toFixed(2).padStart(6)} ms   ${pass ? 'meets target' : 'BELOW TARGET'}\n`,
    );
    return { scenario: c.scenario, ours, fastify, bare, ratios, meetsTarget: pass };
  });
  const file = await writeResults('watchlist', { wrk: { threads: 1, connections, duration, rounds }, target: { ratio: TARGET_RATIO }, summary });
  process.stdout.write(`\nresults: ${file}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`watchlist bench failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
