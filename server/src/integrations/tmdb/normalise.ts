/**
 * The one place TMDB's shapes become ours (API.md "Title"): TV `name`/`first_air_date` become
 * `title`/`release_date`, `media_type` is always set, people are dropped, empty strings become null,
 * image paths gain absolute URLs, and the best YouTube video becomes the trailer.
 */
import type { Credits, CrewMember, MediaType, Page, Season, SeasonSummary, Title, TitleDetails, Trailer, WatchProviders } from '@marquee/contracts';
import type {
  TmdbContentRatings,
  TmdbCreator,
  TmdbCredits,
  TmdbProvider,
  TmdbSeason,
  TmdbSeasonSummary,
  TmdbWatchProviders,
  TmdbMovieDetails,
  TmdbMovieItem,
  TmdbMultiItem,
  TmdbPaged,
  TmdbReleaseDates,
  TmdbTvDetails,
  TmdbTvItem,
  TmdbVideo,
} from './tmdb.types.js';

/** TMDB writes "no value" as `""` as often as `null`; ours is always null. */
const text = (value: string | null | undefined): string | null => (typeof value === 'string' && value.trim() !== '' ? value : null);

const imageUrl = (imageBase: string, size: 'w92' | 'w185' | 'w300' | 'w500' | 'original', path: string | null | undefined): string | null =>
  typeof path === 'string' && path !== '' ? `${imageBase}/${size}${path}` : null;

const number = (value: number | null | undefined): number => (typeof value === 'number' && Number.isFinite(value) ? value : 0);

/** A list item (movie or TV) as a Title; `mediaType` wins over the item's own `media_type`. */
export function toTitle(item: TmdbMovieItem | TmdbTvItem, mediaType: MediaType, imageBase: string): Title {
  const posterPath = text(item.poster_path);
  const backdropPath = text(item.backdrop_path);
  const isTv = mediaType === 'tv';
  const tv = item as TmdbTvItem;
  const movie = item as TmdbMovieItem;
  return {
    id: item.id,
    media_type: mediaType,
    title: (isTv ? tv.name : movie.title) ?? '',
    overview: item.overview ?? '',
    poster_path: posterPath,
    backdrop_path: backdropPath,
    poster_url: imageUrl(imageBase, 'w500', posterPath),
    backdrop_url: imageUrl(imageBase, 'original', backdropPath),
    release_date: text(isTv ? tv.first_air_date : movie.release_date),
    vote_average: number(item.vote_average),
    genre_ids: item.genre_ids ?? [],
  };
}

/** Trending / multi-search items as Titles, people dropped. */
export function toTitles(items: TmdbMultiItem[], imageBase: string): Title[] {
  const titles: Title[] = [];
  for (const item of items) {
    if (item.media_type === 'movie' || item.media_type === 'tv') titles.push(toTitle(item, item.media_type, imageBase));
  }
  return titles;
}

/** A TMDB page of one media type (popular, discover) as a Page. */
export function toPage(paged: TmdbPaged<TmdbMovieItem | TmdbTvItem>, mediaType: MediaType, imageBase: string): Page {
  return {
    page: paged.page,
    total_pages: paged.total_pages,
    total_results: paged.total_results,
    results: paged.results.map((item) => toTitle(item, mediaType, imageBase)),
  };
}

/** A mixed TMDB page (trending, multi-search) as a Page of movies and TV shows; totals stay TMDB's. */
export function toMultiPage(paged: TmdbPaged<TmdbMultiItem>, imageBase: string): Page {
  return {
    page: paged.page,
    total_pages: paged.total_pages,
    total_results: paged.total_results,
    results: toTitles(paged.results, imageBase),
  };
}

export const youtubeEmbedUrl = (key: string) => `https://www.youtube.com/embed/${encodeURIComponent(key)}`;

/** Lower rank is better: official Trailer, any Trailer, official Teaser, any Teaser. */
function rank(video: TmdbVideo): number {
  const official = video.official === true;
  if (video.type === 'Trailer') return official ? 0 : 1;
  if (video.type === 'Teaser') return official ? 2 : 3;
  return Number.POSITIVE_INFINITY;
}

const publishedAt = (video: TmdbVideo): number => {
  const time = video.published_at ? Date.parse(video.published_at) : Number.NaN;
  return Number.isNaN(time) ? Number.NEGATIVE_INFINITY : time;
};

/**
 * The best trailer: YouTube only; official Trailer, then any Trailer, then Teaser (official
 * first); ties go to the newest `published_at`. Null when no video qualifies.
 */
export function bestTrailer(videos: TmdbVideo[] | undefined): Trailer | null {
  let best: TmdbVideo | null = null;
  for (const video of videos ?? []) {
    if (video.site !== 'YouTube' || !text(video.key) || rank(video) === Number.POSITIVE_INFINITY) continue;
    if (best === null || rank(video) < rank(best) || (rank(video) === rank(best) && publishedAt(video) > publishedAt(best))) {
      best = video;
    }
  }
  return best === null ? null : { trailer_url: youtubeEmbedUrl(best.key), key: best.key, name: best.name, site: 'YouTube' };
}

/** TMDB's theatrical release type in `release_dates`. */
const THEATRICAL = 3;

/**
 * A film's US certification: that of its earliest US release with a non-empty one, theatrical
 * releases preferred (API.md); null when none is known.
 */
export function movieCertification(releases: TmdbReleaseDates | undefined): string | null {
  const us = releases?.results.find((country) => country.iso_3166_1 === 'US');
  const certified = (us?.release_dates ?? []).filter((release) => text(release.certification) !== null);
  const pool = certified.some((release) => release.type === THEATRICAL) ? certified.filter((release) => release.type === THEATRICAL) : certified;
  const time = (release: { release_date: string }) => {
    const t = Date.parse(release.release_date);
    return Number.isNaN(t) ? Number.POSITIVE_INFINITY : t;
  };
  const earliest = pool.reduce<(typeof pool)[number] | null>((best, release) => (best === null || time(release) < time(best) ? release : best), null);
  return earliest ? (text(earliest.certification) as string).trim() : null;
}

/** A series' US TV rating; null when none is known. */
export function tvCertification(ratings: TmdbContentRatings | undefined): string | null {
  const us = ratings?.results.find((country) => country.iso_3166_1 === 'US');
  const rating = text(us?.rating);
  return rating === null ? null : rating.trim();
}

/** Movie or TV details (with `videos` and `release_dates` / `content_ratings` appended) as TitleDetails. */
export function toTitleDetails(details: TmdbMovieDetails | TmdbTvDetails, mediaType: MediaType, imageBase: string): TitleDetails {
  const genres = (details.genres ?? []).map((genre) => ({ id: genre.id, name: genre.name }));
  const base = toTitle({ ...details, genre_ids: genres.map((genre) => genre.id) } as TmdbMovieItem | TmdbTvItem, mediaType, imageBase);
  let runtime: number | null;
  if (mediaType === 'tv') {
    const tv = details as TmdbTvDetails;
    runtime = tv.episode_run_time?.find((minutes) => typeof minutes === 'number' && minutes > 0) ?? tv.last_episode_to_air?.runtime ?? null;
  } else {
    runtime = (details as TmdbMovieDetails).runtime ?? null;
  }
  return {
    ...base,
    ...(mediaType === 'tv' ? { seasons: toSeasonSummaries((details as TmdbTvDetails).seasons, imageBase) } : {}),
    genres,
    runtime: typeof runtime === 'number' && runtime > 0 ? runtime : null,
    tagline: text(details.tagline),
    vote_count: number(details.vote_count),
    trailer_url: bestTrailer(details.videos?.results)?.trailer_url ?? null,
    certification: mediaType === 'tv' ? tvCertification((details as TmdbTvDetails).content_ratings) : movieCertification((details as TmdbMovieDetails).release_dates),
  };
}

/** A show's seasons in order, the specials (season 0) last. */
export function toSeasonSummaries(seasons: TmdbSeasonSummary[] | undefined, imageBase: string): SeasonSummary[] {
  const order = (n: number) => (n === 0 ? Number.POSITIVE_INFINITY : n);
  return [...(seasons ?? [])]
    .sort((a, b) => order(a.season_number) - order(b.season_number))
    .map((season) => ({
      season_number: season.season_number,
      name: text(season.name) ?? `Season ${season.season_number}`,
      episode_count: typeof season.episode_count === 'number' ? season.episode_count : null,
      air_date: text(season.air_date),
      poster_url: imageUrl(imageBase, 'w185', season.poster_path),
    }));
}

/** At most this many cast members, in billing order. */
export const CAST_LIMIT = 20;

/**
 * Cast (billing order, at most 20) and the crew worth naming: directors, the writing department and
 * a show's creators (job `Creator`), each person once per job.
 */
export function toCredits(credits: TmdbCredits | undefined, creators: TmdbCreator[] | undefined, imageBase: string): Credits {
  const cast = [...(credits?.cast ?? [])]
    .sort((a, b) => a.order - b.order)
    .slice(0, CAST_LIMIT)
    .map((person) => ({ id: person.id, name: person.name, character: text(person.character), profile_url: imageUrl(imageBase, 'w185', person.profile_path) }));
  const crew: CrewMember[] = [];
  const seen = new Set<string>();
  const add = (id: number, name: string, job: string) => {
    const key = `${id}:${job}`;
    if (seen.has(key)) return;
    seen.add(key);
    crew.push({ id, name, job });
  };
  for (const creator of creators ?? []) add(creator.id, creator.name, 'Creator');
  for (const person of credits?.crew ?? []) if (person.job === 'Director') add(person.id, person.name, person.job);
  for (const person of credits?.crew ?? []) if (person.department === 'Writing') add(person.id, person.name, person.job);
  return { cast, crew };
}

/** One season with its episodes. */
export function toSeason(season: TmdbSeason, imageBase: string): Season {
  return {
    season_number: season.season_number,
    name: text(season.name) ?? `Season ${season.season_number}`,
    air_date: text(season.air_date),
    overview: season.overview ?? '',
    episodes: [...(season.episodes ?? [])]
      .sort((a, b) => a.episode_number - b.episode_number)
      .map((episode) => ({
        episode_number: episode.episode_number,
        name: text(episode.name) ?? `Episode ${episode.episode_number}`,
        overview: episode.overview ?? '',
        air_date: text(episode.air_date),
        runtime: typeof episode.runtime === 'number' && episode.runtime > 0 ? episode.runtime : null,
        still_url: imageUrl(imageBase, 'w300', episode.still_path),
      })),
  };
}

/** One region's providers (`region` upper-case), each list in TMDB's `display_priority` order. */
export function toWatchProviders(answer: TmdbWatchProviders, region: string, imageBase: string): WatchProviders {
  const offers = answer.results?.[region];
  const list = (providers: TmdbProvider[] | undefined) =>
    [...(providers ?? [])]
      .sort((a, b) => a.display_priority - b.display_priority)
      .map((provider) => ({ id: provider.provider_id, name: provider.provider_name, logo_url: imageUrl(imageBase, 'w92', provider.logo_path) }));
  return { region, link: text(offers?.link), flatrate: list(offers?.flatrate), rent: list(offers?.rent), buy: list(offers?.buy) };
}
