import { describe, expect, it } from 'vitest';
import { bestTrailer, toMultiPage, toTitle, toTitleDetails } from './normalise.js';
import type { TmdbMovieDetails, TmdbTvDetails, TmdbVideo } from './tmdb.types.js';

const IMG = 'https://img.example/t/p';
const video = (over: Partial<TmdbVideo>): TmdbVideo => ({
  id: Math.random().toString(36),
  name: 'A video',
  key: 'k',
  site: 'YouTube',
  type: 'Trailer',
  official: false,
  published_at: '2020-01-01T00:00:00.000Z',
  ...over,
});

describe('bestTrailer', () => {
  it('prefers an official Trailer over a newer unofficial one', () => {
    const best = bestTrailer([video({ key: 'unofficial', published_at: '2024-01-01T00:00:00Z' }), video({ key: 'official', official: true })]);
    expect(best?.key).toBe('official');
  });

  it('prefers any Trailer over an official Teaser, and an official Teaser over an unofficial one', () => {
    expect(bestTrailer([video({ key: 'teaser', type: 'Teaser', official: true }), video({ key: 'trailer' })])?.key).toBe('trailer');
    expect(
      bestTrailer([video({ key: 'fan', type: 'Teaser', published_at: '2024-01-01T00:00:00Z' }), video({ key: 'studio', type: 'Teaser', official: true })])?.key,
    ).toBe('studio');
  });

  it('breaks ties with the newest published_at', () => {
    const best = bestTrailer([
      video({ key: 'old', official: true, published_at: '2010-01-01T00:00:00Z' }),
      video({ key: 'new', official: true, published_at: '2022-01-01T00:00:00Z' }),
      video({ key: 'mid', official: true, published_at: '2015-01-01T00:00:00Z' }),
    ]);
    expect(best).toEqual({ trailer_url: 'https://www.youtube.com/embed/new', key: 'new', name: 'A video', site: 'YouTube' });
  });

  it('never picks another site or kind of video', () => {
    expect(bestTrailer([video({ site: 'Vimeo', official: true }), video({ type: 'Featurette', official: true }), video({ type: 'Clip' })])).toBeNull();
    expect(bestTrailer(undefined)).toBeNull();
    expect(bestTrailer([])).toBeNull();
  });
});

describe('toTitle / toMultiPage', () => {
  it('renames TV fields, sets media_type, and turns empty strings into null', () => {
    const title = toTitle({ id: 1, name: 'Show', first_air_date: '', poster_path: '', backdrop_path: null, overview: 'x' }, 'tv', IMG);
    expect(title).toEqual({
      id: 1,
      media_type: 'tv',
      title: 'Show',
      overview: 'x',
      poster_path: null,
      backdrop_path: null,
      poster_url: null,
      backdrop_url: null,
      release_date: null,
      vote_average: 0,
      genre_ids: [],
    });
  });

  it('builds w500 poster and original backdrop URLs from the image base', () => {
    const title = toTitle({ id: 2, title: 'Film', poster_path: '/p.jpg', backdrop_path: '/b.jpg', release_date: '2001-02-03' }, 'movie', IMG);
    expect(title.poster_url).toBe(`${IMG}/w500/p.jpg`);
    expect(title.backdrop_url).toBe(`${IMG}/original/b.jpg`);
    expect(title.release_date).toBe('2001-02-03');
  });

  it('drops people from mixed pages but keeps TMDB’s totals', () => {
    const page = toMultiPage(
      {
        page: 1,
        total_pages: 9,
        total_results: 170,
        results: [
          { media_type: 'person', id: 3, name: 'Someone', profile_path: null },
          { media_type: 'movie', id: 4, title: 'Film', poster_path: null },
        ],
      },
      IMG,
    );
    expect(page.results.map((t) => t.id)).toEqual([4]);
    expect(page).toMatchObject({ total_pages: 9, total_results: 170 });
  });
});

describe('toTitleDetails', () => {
  const tv = (over: Partial<TmdbTvDetails>): TmdbTvDetails => ({
    id: 5,
    name: 'Show',
    overview: '',
    poster_path: null,
    backdrop_path: null,
    first_air_date: '2020-01-01',
    vote_average: 7,
    vote_count: 10,
    genres: [{ id: 18, name: 'Drama' }],
    episode_run_time: [],
    last_episode_to_air: null,
    tagline: '',
    ...over,
  });

  it('TV runtime: first episode_run_time, else the last aired episode’s, else null', () => {
    expect(toTitleDetails(tv({ episode_run_time: [42, 50] }), 'tv', IMG).runtime).toBe(42);
    const lastEpisode = { id: 1, name: 'e', air_date: null, episode_number: 1, season_number: 1, runtime: 58 };
    expect(toTitleDetails(tv({ last_episode_to_air: lastEpisode }), 'tv', IMG).runtime).toBe(58);
    expect(toTitleDetails(tv({}), 'tv', IMG).runtime).toBeNull();
  });

  it('genre_ids are the ids of genres; empty tagline is null; trailer_url from the best video', () => {
    const movie: TmdbMovieDetails = {
      id: 6,
      title: 'Film',
      overview: 'o',
      poster_path: '/p.jpg',
      backdrop_path: null,
      release_date: '1999-01-01',
      vote_average: 6,
      vote_count: 3,
      genres: [
        { id: 28, name: 'Action' },
        { id: 12, name: 'Adventure' },
      ],
      runtime: 101,
      tagline: '',
      videos: { results: [video({ key: 'abc', official: true })] },
    };
    const details = toTitleDetails(movie, 'movie', IMG);
    expect(details).toMatchObject({ genre_ids: [28, 12], tagline: null, runtime: 101, vote_count: 3, trailer_url: 'https://www.youtube.com/embed/abc' });
  });
});
