/**
 * Storage of "My List" entries, one list per profile. Correctness under concurrency comes from
 * constraints and a per-profile transaction lock, not check-then-insert.
 */
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { MediaType, Title } from '@marquee/contracts';
import type { Db } from '../../db/database.js';
import { watchlist } from '../../db/schema.js';

export interface WatchlistRow {
  mediaType: MediaType;
  titleId: number;
  addedAt: Date;
  snapshot: Title;
}

/** An entry without its snapshot: what a read needs when the catalog resolves every title. */
export type WatchlistKey = Omit<WatchlistRow, 'snapshot'>;

export type AddResult = { outcome: 'added' | 'existing'; row: WatchlistRow } | { outcome: 'full' } | { outcome: 'profile_gone' };

/** Postgres' foreign_key_violation, whichever driver raised it (Drizzle keeps the driver's error as `cause`). */
function isForeignKeyViolation(error: unknown): boolean {
  for (let e: unknown = error; e; e = (e as { cause?: unknown }).cause) {
    if ((e as { code?: unknown }).code === '23503') return true;
  }
  return false;
}

const columns = {
  mediaType: watchlist.mediaType,
  titleId: watchlist.titleId,
  addedAt: watchlist.addedAt,
  snapshot: watchlist.snapshot,
};

export class WatchlistRepository {
  constructor(private readonly db: Db) {}

  /** The profile's entries, newest first, without snapshots (decoding them costs more than the rest of the query). */
  listByProfile(profileId: string): Promise<WatchlistKey[]> {
    return this.db
      .select({ mediaType: watchlist.mediaType, titleId: watchlist.titleId, addedAt: watchlist.addedAt })
      .from(watchlist)
      .where(eq(watchlist.profileId, profileId))
      .orderBy(desc(watchlist.addedAt), desc(watchlist.seq));
  }

  /** The profile's entries, newest first, with the title's name as stored when added. */
  namesByProfile(profileId: string): Promise<(WatchlistKey & { name: string })[]> {
    return this.db
      .select({ mediaType: watchlist.mediaType, titleId: watchlist.titleId, addedAt: watchlist.addedAt, name: sql<string>`${watchlist.snapshot}->>'title'` })
      .from(watchlist)
      .where(eq(watchlist.profileId, profileId))
      .orderBy(desc(watchlist.addedAt), desc(watchlist.seq));
  }

  /** Title ids of the profile's list, newest first. */
  async idsByProfile(profileId: string): Promise<number[]> {
    const rows = await this.db
      .select({ id: watchlist.titleId })
      .from(watchlist)
      .where(eq(watchlist.profileId, profileId))
      .orderBy(desc(watchlist.addedAt), desc(watchlist.seq));
    return rows.map((row) => row.id);
  }

  /** The stored snapshots of some of the profile's entries. */
  snapshots(profileId: string, titleIds: number[]): Promise<Pick<WatchlistRow, 'mediaType' | 'titleId' | 'snapshot'>[]> {
    if (titleIds.length === 0) return Promise.resolve([]);
    return this.db
      .select({ mediaType: watchlist.mediaType, titleId: watchlist.titleId, snapshot: watchlist.snapshot })
      .from(watchlist)
      .where(and(eq(watchlist.profileId, profileId), inArray(watchlist.titleId, titleIds)));
  }

  async find(profileId: string, mediaType: MediaType, titleId: number): Promise<WatchlistRow | null> {
    const [row] = await this.db
      .select(columns)
      .from(watchlist)
      .where(and(eq(watchlist.profileId, profileId), eq(watchlist.mediaType, mediaType), eq(watchlist.titleId, titleId)));
    return row ?? null;
  }

  /**
   * Adds the title unless it is already there or the list holds `limit` entries. The profile's list
   * is locked for the transaction (an advisory lock on its id) so concurrent adds cannot both pass
   * the size check, and the primary key makes a duplicate add a no-op that reports the existing entry.
   */
  async addIfAbsent(profileId: string, snapshot: Title, limit: number): Promise<AddResult> {
    try {
      return await this.addInTransaction(profileId, snapshot, limit);
    } catch (error) {
      // The profile was deleted after the request was authenticated: its list went with it.
      if (isForeignKeyViolation(error)) return { outcome: 'profile_gone' };
      throw error;
    }
  }

  private addInTransaction(profileId: string, snapshot: Title, limit: number): Promise<AddResult> {
    return this.db.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`watchlist:${profileId}`}))`);
      const key = and(eq(watchlist.profileId, profileId), eq(watchlist.mediaType, snapshot.media_type), eq(watchlist.titleId, snapshot.id));
      const [existing] = await tx.select(columns).from(watchlist).where(key);
      if (existing) return { outcome: 'existing', row: existing };
      const [count] = await tx
        .select({ n: sql<number>`count(*)::int` })
        .from(watchlist)
        .where(eq(watchlist.profileId, profileId));
      if ((count?.n ?? 0) >= limit) return { outcome: 'full' };
      const [inserted] = await tx
        .insert(watchlist)
        .values({ profileId, mediaType: snapshot.media_type, titleId: snapshot.id, snapshot })
        .onConflictDoNothing()
        .returning(columns);
      if (inserted) return { outcome: 'added', row: inserted };
      const [raced] = await tx.select(columns).from(watchlist).where(key);
      if (!raced) throw new Error('watchlist entry vanished inside its transaction');
      return { outcome: 'existing', row: raced };
    });
  }

  /** Removes one entry; false when it was not in the list. */
  async remove(profileId: string, mediaType: MediaType, titleId: number): Promise<boolean> {
    const deleted = await this.db
      .delete(watchlist)
      .where(and(eq(watchlist.profileId, profileId), eq(watchlist.mediaType, mediaType), eq(watchlist.titleId, titleId)))
      .returning({ titleId: watchlist.titleId });
    return deleted.length > 0;
  }
}
