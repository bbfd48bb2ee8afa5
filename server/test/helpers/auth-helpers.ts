/** Account helpers for HTTP tests: register users, sign in, and call protected routes. */
import { randomBytes } from 'node:crypto';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import type { TokenResponse } from '@marquee/contracts';

export const DEFAULT_PASSWORD = 'correct horse battery staple';

let counter = 0;

/** A fresh client address, so registrations in one test file do not share the per-client limit. */
export function uniqueClientIp(): string {
  counter += 1;
  return `10.${(counter >> 16) & 255}.${(counter >> 8) & 255}.${counter & 255}`;
}

/** A fresh, valid email address. */
export function uniqueEmail(label = 'user'): string {
  return `${label}-${randomBytes(5).toString('hex')}@example.com`;
}

export interface RegisteredUser extends TokenResponse {
  email: string;
  password: string;
  name: string;
}

/** Registers a user (201 expected) from a fresh client address; `overrides` replace the body fields. */
export async function registerUser(
  app: FastifyInstance,
  overrides: Partial<{ email: string; password: string; name: string }> = {},
): Promise<RegisteredUser> {
  const body = { email: uniqueEmail(), password: DEFAULT_PASSWORD, name: 'Ann Example', ...overrides };
  const res = await app.inject({ method: 'POST', url: '/api/auth/register', payload: body, remoteAddress: uniqueClientIp() });
  if (res.statusCode !== 201) throw new Error(`registration failed: ${res.statusCode} ${res.body}`);
  return { ...(res.json() as TokenResponse), email: body.email, password: body.password, name: body.name };
}

/** POST /api/auth/login with `email` and `password` (from a fresh client address unless given). */
export function login(app: FastifyInstance, email: string, password: string, remoteAddress = uniqueClientIp()): Promise<LightMyRequestResponse> {
  return app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password }, remoteAddress });
}

/** POST /api/auth/refresh with a refresh token in the body. */
export function refresh(app: FastifyInstance, refreshToken: string): Promise<LightMyRequestResponse> {
  return app.inject({ method: 'POST', url: '/api/auth/refresh', payload: { refresh_token: refreshToken } });
}

/** A request with `Authorization: Bearer <accessToken>`. */
export function withBearer(app: FastifyInstance, accessToken: string, options: InjectOptions): Promise<LightMyRequestResponse> {
  return app.inject({ ...options, headers: { ...options.headers, authorization: `Bearer ${accessToken}` } });
}

/** GET /api/auth/me with the given access token. */
export function me(app: FastifyInstance, accessToken: string): Promise<LightMyRequestResponse> {
  return withBearer(app, accessToken, { method: 'GET', url: '/api/auth/me' });
}

