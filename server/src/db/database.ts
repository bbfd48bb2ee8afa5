/**
 * The database connection: embedded PGlite in DATA_DIR by default, PostgreSQL when DATABASE_URL
 * is set. Both speak the same Drizzle API over the same schema and the same migrations.
 */
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createRequire } from 'node:module';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { eq } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import { migrationsFolder } from '../paths.js';
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
  /** Connections of the pool (PostgreSQL): open, idle, and callers waiting for one. */
  pool?(): { total: number; idle: number; waiting: number };
  /** Answers when the database does: used by `/readyz`. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/**
 * PGlite's start parameters: its own, with PostgreSQL's default 128 MB of shared buffers cut to
 * 16 MB. The buffers live in the WebAssembly heap, which never shrinks, so the default let a
 * day's queries grow the process by up to 128 MB; one process on a catalog-sized database is
 * served as well by 16 MB (bench/README.md, idle RSS).
 */
const PGLITE_START_PARAMS = [...PGlite.defaultStartParams, '-c', 'shared_buffers=16MB'];

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
      client = new PGlite(dir, { startParams: PGLITE_START_PARAMS });
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
 * Creates a PGlite cluster in `dir`, migrated, in a child process. Creating a cluster grows PGlite's
 * WebAssembly memory to about twice what a running database needs and never returns it; a worker
 * thread gave it back to the allocator but not to the system (a first start idled at ~360 MB), a
 * process gives it all back when it exits, so a first start idles like any other.
 */
async function createCluster(dir: string): Promise<void> {
  const resolve = createRequire(import.meta.url).resolve;
  const job = {
    dir,
    migrationsFolder,
    pglite: resolve('@electric-sql/pglite'),
    drizzle: resolve('drizzle-orm/pglite'),
    migrator: resolve('drizzle-orm/pglite/migrator'),
  };
  const code = `
    const job = JSON.parse(process.argv[1]);
    (async () => {
      const { PGlite } = require(job.pglite);
      const { drizzle } = require(job.drizzle);
      const { migrate } = require(job.migrator);
      const client = new PGlite(job.dir);
      await migrate(drizzle({ client }), { migrationsFolder: job.migrationsFolder });
      await client.close();
    })().then(() => process.exit(0), (error) => { process.stderr.write(String((error && error.stack) || error)); process.exit(1); });
  `;
  const child = spawn(process.execPath, ['--input-type=commonjs', '-e', code, JSON.stringify(job)], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4_000)));
  const [exitCode, signal] = (await once(child, 'exit')) as [number | null, NodeJS.Signals | null];
  if (exitCode !== 0) throw new Error(`creating the database failed (${signal ?? `exit code ${exitCode}`}): ${stderr.trim()}`);
}

/** How long start-up waits to reach PostgreSQL before it gives up with one line. */
const STARTUP_CONNECT_MS = 5_000;

/** Opens a PostgreSQL pool on `url`. Applies migrations (on a connection of their own, without the pool's statement timeout). */
export async function openPostgres(url: string): Promise<Database> {
  const migrator = new pg.Client({ connectionString: url, connectionTimeoutMillis: STARTUP_CONNECT_MS, application_name: 'marquee-migrate' });
  migrator.on('error', () => {});
  await migrator.connect();
  try {
    await migrateOnce(migrator);
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
    pool: () => ({ total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount }),
    ping: async () => {
      await pool.query('select 1');
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
async function migrateOnce(client: pg.Client): Promise<void> {
  await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK]);
  try {
    await migratePg(drizzlePg({ client, schema }), { migrationsFolder });
  } finally {
    await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK]);
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
