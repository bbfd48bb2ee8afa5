/** Discovery (API.md v2 "Discovery"): more like this, credits, seasons, where to watch, thumbs and rows made for a profile. */
import Type from 'typebox';
import { MediaType, PositiveId } from './common.js';
import { RatingValue, Title } from './catalog.js';

const NullableString = (description: string) => Type.Union([Type.String(), Type.Null()], { description });

/** `GET /api/movies/{id}/similar`: `media_type` and `page`. */
export const SimilarQuery = Type.Object(
  {
    media_type: Type.Optional(Type.Union([Type.Literal('movie'), Type.Literal('tv')], { default: 'movie', description: '`movie` (default) or `tv`.' })),
    page: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 1, description: 'Page number, 1…500.' })),
  },
  { additionalProperties: false },
);
export type SimilarQuery = Type.Static<typeof SimilarQuery>;

/** ISO 3166-1 alpha-2 region code, either case. */
export const REGION_PATTERN = '^[A-Za-z]{2}$';

/** `GET /api/movies/{id}/providers`: `media_type` and `region`. */
export const ProvidersQuery = Type.Object(
  {
    media_type: Type.Optional(Type.Union([Type.Literal('movie'), Type.Literal('tv')], { default: 'movie', description: '`movie` (default) or `tv`.' })),
    region: Type.Optional(
      Type.String({ pattern: REGION_PATTERN, description: 'ISO 3166-1 alpha-2 region code, either case; default `DEFAULT_REGION` (US).' }),
    ),
  },
  { additionalProperties: false },
);
export type ProvidersQuery = Type.Static<typeof ProvidersQuery>;

export const CastMember = Type.Object(
  {
    id: Type.Integer({ description: 'TMDB person id.' }),
    name: Type.String(),
    character: NullableString('The part played, or null when unknown.'),
    profile_url: NullableString('Absolute URL of the person’s photo, or null.'),
  },
  { title: 'CastMember' },
);
export type CastMember = Type.Static<typeof CastMember>;

export const CrewMember = Type.Object(
  {
    id: Type.Integer({ description: 'TMDB person id (embedded mode: a stable id of the name).' }),
    name: Type.String(),
    job: Type.String({ description: '`Director`, a writing job (`Screenplay`, `Writer`, `Novel`, …) or `Creator` (TV).' }),
  },
  { title: 'CrewMember' },
);
export type CrewMember = Type.Static<typeof CrewMember>;

export const Credits = Type.Object(
  {
    cast: Type.Array(CastMember, { description: 'At most 20, in billing order.' }),
    crew: Type.Array(CrewMember, { description: 'Directors, writers and (TV) creators; each person once per job.' }),
  },
  { title: 'Credits' },
);
export type Credits = Type.Static<typeof Credits>;

export const SeasonParams = Type.Object(
  { tv_id: PositiveId, season_number: Type.Integer({ minimum: 0, maximum: 10000, description: 'Season number; 0 is the specials.' }) },
  { additionalProperties: false },
);
export type SeasonParams = Type.Static<typeof SeasonParams>;

export const Episode = Type.Object(
  {
    episode_number: Type.Integer(),
    name: Type.String(),
    overview: Type.String(),
    air_date: NullableString('`YYYY-MM-DD`, or null when unknown.'),
    runtime: Type.Union([Type.Integer(), Type.Null()], { description: 'Minutes, or null when unknown.' }),
    still_url: NullableString('Absolute URL of a still from the episode, or null.'),
  },
  { title: 'Episode' },
);
export type Episode = Type.Static<typeof Episode>;

export const Season = Type.Object(
  {
    season_number: Type.Integer(),
    name: Type.String(),
    air_date: NullableString('`YYYY-MM-DD`, or null when unknown.'),
    overview: Type.String(),
    episodes: Type.Array(Episode, { description: 'The episodes, in order; empty when the catalog does not know them (embedded mode).' }),
  },
  { title: 'Season' },
);
export type Season = Type.Static<typeof Season>;

export const Provider = Type.Object(
  {
    id: Type.Integer({ description: 'TMDB provider id.' }),
    name: Type.String(),
    logo_url: NullableString('Absolute URL of the provider’s logo, or null.'),
  },
  { title: 'Provider' },
);
export type Provider = Type.Static<typeof Provider>;

export const WatchProviders = Type.Object(
  {
    region: Type.String({ description: 'The region answered for, upper-case.' }),
    link: NullableString('TMDB’s page of the title’s offers in the region, or null.'),
    flatrate: Type.Array(Provider, { description: 'Subscription services, in TMDB’s display order.' }),
    rent: Type.Array(Provider),
    buy: Type.Array(Provider),
  },
  { title: 'WatchProviders', description: 'Where to watch, by region. Data by JustWatch: show its credit with it.' },
);
export type WatchProviders = Type.Static<typeof WatchProviders>;

/** `PUT /api/ratings/{id}` body. */
export const RatingBody = Type.Object({ rating: RatingValue }, { additionalProperties: false, title: 'RatingBody' });
export type RatingBody = Type.Static<typeof RatingBody>;

export const RatingEntry = Type.Object(
  { id: Type.Integer(), media_type: MediaType, rating: RatingValue, rated_at: Type.String({ format: 'date-time' }) },
  { title: 'RatingEntry' },
);
export type RatingEntry = Type.Static<typeof RatingEntry>;

export const RatedTitle = Type.Object(
  { ...Title.properties, rating: RatingValue, rated_at: Type.String({ format: 'date-time' }) },
  { title: 'RatedTitle' },
);
export type RatedTitle = Type.Static<typeof RatedTitle>;

export const RatingList = Type.Object({ results: Type.Array(RatedTitle, { description: 'Newest first.' }) }, { title: 'RatingList' });
export type RatingList = Type.Static<typeof RatingList>;

export const RecommendationRow = Type.Object(
  {
    id: Type.String({ description: '`because-{media_type}-{id}` of the title the row is made from.' }),
    title: Type.String({ description: '"Because you liked {title}" or "Because you added {title}".' }),
    results: Type.Array(Title, { description: '1…20 titles.' }),
  },
  { title: 'RecommendationRow' },
);
export type RecommendationRow = Type.Static<typeof RecommendationRow>;

export const Recommendations = Type.Object({ rows: Type.Array(RecommendationRow, { description: 'At most 3; empty without signals.' }) }, { title: 'Recommendations' });
export type Recommendations = Type.Static<typeof Recommendations>;
