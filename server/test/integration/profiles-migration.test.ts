/**
 * The upgrade from v1 to profiles (migration 0002) on a database holding v1 data, on PGlite and
 * PostgreSQL: a database is built with migrations 0000–0001 only and filled as v1 left it (accounts,
 * sessions with live refresh tokens, lists of many entries), then opened as the server opens it,
 * which migrates it to the latest version. Every account gets exactly one owner profile, every list
 * entry moves to it unchanged, sessions go on it, and v1 refresh tokens and passwords keep working.
 */
import { createHash, randomBytes } from 'node:crypto';
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIELD_LIMITS, type TokenResponse } from '@marquee/contracts';
import { openPglite, openPostgres, type Database } from '../../src/db/database.js';
import { hashPassword } from '../../src/modules/auth/password.js';
import { AVATAR_KEYS } from '../../src/modules/auth/avatars.js';
import { buildTestApp, type TestApp } from '../helpers/build-test-app.js';
import type { DatabaseBackend, TestDatabase } from '../helpers/backends.js';

const MIGRATIONS = fileURLToPath(new URL('../../drizzle/', import.meta.url));
const V1_TAGS = ['0000_init', '0001_change_notifications'];
const PASSWORD = 'v1 password that still works';

/** A migrations folder holding only v1's migrations (what a v1 server had applied). */
async function v1Migrations(): Promise<{ folder: string; remove(): Promise<void> }> {
  const folder = await mkdtemp(path.join(tmpdir(), 'marquee-v1-migrations-'));
  await mkdir(path.join(folder, 'meta'));
  const journal = JSON.parse(await readFile(path.join(MIGRATIONS, 'meta/_journal.json'), 'utf8')) as { entries: { tag: string }[] };
  journal.entries = journal.entries.filter((entry) => V1_TAGS.includes(entry.tag));
  expect(journal.entries).toHaveLength(V1_TAGS.length);
  await writeFile(path.join(folder, 'meta/_journal.json'), JSON.stringify(journal));
  for (const tag of V1_TAGS) await cp(path.join(MIGRATIONS, `${tag}.sql`), path.join(folder, `${tag}.sql`));
  return { folder, remove: () => rm(folder, { recursive: true, force: true }) };
}

type Query = (text: string, params?: unknown[]) => Promise<{ rows: Record<string, unknown>[] }>;

/** A v1 database on one backend: `query` while it is v1, then `upgrade()` opens it as the server does. */
interface V1Database {
  query: Query;
  /** Closes the v1 connection and opens the database as the server opens it (migrating it). */
  upgrade(): Promise<Database>;
  cleanup(): Promise<void>;
}

async function pgliteV1(folder: string): Promise<V1Database> {
  const dir = await mkdtemp(path.join(tmpdir(), 'marquee-v1-'));
  const client = new PGlite(path.join(dir, 'pgdata'));
  await migratePglite(drizzlePglite({ client }), { migrationsFolder: folder });
  let upgraded: Database | undefined;
  return {
    query: (text, params) => client.query(text, params) as Promise<{ rows: Record<string, unknown>[] }>,
    upgrade: async () => {
      await client.close();
      return (upgraded = await openPglite(dir));
    },
    cleanup: async () => {
      await upgraded?.close().catch(() => {});
      if (!client.closed) await client.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

async function postgresV1(adminUrl: string, folder: string): Promise<V1Database> {
  const name = `marquee_v1_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const pool = new pg.Pool({ connectionString: url.toString(), max: 2 });
  await migratePg(drizzlePg({ client: pool }), { migrationsFolder: folder });
  let upgraded: Database | undefined;
  return {
    query: (text, params) => pool.query(text, params),
    upgrade: async () => {
      await pool.end();
      return (upgraded = await openPostgres(url.toString()));
    },
    cleanup: async () => {
      await upgraded?.close().catch(() => {});
      await pool.end().catch(() => {});
      const dropper = new pg.Client({ connectionString: adminUrl });
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await dropper.end();
    },
  };
}

const backends: { name: DatabaseBackend['name']; open(folder: string): Promise<V1Database> }[] = [
  { name: 'pglite', open: pgliteV1 },
  ...(process.env.TEST_DATABASE_URL ? [{ name: 'postgres' as const, open: (folder: string) => postgresV1(process.env.TEST_DATABASE_URL!, folder) }] : []),
];

/** An owner profile's name as the contract says: the account's name (stored trimmed) cut to 30 characters, trimmed. */
const ownerName = (accountName: string) => [...accountName.trim()].slice(0, FIELD_LIMITS.profileName.max).join('').trim();

interface V1Account {
  id: string;
  email: string;
  name: string;
  entries: number;
}

/** Names as v1 stored them (trimmed, 1…100 characters), several of which a plain cut at 30 would leave ending in a space. */
const NAMES = [
  'Ann',
  `${'A'.repeat(29)} Bee`,
  `${'Ç'.repeat(29)}\u00a0Dee`,
  `${'🎬'.repeat(28)}\u3000 Movie night`,
  'x'.repeat(100),
  'Zoë',
];

interface Entry {
  media_type: string;
  title_id: number;
  added_at: string;
  seq: string;
  snapshot: unknown;
}

describe.each(backends)('migration to profiles on $name, from a database holding v1 data', (backend) => {
  let v1: V1Database;
  let removeFolder: () => Promise<void>;
  let t: TestApp;
  const accounts: V1Account[] = [];
  const refreshTokens = new Map<string, string[]>();
  let before: Map<string, Entry[]>;

  const entriesOf = async (query: Query, ownerColumn: 'user_id' | 'profile_id', owner: string): Promise<Entry[]> =>
    (
      await query(
        `select media_type, title_id, added_at::text as added_at, seq::text as seq, snapshot from watchlist where ${ownerColumn} = $1 order by added_at desc, seq desc`,
        [owner],
      )
    ).rows as unknown as Entry[];

  beforeAll(async () => {
    const folder = await v1Migrations();
    removeFolder = folder.remove;
    v1 = await backend.open(folder.folder);
    const { query } = v1;
    // The v1 schema: no profiles table, lists and sessions on the account.
    expect((await query(`select to_regclass('profiles') as t`)).rows[0]?.t).toBeNull();

    const passwordHash = await hashPassword(PASSWORD);
    for (const [i, name] of NAMES.entries()) {
      const email = `v1-${i}-${randomBytes(3).toString('hex')}@example.com`;
      const [row] = (
        await query(`insert into users (email, name, password_hash, created_at) values ($1, $2, $3, now() - interval '90 days') returning id`, [
          email,
          name,
          passwordHash,
        ])
      ).rows;
      // Lists of many sizes: 400 entries, some, one, none; movies and series sharing ids.
      const entries = [400, 57, 1, 0, 23, 5][i]!;
      accounts.push({ id: row!.id as string, email, name, entries });
      for (let n = 0; n < entries; n++) {
        const mediaType = n % 3 === 0 ? 'tv' : 'movie';
        const titleId = 900_000 + Math.floor(n / 2);
        const snapshot = {
          id: titleId,
          media_type: mediaType,
          title: `Title ${n} of ${i} — “quoted” & ünïcode`,
          overview: 'v1 snapshot',
          poster_path: null,
          backdrop_path: null,
          poster_url: null,
          backdrop_url: null,
          release_date: '1999-10-15',
          vote_average: 7.5,
          genre_ids: [18, 53],
        };
        await query(
          `insert into watchlist (user_id, media_type, title_id, added_at, snapshot) values ($1, $2, $3, now() - make_interval(mins => $4), $5)
           on conflict do nothing`,
          [row!.id, mediaType, titleId, n % 7, JSON.stringify(snapshot)],
        );
      }
      // Two live sessions per account, each with an unused refresh token, and one revoked session.
      const tokens: string[] = [];
      for (let s = 0; s < 2; s++) {
        const [session] = (await query(`insert into sessions (user_id, expires_at) values ($1, now() + interval '60 days') returning id`, [row!.id])).rows;
        const token = randomBytes(32).toString('base64url');
        tokens.push(token);
        await query(`insert into refresh_tokens (token_hash, session_id, expires_at) values ($1, $2, now() + interval '30 days')`, [
          createHash('sha256').update(token, 'utf8').digest('hex'),
          session!.id,
        ]);
      }
      await query(`insert into sessions (user_id, expires_at, revoked_at, revoked_reason) values ($1, now() + interval '60 days', now(), 'logout')`, [row!.id]);
      refreshTokens.set(row!.id as string, tokens);
    }
    before = new Map();
    for (const account of accounts) before.set(account.id, await entriesOf(query, 'user_id', account.id));
    expect(before.get(accounts[0]!.id)!.length).toBeGreaterThan(250);

    const database = await v1.upgrade();
    const testDatabase: TestDatabase = { ...database, cleanup: () => v1.cleanup(), reopen: () => Promise.reject(new Error('not reopened')) };
    t = await buildTestApp({ backend: { name: backend.name, open: () => Promise.resolve(testDatabase) }, database: testDatabase });
  });
  afterAll(async () => {
    await t?.close();
    await removeFolder?.();
  });

  /** Raw SQL on the upgraded database (both drivers' clients answer `query(text, params)` with `rows`). */
  const clientQuery: Query = (text, params) => (t.database.db as unknown as { $client: { query: Query } }).$client.query(text, params);
  const rows = async (text: string, params: unknown[] = []) => (await clientQuery(text, params)).rows;

  it('every account has exactly one profile, its owner profile: named after it (cut to 30, trimmed), `all`, unlocked', async () => {
    for (const account of accounts) {
      const profiles = await rows(`select * from profiles where user_id = $1`, [account.id]);
      expect(profiles).toHaveLength(1);
      const [profile] = profiles;
      expect(profile).toMatchObject({ owner: true, kids: false, maturity: 'all', pin_hash: null, name: ownerName(account.name) });
      expect(AVATAR_KEYS).toContain(profile!.avatar);
      expect(String(profile!.name)).toBe(String(profile!.name).trim());
      expect([...String(profile!.name)].length).toBeLessThanOrEqual(FIELD_LIMITS.profileName.max);
    }
    expect((await rows(`select count(*)::int as n from profiles`))[0]?.n).toBe(accounts.length);
  });

  it('every list entry moved to its account’s owner profile: the same count and the same content, in the same order', async () => {
    let total = 0;
    for (const account of accounts) {
      const [owner] = await rows(`select id from profiles where user_id = $1 and owner`, [account.id]);
      const after = await entriesOf(clientQuery, 'profile_id', owner!.id as string);
      expect(after).toEqual(before.get(account.id));
      total += after.length;
    }
    expect((await rows(`select count(*)::int as n from watchlist`))[0]?.n).toBe(total);
    expect(total).toBe([...before.values()].reduce((sum, list) => sum + list.length, 0));
  });

  it('every session (live or revoked) is on its account’s owner profile', async () => {
    const sessions = await rows(`select s.id, s.profile_id, p.user_id, p.owner, s.user_id as session_user from sessions s join profiles p on p.id = s.profile_id`);
    expect(sessions).toHaveLength(accounts.length * 3);
    for (const session of sessions) {
      expect(session.owner).toBe(true);
      expect(session.user_id).toBe(session.session_user);
    }
  });

  it('v1 refresh tokens still work, answering the owner profile and its list; v1 passwords sign in', async () => {
    for (const account of accounts) {
      const [owner] = await rows(`select id from profiles where user_id = $1 and owner`, [account.id]);
      const [token] = refreshTokens.get(account.id)!;
      const res = await t.app.inject({ method: 'POST', url: '/api/auth/refresh', payload: { refresh_token: token } });
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json() as TokenResponse;
      expect(body.profile).toMatchObject({ id: owner!.id, owner: true, name: ownerName(account.name) });
      expect(body.user.watchlist).toEqual(before.get(account.id)!.map((entry) => entry.title_id));
      const list = await t.app.inject({ method: 'GET', url: '/api/watchlist', headers: { authorization: `Bearer ${body.access_token}` } });
      expect(list.statusCode).toBe(200);
      expect(list.json().total_results).toBe(before.get(account.id)!.length);
      expect(list.json().results.map((title: { id: number; media_type: string }) => `${title.media_type}:${title.id}`)).toEqual(
        before.get(account.id)!.map((entry) => `${entry.media_type}:${entry.title_id}`),
      );
      // Rotation works as before: the used token is dead.
      expect((await t.app.inject({ method: 'POST', url: '/api/auth/refresh', payload: { refresh_token: token } })).statusCode).toBe(401);
    }
    const login = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: accounts[1]!.email, password: PASSWORD } });
    expect(login.statusCode).toBe(200);
    expect(login.json().profile.owner).toBe(true);
  });

  it('a migrated account works as a new one: it can add profiles, and its owner profile cannot be deleted', async () => {
    const account = accounts[2]!;
    const [, token] = refreshTokens.get(account.id)!;
    const tokens = (await t.app.inject({ method: 'POST', url: '/api/auth/refresh', payload: { refresh_token: token } })).json() as TokenResponse;
    const auth = { authorization: `Bearer ${tokens.access_token}` };
    expect((await t.app.inject({ method: 'POST', url: '/api/profiles', headers: auth, payload: { name: 'Second' } })).statusCode).toBe(201);
    expect((await t.app.inject({ method: 'DELETE', url: `/api/profiles/${tokens.profile.id}`, headers: auth })).json().code).toBe('LAST_PROFILE');
  });
});
