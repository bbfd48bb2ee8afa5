/**
 * `/api/profiles/*`: schemas, OpenAPI text and one-line handlers forwarding to the ProfilesService;
 * the avatar images; and the switch, which answers tokens and so sets the refresh cookie.
 */
import { createHash } from 'node:crypto';
import cookie from '@fastify/cookie';
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import {
  AvatarList,
  CreateProfileBody,
  Problem,
  Profile,
  ProfileList,
  ProfileParams,
  SwitchProfileBody,
  TokenResponse,
  UpdateProfileBody,
} from '@marquee/contracts';
import { notFound } from '../../errors.js';
import { ifNoneMatchMatches } from '../../lib/representation.js';
import { COOKIE_NOTE, withRefreshCookie } from './auth.routes.js';
import { avatarSvg } from './avatars.js';
import type { ProfilesService } from './profiles.js';

const tags = ['profiles'];
const security = [{ bearer: [] }];
const problems = { 400: Problem, 401: Problem, 413: Problem, 415: Problem };
const NoContent = Type.Null({ description: 'No content.' });

const AvatarParams = Type.Object(
  { file: Type.String({ pattern: '^[a-z]{1,32}\\.svg$', description: 'An avatar key followed by `.svg`.' }) },
  { additionalProperties: false },
);

/** Avatar SVGs and their ETags, made once per key. */
const avatarImages = new Map<string, { svg: string; etag: string }>();
function avatarImage(file: string): { svg: string; etag: string } {
  const key = file.slice(0, -'.svg'.length);
  let image = avatarImages.get(key);
  if (!image) {
    const svg = avatarSvg(key);
    if (svg === undefined) throw notFound('avatar');
    image = { svg, etag: `"${createHash('sha256').update(svg).digest('base64url').slice(0, 27)}"` };
    avatarImages.set(key, image);
  }
  return image;
}

export async function profileRoutes(fastify: FastifyInstance, opts: { profiles: ProfilesService }) {
  await fastify.register(cookie);
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { profiles } = opts;

  app.get(
    '/api/profiles/avatars',
    {
      schema: {
        summary: 'The avatars a profile may take',
        description: 'Every avatar key with the URL of its image (a square SVG served by this server, cached for a year).',
        tags,
        response: { 200: AvatarList },
      },
    },
    async () => profiles.avatars(),
  );

  app.get(
    '/api/profiles/avatars/:file',
    {
      schema: {
        summary: 'An avatar image',
        description: 'A square SVG (`image/svg+xml`), immutable: cached for a year and revalidated by `ETag`. An unknown key answers 404.',
        tags,
        params: AvatarParams,
        response: {
          200: { description: 'The SVG image.', content: { 'image/svg+xml': { schema: Type.String() } } },
          304: { description: 'Not modified.', type: 'null' },
          404: Problem,
        },
      },
      // A malformed file name is an image that does not exist, not a bad request.
      attachValidation: true,
    },
    async (request, reply) => {
      if (request.validationError) throw notFound('avatar');
      const { svg, etag } = avatarImage(request.params.file);
      reply.header('etag', etag).header('cache-control', 'public, max-age=31536000, immutable').header('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'");
      if (ifNoneMatchMatches(request.headers['if-none-match'], etag)) return reply.code(304).send(null);
      return reply.type('image/svg+xml; charset=utf-8').send(svg);
    },
  );

  app.get(
    '/api/profiles',
    {
      onRequest: app.authenticate,
      schema: { summary: 'The account’s profiles', description: 'In creation order; the owner profile first.', tags, security, response: { 200: ProfileList, 401: Problem } },
    },
    async (request) => profiles.list(request.user),
  );

  app.post(
    '/api/profiles',
    {
      onRequest: app.authenticate,
      schema: {
        summary: 'Add a profile',
        description:
          'At most 5 profiles per account (409 `PROFILE_LIMIT`); names are unique per account case-insensitively (409 `PROFILE_NAME_TAKEN`). ' +
          '`maturity` defaults to `all`, or `older_kids` for a kids profile, whose limit is at most `older_kids` (else 400). `avatar` defaults to one ' +
          'the account does not use yet. A kids profile cannot add profiles (403 `PROFILE_RESTRICTED`).',
        tags,
        security,
        body: CreateProfileBody,
        response: { 201: Profile, ...problems, 403: Problem, 409: Problem },
      },
    },
    async (request, reply) => reply.code(201).send(await profiles.create(request.user, request.body)),
  );

  app.patch(
    '/api/profiles/:id',
    {
      onRequest: app.authenticate,
      schema: {
        summary: 'Change a profile',
        description:
          'Send only the fields to change. Raising `maturity`, clearing `kids`, or setting or removing the PIN (`"1234"` / `null`) needs the ' +
          'account’s `current_password` (403 `WRONG_PASSWORD` without it or with a wrong one, which counts as a failed sign-in). The owner profile ' +
          'cannot become a kids profile. A new limit applies from the next request on, to tokens already issued on the profile too. ' +
          'A kids profile cannot change profiles (403 `PROFILE_RESTRICTED`); another account’s profile id answers 404.',
        tags,
        security,
        params: ProfileParams,
        body: UpdateProfileBody,
        response: { 200: Profile, ...problems, 403: Problem, 404: Problem, 409: Problem, 429: Problem },
      },
    },
    async (request) => profiles.update(request.user, request.params.id, request.body, request.ip),
  );

  app.delete(
    '/api/profiles/:id',
    {
      onRequest: app.authenticate,
      schema: {
        summary: 'Delete a profile',
        description:
          'Its list and ratings go with it, and sessions on it end (their tokens answer 401). The owner profile cannot be deleted ' +
          '(409 `LAST_PROFILE`). A kids profile cannot delete profiles (403 `PROFILE_RESTRICTED`).',
        tags,
        security,
        params: ProfileParams,
        response: { 204: NoContent, 401: Problem, 403: Problem, 404: Problem, 409: Problem },
      },
    },
    async (request, reply) => {
      await profiles.remove(request.user, request.params.id);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/profiles/:id/switch',
    {
      onRequest: app.authenticate,
      schema: {
        summary: 'Switch the session to a profile',
        description:
          'Answers tokens for the same session, now on that profile: the access token names it and the refresh token rotates (the old one ' +
          'is used up). Access tokens naming the previous profile answer 401 from then on. A locked profile needs its `pin` ' +
          '(403 `PIN_REQUIRED` without, 403 `WRONG_PIN` for a wrong one; 429 `RATE_LIMITED` with `Retry-After` after 5 wrong PINs for the ' +
          `profile within 15 minutes). ${COOKIE_NOTE}`,
        tags,
        security,
        params: ProfileParams,
        body: SwitchProfileBody,
        response: { 200: TokenResponse, ...problems, 403: Problem, 404: Problem, 429: Problem },
      },
      // An absent body means `{}`: switching to an unlocked profile needs nothing.
      preValidation: async (request) => {
        request.body ??= {};
      },
    },
    async (request, reply) => withRefreshCookie(reply.header('cache-control', 'no-store'), await profiles.switch(request.user, request.params.id, request.body)),
  );
}
