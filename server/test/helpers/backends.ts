/**
 * The backends a suite runs on: PGlite always; PostgreSQL when TEST_DATABASE_URL is set and Redis
 * when TEST_REDIS_URL is set. Each opened backend is fresh (its own database / key prefix) and is
 * dropped by `cleanup()`.
 */
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import pg from 'pg';
import { openPglite, openPostgres, type Database } from '../../src/db/database.js';
import { connectRedis, type Redis } from '../../src/lib/redis.js';

export interface TestDatabase extends Database {
  /** Closes and drops what `open()` created. */
  cleanup(): Promise<void>;
  /** Reopens the same data (a server restart); only for backends that persist. */
  reopen(): Promise<TestDatabase>;
  /**
   * A second connection to the same data, as another server instance has (PostgreSQL only: PGlite
   * data belongs to one process). Its `cleanup()` only closes it.
   */
  another?(): Promise<TestDatabase>;
}

export interface DatabaseBackend {
  name: 'pglite' | 'postgres';
  open(): Promise<TestDatabase>;
}

const suffix = () => randomBytes(6).toString('hex');

const pgliteBackend: DatabaseBackend = {
  name: 'pglite',
  async open() {
    const { mkdtemp, rm } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const path = await import('node:path');
    const dir = await mkdtemp(path.join(tmpdir(), 'marquee-test-'));
    const openAt = async (): Promise<TestDatabase> => {
      const database = await openPglite(dir);
      return {
        ...database,
        cleanup: async () => {
          await database.close().catch(() => {});
          await rm(dir, { recursive: true, force: true });
        },
        reopen: async () => {
          await database.close();
          return openAt();
        },
      };
    };
    return openAt();
  },
};

function postgresBackend(adminUrl: string): DatabaseBackend {
  return {
    name: 'postgres',
    async open() {
      const name = `marquee_test_${suffix()}`;
      const admin = new pg.Client({ connectionString: adminUrl });
      await admin.connect();
      await admin.query(`CREATE DATABASE ${name}`);
      await admin.end();
      const url = new URL(adminUrl);
      url.pathname = `/${name}`;
      const openAt = async (): Promise<TestDatabase> => {
        const database = await openPostgres(url.toString());
        return {
          ...database,
          cleanup: async () => {
            await database.close().catch(() => {});
            const dropper = new pg.Client({ connectionString: adminUrl });
            await dropper.connect();
            await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
            await dropper.end();
          },
          reopen: async () => {
            await database.close();
            return openAt();
          },
          another: async () => {
            const second = await openPostgres(url.toString());
            return {
              ...second,
              cleanup: () => second.close(),
              reopen: () => Promise.reject(new Error('reopen the first connection instead')),
            };
          },
        };
      };
      return openAt();
    },
  };
}

/** The database backends to run every database suite on. */
export const databaseBackends: DatabaseBackend[] = [
  pgliteBackend,
  ...(process.env.TEST_DATABASE_URL ? [postgresBackend(process.env.TEST_DATABASE_URL)] : []),
];

export interface TestRedis {
  redis: Redis;
  /** The key prefix every key of this run starts with. */
  prefix: string;
  /** A second connection on the same prefix: "another server instance". */
  connect(): Redis;
  cleanup(): Promise<void>;
}

/** Resolves once the client is connected (it fails commands fast rather than queueing them). */
export async function redisReady(redis: Redis): Promise<void> {
  if (redis.status !== 'ready') await once(redis, 'ready');
}

/** A Redis connection on a fresh key prefix, or null when TEST_REDIS_URL is unset. */
export function openTestRedis(): TestRedis | null {
  const url = process.env.TEST_REDIS_URL;
  if (!url) return null;
  const prefix = `marquee-test:${suffix()}:`;
  const connections: Redis[] = [];
  const connect = () => {
    const redis = connectRedis(url, prefix);
    connections.push(redis);
    return redis;
  };
  const redis = connect();
  return {
    redis,
    prefix,
    connect,
    async cleanup() {
      // keyPrefix does not apply to SCAN patterns or to the keys it returns.
      const raw = connectRedis(url, '');
      await redisReady(raw);
      let cursor = '0';
      do {
        const [next, keys] = await raw.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
        cursor = next;
        if (keys.length > 0) await raw.del(...keys);
      } while (cursor !== '0');
      await raw.quit();
      await Promise.all(connections.map((connection) => connection.quit().catch(() => {})));
    },
  };
}

export const hasRedis = Boolean(process.env.TEST_REDIS_URL);
