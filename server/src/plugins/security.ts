/** Security headers (helmet) and CORS as API.md says: no origin unless listed, never `*` or `null`. */
import cors from '@fastify/cors';
import type { IncomingMessage, ServerResponse } from 'node:http';
import helmet, { type HelmetOptions } from 'helmet';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

/** The headers helmet sets for `options`, captured once from its middleware. */
function helmetHeaders(options: HelmetOptions): Record<string, string> {
  const headers: Record<string, string> = {};
  const response = {
    setHeader: (name: string, value: unknown) => {
      headers[name.toLowerCase()] = String(value);
    },
    removeHeader: (name: string) => {
      delete headers[name.toLowerCase()];
    },
  };
  helmet(options)({} as IncomingMessage, response as unknown as ServerResponse, () => {});
  return headers;
}

/**
 * Helmet's headers are the same on every answer, so they are computed once: added in one cheap
 * hook to every routed answer, and by the error handler to the answers made before routing.
 * (@fastify/helmet rebuilds the middleware, re-parsing the CSP, on every request: a tenth of the
 * CPU of a cached catalog hit.)
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = helmetHeaders({
  contentSecurityPolicy: {
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:', 'https:'],
      connectSrc: ["'self'"],
      frameSrc: ['https://www.youtube.com', 'https://www.youtube-nocookie.com'],
      fontSrc: ["'self'", 'data:'],
      objectSrc: ["'none'"],
      baseUri: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
      upgradeInsecureRequests: null,
    },
  },
  // YouTube's embedded player needs the referrer of the embedding page.
  referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
  crossOriginEmbedderPolicy: false,
  // Plain-HTTP self-hosting on a LAN must keep working; put HSTS on the TLS proxy.
  strictTransportSecurity: false,
});

export const securityPlugin = fp(
  async (app: FastifyInstance, opts: { corsOrigins: string[] }) => {
    app.addHook('onRequest', (_request, reply, done) => {
      reply.headers(SECURITY_HEADERS);
      done();
    });
    // With no origin listed (the default: the web app is same-origin) there is nothing to allow, and
    // no per-request CORS work: no answer ever carries Access-Control-Allow-Origin.
    if (opts.corsOrigins.length === 0) return;
    await app.register(cors, {
      origin: opts.corsOrigins,
      methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
      allowedHeaders: ['Authorization', 'Content-Type', 'If-None-Match'],
      exposedHeaders: ['ETag', 'Retry-After', 'WWW-Authenticate'],
      maxAge: 600,
      strictPreflight: false,
    });
  },
  { name: 'security' },
);
