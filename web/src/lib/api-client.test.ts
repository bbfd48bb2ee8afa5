import { beforeEach, describe, expect, it, vi } from 'vitest';
import { deferred, installFakeApi, json, makeTokens, makeUser, problem } from '../test/fake-api';
import { ApiError, apiRequest, endSession, restoreSession, startSession } from './api-client';
import { session } from './session';

describe('api client and session', () => {
  beforeEach(() => endSession());

  it('a 401 triggers exactly one refresh, then the request is retried with the new token', async () => {
    startSession(makeTokens('old-token'));
    const api = installFakeApi({
      'GET /api/watchlist': (req) =>
        req.headers.get('authorization') === 'Bearer new-token' ? json(200, { results: [], total_results: 0 }) : problem(401, 'UNAUTHORIZED'),
      'POST /api/auth/refresh': () => json(200, makeTokens('new-token')),
    });

    const list = await apiRequest<{ total_results: number }>('/api/watchlist');

    expect(list.total_results).toBe(0);
    expect(api.requests.map((r) => `${r.method} ${r.path} ${r.headers.get('authorization') ?? ''}`)).toEqual([
      'GET /api/watchlist Bearer old-token',
      'POST /api/auth/refresh ',
      'GET /api/watchlist Bearer new-token',
    ]);
    // The refresh token travels in the HttpOnly cookie, never in script: the body is empty.
    expect(api.calls('POST /api/auth/refresh')[0]?.body).toEqual({});
    expect(session.accessToken).toBe('new-token');
    expect(session.getSnapshot().status).toBe('signed-in');
  });

  it('when the refresh fails too, the session ends and the 401 surfaces as an ApiError', async () => {
    startSession(makeTokens('old-token'));
    const api = installFakeApi({
      'GET /api/watchlist': () => problem(401, 'UNAUTHORIZED'),
      'POST /api/auth/refresh': () => problem(401, 'UNAUTHORIZED'),
    });

    const failure = await apiRequest('/api/watchlist').catch((error: unknown) => error);

    expect(failure).toBeInstanceOf(ApiError);
    expect((failure as ApiError).status).toBe(401);
    expect(api.calls('POST /api/auth/refresh')).toHaveLength(1);
    expect(api.calls('GET /api/watchlist')).toHaveLength(1);
    expect(session.getSnapshot()).toEqual({ status: 'signed-out', user: null, profile: null });
    expect(session.accessToken).toBeNull();
  });

  it('concurrent 401s share one refresh', async () => {
    startSession(makeTokens('old-token'));
    const refreshed = deferred<Response>();
    const api = installFakeApi({
      'GET /api/watchlist': (req) =>
        req.headers.get('authorization') === 'Bearer new-token' ? json(200, { results: [], total_results: 0 }) : problem(401, 'UNAUTHORIZED'),
      'POST /api/auth/refresh': () => refreshed.promise,
    });

    const lists = Promise.all([apiRequest('/api/watchlist'), apiRequest('/api/watchlist'), apiRequest('/api/watchlist')]);
    // All three have had their 401 while the refresh is still unanswered: one refresh, not three.
    await vi.waitFor(() => expect(api.calls('POST /api/auth/refresh')).toHaveLength(1));
    expect(api.calls('GET /api/watchlist')).toHaveLength(3);
    refreshed.resolve(json(200, makeTokens('new-token')));
    await lists;

    expect(api.calls('POST /api/auth/refresh')).toHaveLength(1);
    expect(api.calls('GET /api/watchlist').map((r) => r.headers.get('authorization'))).toEqual([...Array(3).fill('Bearer old-token'), ...Array(3).fill('Bearer new-token')]);
  });

  it('restores the session on load from the refresh cookie', async () => {
    installFakeApi({ 'POST /api/auth/refresh': () => json(200, makeTokens('restored', makeUser({ name: 'Restored' }))) });
    await restoreSession();
    expect(session.getSnapshot().user?.name).toBe('Restored');
  });

  it('without a refresh cookie the app starts signed out, and the 401’s body is let go, not left open', async () => {
    const answers: Response[] = [];
    installFakeApi({ 'POST /api/auth/refresh': () => answers[answers.push(problem(401, 'UNAUTHORIZED')) - 1]! });
    await restoreSession();
    expect(session.getSnapshot().status).toBe('signed-out');
    expect(answers).toHaveLength(1);
    // An unread body keeps the request open in a browser for the page's lifetime.
    expect(answers[0]!.bodyUsed).toBe(true);
  });

  it('every answer’s body is read or cancelled: the 401 before a refresh, 204s, errors without JSON', async () => {
    startSession(makeTokens('old-token'));
    const answers: Response[] = [];
    const keep = (response: Response) => answers[answers.push(response) - 1]!;
    installFakeApi({
      'GET /api/watchlist': (req) =>
        keep(req.headers.get('authorization') === 'Bearer new-token' ? json(200, { results: [], total_results: 0 }) : problem(401, 'UNAUTHORIZED')),
      'POST /api/auth/refresh': () => keep(json(200, makeTokens('new-token'))),
      'DELETE /api/watchlist/550': () => keep(new Response(null, { status: 204 })),
      'GET /api/genres': () => keep(new Response('Bad gateway', { status: 502, headers: { 'content-type': 'text/plain' } })),
    });
    await apiRequest('/api/watchlist');
    await apiRequest('/api/watchlist/550', { method: 'DELETE' });
    await apiRequest('/api/genres', { auth: false }).catch(() => undefined);
    expect(answers).toHaveLength(5);
    expect(answers.map((answer) => answer.body === null || answer.bodyUsed)).toEqual([true, true, true, true, true]);
    expect(answers[0]!.bodyUsed).toBe(true);
    expect(answers[4]!.bodyUsed).toBe(true);
  });

  it('turns problem+json into a typed ApiError with code and field errors', async () => {
    installFakeApi({
      'POST /api/auth/register': () =>
        new Response(JSON.stringify({ type: 'about:blank', title: 'Bad Request', status: 400, detail: 'Invalid body', code: 'VALIDATION_FAILED', errors: [{ path: '/email', message: 'bad email' }] }), {
          status: 400,
          headers: { 'content-type': 'application/problem+json' },
        }),
    });
    const failure = (await apiRequest('/api/auth/register', { method: 'POST', body: {}, auth: false }).catch((e: unknown) => e)) as ApiError;
    expect(failure.code).toBe('VALIDATION_FAILED');
    expect(failure.fieldErrors).toEqual([{ path: '/email', message: 'bad email' }]);
  });
});
