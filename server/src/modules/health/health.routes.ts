import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import { Problem } from '@marquee/contracts';
import { sendProblem } from '../../plugins/error-handler.js';

const Status = Type.Object({ status: Type.String() });

/** `/healthz`: the process runs. `/readyz`: the database answers. */
export async function healthRoutes(app: FastifyInstance, opts: { ping: () => Promise<void> }) {
  app.get('/healthz', { schema: { summary: 'Liveness', tags: ['operations'], response: { 200: Status } } }, async () => ({ status: 'ok' }));
  app.get(
    '/readyz',
    { schema: { summary: 'Readiness: 200 when the database answers', tags: ['operations'], response: { 200: Status, 503: Problem } } },
    async (request, reply) => {
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
