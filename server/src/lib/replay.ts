/**
 * The replay: answers already held in memory, sent straight from the HTTP server's request
 * listener, in front of Fastify's router.
 *
 * A cached hit spends most of its time in the per-request pipeline (routing, hooks, header
 * bookkeeping), not in sending its ready bytes. Two kinds of answers skip it:
 *
 * - Public catalog answers. After a catalog route has answered a plain `GET` with a fresh cached
 *   answer, the answer is remembered with the headers the pipeline gave it, keyed by the exact URL;
 *   until its freshness ends, the same URL gets the same bytes and headers, `Cache-Control`
 *   counting down.
 * - Answers a route can find in memory per request (`fromMemory`): "My List" when the caller's
 *   token was verified before, their session is known live and their list is cached — exactly the
 *   checks and caches the routed request uses, so the two cannot disagree.
 *
 * Either way the answer gets a new request id, a 304 for a matching `If-None-Match` and Brotli/gzip
 * as `sendAnswer` would. Only `GET` without an `Origin` header (CORS answers go through the router)
 * is replayed, never once the server is closing. Anything else — a miss, a stale answer, an unknown
 * token, `HEAD` — goes to the router as before, and answering it there is what refills the replay.
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

/** Ready bytes and their strong ETag. */
type Answer = { body: Buffer; etag: string };

interface Replayable {
  answer: CachedAnswer;
  /** The headers the pipeline set that do not depend on the request (security headers, `Vary`). */
  headers: Record<string, string>;
}

/** What a `fromMemory` route finds for a request, or undefined to hand the request to the router. */
export type MemoryLookup = (req: IncomingMessage) => { answer: Answer; cacheControl: string } | undefined;

interface MemoryRoute {
  lookup: MemoryLookup;
  /** The static headers of the route's last routed answer; null until it has answered once. */
  headers: Record<string, string> | null;
}

interface Variant {
  status: 200 | 304;
  /**
   * Every header of the response as a flat `[name, value, …]` list, request id and `Cache-Control`
   * first: their values (indexes 1 and 3) are rewritten in place before each `writeHead`, which
   * serialises the list at once. A list is walked by index, where an object is walked key by key
   * through lookups that differ in shape from one answer to the next.
   */
  headers: string[];
  body: Buffer | null;
}

/** Variants kept per answer; past that (unusual header values) a request is represented afresh. */
const MAX_VARIANTS = 16;

/** Headers set per request or per representation; everything else the pipeline set is replayed. */
const PER_REQUEST = new Set(['x-request-id', 'cache-control', 'etag', 'content-type', 'content-encoding', 'content-length', 'vary']);

/** The headers `reply` carries that do not depend on the request, `Vary` extended with `Accept-Encoding`. */
function staticHeaders(reply: FastifyReply): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(reply.getHeaders())) {
    if (typeof value === 'string' && !PER_REQUEST.has(name)) headers[name] = value;
  }
  headers.vary = varyWithEncoding(reply.getHeader('vary'));
  return headers;
}

export class AnswerReplay {
  private readonly answers = new LRUCache<string, Replayable>({ max: 2_000 });
  private readonly memoryRoutes = new Map<string, MemoryRoute>();
  /** Ready responses per answer (held weakly: they go with the answer), by `Accept-Encoding` + `If-None-Match`. */
  private readonly variants = new WeakMap<Answer, Map<string, Variant>>();
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
    this.answers.set(request.url, { answer, headers: staticHeaders(reply) });
  }

  /** Lets `lookup` answer `GET path` (no query) from memory; the route calls `routed` whenever it answers. */
  fromMemory(path: string, lookup: MemoryLookup): void {
    this.memoryRoutes.set(path, { lookup, headers: null });
  }

  /** Called by a `fromMemory` route before it sends a 200: keeps the headers the pipeline gave it. */
  routed(path: string, request: FastifyRequest, reply: FastifyReply): void {
    const route = this.memoryRoutes.get(path);
    if (route && request.headers.origin === undefined) route.headers = staticHeaders(reply);
  }

  /** Answers `req` when its answer is in memory; false hands it to the router. */
  serve(req: IncomingMessage, res: ServerResponse): boolean {
    if (!this.open || req.method !== 'GET' || req.url === undefined || req.headers.origin !== undefined) return false;
    const startedAt = this.logsRequests ? performance.now() : 0;
    let answer: Answer;
    let headers: Record<string, string>;
    let cacheControl: string;
    const hit = this.answers.get(req.url);
    if (hit !== undefined) {
      const now = Date.now();
      if (now >= hit.answer.freshUntil) {
        this.answers.delete(req.url);
        return false;
      }
      ({ answer, headers } = hit);
      cacheControl = cacheControlOf(hit.answer, now);
    } else {
      const route = this.memoryRoutes.get(req.url);
      if (route === undefined || route.headers === null) return false;
      const found = route.lookup(req);
      if (found === undefined) return false;
      ({ answer, cacheControl } = found);
      headers = route.headers;
    }
    const requestId = requestIdOf(req.headers);
    const variant = this.variant(answer, headers, req.headers['accept-encoding'], req.headers['if-none-match']);
    const { status, body } = variant;
    variant.headers[1] = requestId;
    variant.headers[3] = cacheControl;
    res.writeHead(status, variant.headers);
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

  private variant(answer: Answer, staticHeaders: Record<string, string>, acceptEncoding: string | undefined, ifNoneMatch: string | undefined): Variant {
    let variants = this.variants.get(answer);
    if (variants === undefined) this.variants.set(answer, (variants = new Map()));
    const key = `${acceptEncoding ?? ''}\n${ifNoneMatch ?? ''}`;
    let variant = variants.get(key);
    if (variant === undefined) {
      const { status, headers, body } = represent(answer, '', acceptEncoding, ifNoneMatch);
      const list = ['x-request-id', '', 'cache-control', ''];
      for (const [name, value] of Object.entries({ ...staticHeaders, ...headers, ...(body ? { 'content-length': String(body.length) } : {}) })) {
        if (name !== 'x-request-id' && name !== 'cache-control') list.push(name, value);
      }
      variant = { status, headers: list, body };
      if (variants.size < MAX_VARIANTS) variants.set(key, variant);
    }
    return variant;
  }

  /** Stops replaying: while the server drains, every request goes through the router. */
  close(): void {
    this.open = false;
    this.answers.clear();
    this.memoryRoutes.clear();
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
