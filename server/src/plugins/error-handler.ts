/**
 * One error handler for the whole API: every error, thrown by a service, by validation, by Fastify
 * itself before routing (`frameworkErrors`) or by Node's HTTP parser (`clientErrorHandler`), leaves
 * as RFC 9457 problem+json with the security headers. 5xx answers say nothing about internals; a
 * database that cannot be reached or is too slow is a 503 with `Retry-After`, never a 500.
 */
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import fp from 'fastify-plugin';
import sjson from 'secure-json-parse';
import type { ErrorCode, FieldError, Problem } from '@marquee/contracts';
import { isDatabaseUnavailable } from '../db/failures.js';
import { AppError, invalidField } from '../errors.js';
import { SECURITY_HEADERS } from './security.js';

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  408: 'Request Timeout',
  409: 'Conflict',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  431: 'Request Header Fields Too Large',
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
  431: 'PAYLOAD_TOO_LARGE',
  429: 'RATE_LIMITED',
  503: 'UPSTREAM_UNAVAILABLE',
};

/** Seconds a client is asked to wait while the database is unreachable. */
const DATABASE_RETRY_AFTER_SECONDS = 2;
/** An outage is logged once per this many ms (with the number of requests it refused), not per request. */
const DATABASE_WARNING_INTERVAL_MS = 10_000;

function problemBody(status: number, code: ErrorCode, detail: string, errors?: FieldError[]): string {
  const body: Problem = {
    type: `https://marquee.dev/problems/${code.toLowerCase().replaceAll('_', '-')}`,
    title: TITLES[status] ?? STATUS_CODES[status] ?? 'Error',
    status,
    detail,
    code,
    ...(errors ? { errors } : {}),
  };
  return JSON.stringify(body);
}

/** Sends a problem+json answer. */
export function sendProblem(
  reply: FastifyReply,
  status: number,
  code: ErrorCode,
  detail: string,
  extra: { errors?: FieldError[]; headers?: Record<string, string> } = {},
): FastifyReply {
  if (extra.headers) reply.headers(extra.headers);
  return reply.code(status).type('application/problem+json; charset=utf-8').send(problemBody(status, code, detail, extra.errors));
}

/**
 * Fastify's `frameworkErrors`: errors found before a route is chosen (a path with bad
 * percent-encoding, `FST_ERR_BAD_URL`; an overlong path parameter). No route hook has run, so the security headers are added here.
 */
export function frameworkErrors(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  reply.header('x-request-id', request.id).headers(SECURITY_HEADERS);
  // A path parameter longer than the router takes names no resource.
  if (error.code === 'FST_ERR_MAX_PARAM_LENGTH') return void sendProblem(reply, 404, 'NOT_FOUND', 'No such resource.');
  const detail = error.code === 'FST_ERR_BAD_URL' ? 'The request path is not valid percent-encoded UTF-8.' : 'The request is invalid.';
  void sendProblem(reply, 400, 'VALIDATION_FAILED', detail);
}

const CLIENT_ERRORS: Record<string, { status: number; code: ErrorCode; detail: string }> = {
  HPE_HEADER_OVERFLOW: { status: 431, code: 'PAYLOAD_TOO_LARGE', detail: 'The request line or headers are too large.' },
  HPE_INVALID_METHOD: { status: 405, code: 'METHOD_NOT_ALLOWED', detail: 'The request method is not supported.' },
  ERR_HTTP_REQUEST_TIMEOUT: { status: 408, code: 'VALIDATION_FAILED', detail: 'The request was not received in time.' },
};

/**
 * Fastify's `clientErrorHandler`: a request Node's HTTP parser refused (headers or URL too large,
 * an unknown method, bad syntax) gets a problem+json answer with the security headers, and the
 * connection is closed, as the parser cannot continue on it.
 */
export function clientErrorHandler(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy();
    return;
  }
  const { status, code, detail } = CLIENT_ERRORS[error.code ?? ''] ?? { status: 400, code: 'VALIDATION_FAILED' as const, detail: 'The request is not valid HTTP.' };
  const body = problemBody(status, code, detail);
  const headers = {
    ...SECURITY_HEADERS,
    'content-type': 'application/problem+json; charset=utf-8',
    'content-length': String(Buffer.byteLength(body)),
    connection: 'close',
  };
  const head = Object.entries(headers)
    .map(([name, value]) => `${name}: ${value}\r\n`)
    .join('');
  socket.end(`HTTP/1.1 ${status} ${STATUS_CODES[status] ?? 'Error'}\r\n${head}\r\n${body}`);
}

const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** A route that declares no body takes none: `{}` or nothing; any field is unknown → 400. */
function refuseBody(request: FastifyRequest, _reply: FastifyReply, done: (error?: Error) => void): void {
  const body: unknown = request.body;
  if (body === undefined) return done();
  if (typeof body === 'object' && body !== null && !Array.isArray(body)) {
    const fields = Object.keys(body);
    if (fields.length === 0) return done();
    const errors = fields.map((field) => ({ path: `/${field}`, message: 'is not an allowed field' }));
    return done(new AppError(400, 'VALIDATION_FAILED', `The request body is invalid: /${fields[0]} is not an allowed field.`, { errors }));
  }
  done(invalidField('/', 'must be empty: this request takes no body'));
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
    let lastDatabaseWarning = 0;
    let refusedSinceWarning = 0;
    app.setErrorHandler((error: FastifyError | AppError, request: FastifyRequest, reply: FastifyReply) => {
      if (error instanceof AppError) {
        return sendProblem(reply, error.status, error.code, error.message, error.options);
      }
      if (isDatabaseUnavailable(error)) {
        refusedSinceWarning += 1;
        if (Date.now() - lastDatabaseWarning >= DATABASE_WARNING_INTERVAL_MS) {
          request.log.warn({ err: error, refused: refusedSinceWarning }, 'database unavailable: answering 503');
          lastDatabaseWarning = Date.now();
          refusedSinceWarning = 0;
        }
        return sendProblem(reply, 503, 'SERVICE_UNAVAILABLE', 'The database is unavailable; try again shortly.', {
          headers: { 'retry-after': String(DATABASE_RETRY_AFTER_SECONDS) },
        });
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

    app.addHook('onRoute', (route: RouteOptions) => {
      if (route.schema?.body || ![route.method].flat().some((method) => BODY_METHODS.has(method))) return;
      const existing = route.preValidation ? [route.preValidation].flat() : [];
      route.preValidation = [...existing, refuseBody] as RouteOptions['preValidation'];
    });

    // JSON bodies: empty → undefined (so body-less POSTs with a JSON content type still work and
    // routes that need a body fail validation), invalid → 400, a `__proto__` key or a
    // `constructor.prototype` (prototype poisoning) → 400 like any other unknown field.
    // Bodies are JSON only: without this, Fastify's built-in text/plain parser would let a text
    // body through to validation (400) instead of answering 415.
    app.removeContentTypeParser('text/plain');
    app.removeContentTypeParser('application/json');
    app.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => {
      const text = typeof body === 'string' ? body : body.toString('utf8');
      if (text.trim() === '') return done(null, undefined);
      try {
        const parsed: unknown = sjson.parse(text, null, { protoAction: 'error', constructorAction: 'error' });
        done(null, parsed);
      } catch (failure) {
        if (failure instanceof SyntaxError && failure.message.includes('forbidden')) {
          // secure-json-parse names neither key: a `__proto__` key, else a `constructor.prototype`.
          const field = /"__proto__"\s*:/.test(text) ? '/__proto__' : '/constructor';
          done(invalidField(field, 'is not an allowed field') as unknown as FastifyError, undefined);
          return;
        }
        const error = new Error('invalid JSON') as FastifyError;
        (error as { code: string }).code = 'FST_ERR_CTP_INVALID_JSON_BODY';
        done(error, undefined);
      }
    });
  },
  { name: 'error-handler' },
);

/** 404 for unknown `/api` paths (and anything else when no web app is built). */
export function apiNotFound(request: FastifyRequest, reply: FastifyReply): FastifyReply {
  return sendProblem(reply, 404, 'NOT_FOUND', `No route ${request.method} ${request.url.split('?')[0]}.`);
}
