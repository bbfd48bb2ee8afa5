/**
 * A database failure inside a request is logged for the operator — without the query's parameters,
 * which carry what the request was storing (a PIN's or a password's hash, a refresh token's hash, a
 * name). The failure is forced with a trigger, on every database backend.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseBackends } from '../helpers/backends.js';
import { buildTestApp, type TestApp } from '../helpers/build-test-app.js';
import { capturedLogs } from '../helpers/fake-tmdb.js';
import { registerUser, withBearer } from '../helpers/auth-helpers.js';

describe.each(databaseBackends)('logged database errors on $name', (backend) => {
  let t: TestApp;
  const logs = capturedLogs('info');

  beforeAll(async () => {
    t = await buildTestApp({ backend, logger: logs.logger });
    // Any change that would name a profile "Explode" fails inside the database.
    await t.database.db.execute(
      sql.raw(`CREATE FUNCTION test_explode() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'forced failure'; END $$`),
    );
    await t.database.db.execute(sql.raw(`CREATE TRIGGER test_explode BEFORE UPDATE ON profiles FOR EACH ROW WHEN (NEW.name = 'Explode') EXECUTE FUNCTION test_explode()`));
  });
  afterAll(() => t.close());

  it('a failed profile change answers 500 INTERNAL, changes nothing, and logs the error without its parameters (no PIN hash)', async () => {
    const user = await registerUser(t.app);
    const created = await withBearer(t.app, user.access_token, { method: 'POST', url: '/api/profiles', payload: { name: 'Bea' } });
    const bea = created.json();
    logs.lines.length = 0;

    const res = await withBearer(t.app, user.access_token, {
      method: 'PATCH',
      url: `/api/profiles/${bea.id}`,
      payload: { name: 'Explode', pin: '4821', current_password: user.password },
    });
    expect(res.statusCode).toBe(500);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.json()).toMatchObject({ code: 'INTERNAL', detail: 'An unexpected error occurred.' });
    expect(res.body).not.toMatch(/profiles|forced failure|argon2/);

    const list = await withBearer(t.app, user.access_token, { method: 'GET', url: '/api/profiles' });
    expect(list.json().profiles[1]).toEqual(bea);

    const errorLines = logs.lines.filter((line) => JSON.parse(line).level >= 50);
    expect(errorLines.length).toBeGreaterThan(0);
    // Without the line's own request id and time, which are random and may hold the PIN's digits.
    const logged = errorLines.map((line) => JSON.stringify({ ...JSON.parse(line), reqId: undefined, time: undefined, pid: undefined })).join('\n');
    // The operator learns what failed...
    expect(logged).toContain('forced failure');
    expect(logged).toContain('update \\"profiles\\"');
    // ...but not what the request was writing.
    expect(logged).not.toContain('$argon2id$');
    expect(logged).not.toContain('4821');
    expect(logged).not.toContain(user.password);
    expect(logged).not.toContain('Explode');
    expect(logged).not.toContain(user.access_token);
  });
});
