import { queryOptions, useQuery } from '@tanstack/react-query';
import type { MediaType, WatchProviders } from '@marquee/contracts';
import { apiRequest } from '../../../lib/api-client';
import { staleTimes } from '../../../lib/query-client';

/** GET /api/movies/{id}/providers: where to watch in the server's default region. */
export const providersQuery = (mediaType: MediaType, id: number) =>
  queryOptions({
    queryKey: ['providers', mediaType, id],
    queryFn: ({ signal }) => apiRequest<WatchProviders>(`/api/movies/${id}/providers`, { query: { media_type: mediaType }, signal }),
    staleTime: staleTimes.catalog,
  });

export function useProviders(mediaType: MediaType, id: number, enabled = true) {
  return useQuery({ ...providersQuery(mediaType, id), enabled });
}
