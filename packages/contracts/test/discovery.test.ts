/** The discovery schemas accept and refuse what API.md "Discovery" says. */
import { Value } from 'typebox/value';
import { describe, expect, it } from 'vitest';
import { ProvidersQuery, RatingBody, Recommendations, SeasonParams, SimilarQuery, TitleDetails, WatchProviders } from '../src/index.js';

const title = {
  id: 1399,
  media_type: 'tv',
  title: 'Game of Thrones',
  overview: '…',
  poster_path: null,
  backdrop_path: null,
  poster_url: null,
  backdrop_url: null,
  release_date: '2011-04-17',
  vote_average: 8.4,
  genre_ids: [18],
};

describe('discovery', () => {
  it('a rating body is exactly {"rating": "up" | "down"}', () => {
    expect(Value.Check(RatingBody, { rating: 'up' })).toBe(true);
    expect(Value.Check(RatingBody, { rating: 'down' })).toBe(true);
    expect(Value.Check(RatingBody, { rating: 'meh' })).toBe(false);
    expect(Value.Check(RatingBody, {})).toBe(false);
    expect(Value.Check(RatingBody, { rating: 'up', stars: 5 })).toBe(false);
  });

  it('region is two ASCII letters, either case; similar pages are 1…500', () => {
    for (const region of ['US', 'gb', 'Fr']) expect(Value.Check(ProvidersQuery, { region })).toBe(true);
    for (const region of ['USA', 'U', '1A', 'ü1', '']) expect(Value.Check(ProvidersQuery, { region })).toBe(false);
    expect(Value.Check(SimilarQuery, { page: 500, media_type: 'tv' })).toBe(true);
    expect(Value.Check(SimilarQuery, { page: 0 })).toBe(false);
    expect(Value.Check(SeasonParams, { tv_id: 1399, season_number: 0 })).toBe(true);
    expect(Value.Check(SeasonParams, { tv_id: 1399, season_number: -1 })).toBe(false);
  });

  it('TV details may carry seasons and my_rating; a film’s need neither', () => {
    const details = { ...title, genres: [], runtime: 60, tagline: null, vote_count: 1, trailer_url: null, certification: 'TV-MA' };
    expect(Value.Check(TitleDetails, details)).toBe(true);
    const seasons = [{ season_number: 1, name: 'Season 1', episode_count: 10, air_date: '2011-04-17', poster_url: null }];
    expect(Value.Check(TitleDetails, { ...details, seasons, my_rating: 'up' })).toBe(true);
    expect(Value.Check(TitleDetails, { ...details, my_rating: null })).toBe(true);
    expect(Value.Check(TitleDetails, { ...details, my_rating: 'love' })).toBe(false);
  });

  it('providers and rows have the shapes of API.md', () => {
    expect(Value.Check(WatchProviders, { region: 'US', link: null, flatrate: [{ id: 8, name: 'Netflix', logo_url: null }], rent: [], buy: [] })).toBe(true);
    expect(Value.Check(Recommendations, { rows: [{ id: 'because-tv-1399', title: 'Because you liked Game of Thrones', results: [title] }] })).toBe(true);
    expect(Value.Check(Recommendations, { rows: [{ id: 'because-tv-1399', results: [title] }] })).toBe(false);
  });
});
