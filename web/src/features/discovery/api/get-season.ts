import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Season } from '@marquee/contracts';
import { apiRequest } from '../../../lib/api-client';
import { staleTimes } from '../../../lib/query-client';

/** GET /api/tv/{id}/seasons/{n}: one season and its episodes (none when the catalog does not know them). */
export const seasonQuery = (tvId: number, seasonNumber: number) =>
  queryOptions({
    queryKey: ['season', tvId, seasonNumber],
    queryFn: ({ signal }) => apiRequest<Season>(`/api/tv/${tvId}/seasons/${seasonNumber}`, { signal }),
    staleTime: staleTimes.details,
  });

export function useSeason(tvId: number, seasonNumber: number | null, enabled = true) {
  return useQuery({ ...seasonQuery(tvId, seasonNumber ?? 1), enabled: enabled && seasonNumber !== null });
}
