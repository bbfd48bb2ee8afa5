/**
 * The TMDB implementation of CatalogSource: which TMDB v3 endpoint answers which question, and the
 * normalisation of its answer. Resilience lives in the client; caching wraps this from outside.
 */
import type { FastifyBaseLogger } from 'fastify';
import type { MediaType, Page, TitleDetails, Trailer, TrendingWindow } from '@marquee/contracts';
import type { Config } from '../../config.js';
import { notFound } from '../../errors.js';
import type { CatalogGenres, CatalogSource } from '../catalog-source.js';
import { bestTrailer, toMultiPage, toPage, toTitleDetails } from './normalise.js';
import { TmdbClient, type TmdbClientOptions } from './tmdb.client.js';
import type {
  TmdbGenreList,
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

export class TmdbSource implements CatalogSource {
  readonly kind = 'tmdb' as const;

  constructor(
    private readonly client: TmdbClient,
    private readonly imageBase: string,
  ) {}

  async popular(page: number): Promise<Page> {
    const paged = await this.client.get<TmdbPaged<TmdbMovieItem>>('/movie/popular', { page });
    return capPages(toPage(paged, 'movie', this.imageBase));
  }

  async trending(window: TrendingWindow, page: number): Promise<Page> {
    const paged = await this.client.get<TmdbPaged<TmdbMultiItem>>(`/trending/all/${window}`, { page });
    return capPages(toMultiPage(paged, this.imageBase));
  }

  /** The first title of today's trending list that has a backdrop (a hero without one looks broken). */
  async featured(): Promise<TitleDetails> {
    const { results } = await this.trending('day', 1);
    const hero = results.find((title) => title.backdrop_path !== null) ?? results[0];
    if (!hero) throw notFound('featured title');
    return this.details(hero.media_type, hero.id);
  }

  async discover(mediaType: MediaType, genreId: number, page: number): Promise<Page> {
    const paged = await this.client.get<TmdbPaged<TmdbMovieItem | TmdbTvItem>>(`/discover/${mediaType}`, {
      with_genres: genreId,
      sort_by: 'popularity.desc',
      include_adult: 'false',
      page,
    });
    return capPages(toPage(paged, mediaType, this.imageBase));
  }

  /**
   * One page of `/search/multi`, people dropped. With a genre, only that page's titles of the
   * genre are kept: TMDB cannot filter a multi-search by genre, so totals stay TMDB's.
   */
  async search(query: string, page: number, genreId?: number): Promise<Page> {
    const paged = await this.client.get<TmdbPaged<TmdbMultiItem>>('/search/multi', { query, page, include_adult: 'false' });
    const result = capPages(toMultiPage(paged, this.imageBase));
    if (genreId === undefined) return result;
    return { ...result, results: result.results.filter((title) => title.genre_ids.includes(genreId)) };
  }

  async details(mediaType: MediaType, id: number): Promise<TitleDetails> {
    const details = await this.client.get<TmdbMovieDetails | TmdbTvDetails>(`/${mediaType}/${id}`, { append_to_response: 'videos' });
    return toTitleDetails(details, mediaType, this.imageBase);
  }

  async trailer(mediaType: MediaType, id: number): Promise<Trailer | null> {
    const videos = await this.client.get<TmdbVideos>(`/${mediaType}/${id}/videos`);
    return bestTrailer(videos.results);
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
