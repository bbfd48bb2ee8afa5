import { afterEach, describe, expect, it, vi } from 'vitest';
import { genresQuery } from '../../features/catalog/api/get-genres';
import { genreTitlesQuery } from '../../features/catalog/api/get-genre-titles';
import { popularQuery } from '../../features/catalog/api/get-popular';
import { trendingQuery } from '../../features/catalog/api/get-trending';
import { createQueryClient } from '../../lib/query-client';
import { endSession } from '../../lib/api-client';
import { installFakeApi, json, makePage, makeTitle } from '../../test/fake-api';
import { prefetchBrowse } from './browse';

describe('prefetchBrowse', () => {
  afterEach(() => endSession());

  it('starts every catalog request of the page one task apart, without a session, and fills the cache', async () => {
    const page = makePage([makeTitle({ id: 1, title: 'Heat' })]);
    const api = installFakeApi({
      'GET /api/movies/popular': () => json(200, page),
      'GET /api/movies/trending': () => json(200, page),
      'GET /api/genres': () => json(200, { genres: [{ id: 28, name: 'Action' }] }),
    });
    const queryClient = createQueryClient();
    const done = prefetchBrowse(queryClient);

    // The first request starts at once; each of the others waits for a task of its own.
    expect(api.requests).toHaveLength(1);
    await done;
    await vi.waitFor(() => expect(queryClient.isFetching()).toBe(0));

    const paths = api.requests.map((r) => r.path);
    expect(paths).toEqual(['/api/movies/popular', '/api/movies/trending', '/api/genres', ...[28, 35, 878, 27, 18, 53, 16].map((id) => `/api/movies/genre/${id}`)]);
    // Catalog reads are public: no request carries a token.
    expect(api.requests.every((r) => !r.headers.has('authorization'))).toBe(true);
    expect(queryClient.getQueryData(popularQuery().queryKey)).toEqual(page);
    expect(queryClient.getQueryData(trendingQuery('week').queryKey)).toEqual(page);
    expect(queryClient.getQueryData(genresQuery.queryKey)).toEqual({ genres: [{ id: 28, name: 'Action' }] });
    // The genre rows answered 404 here (a 4xx is not retried): nothing cached, their rows will ask again.
    expect(queryClient.getQueryData(genreTitlesQuery(28).queryKey)).toBeUndefined();
  });
});
