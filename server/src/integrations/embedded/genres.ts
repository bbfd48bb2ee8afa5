/**
 * TMDB's genre lists, with TMDB's exact ids and names, so the embedded catalog answers
 * `/api/genres` exactly as TMDB mode does and a genre id means the same thing in both modes.
 */
import type { Genre, MediaType } from '@marquee/contracts';

/** TMDB's movie genres (`/genre/movie/list`). */
export const MOVIE_GENRES: readonly Genre[] = [
  { id: 28, name: 'Action' },
  { id: 12, name: 'Adventure' },
  { id: 16, name: 'Animation' },
  { id: 35, name: 'Comedy' },
  { id: 80, name: 'Crime' },
  { id: 99, name: 'Documentary' },
  { id: 18, name: 'Drama' },
  { id: 10751, name: 'Family' },
  { id: 14, name: 'Fantasy' },
  { id: 36, name: 'History' },
  { id: 27, name: 'Horror' },
  { id: 10402, name: 'Music' },
  { id: 9648, name: 'Mystery' },
  { id: 10749, name: 'Romance' },
  { id: 878, name: 'Science Fiction' },
  { id: 10770, name: 'TV Movie' },
  { id: 53, name: 'Thriller' },
  { id: 10752, name: 'War' },
  { id: 37, name: 'Western' },
];

/** TMDB's TV genres (`/genre/tv/list`). */
export const TV_GENRES: readonly Genre[] = [
  { id: 10759, name: 'Action & Adventure' },
  { id: 16, name: 'Animation' },
  { id: 35, name: 'Comedy' },
  { id: 80, name: 'Crime' },
  { id: 99, name: 'Documentary' },
  { id: 18, name: 'Drama' },
  { id: 10751, name: 'Family' },
  { id: 10762, name: 'Kids' },
  { id: 9648, name: 'Mystery' },
  { id: 10763, name: 'News' },
  { id: 10764, name: 'Reality' },
  { id: 10765, name: 'Sci-Fi & Fantasy' },
  { id: 10766, name: 'Soap' },
  { id: 10767, name: 'Talk' },
  { id: 10768, name: 'War & Politics' },
  { id: 37, name: 'Western' },
];

const MOVIE_NAMES = new Map(MOVIE_GENRES.map((genre) => [genre.id, genre.name]));
const TV_NAMES = new Map(TV_GENRES.map((genre) => [genre.id, genre.name]));

/** The genre list of one media type. */
export function genresOf(mediaType: MediaType): readonly Genre[] {
  return mediaType === 'movie' ? MOVIE_GENRES : TV_GENRES;
}

/** TMDB's name of a genre id for a media type, or undefined when that media type has no such genre. */
export function genreName(mediaType: MediaType, id: number): string | undefined {
  return (mediaType === 'movie' ? MOVIE_NAMES : TV_NAMES).get(id);
}

/** Whether `id` is one of TMDB's genres for `mediaType`. */
export function isGenreOf(mediaType: MediaType, id: number): boolean {
  return genreName(mediaType, id) !== undefined;
}
