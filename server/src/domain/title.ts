import type { Title } from '@marquee/contracts';

/** Only the Title fields of a title-shaped object (a details answer carries more): what lists store and answer. */
export function titleFields(title: Title): Title {
  return {
    id: title.id,
    media_type: title.media_type,
    title: title.title,
    overview: title.overview,
    poster_path: title.poster_path,
    backdrop_path: title.backdrop_path,
    poster_url: title.poster_url,
    backdrop_url: title.backdrop_url,
    release_date: title.release_date,
    vote_average: title.vote_average,
    genre_ids: title.genre_ids,
  };
}
