/**
 * Brute-force limits over HTTP, with the in-process store and — when TEST_REDIS_URL is set — the
 * Redis store shared by several instances. Wrong passwords keep these tests fast: a failed login
 * costs one hash verification, like a successful one.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createHash } from 'node:crypto';
import { databaseBackends, openTestRedis, type TestRedis } from '../helpers/backends.js';
import { buildTestApp, type TestApp } from '../helpers/build-test-app.js';
import { login, me, registerUser, uniqueClientIp, uniqueEmail, withBearer } from '../helpers/auth-helpers.js';

const WINDOW_SECONDS = 15 * 60;

interface StoreVariant {
  name: string;
  open(): TestRedis | null;
}

const stores: StoreVariant[] = [
  { name: 'in-process store', open: () => null },
  ...(process.env.TEST_REDIS_URL ? [{ name: 'Redis store', open: openTestRedis }] : []),
];

function expectRateLimited(res: { statusCode: number; headers: Record<string, unknown>; json(): { code: string } }, maxSeconds: number) {
  expect(res.statusCode).toBe(429);
  expect(res.json().code).toBe('RATE_LIMITED');
  const retryAfter = Number(res.headers['retry-after']);
  expect(Number.isInteger(retryAfter)).toBe(true);
  expect(retryAfter).toBeGreaterThan(0);
  expect(retryAfter).toBeLessThanOrEqual(maxSeconds);
  return retryAfter;
}

describe.each(databaseBackends)('auth throttling on $name', (backend) => {
  describe.each(stores)('with the $name', (store) => {
    let t: TestApp;
    let testRedis: TestRedis | null;
    beforeAll(async () => {
      testRedis = store.open();
      t = await buildTestApp({ backend, redis: testRedis?.redis ?? null });
    });
    afterAll(async () => {
      await t.close();
      await testRedis?.cleanup();
    });
    afterEach(() => {
      vi.useRealTimers();
    });

    /** Lets the current 15-minute window pass for `email`'s and every client's counters. */
    async function passTheWindow() {
      if (testRedis) {
        // The Redis counters expire by their TTL: move every expiry into the past, which expires them now.
        const raw = testRedis.connect();
        for (const key of await raw.keys(`${testRedis.prefix}auth:*`)) await raw.pexpireat(key.slice(testRedis.prefix.length), 1);
      } else {
        vi.useFakeTimers({ toFake: ['Date'] });
        vi.setSystemTime(Date.now() + (WINDOW_SECONDS + 1) * 1000);
      }
    }

    it('POST /api/auth/login → 429 with Retry-After after 10 failed logins for one email, even with the right password', async () => {
      const user = await registerUser(t.app);
      for (let attempt = 1; attempt <= 10; attempt += 1) {
        expect((await login(t.app, user.email, `wrong password ${attempt}`)).statusCode).toBe(401);
      }
      const blocked = await login(t.app, user.email, user.password);
      const retryAfter = expectRateLimited(blocked, WINDOW_SECONDS);
      expect(retryAfter).toBeGreaterThan(WINDOW_SECONDS - 60);
      expect(blocked.headers['set-cookie']).toBeUndefined();
      // From any client, in any letter case.
      expectRateLimited(await login(t.app, ` ${user.email.toUpperCase()}`, user.password), WINDOW_SECONDS);
      // Other accounts are not affected.
      const other = await registerUser(t.app);
      expect((await login(t.app, other.email, other.password)).statusCode).toBe(200);
    });

    it('POST /api/auth/login → unknown emails are throttled like registered ones (no enumeration)', async () => {
      const email = uniqueEmail('ghost');
      for (let attempt = 1; attempt <= 10; attempt += 1) expect((await login(t.app, email, 'guess')).statusCode).toBe(401);
      expectRateLimited(await login(t.app, email, 'guess'), WINDOW_SECONDS);
    });

    it('POST /api/auth/login → answers again once the window has passed', async () => {
      const user = await registerUser(t.app);
      for (let attempt = 1; attempt <= 10; attempt += 1) await login(t.app, user.email, 'wrong password');
      expectRateLimited(await login(t.app, user.email, user.password), WINDOW_SECONDS);
      await passTheWindow();
      expect((await login(t.app, user.email, user.password)).statusCode).toBe(200);
    });

    it("POST /api/auth/login → a success resets the email's count of failures", async () => {
      const user = await registerUser(t.app);
      for (let attempt = 1; attempt <= 9; attempt += 1) expect((await login(t.app, user.email, 'wrong password')).statusCode).toBe(401);
      expect((await login(t.app, user.email, user.password)).statusCode).toBe(200);
      for (let attempt = 1; attempt <= 10; attempt += 1) expect((await login(t.app, user.email, 'wrong password')).statusCode).toBe(401);
      expectRateLimited(await login(t.app, user.email, user.password), WINDOW_SECONDS);
    });

    it('POST /api/auth/login → of 20 concurrent wrong guesses for one email at most 10 are answered 401, the rest 429', async () => {
      const user = await registerUser(t.app);
      const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => login(t.app, user.email, `guess ${i}`)));
      const statuses = answers.map((res) => res.statusCode);
      expect(statuses.filter((status) => status === 401).length).toBeLessThanOrEqual(10);
      expect(statuses.filter((status) => status === 429).length).toBeGreaterThanOrEqual(10);
      expect(statuses.every((status) => status === 401 || status === 429)).toBe(true);
      expectRateLimited(await login(t.app, user.email, user.password), WINDOW_SECONDS);
    });

    it('POST /api/auth/login → concurrent logins with the right password are never throttled', async () => {
      const user = await registerUser(t.app);
      const client = uniqueClientIp();
      const answers = await Promise.all(Array.from({ length: 16 }, () => login(t.app, user.email, user.password, client)));
      expect(answers.map((res) => res.statusCode)).toEqual(Array(16).fill(200));
    });

    it('POST /api/auth/login → one client address gets at most 30 failed logins per 15 minutes', async () => {
      const client = uniqueClientIp();
      const user = await registerUser(t.app);
      for (let attempt = 1; attempt <= 30; attempt += 1) {
        expect((await login(t.app, uniqueEmail('spray'), 'Password1!', client)).statusCode).toBe(401);
      }
      expectRateLimited(await login(t.app, uniqueEmail('spray'), 'Password1!', client), WINDOW_SECONDS);
      // Even a right password from that client waits; the same account from another client does not.
      expectRateLimited(await login(t.app, user.email, user.password, client), WINDOW_SECONDS);
      expect((await login(t.app, user.email, user.password)).statusCode).toBe(200);
    });

    it('POST /api/auth/login → successful logins do not use up the client allowance', async () => {
      const client = uniqueClientIp();
      const user = await registerUser(t.app);
      for (let attempt = 1; attempt <= 31; attempt += 1) expect((await login(t.app, user.email, user.password, client)).statusCode).toBe(200);
    });

    it('PUT /api/auth/profile → wrong current passwords count as failed logins of the account', async () => {
      const user = await registerUser(t.app);
      const change = (current: string) =>
        withBearer(t.app, user.access_token, { method: 'PUT', url: '/api/auth/profile', payload: { current_password: current, new_password: 'a brand new password' } });
      for (let attempt = 1; attempt <= 10; attempt += 1) expect((await change('wrong password')).statusCode).toBe(403);
      expectRateLimited(await change(user.password), WINDOW_SECONDS);
      expectRateLimited(await login(t.app, user.email, user.password), WINDOW_SECONDS);
      expect((await me(t.app, user.access_token)).statusCode).toBe(200);
    });

    it('POST /api/auth/register → 30 registrations a minute from one client pass, the 31st gets 429 with Retry-After', async () => {
      const client = uniqueClientIp();
      const register = () =>
        t.app.inject({ method: 'POST', url: '/api/auth/register', remoteAddress: client, payload: { email: uniqueEmail('burst'), password: 'Password1!', name: 'Burst' } });
      for (let attempt = 1; attempt <= 30; attempt += 1) expect((await register()).statusCode).toBe(201);
      expectRateLimited(await register(), 60);
      const elsewhere = await t.app.inject({
        method: 'POST',
        url: '/api/auth/register',
        remoteAddress: uniqueClientIp(),
        payload: { email: uniqueEmail(), password: 'Password1!', name: 'Elsewhere' },
      });
      expect(elsewhere.statusCode).toBe(201);
    });

    it.runIf(store.name === 'Redis store')('keeps its counters in Redis under the key prefix, never the email in clear', async () => {
      const email = uniqueEmail('stored');
      const client = uniqueClientIp();
      await login(t.app, email, 'wrong password', client);
      const raw = testRedis!.connect();
      const digest = createHash('sha256').update(email).digest('hex').slice(0, 32);
      expect(await raw.get(`auth:login:email:${digest}`)).toBe('1');
      expect(await raw.get(`auth:login:client:${client}`)).toBe('1');
      expect(await raw.pttl(`auth:login:client:${client}`)).toBeGreaterThan((WINDOW_SECONDS - 60) * 1000);
      const keys = await raw.keys(`${testRedis!.prefix}*`);
      expect(keys.some((key) => key.includes(email))).toBe(false);
    });

    it.runIf(store.name === 'Redis store')('two app instances share the count', async () => {
      const second = await buildTestApp({ backend, database: t.database, redis: testRedis!.connect() });
      try {
        const user = await registerUser(t.app);
        for (let attempt = 1; attempt <= 5; attempt += 1) expect((await login(t.app, user.email, 'wrong password')).statusCode).toBe(401);
        for (let attempt = 1; attempt <= 5; attempt += 1) expect((await login(second.app, user.email, 'wrong password')).statusCode).toBe(401);
        expectRateLimited(await login(t.app, user.email, user.password), WINDOW_SECONDS);
        expectRateLimited(await login(second.app, user.email, user.password), WINDOW_SECONDS);
      } finally {
        await second.app.close();
      }
    });
  });
});
