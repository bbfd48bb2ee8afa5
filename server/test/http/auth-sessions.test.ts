/** Tokens and sessions over HTTP: rotation, reuse detection, logout, expiry, forged tokens and restarts. */
import { eq } from 'drizzle-orm';
import { SignJWT, decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refreshTokens, sessions } from '../../src/db/schema.js';
import { hashRefreshToken } from '../../src/modules/auth/tokens.js';
import { databaseBackends } from '../helpers/backends.js';
import { TEST_JWT_SECRET, buildTestApp, type TestApp } from '../helpers/build-test-app.js';
import { login, me, refresh, registerUser, withBearer } from '../helpers/auth-helpers.js';

const key = (secret: string) => new TextEncoder().encode(secret);

/** Signs claims like the server does, with room to change any part. */
function forge(claims: Record<string, unknown>, options: { secret?: string; alg?: string; typ?: string; expiresIn?: number } = {}) {
  const iat = Math.floor(Date.now() / 1000);
  return new SignJWT(claims)
    .setProtectedHeader({ alg: options.alg ?? 'HS256', typ: options.typ ?? 'at+jwt' })
    .setIssuedAt(iat)
    .setExpirationTime(iat + (options.expiresIn ?? 900))
    .sign(key(options.secret ?? TEST_JWT_SECRET));
}

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe.each(databaseBackends)('sessions on $name', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp({ backend });
  });
  afterAll(() => t.close());

  const logout = (accessToken: string) => withBearer(t.app, accessToken, { method: 'POST', url: '/api/auth/logout' });

  describe('POST /api/auth/refresh', () => {
    it('→ 200 a new token pair with a new refresh token; the new access token works', async () => {
      const user = await registerUser(t.app);
      const res = await refresh(t.app, user.refresh_token);
      expect(res.statusCode).toBe(200);
      const body = res.json();
      expect(body).toMatchObject({ token_type: 'Bearer', expires_in: 900, user: user.user });
      expect(body.refresh_token).not.toBe(user.refresh_token);
      expect(decodeJwt(body.access_token).sid).toBe(decodeJwt(user.access_token).sid);
      expect(String(res.headers['set-cookie'])).toContain(`marquee_refresh=${body.refresh_token}`);
      expect((await me(t.app, body.access_token)).statusCode).toBe(200);
    });

    it('→ takes the refresh token from the marquee_refresh cookie when the body is empty or {}', async () => {
      const user = await registerUser(t.app);
      const noBody = await t.app.inject({ method: 'POST', url: '/api/auth/refresh', cookies: { marquee_refresh: user.refresh_token } });
      expect(noBody.statusCode).toBe(200);
      const next = noBody.json().refresh_token;
      const emptyObject = await t.app.inject({ method: 'POST', url: '/api/auth/refresh', payload: {}, cookies: { marquee_refresh: next } });
      expect(emptyObject.statusCode).toBe(200);
      expect(String(emptyObject.headers['set-cookie'])).toContain(`marquee_refresh=${emptyObject.json().refresh_token}`);
    });

    it('→ sets the session hint beside the refresh cookie: on every path, no secret, as long-lived', async () => {
      const user = await registerUser(t.app);
      const res = await refresh(t.app, user.refresh_token);
      const cookies = res.headers['set-cookie'] as string[];
      const hint = cookies.find((c) => c.startsWith('marquee_session='))!;
      expect(hint).toMatch(/^marquee_session=1;/);
      expect(hint).toMatch(/Path=\/;/);
      expect(hint).toMatch(/HttpOnly/);
      expect(hint).toMatch(/SameSite=Strict/);
      const maxAge = (cookie: string) => /Max-Age=(\d+)/.exec(cookie)?.[1];
      expect(maxAge(hint)).toBe(maxAge(cookies.find((c) => c.startsWith('marquee_refresh='))!));
    });

    it('→ prefers the body over the cookie', async () => {
      const user = await registerUser(t.app);
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/auth/refresh',
        payload: { refresh_token: user.refresh_token },
        cookies: { marquee_refresh: 'stale-cookie-value' },
      });
      expect(res.statusCode).toBe(200);
    });

    it.each([
      ['no token at all', undefined],
      ['an unknown token', 'A'.repeat(43)],
      ['an empty token', ''],
    ])('→ 401 UNAUTHORIZED for %s', async (_label, token) => {
      const res = await t.app.inject({ method: 'POST', url: '/api/auth/refresh', payload: token === undefined ? {} : { refresh_token: token } });
      expect(res.statusCode).toBe(401);
      expect(res.json()).toMatchObject({ status: 401, code: 'UNAUTHORIZED' });
      expect(res.headers['set-cookie']).toBeUndefined();
    });

    it('→ 400 for an unknown field in the body', async () => {
      const res = await t.app.inject({ method: 'POST', url: '/api/auth/refresh', payload: { refresh_token: 'x', user_id: 'y' } });
      expect(res.statusCode).toBe(400);
      expect(res.json().errors[0].path).toBe('/user_id');
    });

    it('→ rotation: a used refresh token is dead, and presenting it again revokes the whole session', async () => {
      const user = await registerUser(t.app);
      const first = (await refresh(t.app, user.refresh_token)).json();
      expect((await me(t.app, first.access_token)).statusCode).toBe(200);

      // Someone replays the old token: refused, and the family it belongs to ends.
      expect((await refresh(t.app, user.refresh_token)).statusCode).toBe(401);
      expect((await refresh(t.app, first.refresh_token)).statusCode).toBe(401);
      expect((await me(t.app, first.access_token)).statusCode).toBe(401);
      expect((await me(t.app, user.access_token)).statusCode).toBe(401);

      const [row] = await t.database.db.select().from(sessions).where(eq(sessions.id, String(decodeJwt(first.access_token).sid)));
      expect(row?.revokedReason).toBe('reuse');
    });

    it('→ reuse detection ends only that session, not the user’s others', async () => {
      const user = await registerUser(t.app);
      const other = (await login(t.app, user.email, user.password)).json();
      await refresh(t.app, user.refresh_token);
      expect((await refresh(t.app, user.refresh_token)).statusCode).toBe(401);
      expect((await me(t.app, other.access_token)).statusCode).toBe(200);
      expect((await refresh(t.app, other.refresh_token)).statusCode).toBe(200);
    });

    it('→ of 8 concurrent refreshes with one token at most one succeeds', async () => {
      const user = await registerUser(t.app);
      const answers = await Promise.all(Array.from({ length: 8 }, () => refresh(t.app, user.refresh_token)));
      const statuses = answers.map((res) => res.statusCode);
      expect(statuses.filter((status) => status === 200).length).toBeLessThanOrEqual(1);
      expect(statuses.every((status) => status === 200 || status === 401)).toBe(true);
    });

    it('→ 401 for an expired refresh token, which does not count as reuse', async () => {
      const user = await registerUser(t.app);
      await t.database.db
        .update(refreshTokens)
        .set({ expiresAt: new Date(Date.now() - 1000) })
        .where(eq(refreshTokens.tokenHash, hashRefreshToken(user.refresh_token)));
      expect((await refresh(t.app, user.refresh_token)).statusCode).toBe(401);
      expect((await refresh(t.app, user.refresh_token)).statusCode).toBe(401);
      expect((await me(t.app, user.access_token)).statusCode).toBe(200);
    });

    it('→ 401 past the absolute session limit, for the refresh token and the access token alike', async () => {
      const user = await registerUser(t.app);
      const sessionId = String(decodeJwt(user.access_token).sid);
      await t.database.db.update(sessions).set({ expiresAt: new Date(Date.now() - 1000) }).where(eq(sessions.id, sessionId));
      expect((await me(t.app, user.access_token)).statusCode).toBe(401);
      expect((await refresh(t.app, user.refresh_token)).statusCode).toBe(401);
    });

    it('→ a new refresh token never outlives its session (30 days, capped at the 90-day limit)', async () => {
      const user = await registerUser(t.app);
      const sessionId = String(decodeJwt(user.access_token).sid);
      const [session] = await t.database.db.select().from(sessions).where(eq(sessions.id, sessionId));
      const days = (date: Date | undefined) => ((date?.getTime() ?? 0) - Date.now()) / 86_400_000;
      expect(days(session?.expiresAt)).toBeCloseTo(90, 1);
      const [token] = await t.database.db.select().from(refreshTokens).where(eq(refreshTokens.tokenHash, hashRefreshToken(user.refresh_token)));
      expect(days(token?.expiresAt)).toBeCloseTo(30, 1);

      const soon = new Date(Date.now() + 5 * 86_400_000);
      await t.database.db.update(sessions).set({ expiresAt: soon }).where(eq(sessions.id, sessionId));
      const rotated = (await refresh(t.app, user.refresh_token)).json();
      const [next] = await t.database.db.select().from(refreshTokens).where(eq(refreshTokens.tokenHash, hashRefreshToken(rotated.refresh_token)));
      expect(next?.expiresAt.getTime()).toBe(soon.getTime());
    });

    it('stores refresh tokens only as SHA-256 hashes', async () => {
      const user = await registerUser(t.app);
      const rows = await t.database.db.select().from(refreshTokens);
      expect(rows.some((row) => row.tokenHash === user.refresh_token)).toBe(false);
      expect(rows.some((row) => row.tokenHash === hashRefreshToken(user.refresh_token))).toBe(true);
      expect(rows.every((row) => /^[0-9a-f]{64}$/.test(row.tokenHash))).toBe(true);
    });
  });

  describe('POST /api/auth/logout', () => {
    it('→ 204; the access token and the refresh token are refused (401) at once', async () => {
      const user = await registerUser(t.app);
      expect((await me(t.app, user.access_token)).statusCode).toBe(200);
      const res = await logout(user.access_token);
      expect(res.statusCode).toBe(204);
      expect(res.body).toBe('');
      expect((await me(t.app, user.access_token)).statusCode).toBe(401);
      expect((await refresh(t.app, user.refresh_token)).statusCode).toBe(401);
      expect((await logout(user.access_token)).statusCode).toBe(401);
    });

    it('→ clears the marquee_refresh cookie and the session hint', async () => {
      const user = await registerUser(t.app);
      const cookies = (await logout(user.access_token)).headers['set-cookie'] as string[];
      const refreshCookie = cookies.find((c) => c.startsWith('marquee_refresh='))!;
      expect(refreshCookie).toMatch(/^marquee_refresh=;/);
      expect(refreshCookie).toMatch(/Path=\/api\/auth/);
      expect(refreshCookie).toMatch(/Max-Age=0|Expires=Thu, 01 Jan 1970/);
      const hint = cookies.find((c) => c.startsWith('marquee_session='))!;
      expect(hint).toMatch(/^marquee_session=;.*Path=\/;/);
      expect(hint).toMatch(/Max-Age=0|Expires=Thu, 01 Jan 1970/);
    });

    it('→ ends only the session of the token: the same user’s other sessions keep working', async () => {
      const user = await registerUser(t.app);
      const other = (await login(t.app, user.email, user.password)).json();
      await logout(user.access_token);
      expect((await me(t.app, other.access_token)).statusCode).toBe(200);
      expect((await refresh(t.app, other.refresh_token)).statusCode).toBe(200);
    });

    it('→ 401 with WWW-Authenticate: Bearer without a token', async () => {
      const res = await t.app.inject({ method: 'POST', url: '/api/auth/logout' });
      expect(res.statusCode).toBe(401);
      expect(res.headers['www-authenticate']).toBe('Bearer');
      expect(res.json()).toMatchObject({ code: 'UNAUTHORIZED' });
    });
  });

  describe('access tokens', () => {
    it('a refresh token is not an access token', async () => {
      const user = await registerUser(t.app);
      expect((await me(t.app, user.refresh_token)).statusCode).toBe(401);
      expect((await refresh(t.app, user.refresh_token)).statusCode).toBe(200);
    });

    it('an access token is not a refresh token', async () => {
      const user = await registerUser(t.app);
      expect((await refresh(t.app, user.access_token)).statusCode).toBe(401);
      expect((await me(t.app, user.access_token)).statusCode).toBe(200);
    });

    it('refuses an `alg: none` token carrying valid claims', async () => {
      const user = await registerUser(t.app);
      const claims = decodeJwt(user.access_token);
      for (const alg of ['none', 'None', 'NONE']) {
        const token = `${b64({ alg, typ: 'at+jwt' })}.${b64(claims)}.`;
        expect((await me(t.app, token)).statusCode).toBe(401);
      }
    });

    it('refuses a token signed with another secret', async () => {
      const user = await registerUser(t.app);
      const token = await forge(decodeJwt(user.access_token), { secret: 'another-secret-that-is-long-enough-for-hs256-xyz' });
      expect((await me(t.app, token)).statusCode).toBe(401);
    });

    it('refuses a token signed with the right secret but another algorithm (HS512)', async () => {
      const user = await registerUser(t.app);
      const token = await forge(decodeJwt(user.access_token), { alg: 'HS512' });
      expect((await me(t.app, token)).statusCode).toBe(401);
    });

    it('refuses a correctly signed token without the access-token type or audience', async () => {
      const user = await registerUser(t.app);
      const { sub, sid, pid, iss, aud } = decodeJwt(user.access_token);
      expect((await me(t.app, await forge({ sub, sid, pid, iss, aud }))).statusCode).toBe(200);
      expect((await me(t.app, await forge({ sub, sid, pid, iss, aud }, { typ: 'JWT' }))).statusCode).toBe(401);
      expect((await me(t.app, await forge({ sub, sid, pid, iss }))).statusCode).toBe(401);
      expect((await me(t.app, await forge({ sub, pid, iss, aud }))).statusCode).toBe(401);
      // A token must name the session's profile.
      expect((await me(t.app, await forge({ sub, sid, iss, aud }))).statusCode).toBe(401);
    });

    it('refuses an expired token', async () => {
      const user = await registerUser(t.app);
      const { sub, sid, pid, iss, aud } = decodeJwt(user.access_token);
      expect((await me(t.app, await forge({ sub, sid, pid, iss, aud }, { expiresIn: -10 }))).statusCode).toBe(401);
    });

    it('refuses a token whose user is not the user of its session', async () => {
      const ann = await registerUser(t.app);
      const bob = await registerUser(t.app);
      const { sid, pid, iss, aud } = decodeJwt(ann.access_token);
      expect((await me(t.app, await forge({ sub: bob.user.id, sid, pid, iss, aud }))).statusCode).toBe(401);
      // Nor one naming another account's profile.
      const { sub } = decodeJwt(ann.access_token);
      expect((await me(t.app, await forge({ sub, sid, pid: bob.profile.id, iss, aud }))).statusCode).toBe(401);
    });

    it('accepts the Bearer scheme in any case', async () => {
      const user = await registerUser(t.app);
      const res = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { authorization: `bearer ${user.access_token}` } });
      expect(res.statusCode).toBe(200);
    });
  });

  it.runIf(backend.name === 'postgres')('a revocation on one instance is refused by another, which had the session cached', async () => {
    // Another instance: its own connection pool and change feed on the same database.
    const other = await buildTestApp({ backend, database: await t.database.another!() });
    try {
      const user = await registerUser(t.app);
      const second = (await login(t.app, user.email, user.password)).json();
      // Both sessions are now live and cached on the other instance.
      expect((await me(other.app, user.access_token)).statusCode).toBe(200);
      expect((await me(other.app, second.access_token)).statusCode).toBe(200);

      expect((await logout(user.access_token)).statusCode).toBe(204);
      // PostgreSQL notifies at commit; sync() waits until the other instance has heard all of it.
      await other.database.changes.sync();
      expect((await me(other.app, user.access_token)).statusCode).toBe(401);
      expect((await refresh(other.app, user.refresh_token)).statusCode).toBe(401);
      expect((await me(other.app, second.access_token)).statusCode).toBe(200);

      // Revoked by hand in the database: the same.
      await t.database.db.update(sessions).set({ revokedAt: new Date(), revokedReason: 'logout' }).where(eq(sessions.id, String(decodeJwt(second.access_token).sid)));
      await other.database.changes.sync();
      expect((await me(other.app, second.access_token)).statusCode).toBe(401);
    } finally {
      await other.close();
    }
  });
});

describe.each(databaseBackends)('sessions across a restart on $name', (backend) => {
  it('a live session keeps working and a revoked one stays revoked', async () => {
    const first = await buildTestApp({ backend });
    const live = await registerUser(first.app);
    const revoked = (await login(first.app, live.email, live.password)).json();
    expect((await me(first.app, live.access_token)).statusCode).toBe(200);
    expect((await withBearer(first.app, revoked.access_token, { method: 'POST', url: '/api/auth/logout' })).statusCode).toBe(204);
    await first.app.close();

    const database = await first.database.reopen();
    const second = await buildTestApp({ backend, database });
    try {
      expect((await me(second.app, live.access_token)).statusCode).toBe(200);
      expect((await me(second.app, revoked.access_token)).statusCode).toBe(401);
      expect((await refresh(second.app, revoked.refresh_token)).statusCode).toBe(401);
      const rotated = await refresh(second.app, live.refresh_token);
      expect(rotated.statusCode).toBe(200);
      expect((await login(second.app, live.email, live.password)).statusCode).toBe(200);
    } finally {
      await second.close();
    }
  });
});
