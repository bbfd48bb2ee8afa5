/**
 * Catalog routes (public): schemas, OpenAPI text and one-line handlers. Answers come from the
 * catalog service as ready bytes and are sent by `sendAnswer` with `ETag`, `Cache-Control` and 304
 * support. The 200 schemas below document them (and would serialise anything not pre-serialised).
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
import { publicCacheControl, type CachedAnswer } from '../../lib/response-cache.js';
import { sendAnswer } from '../../lib/representation.js';
import type { CatalogService } from './catalog.service.js';

const tags = ['catalog'];
const NotModified = Type.Null({ description: 'Not Modified: the `If-None-Match` ETag is current. No body; the `ETag` is repeated.' });
const CACHING =
  ' Answers carry `ETag` and `Cache-Control: public, max-age=…`; a matching `If-None-Match` answers 304. ' +
  'In TMDB mode a stale cached answer is served when TMDB fails; with nothing cached, TMDB’s 429 becomes 429 with `Retry-After` and any other TMDB failure 503 `UPSTREAM_UNAVAILABLE` with `Retry-After`.';
const errors = { 400: Problem, 429: Problem, 503: Problem };
const pageOf = (query: { page?: number | undefined }) => query.page ?? 1;

/** Every catalog route of API.md, plus `/api/catalog` (the source and its attribution). */
export async function catalogRoutes(app: FastifyInstance, opts: { catalog: CatalogService }) {
  const { catalog } = opts;
  const send = (request: FastifyRequest, reply: FastifyReply, cached: CachedAnswer) => sendAnswer(request, reply, cached, publicCacheControl(cached));

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
      schema: {
        summary: 'The hero title',
        description:
          'TitleDetails of the title to feature. In TMDB mode: the first title of today’s trending list that has a backdrop; stable for the cache lifetime (an hour by default).' +
          CACHING,
        tags,
        response: { 200: TitleDetails, 304: NotModified, 404: Problem, ...errors },
      },
    },
    async (request, reply) => send(request, reply, await catalog.featured()),
  );

  app.get<{ Querystring: PageQuery }>(
    '/api/movies/popular',
    {
      schema: {
        summary: 'Popular movies',
        description: 'A page of movies, most popular first. `page` 1…500; a page past the last answers 200 with empty `results`.' + CACHING,
        tags,
        querystring: PageQuery,
        response: { 200: Page, 304: NotModified, ...errors },
      },
    },
    async (request, reply) => send(request, reply, await catalog.popular(pageOf(request.query))),
  );

  app.get<{ Querystring: TrendingQuery }>(
    '/api/movies/trending',
    {
      schema: {
        summary: 'Trending movies and TV shows',
        description: 'A page of trending movies and TV shows (people are left out, so a page may hold fewer than 20). `window` is `day` or `week` (default).' + CACHING,
        tags,
        querystring: TrendingQuery,
        response: { 200: Page, 304: NotModified, ...errors },
      },
    },
    async (request, reply) => send(request, reply, await catalog.trending(request.query.window ?? 'week', pageOf(request.query))),
  );

  app.get<{ Params: GenreParams; Querystring: PageQuery }>(
    '/api/movies/genre/:genre_id',
    {
      schema: {
        summary: 'Titles of one genre',
        description:
          'A page of titles in the genre, most popular first: movies for a movie genre, TV shows for a genre only TV has. A genre with no titles answers an empty page; an id `/api/genres` does not list answers 404.' +
          CACHING,
        tags,
        params: GenreParams,
        querystring: PageQuery,
        response: { 200: Page, 304: NotModified, 404: Problem, ...errors },
      },
    },
    async (request, reply) => send(request, reply, await catalog.genre(request.params.genre_id, pageOf(request.query))),
  );

  app.get<{ Querystring: SearchQuery }>(
    '/api/movies/search',
    {
      schema: {
        summary: 'Search movies and TV shows',
        description:
          '`q` is trimmed and must then be 1…200 characters; `genre` must be an id listed by `/api/genres`; at least one of them is required (else 400). ' +
          'With `q`, the answer is that page of search results (people left out); with `genre` too, only the page’s titles of that genre are kept — a page may then hold fewer than 20 titles and `total_pages`/`total_results` stay those of the unfiltered search. ' +
          'Without `q`, the answer is the genre route’s page.' +
          CACHING,
        tags,
        querystring: SearchQuery,
        response: { 200: Page, 304: NotModified, 404: Problem, ...errors },
      },
    },
    async (request, reply) => send(request, reply, await catalog.search(request.query)),
  );

  app.get<{ Params: IdParams; Querystring: MediaTypeQuery }>(
    '/api/movies/:movie_id',
    {
      schema: {
        summary: 'One movie or TV show',
        description: 'TitleDetails: genres, runtime, tagline, vote count and the best trailer’s embed URL. `media_type` is `movie` (default) or `tv`; 404 for an unknown title.' + CACHING,
        tags,
        params: IdParams,
        querystring: MediaTypeQuery,
        response: { 200: TitleDetails, 304: NotModified, 404: Problem, ...errors },
      },
    },
    async (request, reply) => send(request, reply, await catalog.details(request.query.media_type ?? 'movie', request.params.movie_id)),
  );

  app.get<{ Params: IdParams; Querystring: MediaTypeQuery }>(
    '/api/movies/:movie_id/trailer',
    {
      schema: {
        summary: 'A title’s best trailer',
        description:
          'The best YouTube video: an official Trailer, then any Trailer, then a Teaser (official first); ties go to the newest. Never another site or kind of video. 404 for an unknown title or one without a trailer.' +
          CACHING,
        tags,
        params: IdParams,
        querystring: MediaTypeQuery,
        response: { 200: Trailer, 304: NotModified, 404: Problem, ...errors },
      },
    },
    async (request, reply) => send(request, reply, await catalog.trailer(request.query.media_type ?? 'movie', request.params.movie_id)),
  );

  app.get(
    '/api/genres',
    {
      schema: {
        summary: 'Movie and TV genres',
        description: 'Movie and TV genres merged by id, sorted by name. Every id here works with `/api/movies/genre/{genre_id}` and as `genre` in search.' + CACHING,
        tags,
        response: { 200: GenreList, 304: NotModified, 429: Problem, 503: Problem },
      },
    },
    async (request, reply) => send(request, reply, await catalog.genres()),
  );
}
