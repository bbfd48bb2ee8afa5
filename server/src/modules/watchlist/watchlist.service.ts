/**
 * "My List": entries are stored with a snapshot of the title and hydrated from the catalog on
 * read, in one concurrent pass through the catalog cache. A title the catalog can no longer
 * resolve is shown from its snapshot instead of breaking the whole list.
 *
 * Each user's answer is kept serialised (with its ETag) until their list changes or the hydrated
 * titles are due a refresh: a repeated read costs no query and no JSON.stringify. A change made here
 * drops the answer after it commits; one made by another instance sharing PostgreSQL arrives
 * through the database's change feed, and while the feed is not listening every read goes to the
 * database.
 */
import { LRUCache } from 'lru-cache';
import type { MediaType, Title, Watchlist, WatchlistEntry } from '@marquee/contracts';
import type { ChangeFeed } from '../../db/change-feed.js';
import type { Database } from '../../db/database.js';
import { conflict, notFound } from '../../errors.js';
import type { Caller } from '../../domain/caller.js';
import { readyJson, type ReadyAnswer } from '../../lib/representation.js';
import { WatchlistRepository, type WatchlistKey, type WatchlistRow } from './watchlist.repository.js';

/** The most titles one list holds. */
export const WATCHLIST_LIMIT = 1000;

/** What the watchlist needs of the catalog. */
export interface TitleLookup {
  /** Throws notFound for an unknown title, or an upstream error. */
  getTitle(mediaType: MediaType, id: number): Promise<Title>;
  /** Null where a title cannot be resolved; never throws. */
  findTitles(refs: { mediaType: MediaType; id: number }[]): Promise<(Title | null)[]>;
}

/** How long a serialised list is reused before its titles are hydrated again. */
const ANSWER_TTL_MS = 60_000;
/** Memory for serialised lists (a 50-title list is about 20 KB). */
const ANSWERS_MAX_BYTES = 32 * 1024 * 1024;

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
  /** Serialised lists by user id. */
  private readonly answers = new LRUCache<string, ReadyAnswer>({
    maxSize: ANSWERS_MAX_BYTES,
    sizeCalculation: (answer, userId) => answer.body.length + userId.length + 64,
    ttl: ANSWER_TTL_MS,
  });
  private readonly changes: ChangeFeed;
  /** Bumped by every invalidation: a read that overlapped one must not cache what it read. */
  private epoch = 0;

  constructor(deps: { database: Database; catalog: TitleLookup }) {
    this.repository = new WatchlistRepository(deps.database.db);
    this.catalog = deps.catalog;
    this.changes = deps.database.changes;
    this.changes.subscribe((change) => {
      if (change.kind === 'watchlist') this.changed(change.userId);
      else if (change.kind === 'reset') {
        this.epoch += 1;
        this.answers.clear();
      }
    });
  }

  async list(user: Caller): Promise<Watchlist> {
    const rows = await this.repository.listByUser(user.userId);
    const titles = await this.catalog.findTitles(rows.map((row) => ({ mediaType: row.mediaType, id: row.titleId })));
    const unresolved = rows.filter((_, i) => titles[i] === null);
    const stored = await this.repository.snapshots(user.userId, unresolved.map((row) => row.titleId));
    const snapshotOf = (row: WatchlistKey) =>
      stored.find((entry) => entry.titleId === row.titleId && entry.mediaType === row.mediaType)?.snapshot;
    const results = rows.flatMap((row, i) => {
      const title = titles[i] ?? snapshotOf(row);
      // Only a row deleted between the two reads has neither; it is no longer in the list.
      return title ? [{ ...toTitle(title), added_at: row.addedAt.toISOString() }] : [];
    });
    return { results, total_results: results.length };
  }

  /**
   * The user's list as ready bytes with its ETag: the cached answer while the change feed lets the
   * cache answer, else read, hydrated and serialised (and cached, unless a change overlapped the read).
   */
  async answer(user: Caller): Promise<ReadyAnswer> {
    const trusted = this.changes.trusted;
    if (trusted) {
      const cached = this.answers.get(user.userId);
      if (cached) return cached;
    }
    const epoch = this.epoch;
    const answer = readyJson(await this.list(user));
    if (trusted && this.changes.trusted && epoch === this.epoch) this.answers.set(user.userId, answer);
    return answer;
  }

  /** Title ids of the user's list, newest first (`User.watchlist`). */
  ids(userId: string): Promise<number[]> {
    return this.repository.idsByUser(userId);
  }

  /** Drops the user's serialised list; call it after a change has committed. */
  private changed(userId: string): void {
    this.epoch += 1;
    this.answers.delete(userId);
  }

  async add(user: Caller, mediaType: MediaType, id: number): Promise<AddOutcome> {
    // Already listed: answer from the database alone, so a re-add works even when the catalog is down.
    const existing = await this.repository.find(user.userId, mediaType, id);
    if (existing) return { created: false, entry: toEntry(existing) };
    const title = toTitle(await this.catalog.getTitle(mediaType, id));
    const result = await this.repository.addIfAbsent(user.userId, title, WATCHLIST_LIMIT);
    if (result.outcome === 'added') this.changed(user.userId);
    if (result.outcome === 'full') {
      throw conflict('WATCHLIST_FULL', `My List already holds ${WATCHLIST_LIMIT} titles; remove one to add another.`);
    }
    return { created: result.outcome === 'added', entry: toEntry(result.row) };
  }

  async remove(user: Caller, mediaType: MediaType, id: number): Promise<void> {
    const removed = await this.repository.remove(user.userId, mediaType, id);
    if (removed) this.changed(user.userId);
    else throw notFound('title in My List');
  }
}
