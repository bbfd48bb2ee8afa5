/**
 * The built server on embedded PGlite: killed with SIGKILL during bursts of My List writes, then
 * started again on the same DATA_DIR (its lock is stale, the database opens cleanly, no
 * acknowledged write is lost); and a second process on the same DATA_DIR is refused.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatTable, listedIds, Load, movieIds, signUpClients, summarise, type Client, type FaultRow } from './helpers/load.js';
import { runServerToExit, startServer, type ServerProcess } from './helpers/processes.js';

const CLIENTS = 4;
const ROUNDS = 2;

describe('embedded PGlite faults', () => {
  let dataDir: string;
  const env = () => ({ DATA_DIR: dataDir, JWT_SECRET: 'fault-suite-secret-that-is-long-enough-0123456789' });
  const rows: FaultRow[] = [];
  let server: ServerProcess | undefined;

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'marquee-faults-pglite-'));
  });

  afterAll(async () => {
    await server?.stop();
    await rm(dataDir, { recursive: true, force: true });
    if (rows.length > 0) console.log(`\nFault suite, embedded PGlite, ${CLIENTS} clients:\n${formatTable(rows)}\n`);
  });

  it('kill -9 during bursts of list writes: the next start on the same DATA_DIR opens cleanly and has every acknowledged write', async () => {
    server = await startServer(env());
    const ids = await movieIds(server.url);
    const clients: Client[] = await signUpClients(server.url, CLIENTS, 'pglite');
    for (let round = 1; round <= ROUNDS; round++) {
      const load = new Load(server.url, clients, ids);
      load.start();
      await load.successes(CLIENTS * 6);
      const killedAt = load.now();
      process.kill(server.pid, 'SIGKILL');
      expect(await server.exited).toBe('SIGKILL');
      await load.stop();
      const summary = summarise(load.samples, 0, killedAt, null);

      // The lock the killed process left is stale: the next start takes it over.
      server = await startServer(env());
      let lost = 0;
      for (const client of clients) {
        const listed = await listedIds(server.url, client);
        lost += [...client.acked].filter((id) => !listed.has(id)).length;
      }
      expect(lost).toBe(0);
      expect(clients.reduce((n, client) => n + client.acked.size, 0)).toBeGreaterThan(0);
      rows.push({
        fault: `PGlite kill -9 during list writes, restart on the same DATA_DIR (${round}/${ROUNDS})`,
        requests: summary.requests,
        failures: summary.failures,
        longestMs: summary.longestMs,
        firstSuccessAfterRecoveryMs: null,
        writesLost: lost,
        restartsNeeded: 'the fault is the kill',
      });
    }
  }, 180_000);

  it('a second process on the same DATA_DIR exits 1 with one line naming the directory and the process holding it', async () => {
    server ??= await startServer(env());
    const second = await runServerToExit({ ...env() });
    expect(second.started).toBe(false);
    expect(second.code).toBe(1);
    const lines = second.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain(dataDir);
    expect(lines[0]).toContain(`pid ${server.pid}`);
    // The first one carries on.
    expect(server.alive()).toBe(true);
    const ready = await fetch(`${server.url}/readyz`);
    expect(ready.status).toBe(200);
  }, 120_000);
});
