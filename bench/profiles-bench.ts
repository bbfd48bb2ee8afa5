/**
 * Profiles benchmark: a kids profile's cached `GET /api/movies/popular` against an adult profile's,
 * on the same built server, interleaved in one run (kids, adult, kids, …) so drift in machine load
 * hits both alike. Both are signed in (a bearer token each, on their own session of one account);
 * the adult's answer is the plain cache entry, the kids profile's the entry of its level
 * (`popular:1@older_kids`). Modes: the embedded catalog, and a fake TMDB in this process (its family
 * fixtures, so the kids page is not empty; only the first request of each level reaches it).
 *
 *   npm run build -w @marquee/contracts -w @marquee/server && npx tsx bench/profiles-bench.ts [--mode=embedded|tmdb|both]
 *
 * The adult is measured twice (`adult`, `adult2`): the two are the same request, so their ratio
 * shows what the machine's noise alone does to a ratio. The order is reversed every other round.
 *
 * Options: `--rounds=3`, `--duration=10s`, `--connections=50`. Target (issue "Profiles"): the kids
 * profile within 10 % of the adult profile, i.e. kids ÷ adult ≥ 0.9. Writes bench/results/profiles.json.
 */
import { compare, runWrk, snapshot, startServer, writeResults, type Comparison } from './lib/index.js';

const arg = (name: string, fallback: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback;
const modeArg = arg('mode', 'both');
if (!['embedded', 'tmdb', 'both'].includes(modeArg)) throw new Error('--mode must be embedded, tmdb or both');
const modes = modeArg === 'both' ? (['embedded', 'tmdb'] as const) : ([modeArg] as ['embedded' | 'tmdb']);
const rounds = Number(arg('rounds', '3'));
const duration = arg('duration', '10s');
const connections = Number(arg('connections', '50'));
const TARGET_RATIO = 0.9;
const PATH = '/api/movies/popular';

async function json<T>(url: string, init: RequestInit = {}): Promise<T> {
  const res = await fetch(url, { ...init, headers: { 'content-type': 'application/json', ...init.headers } });
  if (!res.ok) throw new Error(`${init.method ?? 'GET'} ${url} answered ${res.status}: ${await res.text()}`);
  return (await res.json()) as T;
}

/** An account with an adult (owner) and a kids profile, each signed in: their bearer headers. */
async function family(base: string): Promise<{ adult: Record<string, string>; kids: Record<string, string> }> {
  const credentials = { email: `bench-${Date.now()}@example.com`, password: 'benchmark password' };
  const owner = await json<{ access_token: string }>(`${base}/api/auth/register`, { method: 'POST', body: JSON.stringify({ ...credentials, name: 'Bench' }) });
  const adult = { authorization: `Bearer ${owner.access_token}` };
  const kid = await json<{ id: string }>(`${base}/api/profiles`, { method: 'POST', headers: adult, body: JSON.stringify({ name: 'Kid', kids: true }) });
  const session = await json<{ access_token: string }>(`${base}/api/auth/login`, { method: 'POST', body: JSON.stringify(credentials) });
  const switched = await json<{ access_token: string; profile: { maturity: string } }>(`${base}/api/profiles/${kid.id}/switch`, {
    method: 'POST',
    headers: { authorization: `Bearer ${session.access_token}` },
  });
  if (switched.profile.maturity !== 'older_kids') throw new Error(`the kids profile is ${switched.profile.maturity}`);
  return { adult, kids: { authorization: `Bearer ${switched.access_token}` } };
}

async function run(mode: 'embedded' | 'tmdb') {
  let env: Record<string, string> = {};
  let stopFake = async () => {};
  if (mode === 'tmdb') {
    const { startFakeTmdb } = await import('../server/test/helpers/fake-tmdb.js');
    const fake = await startFakeTmdb({ fixtures: ['family'] });
    env = { TMDB_BASE_URL: fake.url, TMDB_API_KEY: fake.apiKey };
    stopFake = () => fake.close();
  }
  const server = await startServer({ env });
  try {
    const { adult, kids } = await family(server.url);
    const url = `${server.url}${PATH}`;
    // The first request of each level fills its cache entry; every measured request is a cached hit.
    const answers = { adult: await snapshot(url, adult), kids: await snapshot(url, kids) };
    for (const [who, answer] of Object.entries(answers)) if (answer.status !== 200) throw new Error(`${PATH} answered ${answer.status} to the ${who} profile`);
    const titles = (answer: { body: Buffer }) => (JSON.parse(answer.body.toString()) as { results: unknown[] }).results.length;
    process.stdout.write(
      `profiles bench (${mode}): ${PATH} — adult ${answers.adult.body.length} bytes / ${titles(answers.adult)} titles, ` +
        `kids ${answers.kids.body.length} bytes / ${titles(answers.kids)} titles; wrk -t1 -c${connections} -d${duration}, ${rounds} interleaved rounds\n`,
    );
    // A short unmeasured run of each first, so the JIT's warm-up does not fall on the first measured side.
    for (const headers of [kids, adult]) await runWrk(url, { duration: '3s', connections, threads: 1, headers });
    const comparison = await compare(
      `${mode} ${PATH}`,
      [
        { name: 'kids', url, headers: kids },
        { name: 'adult', url, headers: adult },
        // The adult again: how far two identical sides drift apart on this machine (the noise floor).
        { name: 'adult2', url, headers: adult },
      ],
      { rounds, duration, connections, threads: 1, alternate: true },
    );
    return { comparison, bytes: { adult: answers.adult.body.length, kids: answers.kids.body.length }, titles: { adult: titles(answers.adult), kids: titles(answers.kids) } };
  } finally {
    await server.stop();
    await stopFake();
  }
}

async function main() {
  const results: { mode: string; comparison: Comparison; bytes: { adult: number; kids: number }; titles: { adult: number; kids: number } }[] = [];
  for (const mode of modes) results.push({ mode, ...(await run(mode)) });

  process.stdout.write('\nmode        kids req/s   adult req/s   kids÷adult   adult÷adult2 (noise)   kids p99   adult p99   verdict\n');
  const summary = results.map(({ mode, comparison, bytes, titles }) => {
    const kids = comparison.median.kids!;
    const adult = comparison.median.adult!;
    const ratio = comparison.ratio;
    // Two runs of the very same request: its distance from 1 is what this machine's noise alone does.
    const noise = Math.round((adult.requestsPerSec / comparison.median.adult2!.requestsPerSec) * 1000) / 1000;
    const meetsTarget = ratio >= TARGET_RATIO;
    process.stdout.write(
      `${mode.padEnd(10)} ${String(kids.requestsPerSec).padStart(11)}   ${String(adult.requestsPerSec).padStart(11)}   ${ratio.toFixed(3).padStart(10)}   ${noise.toFixed(3).padStart(20)}   ${kids.p99Ms.toFixed(2).padStart(5)} ms   ${adult.p99Ms.toFixed(2).padStart(6)} ms   ${meetsTarget ? 'meets target' : 'BELOW TARGET'}\n`,
    );
    return { mode, scenario: comparison.scenario, kids, adult, adult2: comparison.median.adult2, ratio, noise, bytes, titles, meetsTarget };
  });
  const file = await writeResults('profiles', {
    note: 'One interleaved run on a shared, loaded machine: read the ratio, not the absolute rates.',
    wrk: { threads: 1, connections, duration, rounds },
    target: { kidsOverAdult: TARGET_RATIO },
    summary,
    rounds: results.map(({ comparison }) => ({ scenario: comparison.scenario, rounds: comparison.rounds })),
  });
  process.stdout.write(`\nresults: ${file}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`profiles bench failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
