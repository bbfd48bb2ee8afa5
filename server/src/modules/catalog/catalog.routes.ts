/**
 * Catalog routes (public): schemas, OpenAPI text and one-line handlers. Answers come from the
 * catalog service as ready bytes and are sent by `sendAnswer` with `ETag`, `Cache-Control` and 304
 * support. The 200 schemas below document them (and would serialise anything not pre-serialised).
 *
 * A caller who sends a token sees the catalog within their profile's maturity limit: such answers
 * are `Cache-Control: private`, and every answer varies by `Authorization`, so no cache — a proxy's
 * or the browser's own — hands one profile's answer to another.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import Type from 'typebox';
import {
  CatalogInfo,
  Credits,
  GenreList,
  GenreParams,
  IdParams,
  MediaTypeQuery,
  Page,
  PageQuery,
  Problem,
  ProvidersQuery,
  SearchQuery,
  Season,
  SeasonParams,
  SimilarQuery,
  TitleDetails,
  Trailer,
  TrendingQuery,
  WatchProviders,
  type MediaType,
  type RatingValue,
} from '@marquee/contracts';
import { privateCacheControl, publicCacheControl, type CachedAnswer } from '../../lib/response-cache.js';
import { sendAnswer } from '../../lib/representation.js';
import type { CatalogService } from './catalog.service.js';
import { withMyRating } from './personal-answer.js';

/** What the details route needs to tell a signed-in caller their own rating. */
export interface ViewerRatings {
  ratingOf(profileId: string, mediaType: MediaType, id: number): Promise<RatingValue | null>;
}

const tags = ['catalog'];
const NotModified = Type.Null({ description: 'Not Modified: the `If-None-Match` ETag is current. No body; the `ETag` is repeated.' });
const CACHING =
  ' Answers carry `ETag` and `Cache-Control: public, max-age=…` (`private` when a token was sent) and vary by `Authorization`; a matching `If-None-Match` answers 304. ' +
  'With a bearer token the answer holds only titles within the profile’s maturity limit (an invalid token answers 401; with `CATALOG_REQUIRES_SIGN_IN=true` a token is required). ' +
  'In TMDB mode a stale cached answer is served when TMDB fails; with nothing cached, TMDB’s 429 becomes 429 with `Retry-After` and any other TMDB failure 503 `UPSTREAM_UNAVAILABLE` with `Retry-After`.';
const errors = { 400: Problem, 401: Problem, 429: Problem, 503: Problem };
const pageOf = (query: { page?: number | undefined }) => query.page ?? 1;

/** Every catalog route of API.md, plus `/api/catalog` (the source and its attribution). */
export async function catalogRoutes(app: FastifyInstance, opts: { catalog: CatalogService; ratings: ViewerRatings; defaultRegion: () => string }) {
  const { catalog, ratings, defaultRegion } = opts;
  const send = (request: FastifyRequest, reply: FastifyReply, cached: CachedAnswer) =>
    sendAnswer(request, reply.header('vary', 'Authorization'), cached, request.viewer ? privateCacheControl(cached) : publicCacheControl(cached));
  /** The maturity level the answer is made for: the viewer's profile's, or `all` for anonymous callers. */
  const levelOf = (request: FastifyRequest) => request.viewer?.maturity ?? 'all';
  // Every route below but /api/catalog: a token, when sent, must be valid and sets the viewer.
  const identify = app.identify;

  app.get(
    '/api/catalog',
    {
      schema: {
        summary: 'Where titles come from',
        description:
          '`source` is `tmdb` when the server has a TMDB credential, else `embedded` (the offline sample catalog). `attribution` is the line to show wherever catalog data appears (the web app’s footer).',
        tags,
        response: { 200: CatalogInfo },
      },
    },
    async () => catalog.info(),
  );

  app.get(
    '/api/movies/featured',
    {
      onRequest: identify,
      schema: {
        summary: 'The hero title',
        description:
          'TitleDetails of the title to feature. In TMDB mode: the first title of today’s trending list that has a backdrop; stable for the cache lifetime (an hour by default).' +
          CACHING,
        tags,
        response: { 200: TitleDetails, 304: NotModified, 404: Problem, ...errors },
      },
    },
    async (request, reply) => send(request, reply, await catalog.featured(levelOf(request))),
  );

  app.get<{ Querystring: PageQuery }>(
    '/api/movies/popular',
    {
      onRequest: identify,
      schema: {
        summary: 'Popular movies',
        description: 'A page of movies, most popular first. `page` 1…500; a page past the last answers 200 with empty `results`.' + CACHING,
        tags,
        querystring: PageQuery,
        response: { 200: Page, 304: NotModified, ...errors },
      },
    },
    async (request, reply) => send(request, reply, await catalog.popular(levelOf(request), pageOf(request.query))),
  );

  app.get<{ Querystring: TrendingQuery }>(
    '/api/movies/trending',
    {
      onRequest: identify,
      schema: {
        summary: 'Trending movies and TV shows',
        description: 'A page of trending movies and TV shows (people are left out, so a page may hold fewer than 20). `window` is `day` or `week` (default).' + CACHING,
        tags,
        querystring: TrendingQuery,
        response: { 200: Page, 304: NotModified, ...errors },
      },
    },
    async (request, reply) => send(request, reply, await catalog.trending(levelOf(request), request.query.window ?? 'week', pageOf(request.query))),
  );

  app.get<{ Params: GenreParams; Querystring: PageQuery }>(
    '/api/movies/genre/:genre_id',
    {
      onRequest: identify,
      schema: {
        summary: 'Titles of one genre',
        description:
          'A page of titles in the genre, most popular first: movies for a movie genre, TV shows for a genre only TV has (offline: movies when the genre has any, else TV shows). An id `/api/genres` does not list answers 404.' +
          CACHING,
        tags,
        params: GenreParams,
        querystring: PageQuery,
        response: { 200: Page, 304: NotModified, 404: Problem, ...errors },
      },
    },
    async (request, reply) => send(request, reply, await catalog.genre(levelOf(request), request.params.genre_id, pageOf(request.query))),
  );

  app.get<{ Querystring: SearchQuery }>(
    '/api/movies/search',
    {
      onRequest: identify,
      schema: {
        summary: 'Search movies and TV shows',
        description:
          '`q` is trimmed and must then be 1…200 characters; `genre` must be an id listed by `/api/genres`; at least one of them is required (else 400). ' +
          'With `q`, the answer is that page of search results (people left out; offline, a title must match every word of `q`, typos tolerated); with `genre` too, only the page’s titles of that genre are kept — a page may then hold fewer than 20 titles and `total_pages`/`total_results` stay those of the unfiltered search. ' +
          'Without `q`, the answer is the genre route’s page.' +
          CACHING,
        tags,
        querystring: SearchQuery,
        response: { 200: Page, 304: NotModified, 404: Problem, ...errors },
      },
    },
    async (request, reply) => send(request, reply, await catalog.search(levelOf(request), request.query)),
  );

  app.get<{ Params: IdParams; Querystring: MediaTypeQuery }>(
    '/api/movies/:movie_id',
    {
      onRequest: identify,
      schema: {
        summary: 'One movie or TV show',
        description:
          'TitleDetails: genres, runtime, tagline, vote count, US certification and the best trailer’s embed URL. `media_type` is `movie` (default) or `tv`; 404 for an unknown title; ' +
          '403 `MATURITY_RESTRICTED` for a title above the caller’s profile’s maturity limit. A TV show lists its `seasons` (specials last). ' +
          'With a token the answer adds `my_rating` (`up`, `down` or null): the profile’s thumbs on the title.' +
          CACHING,
        tags,
        params: IdParams,
        querystring: MediaTypeQuery,
        response: { 200: TitleDetails, 304: NotModified, 403: Problem, 404: Problem, ...errors },
      },
    },
    async (request, reply) => {
      const mediaType = request.query.media_type ?? 'movie';
      const answer = await catalog.details(levelOf(request), mediaType, request.params.movie_id);
      const viewer = request.viewer;
      if (!viewer) return send(request, reply, answer);
      return send(request, reply, withMyRating(answer, await ratings.ratingOf(viewer.profileId, mediaType, request.params.movie_id)));
    },
  );

  app.get<{ Params: IdParams; Querystring: SimilarQuery }>(
    '/api/movies/:movie_id/similar',
    {
      onRequest: identify,
      schema: {
        summary: 'More like this',
        description:
          'A page of titles like this one, best first, never the title itself (a page may then hold one fewer; totals as the source reports). ' +
          'TMDB mode: TMDB’s recommendations, or its similar titles when it has no recommendations. Embedded mode: a ranking by franchise, director, shared genres, decade, audience and rating. ' +
          'Below `all`, only titles within the profile’s limit (a TMDB page may then hold fewer than 20). 404 for an unknown title.' +
          CACHING,
        tags: ['discovery'],
        params: IdParams,
        querystring: SimilarQuery,
        response: { 200: Page, 304: NotModified, 404: Problem, ...errors },
      },
    },
    async (request, reply) =>
      send(request, reply, await catalog.similar(levelOf(request), request.query.media_type ?? 'movie', request.params.movie_id, pageOf(request.query))),
  );

  app.get<{ Params: IdParams; Querystring: MediaTypeQuery }>(
    '/api/movies/:movie_id/credits',
    {
      onRequest: identify,
      schema: {
        summary: 'Cast and crew',
        description:
          'At most 20 cast members in billing order; crew: directors, the writing department and a show’s creators (job `Creator`), each person once per job. ' +
          'Embedded mode knows only directors (films) and creators (series), and no cast. 404 for an unknown title; 403 `MATURITY_RESTRICTED` above the profile’s limit.' +
          CACHING,
        tags: ['discovery'],
        params: IdParams,
        querystring: MediaTypeQuery,
        response: { 200: Credits, 304: NotModified, 403: Problem, 404: Problem, ...errors },
      },
    },
    async (request, reply) => send(request, reply, await catalog.credits(levelOf(request), request.query.media_type ?? 'movie', request.params.movie_id)),
  );

  app.get<{ Params: SeasonParams }>(
    '/api/tv/:tv_id/seasons/:season_number',
    {
      onRequest: identify,
      schema: {
        summary: 'One season of a TV show',
        description:
          'The season with its episodes in order. Embedded mode knows a show’s seasons but not their episodes: `episodes` is then empty (names and plots are never invented). ' +
          '404 for an unknown show or season; 403 `MATURITY_RESTRICTED` above the profile’s limit.' +
          CACHING,
        tags: ['discovery'],
        params: SeasonParams,
        response: { 200: Season, 304: NotModified, 403: Problem, 404: Problem, ...errors },
      },
    },
    async (request, reply) => send(request, reply, await catalog.season(levelOf(request), request.params.tv_id, request.params.season_number)),
  );

  app.get<{ Params: IdParams; Querystring: ProvidersQuery }>(
    '/api/movies/:movie_id/providers',
    {
      onRequest: identify,
      schema: {
        summary: 'Where to watch',
        description:
          'Subscription (`flatrate`), rent and buy offers in a region (`region`: ISO 3166-1 alpha-2, either case; default the server’s `DEFAULT_REGION`), each in TMDB’s display order, with TMDB’s `link` for the region. ' +
          'Data by JustWatch: show its credit with it. Empty lists when there are no offers, and always in embedded mode. 404 for an unknown title; 403 `MATURITY_RESTRICTED` above the profile’s limit.' +
          CACHING,
        tags: ['discovery'],
        params: IdParams,
        querystring: ProvidersQuery,
        response: { 200: WatchProviders, 304: NotModified, 403: Problem, 404: Problem, ...errors },
      },
    },
    async (request, reply) =>
      send(
        request,
        reply,
        await catalog.providers(levelOf(request), request.query.media_type ?? 'movie', request.params.movie_id, request.query.region ?? defaultRegion()),
      ),
  );

  app.get<{ Params: IdParams; Querystring: MediaTypeQuery }>(
    '/api/movies/:movie_id/trailer',
    {
      onRequest: identify,
      schema: {
        summary: 'A title’s best trailer',
        description:
          'The best YouTube video: an official Trailer, then any Trailer, then a Teaser (official first); ties go to the newest. Never another site or kind of video. 404 for an unknown title or one without a trailer.' +
          CACHING,
        tags,
        params: IdParams,
        querystring: MediaTypeQuery,
        response: { 200: Trailer, 304: NotModified, 403: Problem, 404: Problem, ...errors },
      },
    },
    async (request, reply) => send(request, reply, await catalog.trailer(levelOf(request), request.query.media_type ?? 'movie', request.params.movie_id)),
  );

  app.get(
    '/api/genres',
    {
      onRequest: identify,
      schema: {
        summary: 'Movie and TV genres',
        description:
          'Movie and TV genres merged by id, sorted by name: only genres that have titles in the current catalog (offline, TMDB genres the sample holds no title of are left out). Every id here works with `/api/movies/genre/{genre_id}` and as `genre` in search.' +
          CACHING,
        tags,
        response: { 200: GenreList, 304: NotModified, 401: Problem, 429: Problem, 503: Problem },
      },
    },
    async (request, reply) => send(request, reply, await catalog.genres()),
  );
}
