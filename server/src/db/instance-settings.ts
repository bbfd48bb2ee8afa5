/**
 * The owner's instance settings (table `instance_settings`, one JSON value per key), held in memory
 * and kept current on every instance: a change made here is applied at once, one made by another
 * instance arrives on the change feed (`setting:<key>`, migration 0004) and is read back. Listeners
 * (e.g. the catalog, which switches source when the TMDB credential changes) hear each change once
 * the new value is in place.
 */
import { eq, sql } from 'drizzle-orm';
import { REGISTRATION_POLICIES, type RegistrationPolicy } from '@marquee/contracts';
import type { ChangeFeed } from './change-feed.js';
import type { Db } from './database.js';
import { instanceSettings } from './schema.js';

/** A TMDB credential saved by the owner: a v3 API key (`api_key` query) or a v4 read token (Bearer). */
export interface TmdbCredential {
  kind: 'apiKey' | 'accessToken';
  value: string;
}

export interface SettingValues {
  registration: RegistrationPolicy;
  /** Saved by the owner; null when not saved (then `DEFAULT_REGION` applies). */
  default_region: string | null;
  tmdb_credential: TmdbCredential | null;
}

export type SettingKey = keyof SettingValues;

export const SETTING_DEFAULTS: SettingValues = { registration: 'open', default_region: null, tmdb_credential: null };

const KEYS = Object.keys(SETTING_DEFAULTS) as SettingKey[];

/** A stored value, or the default when it is missing or not of the expected shape (never trusted blindly). */
function parse<K extends SettingKey>(key: K, raw: unknown): SettingValues[K] {
  const fallback = SETTING_DEFAULTS[key];
  switch (key) {
    case 'registration':
      return ((REGISTRATION_POLICIES as readonly unknown[]).includes(raw) ? raw : fallback) as SettingValues[K];
    case 'default_region':
      return (typeof raw === 'string' && /^[A-Z]{2}$/.test(raw) ? raw : fallback) as SettingValues[K];
    case 'tmdb_credential': {
      const credential = raw as Partial<TmdbCredential> | null;
      const valid = credential !== null && typeof credential === 'object' && (credential.kind === 'apiKey' || credential.kind === 'accessToken') && typeof credential.value === 'string';
      return (valid ? { kind: credential.kind, value: credential.value } : fallback) as SettingValues[K];
    }
    default:
      return fallback;
  }
}

export type SettingListener = (key: SettingKey) => Promise<void> | void;

export class InstanceSettingsStore {
  private values: SettingValues = { ...SETTING_DEFAULTS };
  private readonly listeners: SettingListener[] = [];
  /** The listeners' latest run per key: a writer waits for it even when the feed applied its change first. */
  private readonly applying = new Map<SettingKey, Promise<void>>();
  private readonly onError: (error: unknown) => void;

  private constructor(
    private readonly db: Db,
    changes: ChangeFeed,
    onError: (error: unknown) => void,
  ) {
    this.onError = onError;
    changes.subscribe((change) => {
      if (change.kind === 'setting' && (KEYS as string[]).includes(change.key)) void this.reload(change.key as SettingKey).catch(onError);
      // Notifications may have been missed: read everything again.
      else if (change.kind === 'reset') void Promise.all(KEYS.map((key) => this.reload(key))).catch(onError);
    });
  }

  /** Opens the store with every setting read. */
  static async open(db: Db, changes: ChangeFeed, onError: (error: unknown) => void): Promise<InstanceSettingsStore> {
    const store = new InstanceSettingsStore(db, changes, onError);
    const rows = await db.select().from(instanceSettings);
    for (const row of rows) {
      if ((KEYS as string[]).includes(row.key)) store.assign(row.key as SettingKey, row.value);
    }
    return store;
  }

  /** The current value (kept current by the change feed). */
  get<K extends SettingKey>(key: K): SettingValues[K] {
    return this.values[key];
  }

  /** The value as committed, read through `db` (e.g. inside a transaction that must see it exactly). */
  static async read<K extends SettingKey>(db: Db, key: K): Promise<SettingValues[K]> {
    const [row] = await db.select({ value: instanceSettings.value }).from(instanceSettings).where(eq(instanceSettings.key, key)).limit(1);
    return row ? parse(key, row.value) : SETTING_DEFAULTS[key];
  }

  /** Saves a value; resolves once it is in place here and every listener has applied it. */
  async set<K extends SettingKey>(key: K, value: SettingValues[K]): Promise<void> {
    if (value === null) {
      await this.db.delete(instanceSettings).where(eq(instanceSettings.key, key));
    } else {
      await this.db
        .insert(instanceSettings)
        .values({ key, value })
        .onConflictDoUpdate({ target: instanceSettings.key, set: { value, updatedAt: sql`now()` } });
    }
    await this.reload(key);
    await this.applying.get(key);
  }

  /** Hears every change of a value, after it is in place. */
  subscribe(listener: SettingListener): void {
    this.listeners.push(listener);
  }

  private async reload(key: SettingKey): Promise<void> {
    const value = await InstanceSettingsStore.read(this.db, key);
    if (JSON.stringify(value) === JSON.stringify(this.values[key])) return;
    this.assign(key, value);
    const run = Promise.all(this.listeners.map(async (listener) => listener(key))).then(() => undefined, this.onError);
    this.applying.set(key, run);
    await run;
  }

  private assign(key: SettingKey, raw: unknown): void {
    this.values = { ...this.values, [key]: parse(key, raw) };
  }
}
