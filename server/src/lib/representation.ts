/**
 * HTTP representation of ready bytes: strong ETags, `If-None-Match` → 304, `Accept-Encoding`
 * negotiation and the Brotli/gzip twins of a body (made once per body, on first demand). Where the
 * bytes come from — the catalog's answer cache, a serialised list, the page shell — is not this
 * module's business; `sendAnswer` sends any of them the same way.
 */
import { createHash } from 'node:crypto';
import { brotliCompressSync, constants as zlibConstants, gzipSync } from 'node:zlib';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { LRUCache } from 'lru-cache';

/** Bytes ready to send, with their strong ETag. */
export interface ReadyAnswer {
  readonly body: Buffer;
  /** Strong ETag, quoted: `"…"`. */
  readonly etag: string;
}

/** A strong ETag of a body. */
export const etagOf = (body: Buffer): string => `"${createHash('sha1').update(body).digest('base64url')}"`;

/** Ready JSON bytes of a value, with their ETag. */
export function readyJson(value: unknown): ReadyAnswer {
  const body = Buffer.from(JSON.stringify(value));
  return { body, etag: etagOf(body) };
}

/**
 * Whether an `If-None-Match` header matches `etag`: `*`, or any listed tag, compared weakly
 * (RFC 9110 §13.1.2: `W/"x"` matches `"x"`). A compressed representation's tag (`"x-br"`,
 * `"x-gzip"`) matches its identity tag too: the content is the same.
 */
export function ifNoneMatchMatches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  // The common case, a client sending back the exact tag it was given, needs no parsing.
  if (header === etag) return true;
  if (header.trim() === '*') return true;
  for (const part of header.split(',')) {
    let tag = part.trim();
    if (tag.startsWith('W/')) tag = tag.slice(2);
    tag = tag.replace(/-(br|gzip)"$/, '"');
    if (tag === etag) return true;
  }
  return false;
}

type Encoding = 'br' | 'gzip';

/** Bodies smaller than this go as they are: compressing them saves less than it costs. */
const COMPRESS_MIN_BYTES = 1024;

/** A body's compressed twins and their ETags, made on first demand and dropped with the body. */
interface Twin {
  body: Buffer;
  etag: string;
}
const twins = new WeakMap<Buffer, Partial<Record<Encoding, Twin>>>();

/**
 * `Accept-Encoding` values seen, and the encoding each one chooses. Clients send a handful of
 * distinct values (every Chrome the same one), so the header is parsed once per value, not per request.
 */
const chosenEncodings = new LRUCache<string, Encoding | 'identity'>({ max: 256 });

/** The encoding to use for an `Accept-Encoding` header: Brotli, then gzip, else none. */
export function encodingFor(header: string | undefined): Encoding | null {
  if (!header) return null;
  let chosen = chosenEncodings.get(header);
  if (chosen === undefined) {
    const accepted = new Set<string>();
    for (const part of header.split(',')) {
      const [name, ...params] = part.trim().toLowerCase().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      if (name && !(q && Number(q.slice(2)) === 0)) accepted.add(name);
    }
    chosen = accepted.has('br') ? 'br' : accepted.has('gzip') || accepted.has('*') ? 'gzip' : 'identity';
    chosenEncodings.set(header, chosen);
  }
  return chosen === 'identity' ? null : chosen;
}

/** The compressed twin of an answer's body, with its own ETag (`"x-br"`), made once per body. */
function twin(answer: ReadyAnswer, encoding: Encoding): Twin {
  let made = twins.get(answer.body);
  if (!made) twins.set(answer.body, (made = {}));
  return (made[encoding] ??= {
    body:
      encoding === 'br'
        ? brotliCompressSync(answer.body, {
            params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 5, [zlibConstants.BROTLI_PARAM_SIZE_HINT]: answer.body.length },
          })
        : gzipSync(answer.body, { level: 6 }),
    etag: `${answer.etag.slice(0, -1)}-${encoding}"`,
  });
}

/** A `Vary` value extended with `Accept-Encoding` (answers differ by encoding). */
export const varyWithEncoding = (vary: unknown): string => (vary ? `${String(vary)}, Accept-Encoding` : 'Accept-Encoding');

export const JSON_TYPE = 'application/json; charset=utf-8';

/**
 * Sends ready bytes with their `ETag` and `cacheControl`: 304 when the client already holds them
 * (`If-None-Match`), else the body — its Brotli or gzip twin for clients that accept one. Nothing is
 * serialised here: the bytes were made once, when the answer was.
 */
export function sendAnswer(request: FastifyRequest, reply: FastifyReply, answer: ReadyAnswer, cacheControl: string, contentType = JSON_TYPE): FastifyReply {
  const encoding = answer.body.length >= COMPRESS_MIN_BYTES ? encodingFor(request.headers['accept-encoding']) : null;
  const sent = encoding ? twin(answer, encoding) : answer;
  reply.header('vary', varyWithEncoding(reply.getHeader('vary'))).header('cache-control', cacheControl).header('etag', sent.etag);
  if (ifNoneMatchMatches(request.headers['if-none-match'], answer.etag)) return reply.code(304).send();
  reply.header('content-type', contentType);
  if (encoding) reply.header('content-encoding', encoding);
  return reply.send(sent.body);
}
