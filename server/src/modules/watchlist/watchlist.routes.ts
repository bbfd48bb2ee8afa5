import type { FastifyInstance } from 'fastify';
import { IdParams, MediaTypeQuery, Problem, Watchlist, WatchlistEntry } from '@marquee/contracts';
import { sendAnswer } from '../../lib/representation.js';
import type { WatchlistService } from './watchlist.service.js';

const tags = ['watchlist'];
const security = [{ bearer: [] }];
const mediaTypeOf = (query: MediaTypeQuery) => query.media_type ?? 'movie';

/** "My List" routes: every one needs a bearer token and only ever touches the caller's own list. */
export async function watchlistRoutes(app: FastifyInstance, opts: { watchlist: WatchlistService }) {
  const { watchlist } = opts;

  app.get(
    '/api/watchlist',
    {
      preHandler: app.authenticate,
      schema: {
        summary: 'The caller’s list, newest first',
        description:
          'The whole list (not paged): each entry is a full Title plus `added_at`. A title the catalog can no longer resolve is shown as it was when added. ' +
          'Answers carry an `ETag` (`Cache-Control: private, no-cache`); a matching `If-None-Match` answers 304.',
        tags,
        security,
        response: { 200: Watchlist, 304: { type: 'null', description: 'Not modified.' }, 401: Problem },
      },
    },
    async (request, reply) => sendAnswer(request, reply, await watchlist.answer(request.user), 'private, no-cache'),
  );

  app.post<{ Params: IdParams; Querystring: MediaTypeQuery }>(
    '/api/watchlist/:movie_id',
    {
      preHandler: app.authenticate,
      schema: {
        summary: 'Add a title to the caller’s list',
        description:
          '201 when added; 200 with the same body when it was already there (its place does not change). Movie and TV ids are separate: `media_type` (default `movie`) names which. The list holds at most 1,000 titles (409 `WATCHLIST_FULL`).',
        tags,
        security,
        params: IdParams,
        querystring: MediaTypeQuery,
        response: { 200: WatchlistEntry, 201: WatchlistEntry, 400: Problem, 401: Problem, 404: Problem, 409: Problem, 429: Problem, 503: Problem },
      },
    },
    async (request, reply) => {
      const { created, entry } = await watchlist.add(request.user, mediaTypeOf(request.query), request.params.movie_id);
      return reply.code(created ? 201 : 200).send(entry);
    },
  );

  app.delete<{ Params: IdParams; Querystring: MediaTypeQuery }>(
    '/api/watchlist/:movie_id',
    {
      preHandler: app.authenticate,
      schema: {
        summary: 'Remove a title from the caller’s list',
        tags,
        security,
        params: IdParams,
        querystring: MediaTypeQuery,
        response: { 204: { type: 'null', description: 'Removed.' }, 400: Problem, 401: Problem, 404: Problem },
      },
    },
    async (request, reply) => {
      await watchlist.remove(request.user, mediaTypeOf(request.query), request.params.movie_id);
      return reply.code(204).send();
    },
  );
}
