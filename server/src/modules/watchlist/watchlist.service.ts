/**
 * "My List": entries are stored with a snapshot of the title and hydrated from the catalog on
 * read, in one concurrent pass through the catalog cache. A title the catalog can no longer
 * resolve is shown from its snapshot instead of breaking the whole list.
 */
import type { MediaType, Title, Watchlist, WatchlistEntry } from '@marquee/contracts';
import type { Db } from '../../db/database.js';
import { conflict, notFound } from '../../errors.js';
import type { AuthUser } from '../../plugins/auth.js';
import { WatchlistRepository, type WatchlistRow } from './watchlist.repository.js';

/** The most titles one list holds. */
export const WATCHLIST_LIMIT = 1000;

/** What the watchlist needs of the catalog. */
export interface TitleLookup {
  /** Throws notFound for an unknown title, or an upstream error. */
  getTitle(mediaType: MediaType, id: number): Promise<Title>;
  /** Null where a title cannot be resolved; never throws. */
  findTitles(refs: { mediaType: MediaType; id: number }[]): Promise<(Title | null)[]>;
}

export interface AddOutcome {
  created: boolean;
  entry: WatchlistEntry;
}

const toEntry = (row: WatchlistRow): WatchlistEntry => ({
  id: row.titleId,
  media_type: row.mediaType,
  added_at: row.addedAt.toISOString(),
});

/** Only the Title fields: a details object from the catalog carries more. */
function toTitle(title: Title): Title {
  return {
    id: title.id,
    media_type: title.media_type,
    title: title.title,
    overview: title.overview,
    poster_path: title.poster_path,
    backdrop_path: title.backdrop_path,
    poster_url: title.poster_url,
    backdrop_url: title.backdrop_url,
    release_date: title.release_date,
    vote_average: title.vote_average,
    genre_ids: title.genre_ids,
  };
}

export class WatchlistService {
  private readonly repository: WatchlistRepository;
  private readonly catalog: TitleLookup;

  constructor(deps: { db: Db; catalog: TitleLookup }) {
    this.repository = new WatchlistRepository(deps.db);
    this.catalog = deps.catalog;
  }

  async list(user: AuthUser): Promise<Watchlist> {
    const rows = await this.repository.listByUser(user.id);
    const titles = await this.catalog.findTitles(rows.map((row) => ({ mediaType: row.mediaType, id: row.titleId })));
    const results = rows.map((row, i) => ({ ...toTitle(titles[i] ?? row.snapshot), added_at: row.addedAt.toISOString() }));
    return { results, total_results: results.length };
  }

  async add(user: AuthUser, mediaType: MediaType, id: number): Promise<AddOutcome> {
    // Already listed: answer from the database alone, so a re-add works even when the catalog is down.
    const existing = await this.repository.find(user.id, mediaType, id);
    if (existing) return { created: false, entry: toEntry(existing) };
    const title = toTitle(await this.catalog.getTitle(mediaType, id));
    const result = await this.repository.addIfAbsent(user.id, title, WATCHLIST_LIMIT);
    if (result.outcome === 'full') {
      throw conflict('WATCHLIST_FULL', `My List already holds ${WATCHLIST_LIMIT} titles; remove one to add another.`);
    }
    return { created: result.outcome === 'added', entry: toEntry(result.row) };
  }

  async remove(user: AuthUser, mediaType: MediaType, id: number): Promise<void> {
    if (!(await this.repository.remove(user.id, mediaType, id))) throw notFound('title in My List');
  }
}
