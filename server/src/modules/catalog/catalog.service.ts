/**
 * The catalog: every catalog question goes through the answer cache to the source (TMDB or the
 * embedded catalog). Routes get ready-to-send answers (bytes + ETag); the watchlist gets Titles.
 * Genre and search rules of API.md are decided here, and maturity limits are enforced here: every
 * list answer is made, and cached, per maturity level (never per user), and a title above the
 * caller's level answers 403.
 */
import {
  Credits,
  FIELD_LIMITS,
  GenreList,
  Season,
  WatchProviders,
  codePoints,
  maturityAllows,
  MATURITY_LEVELS,
  type MaturityLevel,
  Page,
  TitleDetails,
  Trailer,
  type CatalogInfo,
  type Genre,
  type MediaType,
  type Title,
  type TrendingWindow,
} from '@marquee/contracts';
import { titleFields } from '../../domain/title.js';
import type { TSchema } from 'typebox';
import Value from 'typebox/value';
import type { CertifiedTitle } from '../../domain/certified-title.js';
import { badRequest, invalidField, maturityRestricted, notFound } from '../../errors.js';
import { Absent, ResponseCache, type CachePolicy, type CachedAnswer, type CacheStats } from '../../lib/response-cache.js';
import type { CatalogGenres, CatalogSource, MaturityLimit, UpstreamStats } from '../../integrations/catalog-source.js';

const MINUTE = 60;
const HOUR = 60 * MINUTE;

/** Default freshness per kind of answer, in seconds. */
export const DEFAULT_TTLS = { genres: 24 * HOUR, details: 6 * HOUR, lists: 10 * MINUTE, featured: HOUR } as const;

export type CachePolicies = Record<keyof typeof DEFAULT_TTLS, CachePolicy>;

/** Per-kind policies; `ttlOverride` (CATALOG_TTL_SECONDS) replaces every freshness lifetime. */
export function cachePolicies(ttlOverride: number | null): CachePolicies {
  const make = (fresh: number, notFoundSeconds: number): CachePolicy => {
    const freshSeconds = ttlOverride ?? fresh;
    return {
      freshSeconds,
      // Serve-stale-while-refreshing for up to one lifetime (at most an hour) after freshness...
      swrSeconds: Math.min(freshSeconds, HOUR),
      // ...and, when the upstream fails, for a day: an outage shows yesterday's rows instead of none.
      staleIfErrorSeconds: 24 * HOUR,
      notFoundSeconds: Math.min(notFoundSeconds, freshSeconds),
    };
  };
  return {
    genres: make(DEFAULT_TTLS.genres, 0),
    details: make(DEFAULT_TTLS.details, MINUTE),
    lists: make(DEFAULT_TTLS.lists, 0),
    featured: make(DEFAULT_TTLS.featured, 0),
  };
}

const ATTRIBUTION = {
  tmdb: 'This product uses the TMDB API but is not endorsed or certified by TMDB.',
  embedded: 'Offline sample catalog: titles and artwork are generated sample data.',
} as const;

/** How many titles `findTitles` resolves at once (the TMDB client queues beyond its rate anyway). */
const FIND_CONCURRENCY = 8;

interface GenreIndex {
  etag: string;
  movie: Set<number>;
  tv: Set<number>;
}

/** The cache key of an answer as a level sees it: `all` keeps the plain key (what anonymous callers share). */
const atLevel = (key: string, level: MaturityLevel) => (level === 'all' ? key : `${key}@${level}`);

export interface SearchParams {
  q?: string | undefined;
  genre?: number | undefined;
  page?: number | undefined;
}

/** A source and the answer cache in front of it: switched as one, so no answer of one is served as the other's. */
export interface ActiveSource {
  source: CatalogSource;
  cache: ResponseCache;
}

export class CatalogService {
  /**
   * The one seam where the source lives. The owner connecting or disconnecting TMDB swaps it at run
   * time (`use`), with its cache: requests already under way finish on the source they started with.
   */
  private active: ActiveSource;
  private readonly policies: CachePolicies;
  private genreIndex: GenreIndex | null = null;
  /** The limit the source is given for each level. */
  private readonly limits: Record<MaturityLevel, MaturityLimit>;
  /** Certifications read out of cached details answers, held as long as the answer is. */
  private readonly certifications = new WeakMap<CachedAnswer, string | null>();
  /** Titles read out of cached pages, held as long as the answer is. */
  private readonly parsedPages = new WeakMap<CachedAnswer, readonly Title[]>();

  /** The answer cache's hits, misses and stale answers since start. */
  get cacheStats(): CacheStats {
    return this.active.cache.stats;
  }

  /** The remote source's calls and health, when the catalog has one (TMDB). */
  upstreamStats(): UpstreamStats | null {
    return this.active.source.stats?.() ?? null;
  }

  constructor(deps: { source: CatalogSource; cache: ResponseCache; policies: CachePolicies }) {
    this.active = { source: deps.source, cache: deps.cache };
    this.policies = deps.policies;
    const certificationOf = (mediaType: MediaType, id: number) => this.certificationOf(mediaType, id);
    this.limits = Object.fromEntries(MATURITY_LEVELS.map((level) => [level, { level, certificationOf }])) as Record<MaturityLevel, MaturityLimit>;
  }

  /** Where titles come from now: `tmdb` or `embedded`. */
  get mode(): 'tmdb' | 'embedded' {
    return this.active.source.kind;
  }

  /** Switches to another source (and its cache); returns the one it replaces, for the caller to close. */
  use(next: ActiveSource): ActiveSource {
    const previous = this.active;
    this.active = next;
    this.genreIndex = null;
    return previous;
  }

  /** Where titles come from, and the attribution the web footer shows. */
  info(): CatalogInfo {
    return { source: this.mode, attribution: ATTRIBUTION[this.mode] };
  }

  popular(level: MaturityLevel, page = 1): Promise<CachedAnswer> {
    return this.cached(atLevel(`popular:${page}`, level), this.policies.lists, Page, (source) => source.popular(page, this.limits[level]));
  }

  trending(level: MaturityLevel, window: TrendingWindow = 'week', page = 1): Promise<CachedAnswer> {
    return this.cached(atLevel(`trending:${window}:${page}`, level), this.policies.lists, Page, (source) => source.trending(window, page, this.limits[level]));
  }

  featured(level: MaturityLevel): Promise<CachedAnswer> {
    return this.cached(atLevel('featured', level), this.policies.featured, TitleDetails, (source) => source.featured(this.limits[level]));
  }

  /** Titles of a genre: movies for a movie genre, TV shows for a TV-only one; 404 for an unlisted id. */
  async genre(level: MaturityLevel, genreId: number, page = 1): Promise<CachedAnswer> {
    const index = await this.genreIndexOf();
    const mediaType: MediaType | null = index.movie.has(genreId) ? 'movie' : index.tv.has(genreId) ? 'tv' : null;
    if (mediaType === null) throw notFound('genre');
    return this.cached(atLevel(`genre:${genreId}:${page}`, level), this.policies.lists, Page, (source) =>
      source.discover(mediaType, genreId, page, this.limits[level]),
    );
  }

  /**
   * Search: `q` trimmed to 1…200 characters, `genre` a listed id, at least one of them. Without
   * `q` it is the genre route's page; with both, the search page narrowed to the genre.
   */
  async search(level: MaturityLevel, params: SearchParams): Promise<CachedAnswer> {
    const page = params.page ?? 1;
    const q = params.q?.trim();
    const { min, max } = FIELD_LIMITS.searchQuery;
    if (q !== undefined && (codePoints(q) < min || codePoints(q) > max)) {
      throw invalidField('/q', `must be ${min} to ${max} characters after trimming`);
    }
    if (params.genre !== undefined) {
      const index = await this.genreIndexOf();
      if (!index.movie.has(params.genre) && !index.tv.has(params.genre)) {
        throw invalidField('/genre', 'must be a genre id listed by /api/genres');
      }
    }
    if (q === undefined) {
      if (params.genre === undefined) {
        throw badRequest('Give a search text (q), a genre, or both.', [{ path: '/q', message: 'is required when genre is absent' }]);
      }
      return this.genre(level, params.genre, page);
    }
    const genre = params.genre;
    return this.cached(atLevel(`search:${genre ?? ''}:${page}:${q}`, level), this.policies.lists, Page, (source) =>
      source.search(q, page, genre, this.limits[level]),
    );
  }

  /** One title's details — one answer for every level — or 403 MATURITY_RESTRICTED above the caller's level. */
  async details(level: MaturityLevel, mediaType: MediaType, id: number): Promise<CachedAnswer> {
    const answer = await this.detailsAnswer(mediaType, id);
    if (!maturityAllows(level, this.certificationIn(answer))) throw maturityRestricted();
    return answer;
  }

  /** A title's US certification (null when unknown), read once from its cached details. */
  async certificationOf(mediaType: MediaType, id: number): Promise<string | null> {
    return this.certificationIn(await this.detailsAnswer(mediaType, id));
  }

  /** The best trailer; 404 when the title is unknown or has none, 403 above the caller's level. */
  async trailer(level: MaturityLevel, mediaType: MediaType, id: number): Promise<CachedAnswer> {
    if (level !== 'all') await this.details(level, mediaType, id);
    const { cache, source } = this.active;
    return cache.get(`trailer:${mediaType}:${id}`, this.policies.details, async () => {
      const trailer = await source.trailer(mediaType, id);
      // "No trailer" is a real answer, kept as long as one would be.
      return trailer === null ? new Absent(notFound('trailer')) : Value.Clean(Trailer, trailer);
    });
  }

  /** "More like this", as the level sees it (filtered, and cached, per level). 404 for an unknown title. */
  similar(level: MaturityLevel, mediaType: MediaType, id: number, page = 1): Promise<CachedAnswer> {
    return this.cached(atLevel(`similar:${mediaType}:${id}:${page}`, level), this.policies.details, Page, (source) =>
      source.similar(mediaType, id, page, this.limits[level]),
    );
  }

  /** The first page of "more like this" as Titles (parsed once per cached answer), for the profile's rows. */
  async similarTitles(level: MaturityLevel, mediaType: MediaType, id: number): Promise<readonly Title[]> {
    const answer = await this.similar(level, mediaType, id);
    let titles = this.parsedPages.get(answer);
    if (!titles) this.parsedPages.set(answer, (titles = ResponseCache.parse<Page>(answer).results));
    return titles;
  }

  /** Cast and crew; 404 unknown, 403 above the caller's level. */
  async credits(level: MaturityLevel, mediaType: MediaType, id: number): Promise<CachedAnswer> {
    if (level !== 'all') await this.details(level, mediaType, id);
    return this.cached(`credits:${mediaType}:${id}`, this.policies.details, Credits, (source) => source.credits(mediaType, id));
  }

  /** One season of a show with its episodes; 404 unknown show or season, 403 above the caller's level. */
  async season(level: MaturityLevel, tvId: number, seasonNumber: number): Promise<CachedAnswer> {
    if (level !== 'all') await this.details(level, 'tv', tvId);
    return this.cached(`season:${tvId}:${seasonNumber}`, this.policies.details, Season, (source) => source.season(tvId, seasonNumber));
  }

  /** Where to watch in a region (any case; the answer names it upper-case); 404 unknown, 403 above the caller's level. */
  async providers(level: MaturityLevel, mediaType: MediaType, id: number, region: string): Promise<CachedAnswer> {
    if (level !== 'all') await this.details(level, mediaType, id);
    const code = region.toUpperCase();
    return this.cached(`providers:${mediaType}:${id}:${code}`, this.policies.featured, WatchProviders, (source) => source.providers(mediaType, id, code));
  }

  /** Movie and TV genres merged by id, sorted by name. */
  genres(): Promise<CachedAnswer> {
    return this.cached('genres', this.policies.genres, GenreList, async () => {
      const raw = ResponseCache.parse<CatalogGenres>(await this.rawGenres());
      const byId = new Map<number, Genre>();
      for (const genre of [...raw.movie, ...raw.tv]) if (!byId.has(genre.id)) byId.set(genre.id, genre);
      return { genres: [...byId.values()].sort((a, b) => a.name.localeCompare(b.name, 'en') || a.id - b.id) };
    });
  }

  /** One title and its certification, through the details cache (for the watchlist). Throws notFound or an upstream error. */
  async getTitle(mediaType: MediaType, id: number): Promise<CertifiedTitle> {
    const details = ResponseCache.parse<TitleDetails>(await this.detailsAnswer(mediaType, id));
    return { title: titleFields(details), certification: details.certification };
  }

  /** Many titles, a few at a time, through the cache; null where one cannot be resolved. Never throws. */
  async findTitles(refs: { mediaType: MediaType; id: number }[]): Promise<(CertifiedTitle | null)[]> {
    const results: (CertifiedTitle | null)[] = new Array<CertifiedTitle | null>(refs.length).fill(null);
    let next = 0;
    const worker = async () => {
      while (next < refs.length) {
        const index = next++;
        const ref = refs[index] as { mediaType: MediaType; id: number };
        results[index] = await this.getTitle(ref.mediaType, ref.id).catch(() => null);
      }
    };
    await Promise.all(Array.from({ length: Math.min(FIND_CONCURRENCY, refs.length) }, worker));
    return results;
  }

  /** Releases the source's connections. */
  async close(): Promise<void> {
    this.active.cache.clear();
    await this.active.source.close?.();
  }

  private detailsAnswer(mediaType: MediaType, id: number): Promise<CachedAnswer> {
    return this.cached(`details:${mediaType}:${id}`, this.policies.details, TitleDetails, (source) => source.details(mediaType, id));
  }

  /** The certification in a details answer, parsed once per answer (a young profile asks on every request). */
  private certificationIn(answer: CachedAnswer): string | null {
    let certification = this.certifications.get(answer);
    if (certification === undefined) {
      certification = ResponseCache.parse<TitleDetails>(answer).certification ?? null;
      this.certifications.set(answer, certification);
    }
    return certification;
  }

  /** Through the cache; the value is cleaned to its contract schema once, at fill time. */
  private cached(key: string, policy: CachePolicy, schema: TSchema, load: (source: CatalogSource) => Promise<unknown>): Promise<CachedAnswer> {
    const { cache, source } = this.active;
    return cache.get(key, policy, async () => Value.Clean(schema, await load(source)));
  }

  private rawGenres(): Promise<CachedAnswer> {
    const { cache, source } = this.active;
    return cache.get('genres:raw', this.policies.genres, () => source.genres());
  }

  /** Which ids are movie genres and which TV genres, re-indexed only when the cached list changes. */
  private async genreIndexOf(): Promise<GenreIndex> {
    const cached = await this.rawGenres();
    if (this.genreIndex?.etag !== cached.etag) {
      const raw = ResponseCache.parse<CatalogGenres>(cached);
      this.genreIndex = { etag: cached.etag, movie: new Set(raw.movie.map((g) => g.id)), tv: new Set(raw.tv.map((g) => g.id)) };
    }
    return this.genreIndex;
  }
}
