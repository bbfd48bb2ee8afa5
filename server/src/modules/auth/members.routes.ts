/**
 * `/api/admin/members…`: the owner's list of accounts, with disable / enable / delete. One-line
 * handlers forwarding to the AuthService (accounts are this module's); owner only.
 */
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import { AdminIdParams, Member, MemberList, Problem } from '@marquee/contracts';
import type { AuthService } from './auth.service.js';

const tags = ['admin'];
const security = [{ bearer: [] }];
const guarded = { 401: Problem, 403: Problem };
const NoContent = Type.Null({ description: 'No content.' });

export async function memberRoutes(fastify: FastifyInstance, opts: { auth: AuthService }) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const { auth } = opts;
  const onRequest = app.requireOwner;

  app.get(
    '/api/admin/members',
    {
      onRequest,
      schema: {
        summary: 'Every account of the instance',
        description: 'Owner only (401 without a token, 403 FORBIDDEN for a member). Oldest first: the owner leads.',
        tags,
        security,
        response: { 200: MemberList, ...guarded },
      },
    },
    async () => ({ members: await auth.listMembers() }),
  );

  app.post(
    '/api/admin/members/:id/disable',
    {
      onRequest,
      schema: {
        summary: 'Disable a member',
        description:
          'Every session of the member ends at once (their access and refresh tokens are refused from the next request on, on every instance) ' +
          'and they cannot sign in (401, as for a wrong password) until enabled again. 409 OWNER_PROTECTED for the owner; 404 unknown id.',
        tags,
        security,
        params: AdminIdParams,
        response: { 200: Member, 400: Problem, ...guarded, 404: Problem, 409: Problem },
      },
    },
    async (request) => auth.setMemberDisabled(request.params.id, true),
  );

  app.post(
    '/api/admin/members/:id/enable',
    {
      onRequest,
      schema: {
        summary: 'Enable a disabled member',
        description: 'The member can sign in again (their old sessions stay ended). 409 OWNER_PROTECTED for the owner; 404 unknown id.',
        tags,
        security,
        params: AdminIdParams,
        response: { 200: Member, 400: Problem, ...guarded, 404: Problem, 409: Problem },
      },
    },
    async (request) => auth.setMemberDisabled(request.params.id, false),
  );

  app.delete(
    '/api/admin/members/:id',
    {
      onRequest,
      schema: {
        summary: 'Delete a member',
        description: 'The account goes with its profiles, lists and sessions. 409 OWNER_PROTECTED for the owner; 404 unknown id.',
        tags,
        security,
        params: AdminIdParams,
        response: { 204: NoContent, 400: Problem, ...guarded, 404: Problem, 409: Problem },
      },
    },
    async (request, reply) => {
      await auth.deleteMember(request.params.id);
      return reply.code(204).send(null);
    },
  );
}
