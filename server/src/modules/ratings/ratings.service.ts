/**
 * Thumbs up / down, one per title and profile. Rating a title checks it exists (404) and is within
 * the profile's limit (403); the list is hydrated from the catalog like My List, with the stored
 * snapshot for a title the catalog can no longer resolve, and hides titles above the limit.
 */
import { maturityAllows, type MediaType, type RatingEntry, type RatingList, type RatingValue } from '@marquee/contracts';
import { titleFields } from '../../domain/title.js';
import type { Database } from '../../db/database.js';
import type { Caller } from '../../domain/caller.js';
import type { CertifiedTitle } from '../../domain/certified-title.js';
import { maturityRestricted, notFound } from '../../errors.js';
import { RatingsRepository, type RatingRow } from './ratings.repository.js';

/** What ratings need of the catalog. */
export interface RatedTitleLookup {
  /** Throws notFound for an unknown title, or an upstream error. */
  getTitle(mediaType: MediaType, id: number): Promise<CertifiedTitle>;
  /** Null where a title cannot be resolved; never throws. */
  findTitles(refs: { mediaType: MediaType; id: number }[]): Promise<(CertifiedTitle | null)[]>;
}

export type RatingOwner = Pick<Caller, 'profileId' | 'maturity'>;

/** One rating as a signal for the profile's rows: which title, its name, and when. */
export interface RatingSignal {
  mediaType: MediaType;
  id: number;
  rating: RatingValue;
  name: string;
  at: Date;
}

const toEntry = (row: RatingRow): RatingEntry => ({ id: row.titleId, media_type: row.mediaType, rating: row.rating, rated_at: row.ratedAt.toISOString() });

export class RatingsService {
  private readonly repository: RatingsRepository;
  private readonly catalog: RatedTitleLookup;

  constructor(deps: { database: Database; catalog: RatedTitleLookup }) {
    this.repository = new RatingsRepository(deps.database.db);
    this.catalog = deps.catalog;
  }

  /** Sets the profile's rating of a title within its limit. */
  async rate(owner: RatingOwner, mediaType: MediaType, id: number, rating: RatingValue): Promise<RatingEntry> {
    const found = await this.catalog.getTitle(mediaType, id);
    if (!maturityAllows(owner.maturity, found.certification)) throw maturityRestricted();
    return toEntry(await this.repository.upsert(owner.profileId, titleFields(found.title), rating));
  }

  async remove(owner: RatingOwner, mediaType: MediaType, id: number): Promise<void> {
    if (!(await this.repository.remove(owner.profileId, mediaType, id))) throw notFound('rating');
  }

  /** The profile's rating of one title, or null (for `my_rating`). */
  ratingOf(profileId: string, mediaType: MediaType, id: number): Promise<RatingValue | null> {
    return this.repository.find(profileId, mediaType, id);
  }

  /** The rated titles within the profile's limit, newest first. */
  async list(owner: RatingOwner): Promise<RatingList> {
    const rows = await this.repository.listByProfile(owner.profileId);
    const found = await this.catalog.findTitles(rows.map((row) => ({ mediaType: row.mediaType, id: row.titleId })));
    const results = rows.flatMap((row, i) => {
      const current = found[i];
      // A title shown from its snapshot has no known certification: only `all` sees it.
      const title = current ? (maturityAllows(owner.maturity, current.certification) ? current.title : null) : owner.maturity === 'all' ? row.snapshot : null;
      return title ? [{ ...titleFields(title), rating: row.rating, rated_at: row.ratedAt.toISOString() }] : [];
    });
    return { results };
  }

  /** Every rating of the profile, newest first, with the title's name as rated (no catalog call). */
  async signals(profileId: string): Promise<RatingSignal[]> {
    const rows = await this.repository.listByProfile(profileId);
    return rows.map((row) => ({ mediaType: row.mediaType, id: row.titleId, rating: row.rating, name: row.snapshot.title, at: row.ratedAt }));
  }
}
