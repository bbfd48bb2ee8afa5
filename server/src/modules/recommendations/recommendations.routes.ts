import type { FastifyInstance } from 'fastify';
import { Problem, Recommendations } from '@marquee/contracts';
import type { RecommendationsService } from './recommendations.service.js';

/** `GET /api/recommendations`: the profile's personal rows. */
export async function recommendationRoutes(app: FastifyInstance, opts: { recommendations: RecommendationsService }) {
  const { recommendations } = opts;
  app.get(
    '/api/recommendations',
    {
      preHandler: app.authenticate,
      schema: {
        summary: 'Rows made for the profile',
        description:
          'Up to 3 rows "Because you liked {title}" / "Because you added {title}" from the profile’s newest thumbs-up and My List additions (newest first), each of up to 20 titles from that title’s "more like this": ' +
          'never a title in My List or rated, no title in two rows, no empty row, within the maturity limit. A row’s `id` is `because-{media_type}-{id}`; `rows` is empty without signals. `Cache-Control: private, no-cache`.',
        tags: ['discovery'],
        security: [{ bearer: [] }],
        response: { 200: Recommendations, 401: Problem },
      },
    },
    async (request, reply) => reply.header('cache-control', 'private, no-cache').send(await recommendations.rows(request.user)),
  );
}
