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
            'Catalog answers carry `Cache-Control` and `ETag`; a matching `If-None-Match` answers 304.',
        },
        components: {
          securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
        },
      },
    });
    app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
    await app.register(apiReference, {
      routePrefix: '/api/docs',
      configuration: { url: '/api/openapi.json' },
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
