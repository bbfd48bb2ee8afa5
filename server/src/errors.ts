/**
 * Errors are thrown, not built: services throw these helpers, and the error-handler plugin turns
 * every error into RFC 9457 problem+json.
 */
import type { ErrorCode, FieldError } from '@marquee/contracts';

export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly options: { errors?: FieldError[]; headers?: Record<string, string> } = {},
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const badRequest = (message: string, errors?: FieldError[]) =>
  new AppError(400, 'VALIDATION_FAILED', message, errors ? { errors } : {});

/** A single invalid field: `invalidField('/name', 'must not contain control characters')`. */
export const invalidField = (path: string, message: string) =>
  badRequest(`${path.slice(1)} ${message}`, [{ path, message }]);

export const unauthorized = (message = 'A valid access token is required.') =>
  new AppError(401, 'UNAUTHORIZED', message, { headers: { 'www-authenticate': 'Bearer' } });

export const invalidCredentials = () => new AppError(401, 'INVALID_CREDENTIALS', 'The email or password is incorrect.');

export const forbidden = (code: ErrorCode, message: string) => new AppError(403, code, message);

/** A title above the caller's profile's maturity limit. */
export const maturityRestricted = () => forbidden('MATURITY_RESTRICTED', 'This title is above this profile’s maturity limit.');

export const notFound = (what: string) => new AppError(404, 'NOT_FOUND', `The ${what} was not found.`);

export const conflict = (code: ErrorCode, message: string) => new AppError(409, code, message);

export const tooManyRequests = (retryAfterSeconds: number, code: ErrorCode = 'RATE_LIMITED', message = 'Too many requests; try again later.') =>
  new AppError(429, code, message, { headers: { 'retry-after': String(Math.max(1, Math.ceil(retryAfterSeconds))) } });

export const upstreamUnavailable = (retryAfterSeconds = 30) =>
  new AppError(503, 'UPSTREAM_UNAVAILABLE', 'The catalog provider is unavailable; try again shortly.', {
    headers: { 'retry-after': String(Math.max(1, Math.ceil(retryAfterSeconds))) },
  });
