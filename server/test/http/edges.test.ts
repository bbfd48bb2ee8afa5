/**
 * Errors at the edges: what Fastify finds before routing and what Node's HTTP parser refuses is
 * problem+json with the security headers and our codes; bodies a route does not take are 400;
 * no framework code reaches a client. Parser errors need a real socket, so the app listens.
 */
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databaseBackends } from '../helpers/backends.js';
import { buildTestApp, type TestApp } from '../helpers/build-test-app.js';
import { DEFAULT_PASSWORD, registerUser, uniqueClientIp, withBearer } from '../helpers/auth-helpers.js';

/** Sends raw bytes and resolves with the whole answer once the server closes the connection. */
function raw(port: number, request: string | Buffer): Promise<{ status: number; headers: Record<string, string>; body: string }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    let data = '';
    socket.on('data', (chunk) => (data += chunk.toString('latin1')));
    socket.on('error', reject);
    socket.on('close', () => {
      const [head = '', body = ''] = data.split('\r\n\r\n', 2);
      const [statusLine = '', ...lines] = head.split('\r\n');
      const headers = Object.fromEntries(lines.map((line) => [line.slice(0, line.indexOf(':')).toLowerCase(), line.slice(line.indexOf(':') + 1).trim()]));
      resolve({ status: Number(statusLine.split(' ')[1]), headers, body });
    });
    socket.end(request);
  });
}

const backend = databaseBackends[0]!;

describe(`errors at the edges (on ${backend.name})`, () => {
  let t: TestApp;
  let port: number;
  beforeAll(async () => {
    t = await buildTestApp({ backend });
    await t.app.listen({ host: '127.0.0.1', port: 0 });
    const address = t.app.server.address();
    port = typeof address === 'object' && address ? address.port : 0;
  });
  afterAll(() => t.close());

  const expectProblem = (res: { headers: Record<string, unknown>; body: string }, status: number, code: string) => {
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    const body = JSON.parse(res.body) as { status: number; code: string };
    expect(body).toMatchObject({ status, code });
    expect(res.body).not.toMatch(/FST_|HPE_/);
  };

  it('a path with bad percent-encoding → 400 problem+json, no framework code', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/movies/%ff' });
    expect(res.statusCode).toBe(400);
    expectProblem(res, 400, 'VALIDATION_FAILED');
  });

  it('a 60 KB URL and a 100 KB header → 431 problem+json from the HTTP parser', async () => {
    const longUrl = await raw(port, `GET /api/movies/popular?x=${'a'.repeat(60_000)} HTTP/1.1\r\nHost: x\r\n\r\n`);
    expect(longUrl.status).toBe(431);
    expectProblem(longUrl, 431, 'PAYLOAD_TOO_LARGE');
    const bigHeader = await raw(port, `GET /api/movies/popular HTTP/1.1\r\nHost: x\r\nX-Big: ${'b'.repeat(100_000)}\r\n\r\n`);
    expect(bigHeader.status).toBe(431);
    expectProblem(bigHeader, 431, 'PAYLOAD_TOO_LARGE');
  });

  it('an unknown method and broken HTTP syntax → problem+json from the HTTP parser', async () => {
    const unknown = await raw(port, 'FOO /api/movies/popular HTTP/1.1\r\nHost: x\r\n\r\n');
    expect(unknown.status).toBe(405);
    expectProblem(unknown, 405, 'METHOD_NOT_ALLOWED');
    const garbage = await raw(port, 'GET /api/movies/popular HTTP/1.1\r\nHost x\r\n\r\n');
    expect(garbage.status).toBe(400);
    expectProblem(garbage, 400, 'VALIDATION_FAILED');
  });

  it('a body on a route that takes none → 400 naming the unknown field; an empty object or no body is fine', async () => {
    const user = await registerUser(t.app);
    const withField = await withBearer(t.app, user.access_token, { method: 'POST', url: '/api/watchlist/550', payload: { x: 1 } });
    expect(withField.statusCode).toBe(400);
    expectProblem(withField, 400, 'VALIDATION_FAILED');
    expect(withField.json().errors).toEqual([{ path: '/x', message: 'is not an allowed field' }]);
    const notAnObject = await withBearer(t.app, user.access_token, { method: 'POST', url: '/api/watchlist/550', headers: { 'content-type': 'application/json' }, payload: '[1]' });
    expect(notAnObject.statusCode).toBe(400);
    // Nothing was added by the refused requests.
    const list = await withBearer(t.app, user.access_token, { method: 'GET', url: '/api/watchlist' });
    expect(list.json().results).toEqual([]);
    const empty = await withBearer(t.app, user.access_token, { method: 'POST', url: '/api/watchlist/550', payload: {} });
    expect(empty.statusCode).toBe(201);
    const none = await withBearer(t.app, user.access_token, { method: 'DELETE', url: '/api/watchlist/550' });
    expect(none.statusCode).toBe(204);
  });

  it('control characters in the login email → 400 like registration, never reaching the database', async () => {
    for (const body of [
      { email: '\u0000', password: DEFAULT_PASSWORD },
      { email: 'a\u0000@b.co', password: DEFAULT_PASSWORD },
      { email: 'a@b.co\u0007', password: DEFAULT_PASSWORD },
    ]) {
      const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: body, remoteAddress: uniqueClientIp() });
      expect(res.statusCode).toBe(400);
      expectProblem(res, 400, 'VALIDATION_FAILED');
    }
  });

  it('GET /api/docs → 200 HTML without a redirect; its script loads by an absolute path', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/docs' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.body).toContain('/api/docs/js/scalar.js');
    const script = await t.app.inject({ method: 'GET', url: '/api/docs/js/scalar.js' });
    expect(script.statusCode).toBe(200);
  });
});
