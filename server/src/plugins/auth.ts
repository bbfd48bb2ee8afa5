/**
 * Bearer authentication: `app.authenticate` is the pre-handler of every protected route. The
 * verifier (the auth module) checks the JWT and that the session it names is live, so a revoked
 * session's access token is refused at once by the instance that revoked it, and by the others as
 * soon as PostgreSQL's change notification reaches them.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Caller } from '../domain/caller.js';

declare module 'fastify' {
  interface FastifyInstance {
    authenticate: (request: FastifyRequest) => Promise<void>;
  }
  interface FastifyRequest {
    user: Caller;
  }
}

export interface AccessTokenVerifier {
  /** Resolves the caller of a bearer token, or throws `unauthorized()`. */
  verify(authorization: string | undefined): Promise<Caller>;
}

export const authPlugin = fp(
  async (app: FastifyInstance, opts: { verifier: AccessTokenVerifier }) => {
    app.decorateRequest('user', null as unknown as Caller);
    app.decorate('authenticate', async (request: FastifyRequest) => {
      request.user = await opts.verifier.verify(request.headers.authorization);
    });
  },
  { name: 'auth' },
);
