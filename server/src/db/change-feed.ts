/**
 * Committed changes that make cached answers wrong, so every server instance can drop what it
 * cached. Migration 0001 makes PostgreSQL announce them on the channel `marquee_changes`, whoever
 * made them: `session:<id>` when a session is revoked, changed (e.g. moved to another profile) or
 * deleted, `profile:<id>` when a profile changes or is deleted, `watchlist:<profile id>` when a
 * profile's list changes (migrations 0001, 0002), `setting:<key>` when an instance setting changes
 * (migration 0004). PostgreSQL delivers a notification at commit, to
 * every listener.
 *
 * With PGlite this process is the only one that can open the data directory and the services drop
 * what they cached themselves, so the feed is always trusted and has nothing to say. With
 * PostgreSQL a dedicated connection listens; while it is down, nothing may be served from a cache
 * (`trusted` is false, and caches are cleared when it goes down), and it reconnects on its own,
 * backing off. A heartbeat notices a listener that died silently (a frozen or unplugged server sends
 * no error): a query it does not answer in time counts as a lost connection.
 */
import { randomUUID } from 'node:crypto';
import pg from 'pg';

export type Change =
  | { kind: 'session'; id: string }
  | { kind: 'profile'; id: string }
  | { kind: 'watchlist'; profileId: string }
  | { kind: 'setting'; key: string }
  | { kind: 'reset' };

export interface ChangeFeed {
  /** True while caches kept up to date by this feed may answer. */
  readonly trusted: boolean;
  /** `reset` means "drop everything": notifications may have been missed. */
  subscribe(listener: (change: Change) => void): void;
  /** Resolves once every change committed before the call has reached the subscribers. */
  sync(): Promise<void>;
  close(): Promise<void>;
}

const CHANNEL = 'marquee_changes';

/** The feed of a database only this process writes: trusted, silent. */
export const localChangeFeed = (): ChangeFeed => ({
  trusted: true,
  subscribe: () => {},
  sync: () => Promise.resolve(),
  close: () => Promise.resolve(),
});

/** Listens to PostgreSQL at `url` on a connection of its own. Resolves once listening. */
export async function listenForChanges(url: string): Promise<ChangeFeed> {
  const feed = new PostgresChangeFeed(url);
  await feed.connect();
  return feed;
}

const RETRY_MIN_MS = 100;
const RETRY_MAX_MS = 5_000;
/** How often the listening connection is asked whether it is alive, and how long it has to answer. */
const HEARTBEAT_MS = 5_000;
const HEARTBEAT_TIMEOUT_MS = 2_000;
const CONNECT_TIMEOUT_MS = 3_000;

class PostgresChangeFeed implements ChangeFeed {
  trusted = false;
  private client: pg.Client | null = null;
  private readonly listeners: ((change: Change) => void)[] = [];
  /** `sync()` calls waiting to hear their own token. */
  private readonly waiters = new Map<string, () => void>();
  private closed = false;
  private retryMs = RETRY_MIN_MS;
  private retryTimer: NodeJS.Timeout | undefined;
  private heartbeatTimer: NodeJS.Timeout | undefined;

  constructor(private readonly url: string) {}

  subscribe(listener: (change: Change) => void): void {
    this.listeners.push(listener);
  }

  async connect(): Promise<void> {
    const client = new pg.Client({
      connectionString: this.url,
      application_name: 'marquee-changes',
      connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
      query_timeout: HEARTBEAT_TIMEOUT_MS,
      keepAlive: true,
    });
    client.on('notification', (message) => {
      if (message.channel === CHANNEL) this.heard(message.payload ?? '');
    });
    client.on('error', () => this.lost(client));
    client.on('end', () => this.lost(client));
    try {
      await client.connect();
      await client.query(`LISTEN ${CHANNEL}`);
    } catch (error) {
      client.removeAllListeners('end');
      client.end().catch(() => {});
      throw error;
    }
    if (this.closed) {
      await client.end().catch(() => {});
      return;
    }
    this.client = client;
    this.trusted = true;
    this.retryMs = RETRY_MIN_MS;
    this.beat(client);
  }

  /** Asks the listening connection to answer now and then; no answer in time means it is lost. */
  private beat(client: pg.Client): void {
    clearTimeout(this.heartbeatTimer);
    this.heartbeatTimer = setTimeout(() => {
      if (this.client !== client) return;
      client.query('select 1').then(
        () => this.beat(client),
        () => this.lost(client),
      );
    }, HEARTBEAT_MS);
    this.heartbeatTimer.unref();
  }

  async sync(): Promise<void> {
    const client = this.client;
    // Not listening: nothing is cached, so nothing can be out of date.
    if (!client) return;
    const token = randomUUID();
    const heard = new Promise<void>((resolve) => this.waiters.set(token, resolve));
    try {
      await client.query('select pg_notify($1, $2)', [CHANNEL, `sync:${token}`]);
    } catch {
      this.waiters.delete(token);
      return;
    }
    await heard;
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.retryTimer);
    clearTimeout(this.heartbeatTimer);
    const client = this.client;
    this.client = null;
    this.trusted = false;
    this.releaseWaiters();
    await client?.end().catch(() => {});
  }

  private heard(payload: string): void {
    const colon = payload.indexOf(':');
    const kind = payload.slice(0, colon);
    const value = payload.slice(colon + 1);
    if (kind === 'session') this.emit({ kind: 'session', id: value });
    else if (kind === 'profile') this.emit({ kind: 'profile', id: value });
    else if (kind === 'watchlist') this.emit({ kind: 'watchlist', profileId: value });
    else if (kind === 'setting') this.emit({ kind: 'setting', key: value });
    else if (kind === 'sync') {
      this.waiters.get(value)?.();
      this.waiters.delete(value);
    }
  }

  /** The listening connection failed or ended: stop trusting caches, drop them, reconnect. */
  private lost(client: pg.Client): void {
    if (this.client !== client) return;
    this.client = null;
    this.trusted = false;
    this.emit({ kind: 'reset' });
    this.releaseWaiters();
    clearTimeout(this.heartbeatTimer);
    client.end().catch(() => {});
    // Without its socket the client ends now, even when the server is frozen and would never answer.
    (client as unknown as { connection?: { stream?: { destroy?: () => void } } }).connection?.stream?.destroy?.();
    this.scheduleReconnect();
  }

  private scheduleReconnect(): void {
    if (this.closed) return;
    this.retryTimer = setTimeout(() => {
      this.connect().catch(() => this.scheduleReconnect());
    }, this.retryMs);
    this.retryTimer.unref();
    this.retryMs = Math.min(this.retryMs * 2, RETRY_MAX_MS);
  }

  private releaseWaiters(): void {
    for (const resolve of this.waiters.values()) resolve();
    this.waiters.clear();
  }

  private emit(change: Change): void {
    for (const listener of this.listeners) listener(change);
  }
}
