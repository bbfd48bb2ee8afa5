/** Accounts over HTTP: registration, login, /me and the profile, with every rule of API.md's auth table. */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { watchlist } from '../../src/db/schema.js';
import { databaseBackends } from '../helpers/backends.js';
import { buildTestApp, type TestApp } from '../helpers/build-test-app.js';
import { DEFAULT_PASSWORD, login, me, refresh, registerUser, uniqueClientIp, uniqueEmail, withBearer } from '../helpers/auth-helpers.js';

const PROBLEM_FIELDS = ['code', 'detail', 'errors', 'status', 'title', 'type'];

/** An error answer is problem+json with exactly the problem fields (never a stack, SQL or hash). */
function expectProblem(res: { statusCode: number; headers: Record<string, unknown>; json(): unknown; body: string }, status: number, code: string) {
  expect(res.statusCode).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  const body = res.json() as Record<string, unknown>;
  expect(body).toMatchObject({ status, code });
  for (const key of Object.keys(body)) expect(PROBLEM_FIELDS).toContain(key);
  expect(res.body).not.toMatch(/stack|argon2|select |insert |at .*\.ts:/i);
  return body as { errors?: { path: string; message: string }[]; detail: string };
}

/** No answer ever carries a password hash. */
function expectNoHash(body: string) {
  expect(body).not.toContain('password_hash');
  expect(body).not.toContain('passwordHash');
  expect(body).not.toContain('$argon2');
}

describe.each(databaseBackends)('accounts on $name', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({ backend });
  });
  afterAll(() => t.close());

  const register = (payload: unknown, remoteAddress = uniqueClientIp()) =>
    t.app.inject({ method: 'POST', url: '/api/auth/register', payload: payload as object, remoteAddress });
  const putProfile = (token: string, payload: unknown) =>
    withBearer(t.app, token, { method: 'PUT', url: '/api/auth/profile', payload: payload as object });

  describe('POST /api/auth/register', () => {
    it('→ 201 TokenResponse with the user, a JWT, expires_in 900 and an opaque refresh token', async () => {
      const email = uniqueEmail();
      const res = await register({ email, password: DEFAULT_PASSWORD, name: 'Ann' });
      expect(res.statusCode).toBe(201);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      const body = res.json();
      expect(Object.keys(body).sort()).toEqual(['access_token', 'expires_in', 'profile', 'refresh_token', 'token_type', 'user']);
      expect(body.token_type).toBe('Bearer');
      expect(body.expires_in).toBe(900);
      expect(body.access_token.split('.')).toHaveLength(3);
      expect(body.refresh_token).toMatch(/^[\w-]{43,}$/);
      expect(Object.keys(body.user).sort()).toEqual(['avatar', 'created_at', 'email', 'id', 'name', 'role', 'updated_at', 'watchlist']);
      expect(body.user).toMatchObject({ email, name: 'Ann', avatar: null, watchlist: [] });
      expect(body.user.created_at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/);
      expect(new Date(body.user.updated_at).toISOString()).toBe(body.user.updated_at);
      // Registration makes the owner profile, named after the account, and the session is on it.
      expect(body.profile).toMatchObject({ name: 'Ann', kids: false, maturity: 'all', locked: false, owner: true });
      expectNoHash(res.body);
    });

    it('→ the access token is an HS256 JWT naming the user and the session, exp = iat + 900', async () => {
      const user = await registerUser(t.app);
      const [header, payload] = user.access_token.split('.').slice(0, 2).map((part) => JSON.parse(Buffer.from(part, 'base64url').toString()));
      expect(header).toMatchObject({ alg: 'HS256', typ: 'at+jwt' });
      expect(payload.sub).toBe(user.user.id);
      expect(payload.sid).toMatch(/^[0-9a-f-]{36}$/);
      expect(payload.exp - payload.iat).toBe(900);
    });

    it('→ sets the refresh token as an HttpOnly, Secure, SameSite=Strict cookie on /api/auth for 30 days', async () => {
      const res = await register({ email: uniqueEmail(), password: DEFAULT_PASSWORD, name: 'Ann' });
      const cookie = String(res.headers['set-cookie']);
      expect(cookie).toContain(`marquee_refresh=${res.json().refresh_token}`);
      expect(cookie).toMatch(/; HttpOnly/);
      expect(cookie).toMatch(/; Secure/);
      expect(cookie).toMatch(/; SameSite=Strict/);
      expect(cookie).toMatch(/; Path=\/api\/auth/);
      expect(cookie).toMatch(/; Max-Age=2592000/);
      expect(res.headers['cache-control']).toBe('no-store');
    });

    it('→ stores the email trimmed and lower-cased', async () => {
      const local = uniqueEmail('Mixed').split('@')[0];
      const res = await register({ email: `  ${local?.toUpperCase()}@Example.COM `, password: DEFAULT_PASSWORD, name: 'Ann' });
      expect(res.statusCode).toBe(201);
      expect(res.json().user.email).toBe(`${local?.toLowerCase()}@example.com`);
    });

    it('→ 409 EMAIL_TAKEN for a registered email in any letter case', async () => {
      const user = await registerUser(t.app);
      const res = await register({ email: ` ${user.email.toUpperCase()}`, password: DEFAULT_PASSWORD, name: 'Bob' });
      expectProblem(res, 409, 'EMAIL_TAKEN');
    });

    it.each([
      ['no @', 'not-an-email'],
      ['no local part', '@example.com'],
      ['a space inside', 'ann smith@example.com'],
      ['two @', 'a@b@example.com'],
      ['an empty string', ''],
    ])('→ 400 on /email for an invalid email (%s)', async (_label, email) => {
      const body = expectProblem(await register({ email, password: DEFAULT_PASSWORD, name: 'Ann' }), 400, 'VALIDATION_FAILED');
      expect(body.errors?.[0]?.path).toBe('/email');
    });

    it('→ 400 on /email for an email longer than 254 characters after trimming', async () => {
      const email = `${'a'.repeat(60)}@${'b'.repeat(60)}.${'c'.repeat(60)}.${'d'.repeat(60)}.${'e'.repeat(10)}.com`;
      expect(email.length).toBeGreaterThan(254);
      const body = expectProblem(await register({ email, password: DEFAULT_PASSWORD, name: 'Ann' }), 400, 'VALIDATION_FAILED');
      expect(body.errors).toEqual([{ path: '/email', message: expect.stringContaining('254') }]);
    });

    it('→ accepts a name of 100 emoji (code points) and refuses 101', async () => {
      const ok = await register({ email: uniqueEmail(), password: DEFAULT_PASSWORD, name: '😀'.repeat(100) });
      expect(ok.statusCode).toBe(201);
      expect(ok.json().user.name).toBe('😀'.repeat(100));
      const tooLong = await register({ email: uniqueEmail(), password: DEFAULT_PASSWORD, name: '😀'.repeat(101) });
      expect(expectProblem(tooLong, 400, 'VALIDATION_FAILED').errors?.[0]?.path).toBe('/name');
    });

    it('→ stores the name trimmed, and counts its length after trimming', async () => {
      const res = await register({ email: uniqueEmail(), password: DEFAULT_PASSWORD, name: `   ${'n'.repeat(100)}   ` });
      expect(res.statusCode).toBe(201);
      expect(res.json().user.name).toBe('n'.repeat(100));
    });

    it.each([
      ['blank', '    '],
      ['empty', ''],
      ['a NUL', 'Ann\u0000Smith'],
      ['a bell', 'Ann\u0007'],
      ['a newline inside', 'Ann\nSmith'],
      ['an escape', '\u001b[31mAnn'],
      ['a C1 control', 'Ann\u0085Smith'],
      ['a lone surrogate', 'Ann\ud800'],
    ])('→ 400 on /name for a %s name', async (_label, name) => {
      const body = expectProblem(await register({ email: uniqueEmail(), password: DEFAULT_PASSWORD, name }), 400, 'VALIDATION_FAILED');
      expect(body.errors?.[0]?.path).toBe('/name');
    });

    it.each([
      ['7 characters', 'short77'],
      ['129 characters', 'p'.repeat(129)],
      ['129 emoji', '🔑'.repeat(129)],
    ])('→ 400 on /password for a password of %s', async (_label, password) => {
      const body = expectProblem(await register({ email: uniqueEmail(), password, name: 'Ann' }), 400, 'VALIDATION_FAILED');
      expect(body.errors?.[0]?.path).toBe('/password');
    });

    it('→ accepts passwords of 8 and of 128 code points (128 emoji are 512 UTF-8 bytes)', async () => {
      for (const password of ['🔑'.repeat(8), '🔑'.repeat(128), 'x'.repeat(128)]) {
        const res = await register({ email: uniqueEmail(), password, name: 'Ann' });
        expect(res.statusCode).toBe(201);
        expect((await login(t.app, res.json().user.email, password)).statusCode).toBe(200);
      }
    });

    it.each([
      ['a missing name', { email: 'x@example.com', password: DEFAULT_PASSWORD }, '/name'],
      ['a missing password', { email: 'x@example.com', name: 'Ann' }, '/password'],
      ['a number as name', { email: 'x@example.com', password: DEFAULT_PASSWORD, name: 42 }, '/name'],
      ['an unknown field', { email: 'x@example.com', password: DEFAULT_PASSWORD, name: 'Ann', admin: true }, '/admin'],
    ])('→ 400 for %s', async (_label, payload, path) => {
      const body = expectProblem(await register(payload), 400, 'VALIDATION_FAILED');
      expect(body.errors?.map((error) => error.path)).toContain(path);
    });

    it('→ 400 MALFORMED_JSON for malformed JSON', async () => {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/auth/register',
        headers: { 'content-type': 'application/json' },
        payload: '{"email": "a@b.co", ',
      });
      expectProblem(res, 400, 'MALFORMED_JSON');
    });

    it('→ 400 for an empty body', async () => {
      const res = await t.app.inject({ method: 'POST', url: '/api/auth/register', headers: { 'content-type': 'application/json' }, payload: '' });
      expectProblem(res, 400, 'VALIDATION_FAILED');
    });

    it('→ 413 PAYLOAD_TOO_LARGE for a body over 64 KiB', async () => {
      const payload = JSON.stringify({ email: 'a@b.co', password: DEFAULT_PASSWORD, name: 'x'.repeat(70 * 1024) });
      const res = await t.app.inject({ method: 'POST', url: '/api/auth/register', headers: { 'content-type': 'application/json' }, payload });
      expectProblem(res, 413, 'PAYLOAD_TOO_LARGE');
    });

    it('→ 415 UNSUPPORTED_MEDIA_TYPE for a text/plain body', async () => {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/auth/register',
        headers: { 'content-type': 'text/plain' },
        payload: JSON.stringify({ email: 'a@b.co', password: DEFAULT_PASSWORD, name: 'Ann' }),
      });
      expectProblem(res, 415, 'UNSUPPORTED_MEDIA_TYPE');
    });

    it('→ 400 for a prototype-poisoning body (`__proto__`, `constructor.prototype`), like any unknown field, registering nobody', async () => {
      const email = uniqueEmail();
      for (const [field, poison] of [
        ['/__proto__', '"__proto__":{"admin":true}'],
        ['/constructor', '"constructor":{"prototype":{"admin":true}}'],
        ['/constructor', '"constructor":1'],
      ] as const) {
        const res = await t.app.inject({
          method: 'POST',
          url: '/api/auth/register',
          headers: { 'content-type': 'application/json' },
          payload: `{"email":"${email}","password":"${DEFAULT_PASSWORD}","name":"Ann",${poison}}`,
        });
        expect(res.statusCode).toBe(400);
        expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
        expect(res.json().errors).toContainEqual({ path: field, message: 'is not an allowed field' });
      }
      expect((await login(t.app, email, DEFAULT_PASSWORD)).statusCode).toBe(401);
    });
  });

  describe('POST /api/auth/login', () => {
    it('→ 200 TokenResponse with a refresh cookie for the right email and password', async () => {
      const user = await registerUser(t.app);
      const res = await login(t.app, user.email, user.password);
      expect(res.statusCode).toBe(200);
      const body = res.json();
      expect(body).toMatchObject({ token_type: 'Bearer', expires_in: 900, user: { id: user.user.id, email: user.email } });
      expect(body.refresh_token).not.toBe(user.refresh_token);
      expect(String(res.headers['set-cookie'])).toContain(`marquee_refresh=${body.refresh_token}`);
      expectNoHash(res.body);
      expect((await me(t.app, body.access_token)).statusCode).toBe(200);
    });

    it('→ 400 for an email holding a control character (NUL included), before anything reaches the database', async () => {
      for (const email of ['\u0000', 'a\u0000@b.co', 'a\u0007@b.co', 'a\u0085@b.co']) {
        expectProblem(await login(t.app, email, 'whatever password'), 400, 'VALIDATION_FAILED');
      }
    });

    it('→ accepts the email in any case and with surrounding spaces', async () => {
      const user = await registerUser(t.app);
      expect((await login(t.app, `  ${user.email.toUpperCase()} `, user.password)).statusCode).toBe(200);
    });

    it('→ 401 INVALID_CREDENTIALS with the identical body for an unknown email and a wrong password', async () => {
      const user = await registerUser(t.app);
      const wrongPassword = await login(t.app, user.email, 'not the password');
      const unknownEmail = await login(t.app, uniqueEmail('nobody'), user.password);
      expectProblem(wrongPassword, 401, 'INVALID_CREDENTIALS');
      expectProblem(unknownEmail, 401, 'INVALID_CREDENTIALS');
      expect(unknownEmail.body).toBe(wrongPassword.body);
      expect(unknownEmail.headers['content-type']).toBe(wrongPassword.headers['content-type']);
      expect(unknownEmail.headers['set-cookie']).toBeUndefined();
    });

    it('→ uses passwords exactly as typed: surrounding spaces count', async () => {
      const password = '  spaced out password  ';
      const user = await registerUser(t.app, { password });
      expect((await login(t.app, user.email, password)).statusCode).toBe(200);
      expect((await login(t.app, user.email, password.trim())).statusCode).toBe(401);
    });

    it('→ never normalises passwords: a composed é does not match a decomposed one', async () => {
      const password = 'caf\u00e9-au-lait';
      const user = await registerUser(t.app, { password });
      expect((await login(t.app, user.email, password.normalize('NFD'))).statusCode).toBe(401);
      expect((await login(t.app, user.email, password)).statusCode).toBe(200);
    });

    it('→ every byte of a long password counts (no 72-byte truncation)', async () => {
      const base = 'a'.repeat(100);
      const user = await registerUser(t.app, { password: `${base}X` });
      expect((await login(t.app, user.email, `${base}Y`)).statusCode).toBe(401);
      expect((await login(t.app, user.email, base)).statusCode).toBe(401);
      expect((await login(t.app, user.email, `${base}X`)).statusCode).toBe(200);
    });

    it('→ 400 for a missing password or an unknown field', async () => {
      const missing = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'a@b.co' } });
      expectProblem(missing, 400, 'VALIDATION_FAILED');
      const extra = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'a@b.co', password: 'x', remember: true } });
      expect(expectProblem(extra, 400, 'VALIDATION_FAILED').errors?.[0]?.path).toBe('/remember');
    });
  });

  describe('GET /api/auth/me', () => {
    it('→ 200 the user of the token, without any hash', async () => {
      const user = await registerUser(t.app, { name: 'Meg' });
      const res = await me(t.app, user.access_token);
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ ...user.user, profile: user.profile });
      expectNoHash(res.body);
    });

    it('→ lists the watchlist ids newest first (added_at, then insertion order)', async () => {
      const user = await registerUser(t.app);
      const snapshot = { id: 1, media_type: 'movie' } as never;
      const at = (iso: string) => new Date(iso);
      await t.database.db.insert(watchlist).values([
        { profileId: user.profile.id, mediaType: 'movie', titleId: 550, addedAt: at('2024-01-01T00:00:00Z'), snapshot },
        { profileId: user.profile.id, mediaType: 'tv', titleId: 1399, addedAt: at('2024-03-01T00:00:00Z'), snapshot },
        { profileId: user.profile.id, mediaType: 'movie', titleId: 13, addedAt: at('2024-02-01T00:00:00Z'), snapshot },
      ]);
      // Same added_at: the later insertion (higher seq) is newer.
      await t.database.db.insert(watchlist).values({ profileId: user.profile.id, mediaType: 'movie', titleId: 7, addedAt: at('2024-03-01T00:00:00Z'), snapshot });
      expect((await me(t.app, user.access_token)).json().watchlist).toEqual([7, 1399, 13, 550]);
      expect((await login(t.app, user.email, user.password)).json().user.watchlist).toEqual([7, 1399, 13, 550]);
    });

    it.each([
      ['no Authorization header', undefined],
      ['an empty bearer', 'Bearer '],
      ['a garbage token', 'Bearer not.a.jwt'],
      ['another scheme', 'Basic dXNlcjpwYXNz'],
    ])('→ 401 UNAUTHORIZED with WWW-Authenticate: Bearer for %s', async (_label, authorization) => {
      const res = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: authorization ? { authorization } : {} });
      expectProblem(res, 401, 'UNAUTHORIZED');
      expect(res.headers['www-authenticate']).toBe('Bearer');
    });
  });

  describe('PUT /api/auth/profile', () => {
    it('→ 200 with the name trimmed and updated_at moved on', async () => {
      const user = await registerUser(t.app);
      const res = await putProfile(user.access_token, { name: '  Zoë  ' });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ id: user.user.id, name: 'Zoë', email: user.email, created_at: user.user.created_at });
      expect(new Date(res.json().updated_at).getTime()).toBeGreaterThan(new Date(user.user.updated_at).getTime());
      expect((await me(t.app, user.access_token)).json().name).toBe('Zoë');
      expectNoHash(res.body);
    });

    it('→ an empty body {} changes nothing: 200 with the user as is', async () => {
      const user = await registerUser(t.app);
      const res = await putProfile(user.access_token, {});
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ ...user.user, profile: user.profile });
    });

    it.each(['https://cdn.example.com/a.png', 'http://example.com/avatar?size=64#x'])('→ accepts the avatar %s, and null clears it', async (avatar) => {
      const user = await registerUser(t.app);
      const set = await putProfile(user.access_token, { avatar });
      expect(set.statusCode).toBe(200);
      expect(set.json().avatar).toBe(avatar);
      const cleared = await putProfile(user.access_token, { avatar: null });
      expect(cleared.statusCode).toBe(200);
      expect(cleared.json().avatar).toBeNull();
    });

    it.each([
      ['javascript:', 'javascript:alert(1)'],
      ['data:', 'data:image/png;base64,iVBORw0KGgo='],
      ['relative', '/images/me.png'],
      ['protocol-relative', '//example.com/a.png'],
      ['ftp:', 'ftp://example.com/a.png'],
      ['file:', 'file:///etc/passwd'],
      ['with spaces around', ' https://example.com/a.png '],
      ['over 2048 characters', `https://example.com/${'a'.repeat(2030)}`],
      ['not a string', 42],
    ])('→ 400 on /avatar for a %s avatar', async (_label, avatar) => {
      const user = await registerUser(t.app);
      const body = expectProblem(await putProfile(user.access_token, { avatar }), 400, 'VALIDATION_FAILED');
      expect(body.errors?.[0]?.path).toBe('/avatar');
      expect((await me(t.app, user.access_token)).json().avatar).toBeNull();
    });

    it.each([
      ['email', { email: 'new@example.com' }],
      ['id', { id: '00000000-0000-0000-0000-000000000000' }],
      ['watchlist', { watchlist: [550] }],
      ['created_at', { created_at: '2020-01-01T00:00:00Z' }],
      ['password_hash', { password_hash: 'x' }],
    ])('→ 400 for the field %s, which is not updatable', async (field, payload) => {
      const user = await registerUser(t.app);
      const body = expectProblem(await putProfile(user.access_token, { name: 'Changed', ...payload }), 400, 'VALIDATION_FAILED');
      expect(body.errors?.[0]?.path).toBe(`/${field}`);
      expect((await me(t.app, user.access_token)).json()).toEqual({ ...user.user, profile: user.profile });
    });

    it.each([
      ['blank', '   '],
      ['101 emoji', '😀'.repeat(101)],
      ['a control character', 'Ann\u0000'],
    ])('→ 400 on /name for a %s name', async (_label, name) => {
      const user = await registerUser(t.app);
      expect(expectProblem(await putProfile(user.access_token, { name }), 400, 'VALIDATION_FAILED').errors?.[0]?.path).toBe('/name');
    });

    it('→ 400 for new_password without current_password, and for the reverse', async () => {
      const user = await registerUser(t.app);
      const noCurrent = expectProblem(await putProfile(user.access_token, { new_password: 'a brand new password' }), 400, 'VALIDATION_FAILED');
      expect(noCurrent.errors?.[0]?.path).toBe('/current_password');
      const noNew = expectProblem(await putProfile(user.access_token, { current_password: user.password }), 400, 'VALIDATION_FAILED');
      expect(noNew.errors?.[0]?.path).toBe('/new_password');
      expect((await login(t.app, user.email, user.password)).statusCode).toBe(200);
    });

    it('→ 400 for a new password that is too short or too long', async () => {
      const user = await registerUser(t.app);
      for (const newPassword of ['short', 'p'.repeat(129)]) {
        const body = expectProblem(await putProfile(user.access_token, { current_password: user.password, new_password: newPassword }), 400, 'VALIDATION_FAILED');
        expect(body.errors?.[0]?.path).toBe('/new_password');
      }
    });

    it('→ 403 WRONG_PASSWORD for a wrong current_password, and nothing changes', async () => {
      const user = await registerUser(t.app);
      const res = await putProfile(user.access_token, { name: 'Not Saved', current_password: 'wrong password', new_password: 'a brand new password' });
      expectProblem(res, 403, 'WRONG_PASSWORD');
      expect((await me(t.app, user.access_token)).json().name).toBe(user.name);
      expect((await login(t.app, user.email, user.password)).statusCode).toBe(200);
    });

    it('→ 200 for a password change: the new password signs in, the old one no longer does', async () => {
      const user = await registerUser(t.app);
      const res = await putProfile(user.access_token, { current_password: user.password, new_password: '  new password, spaces kept  ' });
      expect(res.statusCode).toBe(200);
      expectNoHash(res.body);
      expect((await login(t.app, user.email, user.password)).statusCode).toBe(401);
      expect((await login(t.app, user.email, 'new password, spaces kept')).statusCode).toBe(401);
      expect((await login(t.app, user.email, '  new password, spaces kept  ')).statusCode).toBe(200);
    });

    it("→ a password change revokes the user's other sessions; the current one keeps working", async () => {
      const user = await registerUser(t.app);
      const other = (await login(t.app, user.email, user.password)).json();
      const current = (await login(t.app, user.email, user.password)).json();
      const someoneElse = await registerUser(t.app);
      // Warm every session (an instance may remember live sessions) before the change.
      for (const token of [user.access_token, other.access_token, current.access_token]) expect((await me(t.app, token)).statusCode).toBe(200);

      const res = await putProfile(current.access_token, { current_password: user.password, new_password: 'a brand new password' });
      expect(res.statusCode).toBe(200);

      expect((await me(t.app, user.access_token)).statusCode).toBe(401);
      expect((await me(t.app, other.access_token)).statusCode).toBe(401);
      expect((await refresh(t.app, other.refresh_token)).statusCode).toBe(401);
      expect((await me(t.app, current.access_token)).statusCode).toBe(200);
      const rotated = await refresh(t.app, current.refresh_token);
      expect(rotated.statusCode).toBe(200);
      expect((await me(t.app, rotated.json().access_token)).statusCode).toBe(200);
      expect((await me(t.app, someoneElse.access_token)).statusCode).toBe(200);
    });

    it('→ 401 without a token', async () => {
      const res = await t.app.inject({ method: 'PUT', url: '/api/auth/profile', payload: { name: 'X' } });
      expectProblem(res, 401, 'UNAUTHORIZED');
      expect(res.headers['www-authenticate']).toBe('Bearer');
    });

    it('→ 400 MALFORMED_JSON, 413 and 415 like every JSON body', async () => {
      const user = await registerUser(t.app);
      const send = (contentType: string, payload: string) =>
        withBearer(t.app, user.access_token, { method: 'PUT', url: '/api/auth/profile', headers: { 'content-type': contentType }, payload });
      expectProblem(await send('application/json', '{"name": '), 400, 'MALFORMED_JSON');
      expectProblem(await send('application/json', JSON.stringify({ name: 'x'.repeat(65 * 1024) })), 413, 'PAYLOAD_TOO_LARGE');
      expectProblem(await send('text/plain', '{"name":"X"}'), 415, 'UNSUPPORTED_MEDIA_TYPE');
    });
  });

  it('stores the user in the database with an argon2id hash (OWASP parameters), never the password', async () => {
    const user = await registerUser(t.app);
    const result = await t.database.db.execute<{ password_hash: string }>(sql`select password_hash from users where id = ${user.user.id}`);
    const rows = (Array.isArray(result) ? result : (result as { rows: { password_hash: string }[] }).rows) as { password_hash: string }[];
    expect(rows[0]?.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(rows[0]?.password_hash).not.toContain(user.password);
  });

  it('publishes every auth route in the OpenAPI document with a summary, the auth tag and its statuses', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    const expected: [string, string, string[], boolean][] = [
      ['/api/auth/register', 'post', ['201', '400', '409', '429'], false],
      ['/api/auth/login', 'post', ['200', '400', '401', '429'], false],
      ['/api/auth/refresh', 'post', ['200', '400', '401'], false],
      ['/api/auth/logout', 'post', ['204', '401'], true],
      ['/api/auth/me', 'get', ['200', '401'], true],
      ['/api/auth/profile', 'put', ['200', '400', '401', '403', '429'], true],
    ];
    for (const [path, method, statuses, secured] of expected) {
      const operation = doc.paths[path]?.[method];
      expect(operation, `${method} ${path}`).toBeDefined();
      expect(operation.summary).toBeTruthy();
      expect(operation.tags).toEqual(['auth']);
      for (const status of statuses) expect(Object.keys(operation.responses)).toContain(status);
      expect(operation.security).toEqual(secured ? [{ bearer: [] }] : undefined);
    }
    expect(doc.paths['/api/auth/refresh'].post.description).toContain('marquee_refresh');
    expect(doc.paths['/api/auth/logout'].post.description).toContain('marquee_refresh');
  });
});
