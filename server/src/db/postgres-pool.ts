/**
 * The PostgreSQL connection pool, made to survive the database restarting, stopping or freezing:
 *
 * - every wait is bounded: connecting and borrowing a connection (`connectionTimeoutMillis`), each
 *   statement on the server (`statement_timeout`) and each query on the client (`query_timeout`);
 * - a connection that fails — idle in the pool, lent out, or inside a transaction between two
 *   statements — is handled where it fails and never reaches `uncaughtException`;
 * - a lent connection that fails is given back to the pool as broken at once (so the pool drops it
 *   and a transaction that never reaches its `finally` cannot leak it), and the statements still
 *   sent on it (a `rollback`) fail at once instead of waiting for another timeout.
 */
import pg from 'pg';
import { isDatabaseUnavailable } from './failures.js';

/**
 * Every wait on the database. A request waits for a connection of the pool (busy ones are freed
 * within the query timeout, broken ones at once), then for its queries: a frozen database costs it
 * about one query timeout plus one connect timeout.
 */
export const POOL_TIMEOUTS = {
  /** Connecting a new connection. */
  connectMs: 1_500,
  /** Waiting for a free connection of the pool (legitimate contention: many writes to one list). */
  borrowMs: 4_000,
  /** Each statement, on the server. */
  statementMs: 3_000,
  /** Each query, on the client (the server may be frozen and never answer). */
  queryMs: 3_000,
} as const;

/** A pg client that remembers its connection failed and refuses further queries at once. */
class GuardedClient extends pg.Client {
  failure: Error | null = null;
  /** Told once when the connection breaks, while the client is lent. */
  onBroken: ((error: Error) => void) | null = null;

  constructor(config?: pg.ClientConfig) {
    // The pool's connectionTimeoutMillis bounds borrowing; making a connection has its own bound.
    super({ ...config, connectionTimeoutMillis: POOL_TIMEOUTS.connectMs });
    // An error may arrive at any moment (the server going away while this client is idle, lent,
    // or between two statements of a transaction): it is recorded here, always handled.
    this.on('error', (error: Error) => this.fail(error));
  }

  /** The connection is unusable: remember why, drop the socket and tell whoever borrowed it. */
  fail(error: Error): void {
    if (this.failure) return;
    this.failure = error;
    this.onBroken?.(error);
    // Without its socket the client ends now, even when the server is frozen and would never answer.
    (this as unknown as { connection?: { stream?: { destroy?: () => void } } }).connection?.stream?.destroy?.();
  }

  // One override for all of pg's query signatures: (config, values?, callback?).
  override query(...args: unknown[]): never {
    const [config] = args;
    const callbackAt = args.findIndex((arg, index) => index > 0 && typeof arg === 'function');
    if (this.failure) {
      const error = new Error('The database connection is broken.', { cause: this.failure });
      if (callbackAt > 0) {
        process.nextTick(args[callbackAt] as (error: Error) => void, error);
        return undefined as never;
      }
      return Promise.reject(error) as never;
    }
    const note = (error: unknown) => {
      // A statement timeout leaves the connection usable; a lost or silent connection does not.
      if (isDatabaseUnavailable(error) && (error as { code?: unknown }).code !== '57014') this.fail(error as Error);
    };
    if (callbackAt > 0) {
      const callback = args[callbackAt] as (error: Error | null, result?: unknown) => void;
      args[callbackAt] = (error: Error | null, result?: unknown) => {
        if (error) note(error);
        callback(error, result);
      };
    }
    const result = (super.query as (...queryArgs: unknown[]) => unknown)(...args);
    if (callbackAt < 0 && typeof (config as { submit?: unknown } | null)?.submit !== 'function' && result instanceof Promise) {
      return result.catch((error: unknown) => {
        note(error);
        throw error;
      }) as never;
    }
    return result as never;
  }
}

/**
 * A pool whose lent connections (Drizzle's transactions borrow one with `connect()`) are given back
 * as soon as they break, and whose `release()` may then be called again harmlessly.
 */
class GuardedPool extends pg.Pool {
  override connect(): Promise<pg.PoolClient>;
  override connect(callback: (err: Error | undefined, client: pg.PoolClient | undefined, done: (release?: unknown) => void) => void): void;
  override connect(callback?: (err: Error | undefined, client: pg.PoolClient | undefined, done: (release?: unknown) => void) => void): Promise<pg.PoolClient> | void {
    // pool.query() borrows with a callback and handles failures itself.
    if (callback) return super.connect(callback);
    return super.connect().then(lend);
  }
}

/** Wraps a client for the time it is lent: a failure gives it back broken; release is idempotent. */
function lend(client: pg.PoolClient): pg.PoolClient {
  const guarded = client as pg.PoolClient & GuardedClient;
  const giveBack = client.release.bind(client);
  let released = false;
  const release = (error?: Error | boolean) => {
    if (released) return;
    released = true;
    guarded.onBroken = null;
    giveBack(error || guarded.failure || undefined);
  };
  guarded.onBroken = (error: Error) => release(error);
  client.release = release;
  return client;
}

/** A pool on `url` with every wait bounded and every connection failure handled. */
export function createPool(url: string, max = 10): pg.Pool {
  const pool = new GuardedPool({
    connectionString: url,
    max,
    Client: GuardedClient,
    connectionTimeoutMillis: POOL_TIMEOUTS.borrowMs,
    statement_timeout: POOL_TIMEOUTS.statementMs,
    query_timeout: POOL_TIMEOUTS.queryMs,
    idleTimeoutMillis: 30_000,
    keepAlive: true,
    application_name: 'marquee',
  });
  // Also surfaced here for idle clients; GuardedClient has handled it already.
  pool.on('error', () => {});
  return pool;
}
