import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { InstanceSettings, Invitation, Member, TokenResponse } from '@marquee/contracts';
import { databaseBackends } from '../helpers/backends.js';
import { buildTestApp, type TestApp } from '../helpers/build-test-app.js';
import { capturedLogs, startFakeTmdb, type FakeTmdb } from '../helpers/fake-tmdb.js';
import { DEFAULT_PASSWORD, login, me, refresh, uniqueClientIp, uniqueEmail, withBearer } from '../helpers/auth-helpers.js';

/** Every admin route, with a body that would be valid for the owner. */
const ADMIN_ROUTES: InjectOptions[] = [
  { method: 'GET', url: '/api/admin/settings' },
  { method: 'PATCH', url: '/api/admin/settings', payload: { registration: 'closed' } },
  { method: 'PUT', url: '/api/admin/settings/tmdb', payload: { credential: 'abc' } },
  { method: 'DELETE', url: '/api/admin/settings/tmdb' },
  { method: 'GET', url: '/api/admin/invitations' },
  { method: 'POST', url: '/api/admin/invitations', payload: {} },
  { method: 'POST', url: '/api/admin/invitations/00000000-0000-4000-8000-000000000000/revoke' },
  { method: 'GET', url: '/api/admin/members' },
  { method: 'POST', url: '/api/admin/members/00000000-0000-4000-8000-000000000000/disable' },
  { method: 'POST', url: '/api/admin/members/00000000-0000-4000-8000-000000000000/enable' },
  { method: 'DELETE', url: '/api/admin/members/00000000-0000-4000-8000-000000000000' },
];

function register(
  app: FastifyInstance,
  extra: Record<string, unknown> = {},
  headers: Record<string, string> = {},
  remoteAddress = uniqueClientIp(),
): Promise<LightMyRequestResponse> {
  return app.inject({
    method: 'POST',
    url: '/api/auth/register',
    payload: { email: uniqueEmail(), password: DEFAULT_PASSWORD, name: 'Someone', ...extra },
    remoteAddress,
    headers,
  });
}

async function registered(app: FastifyInstance, extra: Record<string, unknown> = {}): Promise<TokenResponse & { email: string }> {
  const email = uniqueEmail();
  const res = await register(app, { email, ...extra });
  expect(res.statusCode, res.body).toBe(201);
  return { ...(res.json() as TokenResponse), email };
}

describe.each(databaseBackends)('owner and administration on $name', (backend) => {
  let t: TestApp;
  let fake: FakeTmdb;
  let owner: TokenResponse & { email: string };
  let member: TokenResponse & { email: string };
  const logs = capturedLogs('debug');
  /** Every response body the admin routes gave, to prove the credential never comes back. */
  const bodies: string[] = [];

  const asOwner = async (options: InjectOptions) => {
    const res = await withBearer(t.app, owner.access_token, options);
    bodies.push(res.body);
    return res;
  };
  const settings = async (): Promise<InstanceSettings> => (await asOwner({ method: 'GET', url: '/api/admin/settings' })).json();
  const setPolicy = async (registration: string) => {
    const res = await asOwner({ method: 'PATCH', url: '/api/admin/settings', payload: { registration } });
    expect(res.statusCode, res.body).toBe(200);
  };
  const invite = async (payload: Record<string, unknown> = {}): Promise<Invitation> => {
    const res = await asOwner({ method: 'POST', url: '/api/admin/invitations', payload });
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  };

  beforeAll(async () => {
    fake = await startFakeTmdb();
    // TMDB's address is known but no credential is configured: the offline catalog serves until the owner connects one.
    t = await buildTestApp({ backend, env: { TMDB_BASE_URL: fake.url }, logger: logs.logger });
    owner = await registered(t.app, { name: 'Olive Owner' });
    member = await registered(t.app, { name: 'Mel Member' });
  });
  afterAll(async () => {
    await t.close();
    await fake.close();
  });

  it('the first account is the owner, every later one a member (in the token answer and /me)', async () => {
    expect(owner.user.role).toBe('owner');
    expect(member.user.role).toBe('member');
    expect((await me(t.app, owner.access_token)).json().role).toBe('owner');
    expect((await me(t.app, member.access_token)).json().role).toBe('member');
  });

  it('exactly one owner: the database refuses a second one', async () => {
    await expect(t.database.db.execute(sql`update users set role = 'owner' where id = ${member.user.id}`)).rejects.toThrow();
  });

  it('every admin route → 401 with WWW-Authenticate without a token, 403 FORBIDDEN for a member', async () => {
    for (const route of ADMIN_ROUTES) {
      const anonymous = await t.app.inject(route);
      expect(anonymous.statusCode, `${route.method} ${route.url}`).toBe(401);
      expect(anonymous.headers['www-authenticate']).toBe('Bearer');
      const asMember = await withBearer(t.app, member.access_token, route);
      expect(asMember.statusCode, `${route.method} ${route.url}`).toBe(403);
      expect(asMember.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(asMember.json().code).toBe('FORBIDDEN');
    }
    // Nothing a member sent changed anything.
    expect((await settings()).registration).toBe('open');
  });

  it('the owner on a kids profile of their account → 403 PROFILE_RESTRICTED on admin routes', async () => {
    const created = await withBearer(t.app, owner.access_token, { method: 'POST', url: '/api/profiles', payload: { name: 'Kiddo', kids: true, maturity: 'older_kids' } });
    expect(created.statusCode, created.body).toBe(201);
    const switched = await withBearer(t.app, owner.access_token, { method: 'POST', url: `/api/profiles/${created.json().id}/switch`, payload: {} });
    expect(switched.statusCode, switched.body).toBe(200);
    const res = await withBearer(t.app, (switched.json() as TokenResponse).access_token, { method: 'GET', url: '/api/admin/settings' });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('PROFILE_RESTRICTED');
    // The switch rotated the session: sign the owner in again for the tests below.
    owner = { ...((await login(t.app, owner.email, DEFAULT_PASSWORD)).json() as TokenResponse), email: owner.email };
  });

  it('every admin route is in the OpenAPI document, with its 401 and 403 answers', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
      paths: Record<string, Record<string, { tags?: string[]; responses: Record<string, unknown> }>>;
    };
    for (const route of ADMIN_ROUTES) {
      const path = String(route.url).replace(/00000000-0000-4000-8000-000000000000/, '{id}');
      const operation = doc.paths[path]?.[String(route.method).toLowerCase()];
      expect(operation, `${route.method} ${path}`).toBeDefined();
      expect(operation?.tags).toEqual(['admin']);
      expect(Object.keys(operation?.responses ?? {})).toEqual(expect.arrayContaining(['401', '403']));
    }
  });

  it('GET /api/admin/settings → the defaults: open registration, US, offline catalog, no TMDB credential', async () => {
    const res = await asOwner({ method: 'GET', url: '/api/admin/settings' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.json()).toEqual({
      registration: 'open',
      default_region: 'US',
      tmdb: { connected: false, source: null },
      catalog_source: 'embedded',
      insecure_transport: false,
    });
  });

  it('PATCH /api/admin/settings → 400 for an unknown policy, region or field, changing nothing', async () => {
    for (const payload of [{ registration: 'everyone' }, { default_region: 'USA' }, { tmdb: 'x' }, { registration: 'closed', extra: 1 }]) {
      const res = await asOwner({ method: 'PATCH', url: '/api/admin/settings', payload });
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
    }
    expect((await settings()).registration).toBe('open');
    const region = await asOwner({ method: 'PATCH', url: '/api/admin/settings', payload: { default_region: 'gb' } });
    expect(region.json().default_region).toBe('GB');
    await asOwner({ method: 'PATCH', url: '/api/admin/settings', payload: { default_region: 'US' } });
  });

  describe('registration policies and invitations', () => {
    it('open (the default): anyone registers; a member is never the owner', async () => {
      const someone = await registered(t.app);
      expect(someone.user.role).toBe('member');
    });

    it('invite: no invitation, an unknown one → 403 INVITATION_REQUIRED and no account is made', async () => {
      await setPolicy('invite');
      const email = uniqueEmail();
      for (const extra of [{}, { invitation: 'not-a-real-token' }]) {
        const res = await register(t.app, { email, ...extra });
        expect(res.statusCode).toBe(403);
        expect(res.json().code).toBe('INVITATION_REQUIRED');
      }
      expect((await login(t.app, email, DEFAULT_PASSWORD)).statusCode).toBe(401);
      await setPolicy('open');
    });

    it('invite: an invitation works once; its reuse → 403 INVITATION_REQUIRED; the list shows it used', async () => {
      await setPolicy('invite');
      const invitation = await invite();
      expect(invitation.status).toBe('pending');
      expect(invitation.link).toBe(`/register?invitation=${invitation.token}`);
      const joined = await registered(t.app, { invitation: invitation.token });
      expect(joined.user.role).toBe('member');
      const again = await register(t.app, { invitation: invitation.token });
      expect(again.statusCode).toBe(403);
      expect(again.json().code).toBe('INVITATION_REQUIRED');
      const list: Invitation[] = (await asOwner({ method: 'GET', url: '/api/admin/invitations' })).json().invitations;
      expect(list.find((entry) => entry.id === invitation.id)).toMatchObject({ status: 'used' });
      await setPolicy('open');
    });

    it('invite: two registrations racing with one invitation → exactly one account', async () => {
      await setPolicy('invite');
      const invitation = await invite();
      const results = await Promise.all([register(t.app, { invitation: invitation.token }), register(t.app, { invitation: invitation.token })]);
      expect(results.map((res) => res.statusCode).sort()).toEqual([201, 403]);
      await setPolicy('open');
    });

    it('invite: an expired or a revoked invitation → 403 INVITATION_REQUIRED', async () => {
      await setPolicy('invite');
      const expired = await invite({ expires_in_days: 1 });
      await t.database.db.execute(sql`update invitations set expires_at = now() - interval '1 second' where id = ${expired.id}`);
      const revoked = await invite();
      const revokedAnswer = await asOwner({ method: 'POST', url: `/api/admin/invitations/${revoked.id}/revoke` });
      expect(revokedAnswer.statusCode).toBe(200);
      expect(revokedAnswer.json()).toMatchObject({ id: revoked.id, status: 'revoked' });
      for (const token of [expired.token, revoked.token]) {
        const res = await register(t.app, { invitation: token });
        expect(res.statusCode).toBe(403);
        expect(res.json().code).toBe('INVITATION_REQUIRED');
      }
      const list: Invitation[] = (await asOwner({ method: 'GET', url: '/api/admin/invitations' })).json().invitations;
      expect(list.find((entry) => entry.id === expired.id)?.status).toBe('expired');
      await setPolicy('open');
    });

    it('invitations: 400 for a lifetime outside 1…30 days, 404 revoking an unknown one, 400 a malformed id', async () => {
      for (const expires_in_days of [0, 31, 'seven']) {
        expect((await asOwner({ method: 'POST', url: '/api/admin/invitations', payload: { expires_in_days } })).statusCode).toBe(400);
      }
      expect((await asOwner({ method: 'POST', url: '/api/admin/invitations/00000000-0000-4000-8000-000000000000/revoke' })).statusCode).toBe(404);
      expect((await asOwner({ method: 'POST', url: '/api/admin/invitations/42/revoke' })).statusCode).toBe(400);
    });

    it('closed → 403 REGISTRATION_CLOSED, even with a valid invitation', async () => {
      const invitation = await invite();
      await setPolicy('closed');
      for (const extra of [{}, { invitation: invitation.token }]) {
        const res = await register(t.app, extra);
        expect(res.statusCode).toBe(403);
        expect(res.json().code).toBe('REGISTRATION_CLOSED');
      }
      await setPolicy('open');
      // The invitation was not used up by the refused attempt.
      const list: Invitation[] = (await asOwner({ method: 'GET', url: '/api/admin/invitations' })).json().invitations;
      expect(list.find((entry) => entry.id === invitation.id)?.status).toBe('pending');
    });
  });

  describe('members', () => {
    it('GET /api/admin/members → every account, the owner first', async () => {
      const res = await asOwner({ method: 'GET', url: '/api/admin/members' });
      const members: Member[] = res.json().members;
      expect(members[0]).toMatchObject({ id: owner.user.id, role: 'owner', disabled: false, email: owner.email });
      expect(members.find((entry) => entry.id === member.user.id)).toMatchObject({ role: 'member', disabled: false });
      expect(res.body).not.toMatch(/password/i);
    });

    it('disable → every session of the member ends at once and sign-in answers 401 as for a wrong password; enable → sign-in works again', async () => {
      const target = await registered(t.app);
      const second = (await login(t.app, target.email, DEFAULT_PASSWORD)).json() as TokenResponse;
      const res = await asOwner({ method: 'POST', url: `/api/admin/members/${target.user.id}/disable` });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ id: target.user.id, disabled: true });
      for (const token of [target.access_token, second.access_token]) expect((await me(t.app, token)).statusCode).toBe(401);
      expect((await refresh(t.app, second.refresh_token)).statusCode).toBe(401);
      const refused = await login(t.app, target.email, DEFAULT_PASSWORD);
      expect(refused.statusCode).toBe(401);
      expect(refused.json().code).toBe('INVALID_CREDENTIALS');

      const enabled = await asOwner({ method: 'POST', url: `/api/admin/members/${target.user.id}/enable` });
      expect(enabled.json()).toMatchObject({ disabled: false });
      expect((await login(t.app, target.email, DEFAULT_PASSWORD)).statusCode).toBe(200);
      // Old sessions stay ended.
      expect((await me(t.app, second.access_token)).statusCode).toBe(401);
    });

    it('delete → the account, its profiles, list and sessions are gone', async () => {
      const target = await registered(t.app);
      const added = await withBearer(t.app, target.access_token, { method: 'GET', url: '/api/movies/popular' });
      const first = added.json().results[0] as { id: number };
      expect((await withBearer(t.app, target.access_token, { method: 'POST', url: `/api/watchlist/${first.id}` })).statusCode).toBe(201);
      const res = await asOwner({ method: 'DELETE', url: `/api/admin/members/${target.user.id}` });
      expect(res.statusCode).toBe(204);
      expect((await me(t.app, target.access_token)).statusCode).toBe(401);
      expect((await login(t.app, target.email, DEFAULT_PASSWORD)).statusCode).toBe(401);
      const [left] = await t.database.db
        .select({
          profiles: sql<number>`(select count(*) from profiles where user_id = ${target.user.id})::int`,
          list: sql<number>`(select count(*) from watchlist where profile_id = ${target.profile.id})::int`,
        })
        .from(sql`(select 1) as one`);
      expect(left).toEqual({ profiles: 0, list: 0 });
      expect((await asOwner({ method: 'DELETE', url: `/api/admin/members/${target.user.id}` })).statusCode).toBe(404);
    });

    it('the owner cannot be disabled or deleted: 409 OWNER_PROTECTED', async () => {
      for (const route of [
        { method: 'POST', url: `/api/admin/members/${owner.user.id}/disable` },
        { method: 'DELETE', url: `/api/admin/members/${owner.user.id}` },
      ] as const) {
        const res = await asOwner(route);
        expect(res.statusCode).toBe(409);
        expect(res.json().code).toBe('OWNER_PROTECTED');
      }
      expect((await me(t.app, owner.access_token)).statusCode).toBe(200);
    });
  });

  describe('the TMDB credential', () => {
    it('PUT with a credential TMDB refuses → 422 TMDB_CREDENTIAL_REJECTED, nothing saved, still offline', async () => {
      const res = await asOwner({ method: 'PUT', url: '/api/admin/settings/tmdb', payload: { credential: 'wrong-key-0123456789abcdef01234567' } });
      expect(res.statusCode).toBe(422);
      expect(res.json().code).toBe('TMDB_CREDENTIAL_REJECTED');
      expect(fake.requestsTo('/authentication').at(-1)?.query.api_key).toBe('wrong-key-0123456789abcdef01234567');
      expect(await settings()).toMatchObject({ tmdb: { connected: false, source: null }, catalog_source: 'embedded' });
    });

    it('PUT with TMDB unreachable → 503 UPSTREAM_UNAVAILABLE, nothing saved', async () => {
      fake.script('/authentication', { status: 500, times: 1 });
      const res = await asOwner({ method: 'PUT', url: '/api/admin/settings/tmdb', payload: { credential: fake.apiKey } });
      expect(res.statusCode).toBe(503);
      expect((await settings()).tmdb.connected).toBe(false);
    });

    it('PUT with a valid key → checked at /authentication, saved, and the catalog serves TMDB at once; DELETE → offline again', async () => {
      const before = await t.app.inject({ method: 'GET', url: '/api/movies/popular' });
      expect(before.json().results[0].poster_url).toMatch(/^\/api\/images\//);

      const res = await asOwner({ method: 'PUT', url: '/api/admin/settings/tmdb', payload: { credential: fake.apiKey } });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toMatchObject({ tmdb: { connected: true, source: 'settings' }, catalog_source: 'tmdb' });
      const after = await t.app.inject({ method: 'GET', url: '/api/movies/popular' });
      expect(after.statusCode).toBe(200);
      expect(after.json().results[0].poster_url).toMatch(/^https:\/\/image\.tmdb\.org\//);
      expect(fake.requestsTo('/movie/popular').at(-1)?.query.api_key).toBe(fake.apiKey);
      expect((await t.app.inject({ method: 'GET', url: '/api/catalog' })).body).not.toContain(fake.apiKey);

      const removed = await asOwner({ method: 'DELETE', url: '/api/admin/settings/tmdb' });
      expect(removed.statusCode).toBe(204);
      expect(await settings()).toMatchObject({ tmdb: { connected: false, source: null }, catalog_source: 'embedded' });
      const offline = await t.app.inject({ method: 'GET', url: '/api/movies/popular' });
      expect(offline.json().results[0].poster_url).toMatch(/^\/api\/images\//);
    });

    it.runIf(backend.name === 'postgres')('a credential saved or removed on one instance switches every instance sharing the database, without a restart', async () => {
      const other = await buildTestApp({ backend, env: { TMDB_BASE_URL: fake.url }, database: await t.database.another!() });
      try {
        const posterOnOther = async () => (await other.app.inject({ method: 'GET', url: '/api/movies/popular' })).json().results[0].poster_url as string;
        expect(await posterOnOther()).toMatch(/^\/api\/images\//);
        expect((await asOwner({ method: 'PUT', url: '/api/admin/settings/tmdb', payload: { credential: fake.apiKey } })).statusCode).toBe(200);
        // The other instance hears the change on the database's notification channel and switches.
        await expect.poll(posterOnOther).toMatch(/^https:\/\/image\.tmdb\.org\//);
        expect((await asOwner({ method: 'DELETE', url: '/api/admin/settings/tmdb' })).statusCode).toBe(204);
        await expect.poll(posterOnOther).toMatch(/^\/api\/images\//);
        // A policy set on one instance holds on the other at once (registration reads it in its transaction).
        await setPolicy('closed');
        expect((await register(other.app)).json().code).toBe('REGISTRATION_CLOSED');
        await setPolicy('open');
      } finally {
        await other.close();
      }
    });

    it('a v4 read access token is sent as a Bearer token', async () => {
      const res = await asOwner({ method: 'PUT', url: '/api/admin/settings/tmdb', payload: { credential: fake.accessToken } });
      expect(res.statusCode, res.body).toBe(200);
      expect(fake.requestsTo('/authentication').at(-1)?.headers.authorization).toBe(`Bearer ${fake.accessToken}`);
      expect((await asOwner({ method: 'DELETE', url: '/api/admin/settings/tmdb' })).statusCode).toBe(204);
    });

    it('PUT → 400 for an empty or malformed credential', async () => {
      for (const payload of [{}, { credential: '' }, { credential: 'has space' }, { credential: 'x'.repeat(1025) }]) {
        expect((await asOwner({ method: 'PUT', url: '/api/admin/settings/tmdb', payload })).statusCode).toBe(400);
      }
    });

    it('the credential never appears in any response or log line', () => {
      expect(bodies.length).toBeGreaterThan(10);
      for (const secret of [fake.apiKey, fake.accessToken, 'wrong-key-0123456789abcdef01234567']) {
        for (const body of bodies) expect(body).not.toContain(secret);
        for (const line of logs.lines) expect(line).not.toContain(secret);
      }
    });
  });

  describe('plain HTTP on a home network', () => {
    const cookieOf = (res: LightMyRequestResponse) => String(res.headers['set-cookie']);

    it('the refresh cookie is Secure on localhost, not over plain HTTP at another host name (so a reload keeps the session)', async () => {
      expect(cookieOf(await register(t.app))).toMatch(/; Secure/);
      const lan = await register(t.app, {}, { host: 'nas.local:8080' });
      expect(lan.statusCode).toBe(201);
      expect(cookieOf(lan)).toMatch(/marquee_refresh=/);
      expect(cookieOf(lan)).not.toMatch(/Secure/);
    });

    it('the owner is told, in the settings and once in the log', async () => {
      const res = await withBearer(t.app, owner.access_token, { method: 'GET', url: '/api/admin/settings', headers: { host: 'nas.local:8080' } });
      expect(res.json().insecure_transport).toBe(true);
      expect(logs.lines.filter((line) => line.includes('served over plain HTTP beyond localhost'))).toHaveLength(1);
    });
  });
});

/** Suites about configuration, not storage: PostgreSQL when configured (cheap to open), else PGlite. */
const configBackend = databaseBackends.at(-1)!;

describe('cookie security settings', () => {
  const backend = configBackend;
  const apps: Record<string, TestApp> = {};
  beforeAll(async () => {
    apps.always = await buildTestApp({ backend, env: { COOKIE_SECURE: 'always' } });
    apps.never = await buildTestApp({ backend, env: { COOKIE_SECURE: 'never' } });
    // Test clients come from 10.x addresses (see uniqueClientIp): the proxy is trusted there.
    apps.proxied = await buildTestApp({ backend, env: { TRUST_PROXY: '10.0.0.0/8' } });
  });
  afterAll(() => Promise.all(Object.values(apps).map((app) => app.close())));

  const cookieFor = async (app: TestApp, headers: Record<string, string>, remoteAddress?: string) => {
    const res = await register(app.app, {}, headers, remoteAddress);
    expect(res.statusCode).toBe(201);
    return String(res.headers['set-cookie']);
  };

  it('COOKIE_SECURE=always keeps Secure on a plain-HTTP host; never drops it on localhost', async () => {
    expect(await cookieFor(apps.always!, { host: 'nas.local' })).toMatch(/; Secure/);
    expect(await cookieFor(apps.never!, {})).not.toMatch(/Secure/);
  });

  it('X-Forwarded-Proto: https counts only from a proxy named by TRUST_PROXY', async () => {
    const forwarded = { host: 'marquee.example.org', 'x-forwarded-proto': 'https' };
    expect(await cookieFor(apps.proxied!, forwarded)).toMatch(/; Secure/);
    // The same header from an address that is not a named proxy is not believed.
    expect(await cookieFor(apps.proxied!, forwarded, '192.168.1.5')).not.toMatch(/Secure/);
    expect(await cookieFor(apps.proxied!, { host: 'marquee.example.org' })).not.toMatch(/Secure/);
  });

  it('rejects unknown COOKIE_SECURE and TRUST_PROXY values', async () => {
    const { loadConfig } = await import('../../src/config.js');
    expect(() => loadConfig({ COOKIE_SECURE: 'sometimes' })).toThrow(/COOKIE_SECURE/);
    expect(() => loadConfig({ TRUST_PROXY: 'my proxy' })).toThrow(/TRUST_PROXY/);
  });
});

describe('a credential in the environment wins', () => {
  let fake: FakeTmdb;
  let t: TestApp;
  beforeAll(async () => {
    fake = await startFakeTmdb();
    t = await buildTestApp({ backend: configBackend, env: { TMDB_BASE_URL: fake.url, TMDB_API_KEY: fake.apiKey } });
  });
  afterAll(async () => {
    await t.close();
    await fake.close();
  });

  it('PUT and DELETE /api/admin/settings/tmdb → 409 SET_BY_ENVIRONMENT; the settings say where it comes from', async () => {
    const owner = await registered(t.app);
    const put = await withBearer(t.app, owner.access_token, { method: 'PUT', url: '/api/admin/settings/tmdb', payload: { credential: fake.accessToken } });
    expect(put.statusCode).toBe(409);
    expect(put.json().code).toBe('SET_BY_ENVIRONMENT');
    expect(fake.requestsTo('/authentication')).toHaveLength(0);
    expect((await withBearer(t.app, owner.access_token, { method: 'DELETE', url: '/api/admin/settings/tmdb' })).json().code).toBe('SET_BY_ENVIRONMENT');
    const settings = (await withBearer(t.app, owner.access_token, { method: 'GET', url: '/api/admin/settings' })).json();
    expect(settings).toMatchObject({ tmdb: { connected: true, source: 'environment' }, catalog_source: 'tmdb' });
    expect(JSON.stringify(settings)).not.toContain(fake.apiKey);
  });
});
