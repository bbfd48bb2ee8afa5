/**
 * `GET /api/images/{version}/{kind}/{file}`: the embedded catalog's generated posters and backdrops
 * (SVG). The bytes behind a URL never change, so they are cached for a year and revalidated by
 * ETag; a new look ships under a new version segment (`ARTWORK_VERSION`), which is what makes
 * browsers holding the old pictures fetch the new ones. Earlier URLs — the unversioned
 * `/api/images/{kind}/{file}` of the first release and any earlier version — keep answering,
 * with the current pictures, for pages and lists that still hold them.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Type from 'typebox';
import { Problem } from '@marquee/contracts';
import { notFound } from '../../errors.js';
import { ARTWORK_VERSION, type ArtworkKind } from '../../integrations/embedded/artwork.js';
import { embeddedArtwork, type EmbeddedArtwork } from '../../integrations/embedded/embedded.artwork.js';

const Kind = Type.Union([Type.Literal('poster'), Type.Literal('backdrop')], { description: '`poster` (500×750) or `backdrop` (1280×720).' });
const File = Type.String({ pattern: '^(movie|tv)-[1-9][0-9]{0,9}\\.svg$', description: 'The title’s artwork file, e.g. `movie-123.svg`.' });

/** Every versioned segment answered: `v2` up to the current one. */
const VERSIONS = Array.from({ length: ARTWORK_VERSION - 1 }, (_, i) => `v${i + 2}`);

const VersionedParams = Type.Object(
  {
    version: Type.Union(
      VERSIONS.map((version) => Type.Literal(version)),
      { description: `The artwork version; \`v${ARTWORK_VERSION}\` is current (earlier ones answer the current pictures).` },
    ),
    kind: Kind,
    file: File,
  },
  { additionalProperties: false },
);
const LegacyParams = Type.Object({ kind: Kind, file: File }, { additionalProperties: false });

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

const responses = {
  200: { description: 'The SVG image (`image/svg+xml`).', content: { 'image/svg+xml': { schema: Type.String() } } },
  304: { description: 'Not modified: the `If-None-Match` ETag is current.', type: 'null' },
  404: Problem,
} as const;

export async function artworkRoutes(fastify: FastifyInstance, opts: { artwork?: EmbeddedArtwork } = {}) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  // Loaded on first request: in TMDB mode nobody asks, and the embedded data is never read.
  const artwork = () => opts.artwork ?? embeddedArtwork();

  /** Both paths answer alike: the picture with its caching headers, or 304 for a current ETag. */
  const send = async (request: FastifyRequest & { params: { kind: ArtworkKind; file: string } }, reply: FastifyReply) => {
    if (request.validationError) throw notFound('image');
    const { svg, etag } = artwork().get(request.params.kind, request.params.file);
    reply
      .header('etag', etag)
      .header('cache-control', 'public, max-age=31536000, immutable')
      .header('content-security-policy', SVG_CSP);
    if (matches(request.headers['if-none-match'], etag)) return reply.code(304).send(null);
    return reply.type('image/svg+xml; charset=utf-8').send(svg);
  };

  app.get(
    '/api/images/:version/:kind/:file',
    {
      schema: {
        summary: 'Generated artwork of an embedded-catalog title',
        description:
          'An SVG poster or backdrop drawn for a title of the embedded (offline) catalog — the target of its ' +
          '`poster_url`/`backdrop_url`. Cached for a year (`immutable`) with an `ETag`; a matching `If-None-Match` ' +
          'answers 304. An unknown version, kind, file name or title answers 404.',
        tags: ['catalog'],
        params: VersionedParams,
        response: responses,
      },
      // A malformed version, kind or file name is an image that does not exist, not a bad request.
      attachValidation: true,
    },
    send,
  );

  app.get(
    '/api/images/:kind/:file',
    {
      schema: {
        summary: 'Generated artwork at its first-release URL',
        description: 'The unversioned artwork URL handed out before artwork was versioned; answers the current picture.',
        tags: ['catalog'],
        deprecated: true,
        params: LegacyParams,
        response: responses,
      },
      attachValidation: true,
    },
    send,
  );
}
