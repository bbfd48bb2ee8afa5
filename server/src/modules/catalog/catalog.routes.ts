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
  GenreList,
  GenreParams,
  IdParams,
  MediaTypeQuery,
  Page,
  PageQuery,
  Problem,
  SearchQuery,
  TitleDetails,
  Trailer,
  TrendingQuery,
} from '@marquee/contracts';
import { privateCacheControl, publicCacheControl, type CachedAnswer } from '../../lib/response-cache.js';
import { sendAnswer } from '../../lib/representation.js';
import type { CatalogService } from './catalog.service.js';

const tags = ['catalog'];
const NotModified = Type.Null({ description: 'Not Modified: the `If-None-Match` ETag is current. No body; the `ETag` is repeated.' });
const CACHING =
  ' Answers carry `ETag` and `Cache-Control: public, max-age=…` (`private` when a token was sent) and vary by `Authorization`; a matching `If-None-Match` answers 304. ' +
  'With a bearer token the answer holds only titles within the profile’s maturity limit (an invalid token answers 401; with `CATALOG_REQUIRES_SIGN_IN=true` a token is required). ' +
  'In TMDB mode a stale cached answer is served when TMDB fails; with nothing cached, TMDB’s 429 becomes 429 with `Retry-After` and any other TMDB failure 503 `UPSTREAM_UNAVAILABLE` with `Retry-After`.';
const errors = { 400: Problem, 401: Problem, 429: Problem, 503: Problem };
const pageOf = (query: { page?: number | undefined }) => query.page ?? 1;

/** Every catalog route of API.md, plus `/api/catalog` (the source and its attribution). */
export async function catalogRoutes(app: FastifyInstance, opts: { catalog: CatalogService }) {
  const { catalog } = opts;
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
          '403 `MATURITY_RESTRICTED` for a title above the caller’s profile’s maturity limit.' +
          CACHING,
        tags,
        params: IdParams,
        querystring: MediaTypeQuery,
        response: { 200: TitleDetails, 304: NotModified, 403: Problem, 404: Problem, ...errors },
      },
    },
    async (request, reply) => send(request, reply, await catalog.details(levelOf(request), request.query.media_type ?? 'movie', request.params.movie_id)),
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
