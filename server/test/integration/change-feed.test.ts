/** The PostgreSQL change feed: triggers announce committed changes, the listener survives losing its connection. */
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Change } from '../../src/db/change-feed.js';
import { profiles, sessions, users, watchlist } from '../../src/db/schema.js';
import { databaseBackends, type TestDatabase } from '../helpers/backends.js';

const postgres = databaseBackends.find((backend) => backend.name === 'postgres');

describe.runIf(postgres)('change feed on postgres', () => {
  let database: TestDatabase;
  const heard: Change[] = [];
  let userId: string;
  let profileId: string;

  beforeAll(async () => {
    database = await postgres!.open();
    database.changes.subscribe((change) => heard.push(change));
    const [user] = await database.db.insert(users).values({ email: `feed-${Date.now()}@example.com`, name: 'Feed', passwordHash: 'x' }).returning();
    userId = user!.id;
    const [profile] = await database.db.insert(profiles).values({ userId, name: 'Feed', avatar: 'ember', owner: true }).returning();
    profileId = profile!.id;
  });
  afterAll(() => database.cleanup());

  const since = async (mark: number) => {
    await database.changes.sync();
    return heard.slice(mark);
  };

  it('announces revoked and deleted sessions, changed profiles and every change to a list, once committed', async () => {
    const [session] = await database.db.insert(sessions).values({ userId, profileId, expiresAt: new Date(Date.now() + 60_000) }).returning();
    let mark = heard.length;
    expect(await since(mark)).toEqual([]);

    await database.db.update(sessions).set({ revokedAt: new Date(), revokedReason: 'logout' }).where(eq(sessions.id, session!.id));
    expect(await since(mark)).toEqual([{ kind: 'session', id: session!.id }]);

    mark = heard.length;
    const title = { id: 603, media_type: 'movie' as const, title: 'The Matrix', overview: '', poster_path: null, backdrop_path: null, poster_url: null, backdrop_url: null, release_date: null, vote_average: 8, genre_ids: [] };
    await database.db.insert(watchlist).values({ profileId, mediaType: 'movie', titleId: 603, snapshot: title });
    await database.db.delete(watchlist).where(eq(watchlist.profileId, profileId));
    await database.db.delete(sessions).where(eq(sessions.id, session!.id));
    expect(await since(mark)).toEqual([
      { kind: 'watchlist', profileId },
      { kind: 'watchlist', profileId },
      { kind: 'session', id: session!.id },
    ]);

    mark = heard.length;
    await database.db.update(profiles).set({ maturity: 'teens' }).where(eq(profiles.id, profileId));
    expect(await since(mark)).toEqual([{ kind: 'profile', id: profileId }]);

    // A rolled-back change announces nothing.
    mark = heard.length;
    await database.db
      .transaction(async (tx) => {
        await tx.insert(watchlist).values({ profileId, mediaType: 'movie', titleId: 604, snapshot: { ...title, id: 604 } });
        throw new Error('roll back');
      })
      .catch(() => {});
    expect(await since(mark)).toEqual([]);
  });

  it('stops trusting caches when its connection is lost, tells subscribers to drop them, and listens again', async () => {
    expect(database.changes.trusted).toBe(true);
    const reset = new Promise<void>((resolve) => database.changes.subscribe((change) => change.kind === 'reset' && resolve()));
    await database.db.execute(sql`select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and application_name = 'marquee-changes'`);
    await reset;
    expect(database.changes.trusted).toBe(false);

    // The feed announces no reconnection (subscribers only need to hear that caches are trusted
    // less, not more): its state is watched until it listens again.
    await expect.poll(() => database.changes.trusted, { timeout: 5_000 }).toBe(true);
    expect(database.changes.trusted).toBe(true);
    const after = heard.length;
    await database.db.update(users).set({ name: 'Feed again' }).where(eq(users.id, userId));
    const [session] = await database.db.insert(sessions).values({ userId, profileId, expiresAt: new Date(Date.now() + 60_000) }).returning();
    await database.db.delete(sessions).where(eq(sessions.id, session!.id));
    expect(await since(after)).toEqual([{ kind: 'session', id: session!.id }]);
  });
});
