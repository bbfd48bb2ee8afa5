/**
 * Discovery benchmark: from the built server (embedded catalog, PGlite), vs a minimal Fastify app
 * and bare node:http answering the same bytes and headers, interleaved in one run:
 *
 * - `GET /api/movies/{id}/similar` — a cached "more like this" page (anonymous, public);
 * - `GET /api/movies/{id}/credits` — a cached credits answer;
 * - `GET /api/movies/{id}` with a token — the shared cached details plus the profile's `my_rating`
 *   (one primary-key lookup per request);
 * - `GET /api/recommendations` with a token, warm cache — three rows made from a profile's thumbs
 *   and My List (two indexed reads per request, the similar pages from the cache).
 *
 *   npm run build -w @marquee/contracts -w @marquee/server && npx tsx bench/discovery-bench.ts
 *
 * Options: `--rounds=3`, `--duration=10s`, `--connections=50`. Targets: ≥ 0.7 of bare for the
 * cached public routes; ≥ 0.3 of bare for the per-profile answers (they read the database).
 * Writes bench/results/discovery.json.
 */
import { compare, snapshot, startBare, startServer, writeResults, type Comparison } from './lib/index.js';

const arg = (name: string, fallback: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback;
const rounds = Number(arg('rounds', '3'));
const duration = arg('duration', '10s');
const connections = Number(arg('connections', '50'));

async function json<T>(url: string, init: RequestInit = {}): Promise<T> {
  const res = await fetch(url, { ...init, headers: { 'content-type': 'application/json', ...init.headers } });
  if (!res.ok) throw new Error(`${init.method ?? 'GET'} ${url} answered ${res.status}`);
  return (await res.json()) as T;
}

async function idOf(base: string, name: string, mediaType = 'movie'): Promise<number> {
  const { results } = await json<{ results: { id: number; title: string; media_type: string }[] }>(`${base}/api/movies/search?q=${encodeURIComponent(name)}`);
  const found = results.find((title) => title.title === name && title.media_type === mediaType);
  if (!found) throw new Error(`${name} not found`);
  return found.id;
}

async function main() {
  // A fresh PGlite cluster is created at start; on a busy machine that takes a while.
  const server = await startServer({ env: {}, readyTimeoutMs: 180_000 });
  const comparisons: { comparison: Comparison; target: number }[] = [];
  try {
    const base = server.url;
    const godfather = await idOf(base, 'The Godfather');
    const darkKnight = await idOf(base, 'The Dark Knight');
    const breakingBad = await idOf(base, 'Breaking Bad', 'tv');
    const { access_token: token } = await json<{ access_token: string }>(`${base}/api/auth/register`, {
      method: 'POST',
      body: JSON.stringify({ email: `bench-discovery-${Date.now()}@example.com`, password: 'benchmark password', name: 'Bench' }),
    });
    const headers = { authorization: `Bearer ${token}` };
    await json(`${base}/api/ratings/${godfather}`, { method: 'PUT', headers, body: JSON.stringify({ rating: 'up' }) });
    await json(`${base}/api/ratings/${breakingBad}?media_type=tv`, { method: 'PUT', headers, body: JSON.stringify({ rating: 'up' }) });
    await fetch(`${base}/api/watchlist/${darkKnight}`, { method: 'POST', headers });

    const scenarios = [
      { label: 'similar (cached)', path: `/api/movies/${godfather}/similar`, headers: {}, target: 0.7 },
      { label: 'credits (cached)', path: `/api/movies/${godfather}/credits`, headers: {}, target: 0.7 },
      { label: 'details + my_rating', path: `/api/movies/${godfather}`, headers, target: 0.3 },
      { label: 'recommendations (warm)', path: '/api/recommendations', headers, target: 0.3 },
    ];
    for (const scenario of scenarios) {
      const url = `${base}${scenario.path}`;
      // The first request fills the caches; every measured request is a warm one.
      const answer = await snapshot(url, scenario.headers);
      if (answer.status !== 200) throw new Error(`${scenario.path} answered ${answer.status}`);
      const pathname = new URL(url).pathname;
      const fastify = await startBare(pathname, answer, 'fastify');
      const bare = await startBare(pathname, answer);
      try {
        process.stdout.write(`${scenario.label}: ${answer.body.length} bytes\n`);
        const comparison = await compare(
          scenario.label,
          [
            { name: 'ours', url, headers: scenario.headers },
            { name: 'fastify', url: fastify.url },
            { name: 'bare', url: bare.url },
          ],
          { rounds, duration, connections, threads: 1 },
        );
        comparisons.push({ comparison, target: scenario.target });
      } finally {
        await fastify.stop();
        await bare.stop();
      }
    }
  } finally {
    await server.stop();
  }
  process.stdout.write('\nscenario                   ours req/s   fastify req/s   bare req/s   ÷fastify   ÷bare   ours p99   verdict\n');
  const summary = comparisons.map(({ comparison: c, target }) => {
    const ours = c.median.ours!;
    const fastify = c.median.fastify!;
    const bare = c.median.bare!;
    const ratios = { fastify: c.ratios.fastify!, bare: c.ratios.bare! };
    const pass = ratios.bare >= target;
    process.stdout.write(
      `${c.scenario.padEnd(26)} ${String(ours.requestsPerSec).padStart(10)}   ${String(fastify.requestsPerSec).padStart(13)}   ${String(bare.requestsPerSec).padStart(10)}   ${ratios.fastify.toFixed(2).padStart(8)}   ${ratios.bare.toFixed(2).padStart(5)}   ${ours.p99Ms.toFixed(2).padStart(6)} ms   ${pass ? 'meets target' : 'BELOW TARGET'}\n`,
    );
    return { scenario: c.scenario, ours, fastify, bare, ratios, target, meetsTarget: pass };
  });
  const file = await writeResults('discovery', { wrk: { threads: 1, connections, duration, rounds }, summary });
  process.stdout.write(`\nresults: ${file}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`discovery bench failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
