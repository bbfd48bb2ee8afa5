/**
 * Catalog benchmark: cached catalog answers from the built server vs a bare node:http server
 * answering the same bytes and headers, interleaved (ours, bare, ours, bare, …).
 *
 *   npm run build -w @marquee/contracts -w @marquee/server && npx tsx bench/catalog-bench.ts [--mode=embedded|tmdb]
 *
 * Scenarios: `GET /api/movies/popular` (cached) and `GET /api/movies/search?q=star` (cached).
 * `--mode=embedded` (default) runs the offline catalog; `--mode=tmdb` runs against a fake TMDB in
 * this process (only the first request of each scenario reaches it). Options: `--rounds=3`,
 * `--duration=10s`, `--connections=50`. Targets: ≥ 0.8 of bare, p99 < 10 ms at 50 connections.
 * Writes bench/results/catalog-<mode>.json.
 */
import { compare, snapshot, startBare, startServer, writeResults, type Comparison } from './lib/index.js';

const arg = (name: string, fallback: string) =>
  process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback;

const mode = arg('mode', 'embedded');
if (mode !== 'embedded' && mode !== 'tmdb') throw new Error('--mode must be embedded or tmdb');
const rounds = Number(arg('rounds', '3'));
const duration = arg('duration', '10s');
const connections = Number(arg('connections', '50'));
const TARGET_RATIO = 0.8;
const TARGET_P99_MS = 10;

const scenarios = ['/api/movies/popular', '/api/movies/search?q=star'];

async function main() {
  let env: Record<string, string> = {};
  let stopFake = async () => {};
  if (mode === 'tmdb') {
    const { startFakeTmdb } = await import('../server/test/helpers/fake-tmdb.js');
    const fake = await startFakeTmdb();
    env = { TMDB_BASE_URL: fake.url, TMDB_API_KEY: fake.apiKey };
    stopFake = () => fake.close();
  }
  const server = await startServer({ env });
  process.stdout.write(`catalog bench (${mode} mode): server ready in ${server.readyMs} ms; wrk -t1 -c${connections} -d${duration}, ${rounds} interleaved rounds\n`);
  const comparisons: Comparison[] = [];
  try {
    for (const path of scenarios) {
      // The first request fills the cache; every measured request is a cached hit.
      const answer = await snapshot(`${server.url}${path}`);
      if (answer.status !== 200) throw new Error(`${path} answered ${answer.status}`);
      const bare = await startBare(path, answer);
      try {
        comparisons.push(
          await compare(path, [{ name: 'ours', url: `${server.url}${path}` }, { name: 'bare', url: bare.url }], { rounds, duration, connections, threads: 1 }),
        );
      } finally {
        await bare.stop();
      }
    }
  } finally {
    await server.stop();
    await stopFake();
  }

  process.stdout.write('\nscenario                         ours req/s   bare req/s   ratio   ours p99   verdict\n');
  const summary = comparisons.map((c) => {
    const ours = c.median.ours!;
    const bare = c.median.bare!;
    const pass = c.ratio >= TARGET_RATIO && ours.p99Ms < TARGET_P99_MS;
    process.stdout.write(
      `${c.scenario.padEnd(32)} ${String(ours.requestsPerSec).padStart(10)}   ${String(bare.requestsPerSec).padStart(10)}   ${c.ratio.toFixed(2).padStart(5)}   ${ours.p99Ms.toFixed(2).padStart(6)} ms   ${pass ? 'meets target' : 'BELOW TARGET'}\n`,
    );
    return { scenario: c.scenario, ours, bare, ratio: c.ratio, meetsTarget: pass };
  });
  const file = await writeResults(`catalog-${mode}`, {
    mode,
    wrk: { threads: 1, connections, duration, rounds },
    targets: { ratio: TARGET_RATIO, p99Ms: TARGET_P99_MS },
    summary,
    rounds: comparisons.map((c) => ({ scenario: c.scenario, rounds: c.rounds })),
  });
  process.stdout.write(`\nresults: ${file}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`catalog bench failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
