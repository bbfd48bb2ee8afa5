/**
 * `/api/admin/settings…` and `/api/admin/invitations…`: schemas, OpenAPI text and one-line
 * handlers forwarding to the AdminService. Every route is the owner's: 401 without a token, 403
 * FORBIDDEN for a member. Answers are never cached (`no-store`).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import { AdminIdParams, InstanceSettings, Invitation, InvitationBody, InvitationList, Problem, SettingsPatch, TmdbCredentialBody } from '@marquee/contracts';
import { isInsecureTransport } from '../../lib/transport.js';
import type { AdminService, RequestTransport } from './admin.service.js';

const tags = ['admin'];
const security = [{ bearer: [] }];
const guarded = { 401: Problem, 403: Problem };
const bodyProblems = { 400: Problem, 413: Problem, 415: Problem };
const NoContent = Type.Null({ description: 'No content.' });

const transportOf = (request: FastifyRequest): RequestTransport => ({ insecure: isInsecureTransport(request.protocol, request.hostname) });

export async function adminRoutes(fastify: FastifyInstance, opts: { admin: AdminService }) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { admin } = opts;
  const onRequest = app.requireOwner;

  app.addHook('onSend', async (_request, reply) => {
    reply.header('cache-control', 'no-store');
  });

  app.get(
    '/api/admin/settings',
    {
      onRequest,
      schema: {
        summary: 'The instance settings',
        description:
          'Owner only: 401 without a token, 403 FORBIDDEN for a member, 403 PROFILE_RESTRICTED from a kids profile of the owner. Whether a TMDB credential is set and where it comes from — never the credential. ' +
          '`insecure_transport` is true when this request came over plain HTTP at an address other than localhost.',
        tags,
        security,
        response: { 200: InstanceSettings, ...guarded },
      },
    },
    async (request) => admin.settings(transportOf(request)),
  );

  app.patch(
    '/api/admin/settings',
    {
      onRequest,
      schema: {
        summary: 'Change instance settings',
        description:
          'Owner only. `registration`: `open` (anyone), `invite` (an invitation is required) or `closed` (nobody); `default_region`: ISO 3166-1 alpha-2. ' +
          'Applies at once on every instance, without a restart.',
        tags,
        security,
        body: SettingsPatch,
        response: { 200: InstanceSettings, ...bodyProblems, ...guarded },
      },
    },
    async (request) => admin.updateSettings(request.body, transportOf(request)),
  );

  app.put(
    '/api/admin/settings/tmdb',
    {
      onRequest,
      schema: {
        summary: 'Connect TMDB',
        description:
          'Owner only. The credential (a v3 API key or a v4 read access token) is checked against TMDB’s `/authentication` first: refused → 422 ' +
          '`TMDB_CREDENTIAL_REJECTED` and nothing is saved; TMDB unreachable → 503. Once saved, the catalog serves TMDB on every instance without a restart. ' +
          'The credential is stored server-side and never returned. 409 `SET_BY_ENVIRONMENT` when TMDB_API_KEY / TMDB_ACCESS_TOKEN is set.',
        tags,
        security,
        body: TmdbCredentialBody,
        response: { 200: InstanceSettings, ...bodyProblems, ...guarded, 409: Problem, 422: Problem, 503: Problem },
      },
    },
    async (request) => admin.connectTmdb(request.body.credential, transportOf(request)),
  );

  app.delete(
    '/api/admin/settings/tmdb',
    {
      onRequest,
      schema: {
        summary: 'Disconnect TMDB',
        description: 'Owner only. Forgets the saved credential: the catalog goes back to the offline sample. 409 `SET_BY_ENVIRONMENT` when the environment holds one.',
        tags,
        security,
        response: { 204: NoContent, ...guarded, 409: Problem },
      },
    },
    async (_request, reply) => {
      await admin.disconnectTmdb();
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/admin/invitations',
    {
      onRequest,
      schema: {
        summary: 'Invitations, newest first',
        description: 'Owner only. Each with its link and status: `pending`, `used`, `expired` or `revoked`.',
        tags,
        security,
        response: { 200: InvitationList, ...guarded },
      },
    },
    async () => ({ invitations: await admin.listInvitations() }),
  );

  app.post(
    '/api/admin/invitations',
    {
      onRequest,
      schema: {
        summary: 'Create an invitation',
        description:
          'Owner only. A single-use link `/register?invitation={token}` that expires after `expires_in_days` (default 7). ' +
          'Registration with it uses it up; reusing it answers 403 `INVITATION_REQUIRED` while registration is by invitation.',
        tags,
        security,
        body: InvitationBody,
        response: { 201: Invitation, ...bodyProblems, ...guarded },
      },
      // No body means the defaults.
      preValidation: async (request) => {
        request.body ??= {};
      },
    },
    async (request, reply) => reply.code(201).send(await admin.createInvitation(request.user.userId, request.body)),
  );

  app.post(
    '/api/admin/invitations/:id/revoke',
    {
      onRequest,
      schema: {
        summary: 'Revoke an invitation',
        description: 'Owner only. The link stops working at once. A used invitation stays used. 404 unknown id.',
        tags,
        security,
        params: AdminIdParams,
        response: { 200: Invitation, 400: Problem, ...guarded, 404: Problem },
      },
    },
    async (request) => admin.revokeInvitation(request.params.id),
  );
}
