import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Page, TrendingWindow } from '@marquee/contracts';
import { apiRequest } from '../../../lib/api-client';
import { staleTimes } from '../../../lib/query-client';

/** GET /api/movies/trending: movies and TV shows. */
export function getTrending(window: TrendingWindow = 'week', page = 1, signal?: AbortSignal): Promise<Page> {
  return apiRequest<Page>('/api/movies/trending', { query: { window, page }, signal, auth: false });
}

export const trendingQuery = (window: TrendingWindow = 'week', page = 1) =>
  queryOptions({
    queryKey: ['catalog', 'trending', window, page],
    queryFn: ({ signal }) => getTrending(window, page, signal),
    staleTime: staleTimes.catalog,
  });

/** Trending titles, one page. */
export function useTrending(window: TrendingWindow = 'week', page = 1) {
  return useQuery(trendingQuery(window, page));
}
