/**
 * The two kinds of token. Access tokens are short-lived HS256 JWTs naming a user (`sub`), a
 * session (`sid`) and the session's profile (`pid`); refresh tokens are opaque random strings the database knows only by their
 * SHA-256. The access token carries `typ: at+jwt` and an audience, and the verifier demands both
 * and HS256 alone, so `alg: none`, another algorithm, another secret or an opaque refresh token
 * never passes as an access token; a JWT is never a stored refresh token, so the reverse fails too.
 */
import { createHash, randomBytes } from 'node:crypto';
import { SignJWT, errors, jwtVerify, type JWTPayload } from 'jose';
import { LRUCache } from 'lru-cache';

/** Access token lifetime, also `expires_in` of every TokenResponse. */
export const ACCESS_TOKEN_TTL_SECONDS = 900;
/** A refresh token lives 30 days unless its session ends first. */
export const REFRESH_TOKEN_TTL_SECONDS = 30 * 24 * 60 * 60;
/** A session (a rotation family) ends 90 days after sign-in, however often it is refreshed. */
export const SESSION_TTL_SECONDS = 90 * 24 * 60 * 60;

const ALGORITHM = 'HS256';
const TOKEN_TYPE = 'at+jwt';
const ISSUER = 'marquee';
const AUDIENCE = 'marquee:api';

/** What a verified access token says. Whether its session is live, and on that profile, is checked apart. */
export interface AccessClaims {
  readonly userId: string;
  readonly sessionId: string;
  readonly profileId: string;
}

interface Verified {
  claims: AccessClaims;
  /** `exp` in milliseconds. */
  expiresAt: number;
}

/**
 * Signs access tokens with the app's secret; verifies them with it or, during a rotation, with the
 * previous secret (`JWT_SECRET_PREVIOUS`).
 */
export class AccessTokens {
  private readonly key: Uint8Array;
  private readonly previousKey: Uint8Array | null;
  /**
   * Tokens already verified, until their `exp`. A signature check is a pure function of the token
   * and the secret, so remembering its result is exact; whether the session is still live is
   * checked on every request regardless. Saves an HMAC (and WebCrypto's key import) per request.
   */
  private readonly verified = new LRUCache<string, Verified>({ max: 20_000 });

  constructor(secret: string, previous: string | null = null) {
    this.key = new TextEncoder().encode(secret);
    this.previousKey = previous === null ? null : new TextEncoder().encode(previous);
  }

  /** A JWT for `userId` in `sessionId` on `profileId`, valid for ACCESS_TOKEN_TTL_SECONDS from now. */
  sign(claims: AccessClaims, now = new Date()): Promise<string> {
    const iat = Math.floor(now.getTime() / 1000);
    return new SignJWT({ sid: claims.sessionId, pid: claims.profileId })
      .setProtectedHeader({ alg: ALGORITHM, typ: TOKEN_TYPE })
      .setSubject(claims.userId)
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt(iat)
      .setExpirationTime(iat + ACCESS_TOKEN_TTL_SECONDS)
      .sign(this.key);
  }

  /** The claims of a valid, unexpired access token, or null for anything else. */
  async verify(token: string): Promise<AccessClaims | null> {
    const known = this.verified.get(token);
    if (known) {
      if (known.expiresAt > Date.now()) return known.claims;
      this.verified.delete(token);
      return null;
    }
    try {
      const payload = await this.payloadOf(token);
      const { sub, sid, pid } = payload;
      if (typeof sub !== 'string' || typeof sid !== 'string' || typeof pid !== 'string') return null;
      if (!UUID.test(sub) || !UUID.test(sid) || !UUID.test(pid)) return null;
      // Frozen: the same object answers every later request with this token.
      const claims: AccessClaims = Object.freeze({ userId: sub, sessionId: sid, profileId: pid });
      this.verified.set(token, { claims, expiresAt: (payload.exp as number) * 1000 });
      return claims;
    } catch {
      return null;
    }
  }

  /** The verified payload; a signature the current secret refuses is tried with the previous one. */
  private async payloadOf(token: string): Promise<JWTPayload> {
    const options = { algorithms: [ALGORITHM], typ: TOKEN_TYPE, issuer: ISSUER, audience: AUDIENCE, requiredClaims: ['sub', 'sid', 'pid', 'iat', 'exp'] };
    try {
      return (await jwtVerify(token, this.key, options)).payload;
    } catch (error) {
      if (this.previousKey === null || !(error instanceof errors.JWSSignatureVerificationFailed)) throw error;
      return (await jwtVerify(token, this.previousKey, options)).payload;
    }
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A new opaque refresh token: 32 random bytes, base64url (43 characters). */
export function newRefreshToken(): string {
  return randomBytes(32).toString('base64url');
}

/** The only form in which a refresh token is stored: hex SHA-256. */
export function hashRefreshToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}
