import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import { Problem } from '@marquee/contracts';
import { sendProblem } from '../../plugins/error-handler.js';

const Status = Type.Object({ status: Type.String() });

/** `/healthz`: the process runs. `/readyz`: the database answers and the instance is not draining. */
export async function healthRoutes(app: FastifyInstance, opts: { ping: () => Promise<void>; draining: () => boolean }) {
  app.get('/healthz', { schema: { summary: 'Liveness', tags: ['operations'], response: { 200: Status } } }, async () => ({ status: 'ok' }));
  app.get(
    '/readyz',
    {
      schema: {
        summary: 'Readiness: 200 when the database answers; 503 from the moment the instance drains (SIGTERM)',
        description:
          'Load balancers health-check this route. On SIGTERM it answers 503 at once while the instance keeps serving every request for `DRAIN_SECONDS` (default 5), so the balancer routes new requests elsewhere before the listener closes.',
        tags: ['operations'],
        response: { 200: Status, 503: Problem },
      },
    },
    async (request, reply) => {
      if (opts.draining()) {
        return sendProblem(reply, 503, 'SERVICE_UNAVAILABLE', 'This instance is shutting down.', { headers: { 'retry-after': '5' } });
      }
      try {
        await opts.ping();
        return { status: 'ready' };
      } catch (error) {
        request.log.warn({ err: error }, 'database not ready');
        return sendProblem(reply, 503, 'INTERNAL', 'The database is not answering.', { headers: { 'retry-after': '5' } });
      }
    },
  );
}
