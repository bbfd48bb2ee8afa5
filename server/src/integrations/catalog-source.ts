/**
 * Where titles come from. Two implementations: TMDB (`integrations/tmdb`) and the embedded offline
 * catalog (`integrations/embedded`). The catalog service wraps a source with the cache; nothing
 * else talks to a source.
 *
 * Errors: an unknown title throws `notFound('title')`; upstream trouble throws an AppError with
 * status 429 (`UPSTREAM_RATE_LIMITED`) or 503 (`UPSTREAM_UNAVAILABLE`), which the cache may answer
 * with a stale copy instead.
 */
import type { Credits, Genre, MaturityLevel, MediaType, Page, Season, TitleDetails, Trailer, TrendingWindow, WatchProviders } from '@marquee/contracts';

export interface CatalogGenres {
  movie: Genre[];
  tv: Genre[];
}

/**
 * A maturity limit for a list: its level, and how to learn a title's US certification (through the
 * catalog's cache of details) when the source cannot filter by it itself. With level `all` nothing
 * is filtered; below it every title on a page is within the level — filtered before paging where
 * the source can (full pages, totals of the filtered list), else page by page (a page may then hold
 * fewer titles; totals stay the unfiltered list's).
 */
export interface MaturityLimit {
  level: MaturityLevel;
  certificationOf(mediaType: MediaType, id: number): Promise<string | null>;
}

/** What a remote source's client has done since start (read by the metrics listener). */
export interface UpstreamStats {
  /** Attempts sent to TMDB (retries included). */
  calls: number;
  /** Calls that ended in an error answer to the caller. */
  errors: number;
  /** Attempts repeated after a retryable failure. */
  retries: number;
  /** 0 closed, 1 open, 2 half-open. */
  breakerState: 0 | 1 | 2;
  /** Calls waiting for the rate limiter. */
  limiterQueue: number;
}

export interface CatalogSource {
  readonly kind: 'tmdb' | 'embedded';
  /** Popular movies, most popular first. */
  popular(page: number, limit: MaturityLimit): Promise<Page>;
  /** Trending movies and TV shows (never people). */
  trending(window: TrendingWindow, page: number, limit: MaturityLimit): Promise<Page>;
  /** The hero title within the limit, stable for at least a day's cache lifetime. */
  featured(limit: MaturityLimit): Promise<TitleDetails>;
  /** Titles of one genre, most popular first: `movie` for a movie genre, `tv` for a TV-only genre. */
  discover(mediaType: MediaType, genreId: number, page: number, limit: MaturityLimit): Promise<Page>;
  /** Movies and TV shows matching `query`; with `genreId`, only titles of that genre. */
  search(query: string, page: number, genreId: number | undefined, limit: MaturityLimit): Promise<Page>;
  /** One title with genres, runtime, tagline, its US certification and best trailer; throws notFound for an unknown title. */
  details(mediaType: MediaType, id: number): Promise<TitleDetails>;
  /** The best trailer, or null when the title has none; throws notFound for an unknown title. */
  trailer(mediaType: MediaType, id: number): Promise<Trailer | null>;
  /**
   * "More like this": titles like this one, best first, never the title itself, within the limit
   * (filtered before paging where the source can, else page by page); throws notFound for an unknown title.
   */
  similar(mediaType: MediaType, id: number, page: number, limit: MaturityLimit): Promise<Page>;
  /** Cast in billing order (at most 20) and directors, writers and creators; throws notFound for an unknown title. */
  credits(mediaType: MediaType, id: number): Promise<Credits>;
  /** One season of a TV show with its episodes (empty when unknown); throws notFound for an unknown show or season. */
  season(tvId: number, seasonNumber: number): Promise<Season>;
  /** Where to watch in one region (upper-case ISO 3166-1 alpha-2); empty lists when none; throws notFound for an unknown title. */
  providers(mediaType: MediaType, id: number, region: string): Promise<WatchProviders>;
  /** Movie and TV genre lists, as the provider names them. */
  genres(): Promise<CatalogGenres>;
  /** Calls, errors, retries, breaker and limiter of a remote source (TMDB), for metrics. */
  stats?(): UpstreamStats;
  /** Releases connections or timers, if the source holds any. */
  close?(): Promise<void>;
}
