import { afterEach, describe, expect, it, vi } from 'vitest';
import { genresQuery } from '../../features/catalog/api/get-genres';
import { genreTitlesQuery } from '../../features/catalog/api/get-genre-titles';
import { popularQuery } from '../../features/catalog/api/get-popular';
import { trendingQuery } from '../../features/catalog/api/get-trending';
import { createQueryClient } from '../../lib/query-client';
import { endSession, startSession } from '../../lib/api-client';
import { installFakeApi, json, makePage, makeProfile, makeTitle, makeTokens } from '../../test/fake-api';
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
    expect(queryClient.getQueryData(popularQuery('all').queryKey)).toEqual(page);
    expect(queryClient.getQueryData(trendingQuery('all', 'week').queryKey)).toEqual(page);
    expect(queryClient.getQueryData(genresQuery.queryKey)).toEqual({ genres: [{ id: 28, name: 'Action' }] });
    // The genre rows answered 404 here (a 4xx is not retried): nothing cached, their rows will ask again.
    expect(queryClient.getQueryData(genreTitlesQuery('all', 28).queryKey)).toBeUndefined();
  });

  it('a kids profile’s rows are fetched with its token and cached under its level, apart from the adult ones', async () => {
    const kidsPage = makePage([makeTitle({ id: 2, title: 'Paddington' })]);
    const api = installFakeApi({
      'GET /api/movies/popular': () => json(200, kidsPage),
      'GET /api/movies/trending': () => json(200, kidsPage),
      'GET /api/genres': () => json(200, { genres: [] }),
    });
    startSession(makeTokens('kids-token', undefined, makeProfile({ id: 'p-2', name: 'Kid', kids: true, maturity: 'older_kids', owner: false })));
    const queryClient = createQueryClient();
    queryClient.setQueryData(popularQuery('all').queryKey, makePage([makeTitle({ id: 3, title: 'Heat' })]));
    await prefetchBrowse(queryClient);
    await vi.waitFor(() => expect(queryClient.isFetching()).toBe(0));
    expect(api.calls('GET /api/movies/popular')[0]?.headers.get('authorization')).toMatch(/^Bearer /);
    expect(queryClient.getQueryData(popularQuery('older_kids').queryKey)).toEqual(kidsPage);
    expect(queryClient.getQueryData<{ results: { title: string }[] }>(popularQuery('all').queryKey)?.results[0]?.title).toBe('Heat');
  });
});
