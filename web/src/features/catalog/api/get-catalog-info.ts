import { queryOptions, useQuery } from '@tanstack/react-query';
import type { CatalogInfo } from '@marquee/contracts';
import { apiRequest } from '../../../lib/api-client';
import { staleTimes } from '../../../lib/query-client';

/** GET /api/catalog. */
export function getCatalogInfo(signal?: AbortSignal): Promise<CatalogInfo> {
  return apiRequest<CatalogInfo>('/api/catalog', { signal, auth: false });
}

export const catalogInfoQuery = queryOptions({
  queryKey: ['catalog', 'info'],
  queryFn: ({ signal }) => getCatalogInfo(signal),
  staleTime: staleTimes.genres,
});

/** The catalog's source and attribution. */
export function useCatalogInfo() {
  return useQuery(catalogInfoQuery);
}
