import { describe, expect, it } from 'vitest';
import { loadEmbeddedCatalog } from './embedded.data.js';
import { isGenreOf } from './genres.js';

/** Facts about the committed data file (`assets/embedded-catalog.json`). */
describe('embedded catalog data', () => {
  const catalog = loadEmbeddedCatalog();

  it('holds at least 3,000 films and 50 TV series', () => {
    expect(catalog.movies.length).toBeGreaterThanOrEqual(3000);
    expect(catalog.tv.length).toBeGreaterThanOrEqual(50);
  });

  it('gives every title a unique positive integer id within its media type', () => {
    for (const titles of [catalog.movies, catalog.tv]) {
      const ids = titles.map((t) => t.id);
      expect(ids.every((id) => Number.isInteger(id) && id > 0)).toBe(true);
      expect(new Set(ids).size).toBe(ids.length);
    }
  });

  it('uses only TMDB genre ids of the title’s media type, at least one each', () => {
    for (const title of [...catalog.movies, ...catalog.tv]) {
      expect(title.genre_ids.length).toBeGreaterThan(0);
      expect(title.genre_ids.filter((id) => !isGenreOf(title.media_type, id))).toEqual([]);
    }
  });

  it('has valid dates, and no film dated after the data set ends (two-digit-year parses fixed)', () => {
    for (const title of [...catalog.movies, ...catalog.tv]) {
      if (title.release_date === null) continue;
      expect(title.release_date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(Number.isNaN(Date.parse(title.release_date))).toBe(false);
    }
    expect(Math.max(...catalog.movies.map((t) => t.year ?? 0))).toBeLessThanOrEqual(2011);
    expect(catalog.movies.find((t) => t.title === 'Gone with the Wind')?.year).toBe(1939);
  });

  it('has usable titles, overviews and ratings', () => {
    for (const title of [...catalog.movies, ...catalog.tv]) {
      expect(title.title.trim()).not.toBe('');
      expect(title.overview.length).toBeGreaterThan(10);
      expect(title.vote_average).toBeGreaterThanOrEqual(0);
      expect(title.vote_average).toBeLessThanOrEqual(10);
    }
    // The data set's Mac Roman mojibake is repaired.
    expect(catalog.movies.some((t) => t.title === 'Le Fabuleux destin d\'Amélie Poulain')).toBe(true);
    expect(catalog.movies.some((t) => /È/.test(t.title))).toBe(false);
  });

  it('fills every row the web app shows with plenty of films', () => {
    for (const genre of [28, 35, 18, 27, 878, 53, 10749, 12]) {
      expect(catalog.movies.filter((t) => t.genre_ids.includes(genre)).length, `genre ${genre}`).toBeGreaterThanOrEqual(100);
    }
  });
});
