/**
 * TMDB v3's response shapes, as far as Marquee reads them. Only `normalise.ts` looks inside these;
 * everything past it speaks the contracts' Title/TitleDetails/Trailer.
 */

/** `GET /genre/movie/list`, `GET /genre/tv/list`. */
export interface TmdbGenreList {
  genres: { id: number; name: string }[];
}

/** Every paged list: popular, trending, discover, search. */
export interface TmdbPaged<T> {
  page: number;
  results: T[];
  total_pages: number;
  total_results: number;
}

interface TmdbListItemBase {
  id: number;
  adult?: boolean;
  overview?: string | null;
  poster_path: string | null;
  backdrop_path?: string | null;
  genre_ids?: number[];
  popularity?: number;
  vote_average?: number;
  vote_count?: number;
  original_language?: string;
}

/** A movie in a list (`media_type` only in trending and multi-search). */
export interface TmdbMovieItem extends TmdbListItemBase {
  media_type?: 'movie';
  title: string;
  original_title?: string;
  release_date?: string;
  video?: boolean;
}

/** A TV show in a list: `name` and `first_air_date` instead of `title` and `release_date`. */
export interface TmdbTvItem extends TmdbListItemBase {
  media_type?: 'tv';
  name: string;
  original_name?: string;
  first_air_date?: string;
  origin_country?: string[];
}

/** A person in trending or multi-search; Marquee drops these. */
export interface TmdbPersonItem {
  media_type: 'person';
  id: number;
  name: string;
  profile_path: string | null;
  known_for_department?: string;
  known_for?: unknown[];
}

/** Items of `/trending/all/*` and `/search/multi`. */
export type TmdbMultiItem = (TmdbMovieItem & { media_type: 'movie' }) | (TmdbTvItem & { media_type: 'tv' }) | TmdbPersonItem;

/** One entry of a `videos` result. */
export interface TmdbVideo {
  id: string;
  iso_639_1?: string;
  iso_3166_1?: string;
  name: string;
  key: string;
  /** `YouTube`, `Vimeo`, … */
  site: string;
  size?: number;
  /** `Trailer`, `Teaser`, `Clip`, `Featurette`, `Behind the Scenes`, `Bloopers`, … */
  type: string;
  official?: boolean;
  /** ISO 8601 timestamp, e.g. `2014-10-02T19:20:22.000Z`. */
  published_at?: string;
}

/** `GET /movie/{id}/videos`, `GET /tv/{id}/videos`, and `append_to_response=videos`. */
export interface TmdbVideos {
  id?: number;
  results: TmdbVideo[];
}

/** One release of a film in one country (`release_dates`). `type`: 1 premiere, 2 limited theatrical, 3 theatrical, 4 digital, 5 physical, 6 TV. */
export interface TmdbReleaseDate {
  certification: string;
  descriptors?: string[];
  iso_639_1: string;
  note?: string;
  release_date: string;
  type: number;
}

/** `GET /movie/{id}/release_dates`, and `append_to_response=release_dates`. */
export interface TmdbReleaseDates {
  id?: number;
  results: { iso_3166_1: string; release_dates: TmdbReleaseDate[] }[];
}

/** `GET /tv/{id}/content_ratings`, and `append_to_response=content_ratings`. */
export interface TmdbContentRatings {
  id?: number;
  results: { descriptors?: string[]; iso_3166_1: string; rating: string }[];
}

/** `GET /movie/{id}?append_to_response=videos,release_dates`. */
export interface TmdbMovieDetails {
  id: number;
  title: string;
  overview: string | null;
  poster_path: string | null;
  backdrop_path: string | null;
  release_date: string;
  vote_average: number;
  vote_count: number;
  genres: { id: number; name: string }[];
  runtime: number | null;
  tagline: string | null;
  status?: string;
  videos?: TmdbVideos;
  release_dates?: TmdbReleaseDates;
}

/** The `last_episode_to_air` / `next_episode_to_air` object of TV details. */
export interface TmdbEpisode {
  id: number;
  name: string;
  air_date: string | null;
  episode_number: number;
  season_number: number;
  runtime: number | null;
}

/** `GET /tv/{id}?append_to_response=videos,content_ratings`. */
export interface TmdbTvDetails {
  id: number;
  name: string;
  overview: string | null;
  poster_path: string | null;
  backdrop_path: string | null;
  first_air_date: string;
  vote_average: number;
  vote_count: number;
  genres: { id: number; name: string }[];
  /** Often empty on newer shows; then the last aired episode's runtime is the best guess. */
  episode_run_time: number[];
  last_episode_to_air: TmdbEpisode | null;
  tagline: string | null;
  /** The seasons, specials (season 0) first as TMDB lists them. */
  seasons?: TmdbSeasonSummary[];
  created_by?: TmdbCreator[];
  videos?: TmdbVideos;
  content_ratings?: TmdbContentRatings;
  credits?: TmdbCredits;
}

/** TMDB's error body, e.g. `{"status_code":34,"status_message":"The resource you requested could not be found.","success":false}`. */
export interface TmdbErrorBody {
  status_code: number;
  status_message: string;
  success: false;
}

/** A season as TV details list it (`seasons` of `GET /tv/{id}`). */
export interface TmdbSeasonSummary {
  air_date: string | null;
  episode_count: number;
  id: number;
  name: string;
  overview?: string;
  poster_path: string | null;
  season_number: number;
  vote_average?: number;
}

/** A person who created a TV show (`created_by` of `GET /tv/{id}`). */
export interface TmdbCreator {
  id: number;
  credit_id?: string;
  name: string;
  original_name?: string;
  gender?: number;
  profile_path: string | null;
}

interface TmdbCreditPerson {
  adult?: boolean;
  gender?: number;
  id: number;
  known_for_department?: string;
  name: string;
  original_name?: string;
  popularity?: number;
  profile_path: string | null;
  credit_id?: string;
}

/** One cast entry of `credits`; `order` is the billing order. */
export interface TmdbCastMember extends TmdbCreditPerson {
  cast_id?: number;
  character: string | null;
  order: number;
}

/** One crew entry of `credits`. */
export interface TmdbCrewMember extends TmdbCreditPerson {
  department: string;
  job: string;
}

/** `GET /movie/{id}/credits`, `GET /tv/{id}/credits`, and `append_to_response=credits`. */
export interface TmdbCredits {
  id?: number;
  cast: TmdbCastMember[];
  crew: TmdbCrewMember[];
}

/** One episode of `GET /tv/{id}/season/{n}`. */
export interface TmdbSeasonEpisode {
  air_date: string | null;
  episode_number: number;
  episode_type?: string;
  id: number;
  name: string;
  overview: string | null;
  production_code?: string;
  runtime: number | null;
  season_number: number;
  show_id?: number;
  still_path: string | null;
  vote_average?: number;
  vote_count?: number;
}

/** `GET /tv/{id}/season/{season_number}`. */
export interface TmdbSeason {
  _id?: string;
  air_date: string | null;
  episodes: TmdbSeasonEpisode[];
  name: string;
  overview: string | null;
  id: number;
  poster_path: string | null;
  season_number: number;
  vote_average?: number;
}

/** One provider of a region's `flatrate` / `rent` / `buy` list. */
export interface TmdbProvider {
  logo_path: string | null;
  provider_id: number;
  provider_name: string;
  display_priority: number;
}

/** One region's offers; lists are absent when there are none. */
export interface TmdbRegionProviders {
  link?: string;
  flatrate?: TmdbProvider[];
  rent?: TmdbProvider[];
  buy?: TmdbProvider[];
  ads?: TmdbProvider[];
  free?: TmdbProvider[];
}

/** `GET /movie/{id}/watch/providers`, `GET /tv/{id}/watch/providers` (data by JustWatch). */
export interface TmdbWatchProviders {
  id: number;
  results: Record<string, TmdbRegionProviders>;
}
