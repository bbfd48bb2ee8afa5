/**
 * `/api/auth/*`: schemas, OpenAPI text and the bearer pre-handler; each handler forwards to the
 * AuthService. The refresh cookie is HTTP plumbing, so it is set and cleared here.
 */
import cookie from '@fastify/cookie';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import { LoginBody, Me, Problem, ProfileBody, RefreshBody, RegisterBody, TokenResponse } from '@marquee/contracts';
import type { AuthService } from './auth.service.js';
import { REFRESH_TOKEN_TTL_SECONDS } from './tokens.js';

/** The cookie that carries the refresh token for the web app (never readable by scripts). */
export const REFRESH_COOKIE = 'marquee_refresh';

/** The refresh cookie's attributes; `Secure` follows COOKIE_SECURE and the request (see the auth plugin). */
const cookieOptions = (reply: FastifyReply) =>
  ({
    httpOnly: true,
    secure: reply.server.secureCookies(reply.request),
    sameSite: 'strict',
    path: '/api/auth',
  }) as const;

/**
 * A cookie that only says "this browser holds a session", sent with every page load (the refresh
 * cookie stays on `/api/auth`). Its value is no secret and grants nothing; the page shell reads
 * whether it is there, to paint the signed-in hero for a returning visitor only.
 */
export const SESSION_HINT_COOKIE = 'marquee_session';
const hintOptions = (reply: FastifyReply) => ({ ...cookieOptions(reply), path: '/' }) as const;

/** Sets the refresh cookie (and the session hint) of a TokenResponse and answers it. */
export function withRefreshCookie(reply: FastifyReply, tokens: TokenResponse): TokenResponse {
  reply.setCookie(REFRESH_COOKIE, tokens.refresh_token, { ...cookieOptions(reply), maxAge: REFRESH_TOKEN_TTL_SECONDS });
  reply.setCookie(SESSION_HINT_COOKIE, '1', { ...hintOptions(reply), maxAge: REFRESH_TOKEN_TTL_SECONDS });
  return tokens;
}

/** Clears the refresh cookie and the session hint. */
function withoutSessionCookies(reply: FastifyReply): FastifyReply {
  return reply.clearCookie(REFRESH_COOKIE, cookieOptions(reply)).clearCookie(SESSION_HINT_COOKIE, hintOptions(reply));
}

/** Waits for the session to end, then clears the refresh cookie and answers 204. */
async function endSession(reply: FastifyReply, ending: Promise<void>): Promise<FastifyReply> {
  await ending;
  return withoutSessionCookies(reply).code(204).send();
}

const tags = ['auth'];
const bearer = [{ bearer: [] }];
const NoContent = Type.Null({ description: 'No content.' });

const problems = {
  400: Problem,
  413: Problem,
  415: Problem,
};

export const COOKIE_NOTE =
  `The refresh token is also set as the cookie \`${REFRESH_COOKIE}\` ` +
  `(HttpOnly; SameSite=Strict; Path=/api/auth; Max-Age=${REFRESH_TOKEN_TTL_SECONDS}; Secure over HTTPS and on localhost — ` +
  'with `COOKIE_SECURE=auto`, the default, a plain-HTTP request at another address gets it without `Secure`, so sign-in survives a reload on a home network), ' +
  `beside \`${SESSION_HINT_COOKIE}=1\` (Path=/; no secret: it tells the page shell a returning visitor is signed in). Logout clears both.`;

export async function authRoutes(fastify: FastifyInstance, opts: { auth: AuthService }) {
  // Only these routes read or write cookies: registered here, the cookie hooks skip every other route.
  await fastify.register(cookie);
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { auth } = opts;


  // Token answers must never be stored by a browser or a proxy.
  app.addHook('onSend', async (_request, reply) => {
    reply.header('cache-control', 'no-store');
  });

  app.post(
    '/api/auth/register',
    {
      schema: {
        summary: 'Create an account and sign in',
        description:
          'Emails are trimmed and lower-cased (so they compare case-insensitively; at most 254 characters); the name is trimmed ' +
          '(1…100 characters, no control characters); the password (8…128 characters) is used exactly as typed. ' +
          `Lengths count Unicode code points. Registrations are limited per client address (429 with Retry-After). ${COOKIE_NOTE}`,
        tags,
        body: RegisterBody,
        response: { 201: TokenResponse, ...problems, 409: Problem, 429: Problem },
      },
    },
    async (request, reply) => withRefreshCookie(reply.code(201), await auth.register(request.body, request.ip)),
  );

  app.post(
    '/api/auth/login',
    {
      schema: {
        summary: 'Sign in with email and password',
        description:
          'An unknown email and a wrong password get the same 401 `INVALID_CREDENTIALS`. After 10 failed attempts for one email ' +
          'within 15 minutes (or 30 from one client address) the answer is 429 with `Retry-After` — even with the right ' +
          `password — until the window passes; a successful sign-in resets the email's count. ${COOKIE_NOTE}`,
        tags,
        body: LoginBody,
        response: { 200: TokenResponse, ...problems, 401: Problem, 429: Problem },
      },
    },
    async (request, reply) => withRefreshCookie(reply, await auth.login(request.body, request.ip)),
  );

  app.post(
    '/api/auth/refresh',
    {
      schema: {
        summary: 'Exchange a refresh token for new tokens (rotation)',
        description:
          `The refresh token comes from the body, or — when the body has no \`refresh_token\` (an empty body or \`{}\`) — from the ` +
          `\`${REFRESH_COOKIE}\` cookie. Each refresh token works once: the answer carries a new one (and sets the cookie again). ` +
          'Presenting a used token again revokes its whole session (reuse detection); of several concurrent refreshes with one ' +
          'token at most one succeeds. Refresh tokens live 30 days, within an absolute session limit of 90 days.',
        tags,
        body: RefreshBody,
        response: { 200: TokenResponse, ...problems, 401: Problem },
      },
      // An absent body means `{}`: the web app refreshes with the cookie alone.
      preValidation: async (request) => {
        request.body ??= {};
      },
    },
    async (request, reply) => withRefreshCookie(reply, await auth.refresh(request.body.refresh_token ?? request.cookies[REFRESH_COOKIE])),
  );

  app.post(
    '/api/auth/logout',
    {
      onRequest: app.authenticate,
      schema: {
        summary: 'Sign out: revoke this session',
        description:
          `Revokes the caller's session: its access token and its refresh token are refused (401) from the next request on ` +
          `by the instance that answers this request; other instances sharing PostgreSQL follow once the database's change notification ` +
          `reaches them — with three instances on one busy two-core machine within 41 ms at the median and 207 ms at the 99th percentile of ` +
          `200 refusals, each figure including one request's round trip (server/test/integration/fleet.test.ts). ` +
          `Clears the \`${REFRESH_COOKIE}\` cookie. No request body.`,
        tags,
        security: bearer,
        response: { 204: NoContent, 401: Problem },
      },
    },
    async (request, reply) => endSession(reply, auth.logout(request.user)),
  );

  app.get(
    '/api/auth/me',
    {
      onRequest: app.authenticate,
      schema: {
        summary: 'The signed-in user and their profile',
        description: '`profile` is the profile the access token names; `watchlist` lists that profile’s My List.',
        tags,
        security: bearer,
        response: { 200: Me, 401: Problem },
      },
    },
    async (request) => auth.me(request.user),
  );

  app.put(
    '/api/auth/profile',
    {
      onRequest: app.authenticate,
      schema: {
        summary: 'Update name, avatar or password',
        description:
          'Send only the fields to change; an empty body `{}` changes nothing and answers 200 with the user as is. ' +
          '`avatar` is an absolute https:/http: URL (at most 2048 characters) or `null` to clear it. `new_password` needs ' +
          '`current_password` (and the reverse); a wrong `current_password` answers 403 `WRONG_PASSWORD` and counts as a ' +
          "failed sign-in of the account (429 past the login limits). A password change revokes the user's other sessions; " +
          'the session that made it keeps working. Any other field (`email`, `id`, `watchlist`, …) → 400.',
        tags,
        security: bearer,
        body: ProfileBody,
        response: { 200: Me, ...problems, 401: Problem, 403: Problem, 429: Problem },
      },
    },
    async (request) => auth.updateProfile(request.user, request.body, request.ip),
  );
}
