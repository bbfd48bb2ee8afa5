/**
 * The database connection: embedded PGlite in DATA_DIR by default, PostgreSQL when DATABASE_URL
 * is set. Both speak the same Drizzle API over the same schema and the same migrations.
 */
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import { schema } from './schema.js';

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface Database {
  db: Db;
  /** `pglite` or `postgres`, for logs and test output. */
  kind: 'pglite' | 'postgres';
  /** Answers when the database does: used by `/readyz`. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

const migrationsFolder = fileURLToPath(new URL('../../drizzle', import.meta.url));

/** Opens PGlite; `dataDir` null keeps it in memory (tests). Applies migrations. */
export async function openPglite(dataDir: string | null): Promise<Database> {
  let client: PGlite;
  if (dataDir === null) {
    client = new PGlite();
    await migratePglite(drizzlePglite({ client, schema }), { migrationsFolder });
  } else {
    const dir = path.join(dataDir, 'pgdata');
    await mkdir(dir, { recursive: true });
    const fresh = !existsSync(path.join(dir, 'PG_VERSION'));
    client = new PGlite(dir);
    await migratePglite(drizzlePglite({ client, schema }), { migrationsFolder });
    if (fresh) {
      // Creating a cluster grows PGlite's WebAssembly memory to about twice what it needs
      // afterwards, and that memory is never returned: reopen so a first start idles like any other.
      await client.close();
      client = new PGlite(dir);
    }
  }
  const db = drizzlePglite({ client, schema });
  return {
    db: db as unknown as Db,
    kind: 'pglite',
    ping: async () => {
      await client.query('select 1');
    },
    close: () => client.close(),
  };
}

/** Opens a PostgreSQL pool on `url`. Applies migrations. */
export async function openPostgres(url: string): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // An idle client's error (e.g. the server restarting) must not crash the process.
  pool.on('error', () => {});
  const db = drizzlePg({ client: pool, schema });
  await migratePg(db, { migrationsFolder });
  return {
    db: db as unknown as Db,
    kind: 'postgres',
    ping: async () => {
      await db.execute(sql`select 1`);
    },
    close: () => pool.end(),
  };
}

export function openDatabase(config: { databaseUrl: string | null; dataDir: string }): Promise<Database> {
  return config.databaseUrl ? openPostgres(config.databaseUrl) : openPglite(config.dataDir);
}
