/**
 * The replay: public catalog answers sent again straight from memory, in front of the router.
 *
 * A cached catalog hit spends most of its time in the per-request pipeline (routing, hooks, a child
 * logger, header bookkeeping), not in sending its ready bytes. So after a catalog route has answered
 * a plain `GET` with a fresh cached answer, the answer is remembered here with the headers the
 * pipeline gave it, keyed by the exact request URL; until that answer's freshness ends, the same URL
 * is answered by the HTTP server's request listener without entering Fastify — same bytes, same
 * headers, a new request id, `Cache-Control` counting down, 304 and Brotli/gzip as `sendAnswer` does.
 *
 * Only what cannot differ between two requests for the same URL is replayed: `GET` without an
 * `Origin` header (CORS answers go through the router), answers marked `public`, never once the
 * server is closing. Anything else — a miss, a stale answer, `HEAD`, another method — goes to the
 * router as before, and answering it there is what refills the replay.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerOptions, type ServerResponse } from 'node:http';
import type { FastifyBaseLogger, FastifyReply, FastifyRequest } from 'fastify';
import { LRUCache } from 'lru-cache';
import { cacheControlOf, represent, varyWithEncoding, type CachedAnswer } from './cache.js';

/** The request id: the caller's `X-Request-Id` when it is a safe token, else a new UUID. */
export function requestIdOf(headers: IncomingHttpHeaders): string {
  const given = headers['x-request-id'];
  return typeof given === 'string' && /^[\w-]{1,64}$/.test(given) ? given : randomUUID();
}

interface Replayable {
  answer: CachedAnswer;
  /** The headers the pipeline set that do not depend on the request (security headers, `Vary`). */
  headers: Record<string, string>;
  /** Ready responses by `Accept-Encoding` + `If-None-Match`. */
  variants: Map<string, Variant>;
}

interface Variant {
  status: 200 | 304;
  /**
   * Every header of the response. `x-request-id` and `cache-control` are rewritten in place before
   * each `writeHead`, which serialises the object at once: one shape, no per-request header object.
   */
  headers: Record<string, string>;
  body: Buffer | null;
}

/** Variants kept per answer; past that (unusual header values) a request is represented afresh. */
const MAX_VARIANTS = 16;

/** Headers set per request or per representation; everything else the pipeline set is replayed. */
const PER_REQUEST = new Set(['x-request-id', 'cache-control', 'etag', 'content-type', 'content-encoding', 'content-length', 'vary']);

export class AnswerReplay {
  private readonly answers = new LRUCache<string, Replayable>({ max: 2_000 });
  private open = true;
  private log: FastifyBaseLogger | null = null;
  /** Whether request lines are logged (`info` or finer), as Fastify logs routed requests. */
  private logsRequests = false;

  /** Logs replayed requests to `log` as Fastify logs routed ones (the app's logger exists after the server). */
  logTo(log: FastifyBaseLogger): void {
    this.log = log;
    this.logsRequests = ['info', 'debug', 'trace'].includes(log.level);
  }

  /** Called by a route before it sends `answer` with `sendCached`: remembers it for its URL. */
  remember(request: FastifyRequest, reply: FastifyReply, answer: CachedAnswer): void {
    if (!this.open || request.method !== 'GET' || request.headers.origin !== undefined) return;
    if (Date.now() >= answer.freshUntil) return;
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(reply.getHeaders())) {
      if (typeof value === 'string' && !PER_REQUEST.has(name)) headers[name] = value;
    }
    headers.vary = varyWithEncoding(reply.getHeader('vary'));
    this.answers.set(request.url, { answer, headers, variants: new Map() });
  }

  /** Answers `req` when a fresh answer is remembered for it; false hands it to the router. */
  serve(req: IncomingMessage, res: ServerResponse): boolean {
    if (!this.open || req.method !== 'GET' || req.url === undefined || req.headers.origin !== undefined) return false;
    const hit = this.answers.get(req.url);
    if (hit === undefined) return false;
    const startedAt = this.logsRequests ? performance.now() : 0;
    const now = Date.now();
    if (now >= hit.answer.freshUntil) {
      this.answers.delete(req.url);
      return false;
    }
    const requestId = requestIdOf(req.headers);
    const { status, headers, body } = this.variant(hit, req.headers['accept-encoding'], req.headers['if-none-match']);
    headers['x-request-id'] = requestId;
    headers['cache-control'] = cacheControlOf(hit.answer, now);
    res.writeHead(status, headers);
    if (body) res.end(body);
    else res.end();
    if (this.logsRequests) {
      this.log?.info(
        { reqId: requestId, req: { method: req.method, url: req.url }, res: { statusCode: status }, responseTime: performance.now() - startedAt, replayed: true },
        'request completed',
      );
    }
    return true;
  }

  private variant(hit: Replayable, acceptEncoding: string | undefined, ifNoneMatch: string | undefined): Variant {
    const key = `${acceptEncoding ?? ''}\n${ifNoneMatch ?? ''}`;
    let variant = hit.variants.get(key);
    if (variant === undefined) {
      const { status, headers, body } = represent(hit.answer, '', acceptEncoding, ifNoneMatch);
      variant = { status, headers: { 'x-request-id': '', ...hit.headers, ...headers, ...(body ? { 'content-length': String(body.length) } : {}) }, body };
      if (hit.variants.size < MAX_VARIANTS) hit.variants.set(key, variant);
    }
    return variant;
  }

  /** Stops replaying: while the server drains, every request goes through the router. */
  close(): void {
    this.open = false;
    this.answers.clear();
  }
}

/**
 * Fastify's `serverFactory`: the node:http server Fastify would create (same timeouts), whose
 * request listener offers each request to the replay first.
 */
export function replayingServer(
  handler: (req: IncomingMessage, res: ServerResponse) => void,
  options: { http?: ServerOptions; keepAliveTimeout?: number; requestTimeout?: number; connectionTimeout?: number; maxRequestsPerSocket?: number },
  replay: AnswerReplay,
): Server {
  const server = createServer(options.http ?? {}, (req, res) => {
    if (!replay.serve(req, res)) handler(req, res);
  });
  if (options.keepAliveTimeout !== undefined) server.keepAliveTimeout = options.keepAliveTimeout;
  if (options.requestTimeout !== undefined) server.requestTimeout = options.requestTimeout;
  server.setTimeout(options.connectionTimeout ?? 0);
  if (options.maxRequestsPerSocket) server.maxRequestsPerSocket = options.maxRequestsPerSocket;
  return server;
}
