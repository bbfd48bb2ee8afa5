/**
 * `GET /api/images/{kind}/{file}`: the embedded catalog's generated posters and backdrops (SVG).
 * The bytes of a file never change, so they are cached for a year and revalidated by ETag.
 */
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import { Problem } from '@marquee/contracts';
import { notFound } from '../../errors.js';
import { embeddedArtwork, type EmbeddedArtwork } from '../../integrations/embedded/embedded.artwork.js';

const ArtworkParams = Type.Object(
  {
    kind: Type.Union([Type.Literal('poster'), Type.Literal('backdrop')], { description: '`poster` (500×750) or `backdrop` (1280×720).' }),
    file: Type.String({ pattern: '^(movie|tv)-[1-9][0-9]{0,9}\\.svg$', description: 'The title’s artwork file, e.g. `movie-123.svg`.' }),
  },
  { additionalProperties: false },
);

/** The SVG may be opened directly: it must not run scripts or load anything. */
const SVG_CSP = "default-src 'none'; style-src 'unsafe-inline'";

/** Whether an `If-None-Match` header names `etag` (weak comparison, `*` included). */
function matches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(',').some((tag) => {
    const trimmed = tag.trim();
    return trimmed === '*' || trimmed.replace(/^W\//, '') === etag;
  });
}

export async function artworkRoutes(fastify: FastifyInstance, opts: { artwork?: EmbeddedArtwork } = {}) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  // Loaded on first request: in TMDB mode nobody asks, and the embedded data is never read.
  const artwork = () => opts.artwork ?? embeddedArtwork();

  app.get(
    '/api/images/:kind/:file',
    {
      schema: {
        summary: 'Generated artwork of an embedded-catalog title',
        description:
          'An SVG poster or backdrop drawn for a title of the embedded (offline) catalog — the target of its ' +
          '`poster_url`/`backdrop_url`. Cached for a year (`immutable`) with an `ETag`; a matching `If-None-Match` ' +
          'answers 304. An unknown kind, file name or title answers 404.',
        tags: ['catalog'],
        params: ArtworkParams,
        response: {
          200: { description: 'The SVG image (`image/svg+xml`).', content: { 'image/svg+xml': { schema: Type.String() } } },
          304: { description: 'Not modified: the `If-None-Match` ETag is current.', type: 'null' },
          404: Problem,
        },
      },
      // A malformed kind or file name is an image that does not exist, not a bad request.
      attachValidation: true,
    },
    async (request, reply) => {
      if (request.validationError) throw notFound('image');
      const { svg, etag } = artwork().get(request.params.kind, request.params.file);
      reply
        .header('etag', etag)
        .header('cache-control', 'public, max-age=31536000, immutable')
        .header('content-security-policy', SVG_CSP);
      if (matches(request.headers['if-none-match'], etag)) return reply.code(304).send(null);
      return reply.type('image/svg+xml; charset=utf-8').send(svg);
    },
  );
}
