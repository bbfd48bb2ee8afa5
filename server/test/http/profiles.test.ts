/**
 * The profiles table of API.md v2 over HTTP, on every database backend (and, when TEST_REDIS_URL is
 * set, with the PIN throttle in Redis shared by two instances): every route, every failure it
 * names, and bad input that answers 4xx problem+json and changes nothing.
 */
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { FIELD_LIMITS, type Profile, type Title, type TokenResponse } from '@marquee/contracts';
import { profiles as profilesTable, sessions, watchlist } from '../../src/db/schema.js';
import { databaseBackends, openTestRedis, type TestRedis } from '../helpers/backends.js';
import { buildTestApp, type TestApp } from '../helpers/build-test-app.js';
import { me, refresh, registerUser, withBearer, type RegisteredUser } from '../helpers/auth-helpers.js';

const MAX = FIELD_LIMITS.profiles.max;

function expectProblem(res: LightMyRequestResponse, status: number, code?: string) {
  expect(res.statusCode, res.body).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  const body = res.json();
  expect(body.status).toBe(status);
  if (code) expect(body.code).toBe(code);
  return body;
}

describe.each(databaseBackends)('profiles on $name', (backend) => {
  let t: TestApp;
  let testRedis: TestRedis | null;
  let movies: Title[];

  beforeAll(async () => {
    testRedis = openTestRedis();
    t = await buildTestApp({ backend, redis: testRedis?.redis ?? null });
    movies = (await t.app.inject({ method: 'GET', url: '/api/movies/popular' })).json().results;
  });
  afterAll(async () => {
    await t.close();
    await testRedis?.cleanup();
  });

  const call = (token: string, method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, payload?: unknown) =>
    withBearer(t.app, token, { method, url, ...(payload === undefined ? {} : { payload: payload as object }) });
  const list = async (token: string): Promise<Profile[]> => {
    const res = await call(token, 'GET', '/api/profiles');
    expect(res.statusCode).toBe(200);
    return res.json().profiles;
  };
  const create = (token: string, body: unknown) => call(token, 'POST', '/api/profiles', body);
  const patch = (token: string, id: string, body: unknown) => call(token, 'PATCH', `/api/profiles/${id}`, body);
  const remove = (token: string, id: string) => call(token, 'DELETE', `/api/profiles/${id}`);
  const switchTo = (token: string, id: string, body?: unknown) => call(token, 'POST', `/api/profiles/${id}/switch`, body);
  const created = async (token: string, body: Record<string, unknown>): Promise<Profile> => {
    const res = await create(token, body);
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  };
  const switched = async (token: string, id: string, body?: unknown): Promise<TokenResponse> => {
    const res = await switchTo(token, id, body);
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  const myList = async (token: string): Promise<number[]> => {
    const res = await call(token, 'GET', '/api/watchlist');
    expect(res.statusCode).toBe(200);
    return res.json().results.map((title: Title) => title.id);
  };

  describe('the owner profile', () => {
    it('registration creates it, named after the account cut to 30 characters; login, refresh and /me answer it', async () => {
      const long = `  ${'Ö'.repeat(29)} Z and more after the thirtieth character`;
      const user = await registerUser(t.app, { name: long });
      expect(user.profile).toEqual({
        id: expect.any(String),
        name: `${'Ö'.repeat(29)}`,
        avatar: expect.any(String),
        kids: false,
        maturity: 'all',
        locked: false,
        owner: true,
        created_at: expect.any(String),
      });
      expect(await list(user.access_token)).toEqual([user.profile]);
      expect((await me(t.app, user.access_token)).json().profile).toEqual(user.profile);
      const refreshed = await refresh(t.app, user.refresh_token);
      expect(refreshed.json().profile).toEqual(user.profile);
    });

    it('DELETE of the owner profile → 409 LAST_PROFILE, and it stays', async () => {
      const user = await registerUser(t.app);
      expectProblem(await remove(user.access_token, user.profile.id), 409, 'LAST_PROFILE');
      expect(await list(user.access_token)).toEqual([user.profile]);
      expect((await me(t.app, user.access_token)).statusCode).toBe(200);
    });

    it('cannot become a kids profile (400), and nothing changes', async () => {
      const user = await registerUser(t.app);
      expectProblem(await patch(user.access_token, user.profile.id, { kids: true, maturity: 'older_kids' }), 400, 'VALIDATION_FAILED');
      expect(await list(user.access_token)).toEqual([user.profile]);
    });
  });

  describe('GET and POST /api/profiles', () => {
    it('1…5 profiles in creation order; the 6th → 409 PROFILE_LIMIT and is not stored', async () => {
      const user = await registerUser(t.app);
      const names = ['Bea', 'Cy', 'Dee', 'Eve'];
      const made: Profile[] = [];
      for (const name of names) made.push(await created(user.access_token, { name }));
      for (const profile of made) expect(profile).toMatchObject({ kids: false, maturity: 'all', locked: false, owner: false });
      expect((await list(user.access_token)).map((p) => p.name)).toEqual([user.profile.name, ...names]);
      expectProblem(await create(user.access_token, { name: 'Fay' }), 409, 'PROFILE_LIMIT');
      expect(await list(user.access_token)).toHaveLength(MAX);
      // Deleting one makes room for one.
      expect((await remove(user.access_token, made[0]!.id)).statusCode).toBe(204);
      await created(user.access_token, { name: 'Fay' });
      expectProblem(await create(user.access_token, { name: 'Gus' }), 409, 'PROFILE_LIMIT');
    });

    it('ten concurrent creations never pass five', async () => {
      const user = await registerUser(t.app);
      const answers = await Promise.all(Array.from({ length: 10 }, (_, i) => create(user.access_token, { name: `Racer ${i}` })));
      const statuses = answers.map((res) => res.statusCode);
      expect(statuses.filter((s) => s === 201)).toHaveLength(MAX - 1);
      for (const res of answers.filter((r) => r.statusCode !== 201)) expectProblem(res, 409, 'PROFILE_LIMIT');
      expect(await list(user.access_token)).toHaveLength(MAX);
    });

    it('names: trimmed, 1…30 characters, unique per account case-insensitively', async () => {
      const user = await registerUser(t.app, { name: 'Owner' });
      const thirty = 'n'.repeat(FIELD_LIMITS.profileName.max);
      expect((await created(user.access_token, { name: `  ${thirty}\u00a0 ` })).name).toBe(thirty);
      expect((await created(user.access_token, { name: '🎬 Ciné' })).name).toBe('🎬 Ciné');
      expectProblem(await create(user.access_token, { name: 'OWNER' }), 409, 'PROFILE_NAME_TAKEN');
      expectProblem(await create(user.access_token, { name: ` ${thirty.toUpperCase()} ` }), 409, 'PROFILE_NAME_TAKEN');
      // Another account may use the same name.
      const other = await registerUser(t.app);
      await created(other.access_token, { name: 'Owner' });
    });

    it('bad bodies → 400 problem+json (naming the field) and nothing is stored', async () => {
      const user = await registerUser(t.app);
      const before = await list(user.access_token);
      const bad: [unknown, string][] = [
        [{}, '/name'],
        [{ name: '' }, '/name'],
        [{ name: '    ' }, '/name'],
        [{ name: 'x'.repeat(FIELD_LIMITS.profileName.max + 1) }, '/name'],
        [{ name: '🎬'.repeat(FIELD_LIMITS.profileName.max + 1) }, '/name'],
        [{ name: 'tab\there' }, '/name'],
        [{ name: 'nul\u0000' }, '/name'],
        [{ name: 'lone \ud800 surrogate' }, '/name'],
        [{ name: 42 }, '/name'],
        [{ name: 'Ok', avatar: 'not-an-avatar' }, '/avatar'],
        [{ name: 'Ok', avatar: 'x'.repeat(65) }, '/avatar'],
        [{ name: 'Ok', kids: 'yes' }, '/kids'],
        [{ name: 'Ok', maturity: 'adults' }, '/maturity'],
        [{ name: 'Ok', kids: true, maturity: 'teens' }, '/maturity'],
        [{ name: 'Ok', kids: true, maturity: 'all' }, '/maturity'],
        [{ name: 'Ok', pin: '1234' }, '/pin'],
        [{ name: 'Ok', owner: true }, '/owner'],
        [{ name: 'Ok', id: 'abc' }, '/id'],
      ];
      for (const [body, path] of bad) {
        const problem = expectProblem(await create(user.access_token, body), 400);
        expect(problem.errors?.map((e: { path: string }) => e.path), JSON.stringify(body)).toContain(path);
      }
      expectProblem(
        await withBearer(t.app, user.access_token, { method: 'POST', url: '/api/profiles', headers: { 'content-type': 'application/json' }, payload: '{"name":' }),
        400,
        'MALFORMED_JSON',
      );
      expectProblem(
        await withBearer(t.app, user.access_token, { method: 'POST', url: '/api/profiles', headers: { 'content-type': 'text/plain' }, payload: 'name=x' }),
        415,
        'UNSUPPORTED_MEDIA_TYPE',
      );
      expectProblem(
        await withBearer(t.app, user.access_token, { method: 'POST', url: '/api/profiles', payload: { name: 'x', pad: 'y'.repeat(70_000) } }),
        413,
        'PAYLOAD_TOO_LARGE',
      );
      expect(await list(user.access_token)).toEqual(before);
    });

    it('a kids profile is older_kids by default and may be little_kids; avatars default to ones the account does not use', async () => {
      const user = await registerUser(t.app);
      const kid = await created(user.access_token, { name: 'Kid', kids: true });
      expect(kid).toMatchObject({ kids: true, maturity: 'older_kids', owner: false });
      const little = await created(user.access_token, { name: 'Little', kids: true, maturity: 'little_kids' });
      expect(little.maturity).toBe('little_kids');
      const teen = await created(user.access_token, { name: 'Teen', maturity: 'teens', avatar: 'moss' });
      expect(teen).toMatchObject({ kids: false, maturity: 'teens', avatar: 'moss' });
      const avatars = (await list(user.access_token)).map((p) => p.avatar);
      expect(new Set(avatars.slice(0, 3)).size).toBe(3);
    });
  });

  describe('avatars', () => {
    it('GET /api/profiles/avatars lists at least 12; each is a distinct square SVG served by the server', async () => {
      const res = await t.app.inject({ method: 'GET', url: '/api/profiles/avatars' });
      expect(res.statusCode).toBe(200);
      const { avatars } = res.json() as { avatars: { key: string; url: string }[] };
      expect(avatars.length).toBeGreaterThanOrEqual(12);
      expect(new Set(avatars.map((a) => a.key)).size).toBe(avatars.length);
      const bodies = new Set<string>();
      for (const { key, url } of avatars) {
        expect(url.startsWith('/')).toBe(true);
        const image = await t.app.inject({ method: 'GET', url });
        expect(image.statusCode, key).toBe(200);
        expect(image.headers['content-type']).toMatch(/^image\/svg\+xml/);
        expect(image.headers['x-content-type-options']).toBe('nosniff');
        const svg = image.body;
        // One well-formed root element, square, scalable to 64 and 320 px, with nothing it must fetch or run.
        expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" viewBox="0 0 (\d+) \1"[^>]*>[\s\S]*<\/svg>$/);
        expect(svg.match(/<svg\b/g)).toHaveLength(1);
        expect(svg).not.toMatch(/<script|\bon\w+=|href=|<image|<foreignObject/i);
        bodies.add(svg);
        const revalidated = await t.app.inject({ method: 'GET', url, headers: { 'if-none-match': image.headers.etag as string } });
        expect(revalidated.statusCode).toBe(304);
      }
      expect(bodies.size).toBe(avatars.length);
      for (const url of ['/api/profiles/avatars/nope.svg', '/api/profiles/avatars/ember.png', '/api/profiles/avatars/..%2fetc.svg']) {
        expectProblem(await t.app.inject({ method: 'GET', url }), 404);
      }
    });
  });

  describe('PATCH /api/profiles/{id}', () => {
    it('changes name, avatar and limit; lowering needs no password, raising and clearing kids need it', async () => {
      const user = await registerUser(t.app);
      const bea = await created(user.access_token, { name: 'Bea' });
      const renamed = await patch(user.access_token, bea.id, { name: ' Beatrice ', avatar: 'frost' });
      expect(renamed.statusCode).toBe(200);
      expect(renamed.json()).toEqual({ ...bea, name: 'Beatrice', avatar: 'frost' });

      const lowered = await patch(user.access_token, bea.id, { maturity: 'teens' });
      expect(lowered.json().maturity).toBe('teens');
      expectProblem(await patch(user.access_token, bea.id, { maturity: 'all' }), 403, 'WRONG_PASSWORD');
      expectProblem(await patch(user.access_token, bea.id, { maturity: 'all', current_password: 'not the password' }), 403, 'WRONG_PASSWORD');
      expect((await list(user.access_token)).find((p) => p.id === bea.id)?.maturity).toBe('teens');
      const raised = await patch(user.access_token, bea.id, { maturity: 'all', current_password: user.password });
      expect(raised.json().maturity).toBe('all');

      const kid = await created(user.access_token, { name: 'Kid', kids: true });
      expectProblem(await patch(user.access_token, kid.id, { maturity: 'teens' }), 400, 'VALIDATION_FAILED');
      expectProblem(await patch(user.access_token, kid.id, { kids: false }), 403, 'WRONG_PASSWORD');
      const grown = await patch(user.access_token, kid.id, { kids: false, maturity: 'teens', current_password: user.password });
      expect(grown.json()).toMatchObject({ kids: false, maturity: 'teens' });
      // Making an adult profile a kids profile again lowers it: no password.
      const again = await patch(user.access_token, kid.id, { kids: true, maturity: 'little_kids' });
      expect(again.json()).toMatchObject({ kids: true, maturity: 'little_kids' });
    });

    it('a name another profile has → 409 PROFILE_NAME_TAKEN; its own name in another case is fine', async () => {
      const user = await registerUser(t.app, { name: 'Ann' });
      const bea = await created(user.access_token, { name: 'Bea' });
      expectProblem(await patch(user.access_token, bea.id, { name: 'ann' }), 409, 'PROFILE_NAME_TAKEN');
      expect((await patch(user.access_token, bea.id, { name: 'BEA' })).json().name).toBe('BEA');
    });

    it('bad bodies → 400 and nothing changes', async () => {
      const user = await registerUser(t.app);
      const bea = await created(user.access_token, { name: 'Bea' });
      for (const body of [
        { name: '' },
        { name: ' ' },
        { name: 'y'.repeat(31) },
        { avatar: 'nope' },
        { maturity: 'R' },
        { kids: 1 },
        { pin: '123', current_password: user.password },
        { pin: '12345', current_password: user.password },
        { pin: ' 1234', current_password: user.password },
        { pin: '１２３４', current_password: user.password },
        { pin: 'abcd', current_password: user.password },
        { pin: 1234, current_password: user.password },
        { owner: true },
        { locked: false },
        { user_id: user.user.id },
      ]) {
        expectProblem(await patch(user.access_token, bea.id, body), 400);
      }
      expect((await list(user.access_token)).find((p) => p.id === bea.id)).toEqual(bea);
    });
  });

  describe('ids', () => {
    it('another account’s profile, an unknown id, a malformed or overlong id → 404 on every route, and nothing changes', async () => {
      const ann = await registerUser(t.app);
      const bob = await registerUser(t.app);
      const bobKid = await created(bob.access_token, { name: 'Bobby', kids: true });
      const ids = [
        bob.profile.id,
        bobKid.id,
        '00000000-0000-4000-8000-000000000000',
        'not-a-uuid',
        '1',
        'x'.repeat(64),
        'x'.repeat(65),
        `${bob.profile.id}${'0'.repeat(40)}`,
        'y'.repeat(300),
        '%F0%9F%8E%AC',
      ];
      for (const id of ids) {
        expectProblem(await patch(ann.access_token, id, { name: 'Stolen' }), 404, 'NOT_FOUND');
        expectProblem(await remove(ann.access_token, id), 404, 'NOT_FOUND');
        expectProblem(await switchTo(ann.access_token, id), 404, 'NOT_FOUND');
      }
      expect(await list(bob.access_token)).toEqual([bob.profile, bobKid]);
      expect((await me(t.app, ann.access_token)).json().profile).toEqual(ann.profile);
    });

    it('a path the router refuses (bad percent-encoding, an id past its length) → problem+json with the security headers', async () => {
      const user = await registerUser(t.app);
      for (const [url, status] of [
        ['/api/profiles/%E0%A4%A/switch', 400],
        [`/api/profiles/${'z'.repeat(201)}`, 404],
      ] as const) {
        const res = await withBearer(t.app, user.access_token, { method: 'DELETE', url });
        const body = expectProblem(res, status);
        expect(JSON.stringify(body)).not.toMatch(/FST_ERR/);
        expect(res.headers['x-content-type-options']).toBe('nosniff');
        expect(res.headers['x-request-id']).toBeTruthy();
      }
    });

    it('a listed origin may PATCH and DELETE profiles across origins (the preflight allows them)', async () => {
      const cors = await buildTestApp({ backend, database: t.database, env: { CORS_ORIGINS: 'https://app.example' } });
      try {
        const res = await cors.app.inject({
          method: 'OPTIONS',
          url: '/api/profiles/x',
          headers: { origin: 'https://app.example', 'access-control-request-method': 'PATCH', 'access-control-request-headers': 'authorization,content-type' },
        });
        expect(res.statusCode).toBe(204);
        expect(res.headers['access-control-allow-origin']).toBe('https://app.example');
        expect(String(res.headers['access-control-allow-methods']).split(/,\s*/)).toEqual(expect.arrayContaining(['PATCH', 'DELETE']));
      } finally {
        await cors.app.close();
      }
    });

    it('every profiles route without a valid token → 401 with WWW-Authenticate', async () => {
      for (const [method, url] of [
        ['GET', '/api/profiles'],
        ['POST', '/api/profiles'],
        ['PATCH', '/api/profiles/x'],
        ['DELETE', '/api/profiles/x'],
        ['POST', '/api/profiles/x/switch'],
      ] as const) {
        for (const headers of [{}, { authorization: 'Bearer not-a-token' }]) {
          const res = await t.app.inject({ method, url, headers, payload: method === 'POST' || method === 'PATCH' ? { name: 'x' } : undefined });
          expectProblem(res, 401, 'UNAUTHORIZED');
          expect(res.headers['www-authenticate']).toBe('Bearer');
        }
      }
    });
  });

  describe('kids profiles', () => {
    it('cannot add, change or delete profiles (403 PROFILE_RESTRICTED), but may switch', async () => {
      const user = await registerUser(t.app);
      const kid = await created(user.access_token, { name: 'Kid', kids: true });
      const bea = await created(user.access_token, { name: 'Bea' });
      const asKid = await switched(user.access_token, kid.id);
      expect(asKid.profile).toEqual(kid);
      expectProblem(await create(asKid.access_token, { name: 'Sneaky' }), 403, 'PROFILE_RESTRICTED');
      expectProblem(await patch(asKid.access_token, kid.id, { maturity: 'little_kids' }), 403, 'PROFILE_RESTRICTED');
      expectProblem(await patch(asKid.access_token, bea.id, { name: 'Renamed' }), 403, 'PROFILE_RESTRICTED');
      expectProblem(await remove(asKid.access_token, bea.id), 403, 'PROFILE_RESTRICTED');
      expect(await list(asKid.access_token)).toEqual([user.profile, kid, bea]);
      const back = await switched(asKid.access_token, user.profile.id);
      expect(back.profile).toEqual(user.profile);
    });

    it('an adult profile that is not the owner may manage profiles (the contract restricts kids profiles only)', async () => {
      const user = await registerUser(t.app);
      const bea = await created(user.access_token, { name: 'Bea' });
      const asBea = await switched(user.access_token, bea.id);
      const cy = await created(asBea.access_token, { name: 'Cy' });
      expect((await patch(asBea.access_token, cy.id, { name: 'Cyrus' })).statusCode).toBe(200);
      expect((await remove(asBea.access_token, cy.id)).statusCode).toBe(204);
      expectProblem(await remove(asBea.access_token, user.profile.id), 409, 'LAST_PROFILE');
    });
  });

  describe('POST /api/profiles/{id}/switch', () => {
    it('answers tokens for the same session on that profile; the old access token and refresh token die', async () => {
      const user = await registerUser(t.app);
      const bea = await created(user.access_token, { name: 'Bea' });
      const tokens = await switched(user.access_token, bea.id);
      expect(Object.keys(tokens).sort()).toEqual(['access_token', 'expires_in', 'profile', 'refresh_token', 'token_type', 'user']);
      expect(tokens.profile).toEqual(bea);
      expect(tokens.user.id).toBe(user.user.id);
      expect(tokens.refresh_token).not.toBe(user.refresh_token);
      expect((await me(t.app, tokens.access_token)).json().profile).toEqual(bea);
      // The access token naming the previous profile is refused at once.
      expectProblem(await me(t.app, user.access_token), 401, 'UNAUTHORIZED');

      // The new refresh token works and stays on the new profile.
      const refreshed = await refresh(t.app, tokens.refresh_token);
      expect(refreshed.statusCode).toBe(200);
      expect(refreshed.json().profile).toEqual(bea);

      // The one the switch replaced is used up: presenting it is reuse, which ends the session.
      expectProblem(await refresh(t.app, user.refresh_token), 401, 'UNAUTHORIZED');
      expect((await me(t.app, refreshed.json().access_token)).statusCode).toBe(401);
      expect((await refresh(t.app, refreshed.json().refresh_token)).statusCode).toBe(401);
    });

    it('the session stays one session: its row is moved, no other session appears; other sessions keep their profile', async () => {
      const user = await registerUser(t.app);
      const second = (await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: user.email, password: user.password } })).json();
      const bea = await created(user.access_token, { name: 'Bea' });
      await switched(user.access_token, bea.id);
      const rows = await t.database.db.select().from(sessions).where(eq(sessions.userId, user.user.id));
      expect(rows).toHaveLength(2);
      expect(rows.map((r) => r.profileId).sort()).toEqual([bea.id, user.profile.id].sort());
      expect((await me(t.app, second.access_token)).json().profile.id).toBe(user.profile.id);
    });

    it('no body, {} and a stray PIN all switch to an unlocked profile; unknown fields → 400', async () => {
      const user = await registerUser(t.app);
      const bea = await created(user.access_token, { name: 'Bea' });
      const a = await switched(user.access_token, bea.id);
      const b = await switched(a.access_token, user.profile.id, {});
      const c = await switched(b.access_token, bea.id, { pin: '0000' });
      expect(c.profile.id).toBe(bea.id);
      expectProblem(await switchTo(c.access_token, user.profile.id, { pin: '0000', profile: 'x' }), 400);
      expectProblem(await switchTo(c.access_token, user.profile.id, { pin: 1234 }), 400);
      expect((await me(t.app, c.access_token)).json().profile.id).toBe(bea.id);
    });
  });

  describe('PINs', () => {
    it('setting and clearing a PIN needs the account password; the PIN is never returned or stored in clear', async () => {
      const user = await registerUser(t.app);
      const bea = await created(user.access_token, { name: 'Bea' });
      expectProblem(await patch(user.access_token, bea.id, { pin: '4821' }), 403, 'WRONG_PASSWORD');
      expectProblem(await patch(user.access_token, bea.id, { pin: '4821', current_password: 'wrong password' }), 403, 'WRONG_PASSWORD');
      expect((await list(user.access_token)).find((p) => p.id === bea.id)?.locked).toBe(false);

      const locked = await patch(user.access_token, bea.id, { pin: '4821', current_password: user.password });
      expect(locked.statusCode).toBe(200);
      expect(locked.json()).toEqual({ ...bea, locked: true });
      expect(locked.body).not.toContain('4821');
      const [row] = await t.database.db.select().from(profilesTable).where(eq(profilesTable.id, bea.id));
      expect(row?.pinHash).toMatch(/^\$argon2id\$/);
      expect(row?.pinHash).not.toContain('4821');
      for (const res of [await call(user.access_token, 'GET', '/api/profiles'), await me(t.app, user.access_token)]) {
        expect(res.body).not.toContain('4821');
        expect(res.body).not.toContain('argon2');
      }

      expectProblem(await patch(user.access_token, bea.id, { pin: null }), 403, 'WRONG_PASSWORD');
      const cleared = await patch(user.access_token, bea.id, { pin: null, current_password: user.password });
      expect(cleared.json().locked).toBe(false);
      expect((await switched(user.access_token, bea.id)).profile.locked).toBe(false);
    });

    it('switching to a locked profile: no PIN → 403 PIN_REQUIRED, wrong → 403 WRONG_PIN, right → 200', async () => {
      const user = await registerUser(t.app);
      const bea = await created(user.access_token, { name: 'Bea' });
      await patch(user.access_token, bea.id, { pin: '0007', current_password: user.password });
      expectProblem(await switchTo(user.access_token, bea.id), 403, 'PIN_REQUIRED');
      expectProblem(await switchTo(user.access_token, bea.id, {}), 403, 'PIN_REQUIRED');
      expectProblem(await switchTo(user.access_token, bea.id, { pin: '7' }), 403, 'WRONG_PIN');
      expectProblem(await switchTo(user.access_token, bea.id, { pin: '0008' }), 403, 'WRONG_PIN');
      // Still on the owner profile after the refusals.
      expect((await me(t.app, user.access_token)).json().profile.id).toBe(user.profile.id);
      const tokens = await switched(user.access_token, bea.id, { pin: '0007' });
      expect(tokens.profile).toMatchObject({ id: bea.id, locked: true });
      // Switching to the profile the session is already on needs no PIN.
      expect((await switched(tokens.access_token, bea.id)).profile.id).toBe(bea.id);
    });

    it('5 wrong PINs for one profile within 15 minutes → 429 RATE_LIMITED with Retry-After, even for the right PIN; other profiles are not affected', async () => {
      const user = await registerUser(t.app);
      const bea = await created(user.access_token, { name: 'Bea' });
      const cy = await created(user.access_token, { name: 'Cy' });
      await patch(user.access_token, bea.id, { pin: '1111', current_password: user.password });
      await patch(user.access_token, cy.id, { pin: '2222', current_password: user.password });
      for (let i = 0; i < 5; i++) expectProblem(await switchTo(user.access_token, bea.id, { pin: '9999' }), 403, 'WRONG_PIN');
      for (const pin of ['9999', '1111']) {
        const limited = expectProblem(await switchTo(user.access_token, bea.id, { pin }), 429, 'RATE_LIMITED');
        expect(limited.code).toBe('RATE_LIMITED');
      }
      const res = await switchTo(user.access_token, bea.id, { pin: '1111' });
      const retryAfter = Number(res.headers['retry-after']);
      expect(Number.isInteger(retryAfter)).toBe(true);
      expect(retryAfter).toBeGreaterThan(0);
      expect(retryAfter).toBeLessThanOrEqual(15 * 60);
      expect((await me(t.app, user.access_token)).json().profile.id).toBe(user.profile.id);
      // Another profile of the account keeps its own count.
      expect((await switched(user.access_token, cy.id, { pin: '2222' })).profile.id).toBe(cy.id);
    });

    it('concurrent wrong PINs cannot pass the limit: at most 5 are checked', async () => {
      const user = await registerUser(t.app);
      const bea = await created(user.access_token, { name: 'Bea' });
      await patch(user.access_token, bea.id, { pin: '1357', current_password: user.password });
      const answers = await Promise.all(Array.from({ length: 12 }, () => switchTo(user.access_token, bea.id, { pin: '0000' })));
      const statuses = answers.map((res) => res.statusCode);
      expect(statuses.filter((s) => s === 403)).toHaveLength(5);
      expect(statuses.filter((s) => s === 429)).toHaveLength(7);
    });

    it('a new PIN set with the password starts a fresh count', async () => {
      const user = await registerUser(t.app);
      const bea = await created(user.access_token, { name: 'Bea' });
      await patch(user.access_token, bea.id, { pin: '1111', current_password: user.password });
      for (let i = 0; i < 5; i++) await switchTo(user.access_token, bea.id, { pin: '0000' });
      expectProblem(await switchTo(user.access_token, bea.id, { pin: '1111' }), 429, 'RATE_LIMITED');
      await patch(user.access_token, bea.id, { pin: '2468', current_password: user.password });
      expect((await switched(user.access_token, bea.id, { pin: '2468' })).profile.id).toBe(bea.id);
    });

    it.runIf(Boolean(process.env.TEST_REDIS_URL))('the count is shared by every instance on the same Redis', async () => {
      const second = await buildTestApp({ backend, database: t.database, redis: testRedis!.connect() });
      try {
        const user = await registerUser(t.app);
        const bea = await created(user.access_token, { name: 'Bea' });
        await patch(user.access_token, bea.id, { pin: '1111', current_password: user.password });
        for (let i = 0; i < 5; i++) {
          const app = i % 2 === 0 ? t.app : second.app;
          expectProblem(await withBearer(app, user.access_token, { method: 'POST', url: `/api/profiles/${bea.id}/switch`, payload: { pin: '0000' } }), 403, 'WRONG_PIN');
        }
        for (const app of [t.app, second.app]) {
          expectProblem(await withBearer(app, user.access_token, { method: 'POST', url: `/api/profiles/${bea.id}/switch`, payload: { pin: '1111' } }), 429, 'RATE_LIMITED');
        }
      } finally {
        await second.app.close();
      }
    });
  });

  describe('My List per profile', () => {
    it('each profile has its own list; /me and login answer the token’s profile’s list', async () => {
      const user = await registerUser(t.app);
      const bea = await created(user.access_token, { name: 'Bea' });
      const [a, b] = movies as [Title, Title];
      expect((await call(user.access_token, 'POST', `/api/watchlist/${a.id}`)).statusCode).toBe(201);
      const asBea = await switched(user.access_token, bea.id);
      expect(asBea.user.watchlist).toEqual([]);
      expect(await myList(asBea.access_token)).toEqual([]);
      expect((await call(asBea.access_token, 'POST', `/api/watchlist/${b.id}`)).statusCode).toBe(201);
      expect((await call(asBea.access_token, 'POST', `/api/watchlist/${a.id}`)).statusCode).toBe(201);
      expect(await myList(asBea.access_token)).toEqual([a.id, b.id]);
      expect((await me(t.app, asBea.access_token)).json().watchlist).toEqual([a.id, b.id]);
      // A new login is on the owner profile with the owner's list.
      const login = (await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: user.email, password: user.password } })).json();
      expect(login.profile.id).toBe(user.profile.id);
      expect(login.user.watchlist).toEqual([a.id]);
      expect(await myList(login.access_token)).toEqual([a.id]);
      expect((await call(login.access_token, 'DELETE', `/api/watchlist/${b.id}`)).statusCode).toBe(404);
    });

    it('deleting a profile deletes its list and ends the sessions on it; other lists stay', async () => {
      const user: RegisteredUser = await registerUser(t.app);
      const bea = await created(user.access_token, { name: 'Bea' });
      const [a, b, c] = movies as [Title, Title, Title];
      await call(user.access_token, 'POST', `/api/watchlist/${c.id}`);
      const asBea = await switched(user.access_token, bea.id);
      for (const title of [a, b]) await call(asBea.access_token, 'POST', `/api/watchlist/${title.id}`);
      const owner = (await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: user.email, password: user.password } })).json();
      expect((await remove(owner.access_token, bea.id)).statusCode).toBe(204);
      expect(await t.database.db.select().from(watchlist).where(eq(watchlist.profileId, bea.id))).toEqual([]);
      expect(await myList(owner.access_token)).toEqual([c.id]);
      expect((await me(t.app, asBea.access_token)).statusCode).toBe(401);
      expect((await refresh(t.app, asBea.refresh_token)).statusCode).toBe(401);
      expectProblem(await remove(owner.access_token, bea.id), 404, 'NOT_FOUND');
      expect((await list(owner.access_token)).map((p) => p.id)).toEqual([user.profile.id]);
    });
  });

  it('adds to a list racing the deletion of its profile never answer 500, and leave nothing behind', async () => {
    {
      const user = await registerUser(t.app);
      const bea = await created(user.access_token, { name: 'Bea' });
      const asBea = await switched(user.access_token, bea.id);
      const owner = (await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: user.email, password: user.password } })).json();
      const adds = movies.slice(0, 15).map((movie) => call(asBea.access_token, 'POST', `/api/watchlist/${movie.id}`));
      const deletion = remove(owner.access_token, bea.id);
      const answers = await Promise.all(adds);
      expect((await deletion).statusCode).toBe(204);
      for (const res of answers) {
        expect([201, 401, 404], res.body).toContain(res.statusCode);
        if (res.statusCode !== 201) expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      }
      expect(await t.database.db.select().from(watchlist).where(eq(watchlist.profileId, bea.id))).toEqual([]);
    }
  });

  it('the OpenAPI document declares every profiles route and its failures', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    const statuses = (path: string, method: string) => Object.keys(doc.paths[path][method].responses).sort();
    expect(statuses('/api/profiles', 'post')).toEqual(expect.arrayContaining(['201', '400', '401', '403', '409']));
    expect(statuses('/api/profiles/{id}', 'patch')).toEqual(expect.arrayContaining(['200', '400', '401', '403', '404', '409']));
    expect(statuses('/api/profiles/{id}', 'delete')).toEqual(expect.arrayContaining(['204', '401', '403', '404', '409']));
    expect(statuses('/api/profiles/{id}/switch', 'post')).toEqual(expect.arrayContaining(['200', '400', '401', '403', '404', '429']));
  });
});

