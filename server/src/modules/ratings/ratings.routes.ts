import type { FastifyInstance } from 'fastify';
import { IdParams, MediaTypeQuery, Problem, RatingBody, RatingEntry, RatingList } from '@marquee/contracts';
import type { RatingsService } from './ratings.service.js';

const tags = ['ratings'];
const security = [{ bearer: [] }];
const mediaTypeOf = (query: MediaTypeQuery) => query.media_type ?? 'movie';

/** Thumbs up / down ("I like this" / "Not for me"): every route needs a bearer token and touches only the token's profile. */
export async function ratingRoutes(app: FastifyInstance, opts: { ratings: RatingsService }) {
  const { ratings } = opts;

  app.get(
    '/api/ratings',
    {
      onRequest: app.authenticate,
      schema: {
        summary: 'The profile’s rated titles, newest first',
        description: 'Each entry is a full Title plus `rating` and `rated_at`. Titles above the profile’s maturity limit are left out (they come back if the limit is raised).',
        tags,
        security,
        response: { 200: RatingList, 401: Problem },
      },
    },
    async (request) => ratings.list(request.user),
  );

  app.put<{ Params: IdParams; Querystring: MediaTypeQuery; Body: RatingBody }>(
    '/api/ratings/:movie_id',
    {
      onRequest: app.authenticate,
      schema: {
        summary: 'Rate a title: thumbs up or down',
        description:
          '`{"rating": "up" | "down"}` sets (or replaces) the profile’s rating; `rated_at` changes only when the rating does. `media_type` (default `movie`) names the title. ' +
          '404 for an unknown title; 403 `MATURITY_RESTRICTED` above the profile’s limit.',
        tags,
        security,
        params: IdParams,
        querystring: MediaTypeQuery,
        body: RatingBody,
        response: { 200: RatingEntry, 400: Problem, 401: Problem, 403: Problem, 404: Problem, 429: Problem, 503: Problem },
      },
    },
    async (request) => ratings.rate(request.user, mediaTypeOf(request.query), request.params.movie_id, request.body.rating),
  );

  app.delete<{ Params: IdParams; Querystring: MediaTypeQuery }>(
    '/api/ratings/:movie_id',
    {
      onRequest: app.authenticate,
      schema: {
        summary: 'Remove the profile’s rating of a title',
        description: '404 when the title was not rated.',
        tags,
        security,
        params: IdParams,
        querystring: MediaTypeQuery,
        response: { 204: { type: 'null', description: 'Removed.' }, 400: Problem, 401: Problem, 404: Problem },
      },
    },
    async (request, reply) => {
      await ratings.remove(request.user, mediaTypeOf(request.query), request.params.movie_id);
      return reply.code(204).send();
    },
  );
}
