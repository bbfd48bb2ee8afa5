import { queryOptions, useQuery } from '@tanstack/react-query';
import type { TitleDetails } from '@marquee/contracts';
import type { MaturityLevel } from '@marquee/contracts/maturity';
import { apiRequest } from '../../../lib/api-client';
import { useCatalogLevel } from '../../../lib/maturity-level';
import { staleTimes } from '../../../lib/query-client';

/** GET /api/movies/featured: the hero title, one the session's profile may see. */
export function getFeatured(signal?: AbortSignal): Promise<TitleDetails> {
  return apiRequest<TitleDetails>('/api/movies/featured', { signal });
}

export const featuredQuery = (level: MaturityLevel) =>
  queryOptions({
    queryKey: ['catalog', level, 'featured'],
    queryFn: ({ signal }) => getFeatured(signal),
    staleTime: staleTimes.catalog,
  });

/** The hero title at the current profile's level. */
export function useFeatured() {
  const { level, ready } = useCatalogLevel();
  return useQuery({ ...featuredQuery(level), enabled: ready });
}
