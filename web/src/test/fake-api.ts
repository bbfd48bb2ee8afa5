import { vi } from 'vitest';
import type { Page, Profile, Title, TokenResponse, User } from '@marquee/contracts';

/** One request the fake API saw. */
export interface SeenRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: Headers;
  body: unknown;
  /** The request's AbortSignal, if it had one: an aborted request's answer is never used. */
  signal: AbortSignal | null;
}

type Handler = (request: SeenRequest) => Response | Promise<Response>;

/** A JSON response, as the server sends it. */
export function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json; charset=utf-8' } });
}

/** An RFC 9457 problem response. */
export function problem(status: number, code: string, detail = code): Response {
  return new Response(JSON.stringify({ type: 'about:blank', title: code, status, detail, code }), {
    status,
    headers: { 'content-type': 'application/problem+json' },
  });
}

/**
 * Replaces `globalThis.fetch` — the app's one boundary with the server — with a tiny router of
 * handlers keyed "METHOD /path". Every request is recorded; an unhandled one answers 404 problem.
 */
export function installFakeApi(handlers: Record<string, Handler>) {
  const requests: SeenRequest[] = [];
  const fetchStub = vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url, 'http://localhost');
    const method = (init.method ?? 'GET').toUpperCase();
    const request: SeenRequest = {
      method,
      path: url.pathname,
      query: url.searchParams,
      headers: new Headers(init.headers),
      body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined,
      signal: init.signal ?? null,
    };
    requests.push(request);
    const handler = handlers[`${method} ${url.pathname}`];
    return handler ? handler(request) : problem(404, 'NOT_FOUND');
  });
  vi.stubGlobal('fetch', fetchStub);
  return {
    requests,
    /**
     * The requests made to one "METHOD /path" that were not aborted. Under StrictMode (as every
     * test renders) a query started on mount is aborted by React's development re-run of the
     * effects and started again; that first, abandoned request is not one the app makes in production.
     */
    calls: (key: string) => requests.filter((r) => `${r.method} ${r.path}` === key && !r.signal?.aborted),
  };
}

/** A Title with overrides. */
export function makeTitle(overrides: Partial<Title> = {}): Title {
  return {
    id: 550,
    media_type: 'movie',
    title: 'Fight Club',
    overview: 'An insomniac office worker…',
    poster_path: '/p.jpg',
    backdrop_path: '/b.jpg',
    poster_url: 'https://image.tmdb.org/t/p/w500/p.jpg',
    backdrop_url: 'https://image.tmdb.org/t/p/original/b.jpg',
    release_date: '1999-10-15',
    vote_average: 8.4,
    genre_ids: [18],
    ...overrides,
  };
}

/** A Page of titles. */
export function makePage(results: Title[]): Page {
  return { page: 1, total_pages: 1, total_results: results.length, results };
}

/** A User with overrides. */
export function makeUser(overrides: Partial<User> = {}): User {
  return {
    id: 'u1',
    email: 'ann@example.com',
    name: 'Ann',
    avatar: null,
    watchlist: [],
    role: 'member',
    created_at: '2025-01-01T00:00:00.000Z',
    updated_at: '2025-01-01T00:00:00.000Z',
    ...overrides,
  };
}

/** A profile; the owner profile unless overridden. */
export function makeProfile(overrides: Partial<Profile> = {}): Profile {
  return { id: 'p-1', name: 'Ann', avatar: 'ember', kids: false, maturity: 'all', locked: false, owner: true, created_at: '2025-01-01T00:00:00.000Z', ...overrides };
}

/** A TokenResponse carrying `accessToken`. */
export function makeTokens(accessToken: string, user: User = makeUser(), profile: Profile = makeProfile()): TokenResponse {
  return { access_token: accessToken, token_type: 'Bearer', expires_in: 900, refresh_token: `refresh-${accessToken}`, user, profile };
}

/** A promise with its resolve exposed, to hold a response back until the test lets it go. */
export function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}
