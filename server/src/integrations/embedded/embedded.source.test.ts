import { describe, expect, it } from 'vitest';
import { AppError } from '../../errors.js';
import type { MaturityLimit } from '../catalog-source.js';
import { indexCatalog, type EmbeddedTitleRecord } from './embedded.data.js';
import { EmbeddedSource, MAX_PAGES, PAGE_SIZE, createEmbeddedSource } from './embedded.source.js';

function record(id: number, overrides: Partial<EmbeddedTitleRecord> = {}): EmbeddedTitleRecord {
  return {
    id,
    title: `Title ${id}`,
    release_date: '2005-06-01',
    genre_ids: [18],
    overview: `Overview ${id}.`,
    tagline: null,
    runtime: 100,
    vote_average: 6.5,
    vote_count: 1000 + id,
    popularity: 1000 + id,
    people: [],
    certification: null,
    ...overrides,
  };
}

/** 45 movies (ids 1…45; every third a horror, popularity rising with the id) and 12 series. */
function smallCatalog() {
  const movies = Array.from({ length: 45 }, (_, i) =>
    record(i + 1, { genre_ids: (i + 1) % 3 === 0 ? [27, 53] : [35], release_date: `${1990 + (i % 20)}-01-01` }),
  );
  const tv = Array.from({ length: 12 }, (_, i) => record(i + 1, { title: `Show ${i + 1}`, genre_ids: [10765, 18], release_date: `${2000 + i}-09-01` }));
  movies.push(record(46, { title: 'Top Rated', vote_average: 9.4, vote_count: 500_000, popularity: 500_000, genre_ids: [878, 28], tagline: 'Based on the book.', runtime: null }));
  return indexCatalog({ version: 1, sources: [], movies, tv });
}

/** No maturity limit. */
const ALL: MaturityLimit = { level: 'all', certificationOf: () => Promise.resolve(null) };

const source = new EmbeddedSource(smallCatalog());

describe('EmbeddedSource paging', () => {
  it('answers pages of 20 with TMDB totals', async () => {
    const page = await source.popular(1, ALL);
    expect(page).toMatchObject({ page: 1, total_results: 46, total_pages: 3 });
    expect(page.results).toHaveLength(PAGE_SIZE);
    expect((await source.popular(3, ALL)).results).toHaveLength(6);
  });

  it('answers a page past the end with empty results and the same totals', async () => {
    expect(await source.popular(4, ALL)).toEqual({ page: 4, total_results: 46, total_pages: 3, results: [] });
    expect(await source.popular(500, ALL)).toMatchObject({ total_pages: 3, results: [] });
  });

  it('caps total_pages at 500 while total_results counts everything', async () => {
    const many = Array.from({ length: MAX_PAGES * PAGE_SIZE + 30 }, (_, i) => record(i + 1));
    const big = new EmbeddedSource(indexCatalog({ version: 1, sources: [], movies: many, tv: [] }));
    const page = await big.popular(500, ALL);
    expect(page).toMatchObject({ total_pages: 500, total_results: 10_030 });
    expect(page.results).toHaveLength(20);
  });
});

describe('EmbeddedSource lists', () => {
  it('popular lists movies only, most voted first', async () => {
    const all = [...(await source.popular(1, ALL)).results, ...(await source.popular(2, ALL)).results, ...(await source.popular(3, ALL)).results];
    expect(all.every((t) => t.media_type === 'movie')).toBe(true);
    expect(all.map((t) => t.id).slice(0, 3)).toEqual([46, 45, 44]);
  });

  it('shapes titles like TMDB with root-relative generated artwork at versioned URLs', async () => {
    const [first] = (await source.popular(1, ALL)).results;
    expect(first).toEqual({
      id: 46,
      media_type: 'movie',
      title: 'Top Rated',
      overview: 'Overview 46.',
      poster_path: '/movie-46.svg',
      backdrop_path: '/movie-46.svg',
      poster_url: '/api/images/v2/poster/movie-46.svg',
      backdrop_url: '/api/images/v2/backdrop/movie-46.svg',
      release_date: '2005-06-01',
      vote_average: 9.4,
      genre_ids: [878, 28],
    });
  });

  it('trending mixes movies and TV shows on every early page, and reaches every title', async () => {
    for (const window of ['day', 'week'] as const) {
      const first = await source.trending(window, 1, ALL);
      expect(new Set(first.results.map((t) => t.media_type))).toEqual(new Set(['movie', 'tv']));
      expect(first.total_results).toBe(46 + 12);
    }
  });

  it('trending differs a little between day and week, deterministically', async () => {
    const day = (await source.trending('day', 1, ALL)).results.map((t) => `${t.media_type}:${t.id}`);
    const week = (await source.trending('week', 1, ALL)).results.map((t) => `${t.media_type}:${t.id}`);
    expect(day).not.toEqual(week);
    expect((await new EmbeddedSource(smallCatalog()).trending('day', 1, ALL)).results.map((t) => `${t.media_type}:${t.id}`)).toEqual(day);
  });

  it('discover lists one genre and media type, most popular first', async () => {
    const horror = await source.discover('movie', 27, 1, ALL);
    expect(horror.total_results).toBe(15);
    expect(horror.results.every((t) => t.genre_ids.includes(27) && t.media_type === 'movie')).toBe(true);
    expect(horror.results.map((t) => t.id).slice(0, 2)).toEqual([45, 42]);
    const scifiTv = await source.discover('tv', 10765, 1, ALL);
    expect(scifiTv.total_results).toBe(12);
    expect(scifiTv.results.every((t) => t.media_type === 'tv')).toBe(true);
  });

  it('discover answers an empty page for a genre without titles or an unknown one', async () => {
    expect(await source.discover('movie', 37, 1, ALL)).toEqual({ page: 1, total_pages: 0, total_results: 0, results: [] });
    expect((await source.discover('movie', 999_999, 1, ALL)).results).toEqual([]);
  });
});

describe('EmbeddedSource featured', () => {
  const at = (iso: string) => new EmbeddedSource(smallCatalog(), { now: () => new Date(iso) });

  it('is a highly rated title with a backdrop, as TitleDetails', async () => {
    const featured = await at('2025-03-01T12:00:00Z').featured(ALL);
    expect(featured.id).toBe(46);
    expect(featured.backdrop_url).toBe('/api/images/v2/backdrop/movie-46.svg');
    expect(featured.genres).toEqual([
      { id: 878, name: 'Science Fiction' },
      { id: 28, name: 'Action' },
    ]);
  });

  it('stays the same for a whole UTC day and moves on with the date', async () => {
    const catalog = indexCatalog({
      version: 1,
      sources: [],
      movies: Array.from({ length: 60 }, (_, i) => record(i + 1, { vote_average: 9 - i / 100, vote_count: 100_000 })),
      tv: [],
    });
    const on = async (iso: string) => (await new EmbeddedSource(catalog, { now: () => new Date(iso) }).featured(ALL)).id;
    const morning = await on('2025-03-01T00:00:01Z');
    expect(await on('2025-03-01T13:30:00Z')).toBe(morning);
    expect(await on('2025-03-01T23:59:59Z')).toBe(morning);
    expect(await on('2025-03-02T00:00:01Z')).not.toBe(morning);
  });
});

describe('EmbeddedSource search', () => {
  it('filters by genre before paging: full pages and accurate totals', async () => {
    const all = await source.search('title', 1, undefined, ALL);
    expect(all.total_results).toBe(45);
    const horror1 = await source.search('title', 1, 27, ALL);
    expect(horror1.total_results).toBe(15);
    expect(horror1.total_pages).toBe(1);
    expect(horror1.results).toHaveLength(15);
    expect(horror1.results.every((t) => t.genre_ids.includes(27))).toBe(true);
    const comedy = await source.search('title', 2, 35, ALL);
    expect(comedy).toMatchObject({ total_results: 30, total_pages: 2 });
    expect(comedy.results).toHaveLength(10);
  });

  it('returns movies and TV shows together', async () => {
    const page = await source.search('show', 1, undefined, ALL);
    expect(page.total_results).toBe(12);
    expect(page.results.every((t) => t.media_type === 'tv')).toBe(true);
    expect((await source.search('top', 1, undefined, ALL)).results[0]?.media_type).toBe('movie');
  });

  it('answers an empty page for blank text', async () => {
    expect(await source.search('   ', 1, undefined, ALL)).toMatchObject({ total_results: 0, results: [] });
  });
});

describe('EmbeddedSource details and trailers', () => {
  it('details carry named genres, runtime, tagline, vote_count and no trailer', async () => {
    expect(await source.details('movie', 46)).toMatchObject({
      id: 46,
      genres: [
        { id: 878, name: 'Science Fiction' },
        { id: 28, name: 'Action' },
      ],
      genre_ids: [878, 28],
      runtime: null,
      tagline: 'Based on the book.',
      vote_count: 500_000,
      trailer_url: null,
    });
    const show = await source.details('tv', 3);
    expect(show).toMatchObject({ media_type: 'tv', title: 'Show 3', runtime: 100, genres: [{ id: 10765, name: 'Sci-Fi & Fantasy' }, { id: 18, name: 'Drama' }] });
  });

  it('movie and TV ids are separate spaces', async () => {
    expect((await source.details('movie', 3)).title).toBe('Title 3');
    expect((await source.details('tv', 3)).title).toBe('Show 3');
  });

  it('an unknown title throws a 404 NOT_FOUND', async () => {
    await expect(source.details('movie', 9999)).rejects.toMatchObject({ status: 404, code: 'NOT_FOUND' });
    await expect(source.details('tv', 46)).rejects.toBeInstanceOf(AppError);
  });

  it('trailer is null for a known title and 404 for an unknown one', async () => {
    expect(await source.trailer('movie', 1)).toBeNull();
    await expect(source.trailer('tv', 9999)).rejects.toMatchObject({ status: 404, code: 'NOT_FOUND' });
  });
});

describe('EmbeddedSource genres', () => {
  it('lists only the genres that hold titles, with TMDB’s names; a genre films and series share is a movie genre', async () => {
    const { movie, tv } = await source.genres();
    expect(movie.map((genre) => genre.id).sort((a, b) => a - b)).toEqual([27, 28, 35, 53, 878]);
    expect(movie).toContainEqual({ id: 878, name: 'Science Fiction' });
    expect(tv).toEqual([
      { id: 18, name: 'Drama' },
      { id: 10765, name: 'Sci-Fi & Fantasy' },
    ]);
  });
});

describe('createEmbeddedSource', () => {
  it('loads the data once and returns the same source every time', async () => {
    const first = await createEmbeddedSource();
    expect(first.kind).toBe('embedded');
    expect(await createEmbeddedSource()).toBe(first);
  });
});
