import { afterEach, describe, expect, it } from 'vitest';
import type { TitleDetails } from '@marquee/contracts';
import { featuredQuery } from '../features/catalog/api/get-featured';
import { endSession } from '../lib/api-client';
import { createQueryClient } from '../lib/query-client';
import { installFakeApi, json, makePage, makeTitle } from '../test/fake-api';
import { prefetchRoute } from './router';

const featured: TitleDetails = { ...makeTitle(), genres: [], runtime: null, tagline: null, vote_count: 1, trailer_url: null, certification: null };

describe('first-load prefetch from the route table', () => {
  afterEach(() => endSession());

  it('a visit to browse asks for the hero at once, then for every row once the page’s code is in', async () => {
    const api = installFakeApi({
      'GET /api/movies/featured': () => json(200, featured),
      'GET /api/movies/popular': () => json(200, makePage([makeTitle({ id: 1, title: 'Heat' })])),
    });
    const started = prefetchRoute(createQueryClient(), { pathname: '/' });

    expect(api.requests.map((r) => r.path)).toEqual(['/api/movies/featured']);
    await started;
    expect(api.requests.map((r) => r.path)).toEqual([
      '/api/movies/featured',
      '/api/movies/popular',
      '/api/movies/trending',
      '/api/genres',
      ...[28, 35, 878, 27, 18, 53, 16].map((id) => `/api/movies/genre/${id}`),
    ]);
  });

  it('the hero the page shell brought is not asked for again', async () => {
    const api = installFakeApi({});
    const queryClient = createQueryClient();
    queryClient.setQueryData(featuredQuery('all').queryKey, featured);
    await prefetchRoute(queryClient, { pathname: '/' });
    expect(api.requests.map((r) => r.path)).not.toContain('/api/movies/featured');
    expect(api.requests.map((r) => r.path)).toContain('/api/movies/popular');
  });

  it('other pages start no catalog request', async () => {
    const api = installFakeApi({});
    const queryClient = createQueryClient();
    for (const pathname of ['/login', '/register', '/search', '/my-list', '/profile', '/title/movie/550', '/no-such-page']) {
      await prefetchRoute(queryClient, { pathname });
    }
    expect(api.requests).toEqual([]);
    expect(queryClient.getQueryCache().getAll()).toEqual([]);
  });
});
