/** Counts and times every answered request by method, route pattern (never the raw URL) and status. */
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import type { Metrics } from '../lib/metrics.js';

export const metricsPlugin = fp(
  async (app: FastifyInstance, opts: { metrics: Metrics }) => {
    const { requests } = opts.metrics;
    app.addHook('onResponse', (request, reply, done) => {
      // Unmatched URLs share one label, so a scan cannot blow up the series count.
      requests.observe(request.method, request.routeOptions.url ?? 'unmatched', reply.statusCode, reply.elapsedTime / 1000);
      done();
    });
  },
  { name: 'metrics' },
);
