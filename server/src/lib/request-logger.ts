/**
 * Request logging that costs nothing unless a line is written.
 *
 * - Request loggers are made on first use. Fastify gives every request a child logger bound to its
 *   request id; making a pino child (bindings serialised, serializers and redaction carried over) is
 *   a measurable share of a cached answer's cost, and at `warn` and above most requests never log.
 *   `lazyChildLogger` stands in for the child and makes the real one only when a line is written.
 * - One line per request (`request completed`, with its status and time) at `info`, instead of
 *   Fastify's two; health checks are not logged.
 */
import { randomBytes } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { LogController, type FastifyBaseLogger, type FastifyReply, type FastifyRequest, type FastifyServerOptions } from 'fastify';

/**
 * This process's part of the ids it gives: random, so ids stay unique across the instances of a
 * fleet and their restarts; a sequence number tells this process's requests apart. (A UUID per
 * request drew on the random generator each time: a measurable share of a cached answer's cost.)
 */
const processPart = randomBytes(6).toString('base64url');
let sequence = 0;

/** The request id: the caller's `X-Request-Id` when it is a safe token, else a new one (`<process>-<sequence>`). */
export function requestIdOf(headers: IncomingHttpHeaders): string {
  const given = headers['x-request-id'];
  return typeof given === 'string' && /^[\w-]{1,64}$/.test(given) ? given : `${processPart}-${(++sequence).toString(36)}`;
}

type Level = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace';
type Bindings = Parameters<FastifyBaseLogger['child']>[0];
type ChildOptions = Parameters<FastifyBaseLogger['child']>[1];

/** pino's loggers answer this; Fastify's disabled logger does not (and writes nothing). */
function enabled(logger: FastifyBaseLogger, level: Level): boolean {
  const { isLevelEnabled } = logger as { isLevelEnabled?: (level: string) => boolean };
  return typeof isLevelEnabled === 'function' && isLevelEnabled.call(logger, level);
}

class LazyChildLogger implements Pick<FastifyBaseLogger, Level | 'child' | 'silent'> {
  private made: FastifyBaseLogger | undefined;

  constructor(
    private readonly parent: FastifyBaseLogger,
    private readonly bindings: Bindings,
    private readonly options: ChildOptions,
  ) {}

  get level(): string {
    return this.made?.level ?? this.parent.level;
  }

  set level(level: string) {
    this.real().level = level;
  }

  fatal(...args: unknown[]) {
    this.write('fatal', args);
  }
  error(...args: unknown[]) {
    this.write('error', args);
  }
  warn(...args: unknown[]) {
    this.write('warn', args);
  }
  info(...args: unknown[]) {
    this.write('info', args);
  }
  debug(...args: unknown[]) {
    this.write('debug', args);
  }
  trace(...args: unknown[]) {
    this.write('trace', args);
  }
  silent() {}

  child(bindings: Bindings, options?: ChildOptions): FastifyBaseLogger {
    return this.real().child(bindings, options);
  }

  private real(): FastifyBaseLogger {
    return (this.made ??= this.parent.child(this.bindings, this.options));
  }

  private write(level: Level, args: unknown[]): void {
    // A level set on this request's logger wins; else the parent decides, without making a child.
    if (this.made ? enabled(this.made, level) : enabled(this.parent, level)) {
      (this.real()[level] as (...a: unknown[]) => void)(...args);
    }
  }
}

/** Fastify's `childLoggerFactory`: a request logger that becomes a pino child when it first writes. */
export const lazyChildLogger: NonNullable<FastifyServerOptions['childLoggerFactory']> = (logger, bindings, options) =>
  new LazyChildLogger(logger, bindings, options) as unknown as FastifyBaseLogger;

/** Paths polled by load balancers and orchestrators: logging them would drown everything else. */
const HEALTH_CHECKS = new Set(['/healthz', '/readyz']);

/**
 * Fastify's request log lines, one per request: `request completed` (status and time) — not
 * `incoming request` as well — and none for health checks.
 */
class OneLinePerRequest extends LogController {
  constructor() {
    super({ disableRequestLogging: (request) => HEALTH_CHECKS.has(request.url) });
  }

  override incomingRequest(): void {}

  /** The request itself (method, URL, client) rides on its completion line. */
  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply): void {
    if (this.isLogDisabled(request)) return;
    if (error) reply.log.error({ req: request, res: reply, err: error, responseTime: reply.elapsedTime }, 'request errored');
    else reply.log.info({ req: request, res: reply, responseTime: reply.elapsedTime }, 'request completed');
  }
}

/** The app's `logController`. */
export const requestLogController = (): LogController => new OneLinePerRequest();
