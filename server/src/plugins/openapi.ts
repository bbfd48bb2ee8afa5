/**
 * The OpenAPI 3.1 document, generated from the same route schemas that validate requests and
 * serialise responses, at `/api/openapi.json`; an interactive reference at `/api/docs`.
 */
import swagger from '@fastify/swagger';
import apiReference from '@scalar/fastify-api-reference';
import type { FastifyInstance } from 'fastify';
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
    // The contract has no redirects: `/api/docs` answers the page itself (the reference plugin
    // would redirect it to `/api/docs/`), which loads its script by an absolute path.
    app.addHook('onRoute', (route) => {
      if (route.url !== '/api/docs' || ![route.method].flat().some((method) => method === 'GET' || method === 'HEAD')) return;
      route.handler = async (request, reply) => {
        const page = await app.inject({ method: 'GET', url: '/api/docs/', headers: { 'x-request-id': request.id } });
        return reply.code(page.statusCode).type(String(page.headers['content-type'] ?? 'text/html; charset=utf-8')).send(page.body);
      };
    });
    await app.register(apiReference, {
      routePrefix: '/api/docs',
      configuration: { url: '/api/openapi.json', cdn: '/api/docs/js/scalar.js' },
      logLevel: 'warn',
      hooks: {
        // The reference page boots with an inline script; only these pages may run one.
        onRequest: (_request, reply, done) => {
          reply.header('content-security-policy', DOCS_CSP);
          done();
        },
      },
    });
  },
  { name: 'openapi' },
);
