/**
 * A shared cached details answer with the caller's `my_rating` spliced in. The cached bytes stay
 * the same for everyone (they are shared per maturity level, never per user); the three personal
 * variants of each answer — up, down, none — are made once and kept as long as the answer is, so a
 * repeated request costs no serialisation, and their compressed twins are made once too.
 */
import type { RatingValue } from '@marquee/contracts';
import { etagOf } from '../../lib/representation.js';
import type { CachedAnswer } from '../../lib/response-cache.js';

type Variant = RatingValue | 'none';
const variants = new WeakMap<CachedAnswer, Partial<Record<Variant, CachedAnswer>>>();

/** `answer` (a JSON object) with `"my_rating": rating` added. */
export function withMyRating(answer: CachedAnswer, rating: RatingValue | null): CachedAnswer {
  const variant: Variant = rating ?? 'none';
  let made = variants.get(answer);
  if (!made) variants.set(answer, (made = {}));
  let personal = made[variant];
  if (!personal) {
    // The body is a JSON object: its closing brace is its last byte.
    const body = Buffer.concat([answer.body.subarray(0, answer.body.lastIndexOf(0x7d)), Buffer.from(`,"my_rating":${JSON.stringify(rating)}}`)]);
    personal = { body, etag: etagOf(body), freshUntil: answer.freshUntil, swrSeconds: answer.swrSeconds, staleIfErrorSeconds: answer.staleIfErrorSeconds };
    made[variant] = personal;
  }
  return personal;
}
