import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Recommendations } from '@marquee/contracts';
import { apiRequest } from '../../../lib/api-client';

export const recommendationsQueryKey = ['recommendations'] as const;

/** GET /api/recommendations: the rows made for the profile ("Because you liked …"). */
export const recommendationsQuery = queryOptions({
  queryKey: recommendationsQueryKey,
  queryFn: ({ signal }) => apiRequest<Recommendations>('/api/recommendations', { signal }),
  staleTime: 60_000,
});

export function useRecommendations() {
  return useQuery(recommendationsQuery);
}
