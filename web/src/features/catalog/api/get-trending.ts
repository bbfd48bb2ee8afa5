import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Page, TrendingWindow } from '@marquee/contracts';
import type { MaturityLevel } from '@marquee/contracts/maturity';
import { apiRequest } from '../../../lib/api-client';
import { useCatalogLevel } from '../../../lib/maturity-level';
import { staleTimes } from '../../../lib/query-client';

/** GET /api/movies/trending: movies and TV shows, within the session's profile's limit. */
export function getTrending(window: TrendingWindow = 'week', page = 1, signal?: AbortSignal): Promise<Page> {
  return apiRequest<Page>('/api/movies/trending', { query: { window, page }, signal });
}

export const trendingQuery = (level: MaturityLevel, window: TrendingWindow = 'week', page = 1) =>
  queryOptions({
    queryKey: ['catalog', level, 'trending', window, page],
    queryFn: ({ signal }) => getTrending(window, page, signal),
    staleTime: staleTimes.catalog,
  });

/** Trending titles, one page, at the current profile's level. */
export function useTrending(window: TrendingWindow = 'week', page = 1) {
  const { level, ready } = useCatalogLevel();
  return useQuery({ ...trendingQuery(level, window, page), enabled: ready });
}
