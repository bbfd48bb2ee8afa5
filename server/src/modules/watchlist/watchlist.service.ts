/**
 * "My List", one per profile: entries are stored with a snapshot of the title and hydrated from the
 * catalog on read, in one concurrent pass through the catalog cache. A title the catalog can no
 * longer resolve is shown from its snapshot instead of breaking the whole list. Titles above the
 * profile's maturity limit are hidden (they come back if the limit is raised), and cannot be added.
 *
 * Each profile's answer is kept serialised (with its ETag) until its list changes, its limit
 * changes or the hydrated titles are due a refresh: a repeated read costs no query and no
 * JSON.stringify. A change made here drops the answer after it commits; one made by another
 * instance sharing PostgreSQL arrives through the database's change feed, and while the feed is not
 * listening every read goes to the database.
 */
import { LRUCache } from 'lru-cache';
import { maturityAllows, type MaturityLevel, type MediaType, type Watchlist, type WatchlistEntry } from '@marquee/contracts';
import { titleFields } from '../../domain/title.js';
import type { ChangeFeed } from '../../db/change-feed.js';
import type { Database } from '../../db/database.js';
import type { CertifiedTitle } from '../../domain/certified-title.js';
import { conflict, maturityRestricted, notFound, unauthorized } from '../../errors.js';
import type { Caller } from '../../domain/caller.js';
import { readyJson, type ReadyAnswer } from '../../lib/representation.js';
import { WatchlistRepository, type WatchlistKey, type WatchlistRow } from './watchlist.repository.js';

/** The most titles one list holds. */
export const WATCHLIST_LIMIT = 1000;

/** What the watchlist needs of the catalog. */
export interface TitleLookup {
  /** Throws notFound for an unknown title, or an upstream error. */
  getTitle(mediaType: MediaType, id: number): Promise<CertifiedTitle>;
  /** Null where a title cannot be resolved; never throws. */
  findTitles(refs: { mediaType: MediaType; id: number }[]): Promise<(CertifiedTitle | null)[]>;
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

/** The part of a caller a list depends on. */
export type ListOwner = Pick<Caller, 'profileId' | 'maturity'>;

/** A profile's serialised list, as it reads at one maturity limit. */
interface CachedList {
  maturity: MaturityLevel;
  answer: ReadyAnswer;
}

export class WatchlistService {
  private readonly repository: WatchlistRepository;
  private readonly catalog: TitleLookup;
  /** Serialised lists by profile id. */
  private readonly answers = new LRUCache<string, CachedList>({
    maxSize: ANSWERS_MAX_BYTES,
    sizeCalculation: (list, profileId) => list.answer.body.length + profileId.length + 64,
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
      if (change.kind === 'watchlist') this.changed(change.profileId);
      else if (change.kind === 'reset') {
        this.epoch += 1;
        this.answers.clear();
      }
    });
  }

  /** The profile's list within its limit, newest first. */
  async list(owner: ListOwner): Promise<Watchlist> {
    const rows = await this.repository.listByProfile(owner.profileId);
    const found = await this.catalog.findTitles(rows.map((row) => ({ mediaType: row.mediaType, id: row.titleId })));
    const unresolved = rows.filter((_, i) => found[i] === null);
    const stored = await this.repository.snapshots(owner.profileId, unresolved.map((row) => row.titleId));
    const snapshotOf = (row: WatchlistKey) =>
      stored.find((entry) => entry.titleId === row.titleId && entry.mediaType === row.mediaType)?.snapshot;
    const results = rows.flatMap((row, i) => {
      const current = found[i];
      // A title shown from its snapshot has no known certification: only `all` sees it.
      const title = current ? (maturityAllows(owner.maturity, current.certification) ? current.title : null) : owner.maturity === 'all' ? snapshotOf(row) : null;
      // Only a row deleted between the two reads has neither; it is no longer in the list.
      return title ? [{ ...titleFields(title), added_at: row.addedAt.toISOString() }] : [];
    });
    return { results, total_results: results.length };
  }

  /**
   * The profile's list as ready bytes with its ETag: the cached answer while the change feed lets
   * the cache answer, else read, hydrated and serialised (and cached, unless a change overlapped the read).
   */
  async answer(owner: ListOwner): Promise<ReadyAnswer> {
    const trusted = this.changes.trusted;
    if (trusted) {
      const cached = this.answers.get(owner.profileId);
      if (cached?.maturity === owner.maturity) return cached.answer;
    }
    const epoch = this.epoch;
    const answer = readyJson(await this.list(owner));
    if (trusted && this.changes.trusted && epoch === this.epoch) this.answers.set(owner.profileId, { maturity: owner.maturity, answer });
    return answer;
  }

  /** Title ids of the profile's list within its limit, newest first (`User.watchlist`). */
  async ids(owner: ListOwner): Promise<number[]> {
    if (owner.maturity === 'all') return this.repository.idsByProfile(owner.profileId);
    return (await this.list(owner)).results.map((title) => title.id);
  }

  /** Every entry of the profile's list, newest first, with the title's name as added (no catalog call): signals for its personal rows. */
  async signals(profileId: string): Promise<{ mediaType: MediaType; id: number; name: string; at: Date }[]> {
    const rows = await this.repository.namesByProfile(profileId);
    return rows.map((row) => ({ mediaType: row.mediaType, id: row.titleId, name: row.name, at: row.addedAt }));
  }

  /** Drops the profile's serialised list; call it after a change has committed. */
  private changed(profileId: string): void {
    this.epoch += 1;
    this.answers.delete(profileId);
  }

  /** Adds a title within the profile's limit (403 MATURITY_RESTRICTED above it); 409 when the list is full. */
  async add(owner: ListOwner, mediaType: MediaType, id: number): Promise<AddOutcome> {
    // Already listed: answer from the database alone, so a re-add works even when the catalog is down
    // (a profile below `all` still checks the title's certification: a hidden entry stays hidden).
    const existing = await this.repository.find(owner.profileId, mediaType, id);
    if (existing && owner.maturity === 'all') return { created: false, entry: toEntry(existing) };
    const found = await this.catalog.getTitle(mediaType, id);
    if (!maturityAllows(owner.maturity, found.certification)) throw maturityRestricted();
    if (existing) return { created: false, entry: toEntry(existing) };
    const result = await this.repository.addIfAbsent(owner.profileId, titleFields(found.title), WATCHLIST_LIMIT);
    if (result.outcome === 'added') this.changed(owner.profileId);
    // Deleted while this request was on its way: the profile's sessions have ended, as a token of it would now be told.
    if (result.outcome === 'profile_gone') throw unauthorized('The profile was deleted.');
    if (result.outcome === 'full') {
      throw conflict('WATCHLIST_FULL', `My List already holds ${WATCHLIST_LIMIT} titles; remove one to add another.`);
    }
    return { created: result.outcome === 'added', entry: toEntry(result.row) };
  }

  async remove(owner: ListOwner, mediaType: MediaType, id: number): Promise<void> {
    const removed = await this.repository.remove(owner.profileId, mediaType, id);
    if (removed) this.changed(owner.profileId);
    else throw notFound('title in My List');
  }
}
