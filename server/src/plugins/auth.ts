/**
 * Bearer authentication: `app.authenticate` is the pre-handler of every protected route. It verifies
 * the JWT and checks the session it names is live (LiveSessions), so a revoked session's access
 * token is refused at once by the instance that revoked it, and by the others as soon as
 * PostgreSQL's change notification reaches them.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';

/** Who is calling: set on `request.user` by `app.authenticate`. */
export interface AuthUser {
  id: string;
  sessionId: string;
}

declare module 'fastify' {
  interface FastifyInstance {
    authenticate: (request: FastifyRequest) => Promise<void>;
  }
  interface FastifyRequest {
    user: AuthUser;
  }
}

export interface AccessTokenVerifier {
  /** Resolves the caller of a bearer token, or throws `unauthorized()`. */
  verify(authorization: string | undefined): Promise<AuthUser>;
}

export const authPlugin = fp(
  async (app: FastifyInstance, opts: { verifier: AccessTokenVerifier }) => {
    app.decorateRequest('user', null as unknown as AuthUser);
    app.decorate('authenticate', async (request: FastifyRequest) => {
      request.user = await opts.verifier.verify(request.headers.authorization);
    });
  },
  { name: 'auth' },
);
