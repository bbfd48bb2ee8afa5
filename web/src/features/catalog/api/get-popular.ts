import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Page } from '@marquee/contracts';
import { apiRequest } from '../../../lib/api-client';
import { staleTimes } from '../../../lib/query-client';

/** GET /api/movies/popular. */
export function getPopular(page = 1, signal?: AbortSignal): Promise<Page> {
  return apiRequest<Page>('/api/movies/popular', { query: { page }, signal, auth: false });
}

export const popularQuery = (page = 1) =>
  queryOptions({
    queryKey: ['catalog', 'popular', page],
    queryFn: ({ signal }) => getPopular(page, signal),
    staleTime: staleTimes.catalog,
  });

/** Popular movies, one page. */
export function usePopular(page = 1) {
  return useQuery(popularQuery(page));
}
