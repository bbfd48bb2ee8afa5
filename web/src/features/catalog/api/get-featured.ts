import { queryOptions, useQuery } from '@tanstack/react-query';
import type { TitleDetails } from '@marquee/contracts';
import { apiRequest } from '../../../lib/api-client';
import { staleTimes } from '../../../lib/query-client';

/** GET /api/movies/featured: the hero title. */
export function getFeatured(signal?: AbortSignal): Promise<TitleDetails> {
  return apiRequest<TitleDetails>('/api/movies/featured', { signal, auth: false });
}

export const featuredQuery = queryOptions({
  queryKey: ['catalog', 'featured'],
  queryFn: ({ signal }) => getFeatured(signal),
  staleTime: staleTimes.catalog,
});

/** The hero title. */
export function useFeatured() {
  return useQuery(featuredQuery);
}
