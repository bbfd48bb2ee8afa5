/**
 * The TMDB implementation of CatalogSource: which TMDB v3 endpoint answers which question, and the
 * normalisation of its answer. Resilience lives in the client; caching wraps this from outside.
 */
import type { FastifyBaseLogger } from 'fastify';
import {
  MOVIE_CERTIFICATION_CEILING,
  maturityAllows,
  type Credits,
  type MediaType,
  type Page,
  type Season,
  type Title,
  type TitleDetails,
  type Trailer,
  type TrendingWindow,
  type WatchProviders,
} from '@marquee/contracts';
import type { Config } from '../../config.js';
import { notFound } from '../../errors.js';
import type { CatalogGenres, CatalogSource, MaturityLimit, UpstreamStats } from '../catalog-source.js';
import { bestTrailer, toCredits, toMultiPage, toPage, toSeason, toTitleDetails, toWatchProviders } from './normalise.js';
import { TmdbClient, type TmdbClientOptions } from './tmdb.client.js';
import type {
  TmdbCredits,
  TmdbGenreList,
  TmdbSeason,
  TmdbWatchProviders,
  TmdbMovieDetails,
  TmdbMovieItem,
  TmdbMultiItem,
  TmdbPaged,
  TmdbTvDetails,
  TmdbTvItem,
  TmdbVideos,
} from './tmdb.types.js';

/** TMDB serves no page past 500, whatever `total_pages` says. */
export const TMDB_MAX_PAGE = 500;

const capPages = (page: Page): Page => ({ ...page, total_pages: Math.min(page.total_pages, TMDB_MAX_PAGE) });

/** `/discover/movie` parameters that keep only films certified within a level (none for `all`). */
function certificationFilter(limit: MaturityLimit): Record<string, string> {
  if (limit.level === 'all') return {};
  return { certification_country: 'US', 'certification.lte': MOVIE_CERTIFICATION_CEILING[limit.level] };
}

/**
 * The page's titles the limit allows, in order: where TMDB cannot filter by certification, each
 * title's certification is looked up (through the catalog's cache of details). A title whose
 * certification cannot be learned right now counts as unknown, which only `all` may see.
 */
async function withinLimit(page: Page, limit: MaturityLimit): Promise<Page> {
  if (limit.level === 'all') return page;
  const allowed = await Promise.all(
    page.results.map((title: Title) =>
      limit
        .certificationOf(title.media_type, title.id)
        .catch(() => null)
        .then((certification) => maturityAllows(limit.level, certification)),
    ),
  );
  return { ...page, results: page.results.filter((_, i) => allowed[i]) };
}

export class TmdbSource implements CatalogSource {
  readonly kind = 'tmdb' as const;

  stats(): UpstreamStats {
    return this.client.stats();
  }

  constructor(
    private readonly client: TmdbClient,
    private readonly imageBase: string,
  ) {}

  /** Popular films; below `all`, `/discover/movie` by popularity with TMDB's certification filter (before paging). */
  async popular(page: number, limit: MaturityLimit): Promise<Page> {
    if (limit.level !== 'all') return this.discover('movie', null, page, limit);
    const paged = await this.client.get<TmdbPaged<TmdbMovieItem>>('/movie/popular', { page });
    return capPages(toPage(paged, 'movie', this.imageBase));
  }

  async trending(window: TrendingWindow, page: number, limit: MaturityLimit): Promise<Page> {
    const paged = await this.client.get<TmdbPaged<TmdbMultiItem>>(`/trending/all/${window}`, { page });
    return withinLimit(capPages(toMultiPage(paged, this.imageBase)), limit);
  }

  /**
   * The first title of today's trending list within the limit that has a backdrop (a hero without
   * one looks broken); when today's first page holds none for a young profile, the most popular film
   * within its limit.
   */
  async featured(limit: MaturityLimit): Promise<TitleDetails> {
    const { results } = await this.trending('day', 1, limit);
    let hero = results.find((title) => title.backdrop_path !== null) ?? results[0];
    if (!hero && limit.level !== 'all') {
      const popular = (await this.popular(1, limit)).results;
      hero = popular.find((title) => title.backdrop_path !== null) ?? popular[0];
    }
    if (!hero) throw notFound('featured title');
    return this.details(hero.media_type, hero.id);
  }

  /**
   * Titles by popularity, of one genre (or any with `genreId` null). Films are filtered by TMDB's
   * certification filter before paging; series, which `/discover/tv` cannot filter so, page by page.
   * Films are then checked title by title as well: TMDB's filter matches a film when any of its US
   * releases is within the ceiling (a later TV edit rated PG lets a PG-13 film through), while a
   * film's certification is that of its earliest theatrical release.
   */
  async discover(mediaType: MediaType, genreId: number | null, page: number, limit: MaturityLimit): Promise<Page> {
    const paged = await this.client.get<TmdbPaged<TmdbMovieItem | TmdbTvItem>>(`/discover/${mediaType}`, {
      ...(genreId === null ? {} : { with_genres: genreId }),
      sort_by: 'popularity.desc',
      include_adult: 'false',
      ...(mediaType === 'movie' ? certificationFilter(limit) : {}),
      page,
    });
    return withinLimit(capPages(toPage(paged, mediaType, this.imageBase)), limit);
  }

  /**
   * One page of `/search/multi`, people dropped. With a genre, only that page's titles of the
   * genre are kept: TMDB cannot filter a multi-search by genre, so totals stay TMDB's.
   */
  async search(query: string, page: number, genreId: number | undefined, limit: MaturityLimit): Promise<Page> {
    const paged = await this.client.get<TmdbPaged<TmdbMultiItem>>('/search/multi', { query, page, include_adult: 'false' });
    const result = capPages(toMultiPage(paged, this.imageBase));
    const ofGenre = genreId === undefined ? result : { ...result, results: result.results.filter((title) => title.genre_ids.includes(genreId)) };
    return withinLimit(ofGenre, limit);
  }

  /** Details with the best trailer and the US certification, in one call (`append_to_response`). */
  async details(mediaType: MediaType, id: number): Promise<TitleDetails> {
    const details = await this.client.get<TmdbMovieDetails | TmdbTvDetails>(`/${mediaType}/${id}`, {
      append_to_response: mediaType === 'movie' ? 'videos,release_dates' : 'videos,content_ratings',
    });
    return toTitleDetails(details, mediaType, this.imageBase);
  }

  async trailer(mediaType: MediaType, id: number): Promise<Trailer | null> {
    const videos = await this.client.get<TmdbVideos>(`/${mediaType}/${id}/videos`);
    return bestTrailer(videos.results);
  }

  /**
   * TMDB's `/recommendations` for the title, or its `/similar` when TMDB has no recommendations for
   * it at all; the title itself is dropped (totals stay TMDB's). Filtered page by page below `all`.
   * The first page — what the dialog and the profile's rows show — takes one call: both lists come
   * appended to the title's details.
   */
  async similar(mediaType: MediaType, id: number, page: number, limit: MaturityLimit): Promise<Page> {
    type Paged = TmdbPaged<TmdbMovieItem | TmdbTvItem>;
    const empty = (paged: Paged | undefined) => !paged || (paged.total_results === 0 && paged.results.length === 0);
    let paged: Paged;
    if (page === 1) {
      const both = await this.client.get<{ recommendations?: Paged; similar?: Paged }>(`/${mediaType}/${id}`, { append_to_response: 'recommendations,similar' });
      paged = (empty(both.recommendations) ? both.similar : both.recommendations) ?? { page: 1, results: [], total_pages: 0, total_results: 0 };
    } else {
      paged = await this.client.get<Paged>(`/${mediaType}/${id}/recommendations`, { page });
      if (empty(paged)) paged = await this.client.get<Paged>(`/${mediaType}/${id}/similar`, { page });
    }
    const result = capPages(toPage(paged, mediaType, this.imageBase));
    return withinLimit({ ...result, results: result.results.filter((title) => title.id !== id) }, limit);
  }

  /** Films: `/movie/{id}/credits`. Shows: details with `credits` appended, for `created_by` too. */
  async credits(mediaType: MediaType, id: number): Promise<Credits> {
    if (mediaType === 'movie') return toCredits(await this.client.get<TmdbCredits>(`/movie/${id}/credits`), undefined, this.imageBase);
    const show = await this.client.get<TmdbTvDetails>(`/tv/${id}`, { append_to_response: 'credits' });
    return toCredits(show.credits, show.created_by, this.imageBase);
  }

  async season(tvId: number, seasonNumber: number): Promise<Season> {
    return toSeason(await this.client.get<TmdbSeason>(`/tv/${tvId}/season/${seasonNumber}`), this.imageBase);
  }

  async providers(mediaType: MediaType, id: number, region: string): Promise<WatchProviders> {
    return toWatchProviders(await this.client.get<TmdbWatchProviders>(`/${mediaType}/${id}/watch/providers`), region, this.imageBase);
  }

  async genres(): Promise<CatalogGenres> {
    const [movie, tv] = await Promise.all([
      this.client.get<TmdbGenreList>('/genre/movie/list'),
      this.client.get<TmdbGenreList>('/genre/tv/list'),
    ]);
    const plain = (list: TmdbGenreList) => list.genres.map((genre) => ({ id: genre.id, name: genre.name }));
    return { movie: plain(movie), tv: plain(tv) };
  }

  close(): Promise<void> {
    return this.client.close();
  }
}

/** A TMDB source from config; `client` tunes timeouts and limits (tests). */
export function createTmdbSource(options: {
  config: Config;
  log: FastifyBaseLogger;
  client?: Partial<Omit<TmdbClientOptions, 'baseUrl' | 'apiKey' | 'accessToken' | 'log'>>;
}): TmdbSource {
  const { tmdb } = options.config;
  const client = new TmdbClient({
    ...options.client,
    baseUrl: tmdb.baseUrl,
    apiKey: tmdb.apiKey,
    accessToken: tmdb.accessToken,
    log: options.log,
  });
  return new TmdbSource(client, tmdb.imageBaseUrl);
}
