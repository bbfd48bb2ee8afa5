import type { FieldError, Problem, TokenResponse } from '@marquee/contracts';
import { env } from '../config/env';
import { session } from './session';

export type { FieldError };

/** A failed API call: an RFC 9457 problem from the server, or `status` 0 when the network failed. */
export class ApiError extends Error {
  readonly status: number;
  /** Stable machine-readable code (`INVALID_CREDENTIALS`, …); `NETWORK` when no answer came back. */
  readonly code: string;
  readonly detail: string | undefined;
  readonly fieldErrors: FieldError[];
  /** Seconds to wait before retrying, from `Retry-After`. */
  readonly retryAfter: number | null;

  constructor(init: { status: number; code: string; message: string; detail?: string; fieldErrors?: FieldError[]; retryAfter?: number | null }) {
    super(init.message);
    this.name = 'ApiError';
    this.status = init.status;
    this.code = init.code;
    this.detail = init.detail;
    this.fieldErrors = init.fieldErrors ?? [];
    this.retryAfter = init.retryAfter ?? null;
  }
}

/** True for failures worth retrying: the network, or the server's own trouble (5xx). Never a 4xx. */
export function isTransientError(error: unknown): boolean {
  return error instanceof ApiError && (error.status === 0 || error.status >= 500);
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Query parameters; undefined, null and empty values are left out. */
  query?: Record<string, string | number | null | undefined>;
  /** JSON body. */
  body?: unknown;
  signal?: AbortSignal;
  /** Send the bearer token and recover from a 401 with one refresh (default true). */
  auth?: boolean;
}

function buildUrl(path: string, query: RequestOptions['query']): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return `${env.apiBaseUrl}${path}${search ? `?${search}` : ''}`;
}

async function toApiError(response: Response): Promise<ApiError> {
  let problem: Partial<Problem> = {};
  const type = response.headers.get('content-type') ?? '';
  if (type.includes('json')) {
    try {
      problem = (await response.json()) as typeof problem;
    } catch {
      // A broken error body still yields an error with the status.
    }
  }
  const retryAfter = Number(response.headers.get('retry-after'));
  return new ApiError({
    status: response.status,
    code: problem.code ?? `HTTP_${response.status}`,
    message: problem.detail || problem.title || `Request failed (${response.status})`,
    detail: problem.detail,
    fieldErrors: Array.isArray(problem.errors) ? problem.errors : [],
    retryAfter: Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : null,
  });
}

async function send(url: string, options: RequestOptions, token: string | null): Promise<Response> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (token) headers.authorization = `Bearer ${token}`;
  try {
    return await fetch(url, {
      method: options.method ?? 'GET',
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: options.signal,
      credentials: 'same-origin',
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError({ status: 0, code: 'NETWORK', message: 'The server could not be reached. Check your connection.' });
  }
}

/**
 * Calls the API and returns its parsed JSON (undefined for 204). A 401 on an authenticated call
 * triggers exactly one token refresh and one retry; if the refresh fails too, the session ends.
 */
export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const url = buildUrl(path, options.query);
  const useAuth = options.auth ?? true;
  let token = useAuth ? session.accessToken : null;
  let response = await send(url, options, token);
  if (response.status === 401 && useAuth && token) {
    const refreshed = await refreshSession();
    if (refreshed) {
      token = session.accessToken;
      response = await send(url, options, token);
    }
    if (!refreshed || response.status === 401) {
      endSession();
    }
  }
  if (!response.ok) throw await toApiError(response);
  if (response.status === 204 || response.status === 304) return undefined as T;
  return (await response.json()) as T;
}

let refreshTimer: ReturnType<typeof setTimeout> | undefined;
let refreshing: Promise<boolean> | null = null;

function scheduleRefresh(expiresInSeconds: number) {
  clearTimeout(refreshTimer);
  // Renew shortly before expiry; a very short lifetime renews at half-life instead.
  const lifetime = expiresInSeconds * 1000;
  const delay = Math.max(lifetime - env.refreshLeadMs, lifetime / 2, 1000);
  refreshTimer = setTimeout(() => void refreshSession(), delay);
}

/** Starts a session from a token response (sign-in, registration, refresh). */
export function startSession(tokens: TokenResponse): void {
  session.start(tokens);
  scheduleRefresh(tokens.expires_in);
}

/** Ends the session locally: forgets the token and stops renewing it. */
export function endSession(): void {
  clearTimeout(refreshTimer);
  if (session.getSnapshot().status !== 'signed-out') session.end();
}

async function postRefresh(): Promise<boolean> {
  // An empty object: the refresh token travels in the HttpOnly cookie, never through script.
  const response = await send(buildUrl('/api/auth/refresh', undefined), { method: 'POST', body: {} }, null).catch(() => null);
  if (!response?.ok) return false;
  startSession((await response.json()) as TokenResponse);
  return true;
}

/**
 * Exchanges the refresh cookie for a new token pair. Concurrent callers share one request, and tabs
 * take turns through a Web Lock: a rotated refresh token is single-use, so two tabs refreshing with
 * the same cookie at once would otherwise look like token theft and end the session.
 */
export function refreshSession(): Promise<boolean> {
  refreshing ??= (async () => {
    try {
      const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
      return locks ? await locks.request('marquee-auth-refresh', postRefresh) : await postRefresh();
    } catch {
      return false;
    } finally {
      refreshing = null;
    }
  })();
  return refreshing;
}

/** Restores the session on page load from the refresh cookie; ends it when there is none. */
export async function restoreSession(): Promise<void> {
  const ok = await refreshSession();
  if (!ok) endSession();
}
