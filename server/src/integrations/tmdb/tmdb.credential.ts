/**
 * Checking a TMDB credential before it is saved: `GET /authentication` answers 200 `{ "success": true }`
 * for a valid v3 key (`api_key` query) or v4 read token (`Authorization: Bearer`), and 401 with
 * `status_code: 7` otherwise. The credential never appears in an error or a log line.
 */
import { request } from 'undici';
import { upstreamUnavailable } from '../../errors.js';

export type TmdbCredentialKind = 'apiKey' | 'accessToken';

/**
 * Which kind a credential is: v4 read access tokens are JWTs (three dot-separated parts, far longer
 * than a key); v3 API keys are 32 hexadecimal characters.
 */
export function tmdbCredentialKind(credential: string): TmdbCredentialKind {
  return credential.split('.').length === 3 && credential.length > 40 ? 'accessToken' : 'apiKey';
}

/**
 * True when TMDB accepts the credential, false when it refuses it (401, or `success: false`).
 * TMDB unreachable, slow or answering anything else → 503 UPSTREAM_UNAVAILABLE (nothing is decided).
 */
export async function verifyTmdbCredential(baseUrl: string, credential: { kind: TmdbCredentialKind; value: string }, timeoutMs = 8_000): Promise<boolean> {
  const url = new URL(`${baseUrl.replace(/\/+$/, '')}/authentication`);
  const headers: Record<string, string> = { accept: 'application/json' };
  if (credential.kind === 'accessToken') headers.authorization = `Bearer ${credential.value}`;
  else url.searchParams.set('api_key', credential.value);
  let status: number;
  let body: unknown;
  try {
    const response = await request(url, { method: 'GET', headers, signal: AbortSignal.timeout(timeoutMs) });
    status = response.statusCode;
    const text = await response.body.text();
    try {
      body = JSON.parse(text);
    } catch {
      body = null;
    }
  } catch {
    // Network errors can name the URL (and so the key): nothing of them is passed on.
    throw upstreamUnavailable(30);
  }
  if (status === 401) return false;
  if (status === 200 && body !== null && typeof body === 'object') return (body as { success?: unknown }).success === true;
  throw upstreamUnavailable(30);
}
