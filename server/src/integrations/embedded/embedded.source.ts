/**
 * The offline catalog: 3,200 films derived from vega-datasets plus hand-written TV series, with
 * generated artwork. Answers every `CatalogSource` call from memory with TMDB's shapes, so the web
 * app cannot tell the modes apart. Orderings are computed once at start-up; calls only slice.
 */
import {
  maturityAllows,
  type Credits,
  type Genre,
  type MaturityLevel,
  type MediaType,
  type Page,
  type Season,
  type SeasonSummary,
  type Title,
  type TitleDetails,
  type Trailer,
  type TrendingWindow,
  type WatchProviders,
} from '@marquee/contracts';
import { notFound } from '../../errors.js';
import type { CatalogGenres, CatalogSource, MaturityLimit } from '../catalog-source.js';
import { artworkFile, artworkUrl } from './artwork.js';
import { loadEmbeddedCatalog, type EmbeddedCatalog, type EmbeddedTitle } from './embedded.data.js';
import { createSearchIndex, type EmbeddedSearchIndex } from './embedded.search.js';
import { rankSimilar } from './embedded.similar.js';
import { MOVIE_GENRES, TV_GENRES, genreName } from './genres.js';

/** TMDB's page size and its page cap. */
export const PAGE_SIZE = 20;
export const MAX_PAGES = 500;

/** The featured title rotates daily through this many of the best-rated, well-known titles. */
const FEATURED_POOL_SIZE = 50;
/** Votes a title needs to be featured: a hero should be something most people have heard of. */
const FEATURED_MIN_VOTES = 50_000;

/**
 * Trending = popularity decayed by age, so recent hits rise above old classics. `day` favours the
 * new more strongly than `week`, and gives series slightly more slots, so the lists differ a little.
 * Age counts from the newest title of the same media type: the films end in 2010, the series later.
 */
const TRENDING: Record<TrendingWindow, { halfLifeYears: number; tvEvery: number }> = {
  day: { halfLifeYears: 3, tvEvery: 3 },
  week: { halfLifeYears: 6, tvEvery: 4 },
};

/**
 * The titles a hero rotates through: the best-rated of the well-known ones; where a list holds no
 * well-known title at all, the best-rated of its most-voted instead.
 */
function featuredPoolOf(titles: readonly EmbeddedTitle[]): EmbeddedTitle[] {
  const best = (a: EmbeddedTitle, b: EmbeddedTitle) => b.vote_average - a.vote_average || b.vote_count - a.vote_count || a.id - b.id;
  const known = titles.filter((title) => title.vote_count >= FEATURED_MIN_VOTES);
  if (known.length > 0) return known.sort(best).slice(0, FEATURED_POOL_SIZE);
  const mostVoted = [...titles].sort((a, b) => b.vote_count - a.vote_count || a.id - b.id).slice(0, FEATURED_POOL_SIZE);
  return mostVoted.sort(best);
}

export interface EmbeddedSourceOptions {
  /** The clock that picks the day's featured title (tests pass a fixed one). */
  now?: () => Date;
}

/** Root-relative artwork URLs, served by the artwork route; the URLs carry the artwork's version. */
function toTitle(entry: EmbeddedTitle): Title {
  const file = artworkFile(entry.media_type, entry.id);
  return {
    id: entry.id,
    media_type: entry.media_type,
    title: entry.title,
    overview: entry.overview,
    poster_path: `/${file}`,
    backdrop_path: `/${file}`,
    poster_url: artworkUrl('poster', entry.media_type, entry.id),
    backdrop_url: artworkUrl('backdrop', entry.media_type, entry.id),
    release_date: entry.release_date,
    vote_average: entry.vote_average,
    genre_ids: [...entry.genre_ids],
  };
}

/** The seasons the data knows: their numbers and the first one's air date; episode counts are not known. */
function seasonsOf(entry: EmbeddedTitle): SeasonSummary[] {
  return Array.from({ length: entry.seasons ?? 0 }, (_, i) => ({
    season_number: i + 1,
    name: `Season ${i + 1}`,
    episode_count: null,
    air_date: i === 0 ? entry.release_date : null,
    poster_url: null,
  }));
}

/** A stable positive id for a person the data names only by name (FNV-1a, 31 bits). */
export function personId(name: string): number {
  let hash = 0x811c9dc5;
  for (const char of name) {
    hash ^= char.codePointAt(0) as number;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return (hash & 0x7fffffff) || 1;
}

/** "More like this" lists hold at most this many titles (five pages). */
const SIMILAR_MAX = 100;

function toDetails(entry: EmbeddedTitle): TitleDetails {
  return {
    ...toTitle(entry),
    ...(entry.media_type === 'tv' ? { seasons: seasonsOf(entry) } : {}),
    genres: entry.genre_ids.map((id) => ({ id, name: genreName(entry.media_type, id) ?? 'Unknown' })),
    runtime: entry.runtime,
    tagline: entry.tagline,
    vote_count: entry.vote_count,
    trailer_url: null,
    certification: entry.certification,
  };
}

/** One page of an ordered list, with TMDB's totals; a page past the end is empty with the same totals. */
export function paginate(entries: readonly EmbeddedTitle[], page: number): Page {
  const totalPages = Math.min(MAX_PAGES, Math.ceil(entries.length / PAGE_SIZE));
  const safePage = Number.isInteger(page) && page >= 1 ? page : 1;
  const results = safePage <= totalPages ? entries.slice((safePage - 1) * PAGE_SIZE, safePage * PAGE_SIZE).map(toTitle) : [];
  return { page: safePage, total_pages: totalPages, total_results: entries.length, results };
}

const byPopularity = (a: EmbeddedTitle, b: EmbeddedTitle) => b.popularity - a.popularity || a.id - b.id;

function trendingOrder(catalog: EmbeddedCatalog, window: TrendingWindow): EmbeddedTitle[] {
  const { halfLifeYears, tvEvery } = TRENDING[window];
  const decayed = (titles: readonly EmbeddedTitle[]) => {
    const newest = Math.max(...titles.map((title) => title.year ?? 0));
    const score = (title: EmbeddedTitle) => title.popularity * 0.5 ** ((newest - (title.year ?? newest - 50)) / halfLifeYears);
    return titles
      .map((title) => ({ title, score: score(title) }))
      .sort((a, b) => b.score - a.score || a.title.id - b.title.id)
      .map(({ title }) => title);
  };
  // Interleaved rather than merged by score: the two media types' vote scales are not the same
  // measure, and a fixed rhythm guarantees every page of the blend holds both while series last.
  const movies = decayed(catalog.movies);
  const tv = decayed(catalog.tv);
  const blend: EmbeddedTitle[] = [];
  let m = 0;
  let t = 0;
  while (m < movies.length || t < tv.length) {
    const tvTurn = (blend.length + 1) % tvEvery === 0;
    if ((tvTurn && t < tv.length) || m >= movies.length) blend.push(tv[t++]!);
    else blend.push(movies[m++]!);
  }
  return blend;
}

/** The entries of an ordered list a maturity level allows, in the same order. */
const withinLevel = (entries: readonly EmbeddedTitle[], level: MaturityLevel) =>
  level === 'all' ? entries : entries.filter((entry) => maturityAllows(level, entry.certification));

/**
 * The embedded catalog as a CatalogSource. Every list is filtered by the maturity limit before it
 * is paged (each level's lists are computed once, on first use), so pages are full and totals exact.
 */
export class EmbeddedSource implements CatalogSource {
  readonly kind = 'embedded' as const;
  private readonly popularMovies: EmbeddedTitle[];
  private readonly trendingLists: Record<TrendingWindow, EmbeddedTitle[]>;
  private readonly featuredPool: EmbeddedTitle[];
  private readonly byGenre = new Map<string, EmbeddedTitle[]>();
  /** Each list as a level below `all` sees it, by list and level. */
  private readonly byLevel = new WeakMap<readonly EmbeddedTitle[], Map<MaturityLevel, readonly EmbeddedTitle[]>>();
  private readonly featuredPools = new Map<MaturityLevel, EmbeddedTitle[]>();
  private readonly index: EmbeddedSearchIndex;
  private readonly now: () => Date;

  constructor(
    private readonly catalog: EmbeddedCatalog,
    options: EmbeddedSourceOptions = {},
  ) {
    this.now = options.now ?? (() => new Date());
    this.popularMovies = [...catalog.movies].sort(byPopularity);
    this.trendingLists = { day: trendingOrder(catalog, 'day'), week: trendingOrder(catalog, 'week') };
    this.featuredPool = featuredPoolOf([...catalog.movies, ...catalog.tv]);
    this.index = createSearchIndex([...catalog.movies, ...catalog.tv]);
  }

  async popular(page: number, limit: MaturityLimit): Promise<Page> {
    return paginate(this.within(this.popularMovies, limit.level), page);
  }

  async trending(window: TrendingWindow, page: number, limit: MaturityLimit): Promise<Page> {
    return paginate(this.within(this.trendingLists[window] ?? this.trendingLists.week, limit.level), page);
  }

  /** The day's hero within the limit: the pool rotates at midnight UTC, so the title is stable for a whole day. */
  async featured(limit: MaturityLimit): Promise<TitleDetails> {
    const pool = this.featuredPoolFor(limit.level);
    const day = Math.floor(this.now().getTime() / 86_400_000);
    const entry = pool[((day % pool.length) + pool.length) % pool.length];
    if (!entry) throw notFound('title');
    return toDetails(entry);
  }

  async discover(mediaType: MediaType, genreId: number, page: number, limit: MaturityLimit): Promise<Page> {
    return paginate(this.within(this.genreList(mediaType, genreId), limit.level), page);
  }

  async search(query: string, page: number, genreId: number | undefined, limit: MaturityLimit): Promise<Page> {
    if (query.trim() === '') return paginate([], page);
    // The genre and maturity filters run inside the search, before paging: full pages and accurate totals.
    const { level } = limit;
    const filter =
      genreId === undefined && level === 'all'
        ? undefined
        : (title: EmbeddedTitle) => (genreId === undefined || title.genre_ids.includes(genreId)) && maturityAllows(level, title.certification);
    return paginate(this.index.search(query.trim(), filter), page);
  }

  async details(mediaType: MediaType, id: number): Promise<TitleDetails> {
    return toDetails(this.find(mediaType, id));
  }

  /** The data set has no trailers: a known title has none (the service answers 404). */
  async trailer(mediaType: MediaType, id: number): Promise<Trailer | null> {
    this.find(mediaType, id);
    return null;
  }

  /** The ranking of `embedded.similar.ts`, within the limit before paging (full pages, exact totals). */
  async similar(mediaType: MediaType, id: number, page: number, limit: MaturityLimit): Promise<Page> {
    const source = this.find(mediaType, id);
    const candidates = mediaType === 'movie' ? this.catalog.movies : this.catalog.tv;
    return paginate(withinLevel(rankSimilar(source, candidates), limit.level).slice(0, SIMILAR_MAX), page);
  }

  /** The data names directors (films) and creators (series), no cast. */
  async credits(mediaType: MediaType, id: number): Promise<Credits> {
    const entry = this.find(mediaType, id);
    const job = mediaType === 'movie' ? 'Director' : 'Creator';
    return { cast: [], crew: entry.people.map((name) => ({ id: personId(name), name, job })) };
  }

  /** A season the data knows, without episodes: their names and plots are not known, and never invented. */
  async season(tvId: number, seasonNumber: number): Promise<Season> {
    const summary = seasonsOf(this.find('tv', tvId)).find((season) => season.season_number === seasonNumber);
    if (!summary) throw notFound('season');
    return { season_number: summary.season_number, name: summary.name, air_date: summary.air_date, overview: '', episodes: [] };
  }

  /** The data has no offers: empty lists for a known title. */
  async providers(mediaType: MediaType, id: number, region: string): Promise<WatchProviders> {
    this.find(mediaType, id);
    return { region, link: null, flatrate: [], rent: [], buy: [] };
  }

  /**
   * Only the genres that hold titles here: a movie genre with films, a TV genre with series. A genre
   * both lists name (Crime, Drama, …) is then a movie genre when it has films, else a TV genre, so
   * its page answers the films when there are any and the series otherwise (Crime offline).
   */
  async genres(): Promise<CatalogGenres> {
    const held = (mediaType: MediaType) => (genre: Genre) => this.genreList(mediaType, genre.id).length > 0;
    return {
      movie: MOVIE_GENRES.filter(held('movie')).map((genre) => ({ ...genre })),
      tv: TV_GENRES.filter(held('tv')).map((genre) => ({ ...genre })),
    };
  }

  private within(entries: readonly EmbeddedTitle[], level: MaturityLevel): readonly EmbeddedTitle[] {
    if (level === 'all') return entries;
    let levels = this.byLevel.get(entries);
    if (!levels) this.byLevel.set(entries, (levels = new Map()));
    let list = levels.get(level);
    if (!list) levels.set(level, (list = withinLevel(entries, level)));
    return list;
  }

  /** The featured pool of a level: the best well-known titles it allows. */
  private featuredPoolFor(level: MaturityLevel): EmbeddedTitle[] {
    if (level === 'all') return this.featuredPool;
    let pool = this.featuredPools.get(level);
    if (!pool) this.featuredPools.set(level, (pool = featuredPoolOf(withinLevel([...this.catalog.movies, ...this.catalog.tv], level))));
    return pool;
  }

  private find(mediaType: MediaType, id: number): EmbeddedTitle {
    const entry = this.catalog.get(mediaType, id);
    if (!entry) throw notFound('title');
    return entry;
  }

  private genreList(mediaType: MediaType, genreId: number): EmbeddedTitle[] {
    const key = `${mediaType}:${genreId}`;
    let list = this.byGenre.get(key);
    // Only TMDB's genres are remembered, so odd ids cannot grow the map.
    if (!list && genreName(mediaType, genreId) === undefined) return [];
    if (!list) {
      const titles = mediaType === 'movie' ? this.catalog.movies : this.catalog.tv;
      list = titles.filter((title) => title.genre_ids.includes(genreId)).sort(byPopularity);
      this.byGenre.set(key, list);
    }
    return list;
  }
}

let memo: EmbeddedSource | undefined;

/** The offline catalog, loaded and indexed once per process. */
export async function createEmbeddedSource(): Promise<CatalogSource> {
  memo ??= new EmbeddedSource(loadEmbeddedCatalog());
  return memo;
}
