/**
 * The OpenAPI 3.1 document, generated from the same route schemas that validate requests and
 * serialise responses, at `/api/openapi.json`; an interactive reference at `/api/docs`.
 *
 * The reference (Scalar's Fastify plugin) carries a 4 MB script that costs every process about
 * 27 MB of memory once loaded, so it is loaded on the first visit to `/api/docs`, into an app of its
 * own that the `/api/docs` routes here answer from.
 */
import swagger from '@fastify/swagger';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';

const DOCS_CSP =
  "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data: https:; " +
  "font-src 'self' data: https:; connect-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'";

export const openApiPlugin = fp(
  async (app: FastifyInstance) => {
    await app.register(swagger, {
      openapi: {
        openapi: '3.1.0',
        info: {
          title: 'Marquee API',
          version: '1.0.0',
          description:
            'Movie and TV catalog, accounts and "My List". Errors are RFC 9457 problem+json with a stable `code`. ' +
            'Catalog answers carry `Cache-Control` and `ETag`; a matching `If-None-Match` answers 304. ' +
            'Any route that needs the database answers 503 `SERVICE_UNAVAILABLE` with `Retry-After` while the database is unreachable or too slow ' +
            '(a request never waits on it more than ~5 s); catalog routes keep answering. Unknown body fields are 400 on every route, ' +
            'including routes that take no body.',
        },
        components: {
          securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
        },
      },
    });
    app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
    let reference: Promise<FastifyInstance> | undefined;
    const loadReference = async () => {
      const { default: apiReference } = await import('@scalar/fastify-api-reference');
      const docs = Fastify({ logger: false });
      await docs.register(apiReference, { routePrefix: '/api/docs', configuration: { url: '/api/openapi.json', cdn: '/api/docs/js/scalar.js' }, logLevel: 'warn' });
      await docs.ready();
      return docs;
    };
    const answer = async (request: FastifyRequest, reply: FastifyReply) => {
      const docs = await (reference ??= loadReference());
      // The contract has no redirects: `/api/docs` answers the page itself (the reference plugin would
      // redirect it to `/api/docs/`), which loads its script by an absolute path.
      const url = request.url === '/api/docs' ? '/api/docs/' : request.url;
      const res = await docs.inject({ method: 'GET', url, headers: { 'x-request-id': request.id } });
      // The reference page boots with an inline script; only these pages may run one.
      reply.code(res.statusCode).header('content-security-policy', DOCS_CSP);
      for (const name of ['content-type', 'location'] as const) {
        const value = res.headers[name];
        if (typeof value === 'string') reply.header(name, value);
      }
      return reply.send(res.rawPayload.length > 0 ? res.rawPayload : undefined);
    };
    const options = { schema: { hide: true }, logLevel: 'warn' as const };
    for (const url of ['/api/docs', '/api/docs/', '/api/docs/js/scalar.js']) app.get(url, options, answer);
    app.addHook('onClose', async () => {
      if (reference) await (await reference).close();
    });
  },
  { name: 'openapi' },
);
