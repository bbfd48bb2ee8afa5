/** Storage of a profile's thumbs: one row per title, replaced when the rating changes. */
import { and, desc, eq, sql } from 'drizzle-orm';
import type { MediaType, RatingValue, Title } from '@marquee/contracts';
import type { Db } from '../../db/database.js';
import { ratings } from '../../db/schema.js';

export interface RatingRow {
  mediaType: MediaType;
  titleId: number;
  rating: RatingValue;
  ratedAt: Date;
  snapshot: Title;
}

const columns = {
  mediaType: ratings.mediaType,
  titleId: ratings.titleId,
  rating: ratings.rating,
  ratedAt: ratings.ratedAt,
  snapshot: ratings.snapshot,
};

export class RatingsRepository {
  constructor(private readonly db: Db) {}

  /** The profile's ratings, newest change first. */
  listByProfile(profileId: string): Promise<RatingRow[]> {
    return this.db.select(columns).from(ratings).where(eq(ratings.profileId, profileId)).orderBy(desc(ratings.ratedAt), desc(ratings.seq));
  }

  /** The profile's rating of one title, or null. */
  async find(profileId: string, mediaType: MediaType, titleId: number): Promise<RatingValue | null> {
    const [row] = await this.db
      .select({ rating: ratings.rating })
      .from(ratings)
      .where(and(eq(ratings.profileId, profileId), eq(ratings.mediaType, mediaType), eq(ratings.titleId, titleId)));
    return row?.rating ?? null;
  }

  /**
   * Sets the rating in one statement (concurrent PUTs cannot both insert). `rated_at` moves only when
   * the rating changes, so repeating a PUT does not reorder the list; the snapshot is refreshed.
   */
  async upsert(profileId: string, snapshot: Title, rating: RatingValue): Promise<RatingRow> {
    const [row] = await this.db
      .insert(ratings)
      .values({ profileId, mediaType: snapshot.media_type, titleId: snapshot.id, rating, snapshot })
      .onConflictDoUpdate({
        target: [ratings.profileId, ratings.mediaType, ratings.titleId],
        set: {
          rating,
          snapshot,
          ratedAt: sql`case when ${ratings.rating} = excluded.rating then ${ratings.ratedAt} else now() end`,
          seq: sql`case when ${ratings.rating} = excluded.rating then ${ratings.seq} else nextval(pg_get_serial_sequence('ratings', 'seq')) end`,
        },
      })
      .returning(columns);
    if (!row) throw new Error('rating upsert returned no row');
    return row;
  }

  /** Removes one rating; false when the title was not rated. */
  async remove(profileId: string, mediaType: MediaType, titleId: number): Promise<boolean> {
    const deleted = await this.db
      .delete(ratings)
      .where(and(eq(ratings.profileId, profileId), eq(ratings.mediaType, mediaType), eq(ratings.titleId, titleId)))
      .returning({ titleId: ratings.titleId });
    return deleted.length > 0;
  }
}
