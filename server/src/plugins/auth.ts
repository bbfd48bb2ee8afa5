/**
 * Bearer authentication: `app.authenticate` is the pre-handler of every protected route. The
 * verifier (the auth module) checks the JWT and that the session it names is live, so a revoked
 * session's access token is refused at once by the instance that revoked it, and by the others as
 * soon as PostgreSQL's change notification reaches them.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest, HookHandlerDoneFunction, onRequestHookHandler } from 'fastify';
import fp from 'fastify-plugin';
import type { Caller } from '../domain/caller.js';
import { forbidden } from '../errors.js';
import { isInsecureTransport } from '../lib/transport.js';

/** `COOKIE_SECURE`: the refresh cookie's `Secure` flag always, never, or following the request's scheme. */
export type CookieSecurity = 'auto' | 'always' | 'never';

declare module 'fastify' {
  interface FastifyInstance {
    /** Pre-handler of protected routes: a valid token, or 401. Sets `request.user`. */
    authenticate: (request: FastifyRequest) => Promise<void>;
    /**
     * Pre-handler of public routes whose answer depends on who asks (the catalog, by maturity
     * limit): a token, when one is sent, must be valid (else 401) and sets `request.viewer`; without
     * one the viewer is anonymous — unless the catalog requires sign-in, then 401.
     */
    identify: onRequestHookHandler;
    /**
     * Pre-handler of `/api/admin/…`: a valid token (else 401) of the owner's account (else 403
     * FORBIDDEN), on a profile that is not a kids profile (else 403 PROFILE_RESTRICTED).
     */
    requireOwner: (request: FastifyRequest) => Promise<void>;
    /** Whether the refresh cookie of this request's answer is `Secure` (COOKIE_SECURE). */
    secureCookies: (request: FastifyRequest) => boolean;
  }
  interface FastifyRequest {
    user: Caller;
    /** Who is looking, on a public route: null when anonymous. */
    viewer: Caller | null;
  }
}

export interface AccessTokenVerifier {
  /** Resolves the caller of a bearer token, or throws `unauthorized()`. */
  verify(authorization: string | undefined): Promise<Caller>;
}

export const authPlugin = fp(
  async (app: FastifyInstance, opts: { verifier: AccessTokenVerifier; requireSignIn: boolean; cookieSecure: CookieSecurity }) => {
    app.decorateRequest('user', null as unknown as Caller);
    app.decorateRequest('viewer', null);
    app.decorate('authenticate', async (request: FastifyRequest) => {
      request.user = await opts.verifier.verify(request.headers.authorization);
    });
    // `auto`: Secure over HTTPS (as Fastify sees the scheme: X-Forwarded-Proto counts only from a
    // TRUST_PROXY proxy) and on loopback, where browsers keep Secure cookies over plain HTTP; not on
    // a plain-HTTP home network address, where a browser would drop it and every reload sign out.
    app.decorate('secureCookies', (request: FastifyRequest) =>
      opts.cookieSecure === 'always' ? true : opts.cookieSecure === 'never' ? false : !isInsecureTransport(request.protocol, request.hostname),
    );
    app.decorate('requireOwner', async (request: FastifyRequest) => {
      request.user = await opts.verifier.verify(request.headers.authorization);
      if (request.user.role !== 'owner') throw forbidden('FORBIDDEN', 'Only the owner of this instance may do this.');
      // The owner's account may hold a kids profile: administration is not for it.
      if (request.user.kids) throw forbidden('PROFILE_RESTRICTED', 'Administration is not available on a kids profile.');
    });
    // A callback hook rather than an async one: an anonymous catalog request, the common case,
    // goes on at once instead of through a promise.
    app.decorate('identify', (request: FastifyRequest, _reply: FastifyReply, done: HookHandlerDoneFunction) => {
      const { authorization } = request.headers;
      if (authorization === undefined && !opts.requireSignIn) return done();
      opts.verifier.verify(authorization).then((viewer) => {
        request.viewer = viewer;
        done();
      }, done);
    });
  },
  { name: 'auth' },
);
