import Type from 'typebox';

/** One offending field of a validation error. */
export const FieldError = Type.Object({
  path: Type.String({ description: 'A JSON Pointer to the offending field, e.g. `/email`.' }),
  message: Type.String(),
});
export type FieldError = Type.Static<typeof FieldError>;

/** RFC 9457 problem details, the body of every error answer. */
export const Problem = Type.Object(
  {
    type: Type.String({ description: 'A URI naming the problem type.' }),
    title: Type.String({ description: 'A short, human-readable summary of the problem type.' }),
    status: Type.Integer({ description: 'The HTTP status code.' }),
    detail: Type.String({ description: 'What went wrong in this occurrence.' }),
    code: Type.String({ description: 'A stable, machine-readable error code such as `EMAIL_TAKEN`.' }),
    errors: Type.Optional(Type.Array(FieldError, { description: 'Present on validation errors: one entry per offending field.' })),
  },
  { title: 'Problem', description: 'RFC 9457 problem details.' },
);
export type Problem = Type.Static<typeof Problem>;

/** The stable error codes of the API. */
export const ErrorCodes = [
  'VALIDATION_FAILED',
  'MALFORMED_JSON',
  'PAYLOAD_TOO_LARGE',
  'UNSUPPORTED_MEDIA_TYPE',
  'UNAUTHORIZED',
  'FORBIDDEN',
  'INVALID_CREDENTIALS',
  'EMAIL_TAKEN',
  'WRONG_PASSWORD',
  'RATE_LIMITED',
  'NOT_FOUND',
  'METHOD_NOT_ALLOWED',
  'WATCHLIST_FULL',
  'UPSTREAM_RATE_LIMITED',
  'UPSTREAM_UNAVAILABLE',
  'INTERNAL',
  // v2
  'SERVICE_UNAVAILABLE',
  'PROFILE_LIMIT',
  'PROFILE_NAME_TAKEN',
  'LAST_PROFILE',
  'PROFILE_RESTRICTED',
  'PIN_REQUIRED',
  'WRONG_PIN',
  'MATURITY_RESTRICTED',
  'INVITATION_REQUIRED',
  'REGISTRATION_CLOSED',
  'OWNER_PROTECTED',
  'TMDB_CREDENTIAL_REJECTED',
  'SET_BY_ENVIRONMENT',
] as const;
export type ErrorCode = (typeof ErrorCodes)[number];

/** A positive integer path id (`movie_id`, `genre_id`). */
export const PositiveId = Type.Integer({ minimum: 1, maximum: 2147483647, description: 'A positive integer id.' });

/** `media_type` query parameter: `movie` (default) or `tv`. */
export const MediaType = Type.Union([Type.Literal('movie'), Type.Literal('tv')], {
  description: '`movie` or `tv`.',
});
export type MediaType = Type.Static<typeof MediaType>;

/** Query of paged routes: `page` 1…500, default 1. */
export const PageQuery = Type.Object(
  { page: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 1, description: 'Page number, 1…500.' })) },
  { additionalProperties: false },
);
export type PageQuery = Type.Static<typeof PageQuery>;

export const MediaTypeQuery = Type.Object(
  { media_type: Type.Optional(Type.Union([Type.Literal('movie'), Type.Literal('tv')], { default: 'movie', description: '`movie` (default) or `tv`.' })) },
  { additionalProperties: false },
);
export type MediaTypeQuery = Type.Static<typeof MediaTypeQuery>;

export const IdParams = Type.Object({ movie_id: PositiveId }, { additionalProperties: false });
export type IdParams = Type.Static<typeof IdParams>;
