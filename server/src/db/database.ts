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
import { eq, sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import { listenForChanges, localChangeFeed, type ChangeFeed } from './change-feed.js';
import { schema } from './schema.js';

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface Database {
  db: Db;
  /** `pglite` or `postgres`, for logs and test output. */
  kind: 'pglite' | 'postgres';
  /** Committed changes that make cached sessions and lists wrong (see change-feed.ts). */
  changes: ChangeFeed;
  /** Connections of the pool (PostgreSQL): open, idle, and callers waiting for one. */
  pool?(): { total: number; idle: number; waiting: number };
  /** Answers when the database does: used by `/readyz`. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

const migrationsFolder = fileURLToPath(new URL('../../drizzle', import.meta.url));

/**
 * PGlite's start parameters: its own, with PostgreSQL's default 128 MB of shared buffers cut to
 * 16 MB. The buffers live in the WebAssembly heap, which never shrinks, so the default let a
 * day's queries grow the process by up to 128 MB; one process on a catalog-sized database is
 * served as well by 16 MB (bench/README.md, idle RSS).
 */
const PGLITE_START_PARAMS = [...PGlite.defaultStartParams, '-c', 'shared_buffers=16MB'];

/** Opens PGlite; `dataDir` null keeps it in memory (tests). Applies migrations. */
export async function openPglite(dataDir: string | null): Promise<Database> {
  let client: PGlite;
  if (dataDir === null) {
    client = new PGlite();
    await migratePglite(drizzlePglite({ client, schema }), { migrationsFolder });
  } else {
    const dir = path.join(dataDir, 'pgdata');
    await mkdir(dir, { recursive: true });
    if (!existsSync(path.join(dir, 'PG_VERSION'))) await createCluster(dir);
    client = new PGlite(dir, { startParams: PGLITE_START_PARAMS });
    await migratePglite(drizzlePglite({ client, schema }), { migrationsFolder });
  }
  const db = drizzlePglite({ client, schema });
  return {
    db: db as unknown as Db,
    kind: 'pglite',
    changes: localChangeFeed(),
    ping: async () => {
      await client.query('select 1');
    },
    close: () => client.close(),
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

/** Opens a PostgreSQL pool on `url`. Applies migrations. */
export async function openPostgres(url: string): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // An idle client's error (e.g. the server restarting) must not crash the process.
  pool.on('error', () => {});
  const db = drizzlePg({ client: pool, schema });
  await migrateOnce(pool);
  const changes = await listenForChanges(url);
  return {
    db: db as unknown as Db,
    kind: 'postgres',
    changes,
    pool: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }),
    ping: async () => {
      await db.execute(sql`select 1`);
    },
    close: async () => {
      await changes.close();
      await pool.end();
    },
  };
}

/** The advisory lock key held while migrating: any constant shared by every instance will do. */
const MIGRATION_LOCK = 7_270_113_005;

/**
 * Applies migrations under a session-level advisory lock, so instances starting together migrate
 * one after the other: the first applies them, the others wait, then find nothing left to do.
 */
async function migrateOnce(pool: pg.Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK]);
    try {
      await migratePg(drizzlePg({ client, schema }), { migrationsFolder });
    } finally {
      await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK]);
    }
  } finally {
    client.release();
  }
}

/**
 * The secret called `name`, shared by every instance on this database: `proposal` is stored when
 * none is yet, and whichever instance stored first wins.
 */
export async function sharedSecret(db: Db, name: string, proposal: string): Promise<string> {
  await db.insert(schema.serverSecrets).values({ name, value: proposal }).onConflictDoNothing();
  const [stored] = await db.select({ value: schema.serverSecrets.value }).from(schema.serverSecrets).where(eq(schema.serverSecrets.name, name));
  if (!stored) throw new Error(`the shared secret ${name} could not be stored`);
  return stored.value;
}

export function openDatabase(config: { databaseUrl: string | null; dataDir: string }): Promise<Database> {
  return config.databaseUrl ? openPostgres(config.databaseUrl) : openPglite(config.dataDir);
}
