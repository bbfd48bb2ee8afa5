/** CatalogService as the watchlist uses it: getTitle and findTitles over a fake TMDB. */
import { pino } from 'pino';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createCatalog } from '../../src/modules/catalog/catalog.factory.js';
import type { CatalogService } from '../../src/modules/catalog/catalog.service.js';
import { testConfig } from '../helpers/build-test-app.js';
import { startFakeTmdb, type FakeTmdb } from '../helpers/fake-tmdb.js';

const log = pino({ level: 'silent' });

describe('CatalogService for the watchlist (TMDB source)', () => {
  let fake: FakeTmdb;
  let catalog: CatalogService;

  beforeAll(async () => {
    fake = await startFakeTmdb();
    catalog = (await createCatalog({ config: testConfig({ TMDB_BASE_URL: fake.url, TMDB_API_KEY: fake.apiKey }), redis: null, log })).catalog;
  });
  afterAll(async () => {
    await catalog.close();
    await fake.close();
  });
  beforeEach(() => fake.reset());

  it('is in tmdb mode', () => {
    expect(catalog.mode).toBe('tmdb');
    expect(catalog.info().source).toBe('tmdb');
  });

  it('getTitle → the Title fields only and the certification, through the details cache', async () => {
    const { title, certification } = await catalog.getTitle('tv', 1399);
    // Game of Thrones' US rating in the fixture's content_ratings.
    expect(certification).toBe('TV-MA');
    expect(Object.keys(title).sort()).toEqual(
      ['backdrop_path', 'backdrop_url', 'genre_ids', 'id', 'media_type', 'overview', 'poster_path', 'poster_url', 'release_date', 'title', 'vote_average'].sort(),
    );
    expect(title).toMatchObject({ id: 1399, media_type: 'tv', title: 'Game of Thrones' });
    await catalog.getTitle('tv', 1399);
    expect(fake.requestsTo('/tv/1399')).toHaveLength(1);
  });

  it('getTitle throws notFound for an unknown title and 503 when TMDB is down', async () => {
    await expect(catalog.getTitle('movie', 31337)).rejects.toMatchObject({ status: 404 });
    fake.script('/movie/31338', { status: 500 });
    await expect(catalog.getTitle('movie', 31338)).rejects.toMatchObject({ status: 503 });
  });

  it('findTitles resolves in order, null where a title cannot be resolved, and never throws', async () => {
    // A success first, so earlier failures cannot add up to an open circuit here.
    await catalog.getTitle('movie', 603);
    fake.script('/movie/680', { status: 500 });
    const titles = await catalog.findTitles([
      { mediaType: 'movie', id: 550 },
      { mediaType: 'movie', id: 424242 },
      { mediaType: 'tv', id: 1396 },
      { mediaType: 'movie', id: 680 },
    ]);
    expect(titles.map((t) => t?.title.id ?? null)).toEqual([550, null, 1396, null]);
    expect(await catalog.findTitles([])).toEqual([]);
  });
});
