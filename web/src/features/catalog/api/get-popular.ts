import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Page } from '@marquee/contracts';
import type { MaturityLevel } from '@marquee/contracts/maturity';
import { apiRequest } from '../../../lib/api-client';
import { useCatalogLevel } from '../../../lib/maturity-level';
import { staleTimes } from '../../../lib/query-client';

/** GET /api/movies/popular, with the session's token: the server answers within its profile's limit. */
export function getPopular(page = 1, signal?: AbortSignal): Promise<Page> {
  return apiRequest<Page>('/api/movies/popular', { query: { page }, signal });
}

export const popularQuery = (level: MaturityLevel, page = 1) =>
  queryOptions({
    queryKey: ['catalog', level, 'popular', page],
    queryFn: ({ signal }) => getPopular(page, signal),
    staleTime: staleTimes.catalog,
  });

/** Popular movies, one page, at the current profile's level. */
export function usePopular(page = 1) {
  const { level, ready } = useCatalogLevel();
  return useQuery({ ...popularQuery(level, page), enabled: ready });
}
