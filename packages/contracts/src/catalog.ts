import Type from 'typebox';
import { MediaType, PositiveId } from './common.js';
import { FIELD_LIMITS, NO_CONTROL_CHARACTERS } from './fields.js';

const NullableString = (description: string) => Type.Union([Type.String(), Type.Null()], { description });

/** A movie or a TV show, normalised from TMDB or the embedded catalog. */
export const Title = Type.Object(
  {
    id: Type.Integer({ description: 'TMDB id (movie and TV ids are separate spaces).' }),
    media_type: MediaType,
    title: Type.String({ description: 'Movie title, or a TV show’s name.' }),
    overview: Type.String(),
    poster_path: NullableString('Poster image path, or null.'),
    backdrop_path: NullableString('Backdrop image path, or null.'),
    poster_url: NullableString('Absolute or root-relative poster URL (w500), or null.'),
    backdrop_url: NullableString('Absolute or root-relative backdrop URL (original size), or null.'),
    release_date: NullableString('Release date (TV: first air date), `YYYY-MM-DD`, or null when unknown.'),
    vote_average: Type.Number({ description: 'Average rating, 0…10.' }),
    genre_ids: Type.Array(Type.Integer()),
  },
  { title: 'Title' },
);
export type Title = Type.Static<typeof Title>;

export const Genre = Type.Object({ id: Type.Integer(), name: Type.String() }, { title: 'Genre' });
export type Genre = Type.Static<typeof Genre>;

/** One season of a TV show, as TV details list it. */
export const SeasonSummary = Type.Object(
  {
    season_number: Type.Integer({ minimum: 0, description: 'Season number; 0 holds the specials.' }),
    name: Type.String(),
    episode_count: Type.Union([Type.Integer(), Type.Null()], { description: 'Episodes in the season, or null when unknown.' }),
    air_date: NullableString('First air date of the season, `YYYY-MM-DD`, or null when unknown.'),
    poster_url: NullableString('Absolute or root-relative season poster URL, or null.'),
  },
  { title: 'SeasonSummary' },
);
export type SeasonSummary = Type.Static<typeof SeasonSummary>;

/** A profile's thumbs on a title. */
export const RatingValue = Type.Union([Type.Literal('up'), Type.Literal('down')], { description: '`up` ("I like this") or `down` ("Not for me").' });
export type RatingValue = Type.Static<typeof RatingValue>;

export const TitleDetails = Type.Object(
  {
    ...Title.properties,
    genres: Type.Array(Genre),
    runtime: Type.Union([Type.Integer(), Type.Null()], { description: 'Runtime in minutes, or null.' }),
    tagline: NullableString('Tagline, or null.'),
    vote_count: Type.Integer(),
    trailer_url: NullableString('YouTube embed URL of the best trailer, or null.'),
    certification: NullableString(
      'US certification: an MPAA rating for films (`G`, `PG`, `PG-13`, `R`, `NC-17`), a TV Parental Guidelines rating for series (`TV-Y` … `TV-MA`), or null when unknown.',
    ),
    seasons: Type.Optional(
      Type.Array(SeasonSummary, { description: 'TV shows only: the seasons, in order, with the specials (season 0) last.' }),
    ),
    my_rating: Type.Optional(
      Type.Union([RatingValue, Type.Null()], {
        description: 'With a bearer token: the profile’s thumbs on this title (`up`, `down`, or null). Absent without a token.',
      }),
    ),
  },
  { title: 'TitleDetails' },
);
export type TitleDetails = Type.Static<typeof TitleDetails>;

export const Page = Type.Object(
  {
    page: Type.Integer(),
    total_pages: Type.Integer(),
    total_results: Type.Integer(),
    results: Type.Array(Title),
  },
  { title: 'Page' },
);
export type Page = Type.Static<typeof Page>;

export const Trailer = Type.Object(
  {
    trailer_url: Type.String({ description: '`https://www.youtube.com/embed/{key}`' }),
    key: Type.String(),
    name: Type.String(),
    site: Type.Literal('YouTube'),
  },
  { title: 'Trailer' },
);
export type Trailer = Type.Static<typeof Trailer>;

export const GenreList = Type.Object({ genres: Type.Array(Genre) }, { title: 'GenreList' });
export type GenreList = Type.Static<typeof GenreList>;

export const TrendingWindow = Type.Union([Type.Literal('day'), Type.Literal('week')]);
export type TrendingWindow = Type.Static<typeof TrendingWindow>;

export const TrendingQuery = Type.Object(
  {
    page: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 1 })),
    window: Type.Optional(Type.Union([Type.Literal('day'), Type.Literal('week')], { default: 'week' })),
  },
  { additionalProperties: false },
);
export type TrendingQuery = Type.Static<typeof TrendingQuery>;

export const SearchQuery = Type.Object(
  {
    q: Type.Optional(
      Type.String({
        maxLength: FIELD_LIMITS.searchQuery.untrimmedMax,
        pattern: NO_CONTROL_CHARACTERS,
        description: `Search text, ${FIELD_LIMITS.searchQuery.min}…${FIELD_LIMITS.searchQuery.max} characters after trimming, no control characters.`,
      }),
    ),
    genre: Type.Optional(PositiveId),
    page: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 1 })),
  },
  { additionalProperties: false },
);
export type SearchQuery = Type.Static<typeof SearchQuery>;

export const GenreParams = Type.Object({ genre_id: PositiveId }, { additionalProperties: false });
export type GenreParams = Type.Static<typeof GenreParams>;

/** `GET /api/catalog`: where titles come from, for the footer's attribution. */
export const CatalogInfo = Type.Object(
  {
    source: Type.Union([Type.Literal('tmdb'), Type.Literal('embedded')], {
      description: '`tmdb` when a TMDB credential is configured, else `embedded` (the offline sample catalog).',
    }),
    attribution: Type.String({ description: 'The attribution line to show wherever catalog data appears.' }),
  },
  { title: 'CatalogInfo' },
);
export type CatalogInfo = Type.Static<typeof CatalogInfo>;
