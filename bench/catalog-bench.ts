/**
 * Catalog benchmark: cached catalog answers from the built server vs two baselines answering the
 * same bytes and headers — a minimal Fastify app with one route, and bare node:http — interleaved
 * (ours, fastify, bare, ours, …).
 *
 *   npm run build -w @marquee/contracts -w @marquee/server && npx tsx bench/catalog-bench.ts [--mode=embedded|tmdb]
 *
 * Scenarios: `GET /api/movies/popular` (cached) and `GET /api/movies/search?q=star` (cached).
 * `--mode=embedded` (default) runs the offline catalog; `--mode=tmdb` runs against a fake TMDB in
 * this process (only the first request of each scenario reaches it). Options: `--rounds=3`,
 * `--duration=10s`, `--connections=50`, `--env=NAME=value` (repeatable: extra server environment).
 * Targets: ≥ 0.9 of the minimal Fastify app (our own per-request work costs under 10 %), ≥ 0.7 of
 * bare node:http, p99 < 10 ms at 50 connections. Writes bench/results/catalog-<mode>.json.
 *
 * `--metrics`: a second server of ours with `METRICS_PORT` set joins the interleaving (ours,
 * ours+metrics, fastify, bare, …), and the summary adds its ratio to ours; target ≥ 0.95
 * (metrics cost under 5 %).
 */
import { freePort } from './lib/ports.js';
import { compare, snapshot, startBare, startServer, writeResults, type Comparison } from './lib/index.js';

const arg = (name: string, fallback: string) =>
  process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback;

const mode = arg('mode', 'embedded');
if (mode !== 'embedded' && mode !== 'tmdb') throw new Error('--mode must be embedded or tmdb');
const rounds = Number(arg('rounds', '3'));
const duration = arg('duration', '10s');
const connections = Number(arg('connections', '50'));
const TARGETS = { fastify: 0.9, bare: 0.7 };
const TARGET_P99_MS = 10;
const extraEnv = Object.fromEntries(
  process.argv.filter((a) => a.startsWith('--env=')).map((a) => {
    const [name, ...value] = a.slice('--env='.length).split('=');
    return [name as string, value.join('=')];
  }),
);

const scenarios = ['/api/movies/popular', '/api/movies/search?q=star'];
const withMetrics = process.argv.includes('--metrics');
const TARGET_METRICS_RATIO = 0.95;

async function main() {
  let env: Record<string, string> = { ...extraEnv };
  let stopFake = async () => {};
  if (mode === 'tmdb') {
    const { startFakeTmdb } = await import('../server/test/helpers/fake-tmdb.js');
    const fake = await startFakeTmdb();
    env = { ...env, TMDB_BASE_URL: fake.url, TMDB_API_KEY: fake.apiKey };
    stopFake = () => fake.close();
  }
  const server = await startServer({ env });
  const metered = withMetrics ? await startServer({ env: { ...env, METRICS_PORT: String(await freePort()) } }) : null;
  process.stdout.write(`catalog bench (${mode} mode): server ready in ${server.readyMs} ms; wrk -t1 -c${connections} -d${duration}, ${rounds} interleaved rounds\n`);
  const comparisons: Comparison[] = [];
  try {
    for (const path of scenarios) {
      // The first request fills the cache; every measured request is a cached hit.
      const answer = await snapshot(`${server.url}${path}`);
      if (answer.status !== 200) throw new Error(`${path} answered ${answer.status}`);
      if (metered && (await snapshot(`${metered.url}${path}`)).status !== 200) throw new Error(`${path} answered otherwise with metrics`);
      const fastify = await startBare(path, answer, 'fastify');
      const bare = await startBare(path, answer);
      try {
        comparisons.push(
          await compare(
            path,
            [
              { name: 'ours', url: `${server.url}${path}` },
              { name: 'fastify', url: fastify.url },
              { name: 'bare', url: bare.url },
              ...(metered ? [{ name: 'metrics', url: `${metered.url}${path}` }] : []),
            ],
            { rounds, duration, connections, threads: 1 },
          ),
        );
      } finally {
        await fastify.stop();
        await bare.stop();
      }
    }
  } finally {
    await server.stop();
    await metered?.stop();
    await stopFake();
  }

  process.stdout.write('\nscenario                         ours req/s   fastify req/s   bare req/s   ÷fastify   ÷bare   ours p99   verdict\n');
  const summary = comparisons.map((c) => {
    const ours = c.median.ours!;
    const fastify = c.median.fastify!;
    const bare = c.median.bare!;
    const ratios = { fastify: c.ratios.fastify!, bare: c.ratios.bare! };
    const pass = ratios.fastify >= TARGETS.fastify && ratios.bare >= TARGETS.bare && ours.p99Ms < TARGET_P99_MS;
    process.stdout.write(
      `${c.scenario.padEnd(32)} ${String(ours.requestsPerSec).padStart(10)}   ${String(fastify.requestsPerSec).padStart(13)}   ${String(bare.requestsPerSec).padStart(10)}   ${ratios.fastify.toFixed(2).padStart(8)}   ${ratios.bare.toFixed(2).padStart(5)}   ${ours.p99Ms.toFixed(2).padStart(6)} ms   ${pass ? 'meets target' : 'BELOW TARGET'}\n`,
    );
    const metrics = c.median.metrics;
    const metricsRatio = metrics ? metrics.requestsPerSec / ours.requestsPerSec : null;
    if (metrics && metricsRatio !== null) {
      process.stdout.write(
        `${''.padEnd(32)} with metrics: ${metrics.requestsPerSec} req/s (${metricsRatio.toFixed(3)} of ours, p99 ${metrics.p99Ms.toFixed(2)} ms) ${metricsRatio >= TARGET_METRICS_RATIO ? 'meets target' : 'BELOW TARGET'}\n`,
      );
    }
    return { scenario: c.scenario, ours, fastify, bare, ratios, meetsTarget: pass, ...(metrics ? { metrics, metricsRatio } : {}) };
  });
  const file = await writeResults(`catalog-${mode}${withMetrics ? '-metrics' : ''}`, {
    mode,
    wrk: { threads: 1, connections, duration, rounds },
    env: extraEnv,
    targets: { ratios: TARGETS, p99Ms: TARGET_P99_MS, ...(withMetrics ? { metricsRatio: TARGET_METRICS_RATIO } : {}) },
    summary,
    rounds: comparisons.map((c) => ({ scenario: c.scenario, rounds: c.rounds })),
  });
  process.stdout.write(`\nresults: ${file}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`catalog bench failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
