/**
 * The database connection: embedded PGlite in DATA_DIR by default, PostgreSQL when DATABASE_URL
 * is set. Both speak the same Drizzle API over the same schema and the same migrations.
 */
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import { listenForChanges, localChangeFeed, type ChangeFeed } from './change-feed.js';
import { lockDataDir, type DataDirLock } from './data-dir-lock.js';
import { createPool } from './postgres-pool.js';
import { schema } from './schema.js';

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface Database {
  db: Db;
  /** `pglite` or `postgres`, for logs and test output. */
  kind: 'pglite' | 'postgres';
  /** Committed changes that make cached sessions and lists wrong (see change-feed.ts). */
  changes: ChangeFeed;
  /** Answers when the database does: used by `/readyz`. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

const migrationsFolder = fileURLToPath(new URL('../../drizzle', import.meta.url));

/**
 * Opens PGlite; `dataDir` null keeps it in memory (tests). Applies migrations. A data directory
 * belongs to one process at a time (see data-dir-lock.ts): a second one is refused.
 */
export async function openPglite(dataDir: string | null): Promise<Database> {
  let client: PGlite;
  let lock: DataDirLock | null = null;
  if (dataDir === null) {
    client = new PGlite();
    await migratePglite(drizzlePglite({ client, schema }), { migrationsFolder });
  } else {
    await mkdir(dataDir, { recursive: true });
    lock = lockDataDir(dataDir);
    try {
      const dir = path.join(dataDir, 'pgdata');
      await mkdir(dir, { recursive: true });
      if (!existsSync(path.join(dir, 'PG_VERSION'))) await createCluster(dir);
      client = new PGlite(dir);
      await migratePglite(drizzlePglite({ client, schema }), { migrationsFolder });
    } catch (error) {
      lock.release();
      throw error;
    }
  }
  const db = drizzlePglite({ client, schema });
  return {
    db: db as unknown as Db,
    kind: 'pglite',
    changes: localChangeFeed(),
    ping: async () => {
      await client.query('select 1');
    },
    close: async () => {
      await client.close();
      lock?.release();
    },
  };
}

/**
 * Creates a PGlite cluster in `dir`, migrated, in a worker thread. Creating a cluster grows PGlite's
 * WebAssembly memory to about twice what a running database needs and never returns it; in a worker
 * that memory goes away with the worker, so a first start idles (and serves) like any other.
 */
/** How long a cluster-creating worker that has answered may take to end by itself. */
const WORKER_EXIT_GRACE_MS = 10_000;

async function createCluster(dir: string): Promise<void> {
  const resolve = createRequire(import.meta.url).resolve;
  const workerData = {
    dir,
    migrationsFolder,
    pglite: resolve('@electric-sql/pglite'),
    drizzle: resolve('drizzle-orm/pglite'),
    migrator: resolve('drizzle-orm/pglite/migrator'),
  };
  const code = `
    const { parentPort, workerData } = require('node:worker_threads');
    (async () => {
      const { PGlite } = require(workerData.pglite);
      const { drizzle } = require(workerData.drizzle);
      const { migrate } = require(workerData.migrator);
      const client = new PGlite(workerData.dir);
      await migrate(drizzle({ client }), { migrationsFolder: workerData.migrationsFolder });
      await client.close();
    })().then(() => parentPort.postMessage(null), (error) => parentPort.postMessage(String((error && error.stack) || error)));
  `;
  const worker = new Worker(code, { eval: true, workerData });
  // The worker ends by itself once it has answered (its database is closed, nothing is left to run);
  // it is waited for rather than terminated, as stopping a thread inside WebAssembly teardown is
  // how a process dies without a word.
  const exited = new Promise<number>((resolveExit) => worker.once('exit', resolveExit));
  const answer = new Promise<string | null>((resolveResult, reject) => {
    worker.once('message', resolveResult);
    worker.once('error', reject);
    void exited.then((exitCode) => reject(new Error(`creating the database exited with code ${exitCode}`)));
  });
  const failure = await answer.catch(async (error: unknown) => {
    await worker.terminate();
    throw error;
  });
  // Should anything keep it alive, it is stopped after a grace period all the same.
  await Promise.race([exited, sleep(WORKER_EXIT_GRACE_MS, undefined, { ref: false })]);
  await worker.terminate();
  if (failure !== null) throw new Error(`creating the database failed: ${failure}`);
}

/** How long start-up waits to reach PostgreSQL before it gives up with one line. */
const STARTUP_CONNECT_MS = 5_000;

/** Opens a PostgreSQL pool on `url`. Applies migrations (on a connection of their own, without the pool's statement timeout). */
export async function openPostgres(url: string): Promise<Database> {
  const migrator = new pg.Client({ connectionString: url, connectionTimeoutMillis: STARTUP_CONNECT_MS, application_name: 'marquee-migrate' });
  migrator.on('error', () => {});
  await migrator.connect();
  try {
    await migratePg(drizzlePg({ client: migrator, schema }), { migrationsFolder });
  } finally {
    await migrator.end().catch(() => {});
  }
  const pool = createPool(url);
  const db = drizzlePg({ client: pool, schema });
  const changes = await listenForChanges(url);
  return {
    db: db as unknown as Db,
    kind: 'postgres',
    changes,
    ping: async () => {
      await pool.query('select 1');
    },
    close: async () => {
      await changes.close();
      await pool.end();
    },
  };
}

export function openDatabase(config: { databaseUrl: string | null; dataDir: string }): Promise<Database> {
  return config.databaseUrl ? openPostgres(config.databaseUrl) : openPglite(config.dataDir);
}
