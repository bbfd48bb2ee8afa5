/**
 * Which errors mean "the database cannot be reached or is too slow" rather than "this query is
 * wrong": the server restarting or shutting down, a refused, reset or timed-out connection, a
 * connection that broke earlier, a pool that could not lend a connection in time, a statement or
 * query timeout. Such an error answers 503 with `Retry-After`, never 500.
 */

/** SQLSTATEs of a server that is going away or is not (yet) there: class 08, 57P0x, 53300, 57014. */
const UNAVAILABLE_SQLSTATES = new Set([
  '57P01', // admin_shutdown (a fast restart or stop)
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now (starting up, shutting down, in recovery)
  '57P04', // database_dropped
  '57P05', // idle_session_timeout
  '57014', // query_canceled: the statement timeout
  '53300', // too_many_connections
  '25P03', // idle_in_transaction_session_timeout
]);

/** Socket errors of a connection that could not be made or was lost. */
const UNAVAILABLE_SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'ECONNABORTED']);

/** node-postgres and pg-pool report these without a code. */
const UNAVAILABLE_MESSAGES = [
  'timeout exceeded when trying to connect', // pg-pool: no connection lent within connectionTimeoutMillis
  'Connection terminated', // pg: the socket closed (unexpectedly, or after a connection timeout)
  'Query read timeout', // pg: query_timeout
  'timeout expired', // pg: a connection not made within its connectionTimeoutMillis
  'is not queryable', // pg: a client whose connection failed earlier
  'Cannot use a pool after calling end on the pool',
  'connection is broken', // postgres-pool.ts: a lent connection that failed earlier
];

const MAX_DEPTH = 5;

/** True when `error` (or what it wraps: Drizzle wraps driver errors in `cause`) is a connection-class failure. */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (depth > MAX_DEPTH || typeof error !== 'object' || error === null) return false;
  const { code, message, cause, errors } = error as { code?: unknown; message?: unknown; cause?: unknown; errors?: unknown };
  if (typeof code === 'string') {
    if (UNAVAILABLE_SQLSTATES.has(code) || code.startsWith('08') || UNAVAILABLE_SOCKET_CODES.has(code)) return true;
  }
  if (typeof message === 'string' && UNAVAILABLE_MESSAGES.some((text) => message.includes(text))) return true;
  // Connecting to a host name with several addresses fails with an AggregateError of socket errors.
  if (Array.isArray(errors) && errors.some((inner) => isDatabaseUnavailable(inner, depth + 1))) return true;
  return isDatabaseUnavailable(cause, depth + 1);
}
