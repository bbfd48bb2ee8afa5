/**
 * The `err` serializer of every log line: pino's, without the parameters of a failed query. A
 * database error names its query and, in its message, stack and `params`, the values bound to it —
 * what the request was storing: a PIN's or a password's hash, a refresh token's hash, a name. The
 * operator needs the query and the database's reason, never the values.
 */
import { stdSerializers } from 'pino';

const MAX_CAUSES = 10;

/** What pino writes for an error. */
export interface SerializedError {
  [key: string]: unknown;
  type: string;
  message: string;
  stack: string;
}

export function errSerializer(error: Error): SerializedError {
  const serialized = stdSerializers.err(error) as SerializedError;
  if (typeof serialized !== 'object' || serialized === null) return serialized;
  // Drizzle's query errors write `\nparams: a,b,c` into their message (and so their stack): the
  // exact text is known from each error of the cause chain that carries `params`.
  const written: string[] = [];
  let e: unknown = error;
  for (let depth = 0; typeof e === 'object' && e !== null && depth < MAX_CAUSES; depth += 1) {
    const { params } = e as { params?: unknown };
    if (Array.isArray(params)) written.push(`\nparams: ${params.join(',')}`);
    e = (e as { cause?: unknown }).cause;
  }
  if (written.length === 0) return serialized;
  const without = (text: string) => written.reduce((rest, params) => rest.split(params).join(''), text);
  if (typeof serialized.message === 'string') serialized.message = without(serialized.message);
  if (typeof serialized.stack === 'string') serialized.stack = without(serialized.stack);
  if ('params' in serialized) serialized.params = '[redacted]';
  return serialized;
}
