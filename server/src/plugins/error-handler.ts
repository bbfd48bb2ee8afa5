/**
 * One error handler for the whole API: every error, thrown by a service, by validation or by
 * Fastify itself, leaves as RFC 9457 problem+json. 5xx answers say nothing about internals.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { ErrorCode, FieldError, Problem } from '@marquee/contracts';
import { AppError } from '../errors.js';

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

const CODES_BY_STATUS: Record<number, ErrorCode> = {
  400: 'VALIDATION_FAILED',
  401: 'UNAUTHORIZED',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'RATE_LIMITED',
  503: 'UPSTREAM_UNAVAILABLE',
};

/** Sends a problem+json answer. */
export function sendProblem(
  reply: FastifyReply,
  status: number,
  code: ErrorCode,
  detail: string,
  extra: { errors?: FieldError[]; headers?: Record<string, string> } = {},
): FastifyReply {
  const body: Problem = {
    type: `https://marquee.dev/problems/${code.toLowerCase().replaceAll('_', '-')}`,
    title: TITLES[status] ?? 'Error',
    status,
    detail,
    code,
    ...(extra.errors ? { errors: extra.errors } : {}),
  };
  if (extra.headers) reply.headers(extra.headers);
  return reply.code(status).type('application/problem+json; charset=utf-8').send(JSON.stringify(body));
}

interface AjvLikeError {
  instancePath: string;
  keyword: string;
  message?: string;
  params: Record<string, unknown>;
}

function fieldErrors(validation: AjvLikeError[]): FieldError[] {
  return validation.map((error) => {
    let path = error.instancePath || '';
    let message = error.message ?? 'is invalid';
    if (error.keyword === 'required') path += `/${String(error.params.missingProperty)}`;
    if (error.keyword === 'additionalProperties') {
      path += `/${String(error.params.additionalProperty)}`;
      message = 'is not an allowed field';
    }
    if (error.keyword === 'pattern' || error.keyword === 'format') message = 'has an invalid format';
    return { path: path || '/', message };
  });
}

export const errorHandlerPlugin = fp(
  async (app: FastifyInstance) => {
    app.setErrorHandler((error: FastifyError | AppError, request: FastifyRequest, reply: FastifyReply) => {
      if (error instanceof AppError) {
        return sendProblem(reply, error.status, error.code, error.message, error.options);
      }
      if (error.validation) {
        const errors = fieldErrors(error.validation as AjvLikeError[]);
        const where = error.validationContext === 'body' ? 'request body' : (error.validationContext ?? 'request');
        const first = errors[0];
        const detail = first ? `The ${where} is invalid: ${first.path} ${first.message}.` : `The ${where} is invalid.`;
        return sendProblem(reply, 400, 'VALIDATION_FAILED', detail, { errors });
      }
      switch (error.code) {
        case 'FST_ERR_CTP_BODY_TOO_LARGE':
          return sendProblem(reply, 413, 'PAYLOAD_TOO_LARGE', 'The request body is larger than 64 KiB.');
        case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
          return sendProblem(reply, 415, 'UNSUPPORTED_MEDIA_TYPE', 'The request body must be application/json.');
        case 'FST_ERR_CTP_EMPTY_JSON_BODY':
        case 'FST_ERR_CTP_INVALID_JSON_BODY':
          return sendProblem(reply, 400, 'MALFORMED_JSON', 'The request body is not valid JSON.');
      }
      const status = typeof error.statusCode === 'number' ? error.statusCode : 500;
      if (status >= 400 && status < 500) {
        const code = CODES_BY_STATUS[status] ?? 'VALIDATION_FAILED';
        return sendProblem(reply, status, code, status === 400 ? 'The request is invalid.' : (TITLES[status] ?? 'Request failed.'));
      }
      request.log.error({ err: error }, 'unhandled error');
      return sendProblem(reply, 500, 'INTERNAL', 'An unexpected error occurred.');
    });

    // JSON bodies: empty → undefined (so body-less POSTs with a JSON content type still work and
    // routes that need a body fail validation), invalid → 400, prototype poisoning → 400.
    // Bodies are JSON only: without this, Fastify's built-in text/plain parser would let a text
    // body through to validation (400) instead of answering 415.
    app.removeContentTypeParser('text/plain');
    app.removeContentTypeParser('application/json');
    app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => {
      const text = typeof body === 'string' ? body : body.toString('utf8');
      if (text.trim() === '') return done(null, undefined);
      try {
        const parsed: unknown = JSON.parse(text, (key, value: unknown) => (key === '__proto__' ? undefined : value));
        done(null, parsed);
      } catch {
        const error = new Error('invalid JSON') as FastifyError;
        (error as { code: string }).code = 'FST_ERR_CTP_INVALID_JSON_BODY';
        done(error, undefined);
      }
    });
  },
  { name: 'error-handler' },
);

/**
 * Fastify's `frameworkErrors`: what its router refuses before any hook runs — a path that is not
 * valid percent-encoding (400), a path parameter longer than the router takes (404: no resource has
 * such an id) — answered as problem+json with the security headers, never Fastify's own JSON.
 */
export function frameworkError(headers: Readonly<Record<string, string>>) {
  return (error: FastifyError, request: FastifyRequest, reply: FastifyReply): FastifyReply => {
    reply.header('x-request-id', request.id).headers(headers);
    if (error.code === 'FST_ERR_MAX_PARAM_LENGTH') return sendProblem(reply, 404, 'NOT_FOUND', 'No such resource.');
    return sendProblem(reply, 400, 'VALIDATION_FAILED', 'The request URL is not valid.');
  };
}

/** 404 for unknown `/api` paths (and anything else when no web app is built). */
export function apiNotFound(request: FastifyRequest, reply: FastifyReply): FastifyReply {
  return sendProblem(reply, 404, 'NOT_FOUND', `No route ${request.method} ${request.url.split('?')[0]}.`);
}
