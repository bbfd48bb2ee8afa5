import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import { Problem } from '@marquee/contracts';
import { sendProblem } from '../../plugins/error-handler.js';

const Status = Type.Object({ status: Type.String() });

/** `/readyz` answers within this, whatever the database does (a frozen database never answers). */
const READY_PROBE_MS = 1_500;

/** `/healthz`: the process runs. `/readyz`: the database answers (within 1.5 s) and the instance is not draining. */
export async function healthRoutes(app: FastifyInstance, opts: { ping: () => Promise<void>; draining: () => boolean }) {
  app.get('/healthz', { schema: { summary: 'Liveness', tags: ['operations'], response: { 200: Status } } }, async () => ({ status: 'ok' }));
  app.get(
    '/readyz',
    {
      schema: {
        summary: 'Readiness: 200 when the database answers within 1.5 s, else 503 with Retry-After; 503 from the moment the instance drains (SIGTERM)',
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
      let timer: NodeJS.Timeout | undefined;
      const deadline = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`the database did not answer within ${READY_PROBE_MS} ms`)), READY_PROBE_MS);
      });
      try {
        await Promise.race([opts.ping(), deadline]);
        return { status: 'ready' };
      } catch (error) {
        request.log.warn({ err: error }, 'database not ready');
        return sendProblem(reply, 503, 'SERVICE_UNAVAILABLE', 'The database is not answering.', { headers: { 'retry-after': '2' } });
      } finally {
        clearTimeout(timer);
      }
    },
  );
}
